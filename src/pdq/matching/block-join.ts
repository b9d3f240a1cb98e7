// A batch join of two known sets of PDQ hashes at a fixed radius (the re-check of every ingested file against a
// newly imported hash set, issue 13 §2): every pair (file, entry) within the threshold, each exactly once.
//
// Why not MIH (mih-index.ts) one file at a time: its 16 slots of 16 bits searched within 1 bit each (pigeonhole:
// 16 x 2 = 32 > 31) make a random pair a candidate with probability 16 x 17 / 2^16 = 4.2e-3, so 1M files x 1M
// entries cost ~4e9 full 256-bit checks (~250 CPU-s here). Wider blocks cut the candidates by orders of magnitude:
//
//   Pigeonhole, generalised: cut the 256 bits into disjoint blocks i of w_i bits searched within r_i bits. If
//   sum(r_i + 1) > t, a pair within t is within r_i in at least one block (else the total is >= sum(r_i + 1) > t).
//   Bits in no block are fine too. Cost per file: sum V(w_i, r_i) probes, V(w, r) = sum_{k<=r} C(w, k) (the
//   block values within r of the file's); a random pair is a candidate with probability sum V(w_i, r_i) / 2^w_i.
//
//   t = 31 (32 units of r_i + 1): 11 blocks of at most 24 bits (a bitmap of 2^24 bits is 2 MiB, cache friendly):
//   10 blocks at r = 2 and one at r = 1 (10 x 3 + 2 = 32), widths 8 x 23 + 2 x 24 at r = 2 and 24 at r = 1 (the
//   extra bits go to the blocks of smaller radius, where they cost no probes: V(24, 1) = 25).
//     probes per file   8 x V(23,2) + 2 x V(24,2) + V(24,1) = 8 x 277 + 2 x 301 + 25 = 2,843
//     candidate rate    8 x 277/2^23 + 2 x 301/2^24 + 25/2^24 = 3.0e-4  (MIH: 4.2e-3, 14x more)
//   so 1M x 1M is ~2.8e9 probes (one bit test each in a 1-2 MiB bitmap, almost all empty: only the ~6-11% that
//   hit read the bucket) and ~3e8 full checks. 8 blocks of 32 bits at r = 3 would give ~1e7 candidates but
//   V(32,3) = 5,489 probes per block (44k per file) into 512 MiB bitmaps; 16 blocks of 16 bits at r = 1 is MIH.
//
// Dedup without a set: a pair found in block b is reported only if no earlier block is within its radius (the
// pair was then a candidate there too, and reported there). Only true matches pay for this check.
//
// Per block the set is held as: a bitmap of the occupied block values (1-2 MiB, the hot part), the entries sorted
// by value (values, ids and a copy of the hashes in that order: a candidate's check reads the line next to its
// value instead of a random line of a separate array; at 1M entries ~300 candidates per file make these misses
// the larger cost), and offsets by the value's top 16 bits. ~460 bytes per entry over 11 blocks: ~460 MiB at 1M
// entries. Entries with equal hashes are all listed; queries are independent, so duplicates on either side give
// every pair.
//
// Both cores: the index lives in SharedArrayBuffers; a batch of queries is cut in slices, this thread takes one
// and worker threads (kept in a pool, like the scan's) the others. Results: flat (query, entry, distance) triples.
import { availableParallelism } from 'node:os';
import { WORDS_PER_HASH } from './hex.ts';
import { POPCOUNT16, popcount32 } from './popcount.ts';
import { checkThreshold } from './types.ts';
import { WorkerSlots } from './worker-slots.ts';

export interface Block {
  /** First bit (0..255; bit k is bit k & 31 of word k >> 5). */
  start: number;
  width: number;
  /** Search radius in this block. */
  radius: number;
}

const MAX_WIDTH = 24;
const DEFAULT_BLOCKS = 11;

/**
 * Blocks for threshold t: `count` blocks of at most 24 bits covering the hash (256 / 11 = 23.3), radii summing
 * (as r + 1) to t + 1; blocks of larger radius first, the spare bits to those of smaller radius. A block of radius
 * -1 (small t) is left out.
 */
