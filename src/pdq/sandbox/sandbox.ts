// Seized files are hostile: every decoder of their content (ffmpeg, ffprobe, libvips through sharp) runs as
// a child process with resource limits, a minimal environment (no database URL, no keys), and, where the
// machine has one, inside Debian's bubblewrap: no network (only lo), no other process visible, no
// capabilities, an unprivileged user, read-only system folders, the one evidence file read-only, and no
// write access anywhere but a private tmpfs.
//
// AMAAN_SANDBOX=auto (default) uses bwrap when it is installed and actually runs here (it can fail inside
// some containers), else goes on without it (isolationReport() says so; loudly in production);
// AMAAN_SANDBOX=bwrap refuses to decode without it; AMAAN_SANDBOX=none never uses it (limits only).
// "bwrap runs here, unprivileged" is remembered between processes (probe-cache.ts): a wrong remembered answer
// makes the decode fail (SANDBOX_UNAVAILABLE), never run without the sandbox.
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, readlinkSync } from 'node:fs';
import { findExecutable } from './which.ts';
import { forgetProbeCache, probeCacheKey, readProbeCache, writeProbeCache } from './probe-cache.ts';

export type SandboxSetting = 'auto' | 'bwrap' | 'none';

export interface Isolation {
  /** What decoders run in. */
  sandbox: 'bwrap' | 'none';
  setting: SandboxSetting;
  bwrap: string | null;
  /** bwrap runs them as the unprivileged user 65534 (needs user namespaces). */
  unprivileged: boolean;
  /** Why there is no sandbox, when there is none. */
  reason?: string;
}

export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

export function sandboxSetting(env: NodeJS.ProcessEnv = process.env): SandboxSetting {
  const v = (env.AMAAN_SANDBOX ?? '').trim() || 'auto';
  if (v === 'auto' || v === 'bwrap' || v === 'none') return v;
  throw new SandboxUnavailableError(`AMAAN_SANDBOX must be auto, bwrap or none, got "${v}"`);
}

// Read-only system folders (binaries, shared libraries); on merged-/usr systems /bin, /lib... are links.
const SYSTEM_PATHS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
// The dynamic linker's cache and Debian's alternatives links (some libraries resolve through them).
const SYSTEM_ETC = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives'];
const NOBODY = '65534';

function systemBinds(): string[] {
  const args: string[] = [];
  for (const p of [...SYSTEM_PATHS, ...SYSTEM_ETC]) {
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(p), p);
    else args.push('--ro-bind', p, p);
  }
  return args;
}

/** The fixed part of every bwrap command line (before the binds of one run). */
function bwrapBase(unprivileged: boolean): string[] {
  return [
    '--unshare-all', // user (where possible), ipc, pid, net (a new namespace with only lo), uts, cgroup
    ...(unprivileged ? ['--unshare-user', '--uid', NOBODY, '--gid', NOBODY] : []),
    '--die-with-parent', // killed when the Node process (or its wrapper) dies
    '--new-session', // no TIOCSTI into a terminal
    '--cap-drop', 'ALL',
    ...systemBinds(),
    '--proc', '/proc',
    '--dev', '/dev',
    '--tmpfs', '/tmp',
    '--chdir', '/tmp',
  ];
}

let cached: { key: string; isolation: Isolation } | undefined;

/**
 * What decoders run in on this machine, decided once per process (per AMAAN_SANDBOX value): bwrap is
 * tried for real (a sandboxed `true`), first with an unprivileged user, then without one.
 * Throws SandboxUnavailableError when AMAAN_SANDBOX=bwrap and bwrap cannot run.
 */
export function decoderIsolation(env: NodeJS.ProcessEnv = process.env): Isolation {
  const setting = sandboxSetting(env);
  const key = `${setting}\0${env.PATH ?? ''}`;
  if (cached?.key !== key) cached = { key, isolation: fromProbeCache(setting, env) ?? remember(detect(setting, env), env) };
  const iso = cached.isolation;
  if (setting === 'bwrap' && iso.sandbox !== 'bwrap') {
    throw new SandboxUnavailableError(`AMAAN_SANDBOX=bwrap but the bubblewrap sandbox cannot run here: ${iso.reason}`);
  }
  return iso;
}

type TryRun = { status: number | null; signal?: NodeJS.Signals | null; error?: Error; stderr?: string };

