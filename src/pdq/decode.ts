// Decoding images the way Meta's PDQ reference sees them (its CLI goes through ImageMagick), with sharp.
// See /work/shared/testdata/pdq/README.md "Decoding the reference's way": stored pixel grid (no EXIF
// rotation), no ICC transform, alpha dropped (not composited), grey pictures on the grey path, CMYK by
// ImageMagick's plain formula, 16-bit rounded to 8 bits, then the 512x512 nearest-neighbour squash.

import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { PDQ_SHRINK_DIM, shrinkTo512Nearest } from './shrink.ts';
import { type PdqResult, computePdqFromPixels, toHex } from './pdq-hash.ts';
import type { DihedralName } from './dct.ts';

/** Default cap on width x height, against decompression bombs (a 100 MP RGB picture is 300 MB raw). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type PdqDecodeErrorCode =
  | 'UNSUPPORTED_FORMAT' // not an image format sharp can read
  | 'CORRUPT' // looks like an image but cannot be decoded (truncated, damaged)
  | 'TOO_MANY_PIXELS' // over the pixel limit
  | 'READ_FAILED'; // the file could not be opened or read

export class PdqDecodeError extends Error {
  override readonly name = 'PdqDecodeError';
  constructor(readonly code: PdqDecodeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export interface PdqDecodeOptions {
  /** Refuse images with more than this many pixels (width x height). Default 100 million. */
  maxPixels?: number;
  /** Apply the reference's 512x512 squash of larger images (default true; vPDQ-style callers may not want it). */
  shrink?: boolean;
  /** sharp's failOn: 'warning' (default) rejects truncated or damaged files, 'none' hashes what decodes. */
  failOn?: 'none' | 'truncated' | 'error' | 'warning';
}

export interface DecodedPdqImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  /** 1 when every pixel is grey (R = G = B), as the reference then takes its single-channel path. */
  channels: 1 | 3;
  /** Stored size of the picture before the 512 squash. */
  sourceWidth: number;
  sourceHeight: number;
}

type Input = string | Buffer;

export async function decodeImageForPdq(input: Input, opts: PdqDecodeOptions = {}): Promise<DecodedPdqImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(maxPixels > 0)) throw new RangeError('maxPixels must be a positive number');
  const sharpOpts: SharpOptions = { failOn: opts.failOn ?? 'warning', limitInputPixels: maxPixels };
  let meta: Metadata;
  try {
    meta = await sharp(input, sharpOpts).metadata();
  } catch (err) {
    throw classify(err, maxPixels);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > maxPixels) {
    throw new PdqDecodeError('TOO_MANY_PIXELS', `image is ${width}x${height}, over the limit of ${maxPixels} pixels`);
  }
  let img: { pixels: Uint8Array; width: number; height: number; channels: number };
  try {
    if (meta.space === 'cmyk') img = await decodeCmyk(input, sharpOpts);
    else if (meta.depth === 'ushort') img = await decode16(input, sharpOpts);
    else img = await decode8(input, sharpOpts);
  } catch (err) {
    throw classify(err, maxPixels);
  }
  const grey = toGreyIfGrey(img);
  const out = opts.shrink === false ? grey : shrinkTo512Nearest(grey);
  return {
    pixels: out.pixels, width: out.width, height: out.height, channels: out.channels as 1 | 3,
    sourceWidth: img.width, sourceHeight: img.height,
  };
}

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

async function decode8(input: Input, o: SharpOptions) {
  // keepIccProfile: no colour transform from an embedded profile; removeAlpha: stored RGB, not composited.
  const { data, info } = await sharp(input, o).keepIccProfile().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: u8(data), width: info.width, height: info.height, channels: info.channels };
}

/** 16-bit samples: sharp would shift (v >> 8); the reduction wanted is rounding, round(v / 257). */
async function decode16(input: Input, o: SharpOptions) {
  const { data, info } = await sharp(input, o).keepIccProfile().removeAlpha().toColourspace('rgb16')
    .raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  // libvips writes samples in machine byte order; copy to an aligned buffer to view them as 16-bit.
  const v = new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Math.round(v[i] / 257);
  return { pixels: out, width: info.width, height: info.height, channels: info.channels };
}

