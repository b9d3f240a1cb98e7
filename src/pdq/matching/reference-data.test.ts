// Meta's reference data: every needle/haystack pair within 63, from brute force, identical at 31 to
// the C++ `mih-query -d 31` (see test/fixtures/pdq/README.md, matching/). Lines there are 1-based.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FlatIndex, bruteForceAllPairs } from './brute-force.ts';
import { readHashFile } from './hash-file.ts';
import { MihIndex } from './mih-index.ts';
import type { PdqIndex } from './types.ts';
import { testdataPath } from '../testdata.ts';

const DIR = testdataPath('matching');

describe('reference matching data (haystack 1,350 x needles 67)', () => {
  const haystack = readHashFile(`${DIR}/haystack.txt`);
  const needles = readHashFile(`${DIR}/needles.txt`);
  const expected = readFileSync(`${DIR}/expected-matches.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const want = (t: number): string[] =>
    expected.filter((r) => Number(r[4]) <= t).map((r) => `${Number(r[0]) - 1}:${Number(r[2]) - 1}:${r[4]}`).sort();

  const indexes: Array<[string, PdqIndex]> = [
    ['FlatIndex', new FlatIndex(haystack)],
    ['MihIndex', new MihIndex(haystack)],
    ['MihIndex (forced MIH)', new MihIndex(haystack, { strategy: 'mih' })],
  ];
  for (const [, index] of indexes) index.build();

  it('reads the files', () => {
    expect(haystack.count).toBe(1350);
    expect(needles.count).toBe(67);
  });

  for (const t of [31, 63]) {
    it(`oracle and every index give exactly the expected pairs at threshold ${t}`, () => {
      const oracle = bruteForceAllPairs(haystack.packed(), needles.packed(), t).map((m) => `${m.query}:${m.index}:${m.distance}`);
      expect(oracle.sort()).toEqual(want(t));
      for (const [, index] of indexes) {
        const got: string[] = [];
        for (let q = 0; q < needles.count; q++) {
          for (const m of index.search(needles.words.subarray(q * 8, q * 8 + 8), t)) got.push(`${q}:${m.index}:${m.distance}`);
        }
        expect(got.sort()).toEqual(want(t));
      }
    });
  }
});
