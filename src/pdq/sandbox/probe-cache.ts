// The sandbox probe's answer kept between processes (issue 14 §4, the fixed cost of `amaan vpdq`): trying bwrap
// for real (a sandboxed `true`) costs a bwrap process at every start, some 10-20 ms of CPU, for an answer that
// changes only when the machine does. The stored answer is one line of JSON in the user's cache folder
// ($AMAAN_SANDBOX_CACHE, else $XDG_CACHE_HOME/amaan or $HOME/.cache/amaan: sandbox-probe.json), keyed by what
// the answer depends on: the bwrap and `true` binaries (path, device, inode, size, times), the kernel release,
// the user and group ids, the kernel's user-namespace switches and the sandbox's command line (the system folders
// it binds). Only "bwrap runs, with the unprivileged user" is stored (sandbox.ts), never a failure nor the
// weaker privileged answer, so a stored answer can only ask for the strongest sandbox: if it is wrong, the
// decoder's bwrap fails and that run fails closed (sandbox.ts bwrapSetupFailure, ffmpeg-process.ts).
// A file or folder that is not the user's own, or writable by others, is ignored and never written.
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

/** Stored answers older than this are probed again anyway. */
export const PROBE_CACHE_MAX_AGE_MS = 24 * 3600 * 1000;
const FORMAT = 1;
// The kernel's switches for unprivileged user namespaces (Debian, upstream, Ubuntu's AppArmor restriction).
const USERNS_SWITCHES = [
  '/proc/sys/kernel/unprivileged_userns_clone',
  '/proc/sys/user/max_user_namespaces',
  '/proc/sys/kernel/apparmor_restrict_unprivileged_userns',
];

/** Where the answer is kept for this environment, or null (no home folder: nothing is kept). */
export function probeCachePath(env: NodeJS.ProcessEnv): string | null {
  const named = env.AMAAN_SANDBOX_CACHE?.trim();
  if (named) return isAbsolute(named) ? named : null;
  const xdg = env.XDG_CACHE_HOME?.trim();
  const base = xdg && isAbsolute(xdg) ? xdg : env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : null;
  return base ? join(base, 'amaan', 'sandbox-probe.json') : null;
}

function identity(path: string): string | null {
  try {
    const real = realpathSync(path);
    const st = statSync(real);
    return [real, st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs, st.mode, st.uid].join(':');
  } catch {
    return null;
  }
}

function readSwitch(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '-';
  }
}

/** The key of the probe's answer on this machine for these binaries and this command line; null when a binary cannot be examined. */
export function probeCacheKey(bwrap: string, trueBin: string, bwrapArgs: string[]): string | null {
  const b = identity(bwrap);
  const t = identity(trueBin);
  if (b === null || t === null) return null;
  return JSON.stringify([FORMAT, b, t, release(), process.getuid?.() ?? -1, process.getgid?.() ?? -1, USERNS_SWITCHES.map(readSwitch), bwrapArgs]);
}

/** Ours alone: a regular file or folder (not a link) owned by this user, not writable by group or others. */
function ownedAndPrivate(path: string, kind: 'file' | 'dir'): boolean {
  try {
    const st = lstatSync(path);
    if (kind === 'file' ? !st.isFile() : !st.isDirectory()) return false;
    const uid = process.getuid?.();
    return (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** True when the stored answer for `key` says bwrap runs with the unprivileged user (and is recent). */
export function readProbeCache(env: NodeJS.ProcessEnv, key: string, now = Date.now()): boolean {
  const file = probeCachePath(env);
  if (!file || !ownedAndPrivate(dirname(file), 'dir') || !ownedAndPrivate(file, 'file')) return false;
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; unprivileged?: unknown; at?: unknown };
    return stored.key === key && stored.unprivileged === true && typeof stored.at === 'number' && now - stored.at >= 0 && now - stored.at < PROBE_CACHE_MAX_AGE_MS;
  } catch {
    return false;
  }
}

/** Stores "bwrap runs unprivileged" for `key` (best effort: a folder that cannot be made or is not private is left alone). */
export function writeProbeCache(env: NodeJS.ProcessEnv, key: string, now = Date.now()): void {
  const file = probeCachePath(env);
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (!ownedAndPrivate(dirname(file), 'dir')) return;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ key, unprivileged: true, at: now })}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    // no cache: the next process probes again
  }
}

/** Removes the stored answer (a decoder's bwrap failed although it said bwrap runs). */
export function forgetProbeCache(env: NodeJS.ProcessEnv): void {
  const file = probeCachePath(env);
  if (!file) return;
  try {
    rmSync(file, { force: true });
  } catch {
    // nothing stored, or not ours to remove
  }
}
