// One file -> its record for `amaan hash`: size and MD5/SHA-1/SHA-256 always; for images (sniffed from the
// content, not the name) also the PDQ hash and quality. Never throws: failures become `error` / `unreadable`.
import { open, readFile, stat } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import { PdqDecodeError, hashImageFile } from './decode.ts';
import { type FileDigest, digestBuffer, digestFile } from './file-digest.ts';
import type { DihedralName } from './dct.ts';

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
  /** Files up to this many bytes are read once into memory (default 64 MiB); larger ones are streamed. */
  inMemoryLimit?: number;
}

export interface HashOutcome {
  record: HashRecord;
  /** True when the file itself could not be read (missing, unreadable, not a regular file). */
  unreadable: boolean;
}

/** Default in-memory limit: the bytes are shared by digests, sniffing and decoder (one read). */
const IN_MEMORY_LIMIT = 64 * 1024 * 1024;
/** Enough bytes for file-type to recognise every format it knows. */
const SNIFF_BYTES = 4100;

export async function hashFile(path: string, opts: HashFileOptions = {}): Promise<HashOutcome> {
  const record: HashRecord = { path };
  let data: Buffer | null = null;
  try {
    const st = await stat(path);
    if (!st.isFile()) return { record: { path, error: st.isDirectory() ? 'is a directory' : 'not a regular file' }, unreadable: true };
    if (st.size <= (opts.inMemoryLimit ?? IN_MEMORY_LIMIT)) {
      data = await readFile(path);
      Object.assign(record, digestBuffer(data));
    } else {
      Object.assign(record, await digestFile(path));
    }
    const head = data ?? (await readHead(path));
    record.mime = (await fileTypeFromBuffer(head.subarray(0, SNIFF_BYTES)))?.mime;
  } catch (err) {
    return { record: { path, error: `cannot read: ${describeFsError(err)}` }, unreadable: true };
  }
  if (!record.mime?.startsWith('image/')) return { record, unreadable: false };
  try {
    const h = await hashImageFile(data ?? path, { dihedral: opts.dihedral, maxPixels: opts.maxPixels });
    Object.assign(record, { width: h.width, height: h.height, pdq: h.hash, quality: h.quality });
    if (h.dihedral) record.dihedral = h.dihedral;
  } catch (err) {
    record.error = err instanceof PdqDecodeError ? err.message : `cannot hash image: ${String(err)}`;
    if (err instanceof PdqDecodeError && err.code === 'UNSUPPORTED_FORMAT') record.error += ` (${record.mime})`;
  }
  return { record, unreadable: false };
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return code ?? (err instanceof Error ? err.message : String(err));
  }
}
