// The fastest exact matcher for batches of queries (issue 14): a blocked WebAssembly SIMD scan
// (src/pdq/wasm/assembly/scan.ts) over the hashes rearranged into byte planes, on the calling thread or, for a
// large batch, on every core (worker threads reading the same shared memory). Exact for every threshold:
// thresholds the kernel cannot count to (255, 256) and runtimes without WebAssembly SIMD or shared memory
// fall back to HashStore.scan, and hashes added after build() are scanned that way until the next build.
//
// Entry points: ScanIndex.searchBatchParallel (all cores, large batches), searchBatch (this thread),
// search (one query, the PdqIndex contract).
import { availableParallelism } from 'node:os';
import { HashStore } from './hash-store.ts';
import { WORDS_PER_HASH } from './hex.ts';
import {
  DEFAULT_BLOCK_GROUPS, GROUP, GROUP_BYTES, KERNEL_MAX_THRESHOLD, PLANES_AT, QUERIES_AT, QUERY_CHUNK, REGIONS,
  type ScanJob, type ScanKernel, instantiate, pagesFor, runJob, scanModule, toPlanes,
} from './scan-kernel.ts';
import type { ScanRequest } from './scan-worker.ts';
import { WorkerSlots } from './worker-slots.ts';
import { type PdqIndex, type PdqMatch, byDistanceThenIndex, checkThreshold, queryWords } from './types.ts';

const MAX_PAGES = 65536; // wasm32: 4 GiB

export interface ScanOptions {
  /** Rebuild in search when more than max(autoBuildMin, built/8) hashes were added since (default true). */
  autoBuild?: boolean;
  autoBuildMin?: number;
  /** Groups of 16 hashes per cache block (default DEFAULT_BLOCK_GROUPS). */
  blockGroups?: number;
}

export interface ParallelOptions {
  /** Threads including the calling one (default: the cores, at most REGIONS). */
  threads?: number;
  /** How threads share the work: halves of the hashes ('hashes', default) or of the queries. */
  split?: 'hashes' | 'queries';
  /**
   * Below this many hash comparisons (hashes x queries) the batch runs on the calling thread: handing
   * work to a worker costs more than it saves. Default 2^26 (~30 ms of scanning here).
   */
  minParallelWork?: number;
}

export class ScanIndex implements PdqIndex {
  readonly store: HashStore;
  private readonly autoBuild: boolean;
  private readonly autoBuildMin: number;
  private readonly blockGroups: number;
  private kernel: ScanKernel | null = null;
  private built = 0;

  constructor(store: HashStore = new HashStore(), options: ScanOptions = {}) {
    this.store = store;
    this.autoBuild = options.autoBuild ?? true;
    this.autoBuildMin = options.autoBuildMin ?? 16384;
    this.blockGroups = Math.max(1, Math.floor(options.blockGroups ?? DEFAULT_BLOCK_GROUPS));
  }

  get size(): number {
    return this.store.count;
  }

  /** Hashes in the SIMD planes (the rest are scanned by HashStore.scan). */
  get builtSize(): number {
    return this.built;
  }

  /** Whether the SIMD kernel is in use (false: WebAssembly SIMD or shared memory missing, or too many hashes). */
  get usesSimd(): boolean {
    return this.kernel !== null;
  }

  /** Bytes held: the hash store plus the planes' memory. */
  get byteLength(): number {
    return this.store.byteLength + (this.kernel ? this.kernel.memory.buffer.byteLength : 0);
  }

  add(hash: string | Uint32Array): number {
    return this.store.add(hash);
  }

  addPacked(words: Uint32Array): number {
    return this.store.addPacked(words);
  }

  /** Copies every hash so far into a new shared memory as byte planes. O(n). */
  build(): void {
    const module = scanModule();
    const n = this.store.count;
    const groups = Math.ceil(n / GROUP);
    const pages = pagesFor(groups);
    this.kernel = null; // drop the old planes first: peak memory is one copy, not two
    this.built = 0;
    if (!module || pages > MAX_PAGES) return;
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    } catch {
      return; // memory refused: HashStore.scan does the work
    }
    const packed = this.store.packed();
    new Uint8Array(memory.buffer, PLANES_AT, packed.byteLength).set(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
    const kernel = instantiate(module, memory);
    toPlanes(kernel, groups, 0);
    this.kernel = kernel;
    this.built = n;
  }

  search(query: string | Uint32Array, threshold: number): PdqMatch[] {
    return this.searchBatch(queryWords(query), threshold)[0]!;
  }

  /** Every query of `queries` (8 packed words each), on this thread: result i = search(query i). */
  searchBatch(queries: Uint32Array, threshold: number): PdqMatch[][] {
    const nq = this.prepare(queries, threshold);
    const results = emptyResults(nq);
    if (this.kernel && threshold <= KERNEL_MAX_THRESHOLD) {
      const kernel = this.kernel;
      this.byChunk(queries, (k0, k1) => {
        collect(runJob(kernel, this.job(0, this.groups(), 0, k1 - k0, threshold, 0)), k0, results);
      });
    }
    return this.finish(queries, threshold, results);
  }

