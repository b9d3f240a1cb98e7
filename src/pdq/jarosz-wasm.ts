// PDQ luma + blur through the WebAssembly kernel (wasm/jarosz.wasm, source wasm/assembly/jarosz.ts):
// the same float32 operations as jarosz.ts in the same order, so bit-identical, about 3x faster. This
// file owns the kernel's memory layout; jarosz.ts stays the reference path, used when WebAssembly SIMD is
// missing, when a picture is over the memory budget, or when a caller asks for it (tests, benchmarks).
import { readFileSync } from 'node:fs';
import { PDQ_DIM, decimationIndices, jaroszWindow } from './jarosz.ts';
import { PDQ_SHRINK_DIM, needsShrink, squashSamples } from './shrink.ts';

interface Kernel {
  memory: WebAssembly.Memory;
  lumaInterleaved(px: number, rows: number, cols: number, channels: number, outRows: number, outCols: number, out: number, xmap: number): void;
  boxRowsInterleaved(src: number, dst: number, rows: number, cols: number, w: number): void;
  boxCols(src: number, dst: number, rows: number, cols: number, w: number, acc: number): void;
  interleavedToRows(src: number, dst: number, rows: number, cols: number): void;
  rowsToInterleaved(src: number, dst: number, rows: number, cols: number): void;
  interleavedColumns(src: number, dst: number, rows: number, cols: number, cmap: number, n: number): void;
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
  let pixels = px.subarray(0, rows * cols * channels), pRows = rows, pCols = cols;
  const fixed = align(oCols * 4) + align(Math.max(oCols, PDQ_DIM) * 4) + PDQ_DIM * 4 + 2 * plane + 2 * narrow + 4;
  if (fixed + align(pixels.length) > MEMORY_BUDGET) {
    if (!shrink || fixed + align(oRows * oCols * channels) > MEMORY_BUDGET) return false;
    // A huge picture: squash it here so only 512x512 pixels are copied in.
    pixels = squashSamples(pixels, cols, rows, channels);
    pRows = oRows; pCols = oCols;
  }
  const xmap = 0, acc = align(oCols * 4), cmap = acc + align(Math.max(oCols, PDQ_DIM) * 4);
  const a = cmap + PDQ_DIM * 4, b = a + plane, n1 = b + plane, n2 = n1 + narrow, pxAt = n2 + narrow;
  const need = pxAt + pixels.length + 4; // the luma reads pixels 4 bytes at a time
  if (k.memory.buffer.byteLength < need) k.memory.grow(Math.ceil((need - k.memory.buffer.byteLength) / PAGE));
  new Uint8Array(k.memory.buffer, pxAt, pixels.length).set(pixels);
  k.lumaInterleaved(pxAt, pRows, pCols, channels, oRows, oCols, a, xmap);
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
