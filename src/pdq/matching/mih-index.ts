// Multi-index hashing (Norouzi, Punjani & Fleet), as in Meta's PDQ C++ reference and FAISS
// IndexBinaryMultiHash: the 256 bits are cut into 16 slots of 16 bits. If two hashes are within
// distance t, then (pigeonhole) at least one slot is within floor(t/16) bits; more precisely, with
// t = 16r + a, one of slots 0..a is within r, or one of slots a+1..15 is within r-1 (else the total
// would be >= (a+1)(r+1) + (15-a)r = t+1). So candidates come from looking up every slot value within
// that radius of the query's slot, and each candidate is then checked on all 256 bits. Exact.
//
// Tables: per slot, ids sorted by slot value in CSR form (offsets[65537] + ids[n]) — direct addressing
// on 16 bits, no hashing and no per-bucket objects; 64 bytes per indexed hash for the 16 tables.
import { HashStore } from './hash-store.ts';
import { WORDS_PER_HASH } from './hex.ts';
import { POPCOUNT16, popcount32 } from './popcount.ts';
import { type PdqIndex, type PdqMatch, byDistanceThenIndex, checkThreshold, queryWords } from './types.ts';

const SLOTS = 16;
const SLOT_VALUES = 1 << 16;

// All 16-bit masks ordered by popcount; MASKS[0 .. MASKS_UP_TO[r]) are those with popcount <= r,
// so "every slot value within r of v" is v ^ MASKS[j] for j below that bound.
const MASKS = new Uint16Array(SLOT_VALUES);
const MASKS_UP_TO = new Int32Array(17);
{
  const byWeight: number[][] = Array.from({ length: 17 }, () => []);
  for (let m = 0; m < SLOT_VALUES; m++) byWeight[popcount32(m)].push(m);
  let k = 0;
  for (let w = 0; w <= 16; w++) {
    for (const m of byWeight[w]) MASKS[k++] = m;
    MASKS_UP_TO[w] = k;
  }
}

// Cost model for choosing MIH or a flat scan, in units of "one sequential comparison of the JS flat
// scan". A table lookup and a candidate (random access into the hash array + verification) cost more;
// the WebAssembly scan is ~5x cheaper per hash, which moves the break-even down. Fitted with the
// threshold sweep of bench/pdq-match.bench.ts at 0.2M, 1M and 10M hashes (see ADR 0002).
const COST_PER_LOOKUP = 4;
const COST_PER_CANDIDATE = 8;
const WASM_SCAN_SPEEDUP = 5;

export type MihStrategy = 'auto' | 'mih' | 'flat';

export interface MihOptions {
  /** 'auto' (default) picks MIH or a flat scan per query by cost; 'mih'/'flat' force one (for tests). */
  strategy?: MihStrategy;
  /**
   * Hashes added after build() are found by a flat scan of that tail; search() rebuilds first when the
   * tail exceeds max(autoBuildMin, built/8). Set false to only ever build on explicit build().
   */
  autoBuild?: boolean;
  autoBuildMin?: number;
}

/** Search radius of slot s for threshold t (-1: the slot need not be searched). */
function slotRadius(s: number, t: number): number {
  const r = Math.floor(t / SLOTS);
  return Math.min(16, s <= t % SLOTS ? r : r - 1);
}

function slotValue(words: Uint32Array, off: number, s: number): number {
  const w = words[off + (s >>> 1)];
  return s & 1 ? w >>> 16 : w & 0xffff;
}

export class MihIndex implements PdqIndex {
  readonly store: HashStore;
  private readonly strategy: MihStrategy;
  private readonly autoBuild: boolean;
  private readonly autoBuildMin: number;
  /** Ids [0, built) are in the tables; later ones are scanned flat until the next build. */
  private built = 0;
  private offsets = new Uint32Array(0); // SLOTS * (SLOT_VALUES + 1)
  private ids: Uint32Array[] = [];

  constructor(store: HashStore = new HashStore(), options: MihOptions = {}) {
    this.store = store;
    this.strategy = options.strategy ?? 'auto';
    this.autoBuild = options.autoBuild ?? true;
    this.autoBuildMin = options.autoBuildMin ?? 16384;
  }

  get size(): number {
    return this.store.count;
  }

  /** Hashes covered by the slot tables (the rest are scanned flat). */
  get builtSize(): number {
    return this.built;
  }

  /** Bytes held by the hash store and the slot tables. */
  get byteLength(): number {
    return this.store.byteLength + this.offsets.byteLength + this.ids.reduce((s, a) => s + a.byteLength, 0);
  }

  add(hash: string | Uint32Array): number {
    return this.store.add(hash);
  }

  addPacked(words: Uint32Array): number {
    return this.store.addPacked(words);
  }

