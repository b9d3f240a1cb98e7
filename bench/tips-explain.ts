// Where PostgreSQL's work per report goes in tip intake (issue 11): files `--reports` synthetic reports through
// importReports (`--concurrency` at a time, so batches as large as intake's) into an EXISTING database that the
// intake benchmark filled (bench/tips.bench.ts --db NAME; this script never drops anything), with auto_explain
// loaded in the server's own sessions only and its plans sent to this client as notices, then prints:
//  - per statement kind: calls, total time, and the time of each trigger (foreign-key checks are triggers)
//    summed over the run, per report;
//  - the WAL written for this database's relations during the run (pg_waldump over the LSN range, records of
//    other databases left out: the server is shared), per report and by record type;
//  - the CPU time of the database's backends (/proc), per report.
//
//   node --import tsx bench/tips-explain.ts --db amaan_tips_bench [--reports 1024] [--concurrency 64]
//        [--url postgres://postgres@127.0.0.1:5432] [--seed 1] [--plans] [--waldump /usr/lib/postgresql/15/bin/pg_waldump]
//
// pg_waldump needs to read the server's pg_wal directory (run as a user who may); without it the WAL part is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { ensureOrganisation } from '../src/modules/tips/tip-keys.service.ts';
import { importReports } from '../src/modules/tips/tip.service.ts';
import { reportMaker } from './tips-reports.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    reports: { type: 'string', default: '1024' },
    concurrency: { type: 'string', default: '64' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    plans: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: true },
    waldump: { type: 'string', default: '/usr/lib/postgresql/15/bin/pg_waldump' },
    stats: { type: 'boolean', default: false },
    plain: { type: 'boolean', default: false },
    // The reports' seed: fixed, so runs on copies of one database file the same reports and compare (it was drawn
    // from the clock, so two sides of a comparison filed different reports). Another seed files other reports.
    seed: { type: 'string', default: '1' },
  },
});
if (!args.db) throw new Error('--db NAME (an existing database filled by bench/tips.bench.ts) is required');
const N = Number(args.reports);

const explainOptions = [
  '-c session_preload_libraries=auto_explain', '-c auto_explain.log_min_duration=0', `-c auto_explain.log_analyze=${args.analyze ? 'on' : 'off'}`,
  '-c auto_explain.log_buffers=on', '-c auto_explain.log_triggers=on', '-c auto_explain.log_verbose=on', '-c auto_explain.log_level=notice',
  '-c auto_explain.log_format=json', '-c client_min_messages=notice',
].join(' ');
// --stats: instead of plans, the CPU time PostgreSQL spent on each protocol message (parse, bind, execute), from
// log_statement_stats sent to this client (client_min_messages=log).
// --plain: neither (the CPU time and WAL per report as intake spends them, nothing logged).
const options = args.plain ? '' : args.stats ? '-c log_statement_stats=on -c client_min_messages=log' : explainOptions;

