// Old code and new side by side, in one run, on the reads of the load mix that read lists (issue 13 §5, s11-load):
// the same actors as bench/load-plans.ts (the investigator on most case teams, a supervisor of the busiest branch,
// an analyst); each read is run through the services of both code trees (this one, and --old <dir>, a checkout of
// the code before, e.g. `git archive <commit> | tar -x -C <dir>` with node_modules linked), every statement captured,
// the two answers compared (they must be equal), then both statement lists run under EXPLAIN (ANALYZE, BUFFERS) in
// alternating order over --rounds rounds. Per read: PostgreSQL's execution time summed over the read's statements
// (median, min-max; old/new ratio of the medians) and the rows its scan nodes read in all (returned + removed by a
// filter or recheck, times loops; the figure that does not depend on the machine's load). Read only.
//
//   node --import tsx bench/load-plans-compare.ts --db-url postgres://postgres@127.0.0.1:5432/<generated> --old <dir>
//       [--rounds 5] [--only "search persons"] [--timeout-s 60]
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import type { Actor } from '../src/platform/access/actor.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const URL_ = arg('--db-url', '');
const OLD = arg('--old', '');
if (!URL_ || !OLD) throw new Error('--db-url <a database written by amaan generate> and --old <a checkout of the earlier code> are required');
const ROUNDS = Number(arg('--rounds', '5'));
const ONLY = arg('--only', '');
const TIMEOUT_S = Number(arg('--timeout-s', '0'));
const PLANS_DIR = arg('--plans-dir', ''); // each statement's plan (EXPLAIN ANALYZE, text) written there, per actor, read and version // a statement over this is reported as "> N s" (0: none)
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

type Services = {
  listCases: (ctx: ServiceContext, q: unknown) => Promise<unknown>;
  caseStatusCounts: (ctx: ServiceContext, q: unknown) => Promise<unknown>;
  searchPersons: (ctx: ServiceContext, q: unknown) => Promise<unknown>;
};
async function servicesOf(root: string): Promise<Services> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const cases = (await import(url('src/modules/cases/case.service.ts'))) as Services;
  const persons = (await import(url('src/modules/persons/person.service.ts'))) as Services;
  return { listCases: cases.listCases, caseStatusCounts: cases.caseStatusCounts, searchPersons: persons.searchPersons };
}
const versions: Array<[string, Services]> = [['old', await servicesOf(OLD)], ['new', await servicesOf(join(import.meta.dirname, '..'))]];

const captured: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: URL_, max: 4, options: '-c default_transaction_read_only=on' });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push(e.query); } });
const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: URL_ });
const crypto = createFieldCrypto([Buffer.alloc(32, 3)]); // bench/load.bench.ts's AMAAN_DATA_KEY
const ctxFor = (actor: Actor): ServiceContext => ({ db, engine: 'postgres', config, crypto, actor } as ServiceContext);

const owner = new pg.Client({ connectionString: URL_, options: '-c default_transaction_read_only=on' });
await owner.connect();
if (TIMEOUT_S > 0) await owner.query(`SET statement_timeout = ${Math.round(TIMEOUT_S * 1000)}`);
const one = async <T,>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows[0] as T;
type U = { id: string; username: string; branch_id: number | null; n?: number };
const analyst = await one<U>(`SELECT id, username, branch_id FROM users WHERE role = 'analyst' ORDER BY username LIMIT 1`);
const inv = await one<U>(`SELECT u.id, u.username, u.branch_id, count(*)::int AS n FROM users u JOIN case_team t ON t.user_id = u.id WHERE u.role = 'investigator' GROUP BY u.id ORDER BY n DESC LIMIT 1`);
const busiest = await one<{ branch_id: number; n: number }>(`SELECT branch_id, count(*)::int AS n FROM cases GROUP BY branch_id ORDER BY n DESC LIMIT 1`);
const sup = await one<U>(`SELECT id, username, branch_id FROM users WHERE role = 'supervisor' AND branch_id = $1 ORDER BY username LIMIT 1`, [busiest.branch_id]);
const actor = (u: U, role: Actor['role']): Actor => ({ id: u.id, username: u.username, displayName: u.username, role, branchId: u.branch_id, ip: null });
const actors: Array<[string, Actor]> = [
  [`investigator (${fmt(inv.n!, 0)} cases on their teams)`, actor(inv, 'investigator')],
  [`supervisor (branch of ${fmt(busiest.n, 0)} cases)`, actor(sup, 'supervisor')],
  ['analyst', actor(analyst, 'analyst')],
];