export function blockPlan(t: number, count = DEFAULT_BLOCKS): Block[] {
  checkThreshold(t);
  const n = Math.max(Math.ceil(256 / MAX_WIDTH), Math.floor(count));
  const units = t + 1;
  const radius = (i: number) => Math.floor(units / n) + (i < units % n ? 1 : 0) - 1;
  const base = Math.floor(256 / n), extra = 256 % n;
  const width = (i: number) => base + (i >= n - extra ? 1 : 0);
  const out: Block[] = [];
  for (let i = 0, start = 0; i < n; start += width(i), i++) {
    if (radius(i) >= 0) out.push({ start, width: width(i), radius: Math.min(radius(i), width(i)) });
  }
  return out;
}

/** Number of values within r bits of one w-bit value. */
export function ballSize(w: number, r: number): number {
  let s = 0, c = 1;
  for (let k = 0; k <= r; k++) {
    s += c;
    c = (c * (w - k)) / (k + 1);
  }
  return s;
}

const maskCache = new Map<string, Uint32Array>();
/** All w-bit masks of at most r bits, by increasing weight. */
function masksFor(w: number, r: number): Uint32Array {
  const key = `${w}:${r}`;
  let m = maskCache.get(key);
  if (m) return m;
  const out: number[] = [];
  const rec = (from: number, left: number, acc: number, weight: number, want: number) => {
    if (weight === want) {
      out.push(acc >>> 0);
      return;
    }
    for (let b = from; b < w && w - b >= left; b++) rec(b + 1, left - 1, acc | (1 << b), weight + 1, want);
  };
  for (let k = 0; k <= r; k++) rec(0, k, 0, 0, k);
  m = Uint32Array.from(out);
  maskCache.set(key, m);
  return m;
}

function blockValue(words: Uint32Array, o: number, start: number, width: number): number {
  const lo = start >>> 5, sh = start & 31;
  let v = words[o + lo]! >>> sh;
  if (sh + width > 32) v |= words[o + lo + 1]! << (32 - sh);
  return (v & ((1 << width) - 1)) >>> 0;
}

/** The shareable state of a built index (SharedArrayBuffer-backed when built for threads). */
export interface BlockJoinData {
  n: number;
  t: number;
  plan: Block[];
  /** Whether the arrays are in SharedArrayBuffers (worker threads can join). */
  shared: boolean;
  /**
   * Per block: bitmap of the occupied values; the entries sorted by value: values, ids, and a copy of their hashes
   * (8 words each) in that order, so a candidate is checked without a random read elsewhere; offsets of the
   * entries by the value's top `coarse` bits (2^coarse + 1).
   */
  bitmaps: Uint32Array[];
  offsets: Uint32Array[];
  values: Uint32Array[];
  ids: Uint32Array[];
  hashes: Uint32Array[];
  coarse: number[];
}

function alloc(length: number, shared: boolean): Uint32Array {
  return shared ? new Uint32Array(new SharedArrayBuffer(length * 4)) : new Uint32Array(length);
}

/** Builds the per-block tables of `set` (packed, 8 words per hash) for threshold t. O(n) per block. */
export function buildBlockJoin(set: Uint32Array, t: number, opts: { shared?: boolean; plan?: Block[] } = {}): BlockJoinData {
  if (set.length % WORDS_PER_HASH !== 0) throw new Error(`set: length ${set.length} is not a multiple of ${WORDS_PER_HASH}`);
  const shared = opts.shared ?? true;
  const plan = opts.plan ?? blockPlan(t);
  let units = 0;
  for (const b of plan) {
    if (b.width < 1 || b.width > MAX_WIDTH || b.start < 0 || b.start + b.width > 256 || b.radius < 0) throw new Error(`block ${JSON.stringify(b)} out of range`);
    units += b.radius + 1;
  }
  if (units <= t) throw new Error(`blocks cover radius ${units - 1}, below ${t}: not exact`);
  const n = set.length / WORDS_PER_HASH;
  const words = set;
  const data: BlockJoinData = { n, t, plan, shared, bitmaps: [], offsets: [], values: [], ids: [], hashes: [], coarse: [] };
  const vals = new Uint32Array(n);
  const tmp = new Uint32Array(n);
  for (const b of plan) {
    // Offsets by the top 16 bits (256 KiB: stays in cache); a bucket holds n / 2^16 entries (15 at 1M), sorted,
    // so a look-up reads a few consecutive values.
    const coarse = Math.min(b.width, 16);
    const shift = b.width - coarse;
    const bitmap = alloc(Math.ceil((1 << b.width) / 32), shared);
    const offsets = alloc((1 << coarse) + 1, shared);
    const low = new Uint32Array((1 << shift) + 1);
    for (let i = 0, o = 0; i < n; i++, o += WORDS_PER_HASH) {
      const v = blockValue(words, o, b.start, b.width);
      vals[i] = v;
      bitmap[v >>> 5] |= 1 << (v & 31);
      offsets[(v >>> shift) + 1]++;
      low[(v & ((1 << shift) - 1)) + 1]++;
    }
    // Sorted by value, stable: by the low bits, then by the top bits (two counting passes).
    for (let c = 1; c < low.length; c++) low[c] += low[c - 1]!;
    for (let i = 0; i < n; i++) tmp[low[vals[i]! & ((1 << shift) - 1)]++] = i;
    for (let c = 1; c < offsets.length; c++) offsets[c] += offsets[c - 1]!;
    const cursor = offsets.slice(0, 1 << coarse);
    const values = alloc(n, shared);
    const ids = alloc(n, shared);
    const hashes = alloc(n * WORDS_PER_HASH, shared);
    for (let k = 0; k < n; k++) {
      const i = tmp[k]!;
      const v = vals[i]!;
      const p = cursor[v >>> shift]++;
      values[p] = v;
      ids[p] = i;
      // Word by word: a subarray per entry (11M of them at 1M entries) cost several seconds.
      for (let w = 0, from = i * WORDS_PER_HASH, to = p * WORDS_PER_HASH; w < WORDS_PER_HASH; w++) hashes[to + w] = words[from + w]!;
    }
    data.bitmaps.push(bitmap);
    data.offsets.push(offsets);
    data.values.push(values);
    data.ids.push(ids);
    data.hashes.push(hashes);
    data.coarse.push(coarse);
  }
  return data;
}

