// `amaan vpdq FILE...`: vPDQ hashes of videos, one line per hashed frame. With one file and
// --format text the output is exactly the reference vpdq-hash-video file format.
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { CliError } from '../cli-usage-error.ts';
import { formatFixed } from '../../pdq/vpdq/fixed-decimal.ts';
import { formatVpdqLine, hashVideoFile, VideoDecodeError, type VpdqFeature } from '../../pdq/vpdq/vpdq.ts';
import { findVideoTools } from '../../pdq/vpdq/ffmpeg-path.ts';
import { decoderIsolation, SandboxUnavailableError } from '../../pdq/sandbox/sandbox.ts';

/** Exit code when video hashing is unavailable on this machine (no ffmpeg, or a required sandbox missing). */
export const VIDEO_UNAVAILABLE_EXIT = 3;

export interface VpdqCliOptions {
  secondsPerHash: string;
  format: string;
  size?: string;
  strict?: boolean;
}

const FORMATS = ['jsonl', 'text'];

export function register(program: Command): void {
  program
    .command('vpdq')
    .description('compute vPDQ (video PDQ) hashes of video files')
    .argument('<file...>', 'video files')
    .option('-r, --seconds-per-hash <n>', 'seconds between hashed frames; 0 = every frame', '1')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'jsonl')
    .option('-s, --size <n>', 'scale frames to N x N before hashing (reference -s); default: native size')
    .option('--strict', 'fail on any decoding error instead of hashing the frames that decode')
    .addHelpText(
      'after',
      '\nOutput: jsonl: one {"file","frame","quality","hash","timestamp"} per hashed frame; a file that\n' +
        'cannot be hashed gives {"file","error":{"code","message"}}. text: FRAME,QUALITY,HASH,TIMESTAMP\n' +
        '(the reference format); with several files each block starts with "# FILE".\n' +
        'Exit code 2 if any file failed; exit code 3 when video hashing is unavailable (no ffmpeg: install\n' +
        "Debian's ffmpeg, or name one with AMAAN_FFMPEG / AMAAN_FFPROBE). ffmpeg runs in the decoder sandbox (AMAAN_SANDBOX).\n",
    )
    .action(async (files: string[], opts: VpdqCliOptions) => {
      await runVpdq(files, opts, process.stdout, process.stderr);
    });
}

function parseOptions(opts: VpdqCliOptions): { secondsPerHash: number; size?: number; text: boolean } {
  const sph = Number(opts.secondsPerHash);
  if (opts.secondsPerHash.trim() === '' || !Number.isFinite(sph) || sph < 0) {
    throw new CliError(`--seconds-per-hash must be a number >= 0, got ${JSON.stringify(opts.secondsPerHash)}`);
  }
  if (!FORMATS.includes(opts.format)) {
    throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}`);
  }
  let size: number | undefined;
  if (opts.size !== undefined) {
    size = Number(opts.size);
    if (!/^\d+$/.test(opts.size) || size < 5 || size > 16384) {
      throw new CliError(`--size must be an integer from 5 to 16384, got ${JSON.stringify(opts.size)}`);
    }
  }
  return { secondsPerHash: sph, size, text: opts.format === 'text' };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/**
 * Output lines gathered and written in blocks: one write of up to 16 KiB, or whatever came within 100 ms, instead
 * of one write (a system call to a pipe or file) and one promise per hashed frame. Long videos still stream out.
 */
class LineBatcher {
  private text = '';
  private timer: NodeJS.Timeout | undefined;
  private written: Promise<void> = Promise.resolve();

  constructor(private readonly out: Writable) {}

  add(line: string): void {
    this.text += line;
    if (this.text.length >= 16 * 1024) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), 100);
  }

  /** Writes what is gathered; resolves when everything added so far has been handed to the stream. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.text) {
      const text = this.text;
      this.text = '';
      this.written = this.written.then(() => write(this.out, text));
    }
    return this.written;
  }
}

function jsonLine(file: string, f: VpdqFeature): string {
  // Timestamps are float32 quotients; print them with the reference's 3 decimals.
  const timestamp = Number(formatFixed(f.timestamp, 3));
  return `${JSON.stringify({ file, frame: f.frame, quality: f.quality, hash: f.hash, timestamp })}\n`;
}

export async function runVpdq(files: string[], opts: VpdqCliOptions, out: Writable, err: Writable): Promise<void> {
  const { secondsPerHash, size, text } = parseOptions(opts);
  // Before any file: without ffmpeg (or without the sandbox AMAAN_SANDBOX=bwrap demands) nothing can be
  // hashed, and saying so once beats one failure per file.
  try {
    findVideoTools(); // not `ffmpeg -version` (50 ms): a broken ffmpeg shows in the first file's error
    decoderIsolation();
  } catch (e) {
    if (e instanceof VideoDecodeError || e instanceof SandboxUnavailableError) throw new CliError(e.message, VIDEO_UNAVAILABLE_EXIT);
    throw e;
  }
  // The progress bar's package is loaded only for a terminal: scripts and benches skip its start-up cost.
  const bar =
    (err as Partial<NodeJS.WriteStream>).isTTY === true
      ? new (await import('cli-progress')).default.SingleBar({ format: 'vpdq [{bar}] {value}/{total} files | {frames} frames', clearOnComplete: true, stream: err })
      : null;
  bar?.start(files.length, 0, { frames: 0 });
  let frames = 0;
  const failures: string[] = [];
  // Lines are written as frames are hashed (not at the end), so long videos stream out.
  const lines = new LineBatcher(out);
  for (const [i, file] of files.entries()) {
    if (text && files.length > 1) lines.add(`# ${file}\n`);
    try {
      await hashVideoFile(file, {
        secondsPerHash,
        size,
        strict: opts.strict,
        onFrame: (f) => {
          lines.add(text ? `${formatVpdqLine(f)}\n` : jsonLine(file, f));
          bar?.update(i, { frames: ++frames });
        },
        onDecodeWarning: () => {
          err.write(`amaan: warning: ${file}: decoding errors; only the decodable frames were hashed\n`);
        },
      });
      await lines.flush();
    } catch (e) {
      await lines.flush();
      if (!(e instanceof VideoDecodeError)) throw e;
      // VideoDecodeError messages already name the file.
      failures.push(`${e.message} (${e.code})`);
      if (!text) lines.add(`${JSON.stringify({ file, error: { code: e.code, message: e.message } })}\n`);
      await lines.flush();
      // With several files, report each failure as it happens and carry on with the rest.
      if (files.length > 1) err.write(`amaan: ${failures[failures.length - 1]}\n`);
    }
    bar?.update(i + 1);
  }
  bar?.stop();
  if (failures.length > 0) {
    throw new CliError(files.length === 1 ? failures[0] : `${failures.length} of ${files.length} files could not be hashed`);
  }
}
