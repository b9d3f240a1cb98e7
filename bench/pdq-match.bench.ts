// PDQ matching benchmark: multi-index hashing (MihIndex) against FAISS's exact binary index
// (IndexBinaryFlat.range_search, one thread, run by bench/faiss-range.py on the same hashes and queries)
// and against Amaan's own exhaustive flat scan (FlatIndex, WebAssembly and JS kernels). One thread,
// seeded PRNG, so runs are repeatable; every result set is compared with MIH's query by query.
//
//   node --import tsx bench/pdq-match.bench.ts [--sizes 1000000,10000000] [--queries 400] [--write-docs]
//
// FAISS is Debian's python3-faiss (`apt-get install -y python3-faiss`; PyPI is not reachable here). It is
// run with $PYTHON if set, else the first of /usr/bin/python3 and python3 that can `import faiss` (a
// pyenv or venv python3 earlier on PATH does not see Debian's dist-packages). Without FAISS the bench
// prints how to install it and keeps the flat-scan comparison.
// Queries: half random hashes, half planted near-duplicates of indexed hashes at 10-30 bits.
// --write-docs replaces the "## PDQ matching (issue 3)" section of docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocsSection } from './docs-section.ts';
import { FlatIndex } from '../src/pdq/matching/brute-force.ts';
import { HashStore } from '../src/pdq/matching/hash-store.ts';
import { MihIndex } from '../src/pdq/matching/mih-index.ts';
import { flipBits, prng, randomHashes } from '../src/pdq/matching/test-helpers.ts';
import { byDistanceThenIndex, type PdqIndex, type PdqMatch } from '../src/pdq/matching/types.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const SIZES = arg('--sizes', '1000000,10000000').split(',').map(Number);
const QUERIES = Number(arg('--queries', '400'));
const THRESHOLD = 31;
const SWEEP = [15, 31, 47, 63, 100];
const SEED = 20260731;
const MB = 2 ** 20;
const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
  console.log(s);
};

function makeQueries(hay: Uint32Array, n: number, count: number, seed: number): Uint32Array[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) =>
    i % 2 === 0 ? randomHashes(1, rnd) : flipBits(hay, rnd() % n, 10 + (rnd() % 21), rnd),
  );
}

/** Wall-clock and CPU seconds of f(): on a shared VM, CPU time is not inflated by waiting for a core. */
function clock<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

/** Best of `reps` timed runs (the first also warms up the JIT), with the results of the last. */
function timed(index: PdqIndex, queries: Uint32Array[], t: number, reps: number): { qps: number; cpuQps: number; results: PdqMatch[][] } {
  let best = Infinity, bestCpu = Infinity;
  let results: PdqMatch[][] = [];
  for (let r = 0; r < reps; r++) {
    const run = clock(() => queries.map((q) => index.search(q, t)));
    best = Math.min(best, run.wall);
    bestCpu = Math.min(bestCpu, run.cpu);
    results = run.value;
  }
  return { qps: queries.length / best, cpuQps: queries.length / bestCpu, results };
}

