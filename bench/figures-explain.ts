// EXPLAIN (ANALYZE, BUFFERS) of one figure of the registry on a database kept by `bench/figures.bench.ts --keep`.
//   node --import tsx bench/figures-explain.ts --db postgres://postgres@127.0.0.1:5432/amaan_bench_fig_NNN [--figure firs] [--group none] [--old]
// --old: the SQL before the rewrite for scale (test/stats/figures-reference.ts).
import { sql } from 'kysely';
import { openDatabase } from '../src/platform/db/database.ts';
import { currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { figureById, type Grouping } from '../src/modules/stats/figures/registry.ts';
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
  const q = def.build({ from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: arg('--group', 'none') as Grouping, catalogue });
  const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${q}`.execute(database.db);
  for (const r of rows) console.log(r['QUERY PLAN']);
} finally {
  await database.close();
}
