// Streams the RGB frames of a video out of an ffmpeg child process, choosing frames the way
// the reference vPDQ hasher (vpdq/cpp, filehasher.cpp) does: frame n (0-based, in decoder
// output order) is used when n mod step == 0, step = max(1, int(secondsPerHash * fps)).
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { VideoDecodeError } from './errors.ts';
import { findVideoTools, resolveVideoTools } from './ffmpeg-path.ts';
import { PROTOCOLS, readerSocketPair, startFfmpeg, startFfmpegInto, type FfmpegRun } from './ffmpeg-process.ts';
import { PpmFormatError, PpmReader, type PpmFrame } from './ppm-reader.ts';
import { assertRegularFile, probeVideo, throwIfUnfinished, type VideoStreamInfo } from './probe.ts';
import { StreamHeaderReader, type StreamHeader } from './stream-header.ts';

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
  /**
   * Hand out the same pixel buffer again for the next frame of the same size (no allocation per frame):
   * for a consumer that is done with a frame before asking for the next, as hashVideoFile is.
   */
  reuseFrameBuffer?: boolean;
}

export interface VideoFrame {
  /** 0-based index of the decoded frame in the whole video. */
  index: number;
  /** Seconds, computed in float32 as the reference does (index / fps). */
  timestamp: number;
  width: number;
  height: number;
  /** Packed RGB24, width * height * 3 bytes; a fresh buffer the consumer may keep (unless reuseFrameBuffer). */
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
  const passthrough = passthroughArgs(info.ffmpegVersion);
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

/** -fps_mode is unknown to ffmpeg before 5.1; learnt from a refused run when the version was not read. */
let fpsModeRefused = false;

/** Without passthrough ffmpeg would duplicate or drop frames to fit a constant output rate. */
export function passthroughArgs(version: [number, number] | null | undefined): string[] {
  // An unread version (undefined) tries -fps_mode first: every maintained ffmpeg has it; a git build (null) too.
  const modern = version === undefined ? !fpsModeRefused : version === null || version[0] > 5 || (version[0] === 5 && version[1] >= 1);
  return modern && version !== null ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough'];
}

/**
 * secondsPerHash as ffmpeg's expression parser is sure to read it as the same double: a plain decimal (a number
 * JavaScript prints with an exponent takes the two-run path instead).
 */
export function oneRunSelectable(secondsPerHash: number): boolean {
  return Number.isFinite(secondsPerHash) && secondsPerHash >= 0 && !/e/i.test(String(secondsPerHash));
}

/**
 * The one-run decode (issue 14 §4: one ffmpeg start, no ffprobe): ffmpeg's own stream summary (stderr, read as it
 * comes) gives the stream facts instead of a separate ffprobe run, and each frame comes as a binary PPM (a "P6 W H
 * 255" header, then the RGB24 bytes as rawvideo would give them), so frames keep their size whatever the stream
 * does. `scale=iw:ih` (or size x size) converts as the two-run path's scale=W:H does.
 *
 * With secondsPerHash > 0 the frames are chosen inside ffmpeg without knowing the rate beforehand: `select` has no
 * frame-rate variable but `setpts` has (FRAME_RATE: the rate of the filter graph's input, the "fr:" that
 * StreamHeaderReader reads), so setpts marks each frame n with n mod max(1, trunc(secondsPerHash * FRAME_RATE)) != 0
 * by a negative timestamp and `select` drops those: the frames the two-run path's select=not(mod(n, step)) keeps,
 * in double precision as frameStep() computes the step. The result is used only when that rate is the one the
 * reference uses (avg_frame_rate, checked against the summary); otherwise the reader starts over with ffprobe.
 */
export function buildOneRunArgs(
  file: string,
  size: number | undefined,
  version: [number, number] | null | undefined,
  opts: DecodeArgsOptions & { secondsPerHash?: number } = {},
): string[] {
  const scale = size ? `${size}:${size}` : 'iw:ih';
  const sph = opts.secondsPerHash ?? 0;
  if (!oneRunSelectable(sph)) throw new RangeError(`secondsPerHash ${sph} cannot be passed to ffmpeg exactly`);
  const select = sph > 0 ? [`setpts=if(mod(N\\,max(1\\,trunc(${String(sph)}*FRAME_RATE)))\\,-1\\,N)`, 'select=gte(pts\\,0)'] : [];
  return [
    // level+verbose: every line tagged with its level ("[error]" lines are the decoding warnings -v error
    // used to give alone), and the filter graph's input line carries the exact frame rate ("fr:30000/1001").
    '-nostdin', '-hide_banner', '-nostats', '-v', 'level+verbose',
    ...(opts.strict ? ['-xerror'] : []),
    ...(opts.threads ? ['-threads', String(opts.threads)] : []),
    '-noautorotate',
    ...PROTOCOLS,
    '-i', `file:${file}`,
    // V: the first video stream that is not cover art (checked against the summary: StreamHeaderReader).
    '-map', '0:V:0', '-an', '-sn', '-dn',
    ...passthroughArgs(version),
    '-sws_flags', 'area',
    '-vf', [...select, `scale=${scale}:flags=area:in_color_matrix=bt601`, 'format=rgb24'].join(','),
    '-c:v', 'ppm', '-f', 'image2pipe', 'pipe:1',
  ];
}

/** Thrown inside the reader when this attempt cannot be used; readVideoFrames starts over. */
class StartOver extends Error {
  constructor(readonly why: 'fps_mode' | 'two_runs') {
    super(why);
  }
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
  let oneRun = oneRunSelectable(opts.secondsPerHash ?? 1);
  for (let attempt = 0; ; attempt++) {
    let yielded = false;
    try {
      const frames = oneRun ? oneRunFrames(file, opts, remaining) : twoRunFrames(file, opts, remaining);
      for await (const f of frames) {
        yielded = true;
        yield f;
      }
      return;
    } catch (err) {
      // Only before the first frame, and at most twice (old ffmpeg, then the two-run path).
      if (!(err instanceof StartOver) || yielded || attempt >= 2) throw err instanceof StartOver ? new VideoDecodeError('DECODE_FAILED', `ffmpeg could not decode ${file}`) : err;
      if (err.why === 'fps_mode') fpsModeRefused = true;
      else oneRun = false;
    }
  }
}

/**
 * With a selection (secondsPerHash > 0) the frame rate must be known before ffmpeg starts, for its select
 * filter: ffprobe (exact rates) first, then the decode.
 */
async function* twoRunFrames(file: string, opts: FrameReadOptions, remaining: () => number | undefined): AsyncGenerator<VideoFrame> {
  const info = await probeVideo(file, { timeoutMs: remaining(), signal: opts.signal, memoryBytes: opts.memoryBytes });
  const step = frameStep(opts.secondsPerHash ?? 1, info.fps);
  const width = opts.size ?? info.width;
  const height = opts.size ?? info.height;
  const frameBytes = width * height * 3;
  const bin = findVideoTools().ffmpeg;
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
          if (!opts.reuseFrameBuffer) frame = Buffer.allocUnsafe(frameBytes);
          filled = 0;
          // Buffered frames may still be in the pipe after a kill; stop at once instead.
          if (opts.signal?.aborted) throw new VideoDecodeError('ABORTED', 'video decoding aborted');
          yield { index, timestamp: frameTimestamp(index, info.fps), width, height, pixels: done };
        }
      }
    }
    await checkDecodeEnd(run, bin, file, filled !== 0, outIndex, run.stderr(), opts);
  } finally {
    // Reached on normal end (no-op), on errors, and when the consumer stops iterating early.
    run.kill();
  }
}

