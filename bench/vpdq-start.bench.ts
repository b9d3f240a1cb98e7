// Old code against new, interleaved (session 9, issue 14 §4): the start of `node bin/amaan.js` (the precompiled
// CLI found by the stamp, scripts/cli-stamp.mjs, instead of the full fingerprint of src/) and `amaan vpdq` with its
// default -r 1 (one ffmpeg run instead of ffprobe + ffmpeg), each a fresh process timed by bench/native/cpu-time.c
// (the CPU of every process below it, the sandboxed ffmpeg and ffprobe included).
//
//   node --import tsx bench/vpdq-start.bench.ts --base DIR [--rounds 7]
//
// DIR: another checkout (e.g. main at the commit before these changes) with node_modules and its CLI precompiled
// (`node scripts/cli-compiled.mjs --build` there). Both are run through their bin/amaan.js, as a user runs amaan.
// Videos: those bench/vpdq-ref.bench.ts made (node_modules/.cache/vpdq-ref/videos; run it once first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCompiled } from '../scripts/cli-compiled.mjs';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ROUNDS = Math.max(1, Number(arg('rounds', '7')));
const REPO = new URL('../', import.meta.url).pathname;
const BASE = arg('base', '');
if (!BASE || !existsSync(join(resolve(BASE), 'bin/amaan.js'))) {
  console.error('vpdq-start.bench: pass --base DIR, a checkout of Amaan to compare with (its CLI precompiled).');
  process.exit(2);
}
const CACHE = join(REPO, 'node_modules', '.cache', 'vpdq-ref');
const VIDEOS = join(CACHE, 'videos');
const timer = join(CACHE, 'cpu-time');
mkdirSync(CACHE, { recursive: true });
if (spawnSync('cc', ['-O2', '-o', timer, join(REPO, 'bench/native/cpu-time.c')]).status !== 0) {
  console.error('vpdq-start.bench: no C compiler for bench/native/cpu-time.c');
  process.exit(2);
}
if (!(await buildCompiled())) {
  console.error('vpdq-start.bench: the CLI could not be precompiled');
  process.exit(2);
}

interface Run { wall: number; cpu: number }
function timed(args: string[]): Run {
  const tf = join(tmpdir(), `vpdq-start-${process.pid}.txt`);
  const r = spawnSync(timer, [tf, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(-500)}`);
  const [wall, user, sys] = readFileSync(tf, 'utf8').trim().split(' ').map(Number) as [number, number, number];
  rmSync(tf, { force: true });
  return { wall, cpu: user + sys };
}

const cases: Array<{ name: string; args: string[] }> = [
  { name: '`amaan vpdq --help` (start only)', args: ['vpdq', '--help'] },
  { name: '`amaan vpdq` (-r 1) one-frame 320x240', args: ['vpdq', '--format', 'text', join(VIDEOS, 'testsrc2-320x240-30-0.033.mp4')] },
  { name: '`amaan vpdq` (-r 1) testsrc2 320x240 10 s', args: ['vpdq', '--format', 'text', join(VIDEOS, 'testsrc2-320x240-30-10.000.mp4')] },
  { name: '`amaan vpdq` (-r 1) testsrc 1280x720 10 s', args: ['vpdq', '--format', 'text', join(VIDEOS, 'testsrc-1280x720-30-10.000.mp4')] },
];
for (const c of cases.slice(1)) {
  const file = c.args[c.args.length - 1]!;
  if (!existsSync(file)) {
    console.error(`vpdq-start.bench: ${file} is missing: run bench/vpdq-ref.bench.ts once first (it makes the videos).`);
    process.exit(2);
  }
}
const sides = [['new', join(REPO, 'bin/amaan.js')], ['old', join(resolve(BASE), 'bin/amaan.js')]] as const;
const runs = new Map<string, Run[]>();
const outputs = new Map<string, string>();
const loadBefore = loadavg();
for (let round = 0; round < ROUNDS; round++) {
  for (const c of cases) {
    // Alternate which side goes first, so neither always follows the other.
    for (const [side, bin] of round % 2 ? [...sides].reverse() : sides) {
      const r = timed([bin, ...c.args]);
      const k = `${side}\0${c.name}`;
      runs.set(k, [...(runs.get(k) ?? []), r]);
      if (round === 0) {
        const out = spawnSync(process.execPath, [bin, ...c.args], { encoding: 'utf8', maxBuffer: 256 << 20 }).stdout;
        outputs.set(k, out);
      }
    }
  }
}
const loadAfter = loadavg();
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const ms = (xs: number[]): string => `${(median(xs) * 1000).toFixed(0)} (${(Math.min(...xs) * 1000).toFixed(0)}-${(Math.max(...xs) * 1000).toFixed(0)})`;
console.log(`Machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, Node ${process.version}. Rounds: ${ROUNDS}, interleaved (old/new order alternating).`);
console.log(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')}.`);
console.log();
console.log('| command | old: CPU ms | new: CPU ms | new / old (CPU) | old: wall ms | new: wall ms | same output |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const c of cases) {
  const o = runs.get(`old\0${c.name}`)!, n = runs.get(`new\0${c.name}`)!;
  const same = outputs.get(`old\0${c.name}`) === outputs.get(`new\0${c.name}`);
  console.log(`| ${c.name} | ${ms(o.map((r) => r.cpu))} | ${ms(n.map((r) => r.cpu))} | ${(median(n.map((r) => r.cpu)) / median(o.map((r) => r.cpu))).toFixed(2)}x | ${ms(o.map((r) => r.wall))} | ${ms(n.map((r) => r.wall))} | ${same ? 'yes' : 'NO'} |`);
}
