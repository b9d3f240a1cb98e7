// vPDQ side by side with Meta's reference (issue 14 §4): an already built reference `vpdq-hash-video` (Meta's
// ThreatExchange vpdq/cpp), given by path, and `amaan vpdq` (the precompiled CLI, ffmpeg in the decoder sandbox as in
// production), on the same synthetic videos (ffmpeg's lavfi sources: testsrc, testsrc2, mandelbrot, smptehdbars; no
// real footage), every frame hashed (-r 0).
//
//   node --import tsx bench/vpdq-ref.bench.ts --ref PATH [--ref-commit SHA] [--runs 5] [--base DIR [--base-commit SHA]] [--videos 0,1] [--write-docs]
//   (or AMAAN_VPDQ_REF=PATH, AMAAN_VPDQ_REF_COMMIT=SHA)
//
// A bench only (not part of npm test). This bench does not obtain, extract or build the reference: it runs the
// binary it is given, and stops with a message when none is given. The figures in docs/benchmarks.md compared
// `vpdq-hash-video` of ThreatExchange commit baefb4ed67b6 (vpdq/cpp), a Release build linked against Debian 12's
// FFmpeg libraries (libavcodec 59.37.100). It needs ffmpeg (to make the videos) and a C compiler for its timer
// (else /usr/bin/time, which misses the sandboxed ffmpeg's CPU).
//
// Each round runs every contender once per video, in turn, each a fresh process under bench/native/cpu-time.c (CPU
// time of the process and of every process below it: Amaan's ffmpeg inside the sandbox included, see buildTimer):
//  * reference, 1 hashing thread (`-t 1`): decoding and PDQ on one core, the per-core figure;
//  * reference, default threads (`-t 0` = one per core);
//  * amaan vpdq: ffmpeg decodes and converts in its own process while Node hashes (two processes).
// Reported: frames per CPU second (per core) and per wall second, medians over rounds with min-max; the fixed
// cost of each (a one-frame video) and the per-frame rate without it. Then the hashes are compared frame by frame.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDocsSection } from './docs-section.ts';
import { buildCompiled } from '../scripts/cli-compiled.mjs';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Math.max(1, Number(arg('runs', '5')));
const REPO = new URL('../', import.meta.url).pathname;
const CACHE = join(REPO, 'node_modules', '.cache', 'vpdq-ref');
// --section names the docs heading (each session's run under its own heading).
const SECTION = arg('section', '## vPDQ side by side with the reference (issue 14)');

const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** What is missing to make the videos and time the runs, as words for people. */
function missingParts(): string[] {
  const missing: string[] = [];
  for (const [cmd, args] of [['ffmpeg', ['-version']], ['/usr/bin/time', ['true']]] as const) if (!has(cmd, [...args])) missing.push(cmd);
  return missing;
}

/** The reference binary given (--ref or AMAAN_VPDQ_REF), checked to be an executable file; stops otherwise. */
function givenReference(): { bin: string; commit: string } {
  const given = arg('ref', process.env.AMAAN_VPDQ_REF ?? '');
  if (!given) {
    console.error('vpdq-ref.bench: no reference binary given. Pass --ref PATH (or set AMAAN_VPDQ_REF) to an already built\n'
      + '`vpdq-hash-video` of Meta\'s ThreatExchange (vpdq/cpp); add --ref-commit SHA (or AMAAN_VPDQ_REF_COMMIT) to name its\n'
      + 'commit in the report. This bench does not obtain or build it.');
    process.exit(2);
  }
  const bin = resolve(given);
  try {
    if (!statSync(bin).isFile()) throw new Error('not a file');
    accessSync(bin, constants.X_OK);
  } catch {
    console.error(`vpdq-ref.bench: the reference binary ${bin} is not an executable file.`);
    process.exit(2);
  }
  return { bin, commit: arg('ref-commit', process.env.AMAAN_VPDQ_REF_COMMIT ?? '') || 'unknown (pass --ref-commit)' };
}

