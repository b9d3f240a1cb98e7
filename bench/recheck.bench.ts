// Re-check on hash-set import (issue 13), the matching part without the database: an index of N newly imported
// PDQ hashes is built once, then M ingested files' hashes are queried at radius 31 in pages of 20,000 files, as
// hashset.recheck.ts does. 1% of the files are planted near-duplicates (4-24 bits) of set entries; every planted
// pair must be found (checked).
// Engines: `join` (default; what hashset.recheck.ts uses since issue 13 §2's third session): block-join.ts, the
// set indexed once in 11 blocks of 23-24 bits, each page of 50,000 files joined on every core (joinBatch);
// `mih` (what it used before): the multi-index hashing index queried one hash at a time, on one thread;
// `scan`: ScanIndex, the blocked WebAssembly SIMD scan, each page one batch on every core (searchBatchParallel).
// Engines run in turn within each run (same load for all); the peak resident memory of the process is reported
// at the end (it covers every engine run, so run one engine alone to read its own).
// Wall time AND the process's CPU time (user + system over all its threads) are reported: on a shared machine the
// CPU time is the steadier figure.
//
//   node --import tsx bench/recheck.bench.ts [--set 1000000] [--files 1000000] [--runs 3] [--engines join,mih,scan]
import { cpus, loadavg } from 'node:os';
import { buildBlockJoin, joinBatch } from '../src/pdq/matching/block-join.ts';
import { MihIndex } from '../src/pdq/matching/mih-index.ts';
import { ScanIndex } from '../src/pdq/matching/scan-index.ts';
import { flipBits, prng, randomHashes } from '../src/pdq/matching/test-helpers.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const N = Number(arg('--set', '1000000'));
const M = Number(arg('--files', '1000000'));
const RUNS = Number(arg('--runs', '3'));
const ENGINES = arg('--engines', 'join').split(',');
const PAGE = 20_000;

const rnd = prng(13);
const W = 8;
const set = randomHashes(N, rnd);
const files = randomHashes(M, rnd);
const plantedAt: Array<[number, number]> = [];
for (let i = 0; i < M; i += 100) {
  const e = (rnd() >>> 0) % N;
  files.set(flipBits(set, e, 4 + ((rnd() >>> 0) % 21), rnd), i * W);
  plantedAt.push([i, e]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const stats = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });

async function runScan(): Promise<{ found: number; pairs: Set<string> }> {
  const index = new ScanIndex(undefined, { autoBuild: false });
  index.addPacked(set);
  index.build();
  let found = 0;
  const pairs = new Set<string>();
  mark('built');
  for (let p = 0; p < M; p += PAGE) {
    const end = Math.min(M, p + PAGE);
    const res = await index.searchBatchParallel(files.subarray(p * W, end * W), 31);
    for (let k = 0; k < res.length; k++) {
      found += res[k]!.length;
      for (const m of res[k]!) if ((p + k) % 100 === 0) pairs.add(`${p + k}:${m.index}`);
    }
  }
  return { found, pairs };
}

async function runJoin(): Promise<{ found: number; pairs: Set<string> }> {
  const index = buildBlockJoin(set, 31);
  mark('built');
  let found = 0;
  const pairs = new Set<string>();
  const page = 50_000; // as hashset.recheck.ts
  for (let p = 0; p < M; p += page) {
    const end = Math.min(M, p + page);
    const res = await joinBatch(index, files.subarray(p * W, end * W));
    found += res.length / 3;
    for (let k = 0; k < res.length; k += 3) if ((p + res[k]!) % 100 === 0) pairs.add(`${p + res[k]!}:${res[k + 1]!}`);
  }
  return { found, pairs };
}

async function runMih(): Promise<{ found: number; pairs: Set<string> }> {
  const index = new MihIndex();
  index.addPacked(set);
  index.build();
  mark('built');
  let found = 0;
  const pairs = new Set<string>();
  for (let i = 0; i < M; i++) {
    const res = index.search(files.subarray(i * W, (i + 1) * W), 31);
    found += res.length;
    if (i % 100 === 0) for (const m of res) pairs.add(`${i}:${m.index}`);
  }
  return { found, pairs };
}

let marks: Record<string, [number, number]> = {};
const mark = (name: string) => { marks[name] = [performance.now(), cpuMs()]; };

console.log(`# ${cpus().length} x ${cpus()[0]?.model}; Node ${process.version}; set ${N.toLocaleString('en')}, files ${M.toLocaleString('en')}, ${RUNS} runs per engine, radius 31; load average at start ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
const results: Record<string, { build: number[]; query: number[]; buildCpu: number[]; queryCpu: number[]; loads: string[]; found: number }> = {};
for (let r = 0; r < RUNS; r++) {
  for (const engine of ENGINES) {
    marks = {};
    mark('start');
    const { found, pairs } = engine === 'mih' ? await runMih() : engine === 'join' ? await runJoin() : await runScan();
    mark('end');
    for (const [i, e] of plantedAt) if (!pairs.has(`${i}:${e}`)) throw new Error(`${engine}: planted pair ${i}:${e} not found`);
    const x = (results[engine] ??= { build: [], query: [], buildCpu: [], queryCpu: [], loads: [], found });
    if (x.found !== found) throw new Error(`${engine}: ${found} matches, an earlier run found ${x.found}`);
    x.loads.push(loadavg()[0]!.toFixed(1));
    x.build.push(marks.built![0] - marks.start![0]);
    x.buildCpu.push(marks.built![1] - marks.start![1]);
    x.query.push(marks.end![0] - marks.built![0]);
    x.queryCpu.push(marks.end![1] - marks.built![1]);
  }
}
for (const [engine, x] of Object.entries(results)) {
  console.log(JSON.stringify({
    engine, set: N, files: M, runs: RUNS, planted: plantedAt.length, found: x.found, loadAfterEachRun: x.loads.join(' '),
    buildMs: stats(x.build), queryMs: stats(x.query), buildCpuMs: stats(x.buildCpu), queryCpuMs: stats(x.queryCpu),
    filesPerSecond: Math.round(M / (median(x.query) / 1000)),
  }));
}
const counts = Object.entries(results).map(([e, x]) => `${e} ${x.found}`);
if (new Set(Object.values(results).map((x) => x.found)).size > 1) throw new Error(`engines disagree: ${counts.join(', ')}`);
console.log(`# peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
console.log(`# load average at end ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
