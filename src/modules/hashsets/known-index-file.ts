// The known-hash index on disk (known-index.ts keeps it): one binary file per installation, read back at start at
// disk speed straight into the matcher's hash store (no parsing per hash), then caught up from the database.
//
// Layout, little-endian:
//   header, 128 bytes:
//     0  magic "AMAANKIX"        8  version u32           12 hash count u32       16 owner count u32
//     20 reserved u32            24 last media id covered (f64, an integer)
//     32 installation (32 bytes: SHA-256 of the audit trail's first entry hash)
//     64 body SHA-256 (32 bytes) 96 body length (f64)     104 reserved (16 zero bytes)
//     120 first 8 bytes of SHA-256 of bytes 0..120 (the header's own check)
//   body:
//     hashes  count x 32 bytes (the 8 words of each hash, as the matcher's HashStore holds them)
//     ids     count x u32 (hash_set_entries.id or media_files.id)
//     owners  count x u32 (index into the owner table)
//     owner kinds   owner count bytes (0 hash set, 1 case), padded to a multiple of 16
//     owner ids     owner count x 16 bytes (the hash set's or the case's UUID)
// Written to a temporary file in the same folder, synced, then renamed over the old one: a reader (another
// process) sees the old file or the new one, never a mix; two writers at once each rename a complete file.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

export const INDEX_MAGIC = Buffer.from('AMAANKIX', 'latin1');
export const INDEX_VERSION = 1;
export const HEADER_BYTES = 128;
export const HASH_BYTES = 32;

export interface IndexFileHeader {
  count: number;
  owners: number;
  lastMediaId: number;
  installation: Buffer;
  bodyDigest: Buffer;
  bodyLength: number;
}

const pad16 = (n: number): number => Math.ceil(n / 16) * 16;

export function bodyLengthOf(count: number, owners: number): number {
  return count * (HASH_BYTES + 8) + pad16(owners) + owners * 16;
}

function headerCheck(header: Buffer): Buffer {
  return createHash('sha256').update(header.subarray(0, 120)).digest().subarray(0, 8);
}

export function encodeHeader(h: IndexFileHeader): Buffer {
  const b = Buffer.alloc(HEADER_BYTES);
  INDEX_MAGIC.copy(b, 0);
  b.writeUInt32LE(INDEX_VERSION, 8);
  b.writeUInt32LE(h.count, 12);
  b.writeUInt32LE(h.owners, 16);
  b.writeDoubleLE(h.lastMediaId, 24);
  h.installation.copy(b, 32, 0, 32);
  h.bodyDigest.copy(b, 64, 0, 32);
  b.writeDoubleLE(h.bodyLength, 96);
  headerCheck(b).copy(b, 120);
  return b;
}

/** Why a header cannot be used, or null. */
export function headerProblem(b: Buffer, fileSize: number, installation: Buffer | null): string | null {
  if (b.length < HEADER_BYTES || fileSize < HEADER_BYTES) return 'shorter than its header';
  if (!b.subarray(0, 8).equals(INDEX_MAGIC)) return 'not a known-hash index file';
  if (!b.subarray(120, 128).equals(headerCheck(b))) return 'header checksum does not match';
  if (b.readUInt32LE(8) !== INDEX_VERSION) return `version ${b.readUInt32LE(8)}, this version reads ${INDEX_VERSION}`;
  if (installation && !b.subarray(32, 64).equals(installation)) return 'made by another installation';
  const h = decodeHeader(b);
  if (h.bodyLength !== bodyLengthOf(h.count, h.owners)) return 'body length does not match its counts';
  if (fileSize !== HEADER_BYTES + h.bodyLength) return `file is ${fileSize} bytes, its header says ${HEADER_BYTES + h.bodyLength}`;
  if (!Number.isSafeInteger(h.lastMediaId) || h.lastMediaId < 0) return 'bad last media id';
  return null;
}

