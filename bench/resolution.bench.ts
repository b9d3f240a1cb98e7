// Entity resolution benchmarks (docs/benchmarks.md, "Entity resolution"):
// 1. batch: `amaan resolve` over about a million generated records from scratch, as a user runs it
//    (a fresh process each run: reading, preparing, indexing, scoring, writing), several runs;
// 2. incremental: one new record scored against an index of the others (the service's path), per-query times.
//   node --import tsx bench/resolution.bench.ts [--persons 600000] [--runs 3] [--queries 1000] [--skip-batch] [--skip-match]
// 600,000 people give about 1.0 million records. The generated file is kept in the temp folder between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { ResolutionIndex } from '../src/modules/resolution/resolution-index.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '600000' }, runs: { type: 'string', default: '3' }, queries: { type: 'string', default: '1000' },
    'skip-batch': { type: 'boolean', default: false }, 'skip-match': { type: 'boolean', default: false }, seed: { type: 'string', default: '11' },
  },
});
const persons = Number(values.persons), runs = Number(values.runs), queries = Number(values.queries), seed = Number(values.seed);
const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const pct = (xs: number[], p: number): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!; };
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

console.log(`machine: ${cpus()[0]?.model ?? '?'}, nproc ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at start ${load()}`);

if (!values['skip-batch']) {
  const dir = join(tmpdir(), 'amaan-resolution-bench');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `seed${seed}-${persons}`);
  if (!existsSync(`${base}.jsonl`)) {
    const g = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/resolution-generate.ts'), '--seed', String(seed), '--persons', String(persons), '--out', base], { stdio: 'inherit', cwd: root });
    if (g.status !== 0) throw new Error('generation failed');
  }
  const lines = spawnSync('wc', ['-l', `${base}.jsonl`], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
  console.log(`batch: ${lines} records (${(statSync(`${base}.jsonl`).size / 2 ** 20).toFixed(0)} MiB), command: node bin/amaan.js resolve --records ${base}.jsonl > pairs.jsonl`);
  const wall: number[] = [], cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    // GNU time reports wall seconds, user and system CPU seconds and peak memory of the whole process tree's main process.
    const t = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', 'sh', '-c', `"${process.execPath}" "${join(root, 'bin/amaan.js')}" resolve --records "${base}.jsonl" > "${base}.pairs.jsonl"`], { encoding: 'utf8', cwd: root });
    if (t.status !== 0) throw new Error(`resolve failed: ${t.stderr}`);
    const [e, u, s, m] = t.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number, number];
    wall.push(e); cpu.push(u + s);
    const pairs = spawnSync('wc', ['-l', `${base}.pairs.jsonl`], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
    console.log(`  run ${r + 1}: ${e.toFixed(1)} s wall, ${(u + s).toFixed(1)} s CPU (user+sys), peak RSS ${(m / 2 ** 20).toFixed(1)} GiB, ${pairs} pairs; load ${load()}`);
  }
  console.log(`  median ${median(wall).toFixed(1)} s wall (min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}); median CPU ${median(cpu).toFixed(1)} s`);
}

if (!values['skip-match']) {
  const set = generateResolutionSet(seed, persons);
  const n = set.records.length - queries;
  const index = new ResolutionIndex();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) index.add(set.records[i]!);
  const buildS = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let found = 0;
  for (let i = n; i < set.records.length; i++) {
    const t = performance.now();
    found += index.match(set.records[i]!).length;
    times.push(performance.now() - t);
  }
  console.log(`incremental: index of ${n} records built in ${buildS.toFixed(1)} s (heap ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(1)} GiB); ${queries} new records scored against it, ${found} suggestions`);
  console.log(`  per record: median ${median(times).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms; load ${load()}`);
}
