// The reads of the load mix (bench/load.bench.ts) at national size, statement by statement (issue 13 §5): for an
// investigator (the one on most case teams), a supervisor (of the busiest branch) and an analyst, each read is run
// through its service (listCases, getCase, listCasePersons, getPerson, figureAnswer, searchPersons,
// caseStatusCounts), every statement it issues captured through Kysely's log, then each statement run again under
// EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON). Reported per read: the statements' execution time summed (PostgreSQL's own
// figure, no network), the slowest statement, and the most rows any scan node of it read (rows returned plus
// rows removed by a filter, times loops): a page of 50 that reads millions shows here. Read only: nothing is
// written (reads that audit themselves are not in the mix), so it may run against the national database.
//
//   node --import tsx bench/load-plans.ts --db-url postgres://postgres@127.0.0.1:5432/<generated> [--rounds 3]
//       [--plans-dir /tmp/plans] [--only "search persons"] [--write-docs "## heading"]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { loadConfig } from '../src/platform/config.ts';
import { caseStatusCounts, getCase, listCases } from '../src/modules/cases/case.service.ts';
import { getPerson, searchPersons } from '../src/modules/persons/person.service.ts';
import { listCasePersons } from '../src/modules/persons/case-persons.service.ts';
import { figureAnswer } from '../src/modules/stats/figures/figures.service.ts';
import { figureQuery } from '../src/modules/stats/figures/figures.schema.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { writeDocsSection } from './docs-section.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const URL_ = arg('--db-url', '');
if (!URL_) throw new Error('--db-url <a database written by amaan generate> is required');
const ROUNDS = Number(arg('--rounds', '3'));
const PLANS = arg('--plans-dir', '');
const DOCS = arg('--write-docs', '');
const ONLY = arg('--only', ''); // reads whose label contains this (e.g. "search persons")
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const captured: CompiledQuery[] = [];
// Read only at the session level: a read that would write (an audited read) fails instead of writing.
const pool = new pg.Pool({ connectionString: URL_, max: 4, options: '-c default_transaction_read_only=on' });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push(e.query); } });
const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: URL_ });
const crypto = createFieldCrypto([Buffer.alloc(32, 3)]); // bench/load.bench.ts's AMAAN_DATA_KEY
const ctxFor = (actor: Actor): ServiceContext => ({ db, engine: 'postgres', config, crypto, actor } as ServiceContext);

const owner = new pg.Client({ connectionString: URL_, options: '-c default_transaction_read_only=on' });
await owner.connect();
const one = async <T,>(text: string, params: unknown[] = []) => (await owner.query(text, params)).rows[0] as T;
type U = { id: string; username: string; branch_id: number | null; n?: number };
const analyst = await one<U>(`SELECT id, username, branch_id FROM users WHERE role = 'analyst' ORDER BY username LIMIT 1`);
const inv = await one<U>(`SELECT u.id, u.username, u.branch_id, count(*)::int AS n FROM users u JOIN case_team t ON t.user_id = u.id WHERE u.role = 'investigator' GROUP BY u.id ORDER BY n DESC LIMIT 1`);
const busiest = await one<{ branch_id: number; n: number }>(`SELECT branch_id, count(*)::int AS n FROM cases GROUP BY branch_id ORDER BY n DESC LIMIT 1`);
const sup = await one<U>(`SELECT id, username, branch_id FROM users WHERE role = 'supervisor' AND branch_id = $1 ORDER BY username LIMIT 1`, [busiest.branch_id]);
const actor = (u: U, role: Actor['role']): Actor => ({ id: u.id, username: u.username, displayName: u.username, role, branchId: u.branch_id, ip: null });
const actors: Array<[string, Actor]> = [
  [`investigator (${inv.n} cases on their teams)`, actor(inv, 'investigator')],
  [`supervisor (branch of ${busiest.n} cases)`, actor(sup, 'supervisor')],
  ['analyst', actor(analyst, 'analyst')],
];

