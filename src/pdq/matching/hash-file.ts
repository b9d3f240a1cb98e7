// Reads a file of PDQ hashes, one 64-hex hash per line, into a HashStore. Strict: any other line is an
// error naming the file and line, except blank lines at the very end. Reads in chunks and parses bytes,
// so 10 million lines (650 MB of text) never become one giant string.
import { closeSync, openSync, readSync } from 'node:fs';
import { HashStore } from './hash-store.ts';
import { HEX_CHARS } from './hex.ts';

export class HashFileError extends Error {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
  }
}

const CHUNK = 4 << 20;
const NL = 10, CR = 13, SPACE = 32, TAB = 9;

/** Parses hash lines from successive byte chunks; call line() per line, then end(). */
class HashLineParser {
  readonly store = new HashStore(4096);
  private lineNo = 0;
  private firstBlank = 0; // line number of a blank line not yet followed by a hash (0: none)

  constructor(private readonly file: string) {}

  /** A line far longer than a hash, of which only the length was kept. */
  overlongLine(length: number): void {
    this.lineNo++;
    this.checkNoBlankBefore();
    throw new HashFileError(this.file, this.lineNo, `expected ${HEX_CHARS} hex characters, got ${length}`);
  }

  private checkNoBlankBefore(): void {
    if (this.firstBlank !== 0) {
      throw new HashFileError(this.file, this.firstBlank, 'blank line (blank lines are allowed only at the end of the file)');
    }
  }

  line(bytes: Uint8Array, start: number, end: number): void {
    this.lineNo++;
    if (this.lineNo === 1 && end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3; // UTF-8 BOM
    if (end > start && bytes[end - 1] === CR) end--;
    let a = start, b = end;
    while (a < b && (bytes[a] === SPACE || bytes[a] === TAB)) a++;
    while (b > a && (bytes[b - 1] === SPACE || bytes[b - 1] === TAB)) b--;
    if (a === b) {
      if (this.firstBlank === 0) this.firstBlank = this.lineNo;
      return;
    }
    this.checkNoBlankBefore();
    if (b - a !== end - start) throw new HashFileError(this.file, this.lineNo, 'leading or trailing whitespace around the hash');
    if (end - start !== HEX_CHARS) {
      throw new HashFileError(this.file, this.lineNo, `expected ${HEX_CHARS} hex characters, got ${end - start}`);
    }
    const bad = this.store.addHexBytes(bytes, start);
    if (bad >= 0) {
      const ch = String.fromCharCode(bytes[start + bad]);
      throw new HashFileError(this.file, this.lineNo, `invalid character ${JSON.stringify(ch)} at column ${bad + 1} (expected hex 0-9a-f)`);
    }
  }
}

export function parseHashText(text: string, file = '<text>'): HashStore {
  const bytes = new TextEncoder().encode(text);
  const p = new HashLineParser(file);
  let pos = 0;
  while (pos < bytes.length) {
    let nl = bytes.indexOf(NL, pos);
    if (nl < 0) nl = bytes.length;
    p.line(bytes, pos, nl);
    pos = nl + 1;
  }
  return p.store;
}

export function readHashFile(file: string): HashStore {
  const p = new HashLineParser(file);
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK);
    // A line split across chunks is copied here; only its first bytes matter once it is too long.
    const carry = Buffer.allocUnsafe(256);
    let carryLen = 0; // may exceed carry.length: then the line is already known to be invalid
    for (;;) {
      const len = readSync(fd, chunk, 0, CHUNK, null);
      if (len === 0) break;
      let pos = 0;
      while (pos < len) {
        const found = chunk.indexOf(NL, pos);
        const nl = found < 0 || found >= len ? -1 : found;
        const segEnd = nl < 0 ? len : nl;
        if (carryLen === 0 && nl >= 0) p.line(chunk, pos, nl); // whole line inside this chunk
        else {
          const room = Math.max(0, Math.min(segEnd - pos, carry.length - carryLen));
          chunk.copy(carry, carryLen, pos, pos + room);
          carryLen += segEnd - pos;
          if (nl >= 0) {
            finishCarried(p, carry, carryLen);
            carryLen = 0;
          }
        }
        pos = segEnd + 1;
      }
    }
    if (carryLen > 0) finishCarried(p, carry, carryLen);
  } finally {
    closeSync(fd);
  }
  return p.store;
}

function finishCarried(p: HashLineParser, carry: Buffer, carryLen: number): void {
  if (carryLen <= carry.length) p.line(carry, 0, carryLen);
  else p.overlongLine(carryLen);
}