// The reads of bench/load-plans.ts that this work changed (same pages, filters and names).
const reads: Array<{ label: string; run: (s: Services, ctx: ServiceContext) => Promise<unknown> }> = [
  { label: 'case list (page 3)', run: (s, ctx) => s.listCases(ctx, { limit: 50, offset: 100 }) },
  { label: 'case list, status filter', run: (s, ctx) => s.listCases(ctx, { status: 'fir_registered', limit: 100, offset: 0 }) },
  { label: 'search cases "grooming"', run: (s, ctx) => s.listCases(ctx, { q: 'grooming', limit: 20, offset: 0 }) },
  { label: 'home status counts', run: (s, ctx) => s.caseStatusCounts(ctx, {}) },
  { label: 'search persons "Ayesha"', run: (s, ctx) => s.searchPersons(ctx, { q: 'Ayesha', limit: 20, offset: 0 }) },
  { label: 'search persons "Muhammad Imran"', run: (s, ctx) => s.searchPersons(ctx, { q: 'Muhammad Imran', limit: 20, offset: 0 }) },
  { label: 'search persons "Bilal Khokhar"', run: (s, ctx) => s.searchPersons(ctx, { q: 'Bilal Khokhar', limit: 20, offset: 0 }) },
];

interface PlanNode { 'Node Type': string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; 'Rows Removed by Index Recheck'?: number; Plans?: PlanNode[] }
function rowsRead(n: PlanNode): number {
  let sum = 0;
  const visit = (x: PlanNode) => {
    if (/Scan/.test(x['Node Type']) && !/Subquery|Function|CTE|Values|Result/.test(x['Node Type'])) {
      sum += (x['Actual Rows'] + (x['Rows Removed by Filter'] ?? 0) + (x['Rows Removed by Index Recheck'] ?? 0)) * x['Actual Loops'];
    }
    for (const c of x.Plans ?? []) visit(c);
  };
  visit(n);
  return sum;
}
async function explain(statements: CompiledQuery[]): Promise<{ ms: number; rows: number }> {
  let ms = 0;
  let rows = 0;
  for (const q of statements) {
    let res: pg.QueryResult;
    try {
      res = await owner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
    } catch (err) {
      if (TIMEOUT_S > 0 && /statement timeout/.test(String(err))) return { ms: Infinity, rows: NaN };
      throw err;
    }
    const plan = (res.rows[0] as Record<string, unknown>)['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>;
    ms += plan[0]!['Execution Time'];
    rows += rowsRead(plan[0]!.Plan);
  }
  return { ms, rows };
}
const ms$ = (x: number) => (Number.isFinite(x) ? fmt(x) : `> ${fmt(TIMEOUT_S * 1000, 0)}`);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
};

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load average before: ${load()}.`);
const counts = await one<Record<string, number>>(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM person_names)::int AS names`);
console.log(`Dataset: ${fmt(counts.cases!, 0)} cases, ${fmt(counts.persons!, 0)} persons, ${fmt(counts.names!, 0)} names. ${ROUNDS} rounds, old and new alternating (order swapped each round).`);
console.log();
console.log('| actor | read | same answer | old: ms median (min-max) | new: ms median (min-max) | old / new | rows read, old | rows read, new | old / new rows |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [who, a] of actors) {
  const ctx = ctxFor(a);
  for (const r of reads.filter((x) => x.label.includes(ONLY))) {
    const statements: Record<string, CompiledQuery[]> = {};
    const answers: Record<string, string> = {};
    for (const [name, s] of versions) {
      captured.length = 0;
      answers[name] = JSON.stringify(await r.run(s, ctx));
      statements[name] = [...captured];
    }
    if (PLANS_DIR) {
      mkdirSync(PLANS_DIR, { recursive: true });
      for (const [name, list] of Object.entries(statements)) {
        const out: string[] = [];
        for (const q of list) {
          const res = await owner.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]).catch((err: unknown) => ({ rows: [{ 'QUERY PLAN': String(err) }] }));
          out.push(q.sql, ...res.rows.map((x) => String((x as Record<string, unknown>)['QUERY PLAN'])), '');
        }
        writeFileSync(join(PLANS_DIR, `${who.split(' ')[0]}-${r.label.replace(/[^a-z0-9]+/gi, '_')}-${name}.txt`), out.join('\n'));
      }
    }
    const ms: Record<string, number[]> = { old: [], new: [] };
    const rows: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
      for (const name of order) {
        const e = await explain(statements[name]!);
        ms[name]!.push(e.ms);
        rows[name] = e.rows;
      }
    }
    const o = stats(ms.old!);
    const n = stats(ms.new!);
    console.log(`| ${who} | ${r.label} | ${answers.old === answers.new ? 'yes' : 'NO'} | ${ms$(o.median)} (${ms$(o.min)}-${ms$(o.max)}) | ${ms$(n.median)} (${ms$(n.min)}-${ms$(n.max)}) | ${Number.isFinite(o.median) ? '' : '> '}${fmt((Number.isFinite(o.median) ? o.median : TIMEOUT_S * 1000) / n.median, 2)}x | ${fmt(rows.old!, 0)} | ${fmt(rows.new!, 0)} | ${fmt(rows.old! / Math.max(1, rows.new!), 1)}x |`);
  }
}
console.log();
console.log(`Load average after: ${load()}.`);
await owner.end();
await db.destroy();