// The reads, as the bench's users make them (same pages, filters and names).
type Read = { label: string; run: (ctx: ServiceContext, c: { caseId: string; personId: string }) => Promise<unknown> };
const reads: Read[] = [
  { label: 'case list (page 3)', run: (ctx) => listCases(ctx, { limit: 50, offset: 100 } as never) },
  { label: 'case list, status filter', run: (ctx) => listCases(ctx, { status: 'fir_registered', limit: 100, offset: 0 } as never) },
  { label: 'case page', run: (ctx, c) => getCase(ctx, c.caseId) },
  { label: 'case persons', run: (ctx, c) => listCasePersons(ctx, c.caseId) },
  { label: 'person page', run: (ctx, c) => getPerson(ctx, c.personId) },
  { label: 'dashboard figure (cases_by_status)', run: (ctx) => figureAnswer(ctx, 'cases_by_status', figureQuery.parse({ from: '2024-01-01', to: '2024-12-31' })) },
  { label: 'search cases "grooming"', run: (ctx) => listCases(ctx, { q: 'grooming', limit: 20, offset: 0 } as never) },
  { label: 'search persons "Ayesha"', run: (ctx) => searchPersons(ctx, { q: 'Ayesha', limit: 20, offset: 0 } as never) },
  { label: 'search persons "Muhammad Imran"', run: (ctx) => searchPersons(ctx, { q: 'Muhammad Imran', limit: 20, offset: 0 } as never) },
  { label: 'search persons "Bilal Khokhar"', run: (ctx) => searchPersons(ctx, { q: 'Bilal Khokhar', limit: 20, offset: 0 } as never) },
  { label: 'home status counts', run: (ctx) => caseStatusCounts(ctx, {}) },
];

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; 'Rows Removed by Index Recheck'?: number; Plans?: PlanNode[] }
/** The scan node that read most rows (returned + removed, times loops). */
function widestScan(n: PlanNode): { rows: number; what: string } {
  let best = { rows: 0, what: '' };
  const visit = (x: PlanNode) => {
    if (/Scan/.test(x['Node Type'])) {
      const rows = (x['Actual Rows'] + (x['Rows Removed by Filter'] ?? 0) + (x['Rows Removed by Index Recheck'] ?? 0)) * x['Actual Loops'];
      if (rows > best.rows) best = { rows, what: `${x['Node Type']} ${x['Index Name'] ?? x['Relation Name'] ?? ''}`.trim() };
    }
    for (const c of x.Plans ?? []) visit(c);
  };
  visit(n);
  return best;
}

say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load average before: ${load()}.`);
const counts = await one<Record<string, number>>(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM person_names)::int AS names`);
say(`Dataset: ${fmt(counts.cases!, 0)} cases, ${fmt(counts.persons!, 0)} persons, ${fmt(counts.names!, 0)} names. ${ROUNDS} rounds; execution time is the median over rounds of the statements' EXPLAIN ANALYZE "Execution Time" summed.`);
say();
say('| actor | read | statements | execution ms, median (min-max) | slowest statement ms | most rows read by one scan node |');
say('| --- | --- | ---: | ---: | ---: | --- |');
if (PLANS) mkdirSync(PLANS, { recursive: true });
for (const [who, a] of actors) {
  const ctx = ctxFor(a);
  // A case and a person of this actor's view (their newest case, its first person).
  const page = (await listCases(ctx, { limit: 1, offset: 0 } as never)) as { items: Array<{ id: string }> };
  const caseId = page.items[0]?.id;
  if (!caseId) { say(`| ${who} | (sees no case) | | | | |`); continue; }
  const persons = (await listCasePersons(ctx, caseId)) as { persons: Array<{ personId: string }> };
  const personId = persons.persons[0]?.personId ?? '00000000-0000-0000-0000-000000000000';
  for (const r of reads.filter((x) => x.label.includes(ONLY))) {
    captured.length = 0;
    try {
      await r.run(ctx, { caseId, personId });
    } catch (err) {
      say(`| ${who} | ${r.label} | | error: ${err instanceof Error ? err.message : String(err)} | | |`);
      continue;
    }
    const statements = [...captured];
    const totals: number[] = [];
    let slowest = { ms: 0, rows: 0, what: '', plan: '' };
    for (let round = 0; round < ROUNDS; round++) {
      let sum = 0;
      for (const q of statements) {
        const res = await owner.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
        const plan = (res.rows[0] as Record<string, unknown>)['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>;
        const ms = plan[0]!['Execution Time'];
        sum += ms;
        if (round === ROUNDS - 1 && ms >= slowest.ms) {
          const w = widestScan(plan[0]!.Plan);
          slowest = { ms, rows: w.rows, what: w.what, plan: JSON.stringify({ sql: q.sql, parameters: q.parameters, plan }, null, 1) };
        }
      }
      totals.push(sum);
    }
    totals.sort((x, y) => x - y);
    const median = totals[Math.floor(totals.length / 2)]!;
    say(`| ${who} | ${r.label} | ${statements.length} | ${fmt(median)} (${fmt(totals[0]!)}-${fmt(totals[totals.length - 1]!)}) | ${fmt(slowest.ms)} | ${fmt(slowest.rows, 0)} (${slowest.what}) |`);
    if (PLANS) writeFileSync(join(PLANS, `${who.split(' ')[0]}-${r.label.replace(/[^a-z0-9]+/gi, '-')}.json`), slowest.plan);
  }
}
say();
say(`Load average after: ${load()}.`);
await owner.end();
await db.destroy();
if (DOCS) writeDocsSection(DOCS, lines.join('\n'));
