// Driver of the blocked SIMD scan kernel (../wasm/scan.wasm, source ../wasm/assembly/scan.ts), shared by the
// calling thread and the scan worker threads: the memory layout and the resume loop live here once.
//
// Memory (one shared WebAssembly.Memory per built index, so that worker threads read it in place):
//   [0, 1024)                    unused (kept clear of anything the compiler might place at 0)
//   REGIONS x REGION_BYTES       one per thread: 16-byte lane scratch, 512-byte transpose scratch, output
//   QUERY_CHUNK x 32 bytes       the queries of the current chunk
//   groups x 512 bytes           the hashes, 16 per group, as byte planes (see the kernel)
import { readFileSync } from 'node:fs';

export interface ScanKernel {
  memory: WebAssembly.Memory;
  scan(
    planes: number, g0: number, g1: number, queries: number, k0: number, k1: number, n: number, t: number,
    blockGroups: number, startBlock: number, startQuery: number, startGroup: number,
    out: number, cap: number, scratch: number,
  ): number;
  toPlanes(base: number, groups: number, scratch: number): void;
  resumeBlock: WebAssembly.Global;
  resumeQuery: WebAssembly.Global;
  resumeGroup: WebAssembly.Global;
  finished: WebAssembly.Global;
}

export const GROUP = 16;
export const GROUP_BYTES = 512;
/** Threads that may scan one index at once (the calling thread + workers); each has its own region. */
export const REGIONS = 4;
const OUT_CAP = 32768; // matches per kernel call (two u32 each)
const REGION_BYTES = 16 + GROUP_BYTES + OUT_CAP * 8;
const REGIONS_AT = 1024;
export const QUERY_CHUNK = 65536;
export const QUERIES_AT = REGIONS_AT + REGIONS * REGION_BYTES;
export const PLANES_AT = QUERIES_AT + QUERY_CHUNK * 32;
/** Largest threshold the kernel answers exactly (its byte counters saturate at 255). */
export const KERNEL_MAX_THRESHOLD = 254;
/**
 * Groups per block: 1024 groups = 512 KiB of planes, half of this CPU's 1 MiB L2 (AMD Zen 4); the bench
 * measures its neighbours (bench/pdq-scan.bench.ts --blocks).
 */
export const DEFAULT_BLOCK_GROUPS = 1024;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD or shared memory is missing. */
export function scanModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(readFileSync(new URL('../wasm/scan.wasm', import.meta.url)));
      // Shared memory is what the module imports; make sure this runtime can create one.
      new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): ScanKernel {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Omit<ScanKernel, 'memory'>;
  return { ...exports, memory };
}

/** Pages for an index of `groups` groups. */
export function pagesFor(groups: number): number {
  return Math.ceil((PLANES_AT + groups * GROUP_BYTES) / 65536);
}

export function regionAt(region: number): number {
  return REGIONS_AT + region * REGION_BYTES;
}

export interface ScanJob {
  /** Groups [g0, g1) and queries [k0, k1) of the chunk in the query area; n: hashes indexed. */
  g0: number;
  g1: number;
  k0: number;
  k1: number;
  n: number;
  t: number;
  blockGroups: number;
  region: number;
}

/**
 * Runs one job to the end; returns its matches as pairs (id, query << 9 | distance). One kernel call per
 * block: V8 first runs wasm in its baseline compiler and swaps in the optimised code only between calls,
 * so a single call over everything would stay on the slow code.
 */
export function runJob(k: ScanKernel, job: ScanJob): Uint32Array {
  const region = regionAt(job.region);
  const scratch = region, out = region + 16 + GROUP_BYTES;
  let acc = new Uint32Array(1024);
  let len = 0;
  for (let b = job.g0; b < job.g1; b += job.blockGroups) {
    const bEnd = Math.min(job.g1, b + job.blockGroups);
    let q = job.k0, g = b;
    for (;;) {
      const m = k.scan(PLANES_AT, b, bEnd, QUERIES_AT, job.k0, job.k1, job.n, job.t, job.blockGroups, b, q, g, out, OUT_CAP, scratch);
      if (len + 2 * m > acc.length) {
        const next = new Uint32Array(Math.max(acc.length * 2, len + 2 * m));
        next.set(acc.subarray(0, len));
        acc = next;
      }
      acc.set(new Uint32Array(k.memory.buffer, out, 2 * m), len);
      len += 2 * m;
      if (k.finished.value === 1) break;
      q = k.resumeQuery.value as number;
      g = k.resumeGroup.value as number;
    }
  }
  return acc.slice(0, len);
}

/** Rearranges `groups` groups at PLANES_AT into planes, in slices (optimised code after the first few). */
export function toPlanes(k: ScanKernel, groups: number, region: number): void {
  const SLICE = 4096;
  for (let g = 0; g < groups; g += SLICE) k.toPlanes(PLANES_AT + g * GROUP_BYTES, Math.min(SLICE, groups - g), regionAt(region) + 16);
}