const qps = (r: { qps: number; cpuQps: number }, digits = 0): string => `${fmt(r.qps, digits)} (${fmt(r.cpuQps, digits)})`;
const same = (a: PdqMatch[][], b: PdqMatch[][]): boolean => JSON.stringify(a) === JSON.stringify(b);
const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---- FAISS (bench/faiss-range.py) ----
const FAISS_SCRIPT = fileURLToPath(new URL('./faiss-range.py', import.meta.url));
const faiss = ((): { python: string; version: string; options: string } | null => {
  for (const python of process.env.PYTHON ? [process.env.PYTHON] : ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import faiss; print(faiss.__version__); print(faiss.get_compile_options())'], { encoding: 'utf8' });
    if (r.status === 0) {
      const [version, options] = r.stdout.trim().split('\n');
      return { python, version, options: options ?? '' };
    }
  }
  return null;
})();
const tmp = mkdtempSync(join(tmpdir(), 'amaan-faiss-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

interface FaissRun { qps: number; cpuQps: number; buildWall: number; buildCpu: number; results: PdqMatch[][] }

/** Raw bytes of packed hashes, 32 per hash, in memory order (little-endian words). */
function writeHashes(path: string, words: Uint32Array): void {
  writeFileSync(path, new Uint8Array(words.buffer, words.byteOffset, words.byteLength));
}

/**
 * IndexBinaryFlat.range_search (radius t + 1: FAISS keeps distances strictly below it) over the hashes
 * in `hayFile`, one thread, best of `reps`. Results come back sorted like PdqIndex.search's.
 */
function runFaiss(hayFile: string, queries: Uint32Array[], t: number, reps: number): FaissRun {
  const qfile = join(tmp, 'queries.bin'), out = join(tmp, 'out.bin');
  const q = new Uint32Array(queries.length * 8);
  queries.forEach((x, i) => q.set(x, i * 8));
  writeHashes(qfile, q);
  const r = spawnSync(faiss!.python, [FAISS_SCRIPT, hayFile, qfile, String(t), String(reps), out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`faiss-range.py failed (${r.status ?? r.signal}): ${(r.stderr ?? '').slice(-800)}`);
  const info = JSON.parse(r.stdout.trim().split('\n').pop()!) as { wall: number; cpu: number; build_wall: number; build_cpu: number; threads: number };
  if (info.threads !== 1) throw new Error(`FAISS ran with ${info.threads} threads, not 1`);
  const raw = readFileSync(out);
  const nq = queries.length;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const lim = (i: number): number => Number(view.getBigInt64(i * 8, true));
  const total = lim(nq);
  const idsAt = (nq + 1) * 8, distAt = idsAt + total * 8;
  if (raw.byteLength !== distAt + total * 4) throw new Error(`faiss-range.py: ${raw.byteLength} bytes of results, expected ${distAt + total * 4}`);
  const results: PdqMatch[][] = [];
  for (let i = 0; i < nq; i++) {
    const row: PdqMatch[] = [];
    for (let k = lim(i); k < lim(i + 1); k++) {
      row.push({ index: Number(view.getBigInt64(idsAt + k * 8, true)), distance: view.getInt32(distAt + k * 4, true) });
    }
    results.push(row.sort(byDistanceThenIndex));
  }
  return { qps: nq / info.wall, cpuQps: nq / info.cpu, buildWall: info.build_wall, buildCpu: info.build_cpu, results };
}

const cpu = cpus();
const command = `node --import tsx bench/pdq-match.bench.ts${args.length ? ' ' + args.join(' ') : ''}`;
say(`Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical CPUs), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, one thread.`);
say(`Command: \`${command}\`; seed ${SEED}; ${QUERIES} queries per size (half random, half planted near-duplicates at 10-30 bits).`);
say(`Load average at start (other work on the machine skews figures): ${loadavg().map((x) => x.toFixed(1)).join(', ')}.`);
if (faiss) {
  say(`Baseline: FAISS ${faiss.version}, Debian's python3-faiss build (\`apt-get install -y python3-faiss\`; compile options "${faiss.options}"),`);
  say('IndexBinaryFlat, FAISS\'s exact exhaustive binary index: `range_search(queries, t + 1)` (FAISS keeps distances strictly');
  say('below the radius), one thread (`faiss.omp_set_num_threads(1)`), on the same hash bytes and queries, run by');
  say('bench/faiss-range.py (build = `index.add`; best of several runs; wall and CPU seconds of the Python process).');
} else {
  say('FAISS is not installed here, so this run has no FAISS columns: `apt-get install -y python3-faiss` (Debian), then rerun.');
  console.error(`note: FAISS not found (tried ${process.env.PYTHON ?? '/usr/bin/python3, python3'}): apt-get install -y python3-faiss`);
}
say('Also Amaan\'s own exhaustive flat scan (FlatIndex), two kernels: WebAssembly (i64.popcnt, the default) and');
say('plain JS (16-bit-table popcount unrolled over the 8 words, early exit after 96 bits, used without WebAssembly).');
say(`Threshold ${THRESHOLD}. MIH uses the default 'auto' strategy. Every result set is compared with MIH's, query by query`);
say('(same ids, same distances).');
say('Speeds are queries per wall-clock second (best of several runs), and in brackets per CPU second of the process');
say('(less affected by other work on a shared machine); ratios use the CPU figures.');
say();
say(`| hashes | MIH build | memory: hashes + MIH tables | RSS after build | MIH q/s | FAISS q/s | MIH / FAISS | FAISS build | flat wasm q/s | flat JS q/s | MIH / flat wasm | MIH / flat JS | matches | identical |`);
say(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |`);

let allSame = true;
const sweepRows: string[] = [];
const faissRatios: { n: number; ratio: number; wallRatio: number }[] = [];
const sweepFaissSlower: number[] = [];
for (const n of SIZES) {
  const store = new HashStore(n);
  const hay = store.allocate(n); // generated in place: no second 320 MB copy at 10M
  const rnd = prng(SEED + n);
  for (let i = 0; i < hay.length; i++) hay[i] = rnd();
  const queries = makeQueries(hay, n, QUERIES, SEED ^ n);

  const mih = new MihIndex(store);
  const build = clock(() => mih.build());
  const rss = process.memoryUsage().rss;
  const flat = new FlatIndex(store); // shares the hash array: no build, no extra memory

  const m = timed(mih, queries, THRESHOLD, 5);
  const f = timed(flat, queries, THRESHOLD, 2);
  const jsFlat = new FlatIndex(HashStore.fromPacked(hay, { wasm: false }));
  const fj = timed(jsFlat, queries, THRESHOLD, 1);
  let fa: FaissRun | null = null;
  const hayFile = join(tmp, `hashes-${n}.bin`);
  if (faiss) {
    writeHashes(hayFile, hay);
    fa = runFaiss(hayFile, queries, THRESHOLD, n >= 5_000_000 ? 2 : 3);
    faissRatios.push({ n, ratio: m.cpuQps / fa.cpuQps, wallRatio: m.qps / fa.qps });
  }
  const ok = same(m.results, f.results) && same(fj.results, f.results) && (!fa || same(fa.results, m.results));
  allSame &&= ok;
  const matches = m.results.reduce((s, r) => s + r.length, 0);
  say(
    `| ${fmt(n)} | ${fmt(build.wall, 2)} s (${fmt(build.cpu, 2)} CPU) | ${fmt(mih.byteLength / MB)} MiB (${fmt(store.byteLength / MB)} + ${fmt((mih.byteLength - store.byteLength) / MB)}) | ` +
      `${fmt(rss / MB)} MiB | ${qps(m)} | ${fa ? qps(fa, 1) : '-'} | ${fa ? `${fmt(m.cpuQps / fa.cpuQps, 1)}x` : '-'} | ${fa ? `${fmt(fa.buildWall, 2)} s` : '-'} | ` +
      `${qps(f, 1)} | ${qps(fj, 1)} | ${fmt(m.cpuQps / f.cpuQps, 1)}x | ${fmt(m.cpuQps / fj.cpuQps, 1)}x | ${fmt(matches)} | ${ok ? 'yes' : '**NO**'} |`,
  );

  if (n === SIZES[0]) {
    // Threshold sweep on the smallest size: where the tables stop paying and 'auto' falls back to flat.
    const forced = new MihIndex(store, { strategy: 'mih' });
    forced.build();
    for (const t of SWEEP) {
      // Forcing the tables at large t is very slow (that is the point); fewer queries there.
      const few = queries.slice(0, t >= 100 ? 6 : t >= 63 ? 30 : 100);
      const fm = timed(forced, few, t, 2);
      const ff = timed(flat, few, t, 1);
      const fa = timed(mih, few, t, 2);
      const fx = faiss ? runFaiss(hayFile, few, t, 2) : null;
      const sweepOk = same(fm.results, ff.results) && same(fa.results, ff.results) && (!fx || same(fx.results, fa.results));
      allSame &&= sweepOk;
      if (fx && fa.cpuQps < fx.cpuQps) sweepFaissSlower.push(t);
      sweepRows.push(
        `| ${t} | ${qps(fm, 1)} | ${qps(ff, 1)} | ${qps(fa, 1)} | ${fx ? qps(fx, 1) : '-'} | ${fx ? `${fmt(fa.cpuQps / fx.cpuQps, 1)}x` : '-'} | ` +
          `${fmt(fa.results.reduce((s, r) => s + r.length, 0))} | ${sweepOk ? 'yes' : '**NO**'} |`,
      );
    }
  }
  rmSync(hayFile, { force: true });
}
say();
say(
  `Threshold sweep at ${fmt(SIZES[0])} hashes (100 of the queries; 30 at t = 63, 6 at t = 100): queries/s with the tables forced, ` +
    `the flat scan (wasm), 'auto' (which picks per query by cost)${faiss ? ' and FAISS IndexBinaryFlat (radius t + 1)' : ''}:`,
);
say();
say('| threshold | MIH forced | flat | MIH auto | FAISS | MIH auto / FAISS | matches | identical results |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
for (const r of sweepRows) say(r);
say();
say(allSame
  ? `All MIH results were identical to the flat scans${faiss ? ' and to FAISS (same ids and distances for every query)' : ''}.`
  : 'MISMATCH between MIH and a baseline: see the tables above.');
if (faiss) {
  const slower = faissRatios.filter((r) => r.ratio < 1 || r.wallRatio < 1);
  say(
    slower.length === 0 && sweepFaissSlower.length === 0
      ? `Reading: at t = ${THRESHOLD}, MIH answered ${faissRatios.map((r) => `${fmt(r.ratio, 1)}x (wall ${fmt(r.wallRatio, 1)}x) as many queries per second as FAISS at ${fmt(r.n)} hashes`).join(', ')}; ` +
          'MIH was not slower than FAISS anywhere in this run, sweep included.'
      : `Reading: MIH was SLOWER than FAISS ${[
          ...slower.map((r) => `at ${fmt(r.n)} hashes, t = ${THRESHOLD} (${fmt(r.ratio, 2)}x CPU, ${fmt(r.wallRatio, 2)}x wall)`),
          ...sweepFaissSlower.map((t) => `in the sweep at t = ${t}`),
        ].join('; ')}.`,
  );
  if (!/AVX2|POPCNT/i.test(faiss.options)) {
    say(
      `Caveat: this FAISS build is Debian's portable one ("${faiss.options}": no AVX2 library, and built ` +
        'for baseline x86-64: objdump finds no POPCNT instruction in Debian\'s 1.7.3 library), so its exhaustive scan is probably slower than a FAISS built for this CPU ' +
        'would be; Amaan\'s wasm flat scan (i64.popcnt) shows what an exhaustive scan with a hardware popcount does here.',
    );
  }
}

if (args.includes('--write-docs')) writeDocsSection('## PDQ matching (issue 3)', `## PDQ matching (issue 3)\n\n${lines.join('\n')}`);
if (!allSame) process.exitCode = 1;
