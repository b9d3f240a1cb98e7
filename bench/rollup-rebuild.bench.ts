// What a start used to spend on the statistics' rollups and what it spends now (issue 12, task s8-stats): on a
// database of bench/figures-data.ts, the start-up check (`rollupsDueNow`: both rollups' keys, one statement, and
// the catalogue's codes) beside each part of `amaan stats rebuild` forced (flow events, stock rollup, checkpoints),
// in the same run, interleaved round by round. Times are wall-clock AND the PostgreSQL backend's CPU time (read
// from /proc for the backend's pid: server on this host), which the other engineers' load does not inflate as much.
//
//   node --import tsx bench/rollup-rebuild.bench.ts --db NAME [--runs 3] [--checks 50] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Db } from '../src/platform/db/database.ts';
import { rebuildPart, type RollupPart } from '../src/modules/stats/rollup/rebuild.ts';
import { rollupsDueNow } from '../src/modules/stats/rollup/state.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const DB = arg('--db', '');
if (!DB) throw new Error('--db NAME');
const RUNS = Number(arg('--runs', '3'));
const CHECKS = Number(arg('--checks', '50'));
const u = new URL(arg('--pg-url', 'postgres://postgres@127.0.0.1:5432/postgres'));
u.pathname = `/${DB}`;

const TICK = 100; // USER_HZ on Linux
/** utime + stime of a process, in ms. */
const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
const range = (xs: number[]) => `${ms(Math.min(...xs))}-${ms(Math.max(...xs))}`;

const database = await openDatabase({ url: u.toString(), poolSize: 1 });
const db: Db = database.db;
await migrateToLatest(db);
const backend = Number((await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid);
const cases = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM cases`.execute(db)).rows[0]!.n);
const zone = 'Asia/Karachi';
const noAudit = async () => undefined;

async function timed(work: () => Promise<unknown>) {
  const c0 = cpuOf(backend);
  const t0 = performance.now();
  await work();
  return { wall: performance.now() - t0, cpu: cpuOf(backend) - c0 };
}

const started = new Date();
const load0 = loadavg();
const results: Record<string, { wall: number[]; cpu: number[] }> = {};
const add = (k: string, r: { wall: number; cpu: number }) => {
  (results[k] ??= { wall: [], cpu: [] }).wall.push(r.wall);
  results[k].cpu.push(r.cpu);
};
// Warm-up: one of each (and the rollups keyed for the zone, as after a start).
for (const part of ['flow', 'stock', 'checkpoints'] as RollupPart[]) await db.transaction().execute((tx) => rebuildPart(tx, noAudit, part, zone, { force: true }));
await rollupsDueNow(db, zone);
for (let round = 0; round < RUNS; round++) {
  // The check many times in a row (it is sub-millisecond: one sample would be all noise), then each part.
  const check = await timed(async () => {
    for (let i = 0; i < CHECKS; i++) await rollupsDueNow(db, zone);
  });
  add('start-up check (rollupsDueNow)', { wall: check.wall / CHECKS, cpu: check.cpu / CHECKS });
  for (const part of ['flow', 'stock', 'checkpoints'] as RollupPart[]) {
    add(`rebuild ${part} (forced)`, await timed(() => db.transaction().execute((tx) => rebuildPart(tx, noAudit, part, zone, { force: true }))));
  }
}
const counts = (await sql<{ flow: string; parts: string; months: string }>`
  SELECT (SELECT count(*) FROM stat_flow) AS flow, (SELECT count(*) FROM stock_case_parts) AS parts, (SELECT count(*) FROM stock_checkpoint_months) AS months`.execute(db)).rows[0]!;
await database.close();
const load1 = loadavg();

const check = results['start-up check (rollupsDueNow)']!;
const flow = results['rebuild flow (forced)']!;
const out: string[] = [];
out.push(`Machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; PostgreSQL on the same host. ${started.toISOString()} to ${new Date().toISOString()}.`);
out.push(`Load average (1/5/15 min) at start ${load0.map((v) => v.toFixed(1)).join(' ')}, at end ${load1.map((v) => v.toFixed(1)).join(' ')}.`);
out.push(`Database ${DB}: ${cases.toLocaleString('en')} cases, ${Number(counts.flow).toLocaleString('en')} flow events, ${Number(counts.parts).toLocaleString('en')} stock case parts, ${counts.months} checkpoint months. ${RUNS} rounds after a warm-up; the check x${CHECKS} per round.`);
out.push('');
out.push('| step | wall median | wall range | backend CPU median | backend CPU range |');
out.push('| --- | --- | --- | --- | --- |');
for (const [k, r] of Object.entries(results)) out.push(`| ${k} | ${ms(median(r.wall))} | ${range(r.wall)} | ${ms(median(r.cpu))} | ${range(r.cpu)} |`);
out.push('');
// Before this change a start with a stale flow table rebuilt it (keyFlowEvents); the stock rollup was never rebuilt at start.
out.push(`What a start with a stale flow table used to run (its rebuild) over what a start runs now (the check), same run: wall ${(median(flow.wall) / median(check.wall)).toFixed(0)}x, backend CPU ${median(check.cpu) > 0 ? `${(median(flow.cpu) / median(check.cpu)).toFixed(0)}x (the check's CPU is at the 10 ms tick over ${CHECKS} checks: coarse)` : 'n/a (the check stays below the 10 ms tick)'}.`);
process.stdout.write(`${out.join('\n')}\n`);
