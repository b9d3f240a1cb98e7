// PDQ steps 4-5: float32 luma, two rounds of box filters ("Jarosz" tent filter), decimation to 64x64.
// Every float operation is rounded to float32 exactly where the C++ reference rounds, in the same order,
// so results are bit-identical. Storing into a Float32Array rounds; Math.fround rounds a local value.
// Speed comes from loop order, not from changing arithmetic: each running sum still sees its samples in
// the reference order, but 8 independent sums advance together (no serial latency chain per row).

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
let full1 = new Float32Array(0);
let full2 = new Float32Array(0);
let narrow = new Float32Array(0); // rows x 64: second row pass, only at the 64 decimation columns

function ensureScratch(rows: number, cols: number): void {
  const n = rows * cols;
  if (full1.length < n) {
    full1 = new Float32Array(n);
    full2 = new Float32Array(n);
  }
  if (narrow.length < rows * PDQ_DIM) narrow = new Float32Array(rows * PDQ_DIM);
}

/** Window size of one box pass: ceil(n / 128) (half a 1/64 block, because two rounds are made). */
export function jaroszWindow(n: number): number {
  return Math.floor((n + 2 * PDQ_DIM - 1) / (2 * PDQ_DIM));
}

/** Index of the input sample picked for each of the 64 decimated positions along an axis of length n. */
function decimationIndices(n: number): Int32Array {
  const idx = new Int32Array(PDQ_DIM);
  for (let i = 0; i < PDQ_DIM; i++) idx[i] = Math.floor(((i + 0.5) * n) / PDQ_DIM);
  return idx;
}

// Output maps: position along an axis -> output slot, or -1 where no output is needed. Cached by length.
const identityMaps = new Map<number, Int32Array>();
const decimationMaps = new Map<number, Int32Array>();

function identityMap(n: number): Int32Array {
  let m = identityMaps.get(n);
  if (!m) {
    m = Int32Array.from({ length: n }, (_, i) => i);
    if (identityMaps.size > 64) identityMaps.clear();
    identityMaps.set(n, m);
  }
  return m;
}

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
    for (let i = 0; i < n; i++) out[i] = px[i];
    return;
  }
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    // (R + G) rounded, then + B rounded by the store: the reference's left-to-right float32 sum.
    out[i] = Math.fround(LUMA_R[px[p]] + LUMA_G[px[p + 1]]) + LUMA_B[px[p + 2]];
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
 * src[srcLane[b] + t*srcStep] for t < n and writes output t to dst[dstLane[b] + slot*dstStep] where
 * slot = map[t], skipping t when slot < 0.
 */
