// The known-hash index on disk (known-index.ts keeps it): one binary file per installation, read back at start at
// disk speed straight into the matcher's hash store (no parsing per hash), then caught up from the database.
//
// Layout, little-endian:
//   header, 128 bytes:
//     0  magic "AMAANKIX"        8  version u32           12 hash count u32       16 owner count u32
//     20 reserved u32            24 last media id covered (f64, an integer)
//     32 installation (32 bytes: SHA-256 of the audit trail's first entry hash)
//     64 body checksum: XXH64 of the body (8 bytes), then 24 zero bytes     96 body length (f64)
//     104 reserved (16 zero bytes)
//     120 first 8 bytes of SHA-256 of bytes 0..120 (the header's own check)
//   body:
//     hashes  count x 32 bytes (the 8 words of each hash, as the matcher's HashStore holds them)
//     ids     count x u32 (hash_set_entries.id or media_files.id, the video's for a frame)
//     owners  count x u32 (index into the owner table)
//     owner kinds   owner count bytes (0 hash set, 1 case's pictures, 2 case's video frames), padded to a multiple of 16
//     owner ids     owner count x 16 bytes (the hash set's or the case's UUID)
// Written to a temporary file in the same folder, synced, then renamed over the old one: a reader (another
// process) sees the old file or the new one, never a mix; two writers at once each rename a complete file.
//
// The body's checksum (version 2) is XXH64 (xxhash-wasm), not SHA-256 as in version 1: it guards against accidents
// (a torn or truncated copy, a flipped bit on disk), which a 64-bit checksum misses once in 2^64; against a deliberate
// change neither helps (the file carries no key: anyone who can write it can write a matching digest), and the
// installation check and the catch-up from the database are what bind the file to its database. XXH64 runs several
// times faster than SHA-256 here and is computed while the next piece is being read (one pass, no second read): a
// file whose checksum fails is never used, so a damaged file can never make a query miss a match silently.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import xxhash from 'xxhash-wasm';

export const INDEX_MAGIC = Buffer.from('AMAANKIX', 'latin1');
// 3: adds video frames (owner kind 2); a version 2 file lacks them and is rebuilt from the database.
export const INDEX_VERSION = 3;
export const HEADER_BYTES = 128;
export const HASH_BYTES = 32;

export interface IndexFileHeader {
  count: number;
  owners: number;
  lastMediaId: number;
  installation: Buffer;
  /** XXH64 of the body, 8 bytes. */
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
  h.bodyDigest.copy(b, 64, 0, 8);
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
    installation: Buffer.from(b.subarray(32, 64)), bodyDigest: Buffer.from(b.subarray(64, 72)), bodyLength: b.readDoubleLE(96),
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

/** Bytes per read or write: small enough to hash one piece while the next is read, large enough to keep the disk busy. */
const CHUNK = 4 << 20;
/** Bytes per checksum update: the copy into xxhash's memory stays in the cache. */
const HASH_PIECE = 256 << 10;

let api: ReturnType<typeof xxhash> | null = null;
const xxh = () => (api ??= xxhash());

interface Hasher64 { update(b: Uint8Array): unknown; digest(): bigint }
function feed(h: Hasher64, b: Uint8Array): void {
  for (let off = 0; off < b.length; off += HASH_PIECE) h.update(b.subarray(off, Math.min(b.length, off + HASH_PIECE)));
}
function digestBytes(h: Hasher64): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(h.digest());
  return b;
}

/** XXH64 of the sections in order (what a file's header names for its body). */
export async function bodyChecksum(sections: Uint8Array[]): Promise<Buffer> {
  const h = (await xxh()).create64(0n);
  for (const s of sections) feed(h, s);
  return digestBytes(h);
}

