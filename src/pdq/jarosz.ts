// PDQ steps 4-5: float32 luma, two rounds of box filters ("Jarosz" tent filter), decimation to 64x64.
// Every float operation is rounded to float32 exactly where the C++ reference rounds, in the same order,
// so results are bit-identical. Storing into a Float32Array rounds; Math.fround rounds a local value.
// Speed comes from loop order, not from changing arithmetic: each running sum still sees its samples in
// the reference order, but 8 independent sums advance together (no serial latency chain per row).

import { PDQ_SHRINK_DIM, needsShrink, squashOffsets } from './shrink.ts';

export const PDQ_DIM = 64;

// float32 luma weights (the reference's `const float` coefficients) times each 8-bit level, as tables.
const LUMA_R = new Float64Array(256);
const LUMA_G = new Float64Array(256);
const LUMA_B = new Float64Array(256);
{
  const cr = Math.fround(0.299), cg = Math.fround(0.587), cb = Math.fround(0.114);
  for (let v = 0; v < 256; v++) {
    LUMA_R[v] = Math.fround(cr * v);
    LUMA_G[v] = Math.fround(cg * v);
    LUMA_B[v] = Math.fround(cb * v);
  }
}

// Scratch buffers, grown on demand and reused across calls (hashing is synchronous, so no sharing issue).
// Only buffers up to RETAIN_ELEMENTS are kept between calls, so one huge picture does not pin
// hundreds of megabytes for the life of the process.
const RETAIN_ELEMENTS = 4 * 1024 * 1024; // 16 MiB per buffer: whole 1080p/4K-ish video frames
interface Scratch { full1: Float32Array; full2: Float32Array; narrow: Float32Array }
let kept: Scratch = { full1: new Float32Array(0), full2: new Float32Array(0), narrow: new Float32Array(0) };

function scratch(rows: number, cols: number): Scratch {
  const n = rows * cols;
  if (kept.full1.length >= n && kept.narrow.length >= rows * PDQ_DIM) return kept;
  if (n > RETAIN_ELEMENTS) {
    return { full1: new Float32Array(n), full2: new Float32Array(n), narrow: new Float32Array(rows * PDQ_DIM) };
  }
  const full = Math.max(n, kept.full1.length), nar = Math.max(rows * PDQ_DIM, kept.narrow.length);
  kept = { full1: new Float32Array(full), full2: new Float32Array(full), narrow: new Float32Array(nar) };
  return kept;
}

/** Window size of one box pass: ceil(n / 128) (half a 1/64 block, because two rounds are made). */
export function jaroszWindow(n: number): number {
  return Math.floor((n + 2 * PDQ_DIM - 1) / (2 * PDQ_DIM));
}

/** Index of the input sample picked for each of the 64 decimated positions along an axis of length n. */
export function decimationIndices(n: number): Int32Array {
  const idx = new Int32Array(PDQ_DIM);
  for (let i = 0; i < PDQ_DIM; i++) idx[i] = Math.floor(((i + 0.5) * n) / PDQ_DIM);
  return idx;
}

// Position along an axis -> decimated slot, or -1 where no output is needed. Cached by length.
const decimationMaps = new Map<number, Int32Array>();

function decimationMap(n: number): Int32Array {
  let m = decimationMaps.get(n);
  if (!m) {
    m = new Int32Array(n).fill(-1);
    const idx = decimationIndices(n);
    // Several slots share one sample when n < 64 (upsampling): keep the first, fillDuplicates copies the rest.
    for (let k = PDQ_DIM - 1; k >= 0; k--) m[idx[k]] = k;
    if (decimationMaps.size > 64) decimationMaps.clear();
    decimationMaps.set(n, m);
  }
  return m;
}

function fillLuma(px: Uint8Array, rows: number, cols: number, channels: number, out: Float32Array): void {
  const n = rows * cols;
  if (channels === 1) {
    out.set(px.subarray(0, n)); // grey level as is (exact in float32); native conversion loop
  } else if (channels === 3) {
    lumaRgb(px, n, out);
  } else {
    lumaStride(px, n, channels, out);
  }
}