/** Growable flat list of (query, entry, distance) triples. */
class Triples {
  buf = new Uint32Array(3 * 1024);
  len = 0;
  push(q: number, e: number, d: number): void {
    if (this.len + 3 > this.buf.length) {
      const b = new Uint32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.len++] = q;
    this.buf[this.len++] = e;
    this.buf[this.len++] = d;
  }
  result(): Uint32Array {
    return this.buf.slice(0, this.len);
  }
}

/**
 * Every (query, entry) pair within the threshold for queries [q0, q1) of `queries` (packed), on this thread.
 * Returns triples (query index, entry index, distance), grouped by block, not sorted.
 */
export function joinRange(ix: BlockJoinData, queries: Uint32Array, q0: number, q1: number): Uint32Array {
  const out = new Triples();
  for (let b = 0; b < ix.plan.length; b++) {
    const { start, width, radius } = ix.plan[b]!;
    joinBlock(ix, b, masksFor(width, radius), start, width, width - ix.coarse[b]!, queries, q0, q1, out);
  }
  return out.result();
}

/** One block of joinRange: its own function so that V8 optimises the hot loop with few live values. */
function joinBlock(ix: BlockJoinData, b: number, masks: Uint32Array, start: number, width: number, shift: number, queries: Uint32Array, q0: number, q1: number, out: Triples): void {
  const t = ix.t;
  const P = POPCOUNT16;
  const nm = masks.length;
  const bitmap = ix.bitmaps[b]!, offsets = ix.offsets[b]!, values = ix.values[b]!, ids = ix.ids[b]!, S = ix.hashes[b]!;
  const lo = start >>> 5, sh = start & 31, spans = sh + width > 32, vmask = (1 << width) - 1;
  const hits = new Uint32Array(nm);
  for (let i = q0, o = q0 * WORDS_PER_HASH; i < q1; i++, o += WORDS_PER_HASH) {
    let v = queries[o + lo]! >>> sh;
    if (spans) v |= queries[o + lo + 1]! << (32 - sh);
    v &= vmask;
    // Probes first, in a loop kept tiny, then the values present (a bitmap holds n / 2^w of all values: 6-11% at
    // 1M entries; most of those are a real candidate).
    let h = 0;
    for (let k = 0; k < nm; k++) {
      const x = v ^ masks[k]!;
      if ((bitmap[x >>> 5]! & (1 << (x & 31))) !== 0) hits[h++] = x;
    }
    const q0w = queries[o]!, q1w = queries[o + 1]!, q2w = queries[o + 2]!;
    for (let z = 0; z < h; z++) {
      const x = hits[z]!;
      let p = offsets[x >>> shift]!;
      while (values[p]! < x) p++;
      for (; p < values.length && values[p] === x; p++) {
        const e = p * WORDS_PER_HASH;
        // Full distance as in popcount.ts's flatScan: no calls in the hot loop, early exit after 96 bits.
        let a = S[e]! ^ q0w, c = S[e + 1]! ^ q1w, f = S[e + 2]! ^ q2w;
        let d = P[a & 0xffff]! + P[a >>> 16]! + P[c & 0xffff]! + P[c >>> 16]! + P[f & 0xffff]! + P[f >>> 16]!;
        if (d > t) continue;
        a = S[e + 3]! ^ queries[o + 3]!; c = S[e + 4]! ^ queries[o + 4]!; f = S[e + 5]! ^ queries[o + 5]!;
        d += P[a & 0xffff]! + P[a >>> 16]! + P[c & 0xffff]! + P[c >>> 16]! + P[f & 0xffff]! + P[f >>> 16]!;
        a = S[e + 6]! ^ queries[o + 6]!; c = S[e + 7]! ^ queries[o + 7]!;
        d += P[a & 0xffff]! + P[a >>> 16]! + P[c & 0xffff]! + P[c >>> 16]!;
        if (d > t) continue;
        if (!foundInEarlierBlock(ix.plan, b, S, e, queries, o)) out.push(i, ids[p]!, d);
      }
    }
  }
}

