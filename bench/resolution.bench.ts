// Entity resolution benchmarks (docs/benchmarks.md, "Entity resolution"):
// 1. batch: `amaan resolve` over about a million generated records from scratch, as a user runs it
//    (a fresh process each run: reading, preparing, indexing, scoring, writing), several runs;
// 2. incremental: one new record scored against an index of the others (the service's path), per-query times.
//   node --import tsx bench/resolution.bench.ts [--persons 600000] [--runs 3] [--queries 1000] [--skip-batch] [--skip-match]
//       [--anchor-python PYTHON [--anchor-raw]] [--other-root DIR]
// 600,000 people give about 1.0 million records. The generated file is kept in the temp folder between runs.
// --anchor-python: a Python in which `import splink` works (Splink, the probabilistic linker the issue names as
// the anchor; not a dependency of Amaan, not installed by the project). Each run then also runs the anchor on the
// same file, the two in turn (which goes first alternates), and both pair lists are scored against the generator's
// labels by the same code (bench/resolution-pairs-eval.ts). The anchor is bench/resolution-splink-keys.ts (Amaan's
// name keys, see there) then bench/resolution-splink.py --keys; its time and CPU are the sum of the two processes.
// --anchor-raw: the anchor on the raw strings instead (no keys), as before session 8.
// --other-root: another checkout of Amaan (e.g. `git archive <commit>` unpacked, with node_modules) whose
// `amaan resolve` runs on the same file in turn with this one's, for an old-against-new ratio from one run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateResolutionSet } from './resolution-data.ts';
import { ResolutionIndex } from '../src/modules/resolution/resolution-index.ts';
import { evaluate } from './resolution-metrics.ts';
import { readLabelledSet, readPairs, summary } from './resolution-pairs-eval.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '600000' }, runs: { type: 'string', default: '3' }, queries: { type: 'string', default: '1000' },
    'skip-batch': { type: 'boolean', default: false }, 'skip-match': { type: 'boolean', default: false }, seed: { type: 'string', default: '11' },
    'anchor-python': { type: 'string' }, 'anchor-raw': { type: 'boolean', default: false }, 'other-root': { type: 'string' },
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
  const anchorPython = values['anchor-python'];
  // Precision and recall of a pair list against the generator's labels (every pair of records of one person is a
  // true pair), overall and for cross-script pairs (the issue's aim), by the same code for both.
  const labelled = readLabelledSet(`${base}.jsonl`, `${base}.labels.tsv`);
  const quality = (pairsPath: string): string => summary(evaluate(labelled, readPairs(pairsPath)));
  // GNU time reports wall seconds, user and system CPU seconds (of the process and the children it waited for,
  // worker threads included) and peak memory.
  const timed = (argv: string[], what: string): { wall: number; cpu: number; rss: number; stdout: string } => {
    const t = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...argv], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
    if (t.status !== 0) throw new Error(`${what} failed: ${t.stderr.slice(-2000)}`);
    const [e, u, s, m] = t.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number, number];
    return { wall: e, cpu: u + s, rss: m / 2 ** 20, stdout: t.stdout };
  };
  const runAmaan = (at = root, out = `${base}.pairs.jsonl`): { wall: number; cpu: number; note: string } => {
    const t = timed(['sh', '-c', `"${process.execPath}" "${join(at, 'bin/amaan.js')}" resolve --records "${base}.jsonl" > "${out}"`], 'resolve');
    return { wall: t.wall, cpu: t.cpu, note: `peak RSS ${t.rss.toFixed(1)} GiB, ${quality(out)}` };
  };
  const runAnchor = (python: string, raw: boolean): { wall: number; cpu: number; note: string } => {
    const keys = raw ? null : timed([process.execPath, '--import', 'tsx', join(root, 'bench/resolution-splink-keys.ts'), '--records', `${base}.jsonl`, '--out', `${base}.keys.tsv`], 'the anchor\'s keys');
    const pairsPath = `${base}.splink.tsv`;
    const t = timed([python, join(root, 'bench/resolution-splink.py'), '--records', `${base}.jsonl`, ...(keys ? ['--keys', `${base}.keys.tsv`] : []), '--pairs-out', pairsPath], 'the Splink anchor');
    const out = JSON.parse(t.stdout.trim().split('\n').pop()!) as { splink_s: number; phases_s: Record<string, number> };
    const phases = Object.entries(out.phases_s).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
    const keyNote = keys ? `keys (Node) ${keys.wall.toFixed(1)} s wall, ${keys.cpu.toFixed(1)} s CPU; ` : '';
    return {
      wall: t.wall + (keys?.wall ?? 0), cpu: t.cpu + (keys?.cpu ?? 0),
      note: `${keyNote}Splink process ${t.wall.toFixed(1)} s wall, ${t.cpu.toFixed(1)} s CPU, peak RSS ${t.rss.toFixed(1)} GiB; ${quality(pairsPath)}; Splink's own phases ${out.splink_s.toFixed(1)} s wall: ${phases}`,
    };
  };
  const contenders: Array<{ name: string; run: () => { wall: number; cpu: number; note: string } }> = [{ name: 'amaan resolve', run: () => runAmaan() }];
  const other = values['other-root'];
  if (other) contenders.push({ name: `amaan resolve at ${other}`, run: () => runAmaan(other, `${base}.other-pairs.jsonl`) });
  if (anchorPython) contenders.push({ name: 'Splink (DuckDB)', run: () => runAnchor(anchorPython, values['anchor-raw']) });
  const wall = new Map<string, number[]>(contenders.map((c) => [c.name, []])), cpu = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      const res = c.run();
      wall.get(c.name)!.push(res.wall); cpu.get(c.name)!.push(res.cpu);
      console.log(`  run ${r + 1}, ${c.name}: ${res.wall.toFixed(1)} s wall, ${res.cpu.toFixed(1)} s CPU (user+sys), ${res.note}; load ${load()}`);
    }
  }
  for (const c of contenders) {
    const w = wall.get(c.name)!, u = cpu.get(c.name)!;
    console.log(`  ${c.name}: median ${median(w).toFixed(1)} s wall (min ${Math.min(...w).toFixed(1)}, max ${Math.max(...w).toFixed(1)}); median CPU ${median(u).toFixed(1)} s`);
  }
  if (other) {
    const ratio = (m: Map<string, number[]>) => (median(m.get(`amaan resolve at ${other}`)!) / median(m.get('amaan resolve')!)).toFixed(2);
    console.log(`  this checkout's speed against ${other}'s (medians): ${ratio(wall)}x by wall clock, ${ratio(cpu)}x by CPU time`);
  }
  if (anchorPython) {
    const ratio = (m: Map<string, number[]>) => (median(m.get('Splink (DuckDB)')!) / median(m.get('amaan resolve')!)).toFixed(2);
    console.log(`  Amaan's speed against Splink's (medians): ${ratio(wall)}x by wall clock, ${ratio(cpu)}x by CPU time`);
  }
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
