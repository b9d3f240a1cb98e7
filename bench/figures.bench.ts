// Statistics at national scale (issue 12): on a generated dataset of N cases and 5N persons, every figure of
// the registry by grouping (p50/p95) and the national briefing PDF, the rewritten SQL (registry.ts) beside
// the old (test/stats/figures-reference.ts) in the same run, on PostgreSQL or PGlite.
//
//   node --import tsx bench/figures.bench.ts [--engine postgres|pglite] [--cases 1000000] [--runs 7]
//       [--groupings none,province] [--figures firs,backlog] [--pg-url postgres://postgres@127.0.0.1:5432/test]
//       [--scopes nation,province,district,branch]
//       [--db NAME] [--name NEW_DB_NAME] [--generate-only] [--keep] [--no-old] [--plan] [--write-docs]
//   node --import tsx bench/figures.bench.ts --url postgres://postgres@127.0.0.1:5432/amaan_national_x [--runs 5] ...
//
// --url: an EXISTING database, read only (every connection runs with default_transaction_read_only = on; no
// migration, no generation, nothing written): every figure by grouping, and the national briefing's data and
// PDF (`gatherBriefing` + `briefingPdf`, i.e. `produceBriefing` without its one write, the publication record).
// A pre-aggregation the database's schema lacks (a migration not applied there) is left out: those figures run
// their exact SQL on both sides, and the output says so.
//
// PostgreSQL: a scratch database is created on the server (or --db NAME reuses one kept before: no
// generation), migrated and seeded through startPlatform (as `amaan serve` would), filled by
// bench/figures-data.ts. PGlite: a data folder of its own under the system temp folder. Each figure then
// runs once old and once new as a warm-up (their rows must be identical, or the bench stops), and --runs
// times in turn, old and new alternating which goes first, so both see the same load. The briefing runs the
// same way, with the registry's definitions switched to the old SQL for the old runs. --keep leaves the
// PostgreSQL database for bench/figures-explain.ts (its name is printed).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { switchToAppRole } from '../src/platform/db/app-role.ts';
import { computeFigure, currentCatalogue } from '../src/modules/stats/figures/figures.service.ts';
import { withExactFigures } from '../src/modules/stats/figures/rollup.ts';
import { exactStock, figures, type FigureDefinition, type FigureParams, type Grouping } from '../src/modules/stats/figures/registry.ts';
import { spanFigures } from '../src/modules/stats/rollup/stock.ts';
import { produceBriefing } from '../src/modules/reports/reports.service.ts';
import { gatherBriefing } from '../src/modules/reports/briefing.data.ts';
import { briefingPdf } from '../src/modules/reports/briefing.pdf.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import { computePlan } from '../src/modules/planning/planning.service.ts';
import { planningSql } from '../src/modules/planning/planning.data.ts';
import { withReferencePlanning } from '../test/planning/planning-reference.ts';
import { referenceFigureById } from '../test/stats/figures-reference.ts';
import { generateFiguresData, type GeneratedCounts, type SqlRunner } from './figures-data.ts';
import { writeDocsSection } from './docs-section.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const ENGINE = arg('--engine', 'postgres') as 'postgres' | 'pglite';
const CASES = Number(arg('--cases', '1000000'));
const RUNS = Number(arg('--runs', '7'));
const PG_URL = arg('--pg-url', process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const GROUPINGS = arg('--groupings', 'none,province').split(',') as Grouping[];
const ONLY = arg('--figures', '') ? arg('--figures', '').split(',') : null;
// The areas asked: the nation, the province, district and branch with the most cases (the dashboard's views).
const SCOPES = arg('--scopes', 'nation').split(',');
const READ_ONLY_URL = arg('--url', '');
const REUSE = ENGINE === 'postgres' ? arg('--db', '') || (READ_ONLY_URL ? new URL(READ_ONLY_URL).pathname.slice(1) : '') : '';
const GENERATE_ONLY = args.includes('--generate-only');
const KEEP = args.includes('--keep') || GENERATE_ONLY || REUSE !== '';
const OLD = !args.includes('--no-old');
// What the "old" column is: `exact` (default), the registry's SQL beside the same figure answered from the flow
// figures' rollup (migration 0038) where it serves; `reference`, the SQL before the rewrite for scale.
const VERSUS = arg('--versus', 'exact') as 'exact' | 'reference';
if (!['exact', 'reference'].includes(VERSUS)) throw new Error('--versus exact|reference');
const WRITES = Number(arg('--writes', '0'));
const HEADING = `## Statistics and the briefing (issue 12)${ENGINE === 'pglite' ? ', PGlite' : ''}`;
if (!['postgres', 'pglite'].includes(ENGINE)) throw new Error('--engine postgres|pglite');
if (READ_ONLY_URL && (ENGINE !== 'postgres' || WRITES > 0 || args.includes('--plan') || args.includes('--db'))) throw new Error('--url (read only): PostgreSQL, without --writes, --plan or --db');

/** The exact SQL of a figure: the registry's, and for the stock figures the rollups serve, exactStock's. */
const exactDef = (def: FigureDefinition): FigureDefinition => {
  const exact = (exactStock as Record<string, FigureDefinition['build'] | undefined>)[def.id];
  return exact ? { ...def, build: exact } : def;
};
/** Runs `work` with every registry definition's build replaced (the briefing looks its figures up by id). */
const withBuilds = async <T,>(build: (def: FigureDefinition) => FigureDefinition['build'], work: () => Promise<T>): Promise<T> => {
  const own = new Map(figures.map((f) => [f.id, f.build] as const));
  for (const f of figures) (f as { build: FigureDefinition['build'] }).build = build(f);
  try {
    return await work();
  } finally {
    for (const f of figures) (f as { build: FigureDefinition['build'] }).build = own.get(f.id)!;
  }
};

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
const ratio = (old: number[], now: number[]) => `${(q(old, 0.5) / q(now, 0.5)).toFixed(1)}×`;
const loadNow = () => loadavg().map((v) => v.toFixed(1)).join(' ');

/** Old and new, interleaved: warm-up each once, then RUNS rounds alternating which goes first. */
async function pair(old: (() => Promise<unknown>) | null, now: () => Promise<unknown>, runs = RUNS) {
  const o: number[] = [];
  const n: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await work();
    into.push(performance.now() - t0);
  };
  if (old) await old();
  await now();
  for (let i = 0; i < runs; i++) {
    if (old && i % 2 === 0) await timed(old, o);
    await timed(now, n);
    if (old && i % 2 === 1) await timed(old, o);
  }
  return { o, n };
}

