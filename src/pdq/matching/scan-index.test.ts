// The blocked SIMD scan must return exactly the exhaustive result: same ids, distances and order as the
// naive oracle, for batches on one thread and on worker threads (both ways of splitting the work).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bruteForceSearch } from './brute-force.ts';
import { HashStore } from './hash-store.ts';
import { WORDS_PER_HASH } from './hex.ts';
import { ScanIndex } from './scan-index.ts';
import { flipBits, prng, randomHashes } from './test-helpers.ts';
import type { PdqMatch } from './types.ts';

function pack(hashes: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(hashes.length * WORDS_PER_HASH);
  hashes.forEach((h, i) => out.set(h, i * WORDS_PER_HASH));
  return out;
}

function oracle(hay: Uint32Array, queries: Uint32Array, t: number): PdqMatch[][] {
  const out: PdqMatch[][] = [];
  for (let k = 0; k * WORDS_PER_HASH < queries.length; k++) out.push(bruteForceSearch(hay, queries.subarray(k * WORDS_PER_HASH, (k + 1) * WORDS_PER_HASH), t));
  return out;
}

/** Random hashes (a count that leaves the last group of 16 partial), duplicates, and neighbours at 30-33 bits. */
function fixture(seed: number): { hay: Uint32Array; queries: Uint32Array } {
  const rnd = prng(seed);
  const base = randomHashes(3_001, rnd);
  const extra: Uint32Array[] = [];
  for (let i = 0; i < 40; i++) extra.push(base.slice(7 * WORDS_PER_HASH, 8 * WORDS_PER_HASH)); // 40 copies of hash 7
  for (const k of [30, 31, 31, 32, 32, 33]) extra.push(flipBits(base, 100, k, rnd)); // around radius 31
  const hay = new Uint32Array(base.length + extra.length * WORDS_PER_HASH);
  hay.set(base);
  hay.set(pack(extra), base.length);
  const n = hay.length / WORDS_PER_HASH;
  const qs: Uint32Array[] = [hay.slice(100 * WORDS_PER_HASH, 101 * WORDS_PER_HASH), hay.slice(7 * WORDS_PER_HASH, 8 * WORDS_PER_HASH)];
  for (let i = 0; i < 30; i++) qs.push(i % 3 === 0 ? randomHashes(1, rnd) : flipBits(hay, rnd() % n, 20 + (rnd() % 16), rnd));
  qs.push(qs[1]!.slice()); // a duplicate query
  return { hay, queries: pack(qs) };
}

describe('ScanIndex: batches equal the exhaustive oracle', () => {
  const { hay, queries } = fixture(14);
  const index = new ScanIndex(HashStore.fromPacked(hay));
  index.build();

  it('uses the SIMD kernel here', () => {
    expect(index.usesSimd).toBe(true);
    expect(index.builtSize).toBe(hay.length / WORDS_PER_HASH);
  });

  it('on this thread, at radius 31 and 32 and around them', () => {
    for (const t of [0, 30, 31, 32, 33, 64]) expect(index.searchBatch(queries, t)).toEqual(oracle(hay, queries, t));
    const r31 = index.searchBatch(queries, 31);
    expect(r31[0]!.map((m) => m.distance)).toEqual([0, 30, 31, 31]); // the planted neighbours of hash 100
    expect(index.searchBatch(queries, 32)[0]!.map((m) => m.distance)).toEqual([0, 30, 31, 31, 32, 32]);
    expect(r31[1]!.length).toBe(41); // hash 7 and its 40 copies, ids in order
    expect(r31[r31.length - 1]).toEqual(r31[1]);
  });

  it('on worker threads, splitting the hashes or the queries', async () => {
    for (const split of ['hashes', 'queries'] as const) {
      for (const t of [31, 32]) {
        expect(await index.searchBatchParallel(queries, t, { threads: 2, split, minParallelWork: 0 })).toEqual(oracle(hay, queries, t));
      }
    }
  }, 60_000);

  it('past the output buffer (resumes), and at the thresholds the kernel cannot count to', async () => {
    const some = queries.subarray(0, 12 * WORDS_PER_HASH); // 12 x 3,047 = 36,564 matches at 254 > 32,768 per call
    for (const t of [200, 254, 255, 256]) expect(index.searchBatch(some, t)).toEqual(oracle(hay, some, t));
    expect(await index.searchBatchParallel(some, 254, { threads: 2, minParallelWork: 0 })).toEqual(oracle(hay, some, 254));
    const ones = new ScanIndex();
    ones.add('f'.repeat(64));
    ones.add('0'.repeat(64));
    expect(ones.searchBatch(pack([new Uint32Array(8)]), 255)).toEqual([[{ index: 1, distance: 0 }]]);
    expect(ones.searchBatch(pack([new Uint32Array(8)]), 256)).toEqual([[{ index: 1, distance: 0 }, { index: 0, distance: 256 }]]);
  }, 60_000);

  it('empty index and empty batch', async () => {
    const empty = new ScanIndex();
    empty.build();
    expect(empty.searchBatch(queries, 31)).toEqual(oracle(new Uint32Array(0), queries, 31));
    expect(await empty.searchBatchParallel(queries, 31, { minParallelWork: 0 })).toEqual(queries.length ? Array.from({ length: queries.length / 8 }, () => []) : []);
    expect(index.searchBatch(new Uint32Array(0), 31)).toEqual([]);
    expect(() => index.searchBatch(new Uint32Array(7), 31)).toThrow(/multiple of 8/);
    expect(() => index.searchBatch(queries, 257)).toThrow(/threshold/);
  });

  it('hashes added after build are scanned until the next build', () => {
    const grown = new ScanIndex(HashStore.fromPacked(hay), { autoBuild: false });
    grown.build();
    const later = flipBits(hay, 5, 12, prng(1));
    grown.addPacked(later);
    const q = hay.slice(5 * WORDS_PER_HASH, 6 * WORDS_PER_HASH);
    const all = new Uint32Array(hay.length + WORDS_PER_HASH);
    all.set(hay);
    all.set(later, hay.length);
    expect(grown.search(q, 31)).toEqual(bruteForceSearch(all, q, 31));
    expect(grown.builtSize).toBe(hay.length / WORDS_PER_HASH);
  });

  it('random batches of several sizes', () => {
    for (const seed of [1, 2, 3]) {
      const rnd = prng(seed);
      const n = 1 + (rnd() % 700);
      const h = randomHashes(n, rnd);
      const qs = pack(Array.from({ length: 1 + (rnd() % 20) }, () => flipBits(h, rnd() % n, rnd() % 60, rnd)));
      const ix = new ScanIndex(HashStore.fromPacked(h), { blockGroups: 1 + (rnd() % 8) });
      for (const t of [15, 31, 32, 47]) expect(ix.searchBatch(qs, t)).toEqual(oracle(h, qs, t));
    }
  });
});

describe('scan.wasm', () => {
  it('is the binary its AssemblyScript source builds to (npm run build:wasm-scan)', () => {
    const repo = fileURLToPath(new URL('../../..', import.meta.url));
    const script = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts['build:wasm-scan'] as string;
    const args = script.split(/\s+/).slice(1);
    const out = join(mkdtempSync(join(tmpdir(), 'amaan-wasm-')), 'scan.wasm');
    args[args.indexOf('--outFile') + 1] = out;
    const r = spawnSync(join(repo, 'node_modules/.bin/asc'), args, { cwd: repo, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(repo, 'src/pdq/wasm/scan.wasm')))).toBe(true);
  }, 120_000);
});