/** CMYK: raw C, M, Y, K samples and ImageMagick's R = round((255 - C)(255 - K) / 255), no ICC. */
async function decodeCmyk(input: Input, o: SharpOptions) {
  const { data, info } = await sharp(input, o).pipelineColourspace('cmyk').toColourspace('cmyk')
    .raw().toBuffer({ resolveWithObject: true });
  const ch = info.channels, n = info.width * info.height;
  if (ch < 4) throw new PdqDecodeError('CORRUPT', `CMYK image decoded to ${ch} channels`);
  const out = new Uint8Array(n * 3);
  for (let i = 0, p = 0, q = 0; i < n; i++, p += ch, q += 3) {
    const k = 255 - data[p + 3];
    out[q] = Math.round(((255 - data[p]) * k) / 255);
    out[q + 1] = Math.round(((255 - data[p + 1]) * k) / 255);
    out[q + 2] = Math.round(((255 - data[p + 2]) * k) / 255);
  }
  return { pixels: out, width: info.width, height: info.height, channels: 3 };
}

/** Single channel when every pixel has R = G = B (what ImageMagick hands the reference), else RGB. */
function toGreyIfGrey(img: { pixels: Uint8Array; width: number; height: number; channels: number }) {
  const { pixels, width, height, channels } = img;
  const n = width * height;
  if (channels === 1) return img;
  if (channels === 2) return { ...img, pixels: pick(pixels, n, 2, 1), channels: 1 };
  for (let p = 0, end = n * channels; p < end; p += channels) {
    if (pixels[p] !== pixels[p + 1] || pixels[p] !== pixels[p + 2]) {
      return channels === 3 ? img : { ...img, pixels: pick(pixels, n, channels, 3), channels: 3 };
    }
  }
  return { ...img, pixels: pick(pixels, n, channels, 1), channels: 1 };
}

function pick(src: Uint8Array, n: number, from: number, to: number): Uint8Array {
  const out = new Uint8Array(n * to);
  for (let i = 0, p = 0, q = 0; i < n; i++, p += from, q += to) for (let c = 0; c < to; c++) out[q + c] = src[p + c];
  return out;
}

function classify(err: unknown, maxPixels: number): PdqDecodeError {
  if (err instanceof PdqDecodeError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split('\n')[0].trim();
  if (/unsupported image format|input buffer is empty/i.test(msg)) return new PdqDecodeError('UNSUPPORTED_FORMAT', 'unsupported image format', { cause: err });
  if (/pixel limit/i.test(msg)) {
    return new PdqDecodeError('TOO_MANY_PIXELS', `image is over the limit of ${maxPixels} pixels`, { cause: err });
  }
  if (/input file is missing|ENOENT|EACCES|EISDIR|no such file/i.test(msg)) return new PdqDecodeError('READ_FAILED', first, { cause: err });
  return new PdqDecodeError('CORRUPT', `cannot decode image: ${first}`, { cause: err });
}

export interface PdqFileHash {
  /** 64 lowercase hex characters. */
  hash: string;
  quality: number;
  /** Stored size of the picture (before any 512 squash; EXIF orientation not applied). */
  width: number;
  height: number;
  dihedral?: Record<DihedralName, string>;
}

/** Decode (reference's way, 512 squash) and hash one image file or buffer. Throws PdqDecodeError. */
export async function hashImageFile(
  input: Input, opts: PdqDecodeOptions & { dihedral?: boolean } = {},
): Promise<PdqFileHash> {
  const img = await decodeImageForPdq(input, opts);
  const r: PdqResult = computePdqFromPixels(img.pixels, img.width, img.height, img.channels, { dihedral: opts.dihedral });
  const out: PdqFileHash = { hash: toHex(r.hash), quality: r.quality, width: img.sourceWidth, height: img.sourceHeight };
  if (r.dihedral) {
    out.dihedral = Object.fromEntries(Object.entries(r.dihedral).map(([k, h]) => [k, toHex(h)])) as Record<DihedralName, string>;
  }
  return out;
}

export { PDQ_SHRINK_DIM };
