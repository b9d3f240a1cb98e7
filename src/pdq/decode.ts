// Decoding images the way Meta's PDQ reference sees them (its CLI goes through ImageMagick), with sharp.
// See test/fixtures/pdq/README.md "Decoding the reference's way": stored pixel grid (no EXIF
// rotation), no ICC transform, alpha dropped (not composited), grey pictures on the grey path, CMYK by
// ImageMagick's plain formula, 16-bit rounded to 8 bits, then the 512x512 nearest-neighbour squash.

import { open } from 'node:fs/promises';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { readImageHeader } from './image-header.ts';
import { PDQ_SHRINK_DIM, type RawPixels, needsShrink, shrinkTo512Nearest, squashSamples } from './shrink.ts';
import { type PdqResult, computePdqFromPixels, toHex } from './pdq-hash.ts';
import type { DihedralName } from './dct.ts';

/** Default cap on width x height, against decompression bombs (a 100 MP RGB picture is 300 MB raw). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type PdqDecodeErrorCode =
  | 'UNSUPPORTED_FORMAT' // not an image format sharp can read
  | 'CORRUPT' // looks like an image but cannot be decoded (truncated, damaged)
  | 'TOO_MANY_PIXELS' // over the pixel limit
  | 'READ_FAILED' // the file could not be opened or read
  | 'TOO_LARGE' // the file is bigger than the decoder is given
  | 'TIMEOUT' // the decoder took longer than its time limit and was killed
  | 'MEMORY_LIMIT' // the decoder ran out of the memory its limit allows
  | 'DECODER_CRASHED' // the decoder process died (a crash, or killed by something else)
  | 'SANDBOX_UNAVAILABLE'; // AMAAN_SANDBOX=bwrap and the sandbox cannot run

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

/** Files up to this size are read into memory once (header, then decoder); larger ones go to sharp by path. */
const READ_WHOLE_LIMIT = 64 * 1024 * 1024;

type Plan = 'grey' | 'rgb8' | 'rgb16' | 'cmyk';

export async function decodeImageForPdq(input: Input, opts: PdqDecodeOptions = {}): Promise<DecodedPdqImage> {
  const shrink = opts.shrink !== false;
  const img = await decodePicture(input, opts, shrink);
  const out = shrink ? shrinkTo512Nearest(img) : img;
  return { ...img, pixels: out.pixels, width: out.width, height: out.height };
}

/**
 * Decodes the reference's way, grey decided, but leaves the 512 squash to the caller (hashing does it while
 * reading the pixels) except where a per-pixel conversion is cheaper after it (CMYK, 16-bit), which
 * `squashFirst` allows.
 */
async function decodePicture(input: Input, opts: PdqDecodeOptions, squashFirst: boolean): Promise<DecodedPdqImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(maxPixels > 0)) throw new RangeError('maxPixels must be a positive number');
  const sharpOpts: SharpOptions = { failOn: opts.failOn ?? 'warning', limitInputPixels: maxPixels };
  let source: Input, plan: Plan, width: number, height: number;
  try {
    source = typeof input === 'string' ? await readSmallFile(input) : input;
    // PNG and JPEG headers say all the pipeline needs; other formats ask libvips (one more call).
    const header = typeof source === 'string' ? null : readImageHeader(source);
    if (header && (header.format === 'png' || header.bitDepth === 8)) {
      ({ width, height } = header);
      plan = header.bitDepth === 16 ? 'rgb16' : header.layout === 'grey' ? 'grey' : header.layout === 'cmyk' ? 'cmyk' : 'rgb8';
    } else {
      const meta: Metadata = await sharp(source, sharpOpts).metadata();
      ({ width = 0, height = 0 } = meta);
      plan = meta.space === 'cmyk' ? 'cmyk' : meta.depth === 'ushort' ? 'rgb16' : 'rgb8';
    }
  } catch (err) {
    throw classify(err, maxPixels);
  }
  if (width * height > maxPixels) {
    throw new PdqDecodeError('TOO_MANY_PIXELS', `image is ${width}x${height}, over the limit of ${maxPixels} pixels`);
  }
  try {
    if (plan === 'cmyk') {
      const raw = await decodeCmyk(source, sharpOpts);
      return { ...asDecoded(convertSquashed(raw, cmykToRgb, squashFirst)), sourceWidth: raw.width, sourceHeight: raw.height };
    }
    if (plan === 'rgb16') {
      const raw = await decode16(source, sharpOpts);
      return { ...asDecoded(convertSquashed(raw, round16To8, squashFirst)), sourceWidth: raw.width, sourceHeight: raw.height };
    }
    const img = toGreyIfGrey(plan === 'grey' ? await decodeGrey(source, sharpOpts) : await decode8(source, sharpOpts));
    return { ...asDecoded(img), sourceWidth: img.width, sourceHeight: img.height };
  } catch (err) {
    throw classify(err, maxPixels);
  }
}

function asDecoded(img: RawPixels): Omit<DecodedPdqImage, 'sourceWidth' | 'sourceHeight'> {
  return { pixels: img.pixels, width: img.width, height: img.height, channels: img.channels as 1 | 3 };
}

async function readSmallFile(path: string): Promise<Input> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return size <= READ_WHOLE_LIMIT ? await fh.readFile() : path;
  } finally {
    await fh.close();
  }
}

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

async function decode8(input: Input, o: SharpOptions): Promise<RawPixels> {
  // keepIccProfile: no colour transform from an embedded profile; removeAlpha: stored RGB, not composited.
  const { data, info } = await sharp(input, o).keepIccProfile().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { pixels: u8(data), width: info.width, height: info.height, channels: info.channels };
}

