// Finds the video stream, its size and frame rate. The npm ffmpeg has no ffprobe, so we read
// the stream summary that `ffmpeg -i FILE` prints to stderr (its format is stable across
// ffmpeg 4-7). The reference vPDQ hasher uses the first video stream, its coded size and
// avg_frame_rate (falling back to r_frame_rate); ffmpeg prints those as "fps" and "tbr".
import { stat } from 'node:fs/promises';
import { VideoDecodeError } from './errors.ts';
import { startFfmpeg } from './ffmpeg-process.ts';
import { resolveFfmpegPath } from './ffmpeg-path.ts';

export interface VideoStreamInfo {
  /** `-map` specifier of the chosen stream, e.g. "0:0". */
  mapSpec: string;
  width: number;
  height: number;
  /** Frames per second as the reference uses it (avg_frame_rate, else r_frame_rate). */
  fps: number;
  fpsSource: 'avg_frame_rate' | 'r_frame_rate';
  /** ffmpeg release (major, minor) when it printed a numbered version; git builds give null. */
  ffmpegVersion: [number, number] | null;
}

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const STREAM_LINE = /^\s*Stream #(\d+):(\d+)[^:]*: Video: (.*)$/;
// "0x31637661" in "(avc1 / 0x31637661)" looks like a size; a real size never starts with 0.
const SIZE = /(?:^|[\s,])([1-9]\d*)x([1-9]\d*)(?=$|[\s,[])/;
const rateToken = (unit: string): RegExp =>
  new RegExp(`(?:^|,\\s*)(\\d+(?:\\.\\d+)?)(k?) ${unit}(?=$|[\\s,])`);
const FPS = rateToken('fps');
const TBR = rateToken('tbr');

/**
 * Parses one rate as ffmpeg's dump prints it (print_fps in libavformat/dump.c): integers as
 * "30", others with two decimals ("29.97"), multiples of 1000 as "1k". Two decimals lose the
 * exact rational; NTSC-family rates (N*1000/1001) are by far the common non-integer case, so a
 * value within print rounding of one is snapped to it. Anything else stays as printed, which
 * can shift late timestamps by 0.001 s against the reference (see README.md here).
 */
export function parsePrintedRate(digits: string, kilo: string): number {
  const printed = Number(digits) * (kilo ? 1000 : 1);
  if (!digits.includes('.') || kilo) return printed;
  const ntscNum = Math.round((printed * 1001) / 1000) * 1000;
  const ntsc = ntscNum / 1001;
  return Math.abs(ntsc - printed) <= 0.0051 ? ntsc : printed;
}

/** Pure parser of `ffmpeg -i` stderr; exported for tests. */
export function parseFfmpegInputDump(stderr: string, file: string): VideoStreamInfo {
  const lines = stderr.split(/\r?\n/);
  if (!lines.some((l) => /^Input #\d+,/.test(l))) {
    const permission = /Permission denied/i.test(stderr);
    throw new VideoDecodeError(
      permission ? 'UNREADABLE' : 'INVALID_DATA',
      permission ? `cannot read ${file}` : `not a recognisable media file: ${file}`,
      stderr,
    );
  }
  const version = /ffmpeg version (\d+)\.(\d+)/.exec(stderr);
  for (const line of lines) {
    const m = STREAM_LINE.exec(line);
    // Cover art is a one-frame "video" stream; hashing it instead of the video would be wrong.
    if (!m || line.includes('(attached pic)')) continue;
    const rest = m[3];
    const size = SIZE.exec(rest);
    const fps = FPS.exec(rest);
    const tbr = TBR.exec(rest);
    const rate = fps ?? tbr;
    if (!size || !rate) {
      throw new VideoDecodeError('BAD_STREAM_INFO', `video stream without size or frame rate in ${file}`, stderr);
    }
    const value = parsePrintedRate(rate[1], rate[2]);
    if (!(value > 0)) {
      throw new VideoDecodeError('BAD_STREAM_INFO', `video frame rate is zero in ${file}`, stderr);
    }
    return {
      mapSpec: `${m[1]}:${m[2]}`,
      width: Number(size[1]),
      height: Number(size[2]),
      fps: value,
      fpsSource: fps ? 'avg_frame_rate' : 'r_frame_rate',
      ffmpegVersion: version ? [Number(version[1]), Number(version[2])] : null,
    };
  }
  throw new VideoDecodeError('NO_VIDEO_STREAM', `no video stream in ${file}`, stderr);
}

/** Checks that `file` is a regular readable file; ffmpeg's own messages for this are vague. */
export async function assertRegularFile(file: string): Promise<void> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new VideoDecodeError('NOT_FOUND', `not a regular file: ${file}`);
  } catch (err) {
    if (err instanceof VideoDecodeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new VideoDecodeError(code === 'ENOENT' ? 'NOT_FOUND' : 'UNREADABLE', `cannot open ${file}: ${code ?? err}`, '', {
      cause: err,
    });
  }
}

export async function probeVideo(file: string, opts: ProbeOptions = {}): Promise<VideoStreamInfo> {
  await assertRegularFile(file);
  const bin = await resolveFfmpegPath();
  // "-i FILE" with no output makes ffmpeg print the input summary and exit 1; that is expected.
  // "file:" stops names like "http:x" or "-x" being read as a protocol or an option.
  const run = startFfmpeg(bin, ['-nostdin', '-i', `file:${file}`], { ...opts, stderrLimit: 1024 * 1024 });
  run.child.stdout.resume();
  const exit = await run.exited;
  throwIfUnfinished(exit, run.stderr(), bin);
  return parseFfmpegInputDump(run.stderr(), file);
}

/** Maps "we stopped it" and "it never started" to typed errors; shared with the decoder. */
export function throwIfUnfinished(
  exit: { spawnError?: Error; stoppedBy?: 'TIMEOUT' | 'ABORTED' },
  stderr: string,
  bin: string,
): void {
  if (exit.spawnError) {
    throw new VideoDecodeError('FFMPEG_NOT_FOUND', `cannot run ffmpeg (${bin}): ${exit.spawnError.message}`, stderr, {
      cause: exit.spawnError,
    });
  }
  if (exit.stoppedBy === 'TIMEOUT') throw new VideoDecodeError('TIMEOUT', 'video decoding timed out', stderr);
  if (exit.stoppedBy === 'ABORTED') throw new VideoDecodeError('ABORTED', 'video decoding aborted', stderr);
}