/** The detection, step by step: each yield is a sandboxed `true` to try, answered with how it ran. */
function* detectSteps(setting: SandboxSetting, env: NodeJS.ProcessEnv): Generator<{ bwrap: string; args: string[] }, Isolation, TryRun> {
  if (setting === 'none') return { sandbox: 'none', setting, bwrap: null, unprivileged: false, reason: 'AMAAN_SANDBOX=none' };
  const bwrap = findExecutable('bwrap', env.PATH);
  if (!bwrap) return { sandbox: 'none', setting, bwrap: null, unprivileged: false, reason: 'bwrap (Debian package bubblewrap) is not installed' };
  const yes = findExecutable('true', env.PATH) ?? '/bin/true';
  let lastError = '';
  for (const unprivileged of [true, false]) {
    const r = yield { bwrap, args: [...bwrapBase(unprivileged), '--', yes] };
    if (r.status === 0) return { sandbox: 'bwrap', setting, bwrap, unprivileged };
    lastError = (r.error?.message ?? r.stderr?.trim()) || `exit ${r.status ?? r.signal}`;
  }
  return { sandbox: 'none', setting, bwrap, unprivileged: false, reason: `bwrap does not run here (${lastError})` };
}

/**
 * The answer a previous process stored (probe-cache.ts), when it is for this very bwrap, `true`, kernel and user:
 * only "bwrap runs with the unprivileged user" is ever stored, so a stored answer can only send decoders INTO the
 * strongest sandbox. Should it be wrong (the machine changed in a way the key does not see), the decoder's bwrap
 * fails to start, that run fails (SANDBOX_UNAVAILABLE: fail closed, never a run without the sandbox) and the
 * stored answer is forgotten (forgetSandboxAnswer), so the next process probes again (this one keeps failing closed).
 */
function fromProbeCache(setting: SandboxSetting, env: NodeJS.ProcessEnv): Isolation | null {
  if (setting === 'none') return null;
  const bwrap = findExecutable('bwrap', env.PATH);
  if (!bwrap) return null;
  const cacheKey = probeCacheKey(bwrap, findExecutable('true', env.PATH) ?? '/bin/true', bwrapBase(true));
  if (cacheKey === null || !readProbeCache(env, cacheKey)) return null;
  return { sandbox: 'bwrap', setting, bwrap, unprivileged: true };
}

/** Stores an unprivileged-bwrap answer for the next process; any other answer is probed again every time. */
function remember(iso: Isolation, env: NodeJS.ProcessEnv): Isolation {
  if (iso.sandbox === 'bwrap' && iso.unprivileged && iso.bwrap) {
    const cacheKey = probeCacheKey(iso.bwrap, findExecutable('true', env.PATH) ?? '/bin/true', bwrapBase(true));
    if (cacheKey !== null) writeProbeCache(env, cacheKey);
  }
  return iso;
}

/**
 * A sandboxed decoder's bwrap failed to set up (it printed "bwrap: ..." and ran nothing): the stored answer is
 * deleted, so the next process probes again. This process keeps its answer: its later decodes fail the same way
 * (fail closed) rather than re-probing and, under auto, going on without the sandbox in the middle of a run.
 */
export function forgetSandboxAnswer(env: NodeJS.ProcessEnv = process.env): void {
  forgetProbeCache(env);
}

/** bwrap's own failure (exit 1 and a line starting "bwrap: ": it never started the command), or null. */
export function bwrapSetupFailure(code: number | null, stderr: string): string | null {
  if (code !== 1) return null;
  const m = /^bwrap: .*$/m.exec(stderr);
  return m ? m[0] : null;
}

function detect(setting: SandboxSetting, env: NodeJS.ProcessEnv): Isolation {
  const steps = detectSteps(setting, env);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    const r = spawnSync(step.value.bwrap, step.value.args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000, env: {} });
    step = steps.next({ status: r.status, signal: r.signal, error: r.error, stderr: r.stderr?.toString() });
  }
}

function runAsync(file: string, args: string[]): Promise<TryRun> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000, env: {} });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) => resolve({ status: null, error }));
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

/**
 * decoderIsolation() without blocking the thread: the CLI runs it beside the database's opening (issue 14, the
 * fixed cost of ingest), then decoderIsolation() answers from the same cache. Never throws: the synchronous
 * call reports what is wrong, as before.
 */
export async function primeDecoderIsolation(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let setting: SandboxSetting;
  try {
    setting = sandboxSetting(env);
  } catch {
    return; // a bad AMAAN_SANDBOX: decoderIsolation() says so
  }
  const key = `${setting}\0${env.PATH ?? ''}`;
  if (cached?.key === key) return;
  // Two callers at once (the CLI's start-up report and the hash pool) share one detection.
  if (priming?.key !== key) {
    const run = async () => {
      const stored = fromProbeCache(setting, env);
      if (stored) {
        cached = { key, isolation: stored };
        return;
      }
      const steps = detectSteps(setting, env);
      let step = steps.next();
      while (!step.done) step = steps.next(await runAsync(step.value.bwrap, step.value.args));
      cached = { key, isolation: remember(step.value, env) };
    };
    priming = { key, done: run() };
  }
  await priming.done;
}

let priming: { key: string; done: Promise<void> } | undefined;

/** What decoderIsolation() decided in this thread, as plain data (for the ingest's worker threads), or null. */
export function knownDecoderIsolation(): { key: string; isolation: Isolation } | null {
  return cached ? { key: cached.key, isolation: { ...cached.isolation } } : null;
}

