// The stock figures (and the capacity plan) of this checkout beside those of another checkout of the registry
// (default /work/main: the status read by one DISTINCT ON pass over the history, migration 0032), on a database
// kept by `bench/figures.bench.ts --keep` (it must have this checkout's migrations). Rows compared on warm-up.
//   node --import tsx bench/figures-vs-main.ts --db postgres://postgres@127.0.0.1:5432/amaan_bench_fig_NNN [--other /work/main] [--runs 5]
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { openDatabase } from '../src/platform/db/database.ts';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const RUNS = Number(arg('--runs', '5'));
const other = arg('--other', '/work/main');
const theirs = (await import(`${other}/src/modules/stats/figures/registry.ts`)) as typeof import('../src/modules/stats/figures/registry.ts');
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const database = await openDatabase({ url: arg('--db', ''), poolSize: 1 });
try {
  const catalogue = await currentCatalogue(database.db);
  console.log(`load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} at the start`);
  console.log('| figure | grouping | before (DISTINCT ON over the history) p50 / p95 | spans p50 / p95 | ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const id of (arg('--figures', 'cases_by_status,open_caseload,backlog')).split(',')) {
    for (const g of arg('--groupings', 'none,province').split(',') as Grouping[]) {
      const p: FigureParams = { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: g, catalogue };
      const mine = () => computeFigure(database.db, figureById(id)!, p);
      const before = () => computeFigure(database.db, theirs.figureById(id)!, p);
      if (!isDeepStrictEqual(await before(), await mine())) throw new Error(`${id}/${g}: rows differ`);
      const o: number[] = [];
      const n: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const [work, into] of (i % 2 ? [[mine, n], [before, o]] : [[before, o], [mine, n]]) as Array<[() => Promise<unknown>, number[]]>) {
          const t0 = performance.now();
          await work();
          into.push(performance.now() - t0);
        }
      }
      console.log(`| ${id} | ${g} | ${ms(q(o, 0.5))} / ${ms(q(o, 0.95))} | ${ms(q(n, 0.5))} / ${ms(q(n, 0.95))} | ${(q(o, 0.5) / q(n, 0.5)).toFixed(1)}× |`);
    }
  }
  console.log(`load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} at the end`);
} finally {
  await database.close();
}
