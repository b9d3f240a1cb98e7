// Blocked SIMD scan for PDQ matching (built into src/pdq/wasm/scan.wasm by `npm run build:wasm`; the .wasm is
// committed and a test checks that rebuilding it gives the same bytes).
//
// Layout ("planes"): hashes in groups of 16; group g holds 32 planes of 16 bytes, plane j = byte j of
// each of the 16 hashes. XOR with a query byte splatted to 16 lanes and i8x16.popcnt then give 16
// distances at once with no horizontal sums. The first 12 bytes (96 bits) filter: a random pair differs
// there in ~48 bits, so at PDQ's radius 31 almost no group needs the other 20 planes. Counts go up to
// 256, one more than a byte holds: the second stage adds with saturation, which keeps every distance
// <= 254 exact (the caller uses this kernel only for thresholds <= 254).
//
// The database is walked in blocks of `blockGroups` groups (cache sized); every query of the batch runs
// over a block before the next one. Memory is imported (shared between worker threads).

// Where to resume after the output buffer filled up: block start, query, group.
export let resumeBlock: i32 = 0;
export let resumeQuery: i32 = 0;
export let resumeGroup: i32 = 0;
/** 1 when the last call finished its whole range, 0 when it stopped because `out` was full. */
export let finished: i32 = 0;

/**
 * Scans groups [g0, g1) against queries [k0, k1) (32 bytes each at `queries`), starting from the
 * resume point (b, k, g) = (startBlock, startQuery, startGroup). Matches (id < n, distance <= t) go to
 * `out` as two u32 each: id, then (query << 9) | distance; at most `cap` of them. `scratch`: 16 bytes.
 * Returns the number written; `finished` tells whether to call again from resume*.
 */
export function scan(
  planes: usize, g0: i32, g1: i32, queries: usize, k0: i32, k1: i32, n: i32, t: i32,
  blockGroups: i32, startBlock: i32, startQuery: i32, startGroup: i32,
  out: usize, cap: i32, scratch: usize,
): i32 {
  const tv = i8x16.splat(<i8>t);
  let m = 0;
  let first = true;
  for (let b = startBlock; b < g1; b += blockGroups) {
    const bEnd = min(b + blockGroups, g1);
    for (let k = first ? startQuery : k0; k < k1; k++) {
      const qp = queries + (<usize>k << 5);
      const s0 = v128.load8_splat(qp, 0), s1 = v128.load8_splat(qp, 1), s2 = v128.load8_splat(qp, 2);
      const s3 = v128.load8_splat(qp, 3), s4 = v128.load8_splat(qp, 4), s5 = v128.load8_splat(qp, 5);
      const s6 = v128.load8_splat(qp, 6), s7 = v128.load8_splat(qp, 7), s8 = v128.load8_splat(qp, 8);
      const s9 = v128.load8_splat(qp, 9), s10 = v128.load8_splat(qp, 10), s11 = v128.load8_splat(qp, 11);
      let g = first ? startGroup : b;
      first = false;
      let p = planes + (<usize>g << 9);
      for (; g < bEnd; g++, p += 512) {
        let a = i8x16.popcnt(v128.xor(v128.load(p, 0), s0));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 16), s1)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 32), s2)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 48), s3)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 64), s4)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 80), s5)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 96), s6)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 112), s7)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 128), s8)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 144), s9)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 160), s10)));
        a = i8x16.add(a, i8x16.popcnt(v128.xor(v128.load(p, 176), s11)));
        if (!i8x16.bitmask(i8x16.le_u(a, tv))) continue;
        // Rare: some lane is still within t after 96 bits; add the other 160.
        for (let j: usize = 12; j < 32; j++) {
          a = i8x16.add_sat_u(a, i8x16.popcnt(v128.xor(v128.load(p + (j << 4)), v128.load8_splat(qp + j))));
        }
        let mask = i8x16.bitmask(i8x16.le_u(a, tv));
        if (!mask) continue;
        if (m + 16 > cap) {
          resumeBlock = b;
          resumeQuery = k;
          resumeGroup = g;
          finished = 0;
          return m;
        }
        v128.store(scratch, a);
        while (mask) {
          const lane = ctz(mask);
          mask &= mask - 1;
          const id = (g << 4) + lane;
          if (id >= n) continue; // padding of the last group
          const o = out + (<usize>m << 3);
          store<u32>(o, id);
          store<u32>(o, (k << 9) | <i32>load<u8>(scratch + lane), 4);
          m++;
        }
      }
    }
  }
  finished = 1;
  return m;
}

/**
 * Rewrites `groups` groups of 16 hashes (32 bytes each, row after row) at `base` into planes, in place,
 * through a 512-byte `scratch`.
 */
export function toPlanes(base: usize, groups: i32, scratch: usize): void {
  for (let g = 0; g < groups; g++) {
    const p = base + (<usize>g << 9);
    memory.copy(scratch, p, 512);
    for (let l: usize = 0; l < 16; l++) {
      for (let j: usize = 0; j < 32; j++) store<u8>(p + (j << 4) + l, load<u8>(scratch + (l << 5) + j));
    }
  }
}
