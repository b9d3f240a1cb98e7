import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hexBytesToWordsInto, hexProblem, hexToWords, wordsToHex } from './hex.ts';

describe('hex <-> packed words', () => {
  it('round-trips any 64-hex string (upper case normalised to lower)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex');
        expect(wordsToHex(hexToWords(hex))).toBe(hex);
        expect(wordsToHex(hexToWords(hex.toUpperCase()))).toBe(hex);
      }),
    );
  });

  it('puts the first 8 hex characters in word 0', () => {
    const w = hexToWords('80000001' + '0'.repeat(48) + 'fffffffe');
    expect(w[0]).toBe(0x80000001);
    expect(w[7]).toBe(0xfffffffe);
  });

  it('says what is wrong with a bad hash, naming the label', () => {
    expect(hexProblem('a'.repeat(64))).toBeNull();
    expect(hexProblem('a'.repeat(63))).toMatch(/expected 64 hex characters, got 63/);
    expect(hexProblem('a'.repeat(10) + 'z' + 'a'.repeat(53))).toMatch(/invalid character "z" at column 11/);
    expect(() => hexToWords(' '.repeat(64), 'needles.txt:4')).toThrow(/^needles.txt:4: invalid character " " at column 1/);
  });

  it('byte parser agrees with the string parser and reports the bad column', () => {
    const hex = '0123456789abcdefABCDEF0123456789abcdef0123456789abcdef0123456789';
    const out = new Uint32Array(8);
    expect(hexBytesToWordsInto(Buffer.from(hex), 0, out, 0)).toBe(-1);
    expect(out).toEqual(hexToWords(hex));
    expect(hexBytesToWordsInto(Buffer.from('0'.repeat(40) + 'x' + '0'.repeat(23)), 0, out, 0)).toBe(40);
  });
});
