// Statistics at national scale (issue 12): on a generated dataset of N cases and 5N persons on PostgreSQL,
// the time of every figure of the registry by grouping (p50/p95), the national briefing PDF, the published
// exports, and `amaan plan`'s observations.
//
//   node --import tsx bench/figures.bench.ts [--cases 1000000] [--runs 7] [--pg-url postgres://postgres@127.0.0.1:5432/test]
//       [--keep] [--write-docs]
//
// A scratch database is created on the server, migrated and seeded through startPlatform (as `amaan serve`
// would), filled by bench/figures-data.ts, ANALYZEd, then each query runs --runs times in turn (after one
// warm-up run). --keep leaves the database for EXPLAIN ANALYZE (its name is printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { figures, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { produceBriefing, produceExport } from '../src/modules/reports/reports.service.ts';
import { computePlan } from '../src/modules/planning/planning.service.ts';
import { generateFiguresData } from './figures-data.ts';
import { writeDocsSection } from './docs-section.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const CASES = Number(arg('--cases', '1000000'));
const RUNS = Number(arg('--runs', '7'));
const PG_URL = arg('--pg-url', process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const GROUPINGS = (arg('--groupings', 'none,province,district,month') as string).split(',') as Grouping[];
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);

async function time<T>(work: () => Promise<T>): Promise<number[]> {
  await work();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

const REUSE = arg('--db', '');
const GENERATE_ONLY = args.includes('--generate-only');
const KEEP = args.includes('--keep') || GENERATE_ONLY || REUSE !== '';
const name = REUSE || `amaan_bench_fig_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
if (!REUSE) await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(PG_URL);
url.pathname = `/${name}`;
const dataDir = mkdtempSync(join(tmpdir(), 'amaan-bench-fig-'));
const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), NODE_ENV: 'development' });
const started = await startPlatform(config);
const ctx = { ...started.ctx, actor: systemActor('cli:bench') };
try {
  const load = loadavg().map((v) => v.toFixed(1)).join(' ');
  say('## Statistics and the briefing (issue 12)');
  say(`Command: \`node --import tsx bench/figures.bench.ts --cases ${CASES} --runs ${RUNS}${args.includes('--write-docs') ? ' --write-docs' : ''}\`; ${new Date().toISOString().slice(0, 10)}.`);
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version} on the same host, default settings. **Shared and loaded**: load average ${load} at the start (other engineers' builds and tests ran at the same time), so figures vary run to run; p50 and p95 are of ${RUNS} runs after one warm-up (with ${RUNS} runs p95 is the slowest but one).`);
  say('');
  const gen = new pg.Client({ connectionString: url.toString() });
  gen.on('error', () => undefined);
  await gen.connect();
  const t0 = performance.now();
  const counts = await generateFiguresData(gen, CASES, (s) => console.log(s)).finally(() => gen.end());
  say(`Data (bench/figures-data.ts, generated in ${((performance.now() - t0) / 1000).toFixed(0)} s): ${counts.cases.toLocaleString('en-US')} cases over every district, ${counts.persons.toLocaleString('en-US')} persons, ${counts.history.toLocaleString('en-US')} status history rows, ${counts.arrests.toLocaleString('en-US')} arrests, ${counts.verdicts.toLocaleString('en-US')} verdicts, ${counts.victims.toLocaleString('en-US')} victims, ${counts.operations.toLocaleString('en-US')} operations, ${counts.users} investigators.`);
  say('');

  const catalogue = await currentCatalogue(ctx.db);
  const base: FigureParams = { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue };
  say(`Every figure for the year 2024, nation, child-exploitation cases, by grouping (aim: p95 < 200 ms). p50 / p95:`);
  say('');
  say(`| figure | ${GROUPINGS.join(' | ')} |`);
  say(`| --- | ${GROUPINGS.map(() => '---').join(' | ')} |`);
  const slow: string[] = [];
  for (const def of figures) {
    const cells: string[] = [];
    for (const g of GROUPINGS) {
      const xs = await time(() => computeFigure(ctx.db, def, { ...base, groupBy: g }));
      const p95 = q(xs, 0.95);
      if (p95 > 200) slow.push(`${def.id}/${g}`);
      cells.push(`${ms(q(xs, 0.5))} / ${ms(p95)}`);
    }
    say(`| ${def.id} | ${cells.join(' | ')} |`);
    console.error(`  ${def.id} done`);
  }
  say('');
  say(slow.length ? `Over the aim: ${slow.join(', ')}.` : 'Every figure within the aim.');
  say('');

  const products: Array<[string, () => Promise<unknown>]> = [
    ['national briefing PDF, 2024 (`produceBriefing`)', () => produceBriefing(ctx, { from: '2024-01-01', to: '2024-12-31' })],
    ['export firs_by_district, CSV', () => produceExport(ctx, 'firs_by_district', 'csv', { from: '2024-01-01', to: '2024-12-31' })],
    ['export backlog_by_province, XLSX', () => produceExport(ctx, 'backlog_by_province', 'xlsx', { from: '2024-01-01', to: '2024-12-31' })],
    ['capacity plan, 2024 (`computePlan`)', () => computePlan(ctx.db, 'Asia/Karachi', { from: '2024-01-01', to: '2024-12-31' })],
  ];
  say('| product | p50 | p95 | runs |');
  say('| --- | --- | --- | --- |');
  const runsFor = Math.max(3, Math.min(RUNS, 5));
  for (const [label, work] of products) {
    await work();
    const xs: number[] = [];
    for (let i = 0; i < runsFor; i++) {
      const t1 = performance.now();
      await work();
      xs.push(performance.now() - t1);
    }
    say(`| ${label} | ${ms(q(xs, 0.5))} | ${ms(q(xs, 0.95))} | ${runsFor} |`);
  }
  say('');
  if (args.includes('--write-docs')) writeDocsSection('## Statistics and the briefing (issue 12)', lines.join('\n'));
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await started.database.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (args.includes('--keep')) console.log(`kept database ${name}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
