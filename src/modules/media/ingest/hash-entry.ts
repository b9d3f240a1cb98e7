import type { MediaKind } from '../../../platform/db/schema.ts';
import { hashFile } from '../../../pdq/hash-file.ts';
import { hashVideoFile } from '../../../pdq/vpdq/vpdq.ts';
import type { VpdqFeature } from '../../../pdq/vpdq/vpdq-format.ts';
import type { WalkEntry } from './walk.ts';

/** What ingest records of one file; plain data, so it crosses from a worker thread as is. */
export interface FileResult {
  relPath: string;
  size: number;
  modifiedAt: Date | null;
  changedAt: Date | null;
  mime: string | null;
  kind: MediaKind;
  md5?: string;
  sha1?: string;
  sha256?: string;
  pdq?: string;
  quality?: number;
  frames?: VpdqFeature[];
  error?: string;
}

export function kindOfMime(mime: string | undefined): MediaKind {
  if (!mime) return 'other';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (/zip|x-tar|gzip|x-7z|x-rar|x-bzip2|x-xz/.test(mime)) return 'archive';
  if (/pdf|msword|officedocument|opendocument|rtf|text\//.test(mime)) return 'document';
  return 'other';
}

/**
 * Hashes one walked entry: MD5, SHA-1 and SHA-256 in one read, the type sniffed from the content, PDQ for
 * pictures and vPDQ for videos. Never throws: what cannot be read or decoded is recorded as an error.
 */
export async function hashEntry(entry: WalkEntry, secondsPerHash: number): Promise<FileResult> {
  const base = { relPath: entry.relPath, modifiedAt: null, changedAt: null, mime: null } as const;
  if (entry.kind === 'unreadable') return { ...base, size: 0, kind: 'unreadable', error: entry.error };
  const times = { modifiedAt: entry.stat.mtime, changedAt: entry.stat.ctime };
  if (entry.kind === 'symlink') return { ...base, ...times, size: 0, kind: 'symlink', error: `symbolic link to ${entry.target}: not followed` };
  if (entry.kind === 'special') return { ...base, ...times, size: 0, kind: 'other', error: 'not a regular file' };
  const { record, unreadable } = await hashFile(entry.absPath);
  const result: FileResult = {
    ...base,
    ...times,
    size: record.size ?? entry.stat.size,
    mime: record.mime ?? null,
    kind: unreadable ? 'unreadable' : kindOfMime(record.mime),
    md5: record.md5,
    sha1: record.sha1,
    sha256: record.sha256,
    pdq: record.pdq,
    quality: record.quality,
    error: record.error,
  };
  if (result.kind === 'video') {
    try {
      result.frames = await hashVideoFile(entry.absPath, { secondsPerHash, timeoutMs: 10 * 60_000 });
    } catch (err) {
      result.error = `cannot hash video: ${(err as Error).message}`;
    }
  }
  return result;
}