/** Stored grey (PNG grey, 1-component JPEG): one channel straight from libvips, no R = G = B test needed. */
async function decodeGrey(input: Input, o: SharpOptions): Promise<RawPixels> {
  const { data, info } = await sharp(input, o).keepIccProfile().removeAlpha().toColourspace('b-w').raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: u8(data), width: info.width, height: info.height, channels: info.channels };
}

interface Samples<S extends Uint8Array | Uint16Array> { pixels: S; width: number; height: number; channels: number }

/** 16-bit samples as stored; sharp would shift (v >> 8), the reduction wanted is rounding (round16To8). */
async function decode16(input: Input, o: SharpOptions): Promise<Samples<Uint16Array>> {
  const { data, info } = await sharp(input, o).keepIccProfile().removeAlpha().toColourspace('rgb16')
    .raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  // libvips writes samples in machine byte order; copy to an aligned buffer to view them as 16-bit.
  const pixels = new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
  return { pixels, width: info.width, height: info.height, channels: info.channels };
}

/** Raw C, M, Y, K samples, no ICC (cmykToRgb applies ImageMagick's plain formula). */
async function decodeCmyk(input: Input, o: SharpOptions): Promise<Samples<Uint8Array>> {
  const { data, info } = await sharp(input, o).keepIccProfile().pipelineColourspace('cmyk').toColourspace('cmyk')
    .raw().toBuffer({ resolveWithObject: true });
  if (info.channels < 4) throw new PdqDecodeError('CORRUPT', `CMYK image decoded to ${info.channels} channels`);
  return { pixels: u8(data), width: info.width, height: info.height, channels: info.channels };
}

type PixelConversion<S> = (src: S, pixels: number, channels: number) => Uint8Array;

/**
 * Converts samples pixel by pixel to 8-bit RGB after the 512 squash, which gives the same pixels as
 * converting first, for a fraction of the work. Only the grey test needs every pixel: when all the
 * squashed pixels are grey, the whole picture is converted and tested, as the reference sees it.
 */
function convertSquashed<S extends Uint8Array | Uint16Array>(
  raw: Samples<S>, convert: PixelConversion<S>, shrink: boolean,
): RawPixels {
  const { width, height, channels } = raw;
  const squash = shrink && needsShrink(width, height);
  const side = squash ? PDQ_SHRINK_DIM : 0;
  const small = squash ? squashSamples(raw.pixels, width, height, channels) : raw.pixels;
  const smallRgb: RawPixels = {
    pixels: convert(small, squash ? side * side : width * height, channels),
    width: squash ? side : width, height: squash ? side : height, channels: 3,
  };
  const tested = toGreyIfGrey(smallRgb);
  if (tested.channels === 3 || !squash) return tested;
  const full = toGreyIfGrey({ pixels: convert(raw.pixels, width * height, channels), width, height, channels: 3 });
  return full.channels === 1 ? shrinkTo512Nearest(full) : smallRgb;
}

// round(v / 257) for every 16-bit level (never a tie: 2v is even, 257 (2n + 1) odd).
let round16Table: Uint8Array | null = null;

function round16To8(src: Uint16Array, n: number, channels: number): Uint8Array {
  const t = (round16Table ??= Uint8Array.from({ length: 65536 }, (_, v) => Math.round(v / 257)));
  const out = new Uint8Array(n * 3);
  for (let i = 0, p = 0, q = 0; i < n; i++, p += channels, q += 3) {
    out[q] = t[src[p]]; out[q + 1] = t[src[p + 1]]; out[q + 2] = t[src[p + 2]];
  }
  return out;
}

// ImageMagick's R = round((255 - C)(255 - K) / 255), as a table indexed by K * 256 + C (no ties either).
let cmykTable: Uint8Array | null = null;

function cmykToRgb(src: Uint8Array, n: number, channels: number): Uint8Array {
  const t = (cmykTable ??= Uint8Array.from({ length: 65536 }, (_, i) => Math.round(((255 - (i & 255)) * (255 - (i >> 8))) / 255)));
  const out = new Uint8Array(n * 3);
  for (let i = 0, p = 0, q = 0; i < n; i++, p += channels, q += 3) {
    const k = src[p + 3] << 8;
    out[q] = t[k | src[p]]; out[q + 1] = t[k | src[p + 1]]; out[q + 2] = t[k | src[p + 2]];
  }
  return out;
}

/** Single channel when every pixel has R = G = B (what ImageMagick hands the reference), else RGB. */
function toGreyIfGrey(img: RawPixels): RawPixels {
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
  if (/out of memory|memory allocation|cannot allocate|bad_alloc/i.test(msg)) return new PdqDecodeError('MEMORY_LIMIT', `decoder out of memory: ${first}`, { cause: err });
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
  const squash = opts.shrink !== false;
  const img = await decodePicture(input, opts, squash);
  const r: PdqResult = computePdqFromPixels(img.pixels, img.width, img.height, img.channels, { dihedral: opts.dihedral, squash512: squash });
  const out: PdqFileHash = { hash: toHex(r.hash), quality: r.quality, width: img.sourceWidth, height: img.sourceHeight };
  if (r.dihedral) {
    out.dihedral = Object.fromEntries(Object.entries(r.dihedral).map(([k, h]) => [k, toHex(h)])) as Record<DihedralName, string>;
  }
  return out;
}

export { PDQ_SHRINK_DIM };
