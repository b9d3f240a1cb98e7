// One ffmpeg (or ffprobe) child process over one seized file, with the lifecycle rules every caller needs:
// no shell of ours around the arguments, stdin closed, stderr kept (bounded), a minimal environment, an
// address-space limit and no file writes, the bubblewrap sandbox where there is one (no network, the file
// bound read-only at /evidence/input.EXT), and on timeout or abort the whole process group killed.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { bwrapSetupFailure, decoderIsolation, forgetSandboxAnswer, insidePath, jailCommand, killProcessGroup, SandboxUnavailableError } from '../sandbox/sandbox.ts';
import { VideoDecodeError } from './errors.ts';

export type StopReason = 'TIMEOUT' | 'ABORTED';

export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
  /** Set when we killed the process ourselves. */
  stoppedBy?: StopReason;
  /** bwrap's message when the sandbox failed to set up (the tool never ran): the run fails, never retried without it. */
  sandboxFailure?: string;
}

export interface FfmpegRun<Out extends Readable | null = Readable> {
  /** stdout is null when the run writes into a socket of the caller's (startFfmpegInto). */
  readonly child: ChildProcessByStdio<null, Out, Readable>;
  /** Resolves after the process exited and its pipes closed. Never rejects. */
  readonly exited: Promise<FfmpegExit>;
  /** The last `stderrLimit` bytes ffmpeg wrote to stderr. */
  stderr(): string;
  /** Kill now (idempotent); used when the consumer stops reading early. */
  kill(): void;
}

/** Default address-space limit of one ffmpeg run: room for 8K frames in flight, not for a bomb. */
export const FFMPEG_MEMORY_BYTES = 4 * 1024 ** 3;

export interface FfmpegRunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How much stderr to keep; older output is dropped first. */
  stderrLimit?: number;
  /** RLIMIT_AS of the run (default FFMPEG_MEMORY_BYTES). */
  memoryBytes?: number;
  /** Sees every piece of stderr as it arrives (the kept tail is bounded; this is not). */
  onStderr?: (text: string) => void;
}

/** Only local files and our pipes: no http, rtmp, ftp... whatever a playlist or a reference atom names. */
export const PROTOCOLS = ['-protocol_whitelist', 'file,pipe'];

/**
 * Starts `bin` on `file`: `args(input)` builds the command line from the path under which the tool sees
 * the file (inside the sandbox: /evidence/input plus the file's extension, which ffmpeg's format probe
 * weighs). Throws VideoDecodeError('SANDBOX_UNAVAILABLE') when AMAAN_SANDBOX=bwrap cannot be honoured.
 */
export function startFfmpeg(bin: string, file: string, args: (input: string) => string[], opts: FfmpegRunOptions = {}): FfmpegRun {
  return launch(bin, file, args, opts, 'pipe') as FfmpegRun;
}

/**
 * startFfmpeg with ffmpeg's stdout the caller's socket (`theirs` of readerSocketPair(), closed here once ffmpeg
 * has its copy): the caller reads the other end.
 */
export function startFfmpegInto(bin: string, file: string, args: (input: string) => string[], stdout: Socket, opts: FfmpegRunOptions = {}): FfmpegRun<null> {
  try {
    return launch(bin, file, args, opts, stdout) as FfmpegRun<null>;
  } finally {
    stdout.destroy();
  }
}

/**
 * A connected pair of Unix stream sockets (the kind Node makes for a child's stdio), made through a listening
 * socket in a private folder (mode 0700) removed at once. `ours` reads with net.Socket's `onread`: every read goes
 * into the memory `onread.buffer()` gives (no fresh 64 KiB buffer per read, no copy); `theirs` is for
 * startFfmpegInto. Rejects when no socket can be made here (the caller then reads a plain pipe).
 */
