// Parsing 64-hex PDQ hashes into the packed form the matching indexes use:
// 8 Uint32 words per hash, word j = hex characters 8j..8j+7 (most significant first).
// Only distances are computed on this form, so the word order just has to be consistent.

export const WORDS_PER_HASH = 8;
export const HEX_CHARS = 64;

// Char code -> nibble value, -1 for anything that is not a hex digit (both cases accepted).
const NIBBLE = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) NIBBLE[48 + c] = c;
for (let c = 0; c < 6; c++) {
  NIBBLE[65 + c] = 10 + c;
  NIBBLE[97 + c] = 10 + c;
}

/** Why a string is not a PDQ hash, or null if it is one. */
export function hexProblem(hex: string): string | null {
  if (hex.length !== HEX_CHARS) return `expected ${HEX_CHARS} hex characters, got ${hex.length}`;
  for (let i = 0; i < HEX_CHARS; i++) {
    const code = hex.charCodeAt(i);
    if (code > 255 || NIBBLE[code] < 0) return `invalid character ${JSON.stringify(hex[i])} at column ${i + 1}`;
  }
  return null;
}

/** Writes the 8 words of `hex` at out[offset..offset+8); throws naming `label` if it is not 64 hex characters. */
export function hexToWordsInto(hex: string, out: Uint32Array, offset: number, label = 'PDQ hash'): void {
  const problem = hexProblem(hex);
  if (problem) throw new Error(`${label}: ${problem}`);
  for (let w = 0; w < WORDS_PER_HASH; w++) {
    let v = 0;
    for (let k = 0, i = w * 8; k < 8; k++, i++) v = (v << 4) | NIBBLE[hex.charCodeAt(i)];
    out[offset + w] = v >>> 0;
  }
}

export function hexToWords(hex: string, label?: string): Uint32Array {
  const out = new Uint32Array(WORDS_PER_HASH);
  hexToWordsInto(hex, out, 0, label);
  return out;
}

/**
 * Byte-level parser for file reading (no string per line): parses bytes[start..start+64) into out at offset.
 * Returns -1 on success, else the 0-based column of the first bad byte.
 */
export function hexBytesToWordsInto(bytes: Uint8Array, start: number, out: Uint32Array, offset: number): number {
  for (let w = 0; w < WORDS_PER_HASH; w++) {
    let v = 0;
    for (let k = 0; k < 8; k++) {
      const col = w * 8 + k;
      const n = NIBBLE[bytes[start + col]];
      if (n < 0) return col;
      v = (v << 4) | n;
    }
    out[offset + w] = v >>> 0;
  }
  return -1;
}

export function wordsToHex(words: Uint32Array, offset = 0): string {
  let s = '';
  for (let w = 0; w < WORDS_PER_HASH; w++) s += words[offset + w].toString(16).padStart(8, '0');
  return s;
}
