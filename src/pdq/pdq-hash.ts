// PDQ perceptual hash (Meta's algorithm, re-implemented from /work/shared/docs/pdq-facts.md).
// A hash is 256 bits held as 16 words of 16 bits, word i = bits 16i..16i+15, exactly the reference's
// layout; hex text prints words 15..0. Hamming distance works on 32-bit pairs of words (SWAR popcount).

import { DCT_DIM, DIHEDRAL_NAMES, type DihedralName, dct64To16, dihedralDct, thresholdAtMedian } from './dct.ts';
import { PDQ_DIM, lumaTo64x64 } from './jarosz.ts';
import { dctAndGradientWasm, lumaTo64x64Wasm } from './jarosz-wasm.ts';

export { DIHEDRAL_NAMES, type DihedralName } from './dct.ts';
export { shrinkTo512Nearest } from './shrink.ts';

/** 256-bit PDQ hash: 16 little 16-bit words, word i holds bits 16i..16i+15 (bit k = DCT row k>>4, column k&15). */
export type PdqHash = Uint16Array;

export const PDQ_HASH_WORDS = 16;
export const PDQ_HEX_LENGTH = 64;
/** Sides below this many pixels give the all-zero hash with quality 0 (reference MIN_HASHABLE_DIM). */
export const PDQ_MIN_DIM = 5;
/** Distance at or below which two hashes are taken to be the same picture (reference). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Hashes with quality below this are not reliable enough to use (reference). */
export const PDQ_QUALITY_THRESHOLD = 50;

export type PdqDihedral = Record<DihedralName, PdqHash>;
export interface PdqResult {
  hash: PdqHash;
  quality: number;
  dihedral?: PdqDihedral;
}

export function emptyPdqHash(): PdqHash {
  return new Uint16Array(PDQ_HASH_WORDS);
}

const HEX_RE = /^[0-9a-f]{64}$/;

export function toHex(hash: PdqHash): string {
  assertHash(hash);
  let s = '';
  for (let i = PDQ_HASH_WORDS - 1; i >= 0; i--) s += hash[i].toString(16).padStart(4, '0');
  return s;
}

/** Parses 64 hex characters (either case; the canonical form is lowercase). */
export function fromHex(hex: string): PdqHash {
  const h = typeof hex === 'string' ? hex.toLowerCase() : '';
  if (!HEX_RE.test(h)) {
    const shown = typeof hex === 'string' ? JSON.stringify(hex.length > 80 ? `${hex.slice(0, 80)}...` : hex) : typeof hex;
    throw new TypeError(`invalid PDQ hash ${shown}: expected 64 hexadecimal characters`);
  }
  const out = new Uint16Array(PDQ_HASH_WORDS);
  for (let i = 0; i < PDQ_HASH_WORDS; i++) {
    const at = (PDQ_HASH_WORDS - 1 - i) * 4;
    out[i] = parseInt(h.slice(at, at + 4), 16);
  }
  return out;
}