  /** (Re)builds all 16 tables from scratch by counting sort: O(n), two passes over the hashes. */
  build(): void {
    const n = this.store.count;
    const words = this.store.words;
    // Drop the old tables first so that peak memory is one set of tables, not two.
    this.ids = [];
    const offsets = new Uint32Array(SLOTS * (SLOT_VALUES + 1));
    // Pass 1: histogram of every slot, counts stored one place to the right to become offsets.
    for (let o = 0, end = n * WORDS_PER_HASH; o < end; o += WORDS_PER_HASH) {
      for (let w = 0; w < WORDS_PER_HASH; w++) {
        const v = words[o + w];
        offsets[2 * w * (SLOT_VALUES + 1) + (v & 0xffff) + 1]++;
        offsets[(2 * w + 1) * (SLOT_VALUES + 1) + (v >>> 16) + 1]++;
      }
    }
    for (let s = 0; s < SLOTS; s++) {
      const base = s * (SLOT_VALUES + 1);
      for (let v = 1; v <= SLOT_VALUES; v++) offsets[base + v] += offsets[base + v - 1];
    }
    // Pass 2, one word (two slots) at a time so that only 2 x 65536 write cursors are live:
    // ids go into their buckets in ascending order.
    const ids: Uint32Array[] = [];
    const cur0 = new Uint32Array(SLOT_VALUES);
    const cur1 = new Uint32Array(SLOT_VALUES);
    for (let w = 0; w < WORDS_PER_HASH; w++) {
      const lo = new Uint32Array(n);
      const hi = new Uint32Array(n);
      cur0.set(offsets.subarray(2 * w * (SLOT_VALUES + 1), 2 * w * (SLOT_VALUES + 1) + SLOT_VALUES));
      cur1.set(offsets.subarray((2 * w + 1) * (SLOT_VALUES + 1), (2 * w + 1) * (SLOT_VALUES + 1) + SLOT_VALUES));
      for (let i = 0, o = w; i < n; i++, o += WORDS_PER_HASH) {
        const v = words[o];
        lo[cur0[v & 0xffff]++] = i;
        hi[cur1[v >>> 16]++] = i;
      }
      ids.push(lo, hi);
    }
    this.offsets = offsets;
    this.ids = ids;
    this.built = n;
  }

  search(query: string | Uint32Array, threshold: number): PdqMatch[] {
    checkThreshold(threshold);
    const q = queryWords(query);
    const tail = this.store.count - this.built;
    if (this.autoBuild && tail > Math.max(this.autoBuildMin, this.built / 8)) this.build();

    const out: PdqMatch[] = [];
    if (this.plan(q, threshold) === 'mih') {
      this.searchTables(q, threshold, out);
      this.store.scan(this.built, this.store.count, q, threshold, out);
    } else {
      this.store.scan(0, this.store.count, q, threshold, out);
    }
    return out.sort(byDistanceThenIndex);
  }

  /**
   * Whether this query is cheaper through the tables or by a flat scan of the built part. Counts the
   * real candidates (bucket sizes) rather than assuming uniform hashes, so a crowded region (e.g. many
   * copies of one hash) cannot make MIH much slower than the scan it replaces.
   */
  plan(query: string | Uint32Array, threshold: number): 'mih' | 'flat' {
    checkThreshold(threshold);
    if (this.built === 0 || this.strategy === 'flat') return 'flat';
    if (this.strategy === 'mih') return 'mih';
    const q = queryWords(query);
    // Cost of the flat scan it would replace.
    const budget = this.store.usesWasm ? this.built / WASM_SCAN_SPEEDUP : this.built;
    let cost = 0;
    for (let s = 0; s < SLOTS; s++) {
      const r = slotRadius(s, threshold);
      if (r >= 0) cost += MASKS_UP_TO[r] * COST_PER_LOOKUP;
    }
    if (cost >= budget) return 'flat';
    const offsets = this.offsets;
    for (let s = 0; s < SLOTS; s++) {
      const r = slotRadius(s, threshold);
      if (r < 0) continue;
      const base = s * (SLOT_VALUES + 1);
      const v = slotValue(q, 0, s);
      for (let j = 0, nMasks = MASKS_UP_TO[r]; j < nMasks; j++) {
        const key = base + (v ^ MASKS[j]);
        cost += (offsets[key + 1] - offsets[key]) * COST_PER_CANDIDATE;
      }
      if (cost >= budget) return 'flat';
    }
    return 'mih';
  }

  private searchTables(q: Uint32Array, t: number, out: PdqMatch[]): void {
    const words = this.store.words;
    const offsets = this.offsets;
    const P = POPCOUNT16;
    const q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
    for (let s = 0; s < SLOTS; s++) {
      const r = slotRadius(s, t);
      if (r < 0) continue;
      const base = s * (SLOT_VALUES + 1);
      const ids = this.ids[s];
      const v = slotValue(q, 0, s);
      for (let j = 0, nMasks = MASKS_UP_TO[r]; j < nMasks; j++) {
        const key = base + (v ^ MASKS[j]);
        for (let p = offsets[key], end = offsets[key + 1]; p < end; p++) {
          const id = ids[p];
          const o = id * WORDS_PER_HASH;
          // Full distance, written out as in popcount.ts's flatScan (no calls in the hot loop).
          let x = words[o] ^ q0, y = words[o + 1] ^ q1, z = words[o + 2] ^ q2;
          let d = P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16] + P[z & 0xffff] + P[z >>> 16];
          if (d > t) continue;
          x = words[o + 3] ^ q3; y = words[o + 4] ^ q4; z = words[o + 5] ^ q5;
          d += P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16] + P[z & 0xffff] + P[z >>> 16];
          x = words[o + 6] ^ q6; y = words[o + 7] ^ q7;
          d += P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16];
          if (d > t) continue;
          // A hash near enough in several slots is met once per such slot: report it only from the
          // first one. Cheaper than a seen-set, and only runs for true matches.
          if (!this.foundInEarlierSlot(words, o, q, s, t)) out.push({ index: id, distance: d });
        }
      }
    }
  }

  private foundInEarlierSlot(words: Uint32Array, off: number, q: Uint32Array, s: number, t: number): boolean {
    for (let e = 0; e < s; e++) {
      const r = slotRadius(e, t);
      if (r >= 0 && popcount32(slotValue(words, off, e) ^ slotValue(q, 0, e)) <= r) return true;
    }
    return false;
  }
}