interface Video { name: string; file: string; source: string; size: string; fps: number; seconds: number }

/** Benign synthetic videos (ffmpeg's test sources), H.264 yuv420p as most seized video is; made once. */
function makeVideos(dir: string): Video[] {
  mkdirSync(dir, { recursive: true });
  const specs: Array<Omit<Video, 'file'>> = [
    { name: 'one frame (fixed cost)', source: 'testsrc2', size: '320x240', fps: 30, seconds: 1 / 30 },
    { name: 'testsrc2 320x240 10 s', source: 'testsrc2', size: '320x240', fps: 30, seconds: 10 },
    { name: 'mandelbrot 640x480 10 s', source: 'mandelbrot', size: '640x480', fps: 25, seconds: 10 },
    { name: 'testsrc2 640x360 60 s', source: 'testsrc2', size: '640x360', fps: 30, seconds: 60 },
    { name: 'testsrc 1280x720 10 s', source: 'testsrc', size: '1280x720', fps: 30, seconds: 10 },
    { name: 'smptehdbars+noise 1920x1080 5 s', source: 'smptehdbars', size: '1920x1080', fps: 24, seconds: 5 },
  ];
  return specs.map((s) => {
    const file = join(dir, `${s.source}-${s.size}-${s.fps}-${s.seconds.toFixed(3)}.mp4`);
    if (!existsSync(file)) {
      // Moving noise over the bars, so the frames differ (the bars alone are one still picture).
      const vf = s.source === 'smptehdbars' ? ['-vf', 'noise=alls=30:allf=t'] : [];
      execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `${s.source}=size=${s.size}:rate=${s.fps}`, '-t', String(s.seconds),
        ...vf, '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', String(s.fps * 2), '-an', `${file}.tmp.mp4`]);
      execFileSync('mv', [`${file}.tmp.mp4`, file]);
    }
    return { ...s, file };
  });
}

interface Run { wall: number; cpu: number }

/**
 * The timer: bench/native/cpu-time.c (built here with cc), which counts the CPU of EVERY process below the command.
 * /usr/bin/time counts only the processes its child waited for, and bubblewrap (the decoder sandbox) leaves the
 * init process of its PID namespace to be reaped by the system: a sandboxed ffmpeg then counts as 0 s of CPU. The
 * figures of earlier sections (before session 9) were taken that way and left out ffmpeg's CPU from Amaan's.
 * Without a compiler the bench falls back to /usr/bin/time and says so in the report.
 */
function buildTimer(): { bin: string; how: string } | null {
  const src = join(REPO, 'bench/native/cpu-time.c');
  const bin = join(CACHE, 'cpu-time');
  for (const cc of ['cc', 'gcc', 'clang']) {
    const r = spawnSync(cc, ['-O2', '-o', bin, src], { encoding: 'utf8' });
    if (r.status === 0) return { bin, how: `bench/native/cpu-time.c (\`${cc} -O2\`): CPU of the command and every process below it, orphans included (a child subreaper)` };
  }
  return null;
}