export async function readerSocketPair(onread: { buffer: () => Uint8Array; callback: (n: number, buf: Uint8Array) => boolean }): Promise<{ ours: Socket; theirs: Socket }> {
  const dir = await mkdtemp(join(tmpdir(), 'amaan-frames-'));
  const server = createServer();
  try {
    const path = join(dir, 's');
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const ours = connect({ path, onread });
    await new Promise<void>((resolve, reject) => {
      ours.once('connect', resolve);
      ours.once('error', reject);
    });
    return { ours, theirs: await accepted };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function launch(bin: string, file: string, args: (input: string) => string[], opts: FfmpegRunOptions, stdout: 'pipe' | Socket): FfmpegRun<Readable | null> {
  const limit = opts.stderrLimit ?? 64 * 1024;
  let iso;
  try {
    iso = decoderIsolation();
  } catch (err) {
    if (err instanceof SandboxUnavailableError) throw new VideoDecodeError('SANDBOX_UNAVAILABLE', err.message, '', { cause: err });
    throw err;
  }
  const ext = extname(file).toLowerCase();
  const bind = { source: file, dest: `/evidence/input${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}` };
  // A binary outside the system folders (AMAAN_FFMPEG=/opt/...) is bound read-only with its folder.
  const binDir = dirname(bin);
  const own = /^\/(usr|bin|sbin|lib)(\/|$)/.test(binDir) ? [] : [{ source: binDir, dest: binDir }];
  const jailed = jailCommand(iso, bin, args(insidePath(iso, bind)), {
    binds: [...own, bind],
    addressSpaceBytes: opts.memoryBytes ?? FFMPEG_MEMORY_BYTES,
    noFileWrites: true,
    // glibc keeps a 64 MiB arena per thread otherwise, which counts against the address-space limit.
    env: { MALLOC_ARENA_MAX: '2' },
  });
  const child = spawn(jailed.file, jailed.args, { stdio: ['ignore', stdout, 'pipe'], shell: false, env: jailed.env, cwd: jailed.cwd, detached: true }) as ChildProcessByStdio<null, Readable | null, Readable>;
  let stderrText = '';
  let stoppedBy: StopReason | undefined;
  let spawnError: Error | undefined;
  let finished = false;

  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    opts.onStderr?.(s);
    stderrText += s;
    if (stderrText.length > limit) stderrText = stderrText.slice(stderrText.length - limit);
  });

  // SIGKILL to the process group rather than SIGTERM to ffmpeg: ffmpeg treats SIGTERM as "finish
  // gracefully", which can take a while on a slow (or hostile) decode; callers asking to stop want the
  // CPU back now, and the wrapper, bwrap and everything they started must go with it.
  const killAll = (): void => {
    if (!finished) killProcessGroup(child.pid);
  };
  const stop = (reason: StopReason): void => {
    if (stoppedBy || finished) return;
    stoppedBy = reason;
    killAll();
  };
  const timer =
    opts.timeoutMs !== undefined && opts.timeoutMs > 0
      ? setTimeout(() => stop('TIMEOUT'), opts.timeoutMs)
      : undefined;
  const onAbort = (): void => stop('ABORTED');
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const exited = new Promise<FfmpegExit>((resolve) => {
    child.once('error', (err) => {
      // 'error' without a later 'close' happens when spawn itself failed.
      spawnError = err;
      if (child.pid === undefined) finish(null, null);
    });
    child.once('close', (code, signal) => finish(code, signal));
    function finish(code: number | null, signal: NodeJS.Signals | null): void {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      // The limits wrapper runs the tool by exec, so 126/127 from it mean "could not start the tool".
      if (code === 126 || code === 127) spawnError ??= new Error(stderrText.trim().split('\n').pop() || `cannot execute ${bin}`);
      const sandboxFailure = jailed.sandbox === 'bwrap' && !stoppedBy ? bwrapSetupFailure(code, stderrText) ?? undefined : undefined;
      // Whatever said bwrap runs here was wrong (or is no longer right): the next process probes again.
      if (sandboxFailure) forgetSandboxAnswer();
      resolve({ code, signal, spawnError, stoppedBy, sandboxFailure });
    }
  });

  return { child, exited, stderr: () => stderrText, kill: killAll };
}
