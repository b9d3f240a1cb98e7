// Typed failure of video decoding, so callers (CLI, ingest jobs) can tell "not a video"
// from "ffmpeg missing" or "timed out" without matching on message text.

export type VideoDecodeErrorCode =
  /** The path does not exist or is not a regular file. */
  | 'NOT_FOUND'
  /** The file could not be read (permissions, I/O). */
  | 'UNREADABLE'
  /** ffmpeg could not recognise the container or its data (corrupt or not a media file). */
  | 'INVALID_DATA'
  /** The file is a media file but has no (non-cover-art) video stream. */
  | 'NO_VIDEO_STREAM'
  /** The video stream declares no usable size or frame rate. */
  | 'BAD_STREAM_INFO'
  /** ffmpeg started decoding but failed or produced a partial frame. */
  | 'DECODE_FAILED'
  /** No ffmpeg binary could be found or started. */
  | 'FFMPEG_NOT_FOUND'
  /** The caller's timeout elapsed; ffmpeg was killed. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired; ffmpeg was killed. */
  | 'ABORTED'
  /** ffmpeg ran out of the memory its limit allows (the file asks for more than a sane video needs). */
  | 'MEMORY_LIMIT'
  /** ffmpeg died of a signal nobody sent it (a crash). */
  | 'DECODER_CRASHED'
  /** AMAAN_SANDBOX=bwrap and the sandbox cannot run: nothing is decoded outside it. */
  | 'SANDBOX_UNAVAILABLE';

export class VideoDecodeError extends Error {
  override readonly name = 'VideoDecodeError';

  constructor(
    readonly code: VideoDecodeErrorCode,
    message: string,
    /** Last part of ffmpeg's stderr, for diagnostics; never shown as the main message. */
    readonly ffmpegLog = '',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
