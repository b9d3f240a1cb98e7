// PDQ's luma and blur (steps 4-5 of pdq-facts.md) in WebAssembly, written in AssemblyScript and built to
// ../jarosz.wasm by `npm run build:wasm`. Same arithmetic as the reference, in its order: float32 luma
// (0.299 R + 0.587 G) + 0.114 B; each box filter keeps a float32 running sum (add the entering sample,
// round, subtract the leaving one, round) and divides by the count in float32. WebAssembly's f32 and
// f32x4 operations are IEEE single precision, so the results are bit-identical to the reference and to
// jarosz.ts (the JavaScript version, which the tests hold this against). SIMD runs 4 lanes at once:
// 4 adjacent columns in the vertical pass, 4 rows (gathered) in the horizontal one.
// The caller owns the memory layout: every pointer is a byte offset into this module's memory.

const CR: f32 = 0.299;
const CG: f32 = 0.587;
const CB: f32 = 0.114;
const CR4 = f32x4.splat(CR), CG4 = f32x4.splat(CG), CB4 = f32x4.splat(CB);
const BYTE = i32x4.splat(0xff);

/**
 * Luma of an 8-bit picture (1 channel = grey as is, else R, G, B first) resampled by nearest neighbour to
 * outRows x outCols (output (x, y) reads input (floor(x * cols / outCols), floor(y * rows / outRows)): the
 * reference's 512 squash, or the identity when the sizes are equal). xmap: outCols i32 of scratch.
 * The output is interleaved by groups of 4 rows: group g holds, for each x, the f32x4 of rows 4g..4g+3
 * at x (a last short group repeats its last row), so the horizontal box filter runs on whole vectors.
 */
export function lumaInterleaved(px: usize, rows: i32, cols: i32, channels: i32, outRows: i32, outCols: i32, out: usize, xmap: usize): void {
  for (let x = 0; x < outCols; x++) {
    store<i32>(xmap + (<usize>x << 2), <i32>((<i64>x * cols) / outCols) * channels);
  }
  const rowBytes = <usize>cols * channels;
  const last = outRows - 1;
  let o = out;
  for (let y = 0; y < outRows; y += 4) {
    const r0 = px + srcRow(y, rows, outRows) * rowBytes, r1 = px + srcRow(min(y + 1, last), rows, outRows) * rowBytes;
    const r2 = px + srcRow(min(y + 2, last), rows, outRows) * rowBytes, r3 = px + srcRow(min(y + 3, last), rows, outRows) * rowBytes;
    if (channels == 1) {
      for (let x = 0; x < outCols; x++, o += 16) {
        const m = <usize>load<i32>(xmap + (<usize>x << 2));
        let v = f32x4.splat(<f32>load<u8>(r0 + m));
        v = f32x4.replace_lane(v, 1, <f32>load<u8>(r1 + m));
        v = f32x4.replace_lane(v, 2, <f32>load<u8>(r2 + m));
        v128.store(o, f32x4.replace_lane(v, 3, <f32>load<u8>(r3 + m)));
      }
    } else {
      // Lane k holds row k's pixel bytes R, G, B (and one more, masked off) read as a little-endian i32,
      // so a 4th byte past the last pixel must exist: the caller pads the pixels by 4 bytes.
      for (let x = 0; x < outCols; x++, o += 16) {
        const m = <usize>load<i32>(xmap + (<usize>x << 2));
        let v = i32x4.splat(load<i32>(r0 + m));
        v = i32x4.replace_lane(v, 1, load<i32>(r1 + m));
        v = i32x4.replace_lane(v, 2, load<i32>(r2 + m));
        v = i32x4.replace_lane(v, 3, load<i32>(r3 + m));
        const r = f32x4.convert_i32x4_u(v128.and(v, BYTE));
        const g = f32x4.convert_i32x4_u(v128.and(i32x4.shr_u(v, 8), BYTE));
        const b = f32x4.convert_i32x4_u(v128.and(i32x4.shr_u(v, 16), BYTE));
        v128.store(o, f32x4.add(f32x4.add(f32x4.mul(CR4, r), f32x4.mul(CG4, g)), f32x4.mul(CB4, b)));
      }
    }
  }
}

