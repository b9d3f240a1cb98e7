// Streams the RGB frames of a video out of an ffmpeg child process, choosing frames the way
// the reference vPDQ hasher (vpdq/cpp, filehasher.cpp) does: frame n (0-based, in decoder
// output order) is used when n mod step == 0, step = max(1, int(secondsPerHash * fps)).
import { VideoDecodeError } from './errors.ts';
import { resolveVideoTools } from './ffmpeg-path.ts';
import { PROTOCOLS, startFfmpeg } from './ffmpeg-process.ts';
import { probeVideo, throwIfUnfinished, type VideoStreamInfo } from './probe.ts';

export interface FrameReadOptions {
  /** Seconds between hashed frames; 0 = every frame. Default 1 (python-threatexchange's default). */
  secondsPerHash?: number;
  /** Scale frames to size x size (aspect ratio not kept), like the reference's `-s`. */
  size?: number;
  /** Overall limit for probe plus decode; ffmpeg is killed when it elapses. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** ffmpeg decoder threads (`-threads`); default lets ffmpeg choose. Results do not depend on it. */
  decoderThreads?: number;
  /**
   * Fail (DECODE_FAILED) on the first decoding error instead of carrying on. Off by default:
   * like the reference, a truncated or damaged file yields the hashes of the frames that
   * could be decoded, which is what an investigator wants from a partial download.
   */
  strict?: boolean;
  /** Receives ffmpeg's error output when a non-strict decode recovered from errors. */
  onDecodeWarning?: (message: string) => void;
  /** Address-space limit of each ffmpeg run (default ffmpeg-process.ts FFMPEG_MEMORY_BYTES). */
  memoryBytes?: number;
}

export interface VideoFrame {
  /** 0-based index of the decoded frame in the whole video. */
  index: number;
  /** Seconds, computed in float32 as the reference does (index / fps). */
  timestamp: number;
  width: number;
  height: number;
  /** Packed RGB24, width * height * 3 bytes; a fresh buffer the consumer may keep. */
  pixels: Buffer;
}

export function frameStep(secondsPerHash: number, fps: number): number {
  // The reference truncates (static_cast<int>) and never lets the step reach 0.
  return Math.max(1, Math.trunc(secondsPerHash * fps));
}

/** The reference divides float(frameNumber) by float(frameRate) in single precision. */
export function frameTimestamp(index: number, fps: number): number {
  return Math.fround(Math.fround(index) / Math.fround(fps));
}

function checkOptions(o: FrameReadOptions): void {
  const sph = o.secondsPerHash ?? 1;
  if (!Number.isFinite(sph) || sph < 0) throw new RangeError('secondsPerHash must be a finite number >= 0');
  if (o.size !== undefined && !(Number.isInteger(o.size) && o.size >= 1 && o.size <= 16384)) {
    throw new RangeError('size must be an integer between 1 and 16384');
  }
}

export interface DecodeArgsOptions {
  threads?: number;
  strict?: boolean;
}

export function buildDecodeArgs(
  file: string,
  info: VideoStreamInfo,
  outW: number,
  outH: number,
  step: number,
  opts: DecodeArgsOptions = {},
): string[] {
  // Scaling and the YUV->RGB24 conversion happen in one swscale pass with SWS_AREA, as in the
  // reference. in_color_matrix=bt601 because the reference's sws_getContext keeps swscale's
  // default coefficients, while ffmpeg's scale filter would follow the stream's colour tags.
  const filters = [`scale=${outW}:${outH}:flags=area:in_color_matrix=bt601`, 'format=rgb24'];
  // Dropping unselected frames inside ffmpeg saves converting and piping them; select's `n`
  // counts frames entering the graph, i.e. the decoder's output order, like the reference.
  if (step > 1) filters.unshift(`select=not(mod(n\\,${step}))`);
  const v = info.ffmpegVersion;
  // Without passthrough ffmpeg would duplicate or drop frames to fit a constant output rate.
  const passthrough = v && (v[0] > 5 || (v[0] === 5 && v[1] >= 1)) ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
  return [
    '-nostdin', '-v', 'error',
    ...(opts.strict ? ['-xerror'] : []),
    ...(opts.threads ? ['-threads', String(opts.threads)] : []),
    // The reference ignores rotation metadata and hashes the stored picture.
    '-noautorotate',
    ...PROTOCOLS,
    '-i', `file:${file}`,
    '-map', info.mapSpec, '-an', '-sn', '-dn',
    ...passthrough,
    '-sws_flags', 'area',
    '-vf', filters.join(','),
    '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1',
  ];
}