function foundInEarlierBlock(plan: Block[], b: number, S: Uint32Array, e: number, Q: Uint32Array, o: number): boolean {
  for (let a = 0; a < b; a++) {
    const { start, width, radius } = plan[a]!;
    if (popcount32(blockValue(S, e, start, width) ^ blockValue(Q, o, start, width)) <= radius) return true;
  }
  return false;
}

export interface JoinOptions {
  /** Threads including this one (default: the cores). */
  threads?: number;
  /** Below this many queries the batch runs on this thread only (default 2,000). */
  minParallel?: number;
}

/**
 * The join of a built set with a batch of queries, on every core: (query, entry, distance) triples, sorted by
 * query, then distance, then entry. Exact: every pair within the threshold, once.
 */
export async function joinBatch(ix: BlockJoinData, queries: Uint32Array, opts: JoinOptions = {}): Promise<Uint32Array> {
  if (queries.length % WORDS_PER_HASH !== 0) throw new Error(`queries: length ${queries.length} is not a multiple of ${WORDS_PER_HASH}`);
  const nq = queries.length / WORDS_PER_HASH;
  const threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
    let parts: Uint32Array[];
  if (threads === 1 || !ix.shared || nq < (opts.minParallel ?? 2_000)) {
    parts = [joinRange(ix, queries, 0, nq)];
  } else {
    // Queries into shared memory once; the slices are cut finer than the threads so a slow thread (a shared
    // machine) is helped by the others.
    const q = new Uint32Array(new SharedArrayBuffer(queries.length * 4));
    q.set(queries);
    const slices = threads * 4;
    const bounds = Array.from({ length: slices + 1 }, (_, k) => Math.floor((nq * k) / slices));
    parts = new Array<Uint32Array>(slices);
    let next = 0;
    const take = () => (next < slices ? next++ : -1);
    const workers = Array.from({ length: threads - 1 }, (_, w) => (async () => {
      for (let s = take(); s >= 0; s = take()) parts[s] = await pool.run(w, { ix, queries: q, q0: bounds[s]!, q1: bounds[s + 1]! });
    })());
    // This thread takes slices too, between the workers' replies (each slice is synchronous here).
    const mine = (async () => {
      for (let s = take(); s >= 0; s = take()) {
        parts[s] = joinRange(ix, q, bounds[s]!, bounds[s + 1]!);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all([...workers, mine]);
  }
  return sortTriples(parts);
}

function sortTriples(parts: Uint32Array[]): Uint32Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const n = total / 3;
  const order = new Uint32Array(n);
  const all = new Uint32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => all[3 * a]! - all[3 * b]! || all[3 * a + 2]! - all[3 * b + 2]! || all[3 * a + 1]! - all[3 * b + 1]!);
  const out = new Uint32Array(total);
  for (let i = 0; i < n; i++) out.set(all.subarray(3 * order[i]!, 3 * order[i]! + 3), 3 * i);
  return out;
}

export interface JoinRequest { ix: BlockJoinData; queries: Uint32Array; q0: number; q1: number }

/** Worker threads for joinBatch, started on first use and kept (unref'd while idle). */
const pool = new WorkerSlots<JoinRequest, Uint32Array>(new URL('./join-worker-entry.mjs', import.meta.url), 'join worker');