// Y = (0.299 R + 0.587 G) rounded to float32, + 0.114 B rounded by the store: the reference's
// left-to-right float32 sum. Unrolled by 4 for the common 3-channel case (fewer loop overheads).
function lumaRgb(px: Uint8Array, n: number, out: Float32Array): void {
  const R = LUMA_R, G = LUMA_G, B = LUMA_B, f = Math.fround;
  let i = 0, p = 0;
  for (; i + 4 <= n; i += 4, p += 12) {
    out[i] = f(R[px[p]] + G[px[p + 1]]) + B[px[p + 2]];
    out[i + 1] = f(R[px[p + 3]] + G[px[p + 4]]) + B[px[p + 5]];
    out[i + 2] = f(R[px[p + 6]] + G[px[p + 7]]) + B[px[p + 8]];
    out[i + 3] = f(R[px[p + 9]] + G[px[p + 10]]) + B[px[p + 11]];
  }
  for (; i < n; i++, p += 3) out[i] = f(R[px[p]] + G[px[p + 1]]) + B[px[p + 2]];
}

function lumaStride(px: Uint8Array, n: number, channels: number, out: Float32Array): void {
  const R = LUMA_R, G = LUMA_G, B = LUMA_B, f = Math.fround;
  for (let i = 0, p = 0; i < n; i++, p += channels) out[i] = f(R[px[p]] + G[px[p + 1]]) + B[px[p + 2]];
}

/**
 * Luma of the 512x512 nearest-neighbour squash (shrink.ts), read straight from the full picture: the
 * squash picks whole pixels and luma is per pixel, so this equals squashing first, without the copy.
 */
function fillLumaSquashed(px: Uint8Array, rows: number, cols: number, channels: number, out: Float32Array): void {
  const R = LUMA_R, G = LUMA_G, B = LUMA_B, f = Math.fround, n = PDQ_SHRINK_DIM;
  const srcX = squashOffsets(cols, channels), srcY = squashOffsets(rows, cols * channels);
  for (let y = 0, o = 0; y < n; y++) {
    const row = srcY[y];
    if (channels === 1) {
      for (let x = 0; x < n; x++, o++) out[o] = px[row + srcX[x]];
    } else {
      for (let x = 0; x < n; x++, o++) {
        const p = row + srcX[x];
        out[o] = f(R[px[p]] + G[px[p + 1]]) + B[px[p + 2]];
      }
    }
  }
}

// 1/count for the box divisions. Multiplying a float32 sum by the float64 reciprocal and rounding to
// float32 equals the reference's float32 division bit for bit: the float64 product is within 2^-52
// (relative) of sum/count, while sum/count is never a float32 rounding midpoint and, when not exactly
// representable, lies at least 2^-25/count (relative) from one, so both round the same way.
const INV = new Float64Array(4097);
for (let c = 1; c < INV.length; c++) INV[c] = 1 / c;
const inv = (c: number): number => (c < INV.length ? INV[c] : 1 / c);

const LANES = 8;
const laneSums = new Float32Array(LANES);

/**
 * Box filter of width w along LANES parallel lines of length n (the reference's box1DFloat, run on 8
 * independent running sums at once so their float latencies overlap). Line b reads
 * src[srcLane[b] + t*srcStep], t < n. With map null, output t goes to the same place in dst
 * (same layout); otherwise to dst[dstLane[b] + map[t]*dstStep], skipping t where map[t] < 0.
 */
function box8(
  src: Float32Array, dst: Float32Array, n: number, w: number,
  srcLane: Int32Array, srcStep: number, dstLane: Int32Array, dstStep: number, map: Int32Array | null,
): void {
  const half = (w + 2) >> 1;
  const sums = laneSums;
  sums.fill(0);
  let ri = 0, oi = 0, count = 0;
  // Phases 1-2: growing window, adds only (short; generic loops over the lanes).
  for (; ri < w; ri++) {
    count++;
    for (let b = 0; b < LANES; b++) sums[b] = sums[b] + src[srcLane[b] + ri * srcStep];
    if (ri >= half - 1) emitLanes(dst, map, srcLane, srcStep, dstLane, dstStep, oi++, count);
  }
  // Phase 3: full window (the bulk of the work).
  if (map === null) phase3Same(src, dst, n, w, half, srcLane, srcStep);
  else phase3Mapped(src, dst, n, w, half, srcLane, srcStep, dstLane, dstStep, map);
  // Phase 4: shrinking window, subtracts only.
  for (let li = n - w, o = n - half + 1; o < n; li++, o++) {
    count--;
    for (let b = 0; b < LANES; b++) sums[b] = sums[b] - src[srcLane[b] + li * srcStep];
    emitLanes(dst, map, srcLane, srcStep, dstLane, dstStep, o, count);
  }
}

