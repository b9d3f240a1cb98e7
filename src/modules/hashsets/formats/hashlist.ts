import { createReadStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { HashSetFormatError, normaliseHex, trackBytes, type HashEntry, type ReadOptions } from './entry.ts';

export type HashListKind = 'md5' | 'sha1' | 'sha256' | 'pdq';
const LENGTH: Record<HashListKind, number> = { md5: 32, sha1: 40, sha256: 64, pdq: 64 };

/** A bare list, one hash per line. 64 hex characters can be SHA-256 or PDQ, so the kind is stated, not guessed. */
export async function* readHashList(path: string, kind: HashListKind, category = '0', opts?: ReadOptions): AsyncGenerator<HashEntry> {
  const lines = createInterface({ input: trackBytes(createReadStream(path, { highWaterMark: 1 << 20 }), opts), crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = (n === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (line === '' || line.startsWith('#')) continue;
    // Tolerate "hash  filename" as md5sum and friends print it.
    const value = line.split(/[\s,]+/)[0];
    const hex = normaliseHex(value, LENGTH[kind], kind, `${path}: line ${n}`);
    if (!hex) throw new HashSetFormatError('empty hash', `${path}: line ${n}`);
    yield { [kind]: hex, category, attributes: {} } as HashEntry;
  }
}

export async function writeHashList(entries: AsyncIterable<HashEntry>, out: Writable, kind: HashListKind): Promise<number> {
  let n = 0;
  for await (const e of entries) {
    const v = e[kind];
    if (!v) continue;
    if (!out.write(`${v}\n`)) await new Promise((r) => out.once('drain', r));
    n++;
  }
  return n;
}
