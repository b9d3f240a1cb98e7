import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed } from './fixed-decimal.ts';
import { parseVpdqFile, type VpdqFeature } from './vpdq-format.ts';
import { matchVpdq } from './vpdq-match.ts';
import { testdataPath } from '../testdata.ts';

const DIR = testdataPath('vpdq/');
const cache = new Map<string, VpdqFeature[]>();
function load(name: string): VpdqFeature[] {
  let f = cache.get(name);
  if (!f) {
    f = parseVpdqFile(readFileSync(`${DIR}sample-hashes/${name}`, 'utf8'));
    cache.set(name, f);
  }
  return f;
}

const expected = readFileSync(`${DIR}expected-matches.tsv`, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'));

describe('matchVpdq against expected-matches.tsv (every ordered pair of native-size sample hashes)', () => {
  it('has all 13 x 12 ordered pairs', () => {
    expect(expected.length).toBe(156);
  });

  it('reproduces both percentages of both rules to two decimals', () => {
    const mismatches: string[] = [];
    for (const [query, target, qTx, tTx, qCpp, tCpp] of expected) {
      const tx = matchVpdq(load(query), load(target), { rule: 'threatexchange' });
      const cpp = matchVpdq(load(query), load(target), { rule: 'cpp-brute' });
      const got = [tx.queryPercent, tx.comparedPercent, cpp.queryPercent, cpp.comparedPercent].map((x) => formatFixed(x, 2));
      if (got.join(' ') !== [qTx, tTx, qCpp, tCpp].join(' ')) mismatches.push(`${query} vs ${target}: ${got} != ${[qTx, tTx, qCpp, tCpp]}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('matchVpdq rules', () => {
  // A 64-hex hash made of one 4-hex group repeated: h('0000') and h('ffff') are 256 bits apart.
  const h = (hex4: string): string => hex4.repeat(16);
  const f = (hash: string, quality = 100): VpdqFeature => ({ frame: 0, quality, hash, timestamp: 0 });
  const base = h('0000');

  it('threatexchange: <= distance; cpp-brute: < distance', () => {
    const at31 = f('7fffffff' + '0'.repeat(56)); // 31 bits set
    expect(matchVpdq([f(base)], [at31]).queryPercent).toBe(100);
    expect(matchVpdq([f(base)], [at31], { rule: 'cpp-brute' }).queryPercent).toBe(0);
  });

  it('threatexchange drops duplicate hashes, cpp-brute keeps them', () => {
    const q = [f(base), f(base), f(base), f(h('ffff'))];
    const c = [f(base)];
    expect(matchVpdq(q, c).queryPercent).toBe(50);
    expect(matchVpdq(q, c, { rule: 'cpp-brute' }).queryPercent).toBe(75);
  });

  it('ignores frames below the quality threshold and applies configurable decision thresholds', () => {
    const q = [f(base), f(h('ffff'), 49)];
    const r = matchVpdq(q, [f(base)]);
    expect(r).toEqual({ queryPercent: 100, comparedPercent: 100, queryFrames: 1, comparedFrames: 1, isMatch: true });
    const q2 = [f(base), f(h('ffff'))];
    expect(matchVpdq(q2, [f(base)]).isMatch).toBe(false); // 50% < 80%
    expect(matchVpdq(q2, [f(base)], { queryThresholdPercent: 50 }).isMatch).toBe(true);
    expect(matchVpdq([f(base)], q2, { comparedThresholdPercent: 60 }).isMatch).toBe(false);
  });

  it('reports 0% and no match when a side has no usable frames', () => {
    expect(matchVpdq([f(base, 10)], [f(base)])).toMatchObject({ queryPercent: 0, comparedPercent: 0, isMatch: false });
    expect(matchVpdq([], [])).toMatchObject({ queryPercent: 0, comparedPercent: 0, isMatch: false });
  });

  it('swapping query and compared swaps the percentages; a video matches itself fully', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    const video = fc.array(fc.record({ hash: hex, quality: fc.integer({ min: 0, max: 100 }) }), { maxLength: 12 });
    fc.assert(
      fc.property(video, video, fc.constantFrom('threatexchange' as const, 'cpp-brute' as const), (a, b, rule) => {
        const va = a.map((x) => f(x.hash, x.quality));
        const vb = b.map((x) => f(x.hash, x.quality));
        const ab = matchVpdq(va, vb, { rule });
        const ba = matchVpdq(vb, va, { rule });
        expect(ab.queryPercent).toBe(ba.comparedPercent);
        expect(ab.comparedPercent).toBe(ba.queryPercent);
        const self = matchVpdq(va, va, { rule });
        expect(self.queryPercent).toBe(self.queryFrames === 0 ? 0 : 100);
      }),
    );
  });
});