function emitLanes(
  dst: Float32Array, map: Int32Array | null, srcLane: Int32Array, srcStep: number,
  dstLane: Int32Array, dstStep: number, t: number, count: number,
): void {
  const c = inv(count);
  if (map === null) {
    for (let b = 0; b < LANES; b++) dst[srcLane[b] + t * srcStep] = laneSums[b] * c;
    return;
  }
  const slot = map[t];
  if (slot < 0) return;
  for (let b = 0; b < LANES; b++) dst[dstLane[b] + slot * dstStep] = laneSums[b] * c;
}

// Phase 3 of box8, unrolled over the 8 lanes: add the entering sample, round to float32, subtract the
// leaving one, round again (the reference's two statements). Output position t = ri - (half - 1).
// Two copies: writing in place of the source layout needs no destination bases, which keeps all live
// values in registers; the mapped copy writes only where map says (1 position in 8 on a 512 side).
function phase3Same(
  src: Float32Array, dst: Float32Array, n: number, w: number, half: number, lane: Int32Array, step: number,
): void {
  const s0 = lane[0], s1 = lane[1], s2 = lane[2], s3 = lane[3], s4 = lane[4], s5 = lane[5], s6 = lane[6], s7 = lane[7];
  const sums = laneSums, f = Math.fround, iw = inv(w);
  let a0 = sums[0], a1 = sums[1], a2 = sums[2], a3 = sums[3], a4 = sums[4], a5 = sums[5], a6 = sums[6], a7 = sums[7];
  for (let r = w * step, l = 0, o = (w - half + 1) * step, end = n * step; r < end; r += step, l += step, o += step) {
    a0 = f(f(a0 + src[s0 + r]) - src[s0 + l]);
    a1 = f(f(a1 + src[s1 + r]) - src[s1 + l]);
    a2 = f(f(a2 + src[s2 + r]) - src[s2 + l]);
    a3 = f(f(a3 + src[s3 + r]) - src[s3 + l]);
    a4 = f(f(a4 + src[s4 + r]) - src[s4 + l]);
    a5 = f(f(a5 + src[s5 + r]) - src[s5 + l]);
    a6 = f(f(a6 + src[s6 + r]) - src[s6 + l]);
    a7 = f(f(a7 + src[s7 + r]) - src[s7 + l]);
    dst[s0 + o] = a0 * iw; dst[s1 + o] = a1 * iw; dst[s2 + o] = a2 * iw; dst[s3 + o] = a3 * iw;
    dst[s4 + o] = a4 * iw; dst[s5 + o] = a5 * iw; dst[s6 + o] = a6 * iw; dst[s7 + o] = a7 * iw;
  }
  sums[0] = a0; sums[1] = a1; sums[2] = a2; sums[3] = a3; sums[4] = a4; sums[5] = a5; sums[6] = a6; sums[7] = a7;
}

function phase3Mapped(
  src: Float32Array, dst: Float32Array, n: number, w: number, half: number, lane: Int32Array, step: number,
  dstLane: Int32Array, dstStep: number, map: Int32Array,
): void {
  const s0 = lane[0], s1 = lane[1], s2 = lane[2], s3 = lane[3], s4 = lane[4], s5 = lane[5], s6 = lane[6], s7 = lane[7];
  const sums = laneSums, f = Math.fround, iw = inv(w);
  let a0 = sums[0], a1 = sums[1], a2 = sums[2], a3 = sums[3], a4 = sums[4], a5 = sums[5], a6 = sums[6], a7 = sums[7];
  for (let r = w * step, l = 0, t = w - half + 1; t < n - half + 1; r += step, l += step, t++) {
    a0 = f(f(a0 + src[s0 + r]) - src[s0 + l]);
    a1 = f(f(a1 + src[s1 + r]) - src[s1 + l]);
    a2 = f(f(a2 + src[s2 + r]) - src[s2 + l]);
    a3 = f(f(a3 + src[s3 + r]) - src[s3 + l]);
    a4 = f(f(a4 + src[s4 + r]) - src[s4 + l]);
    a5 = f(f(a5 + src[s5 + r]) - src[s5 + l]);
    a6 = f(f(a6 + src[s6 + r]) - src[s6 + l]);
    a7 = f(f(a7 + src[s7 + r]) - src[s7 + l]);
    const slot = map[t];
    if (slot >= 0) {
      const o = slot * dstStep;
      dst[dstLane[0] + o] = a0 * iw; dst[dstLane[1] + o] = a1 * iw; dst[dstLane[2] + o] = a2 * iw;
      dst[dstLane[3] + o] = a3 * iw; dst[dstLane[4] + o] = a4 * iw; dst[dstLane[5] + o] = a5 * iw;
      dst[dstLane[6] + o] = a6 * iw; dst[dstLane[7] + o] = a7 * iw;
    }
  }
  sums[0] = a0; sums[1] = a1; sums[2] = a2; sums[3] = a3; sums[4] = a4; sums[5] = a5; sums[6] = a6; sums[7] = a7;
}

