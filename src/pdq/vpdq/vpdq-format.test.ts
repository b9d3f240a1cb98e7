import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed } from './fixed-decimal.ts';
import { formatVpdqFile, parseVpdqFile, parseVpdqLine, VpdqParseError } from './vpdq-format.ts';
import { testdataPath } from '../testdata.ts';

const SAMPLES = testdataPath('vpdq/sample-hashes/');

describe('formatFixed', () => {
  it('rounds exact ties to even like printf, everything else like toFixed', () => {
    expect(formatFixed(0.0625, 3)).toBe('0.062'); // exact tie: printf gives .062, toFixed .063
    expect(formatFixed(0.1875, 3)).toBe('0.188');
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(12.345, 2)).toBe('12.35'); // 12.345 is stored slightly above the tie
    expect(formatFixed(100, 2)).toBe('100.00');
    expect(formatFixed(2.5, 0)).toBe('2');
  });

  it('agrees with toFixed whenever the value is not an exact binary tie', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const isTie = Number.isInteger(x * 2 * 10 ** d) && !Number.isInteger(x * 10 ** d);
        fc.pre(!isTie);
        return formatFixed(x, d) === x.toFixed(d);
      }),
    );
  });
});

describe('vPDQ line format', () => {
  it('parses and re-serialises every reference sample-hashes file byte for byte', () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
    // 13 videos x {native, 128x128}; test-padded-dimensions-128x128.txt is empty upstream.
    expect(files.length).toBe(26);
    for (const f of files) {
      const text = readFileSync(SAMPLES + f, 'utf8');
      expect(formatVpdqFile(parseVpdqFile(text)), f).toBe(text);
    }
  });

  it('parses a line into its four fields', () => {
    expect(parseVpdqLine('30,68,C8FEB0FC73910F830FC6307CF039E7030FC61B9CF8717CF00FCE00070003FFFE,1.000')).toEqual({
      frame: 30,
      quality: 68,
      hash: 'c8feb0fc73910f830fc6307cf039e7030fc61b9cf8717cf00fce00070003fffe',
      timestamp: 1,
    });
  });

  it('rejects malformed lines with the line number', () => {
    const h = 'a'.repeat(64);
    for (const bad of [`1,2,${h}`, `x,2,${h},0.1`, `1,101,${h},0.1`, `1,2,${h.slice(1)},0.1`, `1,2,${h},-1`, `1,2,${h},`]) {
      expect(() => parseVpdqFile(`0,100,${h},0.000\n${bad}\n`)).toThrow(VpdqParseError);
    }
    expect(() => parseVpdqFile(`\n1,2,${h}\n`)).toThrow(/^line 2:/);
  });
});
