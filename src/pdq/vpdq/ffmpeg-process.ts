// One ffmpeg child process with the lifecycle rules every caller needs: no shell, stdin closed,
// stderr kept (bounded), killed on timeout or abort, and a single promise for "it is over".
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export type StopReason = 'TIMEOUT' | 'ABORTED';

export interface FfmpegExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the binary could not be started at all (ENOENT, EACCES). */
  spawnError?: Error;
  /** Set when we killed the process ourselves. */
  stoppedBy?: StopReason;
}

export interface FfmpegRun {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves after the process exited and its pipes closed. Never rejects. */
  readonly exited: Promise<FfmpegExit>;
  /** The last `stderrLimit` bytes ffmpeg wrote to stderr. */
  stderr(): string;
  /** Kill now (idempotent); used when the consumer stops reading early. */
  kill(): void;
}

export interface FfmpegRunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How much stderr to keep; older output is dropped first. */
  stderrLimit?: number;
}

export function startFfmpeg(bin: string, args: string[], opts: FfmpegRunOptions = {}): FfmpegRun {
  const limit = opts.stderrLimit ?? 64 * 1024;
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
  let stderrText = '';
  let stoppedBy: StopReason | undefined;
  let spawnError: Error | undefined;

  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    stderrText += s;
    if (stderrText.length > limit) stderrText = stderrText.slice(stderrText.length - limit);
  });

  // SIGKILL rather than SIGTERM: ffmpeg treats SIGTERM as "finish gracefully", which can
  // take a while on a slow decode; callers asking to stop want the CPU back now.
  const stop = (reason: StopReason): void => {
    if (stoppedBy || child.exitCode !== null || child.signalCode !== null) return;
    stoppedBy = reason;
    child.kill('SIGKILL');
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
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ code, signal, spawnError, stoppedBy });
    }
  });

  return {
    child,
    exited,
    stderr: () => stderrText,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