/** One fresh process, timed: wall seconds and user+system CPU seconds of it and the processes below it. */
function timed(cmd: string, args: string[], outFile: string | null, env: Record<string, string> = {}): Run {
  const tf = join(tmpdir(), `vpdq-ref-time-${process.pid}.txt`);
  const argv = timer ? [timer.bin, [tf, cmd, ...args]] as const : ['/usr/bin/time', ['-f', '%e %U %S', '-o', tf, cmd, ...args]] as const;
  const r = spawnSync(argv[0], [...argv[1]], {
    stdio: ['ignore', outFile ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 512 << 20,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr?.toString().slice(-800)}`);
  if (outFile) writeFileSync(outFile, r.stdout);
  const [wall, user, sys] = readFileSync(tf, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  rmSync(tf, { force: true });
  return { wall, cpu: user + sys };
}

interface Feature { frame: number; quality: number; hash: string; timestamp: string }
const parse = (text: string): Feature[] => text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => {
  const [frame, quality, hash, timestamp] = l.split(',');
  return { frame: Number(frame), quality: Number(quality), hash: hash!, timestamp: timestamp! };
});
function hamming(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) { x &= x - 1; d++; }
  }
  return d;
}

const ref = givenReference();
const missing = missingParts();
if (missing.length) {
  console.error(`vpdq-ref.bench: missing ${missing.join(', ')} (needed to make the test videos and time the runs).`);
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
const timer = buildTimer();
if (!timer) console.warn('no C compiler: timing with /usr/bin/time, which does NOT count the CPU of a sandboxed ffmpeg');
const built = await buildCompiled();
if (!built) console.warn('the CLI could not be precompiled: amaan runs through tsx (slower start)');
// A private copy (packages still resolve from the repository's node_modules): a later build, started when a source
// changes, deletes the earlier build folders.
const compiled = built ? join(CACHE, `cli-${process.pid}`) : null;
if (built && compiled) cpSync(built, compiled, { recursive: true });
// --base DIR: another checkout of Amaan (e.g. main, with its node_modules and its CLI precompiled: `node
// scripts/cli-compiled.mjs --build` there), run as one more contender in the same rounds: old code against new.
const baseDir = arg('base', '');
let baseCli: string | null = null;
if (baseDir) {
  const { compiledDir } = (await import(pathToFileURL(join(resolve(baseDir), 'scripts/cli-compiled.mjs')).href)) as { compiledDir: () => string | null };
  baseCli = compiledDir();
  if (!baseCli) {
    console.error(`vpdq-ref.bench: --base ${baseDir} has no precompiled CLI for its sources (run \`node scripts/cli-compiled.mjs --build\` there).`);
    process.exit(2);
  }
}
const baseCommit = arg('base-commit', '') || (baseDir ? spawnSync('git', ['-C', baseDir, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown' : '');
const ownCommit = spawnSync('git', ['-C', REPO, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
// --videos 1,2: only these of the list besides the one-frame video (0, always run: the fixed cost is taken from it).
const only = arg('videos', '').split(',').filter(Boolean).map(Number);
const videos = makeVideos(join(CACHE, 'videos')).filter((_, i) => only.length === 0 || i === 0 || only.includes(i));
const work = join(tmpdir(), `vpdq-ref-${process.pid}`);
mkdirSync(work, { recursive: true });

type Who = 'reference -t 1' | 'reference -t 0' | 'amaan vpdq' | 'amaan base';
const WHO: Who[] = ['reference -t 1', 'reference -t 0', 'amaan vpdq', ...(baseCli ? ['amaan base' as const] : [])];
const runs = new Map<string, Run[]>();
const outputs = new Map<string, string>();
const key = (w: Who, v: Video) => `${w}\0${v.file}`;
const loadBefore = loadavg();
for (let round = 0; round < RUNS; round++) {
  for (const v of videos) {
    for (const who of WHO) {
      const out = join(work, `${who.replace(/\W+/g, '_')}-${round}.txt`);
      let r: Run;
      // The compiled CLI run as bin/amaan.js runs it (its entry, AMAAN_COMPILED_DIR), so sources edited meanwhile
      // cannot send a run through tsx; without a build, bin/amaan.js itself.
      if (who === 'amaan vpdq') {
        r = compiled
          ? timed(process.execPath, [join(compiled, 'main.js'), 'vpdq', '-r', '0', '--format', 'text', v.file], out, { AMAAN_COMPILED_DIR: compiled })
          : timed(process.execPath, [join(REPO, 'bin/amaan.js'), 'vpdq', '-r', '0', '--format', 'text', v.file], out);
      } else if (who === 'amaan base') {
        r = timed(process.execPath, [join(baseCli!, 'main.js'), 'vpdq', '-r', '0', '--format', 'text', v.file], out, { AMAAN_COMPILED_DIR: baseCli! });
      } else {
        r = timed(ref.bin, ['-i', v.file, '-o', out, '-r', '0', '-t', who.endsWith('1') ? '1' : '0'], null);
      }
      runs.set(key(who, v), [...(runs.get(key(who, v)) ?? []), r]);
      outputs.set(key(who, v), readFileSync(out, 'utf8'));
    }
  }
}
const loadAfter = loadavg();
rmSync(work, { recursive: true, force: true });
if (compiled) rmSync(compiled, { recursive: true, force: true });

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const lines: string[] = [];
const say = (s = ''): void => { lines.push(s); console.log(s); };
const ffVersion = execFileSync('ffmpeg', ['-version'], { encoding: 'utf8' }).split('\n')[0]!.replace(/ Copyright.*/, '').trim();
const libav = spawnSync('pkg-config', ['--modversion', 'libavcodec'], { encoding: 'utf8' }).stdout?.trim() || 'version not known';
say(SECTION);
say();
say(`Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${ffVersion} (Debian; libavcodec ${libav}).`);
say(`Reference: \`vpdq-hash-video\` of Meta's ThreatExchange (vpdq/cpp), commit ${ref.commit.slice(0, 12)}, the binary given to the bench (\`--ref\`).`);
say(`Amaan: \`node bin/amaan.js vpdq -r 0 --format text FILE\` at ${ownCommit} (precompiled CLI; every frame (-r 0) from one ffmpeg run; ffmpeg in the decoder sandbox, ${process.env.AMAAN_SANDBOX ?? 'auto'})${baseCli ? `; "amaan base": the same command from the checkout given by --base, at ${baseCommit}` : ''}.`);
say(`Timer: ${timer ? timer.how : '/usr/bin/time (NO C compiler here: the CPU of a sandboxed ffmpeg is NOT counted, Amaan\'s per-core figures are too high)'}.`);
say(`Command: \`node --import tsx bench/vpdq-ref.bench.ts --ref PATH --runs ${RUNS}${baseCli ? ' --base DIR' : ''}\` at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; every frame hashed (-r 0), native size; each round runs every contender once per video, fresh processes, in turn.`);
say(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')} (2 cores, possibly shared with other work: wall times are slowed and spread; CPU times much less).`);
say();
say('Frames per CPU second ("per core": user + system time of the process and every process below it) and per wall second; medians over the rounds, min-max in brackets.');
say();
const rate = (frames: number, xs: number[]) => { const r = xs.map((x) => frames / x); return `${median(r).toFixed(0)} (${Math.min(...r).toFixed(0)}-${Math.max(...r).toFixed(0)})`; };
const m = (w: Who, v: Video, f: 'cpu' | 'wall') => median(runs.get(key(w, v))!.map((r) => r[f]));
const hasBase = WHO.includes('amaan base');
say(`| video | frames | ${WHO.map((w) => `${w}: per core | wall`).join(' | ')} | amaan / reference -t 1 (per core) | amaan / reference -t 0 (wall) |${hasBase ? ' amaan / base (per core) | amaan / base (wall) |' : ''}`);
say(`| --- | ---: | ${WHO.map(() => '---: | ---:').join(' | ')} | ---: | ---: |${hasBase ? ' ---: | ---: |' : ''}`);
const fixed = videos[0]!;
const fixedCost = (w: Who) => ({ cpu: m(w, fixed, 'cpu'), wall: m(w, fixed, 'wall') });
for (const v of videos) {
  const frames = parse(outputs.get(key('reference -t 1', v))!).length;
  const cells = WHO.map((w) => { const rs = runs.get(key(w, v))!; return `${rate(frames, rs.map((r) => r.cpu))} | ${rate(frames, rs.map((r) => r.wall))}`; });
  const vsBase = hasBase ? ` ${(m('amaan base', v, 'cpu') / m('amaan vpdq', v, 'cpu')).toFixed(2)}x | ${(m('amaan base', v, 'wall') / m('amaan vpdq', v, 'wall')).toFixed(2)}x |` : '';
  say(`| ${v.name} | ${frames} | ${cells.join(' | ')} | ${(m('reference -t 1', v, 'cpu') / m('amaan vpdq', v, 'cpu')).toFixed(2)}x | ${(m('reference -t 0', v, 'wall') / m('amaan vpdq', v, 'wall')).toFixed(2)}x |${vsBase}`);
}
say();
say(`Fixed cost (the one-frame video, median): ${WHO.map((w) => `${w} ${(fixedCost(w).cpu * 1000).toFixed(0)} ms CPU, ${(fixedCost(w).wall * 1000).toFixed(0)} ms wall`).join('; ')}.`);
say('Per frame without the fixed cost (median CPU and wall of each video less those of the one-frame video), frames per second:');
say();
say(`| video | reference -t 1: per core | reference -t 0: wall | amaan vpdq: per core | amaan: wall |${hasBase ? ' amaan base: per core |' : ''} amaan / reference -t 1 (per core) |`);
say(`| --- | ---: | ---: | ---: | ---: |${hasBase ? ' ---: |' : ''} ---: |`);
for (const v of videos.slice(1)) {
  const frames = parse(outputs.get(key('reference -t 1', v))!).length;
  const net = (w: Who, f: 'cpu' | 'wall') => frames / Math.max(1e-3, m(w, v, f) - fixedCost(w)[f]);
  say(`| ${v.name} | ${net('reference -t 1', 'cpu').toFixed(0)} | ${net('reference -t 0', 'wall').toFixed(0)} | ${net('amaan vpdq', 'cpu').toFixed(0)} | ${net('amaan vpdq', 'wall').toFixed(0)} |${hasBase ? ` ${net('amaan base', 'cpu').toFixed(0)} |` : ''} ${(net('amaan vpdq', 'cpu') / net('reference -t 1', 'cpu')).toFixed(2)}x |`);
}
say();
say('Agreement (last round\'s outputs; the reference\'s `-t 1` and `-t 0` outputs compared too):');
say();
say(`| video | frames reference / amaan | same frame numbers | identical lines | hash distance max (mean) | quality differs | timestamps differ | reference -t 1 = -t 0 |${hasBase ? ' amaan = base (bytes) |' : ''}`);
say(`| --- | --- | --- | ---: | --- | ---: | ---: | --- |${hasBase ? ' --- |' : ''}`);
for (const v of videos) {
  const a = parse(outputs.get(key('reference -t 1', v))!), b = parse(outputs.get(key('amaan vpdq', v))!);
  const same = a.length === b.length && a.every((f, i) => f.frame === b[i]!.frame);
  const n = Math.min(a.length, b.length);
  let identical = 0, maxD = 0, sumD = 0, q = 0, ts = 0;
  for (let i = 0; i < n; i++) {
    const d = hamming(a[i]!.hash, b[i]!.hash);
    maxD = Math.max(maxD, d);
    sumD += d;
    if (a[i]!.quality !== b[i]!.quality) q++;
    if (a[i]!.timestamp !== b[i]!.timestamp) ts++;
    if (d === 0 && a[i]!.quality === b[i]!.quality && a[i]!.timestamp === b[i]!.timestamp) identical++;
  }
  const threads = outputs.get(key('reference -t 1', v)) === outputs.get(key('reference -t 0', v));
  const baseSame = hasBase ? ` ${outputs.get(key('amaan vpdq', v)) === outputs.get(key('amaan base', v)) ? 'yes' : 'NO'} |` : '';
  say(`| ${v.name} | ${a.length} / ${b.length} | ${same ? 'yes' : 'no'} | ${identical} | ${maxD} (${(sumD / Math.max(1, n)).toFixed(2)}) | ${q} | ${ts} | ${threads ? 'yes' : 'no'} |${baseSame}`);
}
if (process.argv.includes('--write-docs')) writeDocsSection(SECTION, lines.join('\n'));
