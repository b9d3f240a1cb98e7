// One file -> its record for `amaan hash`: size and MD5/SHA-1/SHA-256 always; for images (sniffed from the
// content, not the name) also the PDQ hash and quality. Never throws: failures become `error` / `unreadable`.
// The digests and the sniffing are done here, over the raw bytes; the picture's bytes are handed to a
// sandboxed decoder process (sandbox/decoder-pool.ts): libvips never parses seized content in this process.
import { closeSync, openSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { PdqDecodeError, type PdqDecodeErrorCode } from './decode.ts';
import { type ImageDecoder, defaultImageDecoder } from './sandbox/decoder-pool.ts';
import { type FileDigest, type PositionalReader, digestBuffer, digestOpenFile, fdReader, withReadChunk } from './file-digest.ts';
import type { DihedralName } from './dct.ts';
import { describeFsError } from './fs-error.ts';

export interface HashRecord extends Partial<FileDigest> {
  path: string;
  /** Media type sniffed from the content, when recognised. */
  mime?: string;
  width?: number;
  height?: number;
  pdq?: string;
  quality?: number;
  dihedral?: Record<DihedralName, string>;
  error?: string;
}

export interface HashFileOptions {
  dihedral?: boolean;
  maxPixels?: number;
  /**
   * Pictures up to this many bytes are read once into memory and handed to the decoder (default 256 MiB);
   * a larger picture gets its digests and the error TOO_LARGE.
   */
  inMemoryLimit?: number;
  /** The image decoder (default: the process's sandboxed pool). */
  decoder?: ImageDecoder;
  /**
   * Stat, open and read on the calling thread (the *Sync calls) instead of libuv's thread pool: for the ingest's
   * hash worker threads, which have nothing else to do meanwhile (issue 14: each pool round trip costs two thread
   * wake-ups, several per file). Not for the main thread of a server.
   */
  syncIo?: boolean;
}

export interface HashOutcome {
  record: HashRecord;
  /** True when the file itself could not be read (missing, unreadable, not a regular file). */
  unreadable: boolean;
  /** Why a picture has no PDQ hash, when it has none. */
  decodeError?: PdqDecodeErrorCode;
}

/** Default in-memory limit: the bytes are shared by digests, sniffing and decoder (one read). */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;
/** Enough bytes for file-type to recognise every format it knows. */
const SNIFF_BYTES = 4100;

export async function hashFile(path: string, opts: HashFileOptions = {}): Promise<HashOutcome> {
  const record: HashRecord = { path };
  let data: Buffer | null;
  try {
    // stat before open: opening a FIFO or device could block or have side effects.
    const st = opts.syncIo ? statSync(path) : await stat(path);
    if (!st.isFile()) return { record: { path, error: st.isDirectory() ? 'is a directory' : 'not a regular file' }, unreadable: true };
    const fh = opts.syncIo ? syncFile(openSync(path, 'r')) : await open(path, 'r');
    try {
      data = await withReadChunk(async (chunk) => {
        // The first chunk serves the sniffing, then either the digests (streamed on through the same
        // buffer) or, for a picture the decoder will need whole, the start of its in-memory copy.
        const { bytesRead } = await fh.read(chunk, 0, chunk.length, 0);
        const head = chunk.subarray(0, bytesRead);
        record.mime = (await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES)))?.mime;
        const wholePicture = record.mime?.startsWith('image/') && st.size <= (opts.inMemoryLimit ?? IN_MEMORY_LIMIT);
        if (!wholePicture) {
          Object.assign(record, await digestOpenFile(fh, chunk, head, st.size));
          return null;
        }
        const whole = await readRest(fh, head, st.size, chunk);
        Object.assign(record, digestBuffer(whole));
        return whole;
      });
    } finally {
      await fh.close();
    }
  } catch (err) {
    return { record: { path, error: `cannot read: ${describeFsError(err)}` }, unreadable: true };
  }
  if (!record.mime?.startsWith('image/')) return { record, unreadable: false };
  if (!data) {
    const limit = opts.inMemoryLimit ?? IN_MEMORY_LIMIT;
    record.error = `image file too large to decode (${record.size} bytes, limit ${limit})`;
    return { record, unreadable: false, decodeError: 'TOO_LARGE' };
  }
  try {
    const h = await (opts.decoder ?? defaultImageDecoder()).hash(data, { dihedral: opts.dihedral, maxPixels: opts.maxPixels });
    Object.assign(record, { width: h.width, height: h.height, pdq: h.hash, quality: h.quality });
    if (h.dihedral) record.dihedral = h.dihedral;
    return { record, unreadable: false };
  } catch (err) {
    const code: PdqDecodeErrorCode = err instanceof PdqDecodeError ? err.code : 'CORRUPT';
    record.error = err instanceof PdqDecodeError ? err.message : `cannot hash image: ${String(err)}`;
    if (code === 'UNSUPPORTED_FORMAT') record.error += ` (${record.mime})`;
    return { record, unreadable: false, decodeError: code };
  }
}

/**
 * The whole file from the handle already open (so digests and pixels come from the same file): its first
 * bytes `head`, then the rest up to the size stat gave, then whatever it grew by since (read through `chunk`).
 */
async function readRest(fh: PositionalReader, head: Buffer, size: number, chunk: Buffer): Promise<Buffer> {
  if (head.length < chunk.length) return Buffer.from(head); // the first read already reached the end
  const whole = Buffer.allocUnsafe(Math.max(size, head.length));
  head.copy(whole);
  let at = head.length;
  while (at < whole.length) {
    const { bytesRead } = await fh.read(whole, at, whole.length - at, at);
    if (!bytesRead) return whole.subarray(0, at); // shrunk since stat
    at += bytesRead;
  }
  const grown: Buffer[] = [];
  for (;;) {
    const { bytesRead } = await fh.read(chunk, 0, chunk.length, at);
    if (!bytesRead) break;
    grown.push(Buffer.from(chunk.subarray(0, bytesRead)));
    at += bytesRead;
  }
  return grown.length ? Buffer.concat([whole, ...grown]) : whole;
}

/** A descriptor opened with openSync, read and closed on the calling thread (HashFileOptions.syncIo). */
function syncFile(fd: number): PositionalReader & { close(): Promise<void> } {
  return { ...fdReader(fd), close: async () => closeSync(fd) };
}