// Every notice of every pooled client (auto_explain's plans).
const notices: string[] = [];
const connect = pg.Client.prototype.connect as (...a: unknown[]) => unknown;
pg.Client.prototype.connect = function withNotices(this: pg.Client, ...a: unknown[]) {
  this.on('notice', (m) => {
    const active = (this as unknown as { activeQuery?: { text?: string } }).activeQuery;
    notices.push(args.stats ? `${m.message ?? ''}\u0001${m.detail ?? ''}\u0001${active?.text ?? '?'}` : m.message ?? '');
  });
  return connect.apply(this, a);
} as typeof pg.Client.prototype.connect;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'amaan-tips-explain-'));
  const config = loadConfig({
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `${args.url}/${args.db}${options ? `?options=${encodeURIComponent(options)}` : ''}`,
    AMAAN_DATA_DIR: join(dataDir, 'data'), AMAAN_KEY_DIR: join(dataDir, 'keys'),
  });
  const { ctx, database } = await startPlatform(config);
  const org = await ensureOrganisation({ ...ctx, actor: systemActor('bench') }, 'Bench Platform');
  const admin = new pg.Client({ connectionString: `${args.url}/${args.db}` });
  await admin.connect();
  const dbOid = (await admin.query<{ oid: string }>('SELECT oid::text FROM pg_database WHERE datname = current_database()')).rows[0]!.oid;
  const before = (await admin.query<{ tips: string }>('SELECT count(*)::text AS tips FROM tips')).rows[0]!.tips;
  const cpu = async () => {
    const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    let ms = 0;
    for (const { pid } of rows) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ms += ((Number(f[11]) + Number(f[12])) * 1000) / 100;
      } catch {
        // ended meanwhile
      }
    }
    return ms;
  };
  // A warm-up batch (connections opened, auto_explain loaded, statements prepared), not counted.
  const seed = Number(args.seed);
  const warm = reportMaker(seed, `EXPLAIN-WARM-s${seed}`);
  await importReports(ctx, org, (async function* () { for (let i = 1; i <= 128; i++) yield { item: i, body: warm() }; })(), { concurrency: Number(args.concurrency) });
  notices.length = 0;
  const lsn0 = (await admin.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l')).rows[0]!.l;
  const cpu0 = await cpu();
  const next = reportMaker(seed + 7, `EXPLAIN-s${seed}`);
  const t0 = performance.now();
  const outcome = await importReports(ctx, org, (async function* () { for (let i = 1; i <= N; i++) yield { item: i, body: next() }; })(), { concurrency: Number(args.concurrency) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = await cpu();
  const lsn1 = (await admin.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l')).rows[0]!.l;
  console.log(JSON.stringify({ tipsBefore: Number(before), reports: N, created: outcome.created, seconds: Number(seconds.toFixed(1)), backendCpuMsPerReport: Number(((cpu1 - cpu0) / N).toFixed(3)) }));

  if (args.stats) {
    const cpuOf = new Map<string, { n: number; ms: number; by: Map<string, number> }>();
    let sum = 0;
    for (const n of notices) {
      const [message, detail, text] = n.split('\u0001');
      const m = /([\d.]+) s user, ([\d.]+) s system/.exec(detail ?? '');
      if (!m) continue;
      const ms = (Number(m[1]) + Number(m[2])) * 1000;
      const kind = (text ?? '?').replace(/\/\* prepared \*\//, '').replace(/\s+/g, ' ').trim().slice(0, 70);
      const s = cpuOf.get(kind) ?? { n: 0, ms: 0, by: new Map() };
      if (message!.startsWith('EXECUTE') || message!.startsWith('QUERY') || message!.startsWith('STATEMENT')) s.n++;
      s.ms += ms;
      const step = message!.split(' ')[0]!;
      s.by.set(step, (s.by.get(step) ?? 0) + ms);
      cpuOf.set(kind, s);
      sum += ms;
    }
    console.log(`\nCPU per report in the statements' messages: ${(sum / N).toFixed(3)} ms (logging included)`);
    for (const [k, s] of [...cpuOf].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`${(s.ms / N).toFixed(4).padStart(8)} ms  ${String(s.n).padStart(5)}  ${k}  (${[...s.by].map(([st, ms]) => `${st} ${(ms / N).toFixed(4)}`).join(', ')})`);
    }
  }

  // Statements and triggers.
  type Stat = { calls: number; ms: number; triggers: Map<string, { calls: number; ms: number }> };
  const byKind = new Map<string, Stat>();
  for (const n of notices) {
    const at = n.indexOf('{');
    if (at < 0) continue;
    let j: { 'Query Text': string; Plan: { 'Actual Total Time'?: number }; Triggers?: Array<{ 'Trigger Name'?: string; 'Constraint Name'?: string; Relation: string; Time: number; Calls: number }> };
    try {
      j = JSON.parse(n.slice(at));
    } catch {
      continue;
    }
    const kind = j['Query Text'].replace(/\/\* prepared \*\//, '').replace(/\s+/g, ' ').trim().slice(0, 70);
    const s = byKind.get(kind) ?? { calls: 0, ms: 0, triggers: new Map() };
    s.calls++;
    s.ms += j.Plan['Actual Total Time'] ?? 0;
    for (const t of j.Triggers ?? []) {
      const name = `${t['Constraint Name'] ?? t['Trigger Name']} on ${t.Relation}`;
      const x = s.triggers.get(name) ?? { calls: 0, ms: 0 };
      x.calls += t.Calls;
      x.ms += t.Time;
      s.triggers.set(name, x);
    }
    byKind.set(kind, s);
    if (args.plans && s.calls === 2) console.log(n);
  }
  console.log('\nstatement (first words) | calls | executor ms per report (triggers included) | trigger: calls and ms per report');
  for (const [k, s] of [...byKind].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`${(s.ms / N).toFixed(4).padStart(8)} ms  ${String(s.calls).padStart(5)}  ${k}`);
    for (const [t, x] of [...s.triggers].sort((a, b) => b[1].ms - a[1].ms)) console.log(`            ${(x.ms / N).toFixed(4)} ms  ${(x.calls / N).toFixed(2)} calls  ${t}`);
  }

  // WAL of this database's relations.
  if (existsSync(args.waldump)) {
    try {
      const dir = (await admin.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
      const out = execFileSync(args.waldump, ['-p', join(dir, 'pg_wal'), '-s', lsn0, '-e', lsn1], { maxBuffer: 1 << 30, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const types = new Map<string, { n: number; bytes: number; fpi: number }>();
      let total = 0;
      let fpiTotal = 0;
      for (const line of out.split('\n')) {
        if (!line.includes(`/${dbOid}/`)) continue;
        const m = /rmgr: (\S+)\s+len \(rec\/tot\):\s*(\d+)\/\s*(\d+).*?desc: (\S+)/.exec(line);
        if (!m) continue;
        const key = `${m[1]} ${m[4]}`;
        const t = types.get(key) ?? { n: 0, bytes: 0, fpi: 0 };
        t.n++;
        t.bytes += Number(m[3]);
        if (line.includes('FPW')) t.fpi++;
        types.set(key, t);
        total += Number(m[3]);
        if (line.includes('FPW')) fpiTotal++;
      }
      console.log(`\nWAL of this database: ${(total / N).toFixed(0)} bytes per report, ${(fpiTotal / N).toFixed(2)} full-page images per report`);
      for (const [k, t] of [...types].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 20)) {
        console.log(`  ${(t.bytes / N).toFixed(0).padStart(7)} B  ${(t.n / N).toFixed(2).padStart(6)} records  ${(t.fpi / N).toFixed(3)} FPI  ${k}`);
      }
    } catch (err) {
      console.log(`\nWAL: pg_waldump failed (${(err as Error).message.split('\n')[0]})`);
    }
  }
  await admin.end();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
