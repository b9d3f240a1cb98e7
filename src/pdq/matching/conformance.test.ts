// One conformance suite, run against every PdqIndex implementation: results must equal the
// brute-force oracle exactly (same ids, distances and order) for thresholds around slot boundaries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlatIndex, bruteForceSearch } from './brute-force.ts';
import { HashStore } from './hash-store.ts';
import { WORDS_PER_HASH, wordsToHex } from './hex.ts';
import { MihIndex } from './mih-index.ts';
import { ScanIndex } from './scan-index.ts';
import { flipBits, prng, randomHashes } from './test-helpers.ts';
import type { PdqIndex, PdqMatch } from './types.ts';

const THRESHOLDS = [0, 1, 15, 16, 17, 31, 32, 47, 63, 64, 100];

type Factory = () => PdqIndex;
const implementations: Array<[string, Factory]> = [
  ['FlatIndex (wasm kernel)', () => new FlatIndex()],
  ['FlatIndex (JS kernel)', () => new FlatIndex(new HashStore(16, { wasm: false }))],
  ['MihIndex (auto strategy)', () => new MihIndex()],
  // Small test sets make 'auto' choose a flat scan; forcing the tables tests MIH itself at every threshold.
  ['MihIndex (forced MIH)', () => new MihIndex(new HashStore(), { strategy: 'mih' })],
  ['MihIndex (forced MIH, JS store)', () => new MihIndex(new HashStore(16, { wasm: false }), { strategy: 'mih' })],
  ['ScanIndex (SIMD planes)', () => new ScanIndex()],
  // One group per block: every block boundary and resume path is crossed.
  ['ScanIndex (SIMD planes, 1-group blocks)', () => new ScanIndex(new HashStore(), { blockGroups: 1 })],
];

