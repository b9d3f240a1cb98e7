// PDQ luma + blur through the WebAssembly kernel (wasm/jarosz.wasm, source wasm/assembly/jarosz.ts):
// the same float32 operations as jarosz.ts in the same order, so bit-identical, about 3x faster. This
// file owns the kernel's memory layout; jarosz.ts stays the reference path, used when WebAssembly SIMD is
// missing, when a picture is over the memory budget, or when a caller asks for it (tests, benchmarks).
import { readFileSync } from 'node:fs';
import { DCT_DIM, DCT_TABLE } from './dct.ts';
import { PDQ_DIM, decimationIndices, jaroszWindow } from './jarosz.ts';
import { PDQ_SHRINK_DIM, needsShrink, squashOffsets } from './shrink.ts';

interface Kernel {
  memory: WebAssembly.Memory;
  lumaInterleaved(px: number, rows: number, cols: number, channels: number, outRows: number, outCols: number, out: number, xmap: number): void;
  boxRowsInterleaved(src: number, dst: number, rows: number, cols: number, w: number): void;
  boxCols(src: number, dst: number, rows: number, cols: number, w: number, acc: number): void;
  interleavedToRows(src: number, dst: number, rows: number, cols: number): void;
  rowsToInterleaved(src: number, dst: number, rows: number, cols: number): void;
  interleavedColumns(src: number, dst: number, rows: number, cols: number, cmap: number, n: number): void;
  dct64To16(a: number, d: number, dt: number, t: number, out: number): void;
  gradientSum(a: number): number;
}

/** Most memory the kernel may hold (it never shrinks, and each thread has its own). */
const MEMORY_BUDGET = 96 * 1024 * 1024;
const PAGE = 65536;

let kernel: Kernel | null | undefined;
let enabled = true;

function loadKernel(): Kernel | null {
  if (kernel === undefined) {
    try {
      const bytes = readFileSync(new URL('./wasm/jarosz.wasm', import.meta.url));
      kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Kernel;
    } catch {
      kernel = null; // no WebAssembly SIMD here: the JavaScript path does the work
    }
  }
  return kernel;
}

/** Turns the WebAssembly path off or on (for comparisons); returns whether it is usable. */
export function useWasmBlur(on: boolean): boolean {
  enabled = on;
  return on && loadKernel() !== null;
}

const align = (n: number): number => (n + 15) & ~15;

/**
 * lumaTo64x64 (jarosz.ts) in WebAssembly: fills out (64x64 float32) from 8-bit pixels, with the 512 squash
 * when `squash` is set. Returns false, having done nothing, when the JavaScript path must do it instead.
 */