  /**
   * Same results as searchBatch, the work spread over threads (worker threads reading the planes in
   * place; the calling thread scans its share meanwhile). Small batches stay on the calling thread.
   */
  async searchBatchParallel(queries: Uint32Array, threshold: number, options: ParallelOptions = {}): Promise<PdqMatch[][]> {
    const nq = this.prepare(queries, threshold);
    const threads = Math.max(1, Math.min(REGIONS, Math.floor(options.threads ?? availableParallelism())));
    const module = scanModule();
    const kernel = this.kernel;
    if (!kernel || !module || threads === 1 || threshold > KERNEL_MAX_THRESHOLD || this.built * nq < (options.minParallelWork ?? 2 ** 26)) {
      return this.searchBatch(queries, threshold);
    }
    const results = emptyResults(nq);
    const split = options.split ?? 'hashes';
    const groups = this.groups();
    const chunks: Array<[number, number]> = [];
    this.byChunk(queries, (k0, k1) => chunks.push([k0, k1]));
    for (const [k0, k1] of chunks) {
      // Queries of this chunk into the shared query area; every thread reads them from there.
      new Uint32Array(kernel.memory.buffer, QUERIES_AT, (k1 - k0) * WORDS_PER_HASH).set(queries.subarray(k0 * WORDS_PER_HASH, k1 * WORDS_PER_HASH));
      const jobs: ScanJob[] = [];
      for (let r = 0; r < threads; r++) {
        if (split === 'hashes') jobs.push(this.job(Math.floor((groups * r) / threads), Math.floor((groups * (r + 1)) / threads), 0, k1 - k0, threshold, r));
        else jobs.push(this.job(0, groups, Math.floor(((k1 - k0) * r) / threads), Math.floor(((k1 - k0) * (r + 1)) / threads), threshold, r));
      }
      const pending = jobs.slice(1).map((job) => pool.run(job.region - 1, { module, memory: kernel.memory, job }));
      const mine = runJob(kernel, jobs[0]!);
      collect(mine, k0, results);
      for (const m of await Promise.all(pending)) collect(m, k0, results);
    }
    return this.finish(queries, threshold, results);
  }

  private groups(): number {
    return Math.ceil(this.built / GROUP);
  }

  private job(g0: number, g1: number, k0: number, k1: number, t: number, region: number): ScanJob {
    return { g0, g1, k0, k1, n: this.built, t, blockGroups: this.blockGroups, region };
  }

  /** Checks the arguments, rebuilds when the unbuilt tail grew large; returns the number of queries. */
  private prepare(queries: Uint32Array, threshold: number): number {
    checkThreshold(threshold);
    if (queries.length % WORDS_PER_HASH !== 0) throw new Error(`queries: length ${queries.length} is not a multiple of ${WORDS_PER_HASH}`);
    const tail = this.store.count - this.built;
    if (this.autoBuild && tail > 0 && (this.built === 0 || tail > Math.max(this.autoBuildMin, this.built / 8))) this.build();
    return queries.length / WORDS_PER_HASH;
  }

  /** Calls f per chunk of queries that fits the query area, after copying the chunk there. */
  private byChunk(queries: Uint32Array, f: (k0: number, k1: number) => void): void {
    const nq = queries.length / WORDS_PER_HASH;
    for (let k0 = 0; k0 < nq; k0 += QUERY_CHUNK) {
      const k1 = Math.min(nq, k0 + QUERY_CHUNK);
      new Uint32Array(this.kernel!.memory.buffer, QUERIES_AT, (k1 - k0) * WORDS_PER_HASH).set(queries.subarray(k0 * WORDS_PER_HASH, k1 * WORDS_PER_HASH));
      f(k0, k1);
    }
  }

  /** Adds what the kernel did not cover (unbuilt tail, or everything), then sorts each result. */
  private finish(queries: Uint32Array, t: number, results: PdqMatch[][]): PdqMatch[][] {
    const from = this.kernel && t <= KERNEL_MAX_THRESHOLD ? this.built : 0;
    for (let k = 0; k < results.length; k++) {
      const out = results[k]!;
      if (from < this.store.count) this.store.scan(from, this.store.count, queries.subarray(k * WORDS_PER_HASH, (k + 1) * WORDS_PER_HASH), t, out);
      if (out.length > 1) out.sort(byDistanceThenIndex);
    }
    return results;
  }
}

function emptyResults(n: number): PdqMatch[][] {
  return Array.from({ length: n }, () => []);
}

/** Kernel output pairs (id, query << 9 | distance) into per-query results; k0: first query of the chunk. */
function collect(pairs: Uint32Array, k0: number, results: PdqMatch[][]): void {
  for (let i = 0; i < pairs.length; i += 2) {
    const v = pairs[i + 1]!;
    results[k0 + (v >>> 9)]!.push({ index: pairs[i]!, distance: v & 511 });
  }
}

/** Worker threads shared by every index (one job per worker at a time); each job names the memory it scans. */
const pool = new WorkerSlots<ScanRequest, Uint32Array>(new URL('./scan-worker-entry.mjs', import.meta.url), 'scan worker');

/** Bytes of planes per group, for callers sizing memory. */
export const SCAN_BYTES_PER_HASH = GROUP_BYTES / GROUP;
