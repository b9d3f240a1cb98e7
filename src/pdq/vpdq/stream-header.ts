// The stream facts of a video read from the stderr of the ffmpeg run that decodes it (issue 14 §4: one
// ffmpeg start instead of ffprobe + ffmpeg). ffmpeg is run with `-v level+verbose` (frames.ts
// buildOneRunArgs), so each line starts with its level, and before the first frame it prints:
//   [info] Input #0, ... / [info]   Stream #0:0[0x1](und): Video: h264 ..., 320x240 ..., 30 fps, 30 tbr, ...
//   [info]   Stream #0:0 -> #0:0 (h264 (native) -> ppm (native))        (which stream -map 0:V:0 took)
//   [graph 0 input from stream 0:0 @ 0x...] [verbose] w:320 h:240 pixfmt:yuv420p tb:1/15360 fr:30/1 sar:1/1
//   [info] Output #0, image2pipe, to 'pipe:':
// The summary prints rates rounded to two decimals; the filter graph's input line has a rate as an exact
// fraction, but ffmpeg's guess (r_frame_rate, mostly), not necessarily avg_frame_rate, which the reference
// uses. So the exact fraction is taken only when it prints exactly as the summary's "fps" (avg_frame_rate;
// "tbr" when the stream has none); otherwise the caller asks ffprobe for the rate.
import { VideoDecodeError } from './errors.ts';
import { parseFfmpegInputDump, type VideoStreamInfo } from './probe.ts';

export type StreamHeader =
  | { ok: true; info: VideoStreamInfo; fps: number | undefined }
  | { ok: false; startOver: true; error?: undefined }
  | { ok: false; startOver?: false; error: VideoDecodeError };

/** Levels that `-v error` shows: what a decode with errors printed before (the decoding warnings). */
const ERROR_LEVELS = /^(?:\[[^\]]* @ 0x[0-9a-f]+\] )?\[(?:error|fatal|panic)\] /;
/** The level tag, after the "[component @ 0x...] " context when there is one (which stays). */
const LEVEL = /^((?:\[[^\]]* @ 0x[0-9a-f]+\] )?)\[(?:quiet|panic|fatal|error|warning|info|verbose|debug|trace)\] /;
const untag = (line: string): string => line.replace(LEVEL, '$1');

/** The rate as libavformat's dump prints it (print_fps in libavformat/dump.c, without the unit). */
export function printFps(d: number): string {
  const v = Math.round(d * 100);
  if (!v) return d.toFixed(4);
  if (v % 100) return d.toFixed(2);
  if (v % (100 * 1000)) return d.toFixed(0);
  return `${(d / 1000).toFixed(0)}k`;
}

const token = (line: string, unit: string): string | undefined =>
  new RegExp(`(?:^|,\\s*)(\\d+(?:\\.\\d+)?k?) ${unit}(?=$|[\\s,])`).exec(line)?.[1];

/**
 * The facts from the full stderr text up to the output summary (or the end): a pure function, for tests.
 * `complete` says whether the output summary was seen (the decode started).
 */
export function parseStreamHeader(stderr: string, file: string, complete: boolean): StreamHeader {
  const lines = stderr.split(/\r?\n/);
  // The summary without the level tags, as parseFfmpegInputDump reads `ffmpeg -i` output.
  const plain = lines.map(untag).join('\n');
  let info: VideoStreamInfo;
  try {
    info = parseFfmpegInputDump(plain, file);
  } catch (err) {
    if (!(err instanceof VideoDecodeError)) throw err;
    // No size or rate in the summary: ffprobe may still know them (the two-run path).
    if (err.code === 'BAD_STREAM_INFO') return { ok: false, startOver: true };
    return { ok: false, error: err };
  }
  if (!complete) {
    const why = lines.filter((l) => ERROR_LEVELS.test(l)).map(untag).join('\n');
    return { ok: false, error: new VideoDecodeError('DECODE_FAILED', `ffmpeg could not start decoding ${file}${why ? `: ${why.split('\n').pop()}` : ''}`, stderr) };
  }
  // The stream ffmpeg took for -map 0:V:0 must be the one the reference takes (first video, not cover art).
  const mapped = /^\s*Stream #0:(\d+)(?:\[[^\]]*\])? -> #0:0\b/m.exec(plain);
  if (!mapped || `0:${mapped[1]}` !== info.mapSpec) return { ok: false, startOver: true };
  const streamLine = plain.split('\n').find((l) => new RegExp(`^\\s*Stream #${info.mapSpec}(?:[^:\\d][^:]*)?: Video: `).test(l)) ?? '';
  const printed = info.fpsSource === 'avg_frame_rate' ? token(streamLine, 'fps') : token(streamLine, 'tbr');
  const fr = new RegExp(`^\\[graph \\d+ input from stream ${info.mapSpec} @ 0x[0-9a-f]+\\] .*\\bfr:(\\d+)/(\\d+)\\b`, 'm').exec(plain);
  let fps: number | undefined;
  if (fr && Number(fr[2]) > 0 && Number(fr[1]) > 0 && printed !== undefined && printFps(Number(fr[1]) / Number(fr[2])) === printed) {
    fps = Number(fr[1]) / Number(fr[2]);
  }
  return { ok: true, info: { ...info, fps: fps ?? info.fps }, fps };
}

/** Collects stderr until the decode starts (the output summary) or ffmpeg ends; `done` then says what it found. */
export class StreamHeaderReader {
  readonly done: Promise<StreamHeader>;
  private resolve!: (h: StreamHeader) => void;
  private text = '';
  private partial = '';
  private settled = false;
  private errorLines: string[] = [];
  private errorBytes = 0;

  constructor(private readonly file: string) {
    this.done = new Promise((r) => (this.resolve = r));
  }

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.line(line);
  }

  end(): void {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    this.settle(false);
  }

  /** ffmpeg's error-level lines (without their tags): the decoding warnings. */
  errors(): string {
    return this.errorLines.join('\n');
  }

  private line(line: string): void {
    if (ERROR_LEVELS.test(line) && this.errorBytes < 64 * 1024) {
      const plain = untag(line);
      this.errorLines.push(plain);
      this.errorBytes += plain.length + 1;
    }
    if (this.settled) return;
    // The summary is a few kB; a flood before it (a hostile file) is not kept.
    if (this.text.length < 1024 * 1024) this.text += `${line}\n`;
    if (/^\[info\] Output #0\b/.test(line)) this.settle(true);
  }

  private settle(complete: boolean): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(parseStreamHeader(this.text, this.file, complete));
  }
}
