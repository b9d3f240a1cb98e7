// Stock figures from the pre-aggregated rollup (migration 0039, src/modules/stats/rollup/stock.ts) beside the exact
// SQL (registry.ts exactStock) on the same data in the same run, interleaved, rows compared on the warm-up; and
// what the rollup's triggers add to a status change (update of cases.status and one history row, rolled back),
// with them and without them in turn.
//
//   node --import tsx bench/stock-rollup.bench.ts --db NAME [--runs 7] [--writes 50] [--groupings none,province,district]
//       [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
//
// NAME: a database of bench/figures-data.ts (e.g. a copy of a kept 1,000,000-case one). Migrated to the latest
// schema here (not through startPlatform, whose start-up jobs, e.g. sealing the generated placements one by one,
// are not what is measured): on a database before migration 0039, that is the rollup's backfill, timed here.
import { cpus, loadavg, totalmem } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/platform/db/database.ts';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { exactStock, figureById, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const DB = arg('--db', '');
if (!DB) throw new Error('--db NAME');
const RUNS = Number(arg('--runs', '7'));
const WRITES = Number(arg('--writes', '50'));
const GROUPINGS = arg('--groupings', 'none,province,district').split(',') as Grouping[];
const u = new URL(arg('--pg-url', 'postgres://postgres@127.0.0.1:5432/postgres'));
u.pathname = `/${DB}`;
const url = u.toString();

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const loadNow = () => loadavg().map((v) => v.toFixed(1)).join(' ');
const spread = (xs: number[]) => `${ms(Math.min(...xs))}-${ms(Math.max(...xs))}`;

/** A and B interleaved: one warm-up each, then `runs` rounds alternating which goes first. */
async function pair(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number) {
  const ta: number[] = [];
  const tb: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await work();
    into.push(performance.now() - t0);
  };
  await a();
  await b();
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) await timed(a, ta);
    await timed(b, tb);
    if (i % 2 === 1) await timed(a, ta);
  }
  return { a: ta, b: tb };
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${new Date().toISOString()}; load average ${loadNow()} at the start.`);
const before = new pg.Client({ connectionString: url });
await before.connect();
const had = (await before.query(`SELECT count(*)::int AS n FROM kysely_migration WHERE name = '0039_stock_rollup'`)).rows[0].n as number;
await before.end();
const started = { database: await openDatabase({ url, poolSize: 2 }) };
const t0 = performance.now();
const applied = await migrateToLatest(started.database.db);
const startMs = performance.now() - t0;
console.log(`Migrations applied: ${applied.join(', ') || 'none'} in ${ms(startMs)}${had ? '' : " (migration 0039's backfill)"}, load average ${loadNow()} after.`);
const db = started.database.db;
try {
  const sizes = (await sql<{ t: string; n: string; size: string }>`
    SELECT t, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', t), false, true, '')))[1]::text AS n, pg_size_pretty(pg_total_relation_size(t::regclass)) AS size
    FROM unnest(ARRAY['cases', 'case_status_spans', 'stock_case_parts', 'stock_status_daily', 'stock_status_checkpoints', 'stock_checkpoint_months', 'stock_offence_sets']) t`.execute(db)).rows;
  console.log(`Rows: ${sizes.map((s) => `${s.t} ${Number(s.n).toLocaleString('en-US')} (${s.size})`).join(', ')}.`);
  const catalogue = await currentCatalogue(db);
  const def = figureById('cases_by_status')!;
  const exactDef = { ...def, build: exactStock.cases_by_status };
  const province = (await sql<{ p: string }>`SELECT province AS p FROM districts ORDER BY province LIMIT 1`.execute(db)).rows[0]!.p;
  const cases: Array<[string, Partial<FigureParams>]> = [
    ...GROUPINGS.map((g) => [`2024, nation, by ${g}`, { groupBy: g }] as [string, Partial<FigureParams>]),
    [`2024, province ${province}, by district`, { province, groupBy: 'district' }],
    ['2024, nation, by category, all offences', { groupBy: 'category', offences: 'all' }],
    ['to 2024-06-15 (mid-month: checkpoint + daily changes), by province', { to: '2024-06-15', groupBy: 'province' }],
  ];
  console.log('');
  console.log(`Cases by status (exact: registry.ts exactStock over the spans of migration 0037; rollup: migration 0039), p50 / p95 of ${RUNS} runs each after a warm-up, interleaved; rows identical on the warm-up.`);
  console.log('');
  console.log('| scope | exact p50 / p95 (spread) | rollup p50 / p95 (spread) | ratio (p50) | load average after |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [label, over] of cases) {
    const p: FigureParams = { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue, ...over };
    const [x, r] = [await computeFigure(db, exactDef, p), await computeFigure(db, def, p)];
    if (!isDeepStrictEqual(x, r)) throw new Error(`${label}: rollup and exact differ\n${JSON.stringify(x)}\n${JSON.stringify(r)}`);
    const { a, b } = await pair(() => computeFigure(db, exactDef, p), () => computeFigure(db, def, p), RUNS);
    console.log(`| ${label} | ${ms(q(a, 0.5))} / ${ms(q(a, 0.95))} (${spread(a)}) | ${ms(q(b, 0.5))} / ${ms(q(b, 0.95))} (${spread(b)}) | ${(q(a, 0.5) / q(b, 0.5)).toFixed(0)}× | ${loadNow()} |`);
  }

  // A status change as the case service writes it (the case row's status, one history row), rolled back so the
  // data stay as they were; with the rollup's triggers and with them disabled (owner connection), in turn.
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    const ids = (await owner.query(`SELECT id FROM cases ORDER BY md5(id::text) LIMIT $1`, [WRITES * 2])).rows.map((r) => r.id as string);
    const triggers = ['case_status_history', 'cases', 'case_offences'];
    const setTriggers = async (on: boolean) => {
      for (const tb of triggers) {
        for (const tg of (await owner.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname LIKE 'case_stock_%'`, [tb])).rows) {
          await owner.query(`ALTER TABLE ${tb} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${tg.tgname}`);
        }
      }
    };
    let k = 0;
    const write = async () => {
      const id = ids[k++ % ids.length]!;
      await owner.query('BEGIN');
      await owner.query(`UPDATE cases SET status = 'under_investigation', updated_at = now() WHERE id = $1`, [id]);
      await owner.query(`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES ($1, 'under_investigation', 'bench', now())`, [id]);
      await owner.query('ROLLBACK');
    };
    const off: number[] = [];
    const on: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const enabled of round % 2 ? [true, false] : [false, true]) {
        await setTriggers(enabled);
        for (let i = 0; i < WRITES / 2; i++) {
          const t1 = performance.now();
          await write();
          (enabled ? on : off).push(performance.now() - t1);
        }
      }
    }
    await setTriggers(true);
    console.log('');
    console.log(`A status change (UPDATE cases.status + INSERT one history row, in a transaction, rolled back), ${on.length} each, blocks with and without the rollup's triggers in turn (the spans triggers of 0037 on in both):`);
    console.log('');
    console.log('| | p50 | p95 | spread |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| without the rollup triggers | ${ms(q(off, 0.5))} | ${ms(q(off, 0.95))} | ${spread(off)} |`);
    console.log(`| with them | ${ms(q(on, 0.5))} | ${ms(q(on, 0.95))} | ${spread(on)} |`);
    console.log(`Added (p50): ${ms(q(on, 0.5) - q(off, 0.5))}; load average ${loadNow()} at the end.`);
  } finally {
    await owner.end();
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await started.database.close();
}
