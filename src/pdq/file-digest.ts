// MD5, SHA-1 and SHA-256 of a file in one read (the three hashers share each chunk).
import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export interface FileDigest {
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
}

/** The three digests fed chunk by chunk. */
export class TripleDigest {
  private readonly md5 = createHash('md5');
  private readonly sha1 = createHash('sha1');
  private readonly sha256 = createHash('sha256');
  private size = 0;

  update(chunk: Uint8Array): void {
    this.size += chunk.length;
    this.md5.update(chunk);
    this.sha1.update(chunk);
    this.sha256.update(chunk);
  }

  digest(): FileDigest {
    return { size: this.size, md5: this.md5.digest('hex'), sha1: this.sha1.digest('hex'), sha256: this.sha256.digest('hex') };
  }
}

/** What the digests read from: an open FileHandle, or a file descriptor read synchronously (fdReader). */
export interface PositionalReader {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
}

/**
 * Reads a descriptor on the calling thread (readSync): for a worker thread that does nothing but hash, this saves
 * the round trip through libuv's thread pool (a wake-up of a pool thread and then of this thread) per read.
 */
export function fdReader(fd: number): PositionalReader {
  return { read: async (buffer, offset, length, position) => ({ bytesRead: readSync(fd, buffer, offset, length, position) }) };
}

/** Read size: large chunks keep the per-read overhead low on multi-gigabyte files. */
const READ_CHUNK = 1 << 20;

// Read buffers are reused from file to file: allocating (and zeroing, and collecting) one per file costs
// more than hashing small files. Several files may be read at once, hence a pool rather than one buffer.
const spareChunks: Buffer[] = [];

export async function withReadChunk<T>(fn: (chunk: Buffer) => Promise<T>): Promise<T> {
  const chunk = spareChunks.pop() ?? Buffer.allocUnsafe(READ_CHUNK);
  try {
    return await fn(chunk);
  } finally {
    if (spareChunks.length < 8) spareChunks.push(chunk);
  }
}

/**
 * Digests an open file to its end, reading through `chunk`; `head`, when given, is what was already read of
 * the file's start, fed first (reading goes on after it); `size`, when given, is its size by stat.
 */
export async function digestOpenFile(fh: PositionalReader, chunk: Buffer, head?: Uint8Array, size?: number): Promise<FileDigest> {
  const d = new TripleDigest();
  let at = 0;
  // A read that came back short at or past the size stat gave has reached the end: no further read for an
  // empty answer (one round trip less per small file). A short read before that size (a FUSE mount of an
  // evidence image may answer so) or no size given: read on until a read returns nothing, as always.
  let ended = false;
  if (head) {
    d.update(head);
    at = head.length;
    ended = size !== undefined && head.length < chunk.length && at >= size;
  }
  while (!ended) {
    const { bytesRead } = await fh.read(chunk, 0, chunk.length, at);
    if (!bytesRead) break;
    d.update(chunk.subarray(0, bytesRead));
    at += bytesRead;
    ended = size !== undefined && bytesRead < chunk.length && at >= size;
  }
  return d.digest();
}

export async function digestFile(path: string): Promise<FileDigest> {
  const fh = await open(path, 'r');
  try {
    return await withReadChunk((chunk) => digestOpenFile(fh, chunk));
  } finally {
    await fh.close();
  }
}

export function digestBuffer(data: Uint8Array): FileDigest {
  const d = new TripleDigest();
  d.update(data);
  return d.digest();
}