const srcLanes = new Int32Array(LANES);
const dstLanes = new Int32Array(LANES);

/**
 * Box filter along every row (width w). With map null dst has src's layout; otherwise output column c
 * goes to dst column map[c] of a rows x dstCols buffer. Rows are taken 8 at a time; a short last group
 * repeats its last row (the same values are written twice).
 */
function boxAlongRows(
  src: Float32Array, dst: Float32Array, rows: number, cols: number, w: number, map: Int32Array | null, dstCols: number,
): void {
  for (let r0 = 0; r0 < rows; r0 += LANES) {
    for (let b = 0; b < LANES; b++) {
      const r = Math.min(r0 + b, rows - 1);
      srcLanes[b] = r * cols;
      dstLanes[b] = r * dstCols;
    }
    box8(src, dst, cols, w, srcLanes, 1, dstLanes, 1, map);
  }
}

/** Box filter along every column (width w); with map null dst has src's layout, else output row r goes to dst row map[r]. */
function boxAlongCols(
  src: Float32Array, dst: Float32Array, rows: number, cols: number, w: number, map: Int32Array | null,
): void {
  for (let c0 = 0; c0 < cols; c0 += LANES) {
    for (let b = 0; b < LANES; b++) srcLanes[b] = dstLanes[b] = Math.min(c0 + b, cols - 1);
    box8(src, dst, rows, w, srcLanes, cols, dstLanes, cols, map);
  }
}

/**
 * Luma, blur and decimate: fills out (64x64 row-major float32) from 8-bit pixels (1, 3 or 4 channels;
 * a 4th channel is ignored). Requires rows, cols >= 1. With squash, a picture over 512 px on a side is
 * first taken down to 512x512 by the reference's nearest-neighbour squash.
 */
export function lumaTo64x64(
  px: Uint8Array, rows: number, cols: number, channels: number, out: Float32Array, squash = false,
): void {
  if (squash && needsShrink(cols, rows)) {
    const n = PDQ_SHRINK_DIM, bufs = scratch(n, n);
    fillLumaSquashed(px, rows, cols, channels, bufs.full1);
    blurAndDecimate(bufs, n, n, out);
    return;
  }
  const bufs = scratch(rows, cols);
  fillLuma(px, rows, cols, channels, bufs.full1);
  if (rows === PDQ_DIM && cols === PDQ_DIM) {
    out.set(bufs.full1.subarray(0, PDQ_DIM * PDQ_DIM));
    return;
  }
  blurAndDecimate(bufs, rows, cols, out);
}

/** Two rounds of box filters over the luma in the scratch buffer, then decimation to 64x64 into out. */
function blurAndDecimate(bufs: Scratch, rows: number, cols: number, out: Float32Array): void {
  const { full1: a, full2: b, narrow } = bufs;
  const wRow = jaroszWindow(cols), wCol = jaroszWindow(rows);
  boxAlongRows(a, b, rows, cols, wRow, null, cols);
  boxAlongCols(b, a, rows, cols, wCol, null);
  // Second round: only the 64 decimation columns and rows are ever read, so only those are produced.
  // Each surviving column/row still gets the full running sum, so values are unchanged.
  boxAlongRows(a, narrow, rows, cols, wRow, decimationMap(cols), PDQ_DIM);
  boxAlongCols(narrow, out, rows, PDQ_DIM, wCol, decimationMap(rows));
  fillDuplicates(out, rows, cols);
}

/** When an axis is shorter than 64, several slots pick the same sample; copy it from the first one. */
function fillDuplicates(out: Float32Array, rows: number, cols: number): void {
  if (cols < PDQ_DIM) {
    const idx = decimationIndices(cols);
    for (let k = 1; k < PDQ_DIM; k++) {
      if (idx[k] !== idx[k - 1]) continue;
      for (let i = 0; i < PDQ_DIM; i++) out[i * PDQ_DIM + k] = out[i * PDQ_DIM + k - 1];
    }
  }
  if (rows < PDQ_DIM) {
    const idx = decimationIndices(rows);
    for (let k = 1; k < PDQ_DIM; k++) {
      if (idx[k] !== idx[k - 1]) continue;
      out.copyWithin(k * PDQ_DIM, (k - 1) * PDQ_DIM, k * PDQ_DIM);
    }
  }
}
