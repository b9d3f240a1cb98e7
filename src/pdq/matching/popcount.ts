// Hamming distance on packed hashes. JS has no popcount instruction; a 64 KiB table of the bit
// counts of every 16-bit value (two look-ups per 32-bit word) measured as fast as SWAR bit tricks
// at threshold 31 and faster at larger thresholds, and is simpler to read.
//
// Hot loops index the table directly instead of calling a helper: V8 (Node 20) stopped inlining
// small helpers imported from another module, or after a re-optimisation, which made the scan up
// to 6x slower (measured). Keep per-hash work free of function calls.
import type { PdqMatch } from './types.ts';

/** POPCOUNT16[v] = number of 1 bits in v, for 0 <= v < 65536. */
export const POPCOUNT16 = new Uint8Array(1 << 16);
for (let v = 1; v < 1 << 16; v++) POPCOUNT16[v] = (v & 1) + POPCOUNT16[v >>> 1];

export function popcount32(x: number): number {
  return POPCOUNT16[x & 0xffff] + POPCOUNT16[x >>> 16];
}

/**
 * Optimised exhaustive scan of ids [from, to) of `words` (8 words per hash) against query q:
 * query words held in locals, the 8 words unrolled, and an early exit after the first 96 bits
 * (random pairs already differ there in ~48 bits, far above usual thresholds; ~1.5x at t = 31).
 * Matches are appended to `out` in id order.
 */
export function flatScan(words: Uint32Array, from: number, to: number, q: Uint32Array, t: number, out: PdqMatch[]): void {
  const P = POPCOUNT16;
  const q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
  for (let i = from, o = from * 8; i < to; i++, o += 8) {
    let x = words[o] ^ q0, y = words[o + 1] ^ q1, z = words[o + 2] ^ q2;
    let d = P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16] + P[z & 0xffff] + P[z >>> 16];
    if (d > t) continue;
    x = words[o + 3] ^ q3; y = words[o + 4] ^ q4; z = words[o + 5] ^ q5;
    d += P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16] + P[z & 0xffff] + P[z >>> 16];
    x = words[o + 6] ^ q6; y = words[o + 7] ^ q7;
    d += P[x & 0xffff] + P[x >>> 16] + P[y & 0xffff] + P[y >>> 16];
    if (d <= t) out.push({ index: i, distance: d });
  }
}
