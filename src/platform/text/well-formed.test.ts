import { describe, expect, it } from 'vitest';
import { canonicalJson, hasLoneSurrogate, toStoredJson, wellFormed } from './well-formed.ts';

describe('well-formed text for storing and hashing', () => {
  it('replaces lone surrogates and NUL by U+FFFD, keeps pairs and everything else', () => {
    expect(wellFormed('\ud800x')).toBe('\ufffdx');
    expect(wellFormed('a\udc00')).toBe('a\ufffd');
    expect(wellFormed('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(wellFormed('nul\u0000')).toBe('nul\ufffd');
    expect(wellFormed('😀 اردو \u202e')).toBe('😀 اردو \u202e');
    expect(hasLoneSurrogate('😀')).toBe(false);
    expect(hasLoneSurrogate('😀'.slice(0, 1))).toBe(true);
  });

  it('gives one JSON tree for values jsonb would store alike, and canonical text that parses back to it', () => {
    const stored = toStoredJson({ b: [1.0, 1e2, -0, NaN, undefined, () => 1], a: { y: undefined, x: new Date(0) }, n: 10n, '\ud800': '\udfff' });
    expect(stored).toEqual({ b: [1, 100, 0, null, null, null], a: { x: '1970-01-01T00:00:00.000Z' }, n: '10', '\ufffd': '\ufffd' });
    const text = canonicalJson(stored);
    expect(text).toBe('{"a":{"x":"1970-01-01T00:00:00.000Z"},"b":[1,100,0,null,null,null],"n":"10","\ufffd":"\ufffd"}');
    expect(canonicalJson(toStoredJson(JSON.parse(text)))).toBe(text);
    // Key order does not matter; two keys that become one: the later wins, as in jsonb.
    expect(canonicalJson(toStoredJson({ z: 1, a: 2 }))).toBe(canonicalJson(toStoredJson({ a: 2, z: 1 })));
    expect(toStoredJson({ '\ud800': 1, '\udc00': 2 })).toEqual({ '\ufffd': 2 });
    // Numbers round-trip as the doubles they are (jsonb prints 1e21 in full; it parses to the same number).
    // eslint-disable-next-line no-loss-of-precision -- the point: numbers beyond double precision must hash as stored
    for (const n of [12345678901234567890, 1e21, 5e-324, 0.1 + 0.2, -1.5e-7]) expect(JSON.parse(canonicalJson(toStoredJson(n)))).toBe(n);
  });

  it('refuses a cycle instead of looping', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => toStoredJson(a)).toThrow(/nested too deeply/);
  });
});
