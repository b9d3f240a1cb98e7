// EXPLAIN (ANALYZE, BUFFERS) of one figure of the registry on a database kept by `bench/figures.bench.ts --keep`.
//   node --import tsx bench/figures-explain.ts --db postgres://postgres@127.0.0.1:5432/amaan_bench_fig_NNN [--figure firs] [--group none] [--old]
//       [--province P] [--district ID] [--branch ID]
// --old: the SQL before the rewrite for scale (test/stats/figures-reference.ts). Otherwise the statement computeFigure
// runs (the rollups' where they answer, else the registry's SQL), with its settings.
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { rollupQuery } from '../src/modules/stats/figures/rollup.ts';
import { referenceFigureById } from '../test/stats/figures-reference.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const database = await openDatabase({ url: arg('--db', ''), poolSize: 1 });
try {
  const catalogue = await currentCatalogue(database.db);
  const def = (args.includes('--old') ? referenceFigureById : figureById)(arg('--figure', 'firs'))!;
  const num = (name: string) => (arg(name, '') ? Number(arg(name, '')) : null);
  const p: FigureParams = { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: arg('--province', '') || null, districtId: num('--district'), branchId: num('--branch'), category: null, offences: 'child_exploitation', groupBy: arg('--group', 'none') as Grouping, catalogue };
  await database.db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(tx);
    const q = (args.includes('--old') ? null : await rollupQuery(tx, def, p)) ?? def.build(p);
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${q}`.execute(tx);
    for (const r of rows) console.log(r['QUERY PLAN']);
  });
} finally {
  await database.close();
}