/**
 * Reads and checks an index file: the header, then the body straight into the targets `alloc` returns (one read
 * per piece, no copy), its XXH64 computed over each piece while the next one is read (`installation` null: checked
 * later by the caller). Throws IndexFileError naming what is wrong (the caller rebuilds; nothing of a file that
 * fails is used). Returns null when there is no file.
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
    const [size, hasher] = await Promise.all([fh.stat().then((s) => s.size), xxh().then((x) => x.create64(0n))]);
    const head = Buffer.alloc(HEADER_BYTES);
    await fh.read(head, 0, HEADER_BYTES, 0);
    const problem = headerProblem(head, size, installation);
    if (problem) throw new IndexFileError(problem);
    const h = decodeHeader(head);
    const t = alloc(h);
    const kinds = new Uint8Array(pad16(h.owners));
    const pieces: Uint8Array[] = [];
    for (const s of [t.hashes, t.ids, t.owners, kinds, t.ownerIds]) for (let off = 0; off < s.length; off += CHUNK) pieces.push(s.subarray(off, Math.min(s.length, off + CHUNK)));
    let pos = HEADER_BYTES;
    let previous: Uint8Array | null = null;
    for (const piece of pieces) {
      const reading = readFull(fh, piece, pos);
      reading.catch(() => {}); // awaited just below
      if (previous) feed(hasher, previous); // on this thread while the read runs on libuv's
      await reading;
      pos += piece.length;
      previous = piece;
    }
    if (previous) feed(hasher, previous);
    t.ownerKinds.set(kinds.subarray(0, h.owners));
    if (!digestBytes(hasher).equals(h.bodyDigest)) throw new IndexFileError('body checksum does not match');
    return h;
  } finally {
    await fh.close();
  }
}

async function readFull(fh: import('node:fs/promises').FileHandle, into: Uint8Array, pos: number): Promise<void> {
  for (let off = 0; off < into.length;) {
    const { bytesRead } = await fh.read(into, off, into.length - off, pos + off);
    if (bytesRead <= 0) throw new IndexFileError('file ended early');
    off += bytesRead;
  }
}

/** A section of the body: its bytes, or (for contents that may move while the file is written) a function giving them now. */
export type Section = Uint8Array | (() => Uint8Array);

export interface IndexFileBody {
  count: number;
  lastMediaId: number;
  installation: Buffer;
  hashes: Section;
  ids: Section;
  owners: Section;
  ownerKinds: Uint8Array;
  ownerIds: Section;
}

/**
 * Writes the file atomically without holding the event loop: a temporary file beside it (unique per process and
 * call), written piece by piece with asynchronous writes (each piece copied first, so the caller's arrays may grow
 * or be replaced meanwhile: a Section given as a function is asked again for every piece and must return the same
 * bytes for the range already fixed), the checksum computed as it goes and the header written last; synced,
 * renamed over `path`, then the folder synced so the rename itself survives a crash.
 */
export async function writeIndexFile(path: string, b: IndexFileBody): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const owners = b.ownerKinds.length;
  const kinds = new Uint8Array(pad16(owners));
  kinds.set(b.ownerKinds);
  const lengths = [b.count * HASH_BYTES, b.count * 4, b.count * 4, kinds.length, owners * 16];
  const sections: Section[] = [b.hashes, b.ids, b.owners, kinds, b.ownerIds];
  const hasher = (await xxh()).create64(0n);
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', 0o600);
  let ok = false;
  try {
    const scratch = Buffer.allocUnsafe(CHUNK);
    let pos = HEADER_BYTES;
    for (let s = 0; s < sections.length; s++) {
      const len = lengths[s]!;
      for (let off = 0; off < len; off += CHUNK) {
        const end = Math.min(len, off + CHUNK);
        const sec = sections[s]!;
        const view = typeof sec === 'function' ? sec() : sec;
        if (view.length < end) throw new Error(`index section ${s} shrank while the file was written`);
        const piece = scratch.subarray(0, end - off);
        piece.set(view.subarray(off, end));
        const writing = writeFull(fh, piece, pos);
        writing.catch(() => {});
        feed(hasher, piece);
        await writing;
        pos += piece.length;
      }
    }
    const header = encodeHeader({ count: b.count, owners, lastMediaId: b.lastMediaId, installation: b.installation, bodyDigest: digestBytes(hasher), bodyLength: bodyLengthOf(b.count, owners) });
    await writeFull(fh, header, 0);
    await fh.sync();
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await rm(tmp, { force: true });
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  try {
    const dir = await open(dirname(path), 'r');
    try { await dir.sync(); } finally { await dir.close(); }
  } catch {
    // Some file systems refuse to sync a folder; the file itself is synced.
  }
}

async function writeFull(fh: import('node:fs/promises').FileHandle, data: Uint8Array, pos: number): Promise<void> {
  for (let off = 0; off < data.length;) off += (await fh.write(data, off, data.length - off, pos + off)).bytesWritten;
}

/**
 * Removes temporary files a writer left beside `path` when its process ended mid-write (the write is asynchronous
 * now, so a process stopped meanwhile leaves its piece-written file behind). Only files of processes no longer
 * running: a live writer's file is its own. Returns how many were removed.
 */
export async function removeStaleTemporaryFiles(path: string): Promise<number> {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || processRuns(pid)) continue;
    await rm(join(dirname(path), name), { force: true });
    removed++;
  }
  return removed;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
