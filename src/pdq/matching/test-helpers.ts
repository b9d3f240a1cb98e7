// Deterministic random hashes and planted near-duplicates for tests and the benchmark.
// Random 256-bit hashes are ~128 bits apart, so near neighbours must be made by flipping bits.
import { WORDS_PER_HASH } from './hex.ts';

/** xorshift128: small, fast, seeded; good enough to spread test hashes. */
export function prng(seed: number): () => number {
  let a = seed | 0 || 1, b = 0x9e3779b9, c = 0x243f6a88, d = 0xb7e15162;
  const next = (): number => {
    const t = a ^ (a << 11);
    a = b; b = c; c = d;
    d = (d ^ (d >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return d;
  };
  for (let i = 0; i < 16; i++) next(); // decorrelate nearby seeds
  return next;
}

export function randomHashes(n: number, rnd: () => number): Uint32Array {
  const out = new Uint32Array(n * WORDS_PER_HASH);
  for (let i = 0; i < out.length; i++) out[i] = rnd();
  return out;
}

/** Copy of hash `i` of `packed` with exactly `k` distinct bits flipped (so at distance exactly k). */
export function flipBits(packed: Uint32Array, i: number, k: number, rnd: () => number): Uint32Array {
  const h = packed.slice(i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH);
  const bits = Array.from({ length: 256 }, (_, b) => b);
  for (let j = 0; j < k; j++) {
    const pick = j + (rnd() % (256 - j)); // partial Fisher-Yates: k distinct bit positions
    [bits[j], bits[pick]] = [bits[pick], bits[j]];
    h[bits[j] >>> 5] ^= 1 << (bits[j] & 31);
  }
  return h;
}