// @ts-ignore: decorator
@inline function srcRow(y: i32, rows: i32, outRows: i32): usize {
  return <usize>((<i64>y * rows) / outRows);
}

/** Box filter of width w along the rows of an interleaved matrix (groups of 4 rows), src to dst. */
export function boxRowsInterleaved(src: usize, dst: usize, rows: i32, cols: i32, w: i32): void {
  const half = (w + 2) >> 1;
  const wv = f32x4.splat(<f32>w);
  const groupBytes = <usize>cols << 4;
  for (let y = 0; y < rows; y += 4) {
    const s = src + <usize>(y >> 2) * groupBytes, d = dst + <usize>(y >> 2) * groupBytes;
    let acc = f32x4.splat(0);
    let oi = 0;
    for (let ri = 0; ri < w; ri++) {
      acc = f32x4.add(acc, v128.load(s + (<usize>ri << 4)));
      if (ri >= half - 1) {
        v128.store(d + (<usize>oi << 4), f32x4.div(acc, f32x4.splat(<f32>(ri + 1))));
        oi++;
      }
    }
    for (let ri = w; ri < cols; ri++) {
      acc = f32x4.sub(f32x4.add(acc, v128.load(s + (<usize>ri << 4))), v128.load(s + (<usize>(ri - w) << 4)));
      v128.store(d + (<usize>oi << 4), f32x4.div(acc, wv));
      oi++;
    }
    let count = w;
    for (let li = cols - w, o = cols - half + 1; o < cols; li++, o++) {
      count--;
      acc = f32x4.sub(acc, v128.load(s + (<usize>li << 4)));
      v128.store(d + (<usize>o << 4), f32x4.div(acc, f32x4.splat(<f32>count)));
    }
  }
}