/** Haystack of random hashes plus near-duplicates of them at distances around every tested threshold. */
function haystackWithPlants(seed: number, nRandom: number): Uint32Array {
  const rnd = prng(seed);
  const base = randomHashes(nRandom, rnd);
  const parts: Uint32Array[] = [base];
  for (const t of THRESHOLDS) {
    for (const k of [t - 1, t, t + 1]) if (k >= 0) parts.push(flipBits(base, rnd() % nRandom, k, rnd));
  }
  parts.push(base.slice(0, WORDS_PER_HASH)); // an exact duplicate
  const out = new Uint32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function runConformance(name: string, make: Factory): void {
  describe(`${name} conforms to the brute-force oracle`, () => {
    it('property: random haystack, planted near neighbours, queries near indexed hashes', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.integer({ min: 1, max: 150 }),
          fc.array(fc.record({ of: fc.nat(), flips: fc.integer({ min: 0, max: 110 }) }), { minLength: 1, maxLength: 6 }),
          (seed, nRandom, queries) => {
            const hay = haystackWithPlants(seed, nRandom);
            const n = hay.length / WORDS_PER_HASH;
            const index = make();
            index.addPacked(hay);
            index.build();
            const rnd = prng(seed ^ 0x5bd1e995);
            for (const { of, flips } of queries) {
              const q = flipBits(hay, of % n, flips, rnd);
              for (const t of THRESHOLDS) expect(index.search(q, t)).toEqual(bruteForceSearch(hay, q, t));
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it('finds planted neighbours at exactly the threshold and not one bit beyond', () => {
      const rnd = prng(7);
      const hay = randomHashes(64, rnd);
      for (const t of THRESHOLDS) {
        const all = new Uint32Array(66 * WORDS_PER_HASH);
        all.set(hay);
        all.set(flipBits(hay, 5, t, rnd), 64 * WORDS_PER_HASH); // id 64: at distance t from hash 5
        all.set(flipBits(hay, 5, t + 1, rnd), 65 * WORDS_PER_HASH); // id 65: at t + 1
        const index = make();
        index.addPacked(all);
        index.build();
        const q = hay.slice(5 * WORDS_PER_HASH, 6 * WORDS_PER_HASH);
        const ids = index.search(q, t).map((m) => m.index);
        expect(ids).toContain(64);
        expect(ids).not.toContain(65);
        expect(index.search(wordsToHex(q), t)).toEqual(bruteForceSearch(all, q, t));
      }
    });

    it('hashes added after build() are found too', () => {
      const rnd = prng(11);
      const first = randomHashes(100, rnd);
      const index = make();
      index.addPacked(first);
      index.build();
      const later = flipBits(first, 3, 9, rnd);
      const id = index.add(wordsToHex(later));
      expect(id).toBe(100);
      const q = first.subarray(3 * WORDS_PER_HASH, 4 * WORDS_PER_HASH);
      expect(index.search(q, 31)).toEqual([{ index: 3, distance: 0 }, { index: 100, distance: 9 }]);
      index.build();
      expect(index.search(q, 31)).toEqual([{ index: 3, distance: 0 }, { index: 100, distance: 9 }]);
    });

    it('empty index, threshold 256 and invalid input', () => {
      const index = make();
      expect(index.search('0'.repeat(64), 31)).toEqual([]);
      index.add('f'.repeat(64));
      index.add('0'.repeat(64));
      index.build();
      expect(index.search('0'.repeat(64), 256)).toEqual([{ index: 1, distance: 0 }, { index: 0, distance: 256 }]);
      expect(index.search('0'.repeat(64), 255)).toEqual([{ index: 1, distance: 0 }]);
      expect(() => index.search('0'.repeat(64), -1)).toThrow(/threshold/);
      expect(() => index.search('0'.repeat(64), 31.5)).toThrow(/threshold/);
      expect(() => index.search('0'.repeat(63), 31)).toThrow(/64 hex/);
      expect(() => index.add('g'.repeat(64))).toThrow(/invalid character/);
    });
  });
}

for (const [name, make] of implementations) runConformance(name, make);

describe('MihIndex at a size where the cost model picks the tables', () => {
  const rnd = prng(2024);
  const n = 40_000;
  const hay = randomHashes(n, rnd);
  const index = new MihIndex();
  index.addPacked(hay);
  index.build();
  const flat = new FlatIndex(HashStore.fromPacked(hay));
  const queries = Array.from({ length: 12 }, (_, i) => flipBits(hay, rnd() % n, [0, 8, 16, 24, 30, 31, 32, 40, 50, 60, 64, 90][i], rnd));

  it('matches the oracle at 31 and 63, and the flat scan at every tested threshold', () => {
    for (const q of queries) {
      for (const t of [31, 63]) expect(index.search(q, t)).toEqual(bruteForceSearch(hay, q, t));
      for (const t of THRESHOLDS) expect(index.search(q, t)).toEqual(flat.search(q, t));
    }
  });

  it('incremental adds beyond the auto-build limit trigger a rebuild, results unchanged', () => {
    const grown = new MihIndex(new HashStore(), { autoBuildMin: 1000 });
    grown.addPacked(hay.subarray(0, 20_000 * WORDS_PER_HASH));
    grown.build();
    grown.addPacked(hay.subarray(20_000 * WORDS_PER_HASH)); // tail of 20k > max(1000, 20k/8): rebuilt on search
    expect(grown.builtSize).toBe(20_000);
    for (const q of queries) expect(grown.search(q, 31)).toEqual(flat.search(q, 31));
    expect(grown.builtSize).toBe(n);
  });
});

describe('HashStore and the wasm kernel', () => {
  it('uses WebAssembly here', () => {
    expect(new HashStore().usesWasm).toBe(true);
    expect(new HashStore(1, { wasm: false }).usesWasm).toBe(false);
  });

  it('grows one hash at a time, keeps contents, and scans past a full output buffer', () => {
    const rnd = prng(3);
    const hay = randomHashes(20_000, rnd); // at t = 256 every hash matches: > 8,184 results per call
    const wasm = new HashStore(1);
    for (let i = 0; i < 20_000; i++) wasm.add(hay.subarray(i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH));
    expect(wasm.packed()).toEqual(hay);
    const js = new HashStore(1, { wasm: false });
    js.addPacked(hay);
    const q = flipBits(hay, 77, 5, rnd);
    for (const t of [0, 5, 31, 120, 128, 256]) {
      const a: PdqMatch[] = [], b: PdqMatch[] = [];
      wasm.scan(0, 20_000, q, t, a);
      js.scan(0, 20_000, q, t, b);
      expect(a).toEqual(b);
    }
    const part: PdqMatch[] = [];
    wasm.scan(100, 200, q, 256, part);
    expect(part.map((m) => m.index)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
  });

  it('allocate() appends zeroed hashes to fill in place', () => {
    const s = new HashStore(1);
    s.add('f'.repeat(64));
    const v = s.allocate(3);
    expect(v.length).toBe(24);
    v[8] = 1;
    expect(s.count).toBe(4);
    expect(s.words[16]).toBe(1);
  });
});

describe('MihIndex planning', () => {
  it('uses the tables for a typical query, the flat scan at large thresholds and in crowded regions', () => {
    const rnd = prng(99);
    const n = 40_000;
    const hay = randomHashes(n, rnd);
    for (let i = 0; i < 8_000; i++) hay.fill(0, i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH); // 8,000 copies of one hash
    const index = new MihIndex();
    index.addPacked(hay);
    index.build();
    const typical = hay.slice(20_000 * WORDS_PER_HASH, 20_001 * WORDS_PER_HASH);
    expect(index.plan(typical, 31)).toBe('mih');
    expect(index.plan(typical, 100)).toBe('flat');
    const crowded = flipBits(hay, 0, 3, rnd); // near the 8,000 copies: ~128,000 candidates at t = 31
    expect(index.plan(crowded, 31)).toBe('flat');
    for (const q of [typical, crowded]) for (const t of [16, 31, 63]) expect(index.search(q, t)).toEqual(bruteForceSearch(hay, q, t));
  });

  it('with autoBuild off, the unbuilt tail is scanned but not indexed', () => {
    const rnd = prng(5);
    const hay = randomHashes(3_000, rnd);
    const index = new MihIndex(new HashStore(), { autoBuild: false, strategy: 'mih' });
    index.addPacked(hay.subarray(0, 1_000 * WORDS_PER_HASH));
    index.build();
    index.addPacked(hay.subarray(1_000 * WORDS_PER_HASH));
    const q = flipBits(hay, 2_500, 12, rnd);
    expect(index.search(q, 31)).toEqual(bruteForceSearch(hay, q, 31));
    expect(index.builtSize).toBe(1_000);
  });
});

