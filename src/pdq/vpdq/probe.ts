// Finds the video stream, its size and frame rate, as the reference vPDQ hasher does: the first video
// stream, its size and avg_frame_rate (falling back to r_frame_rate). ffprobe gives them exactly (JSON,
// rates as fractions); without an ffprobe (an AMAAN_FFMPEG build alone) we read the stream summary that
// `ffmpeg -i FILE` prints to stderr (its format is stable across ffmpeg 4-7: "fps" and "tbr").
import { stat } from 'node:fs/promises';
import { VideoDecodeError } from './errors.ts';
import { PROTOCOLS, startFfmpeg, type FfmpegRunOptions } from './ffmpeg-process.ts';
import { findVideoTools, type FoundVideoTools } from './ffmpeg-path.ts';

export interface VideoStreamInfo {
  /** `-map` specifier of the chosen stream, e.g. "0:0". */
  mapSpec: string;
  width: number;
  height: number;
  /** Frames per second as the reference uses it (avg_frame_rate, else r_frame_rate). */
  fps: number;
  fpsSource: 'avg_frame_rate' | 'r_frame_rate';
  /** ffmpeg release (major, minor) when it printed a numbered version; git builds give null; undefined: not read. */
  ffmpegVersion: [number, number] | null | undefined;
}

export interface ProbeOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** RLIMIT_AS of the probe (default: ffmpeg-process.ts FFMPEG_MEMORY_BYTES). */
  memoryBytes?: number;
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
  const tools = findVideoTools();
  const run: FfmpegRunOptions = { timeoutMs: opts.timeoutMs, signal: opts.signal, memoryBytes: opts.memoryBytes };
  if (tools.ffprobe) return probeWithFfprobe(tools, file, run);
  // "-i FILE" with no output makes ffmpeg print the input summary and exit 1; that is expected.
  // "file:" stops names like "http:x" or "-x" being read as a protocol or an option.
  const p = startFfmpeg(tools.ffmpeg, file, (input) => ['-nostdin', ...PROTOCOLS, '-i', `file:${input}`], { ...run, stderrLimit: 1024 * 1024 });
  p.child.stdout.resume();
  const exit = await p.exited;
  throwIfUnfinished(exit, p.stderr(), tools.ffmpeg);
  // The file is named by its path in messages, not by the path the sandbox shows it under.
  const info = parseFfmpegInputDump(p.stderr(), file);
  return { ...info, ffmpegVersion: tools.version ?? info.ffmpegVersion };
}

async function probeWithFfprobe(tools: FoundVideoTools, file: string, run: FfmpegRunOptions): Promise<VideoStreamInfo> {
  const p = startFfmpeg(tools.ffprobe!, file, (input) => [
    '-v', 'error', ...PROTOCOLS,
    '-show_entries', 'stream=index,codec_type,width,height,avg_frame_rate,r_frame_rate:stream_disposition=attached_pic',
    '-of', 'json', `file:${input}`,
  ], run);
  let out = '';
  p.child.stdout.setEncoding('utf8');
  p.child.stdout.on('data', (s: string) => {
    if (out.length < 4 * 1024 * 1024) out += s;
  });
  const exit = await p.exited;
  throwIfUnfinished(exit, p.stderr(), tools.ffprobe!);
  if (exit.code !== 0) throw probeFailure(exit, p.stderr(), file);
  return { ...parseFfprobeStreams(out, file, p.stderr()), ffmpegVersion: tools.version };
}

function probeFailure(exit: { code: number | null; signal: NodeJS.Signals | null }, stderr: string, file: string): VideoDecodeError {
  if (/Permission denied/i.test(stderr)) return new VideoDecodeError('UNREADABLE', `cannot read ${file}`, stderr);
  if (/Cannot allocate memory|out of memory/i.test(stderr)) return new VideoDecodeError('MEMORY_LIMIT', `ffprobe ran out of its memory limit on ${file}`, stderr);
  if (exit.signal) return new VideoDecodeError('DECODER_CRASHED', `ffprobe crashed (${exit.signal}) on ${file}`, stderr);
  return new VideoDecodeError('INVALID_DATA', `not a recognisable media file: ${file}`, stderr);
}

interface ProbeStream { index?: number; codec_type?: string; width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string; disposition?: { attached_pic?: number } }

/** A rate as ffprobe prints it ("30000/1001", "0/0"); 0 when absent or not a positive fraction. */
export function parseRational(text: string | undefined): number {
  const m = /^(\d+)\/(\d+)$/.exec(text ?? '');
  if (!m || Number(m[2]) === 0) return 0;
  return Number(m[1]) / Number(m[2]);
}

/** Pure parser of `ffprobe -of json -show_entries stream=...`; exported for tests. */
export function parseFfprobeStreams(json: string, file: string, stderr = ''): Omit<VideoStreamInfo, 'ffmpegVersion'> {
  let streams: ProbeStream[];
  try {
    const parsed = JSON.parse(json) as { streams?: unknown };
    streams = Array.isArray(parsed.streams) ? (parsed.streams as ProbeStream[]) : [];
  } catch {
    throw new VideoDecodeError('INVALID_DATA', `not a recognisable media file: ${file}`, stderr);
  }
  // Cover art is a one-frame "video" stream; hashing it instead of the video would be wrong.
  const s = streams.find((x) => x.codec_type === 'video' && !x.disposition?.attached_pic);
  if (!s) throw new VideoDecodeError('NO_VIDEO_STREAM', `no video stream in ${file}`, stderr);
  const width = Number(s.width), height = Number(s.height);
  if (!Number.isInteger(s.index) || !(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
    throw new VideoDecodeError('BAD_STREAM_INFO', `video stream without size or frame rate in ${file}`, stderr);
  }
  const avg = parseRational(s.avg_frame_rate);
  const fps = avg > 0 ? avg : parseRational(s.r_frame_rate);
  if (!(fps > 0)) throw new VideoDecodeError('BAD_STREAM_INFO', `video frame rate is zero in ${file}`, stderr);
  return { mapSpec: `0:${s.index}`, width, height, fps, fpsSource: avg > 0 ? 'avg_frame_rate' : 'r_frame_rate' };
}

/** Maps "we stopped it" and "it never started" to typed errors; shared with the decoder. */
export function throwIfUnfinished(
  exit: { spawnError?: Error; stoppedBy?: 'TIMEOUT' | 'ABORTED'; sandboxFailure?: string },
  stderr: string,
  bin: string,
): void {
  if (exit.sandboxFailure) {
    throw new VideoDecodeError('SANDBOX_UNAVAILABLE', `the decoder sandbox (bubblewrap) failed to start, nothing was decoded: ${exit.sandboxFailure}`, stderr);
  }
  if (exit.spawnError) {
    throw new VideoDecodeError('FFMPEG_NOT_FOUND', `cannot run ffmpeg (${bin}): ${exit.spawnError.message}`, stderr, {
      cause: exit.spawnError,
    });
  }
  if (exit.stoppedBy === 'TIMEOUT') throw new VideoDecodeError('TIMEOUT', 'video decoding timed out', stderr);
  if (exit.stoppedBy === 'ABORTED') throw new VideoDecodeError('ABORTED', 'video decoding aborted', stderr);
}
