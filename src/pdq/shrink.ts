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
  if (width <= PDQ_SHRINK_DIM && height <= PDQ_SHRINK_DIM) return img;
  const n = PDQ_SHRINK_DIM;
  const out = new Uint8Array(n * n * channels);
  const srcX = new Int32Array(n);
  for (let x = 0; x < n; x++) srcX[x] = Math.floor((x * width) / n) * channels;
  for (let y = 0, o = 0; y < n; y++) {
    const row = Math.floor((y * height) / n) * width * channels;
    for (let x = 0; x < n; x++) {
      const s = row + srcX[x];
      for (let c = 0; c < channels; c++) out[o++] = pixels[s + c];
    }
  }
  return { ...img, pixels: out, width: n, height: n };
}