function box8(
  src: Float32Array, dst: Float32Array, n: number, w: number,
  srcLane: Int32Array, srcStep: number, dstLane: Int32Array, dstStep: number, map: Int32Array,
): void {
  const half = (w + 2) >> 1;
  const sums = laneSums;
  sums.fill(0);
  let ri = 0, li = 0, oi = 0, count = 0;
  // Phases 1-2: growing window, adds only (short; generic loops over the lanes).
  for (; ri < w; ri++) {
    count++;
    for (let b = 0; b < LANES; b++) sums[b] = sums[b] + src[srcLane[b] + ri * srcStep];
    if (ri >= half - 1) emitLanes(dst, dstLane, dstStep, map[oi++], count);
  }
  // Phase 3: full window, add the entering sample, round, subtract the leaving one (unrolled lanes).
  const s0 = srcLane[0], s1 = srcLane[1], s2 = srcLane[2], s3 = srcLane[3];
  const s4 = srcLane[4], s5 = srcLane[5], s6 = srcLane[6], s7 = srcLane[7];
  const d0 = dstLane[0], d1 = dstLane[1], d2 = dstLane[2], d3 = dstLane[3];
  const d4 = dstLane[4], d5 = dstLane[5], d6 = dstLane[6], d7 = dstLane[7];
  let a0 = sums[0], a1 = sums[1], a2 = sums[2], a3 = sums[3], a4 = sums[4], a5 = sums[5], a6 = sums[6], a7 = sums[7];
  const f = Math.fround, iw = inv(w);
  for (let r = ri * srcStep, l = 0; ri < n; ri++, li++, oi++, r += srcStep, l += srcStep) {
    a0 = f(f(a0 + src[s0 + r]) - src[s0 + l]);
    a1 = f(f(a1 + src[s1 + r]) - src[s1 + l]);
    a2 = f(f(a2 + src[s2 + r]) - src[s2 + l]);
    a3 = f(f(a3 + src[s3 + r]) - src[s3 + l]);
    a4 = f(f(a4 + src[s4 + r]) - src[s4 + l]);
    a5 = f(f(a5 + src[s5 + r]) - src[s5 + l]);
    a6 = f(f(a6 + src[s6 + r]) - src[s6 + l]);
    a7 = f(f(a7 + src[s7 + r]) - src[s7 + l]);
    const slot = map[oi];
    if (slot >= 0) {
      const o = slot * dstStep;
      dst[d0 + o] = a0 * iw; dst[d1 + o] = a1 * iw; dst[d2 + o] = a2 * iw; dst[d3 + o] = a3 * iw;
      dst[d4 + o] = a4 * iw; dst[d5 + o] = a5 * iw; dst[d6 + o] = a6 * iw; dst[d7 + o] = a7 * iw;
    }
  }
  sums[0] = a0; sums[1] = a1; sums[2] = a2; sums[3] = a3; sums[4] = a4; sums[5] = a5; sums[6] = a6; sums[7] = a7;
  // Phase 4: shrinking window, subtracts only.
  for (; oi < n; li++) {
    count--;
    for (let b = 0; b < LANES; b++) sums[b] = sums[b] - src[srcLane[b] + li * srcStep];
    emitLanes(dst, dstLane, dstStep, map[oi++], count);
  }
}

function emitLanes(dst: Float32Array, dstLane: Int32Array, dstStep: number, slot: number, count: number): void {
  if (slot < 0) return;
  const o = slot * dstStep, c = inv(count);
  for (let b = 0; b < LANES; b++) dst[dstLane[b] + o] = laneSums[b] * c;
}

const srcLanes = new Int32Array(LANES);
const dstLanes = new Int32Array(LANES);

/**
 * Box filter along every row (width w). Output column c goes to dst column map[c] (dst has dstCols
 * columns). Rows are taken 8 at a time; a short last group repeats its last row (same values written twice).
 */
function boxAlongRows(
  src: Float32Array, dst: Float32Array, rows: number, cols: number, w: number, map: Int32Array, dstCols: number,
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

/** Box filter along every column (width w); output row r goes to dst row map[r]; dst is row-major, cols wide. */
function boxAlongCols(
  src: Float32Array, dst: Float32Array, rows: number, cols: number, w: number, map: Int32Array,
): void {
  for (let c0 = 0; c0 < cols; c0 += LANES) {
    for (let b = 0; b < LANES; b++) srcLanes[b] = dstLanes[b] = Math.min(c0 + b, cols - 1);
    box8(src, dst, rows, w, srcLanes, cols, dstLanes, cols, map);
  }
}

/**
 * Luma, blur and decimate: fills out (64x64 row-major float32) from 8-bit pixels (1, 3 or 4 channels;
 * a 4th channel is ignored). Requires rows, cols >= 1.
 */
export function lumaTo64x64(
  px: Uint8Array, rows: number, cols: number, channels: number, out: Float32Array,
): void {
  ensureScratch(rows, cols);
  const a = full1, b = full2;
  fillLuma(px, rows, cols, channels, a);
  if (rows === PDQ_DIM && cols === PDQ_DIM) {
    out.set(a.subarray(0, PDQ_DIM * PDQ_DIM));
    return;
  }
  const wRow = jaroszWindow(cols), wCol = jaroszWindow(rows);
  boxAlongRows(a, b, rows, cols, wRow, identityMap(cols), cols);
  boxAlongCols(b, a, rows, cols, wCol, identityMap(rows));
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
