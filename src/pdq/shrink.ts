// PDQ step 2 (C++ file path only): images over 512 px on a side are squashed to exactly 512x512 by
// nearest neighbour, aspect ratio not kept; output (x, y) takes input (floor(x*W/512), floor(y*H/512)).

export const PDQ_SHRINK_DIM = 512;

export interface RawPixels {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: number;
}

/** Returns the input unchanged when both sides are <= 512, else a new 512x512 buffer. */
export function shrinkTo512Nearest<T extends RawPixels>(img: T): T {
  const { pixels, width, height, channels } = img;
  if (!needsShrink(width, height)) return img;
  return { ...img, pixels: squashSamples(pixels, width, height, channels), width: PDQ_SHRINK_DIM, height: PDQ_SHRINK_DIM };
}

export function needsShrink(width: number, height: number): boolean {
  return width > PDQ_SHRINK_DIM || height > PDQ_SHRINK_DIM;
}

/** Where each of the 512 squashed positions reads along an axis of `length`, times `stride`. */
export function squashOffsets(length: number, stride: number): Int32Array {
  const n = PDQ_SHRINK_DIM, at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = Math.floor((i * length) / n) * stride;
  return at;
}

/**
 * The squash on interleaved samples of any width (8-bit pixels, or 16-bit and CMYK samples before their
 * per-pixel conversion, which gives the same result for a fraction of the work).
 */
export function squashSamples<S extends Uint8Array | Uint16Array>(pixels: S, width: number, height: number, channels: number): S {
  const n = PDQ_SHRINK_DIM;
  const out = new (pixels.constructor as new (length: number) => S)(n * n * channels);
  const srcX = squashOffsets(width, channels), srcY = squashOffsets(height, width * channels);
  for (let y = 0, o = 0; y < n; y++) {
    const row = srcY[y];
    if (channels === 1) {
      for (let x = 0; x < n; x++) out[o++] = pixels[row + srcX[x]];
    } else if (channels === 3) {
      for (let x = 0; x < n; x++, o += 3) {
        const s = row + srcX[x];
        out[o] = pixels[s]; out[o + 1] = pixels[s + 1]; out[o + 2] = pixels[s + 2];
      }
    } else {
      for (let x = 0; x < n; x++) {
        const s = row + srcX[x];
        for (let c = 0; c < channels; c++) out[o++] = pixels[s + c];
      }
    }
  }
  return out;
}