const dataDir = mkdtempSync(join(tmpdir(), 'amaan-bench-fig-'));
const name = REUSE || arg('--name', `amaan_bench_fig_${process.pid}`);
let admin: pg.Client | null = null;
let url: string | undefined;
if (ENGINE === 'postgres' && !READ_ONLY_URL) {
  admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  if (!REUSE) await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  url = u.toString();
}
const config = loadConfig({ ...process.env, DATABASE_URL: url ?? '', AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), NODE_ENV: 'development' });
const tStart = performance.now();
const loadAtStart = loadNow();
const readOnlyUrl = () => {
  const u = new URL(READ_ONLY_URL);
  u.searchParams.set('options', '-c default_transaction_read_only=on');
  return u.toString();
};
const started = READ_ONLY_URL
  ? await (async () => {
    const database = await openDatabase({ url: readOnlyUrl(), poolSize: 4 });
    return { database, migrated: [] as string[], ctx: { db: database.db, config } as unknown as ServiceContext };
  })()
  : await startPlatform({ ...config, databaseUrl: url });
const startMs = performance.now() - tStart;
const ctx = { ...started.ctx, actor: systemActor('cli:bench') } as ServiceContext;
// Pre-aggregations missing from the database's schema (read only: not built here): their figures read the exact SQL.
const missingSpans = READ_ONLY_URL && !(await sql<{ t: boolean }>`SELECT to_regclass('stat_stock_spans') IS NOT NULL AS t`.execute(ctx.db)).rows[0]!.t;
const own = new Map(figures.map((f) => [f.id, f.build] as const));
if (missingSpans) for (const f of figures) if ((spanFigures as readonly string[]).includes(f.id)) (f as { build: FigureDefinition['build'] }).build = exactDef(f).build;
try {
  say(HEADING);
  say(`Command: \`node --import tsx bench/figures.bench.ts ${args.filter((a) => a !== '--write-docs' && a !== '--keep').join(' ')}\`; ${new Date().toISOString().slice(0, 10)}.`);
  const version = (await sql<{ v: string }>`SELECT version() AS v`.execute(ctx.db)).rows[0]!.v.split(',')[0];
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${ENGINE === 'postgres' ? `${version} on the same host, default settings` : `PGlite (${version}, WebAssembly, in this process), data folder on local disk`}. Load average ${loadNow()} at the start (other work on this machine, if any, is said beside the figures); old and new run in turn (alternating which goes first) to see the same load. p50/p95 of ${RUNS} runs each after one warm-up (with ${RUNS} runs, p95 is the slowest or the slowest but one).`);
  say('');

  let counts: GeneratedCounts | null = null;
  if (!REUSE) {
    const t0 = performance.now();
    if (ENGINE === 'postgres') {
      const gen = new pg.Client({ connectionString: url });
      gen.on('error', () => undefined);
      await gen.connect();
      counts = await generateFiguresData(gen, CASES, (s) => console.log(s)).finally(() => gen.end());
    } else {
      // PGlite has one session: the owner (superuser) for generation, then the application role again.
      await sql`RESET ROLE`.execute(ctx.db);
      const runner: SqlRunner = {
        query: async (text, params = []) => {
          const r = await ctx.db.executeQuery(CompiledQuery.raw(text, params));
          return { rows: r.rows as Array<Record<string, unknown>>, rowCount: r.numAffectedRows === undefined ? null : Number(r.numAffectedRows) };
        },
      };
      try {
        counts = await generateFiguresData(runner, CASES, (s) => console.log(s));
      } finally {
        await switchToAppRole(ctx.db);
      }
    }
    say(`Data (bench/figures-data.ts, generated in ${((performance.now() - t0) / 1000).toFixed(0)} s, load average ${loadNow()} after): ${counts.cases.toLocaleString('en-US')} cases over every district, ${counts.persons.toLocaleString('en-US')} persons, ${counts.history.toLocaleString('en-US')} status history rows, ${counts.arrests.toLocaleString('en-US')} arrests, ${counts.verdicts.toLocaleString('en-US')} verdicts, ${counts.victims.toLocaleString('en-US')} victims, ${counts.operations.toLocaleString('en-US')} operations, ${counts.users} investigators.`);
  } else if (READ_ONLY_URL) {
    const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(ctx.db)).rows[0]!.n;
    const p = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM persons`.execute(ctx.db)).rows[0]!.n;
    const last = (await sql<{ name: string }>`SELECT max(name) AS name FROM kysely_migration`.execute(ctx.db)).rows[0]!.name;
    say(`Data: the existing database ${name}, read only (default_transaction_read_only), ${n.toLocaleString('en-US')} cases, ${p.toLocaleString('en-US')} persons, schema up to ${last}.${missingSpans ? ' Migration 0044 (stat_stock_spans) is not applied there: backlog, open caseload and children in care read their exact SQL on both sides.' : ''}`);
  } else {
    const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(ctx.db)).rows[0]!.n;
    say(`Data: the kept database ${name} (bench/figures-data.ts), ${n.toLocaleString('en-US')} cases.`);
    say(`Start (startPlatform: migrations ${started.migrated.length ? started.migrated.join(', ') : 'none pending'}${started.migrated.includes('0038_stat_flow') ? ', with the flow events\' backfill' : ''}): ${ms(startMs)}, load average ${loadAtStart} before.`);
  }
  say('');
  if (GENERATE_ONLY) {
    console.log(`generated; kept database ${name}`);
  } else {
    const catalogue = await currentCatalogue(ctx.db);
    const base: FigureParams = { from: '2024-01-01', to: '2024-12-31', timeZone: 'Asia/Karachi', province: null, districtId: null, branchId: null, category: null, offences: 'child_exploitation', groupBy: 'none', catalogue };
    say(VERSUS === 'exact'
      ? `Every figure for the year 2024, nation, child-exploitation cases (aim: p95 < 200 ms). p50 / p95, old = the registry's exact SQL (registry.ts, \`exactStock\` for the stock figures: status spans of migration 0037), new = \`computeFigure\` as the application runs it (the flow figures from their events, migration 0038, where rollup.ts finds they answer the same; cases by status from the stock rollup, 0039; backlog, open caseload and children in care from the intervals of 0044; operations the exact SQL on both sides), and old p50 ÷ new p50. Rows of old and new compared on the warm-up: identical.`
      : `Every figure for the year 2024, nation, child-exploitation cases (aim: p95 < 200 ms). p50 / p95, old SQL (test/stats/figures-reference.ts: one materialised set of every case in scope, status probed per case) and new (\`computeFigure\` as the application runs it: registry.ts, and the flow figures' events of migration 0038 where they serve), and old p50 ÷ new p50. Rows of old and new compared on every warm-up: identical.`);
    say('');
    const busiest = async (by: RawBuilder<unknown>, label: RawBuilder<unknown>) => (await sql<{ id: string; name: string; n: number }>`
      SELECT ${by} AS id, ${label} AS name, count(*)::int AS n FROM cases c JOIN districts d ON d.id = c.district_id JOIN branches b ON b.id = c.branch_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`.execute(ctx.db)).rows[0]!;
    const scopes: Array<{ label: string; over: Partial<FigureParams> }> = [];
    for (const scope of SCOPES) {
      if (scope === 'nation') scopes.push({ label: 'nation', over: {} });
      else if (scope === 'province') { const x = await busiest(sql`d.province`, sql`d.province`); scopes.push({ label: `province ${x.name} (${x.n.toLocaleString('en-US')} cases)`, over: { province: x.id } }); }
      else if (scope === 'district') { const x = await busiest(sql`d.id`, sql`d.name`); scopes.push({ label: `district ${x.name} (${x.n.toLocaleString('en-US')} cases)`, over: { districtId: Number(x.id) } }); }
      else if (scope === 'branch') { const x = await busiest(sql`b.id`, sql`b.name`); scopes.push({ label: `branch ${x.name} (${x.n.toLocaleString('en-US')} cases)`, over: { branchId: Number(x.id) } }); }
      else throw new Error('--scopes nation,province,district,branch');
    }
    if (SCOPES.join() !== 'nation') say(`Scopes: ${scopes.map((x) => x.label).join('; ')}.`);
    say('');
    say(`| figure | scope | grouping | old p50 / p95 | new p50 / p95 | ratio |`);
    say(`| --- | --- | --- | --- | --- | --- |`);
    const slow: string[] = [];
    for (const scope of scopes) for (const def of figures) {
      if (ONLY && !ONLY.includes(def.id)) continue;
      const ref = referenceFigureById(def.id)!;
      for (const g of GROUPINGS) {
        const p = { ...base, ...scope.over, groupBy: g };
        const old = VERSUS === 'exact' ? () => computeFigure(ctx.db, exactDef(def), p, 'exact') : () => computeFigure(ctx.db, ref, p);
        if (OLD) {
          const [a, b] = [await old(), await computeFigure(ctx.db, def, p)];
          if (!isDeepStrictEqual(a, b)) throw new Error(`${def.id}/${g}: old and new rows differ\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
        }
        const { o, n } = await pair(OLD ? old : null, () => computeFigure(ctx.db, def, p));
        if (q(n, 0.95) > 200) slow.push(`${def.id}/${scope.label}/${g}`);
        say(`| ${def.id} | ${scope.label} | ${g} | ${OLD ? `${ms(q(o, 0.5))} / ${ms(q(o, 0.95))}` : '—'} | ${ms(q(n, 0.5))} / ${ms(q(n, 0.95))} | ${OLD ? ratio(o, n) : '—'} |`);
      }
    }
    say('');
    say(slow.length ? `New SQL over the aim (p95 > 200 ms): ${slow.join(', ')}.` : 'Every figure within the aim with the new SQL.');
    say('');

    // The briefing with the old SQL: the registry's definitions (which the briefing looks up by id) get the
    // reference builds for the old runs and their own back after.
    const withOld = async <T,>(work: () => Promise<T>): Promise<T> => {
      if (VERSUS === 'exact') return withExactFigures(() => withBuilds((f) => exactDef({ ...f, build: own.get(f.id)! }).build, work));
      return withBuilds((f) => referenceFigureById(f.id)!.build, work);
    };
    // Read only: the briefing's data and PDF without the publication record (its one write).
    const briefing = READ_ONLY_URL
      ? async (): Promise<unknown> => briefingPdf(await gatherBriefing(ctx, { from: '2024-01-01', to: '2024-12-31' }))
      : (): Promise<unknown> => produceBriefing(ctx, { from: '2024-01-01', to: '2024-12-31' });
    const bRuns = Math.max(3, Math.min(RUNS, 5));
    const br = await pair(OLD ? () => withOld(briefing) : null, briefing, bRuns);
    say('| product | old p50 / p95 | new p50 / p95 | ratio | runs |');
    say('| --- | --- | --- | --- | --- |');
    say(`| national briefing PDF, 2024 (\`${READ_ONLY_URL ? 'gatherBriefing + briefingPdf' : 'produceBriefing'}\`; aim < 5 s) | ${OLD ? `${ms(q(br.o, 0.5))} / ${ms(q(br.o, 0.95))}` : '—'} | ${ms(q(br.n, 0.5))} / ${ms(q(br.n, 0.95))} | ${OLD ? ratio(br.o, br.n) : '—'} | ${bRuns} |`);
    if (args.includes('--plan')) {
      // Old: observe()'s per-case pass as before migration 0037 (test/planning/planning-reference.ts); plans compared.
      const plan = () => computePlan(ctx.db, 'Asia/Karachi', { from: '2024-01-01', to: '2024-12-31' });
      const oldPlan = () => withReferencePlanning(planningSql, plan);
      if (OLD) {
        const [a, b] = [await oldPlan(), await plan()];
        if (!isDeepStrictEqual(a, b)) throw new Error('capacity plan: old and new differ');
      }
      const pl = await pair(OLD ? oldPlan : null, plan, bRuns);
      say(`| capacity plan, 2024 (\`computePlan\`) | ${OLD ? `${ms(q(pl.o, 0.5))} / ${ms(q(pl.o, 0.95))}` : '—'} | ${ms(q(pl.n, 0.5))} / ${ms(q(pl.n, 0.95))} | ${OLD ? ratio(pl.o, pl.n) : '—'} | ${bRuns} |`);
    }
    if (WRITES > 0 && url) await writeCost(url, WRITES);
    say('');
    say(`Load average at the end: ${loadNow()}.`);
    if (args.includes('--write-docs')) writeDocsSection(HEADING, lines.join('\n'));
  }
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await started.database.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (admin) {
    if (KEEP) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * What the flow events' triggers (migration 0038) add to a write: N transactions each writing a case, its two
 * offences, an arrest, a charge and a verdict, then setting its challan date, with the triggers and, in turn,
 * with the stat_flow triggers disabled inside the same transaction (ALTER TABLE ... DISABLE TRIGGER, as the
 * owner); every transaction rolls back, so the data stay as they were.
 */
async function writeCost(dbUrl: string, n: number) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const one = (await c.query(`SELECT b.id AS branch_id, b.seat_district_id AS district_id, (SELECT id FROM users ORDER BY id LIMIT 1) AS user_id, (SELECT id FROM persons ORDER BY id LIMIT 1) AS person_id FROM branches b ORDER BY b.id LIMIT 1`)).rows[0] as { branch_id: number; district_id: number; user_id: string; person_id: string };
    const triggers = (await c.query(`SELECT tgrelid::regclass::text AS t, tgname FROM pg_trigger WHERE tgname LIKE 'stat_flow_%'`)).rows as Array<{ t: string; tgname: string }>;
    const write = async (withTriggers: boolean) => {
      await c.query('BEGIN');
      try {
        if (!withTriggers) for (const tg of triggers) await c.query(`ALTER TABLE ${tg.t} DISABLE TRIGGER ${tg.tgname}`);
        const t0 = performance.now();
        const k = (await c.query(`INSERT INTO cases (branch_id, district_id, title, status, reported_at, fir_registered_at, created_by) VALUES ($1, $2, 'Write bench case', 'fir_registered', now() - interval '30 days', now() - interval '29 days', $3) RETURNING id`, [one.branch_id, one.district_id, one.user_id])).rows[0].id as string;
        await c.query(`INSERT INTO case_offences (case_id, offence_code) VALUES ($1, 'PPC-377B'), ($1, 'PPC-420')`, [k]);
        await c.query(`INSERT INTO arrests (case_id, person_id, arrested_at) VALUES ($1, $2, now() - interval '28 days')`, [k, one.person_id]);
        await c.query(`INSERT INTO charges (case_id, person_id, offence_code, court, framed_at) VALUES ($1, $2, 'PPC-377B', 'Sessions Court', now() - interval '10 days')`, [k, one.person_id]);
        await c.query(`INSERT INTO verdicts (case_id, person_id, outcome, court, decided_at, sentence_months) VALUES ($1, $2, 'convicted', 'Sessions Court', now() - interval '1 day', 60)`, [k, one.person_id]);
        await c.query(`UPDATE cases SET challan_submitted_at = now() - interval '20 days' WHERE id = $1`, [k]);
        return performance.now() - t0;
      } finally {
        await c.query('ROLLBACK');
      }
    };
    const on: number[] = [];
    const off: number[] = [];
    await write(true);
    await write(false);
    for (let i = 0; i < n; i++) {
      if (i % 2 === 0) off.push(await write(false));
      on.push(await write(true));
      if (i % 2 === 1) off.push(await write(false));
    }
    say('');
    say(`Write path (${n} transactions each way, alternating; load average ${loadNow()}): a case, 2 offences, an arrest, a charge, a verdict and the challan date (6 statements, ${triggers.length} stat_flow triggers on the tables).`);
    say('');
    say('| write | without the stat_flow triggers p50 / p95 | with them p50 / p95 | added at p50 |');
    say('| --- | --- | --- | --- |');
    say(`| case with offences, arrest, charge, verdict, challan | ${ms(q(off, 0.5))} / ${ms(q(off, 0.95))} | ${ms(q(on, 0.5))} / ${ms(q(on, 0.95))} | ${(q(on, 0.5) - q(off, 0.5)).toFixed(2)} ms (${(q(on, 0.5) / q(off, 0.5)).toFixed(2)}×) |`);
  } finally {
    await c.end();
  }
}