/**
 * Yields the selected frames one at a time; only the frame being assembled is held here, and
 * pipe back-pressure pauses ffmpeg while the consumer works (its frame-threaded decoder still
 * decodes a few frames ahead, so decoding and hashing overlap; an ffmpeg `fifo` muxer queue
 * measured no faster). Breaking out of the loop kills ffmpeg.
 */
export async function* readVideoFrames(file: string, opts: FrameReadOptions = {}): AsyncGenerator<VideoFrame> {
  checkOptions(opts);
  const deadline = opts.timeoutMs !== undefined ? Date.now() + opts.timeoutMs : undefined;
  const remaining = (): number | undefined => (deadline === undefined ? undefined : Math.max(1, deadline - Date.now()));
  if (opts.signal?.aborted) throw new VideoDecodeError('ABORTED', 'video decoding aborted');

  const info = await probeVideo(file, { timeoutMs: remaining(), signal: opts.signal, memoryBytes: opts.memoryBytes });
  const step = frameStep(opts.secondsPerHash ?? 1, info.fps);
  const width = opts.size ?? info.width;
  const height = opts.size ?? info.height;
  const frameBytes = width * height * 3;
  const bin = resolveVideoTools().ffmpeg;
  const run = startFfmpeg(bin, file, (input) => buildDecodeArgs(input, info, width, height, step, {
    threads: opts.decoderThreads,
    strict: opts.strict,
  }), {
    timeoutMs: remaining(),
    signal: opts.signal,
    memoryBytes: opts.memoryBytes,
  });

  let outIndex = 0;
  let frame = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  try {
    for await (const chunk of run.child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        chunk.copy(frame, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          const index = outIndex * step;
          outIndex++;
          const done = frame;
          frame = Buffer.allocUnsafe(frameBytes);
          filled = 0;
          // Buffered frames may still be in the pipe after a kill; stop at once instead.
          if (opts.signal?.aborted) throw new VideoDecodeError('ABORTED', 'video decoding aborted');
          yield { index, timestamp: frameTimestamp(index, info.fps), width, height, pixels: done };
        }
      }
    }
    const exit = await run.exited;
    throwIfUnfinished(exit, run.stderr(), bin);
    if (exit.code !== 0 && /Cannot allocate memory|out of memory/i.test(run.stderr())) {
      throw new VideoDecodeError('MEMORY_LIMIT', `ffmpeg ran out of its memory limit on ${file}`, run.stderr());
    }
    if (exit.signal) throw new VideoDecodeError('DECODER_CRASHED', `ffmpeg crashed (${exit.signal}) on ${file}`, run.stderr());
    if (exit.code !== 0) {
      throw new VideoDecodeError('DECODE_FAILED', `ffmpeg failed on ${file} (exit ${exit.code ?? exit.signal})`, run.stderr());
    }
    if (filled !== 0) {
      throw new VideoDecodeError('DECODE_FAILED', `ffmpeg output ended inside a frame for ${file}`, run.stderr());
    }
    if (outIndex === 0) {
      // An empty hash list would look like "nothing to match" rather than "could not read".
      throw new VideoDecodeError('DECODE_FAILED', `no decodable video frames in ${file}`, run.stderr());
    }
    if (run.stderr().trim() !== '') opts.onDecodeWarning?.(run.stderr().trim());
  } finally {
    // Reached on normal end (no-op), on errors, and when the consumer stops iterating early.
    run.kill();
  }
}

export { probeVideo };
export type { VideoStreamInfo };
