// EXPLAIN ANALYZE of cases by status from the stock rollup (migration 0039) as stockFigure sends it:
//   node --import tsx bench/stock-rollup-explain.ts --db NAME [--to 2024-12-31] [--group none]
import { openDatabase } from '../src/platform/db/database.ts';
import { currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : dflt);
const { db, close } = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${arg('--db', '')}`, poolSize: 1 });
try {
  const catalogue = await currentCatalogue(db);
  const p: FigureParams = { from: '2024-01-01', to: arg('--to', '2024-12-31'), timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: arg('--group', 'none') as Grouping, catalogue };
  const q = figureById('cases_by_status')!.build(p).compile(db);
  const { rows } = await db.executeQuery({ ...q, sql: `EXPLAIN (ANALYZE, BUFFERS) ${q.sql}` } as never);
  for (const r of rows as Array<Record<string, string>>) console.log(r['QUERY PLAN']);
} finally {
  await close();
}
