// Conformance with Meta's reference on every row of the shared expected.tsv / expected-dihedral.tsv,
// with the tolerances of testdata/pdq/README.md (exact: distance 0 and same quality; near: distance
// <= max_dist and quality +-2; quality-only: same quality).
import { describe, expect, it } from 'vitest';
import { hashImageFile } from './decode.ts';
import { fromHex, hammingDistance } from './pdq-hash.ts';
import { DIHEDRAL_NAMES } from './dct.ts';
import { readTsv, testdataPath } from './testdata.ts';

const expected = readTsv('expected.tsv');
const byFile = new Map(expected.map((r) => [r.file, r]));

function dist(a: string, b: string): number {
  return hammingDistance(fromHex(a), fromHex(b));
}

describe('PDQ conformance: expected.tsv', () => {
  it('has the full table', () => {
    expect(expected.length).toBeGreaterThanOrEqual(56);
  });

  for (const row of expected) {
    it(`${row.file} (${row.compare})`, async () => {
      const got = await hashImageFile(testdataPath(row.file));
      expect(got.width).toBe(Number(row.width));
      expect(got.height).toBe(Number(row.height));
      if (row.compare === 'quality-only') {
        expect(got.quality).toBe(Number(row.quality));
        return;
      }
      const d = dist(got.hash, row.hash_hex);
      if (row.compare === 'exact') {
        expect(got.hash).toBe(row.hash_hex);
        expect(got.quality).toBe(Number(row.quality));
      } else {
        expect(d).toBeLessThanOrEqual(Number(row.max_dist));
        expect(Math.abs(got.quality - Number(row.quality))).toBeLessThanOrEqual(2);
      }
    });
  }
});

describe('PDQ conformance: expected-dihedral.tsv', () => {
  for (const row of readTsv('expected-dihedral.tsv')) {
    it(row.file, async () => {
      const ref = byFile.get(row.file);
      expect(ref).toBeDefined();
      const maxDist = ref!.compare === 'exact' ? 0 : Number(ref!.max_dist);
      const got = await hashImageFile(testdataPath(row.file), { dihedral: true });
      expect(got.dihedral).toBeDefined();
      expect(got.dihedral!.orig).toBe(got.hash);
      for (const name of DIHEDRAL_NAMES) {
        expect(dist(got.dihedral![name], row[name]), name).toBeLessThanOrEqual(maxDist);
      }
    });
  }
});