export function decodeHeader(b: Buffer): IndexFileHeader {
  return {
    count: b.readUInt32LE(12), owners: b.readUInt32LE(16), lastMediaId: b.readDoubleLE(24),
    installation: Buffer.from(b.subarray(32, 64)), bodyDigest: Buffer.from(b.subarray(64, 96)), bodyLength: b.readDoubleLE(96),
  };
}

export class IndexFileError extends Error {}

/** Where read(): the destinations the body is read into, chosen once the header's counts are known. */
export interface BodyTargets {
  hashes: Uint8Array; // count x 32
  ids: Uint8Array; // count x 4
  owners: Uint8Array; // count x 4
  ownerKinds: Uint8Array; // owner count (the padding is read and dropped)
  ownerIds: Uint8Array; // owner count x 16
}

const CHUNK = 16 << 20;

/**
 * Reads and checks an index file: the header, then the body straight into the targets `alloc` returns, its
 * SHA-256 computed as it is read (`installation` null: checked later by the caller). Throws IndexFileError naming what is wrong (the caller rebuilds; nothing of
 * a file that fails is used). Returns null when there is no file.
 */
export async function readIndexFile(path: string, installation: Buffer | null, alloc: (h: IndexFileHeader) => BodyTargets): Promise<IndexFileHeader | null> {
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(HEADER_BYTES);
    await fh.read(head, 0, HEADER_BYTES, 0);
    const problem = headerProblem(head, size, installation);
    if (problem) throw new IndexFileError(problem);
    const h = decodeHeader(head);
    const t = alloc(h);
    const digest = createHash('sha256');
    let pos = HEADER_BYTES;
    const readAll = async (into: Uint8Array) => {
      for (let off = 0; off < into.length;) {
        const n = Math.min(CHUNK, into.length - off);
        const { bytesRead } = await fh.read(into, off, n, pos);
        if (bytesRead <= 0) throw new IndexFileError('file ended early');
        digest.update(into.subarray(off, off + bytesRead));
        off += bytesRead;
        pos += bytesRead;
      }
    };
    await readAll(t.hashes);
    await readAll(t.ids);
    await readAll(t.owners);
    const kinds = new Uint8Array(pad16(h.owners));
    await readAll(kinds);
    t.ownerKinds.set(kinds.subarray(0, h.owners));
    await readAll(t.ownerIds);
    if (!digest.digest().equals(h.bodyDigest)) throw new IndexFileError('body checksum does not match');
    return h;
  } finally {
    await fh.close();
  }
}

export interface IndexFileBody {
  count: number;
  lastMediaId: number;
  installation: Buffer;
  hashes: Uint8Array;
  ids: Uint8Array;
  owners: Uint8Array;
  ownerKinds: Uint8Array;
  ownerIds: Uint8Array;
}

/**
 * Writes the file atomically: a temporary file beside it (unique per process and call), synced, renamed over
 * `path`, then the folder synced so the rename itself survives a crash. The body's sections are written from
 * the views given (synchronously: the views are not copied and must not change meanwhile).
 */
export function writeIndexFile(path: string, b: IndexFileBody): void {
  mkdirSync(dirname(path), { recursive: true });
  const owners = b.ownerKinds.length;
  const kinds = new Uint8Array(pad16(owners));
  kinds.set(b.ownerKinds);
  const sections = [b.hashes, b.ids, b.owners, kinds, b.ownerIds];
  const digest = createHash('sha256');
  for (const s of sections) digest.update(s);
  const header = encodeHeader({ count: b.count, owners, lastMediaId: b.lastMediaId, installation: b.installation, bodyDigest: digest.digest(), bodyLength: bodyLengthOf(b.count, owners) });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeFull(fd, header);
    for (const s of sections) for (let off = 0; off < s.length; off += CHUNK) writeFull(fd, s.subarray(off, Math.min(s.length, off + CHUNK)));
    fsyncSync(fd);
    closeSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  try {
    const dfd = openSync(dirname(path), 'r');
    try { fsyncSync(dfd); } finally { closeSync(dfd); }
  } catch {
    // Some file systems refuse to sync a folder; the file itself is synced.
  }
}

function writeFull(fd: number, data: Uint8Array): void {
  for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off);
}
