// Which ffmpeg and ffprobe decode seized video: Debian's security-maintained packages (apt-get install
// ffmpeg), found on PATH, or the binaries AMAAN_FFMPEG / AMAAN_FFPROBE name (a path, or a name looked up on
// PATH). No ffmpeg is bundled: a static build stops receiving its parsers' security fixes the day it is
// built. Without ffmpeg, video hashing is unavailable and says so (VideoDecodeError FFMPEG_NOT_FOUND).
import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { findExecutable } from '../sandbox/which.ts';
import { VideoDecodeError } from './errors.ts';

export interface VideoTools {
  ffmpeg: string;
  /** Null when there is no ffprobe: streams are then read from `ffmpeg -i`'s summary. */
  ffprobe: string | null;
  /** ffmpeg release (major, minor) from `ffmpeg -version`; null for git builds. */
  version: [number, number] | null;
}

/** VideoTools before `ffmpeg -version` has run: the version is undefined when not read yet. */
export interface FoundVideoTools extends Omit<VideoTools, 'version'> {
  version: [number, number] | null | undefined;
}

/** What an operator is told when there is no ffmpeg. */
export const NO_FFMPEG_HINT = "install Debian's ffmpeg (apt-get install ffmpeg) or set AMAAN_FFMPEG to an ffmpeg binary";

let cached: { key: string; tools: VideoTools } | undefined;

/** The video tools of this machine, looked up once per AMAAN_FFMPEG / AMAAN_FFPROBE / PATH. */
export function resolveVideoTools(env: NodeJS.ProcessEnv = process.env): VideoTools {
  const key = [env.AMAAN_FFMPEG, env.AMAAN_FFPROBE, env.PATH].join('\0');
  if (cached?.key === key) return cached.tools;
  const found = findVideoTools(env);
  const tools: VideoTools = { ...found, version: found.version !== undefined ? found.version : readVersion(found.ffmpeg) };
  cached = { key, tools };
  return tools;
}

/**
 * The binaries only, without running `ffmpeg -version` (about 50 ms of CPU: Debian's ffmpeg loads some 200
 * libraries to start): the version is there when an earlier call or primeVideoTools() read it. For the vPDQ
 * path, whose one ffmpeg run finds out for itself whether it needs the pre-5.1 options (frames.ts).
 */
export function findVideoTools(env: NodeJS.ProcessEnv = process.env): FoundVideoTools {
  const key = [env.AMAAN_FFMPEG, env.AMAAN_FFPROBE, env.PATH].join('\0');
  if (cached?.key === key) return cached.tools;
  if (foundCache?.key === key) return { ...foundCache.tools, version: primed?.ffmpeg === foundCache.tools.ffmpeg ? primed.version : undefined };
  const named = env.AMAAN_FFMPEG?.trim();
  const ffmpeg = findExecutable(named || 'ffmpeg', env.PATH);
  if (!ffmpeg) {
    throw new VideoDecodeError(
      'FFMPEG_NOT_FOUND',
      named ? `video hashing unavailable: AMAAN_FFMPEG=${named} is not an executable file` : `video hashing unavailable: no ffmpeg on PATH (${NO_FFMPEG_HINT})`,
    );
  }
  const probeNamed = env.AMAAN_FFPROBE?.trim();
  let ffprobe: string | null;
  if (probeNamed) {
    ffprobe = findExecutable(probeNamed, env.PATH);
    if (!ffprobe) throw new VideoDecodeError('FFMPEG_NOT_FOUND', `video hashing unavailable: AMAAN_FFPROBE=${probeNamed} is not an executable file`);
  } else {
    // The ffprobe beside the chosen ffmpeg belongs with it; else the one on PATH.
    ffprobe = findExecutable(join(dirname(ffmpeg), 'ffprobe')) ?? (named ? null : findExecutable('ffprobe', env.PATH));
  }
  foundCache = { key, tools: { ffmpeg, ffprobe } };
  return { ffmpeg, ffprobe, version: primed?.ffmpeg === ffmpeg ? primed.version : undefined };
}

let foundCache: { key: string; tools: Omit<VideoTools, 'version'> } | undefined;

/** Our own trusted binary, no seized input: run directly, briefly. */
function readVersion(ffmpeg: string): [number, number] | null {
  if (primed?.ffmpeg === ffmpeg) return primed.version;
  const r = spawnSync(ffmpeg, ['-version'], { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/bin:/bin' } });
  if (r.error || r.status !== 0) {
    throw new VideoDecodeError('FFMPEG_NOT_FOUND', `video hashing unavailable: ${ffmpeg} does not run (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
  }
  return versionOf(r.stdout);
}

function versionOf(text: string): [number, number] | null {
  const m = /ffmpeg version n?(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** `ffmpeg -version` read ahead without blocking (primeVideoTools), for the binary it names. */
let primed: { ffmpeg: string; version: [number, number] | null } | undefined;

/**
 * Runs `ffmpeg -version` without blocking the thread (the CLI does it beside the database's opening: issue 14,
 * the fixed cost of ingest), so resolveVideoTools() then answers without waiting. Never throws: a missing or
 * broken ffmpeg is reported by resolveVideoTools() as before.
 */
export async function primeVideoTools(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const ffmpeg = findExecutable(env.AMAAN_FFMPEG?.trim() || 'ffmpeg', env.PATH);
  if (!ffmpeg || primed?.ffmpeg === ffmpeg) return;
  // Two callers at once (the CLI's start-up report and the hash pool) share one run.
  if (priming?.ffmpeg !== ffmpeg) {
    const run = async () => {
      const stdout = await new Promise<string | null>((resolve) => {
        execFile(ffmpeg, ['-version'], { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/bin:/bin' } }, (err, out) => resolve(err ? null : out));
      });
      if (stdout !== null) primed = { ffmpeg, version: versionOf(stdout) };
    };
    priming = { ffmpeg, done: run() };
  }
  await priming.done;
}

let priming: { ffmpeg: string; done: Promise<void> } | undefined;

/** What `ffmpeg -version` said in this thread, as plain data (for the ingest's worker threads), or null. */
export function knownFfmpegVersion(): { ffmpeg: string; version: [number, number] | null } | null {
  return primed ? { ffmpeg: primed.ffmpeg, version: primed.version } : null;
}

/** Takes what another thread of this process read (knownFfmpegVersion()): no blocking `ffmpeg -version` here. */
export function adoptFfmpegVersion(known: { ffmpeg: string; version: [number, number] | null } | null): void {
  if (known && !primed) primed = known;
}

/** Kept for callers that only need the ffmpeg binary. */
export async function resolveFfmpegPath(): Promise<string> {
  return resolveVideoTools().ffmpeg;
}
