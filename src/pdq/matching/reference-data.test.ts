// Meta's reference data: every needle/haystack pair within 63, from brute force, identical at 31 to
// the C++ `mih-query -d 31` (see /work/shared/testdata/pdq/README.md, matching/). Lines there are 1-based.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FlatIndex, bruteForceAllPairs } from './brute-force.ts';
import { readHashFile } from './hash-file.ts';
import { HashStore } from './hash-store.ts';
import { MihIndex } from './mih-index.ts';
import type { PdqIndex } from './types.ts';

// shared/ sits beside the repository (here and in CI); AMAAN_PDQ_MATCH_TESTDATA overrides.
const DIR = [
  process.env.AMAAN_PDQ_MATCH_TESTDATA,
  fileURLToPath(new URL('../../../../shared/testdata/pdq/matching', import.meta.url)),
  '/work/shared/testdata/pdq/matching',
].find((d) => d && existsSync(`${d}/expected-matches.tsv`));
const have = DIR !== undefined;

describe.skipIf(!have)('reference matching data (haystack 1,350 x needles 67)', () => {
  const haystack = have ? readHashFile(`${DIR}/haystack.txt`) : new HashStore();
  const needles = have ? readHashFile(`${DIR}/needles.txt`) : new HashStore();
  const expected = have
    ? readFileSync(`${DIR}/expected-matches.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
    : [];
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
