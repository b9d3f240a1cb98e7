// Two exhaustive matchers:
// - bruteForceSearch / bruteForceAllPairs: the oracle. Deliberately naive (bit-by-bit count, no early
//   exit, no shared code with the fast paths) so that it can judge them.
// - FlatIndex: the optimised exhaustive scan (HashStore.scan: the WebAssembly kernel, else the JS
//   flatScan of popcount.ts), the same exact search as FAISS IndexBinaryFlat (bench/pdq-match.bench.ts
//   compares all three);
//   MihIndex also falls back to it when a threshold is too large for MIH to pay.
import { HashStore } from './hash-store.ts';
import { WORDS_PER_HASH } from './hex.ts';
import { type PdqIndex, type PdqMatch, byDistanceThenIndex, checkThreshold, queryWords } from './types.ts';

function naiveDistance(a: Uint32Array, aOff: number, b: Uint32Array, bOff: number): number {
  let d = 0;
  for (let w = 0; w < WORDS_PER_HASH; w++) {
    let x = (a[aOff + w] ^ b[bOff + w]) >>> 0;
    while (x !== 0) {
      d += x & 1;
      x >>>= 1;
    }
  }
  return d;
}

/** Oracle: every hash in `haystack` (packed) within `threshold` of `query`, by distance then index. */
export function bruteForceSearch(haystack: Uint32Array, query: Uint32Array, threshold: number): PdqMatch[] {
  checkThreshold(threshold);
  const out: PdqMatch[] = [];
  const n = haystack.length / WORDS_PER_HASH;
  for (let i = 0; i < n; i++) {
    const distance = naiveDistance(haystack, i * WORDS_PER_HASH, query, 0);
    if (distance <= threshold) out.push({ index: i, distance });
  }
  return out.sort(byDistanceThenIndex);
}

/** Oracle over many queries (packed): every (query, index) pair within `threshold`. */
export function bruteForceAllPairs(
  haystack: Uint32Array,
  queries: Uint32Array,
  threshold: number,
): Array<{ query: number; index: number; distance: number }> {
  const out: Array<{ query: number; index: number; distance: number }> = [];
  for (let q = 0; q * WORDS_PER_HASH < queries.length; q++) {
    const qw = queries.subarray(q * WORDS_PER_HASH, (q + 1) * WORDS_PER_HASH);
    for (const m of bruteForceSearch(haystack, qw, threshold)) out.push({ query: q, ...m });
  }
  return out;
}

/** Exhaustive index: nothing to build, every search scans all hashes. Exact for every threshold. */
export class FlatIndex implements PdqIndex {
  readonly store: HashStore;

  constructor(store: HashStore = new HashStore()) {
    this.store = store;
  }

  get size(): number {
    return this.store.count;
  }

  add(hash: string | Uint32Array): number {
    return this.store.add(hash);
  }

  addPacked(words: Uint32Array): number {
    return this.store.addPacked(words);
  }

  build(): void {}

  search(query: string | Uint32Array, threshold: number): PdqMatch[] {
    checkThreshold(threshold);
    const out: PdqMatch[] = [];
    this.store.scan(0, this.store.count, queryWords(query), threshold, out);
    // Scan order is id order; a stable sort by distance gives (distance, index) order.
    return out.sort((a, b) => a.distance - b.distance);
  }
}
