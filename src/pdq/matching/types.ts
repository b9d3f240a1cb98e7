// The interface both matching indexes (flat scan and multi-index hashing) implement.
import { WORDS_PER_HASH, hexToWords } from './hex.ts';

export interface PdqMatch {
  /** Id of the indexed hash: 0-based order in which it was added. */
  index: number;
  /** Hamming distance to the query, 0..256. */
  distance: number;
}

export interface PdqIndex {
  /** Number of hashes added so far (all of them are searched, built or not). */
  readonly size: number;
  /** Adds one hash (64 hex characters or 8 packed words); returns its id. */
  add(hash: string | Uint32Array): number;
  /** Adds many packed hashes (8 words each); returns the id of the first. */
  addPacked(words: Uint32Array): number;
  /** Prepares search structures for everything added so far (a no-op for a flat scan). */
  build(): void;
  /** Every indexed hash within `threshold` (inclusive) of `query`, sorted by distance, then index. */
  search(query: string | Uint32Array, threshold: number): PdqMatch[];
}

export const MAX_DISTANCE = 256;

export function checkThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > MAX_DISTANCE) {
    throw new RangeError(`threshold must be an integer from 0 to ${MAX_DISTANCE}, got ${threshold}`);
  }
}

export function queryWords(query: string | Uint32Array): Uint32Array {
  if (typeof query === 'string') return hexToWords(query, 'query');
  if (query.length !== WORDS_PER_HASH) throw new Error(`query: expected ${WORDS_PER_HASH} words, got ${query.length}`);
  return query;
}

export function byDistanceThenIndex(a: PdqMatch, b: PdqMatch): number {
  return a.distance - b.distance || a.index - b.index;
}