/**
 * Takes what another thread of this process decided (knownDecoderIsolation()), so a worker thread does not run
 * the sandboxed `true` again (a blocking spawnSync of bwrap at its first picture).
 */
export function adoptDecoderIsolation(known: { key: string; isolation: Isolation } | null): void {
  if (known && !cached) cached = known;
}

/** One line for the server log or the CLI: what decoders run in, and how worried to be about it. */
export function isolationReport(production: boolean, env: NodeJS.ProcessEnv = process.env): { level: 'info' | 'warn' | 'error'; message: string } {
  let iso: Isolation;
  try {
    iso = decoderIsolation(env);
  } catch (err) {
    return { level: 'error', message: `${(err as Error).message}: media decoding will be refused` };
  }
  if (iso.sandbox === 'bwrap') {
    return { level: 'info', message: `media decoders run in the bubblewrap sandbox (${iso.bwrap}${iso.unprivileged ? ', unprivileged user' : ''}), with memory and time limits` };
  }
  const message = `media decoders run WITHOUT a sandbox (${iso.reason}); only memory and time limits apply` +
    (iso.setting === 'auto' ? ': install bubblewrap, or set AMAAN_SANDBOX=none to accept this' : '');
  return { level: production && iso.setting === 'auto' ? 'error' : 'warn', message };
}

export interface JailOptions {
  /** Host files the command may read, each bound read-only at `dest` inside the sandbox. */
  binds?: Array<{ source: string; dest: string }>;
  /** RLIMIT_AS (address space), for native decoders such as ffmpeg. */
  addressSpaceBytes?: number;
  /**
   * RLIMIT_DATA (heap, malloc'd and other private writable memory), for Node: V8 reserves gigabytes of
   * address space it never touches, which RLIMIT_AS would count, while what a decompression bomb grows
   * (pixel buffers) is data.
   */
  dataBytes?: number;
  /** RLIMIT_FSIZE 0: writing to any file kills the process (a decoder writes only to its pipes). */
  noFileWrites?: boolean;
  /** Working folder inside (default /tmp in the sandbox, unchanged without one). */
  cwd?: string;
  /** The environment, which replaces (never extends) the parent's: no secrets reach a decoder. */
  env?: Record<string, string>;
}

export interface JailedCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  sandbox: 'bwrap' | 'none';
}

/** Where a bound host file is seen by the command (its `dest` in the sandbox, its own path without). */
export function insidePath(iso: Isolation, bind: { source: string; dest: string }): string {
  return iso.sandbox === 'bwrap' ? bind.dest : bind.source;
}

/**
 * The command line that runs `cmd args` under the limits, in the sandbox when there is one. Spawn it with
 * `detached: true` and stop it with killProcessGroup(): that kills the limits wrapper's group, and bwrap
 * (--die-with-parent, its own PID namespace) takes everything inside down with it.
 */
export function jailCommand(iso: Isolation, cmd: string, args: string[], opts: JailOptions = {}): JailedCommand {
  const env = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: '/tmp', TMPDIR: '/tmp', ...opts.env };
  const limits = ['ulimit -c 0 || exit 125'];
  // ulimit takes KiB; a failure (limit above the hard limit) stops the run rather than going on unlimited.
  if (opts.addressSpaceBytes) limits.push(`ulimit -v ${Math.ceil(opts.addressSpaceBytes / 1024)} || exit 125`);
  if (opts.dataBytes) limits.push(`ulimit -d ${Math.ceil(opts.dataBytes / 1024)} || exit 125`);
  if (opts.noFileWrites) limits.push('ulimit -f 0 || exit 125');
  const sh = findExecutable('sh', '/bin:/usr/bin') ?? '/bin/sh';
  const wrap = (inner: string[]): string[] => ['-c', `${limits.join('; ')}; exec "$@"`, 'amaan-decoder', ...inner];
  if (iso.sandbox !== 'bwrap') return { file: sh, args: wrap([cmd, ...args]), env, cwd: opts.cwd, sandbox: 'none' };
  const bwrap: string[] = [...bwrapBase(iso.unprivileged)];
  for (const b of opts.binds ?? []) bwrap.push('--ro-bind', b.source, b.dest);
  if (opts.cwd) bwrap.push('--chdir', opts.cwd);
  bwrap.push('--clearenv');
  for (const [k, v] of Object.entries(env)) bwrap.push('--setenv', k, v);
  return { file: sh, args: wrap([iso.bwrap!, ...bwrap, '--', cmd, ...args]), env, sandbox: 'bwrap' };
}

/** SIGKILL to the whole process group of a child spawned with `detached: true`. */
export function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Forget the detected isolation (tests that change AMAAN_SANDBOX or PATH get a fresh look anyway). */
export function resetDecoderIsolation(): void {
  cached = undefined;
}
