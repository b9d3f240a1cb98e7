// A growable, contiguous store of packed hashes (8 Uint32 words each). One typed array instead of
// one object per hash keeps 10 million hashes at 320 MB and makes scans sequential in memory.
// The array lives inside a WebAssembly.Memory when WebAssembly is available, so the wasm flat-scan
// kernel reads it in place; otherwise (or past wasm32's 4 GiB) it is a plain Uint32Array and scans
// run in JS. Either way `words` is the one view to read.
import { WORDS_PER_HASH, hexBytesToWordsInto, hexToWordsInto } from './hex.ts';
import { SCRATCH_BYTES, WasmScanner, wasmAvailable } from './wasm-kernel.ts';
import { flatScan } from './popcount.ts';
import type { PdqMatch } from './types.ts';

const PAGE = 65536;
const HASH_BYTES = WORDS_PER_HASH * 4;

export interface HashStoreOptions {
  /** Put the hashes in WebAssembly memory and scan with the wasm kernel (default: when available). */
  wasm?: boolean;
}

export class HashStore {
  private buf: Uint32Array;
  private n = 0;
  private memory: WebAssembly.Memory | null = null;
  private scanner: WasmScanner | null = null;

  constructor(initialCapacity = 1024, options: HashStoreOptions = {}) {
    const cap = Math.max(1, initialCapacity);
    if ((options.wasm ?? true) && wasmAvailable()) {
      try {
        this.memory = new WebAssembly.Memory({ initial: Math.ceil((SCRATCH_BYTES + cap * HASH_BYTES) / PAGE) });
        this.scanner = new WasmScanner(this.memory);
      } catch {
        this.memory = null; // e.g. memory refused: fall back to a plain array
      }
    }
    this.buf = this.memory ? this.view() : new Uint32Array(cap * WORDS_PER_HASH);
  }

  /** A store holding a copy of already packed words (8 per hash). */
  static fromPacked(words: Uint32Array, options: HashStoreOptions = {}): HashStore {
    const s = new HashStore(words.length / WORDS_PER_HASH, options);
    s.addPacked(words);
    return s;
  }

  get count(): number {
    return this.n;
  }

  /** Backing array; valid for ids < count. Re-read it after any add: growing replaces it. */
  get words(): Uint32Array {
    return this.buf;
  }

  /** Whether scans run in the WebAssembly kernel. */
  get usesWasm(): boolean {
    return this.scanner !== null;
  }

  /** The packed hashes actually stored, without spare capacity (a view, not a copy). */
  packed(): Uint32Array {
    return this.buf.subarray(0, this.n * WORDS_PER_HASH);
  }

  get byteLength(): number {
    return this.memory ? this.memory.buffer.byteLength : this.buf.byteLength;
  }

  private view(): Uint32Array {
    const bytes = this.memory!.buffer.byteLength - SCRATCH_BYTES;
    return new Uint32Array(this.memory!.buffer, SCRATCH_BYTES, Math.floor(bytes / HASH_BYTES) * WORDS_PER_HASH);
  }

  reserve(totalHashes: number): void {
    if (totalHashes * WORDS_PER_HASH <= this.buf.length) return;
    // Grow by 1.5x rather than 2x: at 10 million hashes the spare room is what costs memory.
    const cap = Math.max(totalHashes, Math.ceil((this.buf.length / WORDS_PER_HASH) * 1.5));
    if (this.memory) {
      try {
        const pages = Math.ceil((SCRATCH_BYTES + cap * HASH_BYTES) / PAGE);
        this.memory.grow(pages - this.memory.buffer.byteLength / PAGE); // keeps the contents
        this.buf = this.view();
        return;
      } catch {
        // Past what wasm32 can address: continue in a plain array with the JS scan.
        this.memory = null;
        this.scanner = null;
      }
    }
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
   * Appends k hashes and returns the view of their words, to be filled in place (no copy). Zeroed unless `zero` is
   * false (a caller about to overwrite every word of a new store: writing 320 MB of zeros first costs as much as
   * reading them from a file).
   */
  allocate(k: number, zero = true): Uint32Array {
    this.reserve(this.n + k);
    const view = this.buf.subarray(this.n * WORDS_PER_HASH, (this.n + k) * WORDS_PER_HASH);
    if (zero) view.fill(0);
    this.n += k;
    return view;
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

  /** Exhaustive scan of ids [from, to) against q (wasm kernel when available, else JS); see flatScan. */
  scan(from: number, to: number, q: Uint32Array, t: number, out: PdqMatch[]): void {
    if (this.scanner) this.scanner.scan(SCRATCH_BYTES, from, to, q, t, out);
    else flatScan(this.buf, from, to, q, t, out);
  }
}
