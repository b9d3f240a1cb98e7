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
 */
export function luma(px: usize, rows: i32, cols: i32, channels: i32, outRows: i32, outCols: i32, out: usize, xmap: usize): void {
  for (let x = 0; x < outCols; x++) {
    store<i32>(xmap + (<usize>x << 2), <i32>((<i64>x * cols) / outCols) * channels);
  }
  const rowBytes = <usize>cols * channels;
  let o = out;
  for (let y = 0; y < outRows; y++) {
    const row = px + <usize>((<i64>y * rows) / outRows) * rowBytes;
    if (channels == 1) {
      for (let x = 0; x < outCols; x++, o += 4) {
        store<f32>(o, <f32>load<u8>(row + load<i32>(xmap + (<usize>x << 2))));
      }
    } else {
      // 4 pixels at a time: lane k holds pixel k's bytes R, G, B (and one more, masked off) as a
      // little-endian i32, so the 4th byte read past the last pixel must exist: the caller pads by 4.
      let x = 0;
      for (; x + 4 <= outCols; x += 4, o += 16) {
        const m = xmap + (<usize>x << 2);
        let v = i32x4.splat(load<i32>(row + load<i32>(m)));
        v = i32x4.replace_lane(v, 1, load<i32>(row + load<i32>(m, 4)));
        v = i32x4.replace_lane(v, 2, load<i32>(row + load<i32>(m, 8)));
        v = i32x4.replace_lane(v, 3, load<i32>(row + load<i32>(m, 12)));
        const r = f32x4.convert_i32x4_u(v128.and(v, BYTE));
        const g = f32x4.convert_i32x4_u(v128.and(i32x4.shr_u(v, 8), BYTE));
        const b = f32x4.convert_i32x4_u(v128.and(i32x4.shr_u(v, 16), BYTE));
        v128.store(o, f32x4.add(f32x4.add(f32x4.mul(CR4, r), f32x4.mul(CG4, g)), f32x4.mul(CB4, b)));
      }
      for (; x < outCols; x++, o += 4) {
        const p = row + load<i32>(xmap + (<usize>x << 2));
        store<f32>(o, (CR * <f32>load<u8>(p) + CG * <f32>load<u8>(p, 1)) + CB * <f32>load<u8>(p, 2));
      }
    }
  }
}

// @ts-ignore: decorator
@inline function gather(b0: usize, b1: usize, b2: usize, b3: usize, i: i32): v128 {
  const at = <usize>i << 2;
  let v = f32x4.splat(load<f32>(b0 + at));
  v = f32x4.replace_lane(v, 1, load<f32>(b1 + at));
  v = f32x4.replace_lane(v, 2, load<f32>(b2 + at));
  return f32x4.replace_lane(v, 3, load<f32>(b3 + at));
}

// @ts-ignore: decorator
@inline function scatter(b0: usize, b1: usize, b2: usize, b3: usize, i: i32, v: v128): void {
  const at = <usize>i << 2;
  store<f32>(b0 + at, f32x4.extract_lane(v, 0));
  store<f32>(b1 + at, f32x4.extract_lane(v, 1));
  store<f32>(b2 + at, f32x4.extract_lane(v, 2));
  store<f32>(b3 + at, f32x4.extract_lane(v, 3));
}

/**
 * Box filter of width w along every row of a rows x cols float32 matrix, src to dst (the reference's
 * box1DFloat on each row). Rows go 4 at a time; a short last group repeats its last row, which only
 * writes the same values twice.
 */
export function boxRows(src: usize, dst: usize, rows: i32, cols: i32, w: i32): void {
  const half = (w + 2) >> 1;
  const wv = f32x4.splat(<f32>w);
  const rowBytes = <usize>cols << 2;
  for (let r = 0; r < rows; r += 4) {
    const o0 = <usize>r * rowBytes, o1 = <usize>min(r + 1, rows - 1) * rowBytes;
    const o2 = <usize>min(r + 2, rows - 1) * rowBytes, o3 = <usize>min(r + 3, rows - 1) * rowBytes;
    const s0 = src + o0, s1 = src + o1, s2 = src + o2, s3 = src + o3;
    const d0 = dst + o0, d1 = dst + o1, d2 = dst + o2, d3 = dst + o3;
    let acc = f32x4.splat(0);
    let oi = 0;
    for (let ri = 0; ri < w; ri++) {
      acc = f32x4.add(acc, gather(s0, s1, s2, s3, ri));
      if (ri >= half - 1) scatter(d0, d1, d2, d3, oi++, f32x4.div(acc, f32x4.splat(<f32>(ri + 1))));
    }
    for (let ri = w; ri < cols; ri++) {
      acc = f32x4.add(acc, gather(s0, s1, s2, s3, ri));
      acc = f32x4.sub(acc, gather(s0, s1, s2, s3, ri - w));
      scatter(d0, d1, d2, d3, oi++, f32x4.div(acc, wv));
    }
    let count = w;
    for (let li = cols - w, o = cols - half + 1; o < cols; li++, o++) {
      count--;
      acc = f32x4.sub(acc, gather(s0, s1, s2, s3, li));
      scatter(d0, d1, d2, d3, o, f32x4.div(acc, f32x4.splat(<f32>count)));
    }
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
