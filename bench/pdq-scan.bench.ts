// PDQ matching at radius 31 against the native ceiling (issue 14), side by side in one run:
// - native: bench/native/pdq-scan.c, a blocked brute-force C scan (cc -O3 -march=native: AVX-512 VPOPCNTQ
//   where the CPU has it), built here when a C compiler exists, on 1 and 2 threads;
// - Amaan: `amaan match` through its own code (runMatch, default engine: the blocked SIMD scan), on 1 and
//   2 threads (worker threads split the hashes; --split queries compares the other way).
// Every run is a fresh process (>= 5 each, interleaved so that load drifts hit all alike); both read the
// same text files of 64-hex hashes, and every run's match set must equal the native scan's (count and an
// order-independent digest of the (query, match, distance) triples).
//
//   node --import tsx bench/pdq-scan.bench.ts [--sizes 1000000,10000000] [--queries 1000] [--procs 5]
//                                            [--split hashes|queries] [--write-docs]
//
// Speeds: queries per second of the matching phase (file reading and, for Amaan, building the planes are
// reported apart), by wall clock and per CPU second of the process (all threads). On a shared, loaded
// machine the wall figures mostly measure the load; the CPU figures and the ratios between engines in the
// same run are the meaningful ones.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocsSection } from './docs-section.ts';
import { wordsToHex } from '../src/pdq/matching/hex.ts';
import { flipBits, prng } from '../src/pdq/matching/test-helpers.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const SIZES = arg('--sizes', '1000000,10000000').split(',').map(Number);
const QUERIES = Number(arg('--queries', '1000'));
const PROCS = Math.max(1, Number(arg('--procs', '5')));
const SPLIT = arg('--split', 'hashes');
const SEED = 20261206;
const repo = fileURLToPath(new URL('..', import.meta.url));
const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};
const fmt = (x: number, d = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
/** Spread between fresh processes: (max - min) / median. */
const spread = (xs: number[]): number => (Math.max(...xs) - Math.min(...xs)) / median(xs);
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(', ');

const tmp = mkdtempSync(join(tmpdir(), 'amaan-pdq-scan-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---- native ceiling ----
const cc = ['cc', 'gcc', 'clang'].find((c) => spawnSync(c, ['--version']).status === 0);
const nativeBin = join(tmp, 'pdq-scan');
const ccCommand = `${cc ?? 'cc'} -O3 -march=native -pthread -o pdq-scan bench/native/pdq-scan.c`;
if (cc) {
  const r = spawnSync(cc, ['-O3', '-march=native', '-pthread', '-o', nativeBin, join(repo, 'bench/native/pdq-scan.c')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the native scan failed: ${r.stderr}`);
} else {
  console.error('note: no C compiler (cc, gcc, clang): the native ceiling is left out of this run');
}

/** Writes n seeded random hashes to a text file, 1 MiB at a time; returns the packed words too. */
function writeHashes(path: string, n: number, seed: number): Uint32Array {
  const rnd = prng(seed);
  const words = new Uint32Array(n * 8);
  for (let i = 0; i < words.length; i++) words[i] = rnd();
  writeLines(path, n, (i) => wordsToHex(words.subarray(i * 8, i * 8 + 8)));
  return words;
}

function writeLines(path: string, n: number, line: (i: number) => string): void {
  const fd = openSync(path, 'w');
  try {
    let buf = '';
    for (let i = 0; i < n; i++) {
      buf += line(i) + '\n';
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    if (buf) writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

interface Run {
  engine: string;
  qps: number;
  cpuQps: number;
  read?: number;
  build?: number;
  matches: number;
  digest: string;
}

function native(db: string, q: string, threads: number): Run {
  const r = spawnSync(nativeBin, [db, q, '31', String(threads)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`pdq-scan failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout.trim()) as { queries: number; seconds: number; cpu_seconds: number; matches: number; digest: string };
  return { engine: `native C, ${threads} thread${threads > 1 ? 's' : ''}`, qps: o.queries / o.seconds, cpuQps: o.queries / o.cpu_seconds, matches: o.matches, digest: o.digest };
}

function amaan(db: string, q: string, threads: number): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/pdq-scan-child.ts'), db, q, 'auto', String(threads), SPLIT], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`pdq-scan-child failed: ${r.stderr}`);
  const o = JSON.parse(r.stdout.trim().split('\n').pop()!) as { read: number; build: number; match: number; matchCpu: number; matches: number; digest: string };
  return {
    engine: `Amaan scan, ${threads} thread${threads > 1 ? 's' : ''}`,
    qps: QUERIES / o.match,
    cpuQps: QUERIES / o.matchCpu,
    read: o.read,
    build: o.build,
    matches: o.matches,
    digest: o.digest,
  };
}

const cpu = cpus();
const command = `node --import tsx bench/pdq-scan.bench.ts${args.length ? ' ' + args.join(' ') : ''}`;
say(`Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical CPUs), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}.`);
say(`Command: \`${command}\`; seed ${SEED}; ${QUERIES} queries (half random, half planted near-duplicates at 10-30 bits), radius 31.`);
say(`Native ceiling: bench/native/pdq-scan.c built by the bench with \`${ccCommand}\`${cc ? '' : ' (NOT RUN: no compiler)'}; blocks of 8,192 hashes (256 KiB), threads split the hashes.`);
say(`Amaan: \`amaan match\` (runMatch), engine auto = blocked WebAssembly SIMD scan; 2 threads = the calling thread + 1 worker, split: ${SPLIT}.`);
say(`${PROCS} fresh processes per engine and size, interleaved. Load average at start: ${load()} (the machine is shared with other engineers:`);
say('**all figures are under load**; wall-clock speeds mostly measure that load, CPU-second speeds and same-run ratios are the meaningful part).');
say();
say('| hashes | engine | q/s wall, median | spread | q/s per CPU s, median | spread | vs native (CPU) | vs native (wall) | read s | build s | matches | same set as native |');
say('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');

let allSame = true;
const summary: string[] = [];
for (const n of SIZES) {
  const db = join(tmp, `db-${n}.txt`), q = join(tmp, `q-${n}.txt`);
  const hay = writeHashes(db, n, SEED + n);
  const rnd = prng(SEED ^ n);
  writeLines(q, QUERIES, (i) => wordsToHex(i % 2 === 0 ? new Uint32Array(8).map(() => rnd()) : flipBits(hay, rnd() % n, 10 + (rnd() % 21), rnd)));
  const kinds: Array<[string, () => Run]> = [
    ...(cc ? ([['n1', () => native(db, q, 1)], ['n2', () => native(db, q, 2)]] as Array<[string, () => Run]>) : []),
    ['a1', () => amaan(db, q, 1)],
    ['a2', () => amaan(db, q, 2)],
  ];
  const runs = new Map<string, Run[]>(kinds.map(([k]) => [k, []]));
  for (let p = 0; p < PROCS; p++) {
    for (const [k, f] of kinds) {
      const r = f();
      runs.get(k)!.push(r);
      console.error(`  ${fmt(n)} ${r.engine}: ${fmt(r.qps)} q/s wall, ${fmt(r.cpuQps)} per CPU s, ${r.matches} matches ${r.digest} (load ${load()})`);
    }
  }
  const ref = runs.get('n1')?.[0] ?? runs.get('a1')![0]!;
  for (const [k] of kinds) {
    const rs = runs.get(k)!;
    const same = rs.every((r) => r.matches === ref.matches && r.digest === ref.digest);
    allSame &&= same;
    const nat = runs.get(k.startsWith('a') ? `n${k[1]}` : k);
    const cpuRatio = nat ? median(rs.map((r) => r.cpuQps)) / median(nat.map((r) => r.cpuQps)) : NaN;
    const wallRatio = nat ? median(rs.map((r) => r.qps)) / median(nat.map((r) => r.qps)) : NaN;
    if (k.startsWith('a') && nat) summary.push(`${fmt(n)} hashes, ${k[1]} thread${k[1] === '1' ? '' : 's'}: ${fmt(cpuRatio, 2)} of native per CPU second, ${fmt(wallRatio, 2)} by wall clock`);
    say(
      `| ${fmt(n)} | ${rs[0]!.engine} | ${fmt(median(rs.map((r) => r.qps)))} | ${fmt(100 * spread(rs.map((r) => r.qps)))}% | ` +
        `${fmt(median(rs.map((r) => r.cpuQps)))} | ${fmt(100 * spread(rs.map((r) => r.cpuQps)))}% | ` +
        `${k.startsWith('a') && nat ? fmt(cpuRatio, 2) : '-'} | ${k.startsWith('a') && nat ? fmt(wallRatio, 2) : '-'} | ` +
        `${rs[0]!.read !== undefined ? fmt(median(rs.map((r) => r.read!)), 2) : '-'} | ${rs[0]!.build !== undefined ? fmt(median(rs.map((r) => r.build!)), 2) : '-'} | ` +
        `${fmt(ref.matches)} | ${same ? 'yes' : '**NO**'} |`,
    );
  }
  rmSync(db, { force: true });
  rmSync(q, { force: true });
}
say();
say(`Load average at the end: ${load()}.`);
say(allSame ? 'Every process of every engine found the same match set as the native scan (count and digest).' : '**MISMATCH**: some run found a different match set (see the table).');
if (summary.length) say(`Reading (medians, same run): ${summary.join('; ')}.`);
if (!existsSync(nativeBin) && cc) say('The native binary was not built.');
say();
say('What differs: the native scan computes the full 256-bit distance of every pair (4 x popcount64, vectorised by');
say('gcc to VPOPCNTQ), as the issue\'s reference does. Amaan\'s scan (src/pdq/matching/scan-index.ts) keeps the hashes');
say('as byte planes of 16 hashes, so i8x16.popcnt gives 16 distances per instruction chain without horizontal sums,');
say('and decides on the first 96 bits (at radius 31 almost no group of 16 needs the other 160); same exact result.');
say('Two threads: the calling thread plus one worker thread; on a machine this loaded (load average far above its');
say('2 CPUs) the second thread finds no idle core, and starting the worker (tsx loader in the thread) costs CPU, so');
say('its CPU-second figure is below the one-thread figure. The spread target (15% between fresh processes) cannot be');
say('judged under this load: the native scan itself spreads far more by wall clock; rerun on a quiet machine.');

if (args.includes('--write-docs')) writeDocsSection('## PDQ matching against the native ceiling (issue 14)', `## PDQ matching against the native ceiling (issue 14)\n\n${lines.join('\n')}`);
if (!allSame) process.exitCode = 1;
