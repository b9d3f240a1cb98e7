// PDQ steps 7-8 and section 2: 16x16 DCT of the 64x64 buffer, median threshold, dihedral variants.
// float32 throughout, products and sums rounded in the reference's order (k = 0..63, sequential).

import { PDQ_DIM } from './jarosz.ts';

export const DCT_DIM = 16;

/** D[k][n] = sqrt(2/64) * cos(pi/128 * (k+1) * (2n+1)), k < 16, n < 64; the reference's float32 table. */
export const DCT_TABLE = new Float32Array(DCT_DIM * PDQ_DIM);
{
  const scale = Math.fround(Math.sqrt(2 / 64)); // a `const float` in the reference
  for (let k = 0; k < DCT_DIM; k++) {
    for (let n = 0; n < PDQ_DIM; n++) {
      DCT_TABLE[k * PDQ_DIM + n] = scale * Math.cos((Math.PI / 2 / 64) * (k + 1) * (2 * n + 1));
    }
  }
}

const tmp16x64 = new Float32Array(DCT_DIM * PDQ_DIM);

/** B = D A D^T, out is 16x16 row-major. Separable: T = D A (16x64), then B = T D^T. */
export function dct64To16(a: Float32Array, out: Float32Array): void {
  const d = DCT_TABLE, t = tmp16x64, f = Math.fround;
  // T[i][j] = sum_k D[i][k] A[k][j], k = 0..63 in order for each (i, j) as in the reference; four
  // columns j advance together in locals (independent sums), each product and sum rounded to float32.
  for (let i = 0; i < DCT_DIM; i++) {
    const di = i * PDQ_DIM;
    for (let j = 0; j < PDQ_DIM; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0, ak = j; k < PDQ_DIM; k++, ak += PDQ_DIM) {
        const dik = d[di + k];
        s0 = f(s0 + f(dik * a[ak]));
        s1 = f(s1 + f(dik * a[ak + 1]));
        s2 = f(s2 + f(dik * a[ak + 2]));
        s3 = f(s3 + f(dik * a[ak + 3]));
      }
      t[di + j] = s0; t[di + j + 1] = s1; t[di + j + 2] = s2; t[di + j + 3] = s3;
    }
  }
  // B[i][j] = sum_k T[i][k] D[j][k]
  for (let i = 0; i < DCT_DIM; i++) {
    const ti = i * PDQ_DIM;
    for (let j = 0; j < DCT_DIM; j += 2) {
      const dj = j * PDQ_DIM;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < PDQ_DIM; k++) {
        const tik = t[ti + k];
        s0 = f(s0 + f(tik * d[dj + k]));
        s1 = f(s1 + f(tik * d[dj + PDQ_DIM + k]));
      }
      out[i * DCT_DIM + j] = s0;
      out[i * DCT_DIM + j + 1] = s1;
    }
  }
}

const sortScratch = new Float32Array(DCT_DIM * DCT_DIM);

/**
 * Bits of the hash: bit k = i*16 + j is set iff B[i][j] > the lower median (128th smallest of 256,
 * what Torben's selection returns). Word i of the 16 output words holds row i, bit j.
 */
export function thresholdAtMedian(b: Float32Array, words: Uint16Array): void {
  sortScratch.set(b);
  sortScratch.sort();
  const median = sortScratch[(DCT_DIM * DCT_DIM) / 2 - 1];
  for (let i = 0; i < DCT_DIM; i++) {
    let w = 0;
    const o = i * DCT_DIM;
    for (let j = 0; j < DCT_DIM; j++) if (b[o + j] > median) w |= 1 << j;
    words[i] = w;
  }
}

export const DIHEDRAL_NAMES = ['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipp', 'flipm'] as const;
export type DihedralName = (typeof DIHEDRAL_NAMES)[number];

/** Sign rule of each variant (i, j = source row, column; true = negate) and whether it transposes. */
const DIHEDRAL_RULES: Record<DihedralName, { transpose: boolean; negate: (i: number, j: number) => boolean }> = {
  orig: { transpose: false, negate: () => false },
  rot90: { transpose: true, negate: (_i, j) => (j & 1) === 0 },
  rot180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1 },
  rot270: { transpose: true, negate: (i) => (i & 1) === 0 },
  flipx: { transpose: false, negate: (i) => (i & 1) === 0 },
  flipy: { transpose: false, negate: (_i, j) => (j & 1) === 0 },
  flipp: { transpose: true, negate: () => false },
  flipm: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1 },
};

/** The DCT matrix of a rotated/flipped picture, derived from the original's (exact: sign flips, moves). */
export function dihedralDct(b: Float32Array, name: DihedralName, out: Float32Array): void {
  const { transpose, negate } = DIHEDRAL_RULES[name];
  for (let i = 0; i < DCT_DIM; i++) {
    for (let j = 0; j < DCT_DIM; j++) {
      const v = b[i * DCT_DIM + j];
      out[transpose ? j * DCT_DIM + i : i * DCT_DIM + j] = negate(i, j) ? -v : v;
    }
  }
}
