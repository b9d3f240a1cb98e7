// What the decoder must know before it picks a pipeline (size, sample depth, grey or CMYK), read straight
// from the header of the two formats that make up nearly all seized pictures, PNG and JPEG. Asking sharp
// for metadata() instead costs a second libvips call per picture; other formats still go that way.

export interface ImageHeader {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Bits per sample: PNG 1, 2, 4, 8 or 16; JPEG 8 or 12. */
  bitDepth: number;
  /** Colour layout as stored: one grey channel (with or without alpha), colour, or CMYK/YCCK (JPEG only). */
  layout: 'grey' | 'colour' | 'cmyk';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The header's facts, or null when the bytes are not a PNG or JPEG this reader understands. */
export function readImageHeader(data: Uint8Array): ImageHeader | null {
  if (startsWith(data, PNG_SIGNATURE)) return readPng(data);
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return readJpeg(data);
  return null;
}

function startsWith(data: Uint8Array, sig: number[]): boolean {
  if (data.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (data[i] !== sig[i]) return false;
  return true;
}

const u16 = (d: Uint8Array, at: number): number => (d[at] << 8) | d[at + 1];
const u32 = (d: Uint8Array, at: number): number => ((d[at] << 24) >>> 0) + (d[at + 1] << 16) + (d[at + 2] << 8) + d[at + 3];

// IHDR is always the first chunk: length, "IHDR", width, height, bit depth, colour type.
function readPng(d: Uint8Array): ImageHeader | null {
  if (d.length < 8 + 8 + 13) return null;
  if (u32(d, 8) !== 13 || d[12] !== 0x49 || d[13] !== 0x48 || d[14] !== 0x44 || d[15] !== 0x52) return null;
  const width = u32(d, 16), height = u32(d, 20), bitDepth = d[24], colourType = d[25];
  if (width === 0 || height === 0) return null;
  // Colour types: 0 grey, 4 grey + alpha; 2 RGB, 3 palette, 6 RGBA.
  if (colourType === 0 || colourType === 4) return { format: 'png', width, height, bitDepth, layout: 'grey' };
  if (colourType === 2 || colourType === 3 || colourType === 6) return { format: 'png', width, height, bitDepth, layout: 'colour' };
  return null;
}

// Start-of-frame markers (baseline, extended, progressive, lossless; Huffman or arithmetic), not DHT/JPG/DAC.
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

// Walks the marker segments up to the frame header; image data only starts after it, so the walk is short.
function readJpeg(d: Uint8Array): ImageHeader | null {
  let at = 2;
  while (at + 4 <= d.length) {
    if (d[at] !== 0xff) return null;
    const marker = d[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; } // no length
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame header
    const length = u16(d, at + 2);
    if (length < 2) return null;
    if (isSof(marker)) {
      if (at + 2 + 8 > d.length) return null;
      const bitDepth = d[at + 4], height = u16(d, at + 5), width = u16(d, at + 7), components = d[at + 9];
      // Height 0 means "given later by a DNL marker": leave that rarity to the full decoder.
      if (width === 0 || height === 0) return null;
      const layout = components === 1 ? 'grey' : components === 3 ? 'colour' : components === 4 ? 'cmyk' : null;
      return layout ? { format: 'jpeg', width, height, bitDepth, layout } : null;
    }
    at += 2 + length;
  }
  return null;
}