// @ts-ignore: decorator
@inline function transposeStore(a: v128, b: v128, c: v128, e: v128, d0: usize, d1: usize, d2: usize, d3: usize, n: i32): void {
  const t0 = v128.shuffle<f32>(a, b, 0, 4, 1, 5), t1 = v128.shuffle<f32>(c, e, 0, 4, 1, 5);
  const t2 = v128.shuffle<f32>(a, b, 2, 6, 3, 7), t3 = v128.shuffle<f32>(c, e, 2, 6, 3, 7);
  v128.store(d0, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
  if (n > 1) v128.store(d1, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
  if (n > 2) v128.store(d2, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
  if (n > 3) v128.store(d3, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
}

/** Interleaved (groups of 4 rows) to row-major, rows x cols: 4x4 transposes, the last cols % 4 scalar. */
export function interleavedToRows(src: usize, dst: usize, rows: i32, cols: i32): void {
  const rowBytes = <usize>cols << 2;
  for (let y = 0; y < rows; y += 4) {
    const n = min(4, rows - y);
    const s = src + <usize>(y >> 2) * (<usize>cols << 4), d = dst + <usize>y * rowBytes;
    let x = 0;
    for (; x + 4 <= cols; x += 4) {
      const at = s + (<usize>x << 4), to = d + (<usize>x << 2);
      transposeStore(v128.load(at), v128.load(at, 16), v128.load(at, 32), v128.load(at, 48), to, to + rowBytes, to + 2 * rowBytes, to + 3 * rowBytes, n);
    }
    for (; x < cols; x++) {
      for (let k = 0; k < n; k++) store<f32>(d + <usize>k * rowBytes + (<usize>x << 2), load<f32>(s + (<usize>x << 4) + (<usize>k << 2)));
    }
  }
}

/** Row-major rows x cols to interleaved (a last short group repeats the last row). */
export function rowsToInterleaved(src: usize, dst: usize, rows: i32, cols: i32): void {
  const rowBytes = <usize>cols << 2;
  const last = rows - 1;
  for (let y = 0; y < rows; y += 4) {
    const s0 = src + <usize>y * rowBytes, s1 = src + <usize>min(y + 1, last) * rowBytes;
    const s2 = src + <usize>min(y + 2, last) * rowBytes, s3 = src + <usize>min(y + 3, last) * rowBytes;
    const d = dst + <usize>(y >> 2) * (<usize>cols << 4);
    let x = 0;
    for (; x + 4 <= cols; x += 4) {
      const at = <usize>x << 2, to = d + (<usize>x << 4);
      transposeStore(v128.load(s0 + at), v128.load(s1 + at), v128.load(s2 + at), v128.load(s3 + at), to, to + 16, to + 32, to + 48, 4);
    }
    for (; x < cols; x++) {
      const at = <usize>x << 2;
      let v = f32x4.splat(load<f32>(s0 + at));
      v = f32x4.replace_lane(v, 1, load<f32>(s1 + at));
      v = f32x4.replace_lane(v, 2, load<f32>(s2 + at));
      v128.store(d + (<usize>x << 4), f32x4.replace_lane(v, 3, load<f32>(s3 + at)));
    }
  }
}

/** Picks n columns (i32 indices at cmap) of an interleaved rows x cols matrix into a row-major rows x n one. */
export function interleavedColumns(src: usize, dst: usize, rows: i32, cols: i32, cmap: usize, n: i32): void {
  let o = dst;
  for (let y = 0; y < rows; y++) {
    const s = src + <usize>(y >> 2) * (<usize>cols << 4) + (<usize>(y & 3) << 2);
    for (let j = 0; j < n; j++, o += 4) store<f32>(o, load<f32>(s + (<usize>load<i32>(cmap + (<usize>j << 2)) << 4)));
  }
}

/**
 * Box filter of width w along every column, src to dst: one sweep down the rows with a running sum per
 * column kept in acc (cols float32 of scratch), 4 columns per SIMD lane group, the last cols % 4 scalar.
 */
export function boxCols(src: usize, dst: usize, rows: i32, cols: i32, w: i32, acc: usize): void {
  const half = (w + 2) >> 1;
  const rowBytes = <usize>cols << 2;
  const vecEnd = cols & ~3;
  memory.fill(acc, 0, rowBytes);
  // Growing window: adds only; emit once past the first half window.
  for (let ri = 0; ri < w; ri++) {
    const s = src + <usize>ri * rowBytes;
    const emit = ri >= half - 1;
    const d = dst + <usize>(ri - half + 1) * rowBytes;
    const cnt: f32 = <f32>(ri + 1), cv = f32x4.splat(cnt);
    let c = 0;
    for (; c < vecEnd; c += 4) {
      const at = <usize>c << 2;
      const a = f32x4.add(v128.load(acc + at), v128.load(s + at));
      v128.store(acc + at, a);
      if (emit) v128.store(d + at, f32x4.div(a, cv));
    }
    for (; c < cols; c++) {
      const at = <usize>c << 2;
      const a: f32 = load<f32>(acc + at) + load<f32>(s + at);
      store<f32>(acc + at, a);
      if (emit) store<f32>(d + at, a / cnt);
    }
  }
  // Full window: add the entering row, subtract the leaving one.
  const wf: f32 = <f32>w, wv = f32x4.splat(wf);
  for (let ri = w; ri < rows; ri++) {
    const s = src + <usize>ri * rowBytes, l = src + <usize>(ri - w) * rowBytes;
    const d = dst + <usize>(ri - half + 1) * rowBytes;
    let c = 0;
    for (; c < vecEnd; c += 4) {
      const at = <usize>c << 2;
      const a = f32x4.sub(f32x4.add(v128.load(acc + at), v128.load(s + at)), v128.load(l + at));
      v128.store(acc + at, a);
      v128.store(d + at, f32x4.div(a, wv));
    }
    for (; c < cols; c++) {
      const at = <usize>c << 2;
      const a: f32 = (load<f32>(acc + at) + load<f32>(s + at)) - load<f32>(l + at);
      store<f32>(acc + at, a);
      store<f32>(d + at, a / wf);
    }
  }
  // Shrinking window: subtracts only.
  let count = w;
  for (let li = rows - w, o = rows - half + 1; o < rows; li++, o++) {
    count--;
    const l = src + <usize>li * rowBytes, d = dst + <usize>o * rowBytes;
    const cnt: f32 = <f32>count, cv = f32x4.splat(cnt);
    let c = 0;
    for (; c < vecEnd; c += 4) {
      const at = <usize>c << 2;
      const a = f32x4.sub(v128.load(acc + at), v128.load(l + at));
      v128.store(acc + at, a);
      v128.store(d + at, f32x4.div(a, cv));
    }
    for (; c < cols; c++) {
      const at = <usize>c << 2;
      const a: f32 = load<f32>(acc + at) - load<f32>(l + at);
      store<f32>(acc + at, a);
      store<f32>(d + at, a / cnt);
    }
  }
}

/**
 * PDQ's 16x16 DCT, B = D A D^T (dct.ts dct64To16), with f32x4 over 4 output columns: each lane does the
 * JavaScript version's float32 multiply, then add, in the same k order (0..63), so B is bit-identical.
 * a: 64x64 f32 rows; d: the 16x64 table; dt: d transposed (64x16); t: 16x64 scratch; out: 16x16 rows.
 */
export function dct64To16(a: usize, d: usize, dt: usize, t: usize, out: usize): void {
  for (let i: usize = 0; i < 16; i++) {
    const di = d + (i << 8);
    const ti = t + (i << 8);
    for (let j: usize = 0; j < 64; j += 4) {
      let s = f32x4.splat(0);
      for (let k: usize = 0; k < 64; k++) {
        s = f32x4.add(s, f32x4.mul(f32x4.splat(load<f32>(di + (k << 2))), v128.load(a + (k << 8) + (j << 2))));
      }
      v128.store(ti + (j << 2), s);
    }
  }
  for (let i: usize = 0; i < 16; i++) {
    const ti = t + (i << 8);
    for (let j: usize = 0; j < 16; j += 4) {
      let s = f32x4.splat(0);
      for (let k: usize = 0; k < 64; k++) {
        s = f32x4.add(s, f32x4.mul(f32x4.splat(load<f32>(ti + (k << 2))), v128.load(dt + (k << 6) + (j << 2))));
      }
      v128.store(out + (i << 6) + (j << 2), s);
    }
  }
}

/**
 * The gradient sum of PDQ's quality (pdq-hash.ts qualityOf) over a 64x64 f32 buffer: for each vertical and
 * horizontal neighbour pair, |trunc(((u - v) * 100) / 255)| in float32, summed as integers. The same float32
 * operations per pair as the JavaScript version, so the same sum.
 */
export function gradientSum(a: usize): i32 {
  const k100 = f32x4.splat(100), k255 = f32x4.splat(255);
  let acc = i32x4.splat(0);
  for (let i: usize = 0; i < 63; i++) {
    const r = a + (i << 8);
    for (let j: usize = 0; j < 64; j += 4) {
      const d = f32x4.div(f32x4.mul(f32x4.sub(v128.load(r + (j << 2)), v128.load(r + 256 + (j << 2))), k100), k255);
      acc = i32x4.add(acc, i32x4.abs(i32x4.trunc_sat_f32x4_s(d)));
    }
  }
  let sum = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3);
  for (let i: usize = 0; i < 64; i++) {
    const r = a + (i << 8);
    for (let j: usize = 0; j < 63; j++) {
      const d = ((load<f32>(r + (j << 2)) - load<f32>(r + ((j + 1) << 2))) * <f32>100) / <f32>255;
      sum += abs<i32>(<i32>d);
    }
  }
  return sum;
}
