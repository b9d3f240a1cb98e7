// A growable, contiguous store of packed hashes (8 Uint32 words each). One typed array instead of
// one object per hash keeps 10 million hashes at 320 MB and makes scans sequential in memory.
import { WORDS_PER_HASH, hexBytesToWordsInto, hexToWordsInto } from './hex.ts';

export class HashStore {
  private buf: Uint32Array;
  private n = 0;

  constructor(initialCapacity = 1024) {
    this.buf = new Uint32Array(Math.max(1, initialCapacity) * WORDS_PER_HASH);
  }

  /** Wraps already packed words (8 per hash) without copying. */
  static fromPacked(words: Uint32Array): HashStore {
    if (words.length % WORDS_PER_HASH !== 0) throw new Error(`packed hashes: length ${words.length} is not a multiple of ${WORDS_PER_HASH}`);
    const s = new HashStore(1);
    s.buf = words;
    s.n = words.length / WORDS_PER_HASH;
    return s;
  }

  get count(): number {
    return this.n;
  }

  /** Backing array; valid for ids < count. Re-read it after any add: growing replaces it. */
  get words(): Uint32Array {
    return this.buf;
  }

  /** The packed hashes actually stored, without spare capacity (a view, not a copy). */
  packed(): Uint32Array {
    return this.buf.subarray(0, this.n * WORDS_PER_HASH);
  }

  get byteLength(): number {
    return this.buf.byteLength;
  }

  reserve(totalHashes: number): void {
    if (totalHashes * WORDS_PER_HASH <= this.buf.length) return;
    // Grow by 1.5x rather than 2x: at 10 million hashes the spare room is what costs memory.
    const cap = Math.max(totalHashes, Math.ceil((this.buf.length / WORDS_PER_HASH) * 1.5));
    const next = new Uint32Array(cap * WORDS_PER_HASH);
    next.set(this.packed());
    this.buf = next;
  }

  /** Appends one hash (64 hex chars or 8 words); returns its id (0-based insertion order). */
  add(hash: string | Uint32Array): number {
    this.reserve(this.n + 1);
    const at = this.n * WORDS_PER_HASH;
    if (typeof hash === 'string') hexToWordsInto(hash, this.buf, at);
    else {
      if (hash.length !== WORDS_PER_HASH) throw new Error(`packed hash: expected ${WORDS_PER_HASH} words, got ${hash.length}`);
      this.buf.set(hash, at);
    }
    return this.n++;
  }

  /** Appends many packed hashes (8 words each); returns the id of the first. */
  addPacked(words: Uint32Array): number {
    if (words.length % WORDS_PER_HASH !== 0) throw new Error(`packed hashes: length ${words.length} is not a multiple of ${WORDS_PER_HASH}`);
    const first = this.n;
    const k = words.length / WORDS_PER_HASH;
    this.reserve(this.n + k);
    this.buf.set(words, this.n * WORDS_PER_HASH);
    this.n += k;
    return first;
  }

  /**
   * Appends the hash whose 64 hex characters are bytes[start..start+64) (for file readers: no string
   * per line). Returns -1 when added, else the 0-based column of the first non-hex byte (nothing added).
   */
  addHexBytes(bytes: Uint8Array, start: number): number {
    this.reserve(this.n + 1);
    const bad = hexBytesToWordsInto(bytes, start, this.buf, this.n * WORDS_PER_HASH);
    if (bad < 0) this.n++;
    return bad;
  }
}