function assertHash(h: PdqHash): void {
  if (!(h instanceof Uint16Array) || h.length !== PDQ_HASH_WORDS) {
    throw new TypeError('a PDQ hash is a Uint16Array of 16 words');
  }
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Number of differing bits (0..256). */
export function hammingDistance(a: PdqHash, b: PdqHash): number {
  let d = 0;
  for (let i = 0; i < PDQ_HASH_WORDS; i += 2) {
    d += popcount32((a[i] ^ b[i]) | ((a[i + 1] ^ b[i + 1]) << 16));
  }
  return d;
}

/** Number of set bits; 128 for nearly every hash of a non-flat picture. */
export function bitCount(h: PdqHash): number {
  let n = 0;
  for (let i = 0; i < PDQ_HASH_WORDS; i += 2) n += popcount32(h[i] | (h[i + 1] << 16));
  return n;
}

/** The hash as 8 unsigned 32-bit words, word k = bits 32k..32k+31 (independent of machine endianness). */
export function toWords32(h: PdqHash): Uint32Array {
  const out = new Uint32Array(PDQ_HASH_WORDS / 2);
  for (let k = 0; k < out.length; k++) out[k] = (h[2 * k] | (h[2 * k + 1] << 16)) >>> 0;
  return out;
}

export function fromWords32(w: Uint32Array): PdqHash {
  if (w.length !== PDQ_HASH_WORDS / 2) throw new TypeError('expected 8 32-bit words');
  const out = new Uint16Array(PDQ_HASH_WORDS);
  for (let k = 0; k < w.length; k++) {
    out[2 * k] = w[k] & 0xffff;
    out[2 * k + 1] = w[k] >>> 16;
  }
  return out;
}

// Reused per call: the 64x64 buffer, the DCT output and one dihedral DCT.
const buf64 = new Float32Array(PDQ_DIM * PDQ_DIM);
const dct16 = new Float32Array(DCT_DIM * DCT_DIM);
const dihedral16 = new Float32Array(DCT_DIM * DCT_DIM);

/** Quality 0..100 from gradients of the 64x64 buffer (float32 arithmetic, integer truncation, as the reference). */
function qualityOf(a: Float32Array): number {
  return qualityFromGradient(qualityGradientSum(a));
}

/** The sum PDQ's quality divides by 90 (exported for the WebAssembly version's test). */
export function qualityGradientSum(a: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < PDQ_DIM - 1; i++) {
    for (let j = 0; j < PDQ_DIM; j++) {
      const u = a[i * PDQ_DIM + j], v = a[(i + 1) * PDQ_DIM + j];
      sum += Math.abs(Math.trunc(Math.fround(Math.fround(Math.fround(u - v) * 100) / 255)));
    }
  }
  for (let i = 0; i < PDQ_DIM; i++) {
    for (let j = 0; j < PDQ_DIM - 1; j++) {
      const u = a[i * PDQ_DIM + j], v = a[i * PDQ_DIM + j + 1];
      sum += Math.abs(Math.trunc(Math.fround(Math.fround(Math.fround(u - v) * 100) / 255)));
    }
  }
  return sum;
}

function qualityFromGradient(sum: number): number {
  return Math.min(100, Math.floor(sum / 90));
}

function checkPixels(pixels: Uint8Array, width: number, height: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`invalid image size ${width}x${height}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new RangeError(`unsupported channel count ${channels}`);
  if (pixels.length < width * height * channels) {
    throw new RangeError(`pixel buffer too short: ${pixels.length} bytes for ${width}x${height}x${channels}`);
  }
}

export interface PdqHashOptions {
  /** Also compute the 8 rotated and mirrored hashes. */
  dihedral?: boolean;
  /** Apply the reference's 512x512 squash (shrink.ts) to larger pictures while reading them, without a copy. */
  squash512?: boolean;
}

/**
 * PDQ hash and quality of an 8-bit image held row-major, interleaved (1 = grey, 3 = RGB, 4 = RGBA with
 * alpha ignored). No 512 pre-shrink unless opts.squash512 (see shrinkTo512Nearest); sides below 5 give zeros, quality 0.
 * Not re-entrant across threads, but JS calls are synchronous, so it is safe to call from anywhere.
 */
export function computePdqFromPixels(
  pixels: Uint8Array, width: number, height: number, channels: 1 | 3 | 4, opts: PdqHashOptions = {},
): PdqResult {
  checkPixels(pixels, width, height, channels);
  if (width < PDQ_MIN_DIM || height < PDQ_MIN_DIM) {
    const result: PdqResult = { hash: emptyPdqHash(), quality: 0 };
    if (opts.dihedral) result.dihedral = mapDihedral(() => emptyPdqHash());
    return result;
  }
  const squash = opts.squash512 ?? false;
  if (!lumaTo64x64Wasm(pixels, height, width, channels, buf64, squash)) lumaTo64x64(pixels, height, width, channels, buf64, squash);
  const gradient = dctAndGradientWasm(buf64, dct16);
  let quality: number;
  if (gradient === null) {
    quality = qualityOf(buf64);
    dct64To16(buf64, dct16);
  } else {
    quality = qualityFromGradient(gradient);
  }
  const hash = emptyPdqHash();
  thresholdAtMedian(dct16, hash);
  const result: PdqResult = { hash, quality };
  if (opts.dihedral) {
    result.dihedral = mapDihedral((name) => {
      if (name === 'orig') return hash.slice();
      const h = emptyPdqHash();
      dihedralDct(dct16, name, dihedral16);
      thresholdAtMedian(dihedral16, h);
      return h;
    });
  }
  return result;
}

function mapDihedral(make: (name: DihedralName) => PdqHash): PdqDihedral {
  const out = {} as PdqDihedral;
  for (const name of DIHEDRAL_NAMES) out[name] = make(name);
  return out;
}
