import type { MediaErrorCode, MediaKind } from '../../../platform/db/schema.ts';
import type { PdqDecodeErrorCode } from '../../../pdq/decode.ts';
import { hashFile } from '../../../pdq/hash-file.ts';
import { hashVideoFile, VideoDecodeError, type VideoDecodeErrorCode } from '../../../pdq/vpdq/vpdq.ts';
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
  /** The kind of failure, when there is an error (media_files.error_code). */
  errorCode?: MediaErrorCode;
}

/** Per-file time limit of a video (probe plus decode); ffmpeg is killed when it elapses. */
export const VIDEO_TIMEOUT_MS = 10 * 60_000;

const IMAGE_CODES: Record<PdqDecodeErrorCode, MediaErrorCode> = {
  UNSUPPORTED_FORMAT: 'unsupported', CORRUPT: 'corrupt', TOO_MANY_PIXELS: 'too_many_pixels', READ_FAILED: 'unreadable',
  TOO_LARGE: 'too_large', TIMEOUT: 'decoder_timeout', MEMORY_LIMIT: 'decoder_memory', DECODER_CRASHED: 'decoder_crashed',
  SANDBOX_UNAVAILABLE: 'sandbox_unavailable',
};

function videoCode(code: VideoDecodeErrorCode): MediaErrorCode {
  switch (code) {
    case 'FFMPEG_NOT_FOUND': return 'video_unavailable';
    case 'SANDBOX_UNAVAILABLE': return 'sandbox_unavailable';
    case 'TIMEOUT': return 'decoder_timeout';
    case 'MEMORY_LIMIT': return 'decoder_memory';
    case 'DECODER_CRASHED': return 'decoder_crashed';
    case 'NOT_FOUND': case 'UNREADABLE': return 'unreadable';
    case 'NO_VIDEO_STREAM': return 'unsupported';
    default: return 'corrupt';
  }
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
  if (entry.kind === 'unreadable') return { ...base, size: 0, kind: 'unreadable', error: entry.error, errorCode: 'unreadable' };
  const times = { modifiedAt: entry.stat.mtime, changedAt: entry.stat.ctime };
  if (entry.kind === 'symlink') return { ...base, ...times, size: 0, kind: 'symlink', error: `symbolic link to ${entry.target}: not followed`, errorCode: 'not_followed' };
  if (entry.kind === 'special') return { ...base, ...times, size: 0, kind: 'other', error: 'not a regular file', errorCode: 'not_regular' };
  const { record, unreadable, decodeError } = await hashFile(entry.absPath, { syncIo: true });
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
    errorCode: record.error ? (unreadable ? 'unreadable' : decodeError ? IMAGE_CODES[decodeError] : 'corrupt') : undefined,
  };
  if (result.kind === 'video') {
    try {
      result.frames = await hashVideoFile(entry.absPath, { secondsPerHash, timeoutMs: VIDEO_TIMEOUT_MS });
    } catch (err) {
      const code = err instanceof VideoDecodeError ? videoCode(err.code) : 'corrupt';
      result.errorCode = code;
      // Never a silent skip: a video with no vPDQ says why, and "no ffmpeg here" is not "bad file".
      result.error = code === 'video_unavailable' ? `video not hashed: ${(err as Error).message}` : `cannot hash video: ${(err as Error).message}`;
    }
  }
  return result;
}