export function lumaTo64x64Wasm(
  px: Uint8Array, rows: number, cols: number, channels: number, out: Float32Array, squash: boolean,
): boolean {
  const k = enabled ? loadKernel() : null;
  if (!k) return false;
  const shrink = squash && needsShrink(cols, rows);
  const oRows = shrink ? PDQ_SHRINK_DIM : rows, oCols = shrink ? PDQ_SHRINK_DIM : cols;
  // Interleaved planes hold whole groups of 4 rows; the narrow ones the 64 decimation columns.
  const plane = align(Math.ceil(oRows / 4) * 4 * oCols * 4), narrow = align(oRows * PDQ_DIM * 4);
  // With the squash, only the 512 source rows it reads are copied in (a third of a 1600x1004 picture,
  // a sixth of a 12 MP photo); the luma then maps columns only.
  const rowBytes = cols * channels;
  const pRows = shrink ? Math.min(rows, PDQ_SHRINK_DIM) : rows;
  const pixelBytes = pRows * rowBytes;
  const fixed = align(oCols * 4) + align(Math.max(oCols, PDQ_DIM) * 4) + PDQ_DIM * 4 + 2 * plane + 2 * narrow + 4;
  if (fixed + align(pixelBytes) > MEMORY_BUDGET) return false;
  const xmap = 0, acc = align(oCols * 4), cmap = acc + align(Math.max(oCols, PDQ_DIM) * 4);
  const a = cmap + PDQ_DIM * 4, b = a + plane, n1 = b + plane, n2 = n1 + narrow, pxAt = n2 + narrow;
  const need = pxAt + pixelBytes + 4; // the luma reads pixels 4 bytes at a time
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
  const dst = new Uint8Array(k.memory.buffer, pxAt, pixelBytes);
  if (pRows === rows) dst.set(px.subarray(0, pixelBytes));
  else for (const [y, from] of squashOffsets(rows, rowBytes).entries()) dst.set(px.subarray(from, from + rowBytes), y * rowBytes);
  k.lumaInterleaved(pxAt, pRows, cols, channels, oRows, oCols, a, xmap);
  if (oRows === PDQ_DIM && oCols === PDQ_DIM) {
    k.interleavedToRows(a, b, oRows, oCols);
    out.set(new Float32Array(k.memory.buffer, b, PDQ_DIM * PDQ_DIM)); // the reference does not blur a 64x64 picture
    return true;
  }
  const wRow = jaroszWindow(oCols), wCol = jaroszWindow(oRows);
  k.boxRowsInterleaved(a, b, oRows, oCols, wRow);
  k.interleavedToRows(b, a, oRows, oCols);
  k.boxCols(a, b, oRows, oCols, wCol, acc);
  k.rowsToInterleaved(b, a, oRows, oCols);
  k.boxRowsInterleaved(a, b, oRows, oCols, wRow);
  // Second vertical pass: only the 64 decimation columns are ever read.
  new Int32Array(k.memory.buffer, cmap, PDQ_DIM).set(decimationIndices(oCols));
  k.interleavedColumns(b, n1, oRows, oCols, cmap, PDQ_DIM);
  k.boxCols(n1, n2, oRows, PDQ_DIM, wCol, acc);
  const f = new Float32Array(k.memory.buffer, n2, oRows * PDQ_DIM);
  const ri = decimationIndices(oRows);
  for (let i = 0; i < PDQ_DIM; i++) out.set(f.subarray(ri[i] * PDQ_DIM, ri[i] * PDQ_DIM + PDQ_DIM), i * PDQ_DIM);
  return true;
}

/** The DCT table and its transpose, as the kernel reads them (made once). */
let dctTables: Float32Array | undefined;

/**
 * dct64To16 (dct.ts) in WebAssembly SIMD, bit-identical (same float32 operations in the same order): about a
 * third of the hashing time of a small frame was this JavaScript loop. Uses the kernel's memory from 0 as
 * scratch, like lumaTo64x64Wasm (never at the same time). Returns false, having done nothing, without the kernel.
 */
export function dct64To16Wasm(a: Float32Array, out: Float32Array): boolean {
  const k = enabled ? loadKernel() : null;
  if (!k) return false;
  if (!dctTables) {
    dctTables = new Float32Array(2 * DCT_DIM * PDQ_DIM);
    dctTables.set(DCT_TABLE);
    for (let r = 0; r < DCT_DIM; r++) for (let c = 0; c < PDQ_DIM; c++) dctTables[DCT_DIM * PDQ_DIM + c * DCT_DIM + r] = DCT_TABLE[r * PDQ_DIM + c];
  }
  const aAt = 0, dAt = PDQ_DIM * PDQ_DIM * 4, tAt = dAt + dctTables.byteLength, outAt = tAt + DCT_DIM * PDQ_DIM * 4;
  const need = outAt + DCT_DIM * DCT_DIM * 4;
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
  const mem = new Float32Array(k.memory.buffer);
  mem.set(a.subarray(0, PDQ_DIM * PDQ_DIM), aAt / 4);
  mem.set(dctTables, dAt / 4);
  k.dct64To16(aAt, dAt, dAt + DCT_DIM * PDQ_DIM * 4, tAt, outAt);
  out.set(mem.subarray(outAt / 4, outAt / 4 + DCT_DIM * DCT_DIM));
  return true;
}

/**
 * The DCT and PDQ's quality gradient sum together (one copy of the 64x64 buffer into the kernel), or null
 * without the kernel. The sum is what pdq-hash.ts qualityOf adds up, before its division by 90.
 */
export function dctAndGradientWasm(a: Float32Array, out: Float32Array): number | null {
  if (!dct64To16Wasm(a, out)) return null;
  return kernel!.gradientSum(0); // dct64To16Wasm left the buffer at offset 0
}