/** How a decode ended, as typed errors; `warnings` is ffmpeg's error-level output. */
async function checkDecodeEnd(run: FfmpegRun<Readable | null>, bin: string, file: string, partial: boolean, frames: number, warnings: string, opts: FrameReadOptions): Promise<void> {
  const exit = await run.exited;
  throwIfUnfinished(exit, run.stderr(), bin);
  if (exit.code !== 0 && frames === 0 && /Unrecognized option '?fps_mode/.test(run.stderr())) throw new StartOver('fps_mode');
  if (exit.code !== 0 && /Cannot allocate memory|out of memory/i.test(run.stderr())) {
    throw new VideoDecodeError('MEMORY_LIMIT', `ffmpeg ran out of its memory limit on ${file}`, run.stderr());
  }
  if (exit.signal) throw new VideoDecodeError('DECODER_CRASHED', `ffmpeg crashed (${exit.signal}) on ${file}`, run.stderr());
  if (exit.code !== 0) {
    throw new VideoDecodeError('DECODE_FAILED', `ffmpeg failed on ${file} (exit ${exit.code ?? exit.signal})`, run.stderr());
  }
  if (partial) {
    throw new VideoDecodeError('DECODE_FAILED', `ffmpeg output ended inside a frame for ${file}`, run.stderr());
  }
  if (frames === 0) {
    // An empty hash list would look like "nothing to match" rather than "could not read".
    throw new VideoDecodeError('DECODE_FAILED', `no decodable video frames in ${file}`, run.stderr());
  }
  if (warnings.trim() !== '') opts.onDecodeWarning?.(warnings.trim());
}

/** Where the one-run decode's frames come from. */
interface FrameSource {
  /** The next complete frame, or null at the end of ffmpeg's output. Call it again only when done with the last. */
  next(): Promise<PpmFrame | null>;
  close(): void;
}

/**
 * Frames read by a socket straight into their buffer (readerSocketPair: no buffer per read, no copy); after each
 * frame the socket stops reading until the consumer asks for the next, so a reused buffer is never overwritten
 * while it is hashed, and ffmpeg waits (back-pressure) as it did on the pipe.
 */
class SocketFrames implements FrameSource {
  private ready: PpmFrame | null = null;
  private ended = false;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private socket: Socket | undefined;

  constructor(private readonly reader: PpmReader) {}

  readonly onread = {
    buffer: (): Uint8Array => this.reader.target(),
    callback: (n: number): boolean => {
      this.reader.wrote(n);
      try {
        this.ready = this.reader.take();
      } catch (err) {
        this.failure = err;
      }
      if (this.ready === null && this.failure === undefined) return true;
      this.wakeUp();
      return false; // stop reading: the frame's buffer is the consumer's until it asks for the next
    },
  };

  attach(socket: Socket): void {
    this.socket = socket;
    const done = (): void => {
      this.ended = true;
      this.wakeUp();
    };
    socket.on('end', done).on('close', done).on('error', (err) => {
      this.failure ??= err;
      this.wakeUp();
    });
    socket.resume();
  }

  async next(): Promise<PpmFrame | null> {
    for (;;) {
      if (this.ready) {
        const f = this.ready;
        this.ready = null;
        return f;
      }
      if (this.failure !== undefined) throw this.failure;
      // Bytes already read may hold another whole (small) frame.
      const buffered = this.reader.take();
      if (buffered) return buffered;
      if (this.ended) return null;
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      this.socket!.resume();
      await woken;
    }
  }

  close(): void {
    this.socket?.destroy();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** Frames from ffmpeg's stdout pipe (where no socket could be made), copied out of its 64 KiB chunks. */
function pipeFrames(stdout: Readable, reader: PpmReader): FrameSource {
  const chunks = stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let chunk: Buffer | undefined;
  let offset = 0;
  return {
    async next() {
      for (;;) {
        const f = reader.take();
        if (f) return f;
        if (!chunk || offset === chunk.length) {
          const r = await chunks.next();
          if (r.done) return null;
          chunk = r.value;
          offset = 0;
        }
        const target = reader.target();
        const n = Math.min(target.length, chunk.length - offset);
        chunk.copy(target, 0, offset, offset + n);
        offset += n;
        reader.wrote(n);
      }
    },
    close() {
      void chunks.return?.();
    },
  };
}

/** The selected frames from one ffmpeg run; the stream facts from its stderr (StreamHeaderReader). */
async function* oneRunFrames(file: string, opts: FrameReadOptions, remaining: () => number | undefined): AsyncGenerator<VideoFrame> {
  await assertRegularFile(file);
  const tools = findVideoTools();
  const header = new StreamHeaderReader(file);
  const secondsPerHash = opts.secondsPerHash ?? 1;
  const reader = new PpmReader(opts.reuseFrameBuffer === true);
  const args = (input: string): string[] => buildOneRunArgs(input, opts.size, tools.version, {
    threads: opts.decoderThreads,
    strict: opts.strict,
    secondsPerHash,
  });
  const runOptions = { timeoutMs: remaining(), signal: opts.signal, memoryBytes: opts.memoryBytes, onStderr: (text: string) => header.push(text) };
  const socketFrames = new SocketFrames(reader);
  const pair = await readerSocketPair(socketFrames.onread).catch(() => null);
  let run: FfmpegRun<Readable | null>;
  let source: FrameSource;
  if (pair) {
    socketFrames.attach(pair.ours);
    try {
      run = startFfmpegInto(tools.ffmpeg, file, args, pair.theirs, runOptions);
    } catch (err) {
      socketFrames.close();
      throw err;
    }
    source = socketFrames;
  } else {
    const piped = startFfmpeg(tools.ffmpeg, file, args, runOptions);
    run = piped;
    source = pipeFrames(piped.child.stdout, reader);
  }
  run.child.stderr.once('end', () => header.end());
  let facts: Extract<StreamHeader, { ok: true }> | undefined;
  let fps = 0;
  let step = 1;
  let index = 0;
  // The summary is written to stderr before the first frame; its lines may reach us a little later.
  const readFacts = async (): Promise<Extract<StreamHeader, { ok: true }>> => {
    const got = await header.done;
    if (got.ok) return got;
    if (got.startOver) throw new StartOver('two_runs');
    throw got.error;
  };
  try {
    for (;;) {
      let frame: PpmFrame | null;
      try {
        frame = await source.next();
      } catch (err) {
        if (!(err instanceof PpmFormatError)) throw err;
        if (!facts) await readFacts();
        throw new VideoDecodeError('DECODE_FAILED', `unexpected ffmpeg output for ${file}`, run.stderr());
      }
      if (!frame) break;
      if (!facts) {
        facts = await readFacts();
        if (secondsPerHash > 0) {
          // ffmpeg chose the frames by the graph's input rate: right only when that is the reference's rate.
          if (facts.fps === undefined) throw new StartOver('two_runs');
          fps = facts.fps;
          step = frameStep(secondsPerHash, fps);
        } else {
          fps = facts.fps ?? (await probeVideo(file, { timeoutMs: remaining(), signal: opts.signal, memoryBytes: opts.memoryBytes })).fps;
        }
      }
      // Buffered frames may still be in the pipe after a kill; stop at once instead.
      if (opts.signal?.aborted) throw new VideoDecodeError('ABORTED', 'video decoding aborted');
      const at = index++ * step;
      yield { index: at, timestamp: frameTimestamp(at, fps), width: frame.width, height: frame.height, pixels: frame.pixels };
    }
    if (!facts) {
      // No frame at all: the summary says why (not media, no video stream...), else the exit does.
      const end = await header.done;
      const exit = await run.exited;
      throwIfUnfinished(exit, run.stderr(), tools.ffmpeg);
      if (exit.code !== 0 && /Unrecognized option '?fps_mode/.test(run.stderr())) throw new StartOver('fps_mode');
      if (!end.ok) {
        if (end.startOver) throw new StartOver('two_runs');
        // Nothing tagged with a log level: not ffmpeg talking. `ffmpeg -version` (skipped at start for speed)
        // now says whether the binary works, rather than calling every file "not media".
        if (!/^\[/m.test(run.stderr())) resolveVideoTools();
        if (/Cannot allocate memory|out of memory/i.test(run.stderr())) {
          throw new VideoDecodeError('MEMORY_LIMIT', `ffmpeg ran out of its memory limit on ${file}`, run.stderr());
        }
        if (exit.signal) throw new VideoDecodeError('DECODER_CRASHED', `ffmpeg crashed (${exit.signal}) on ${file}`, run.stderr());
        throw end.error;
      }
    }
    await checkDecodeEnd(run, tools.ffmpeg, file, reader.partial(), index, header.errors(), opts);
  } finally {
    source.close();
    run.kill();
  }
}

export { probeVideo };
export type { VideoStreamInfo };
