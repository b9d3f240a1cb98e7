// Lists at national size (issue 13 §5, session 8): what the case list and person search cost PostgreSQL, before and
// after (1) the bounded total (count under LIMIT 10,001 instead of count(*) of every visible row) and (2) the
// trigram indexes on person names (migration 0043). The queries are the ones the services issue (listCases,
// searchPersons, captured through Kysely's log for each actor and search), replayed interleaved round by round on
// one connection so the variants share the machine's load:
//   - count: the captured bounded count, and the same statement with the bound raised to 10^12 (an exact count);
//   - names: the person searches with the trigram indexes, and without them (dropped inside a transaction that is
//     rolled back: nothing changes in the database).
//
//   node --import tsx bench/list-counts.bench.ts --db-url postgres://postgres@127.0.0.1:5432/<generated> [--rounds 7] [--write-docs]
import { cpus, loadavg, totalmem } from 'node:os';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema.ts';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.ts';
import { loadConfig } from '../src/platform/config.ts';
import { listCases } from '../src/modules/cases/case.service.ts';
import { searchPersons } from '../src/modules/persons/person.service.ts';
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
const ROUNDS = Number(arg('--rounds', '7'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// Capture the statements the services run (the page and the count run together: both are captured).
const captured: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: URL_, max: 2 });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push(e.query); } });
const config = loadConfig({ ...process.env, NODE_ENV: 'development', DATABASE_URL: URL_ });
const crypto = createFieldCrypto([Buffer.alloc(32, 3)]); // bench/load.bench.ts's AMAAN_DATA_KEY
const ctxFor = (actor: Actor): ServiceContext => ({ db, engine: 'postgres', config, crypto, actor } as ServiceContext);

// Actors: an analyst (sees everything), the investigator on the most case teams, a supervisor of the busiest branch.
const owner = new pg.Client({ connectionString: URL_ });
await owner.connect();
const one = async <T,>(text: string) => (await owner.query(text)).rows[0] as T;
const analyst = await one<{ id: string; username: string }>(`SELECT id, username FROM users WHERE role = 'analyst' ORDER BY username LIMIT 1`);
const inv = await one<{ id: string; username: string; branch_id: number; n: number }>(`SELECT u.id, u.username, u.branch_id, count(*)::int AS n FROM users u JOIN case_team t ON t.user_id = u.id WHERE u.role = 'investigator' GROUP BY u.id ORDER BY n DESC LIMIT 1`);
const actor = (u: { id: string; username: string }, role: Actor['role'], branchId: number | null): Actor => ({ id: u.id, username: u.username, displayName: u.username, role, branchId, ip: null });
const A = actor(analyst, 'analyst', null);
const I = actor(inv, 'investigator', inv.branch_id);

interface Case { label: string; run: () => Promise<unknown>; names: boolean }
const cases: Case[] = [
  { label: 'case list, analyst', run: () => listCases(ctxFor(A), { limit: 50, offset: 100 } as never), names: false },
  { label: `case list, investigator (${inv.n} cases on their teams)`, run: () => listCases(ctxFor(I), { limit: 50, offset: 0 } as never), names: false },
  { label: 'case search "grooming", analyst', run: () => listCases(ctxFor(A), { q: 'grooming', limit: 20, offset: 0 } as never), names: false },
  { label: 'person search "ayesha", analyst', run: () => searchPersons(ctxFor(A), { q: 'ayesha', limit: 20, offset: 0 } as never), names: true },
  { label: 'person search "bilal khokhar", analyst', run: () => searchPersons(ctxFor(A), { q: 'bilal khokhar', limit: 20, offset: 0 } as never), names: true },
  { label: 'person search "ayesha", investigator', run: () => searchPersons(ctxFor(I), { q: 'ayesha', limit: 20, offset: 0 } as never), names: true },
];

// Capture each case's count statement (the one with the bound as its last parameter) and its answer.
interface Target { label: string; names: boolean; count: CompiledQuery; answer: string }
const targets: Target[] = [];
for (const c of cases) {
  captured.length = 0;
  const r = (await c.run()) as { total: number; totalExact: boolean };
  const count = captured.find((q) => /count\(\*\)/i.test(q.sql) && q.sql.includes('as "bounded"'));
  if (!count) throw new Error(`no count statement captured for ${c.label}`);
  targets.push({ label: c.label, names: c.names, count, answer: r.totalExact ? String(r.total) : `${r.total}+` });
}
await db.destroy();

const withBound = (q: CompiledQuery, bound: number) => [...q.parameters.slice(0, -1), bound];
const timed = async (text: string, params: readonly unknown[]) => {
  const t = performance.now();
  const r = await owner.query(text, params as unknown[]);
  return { ms: performance.now() - t, n: Number(r.rows[0]?.count ?? r.rows[0]?.n) };
};
const noTrgm = async (text: string, params: readonly unknown[]) => {
  await owner.query('BEGIN');
  try {
    await owner.query('DROP INDEX person_names_lower_trgm, person_names_key_trgm');
    return await timed(text, params);
  } finally {
    await owner.query('ROLLBACK');
  }
};

const counts = (await owner.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM person_names)::int AS names`)).rows[0] as Record<string, number>;
const loadBefore = load();
const t0 = new Date();
type Variant = 'exact' | 'bounded' | 'exact, no trigram' | 'bounded, no trigram';
const times = new Map<string, number[]>();
const exactN = new Map<string, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const t of targets) {
    const variants: Variant[] = t.names ? ['exact', 'bounded', 'exact, no trigram', 'bounded, no trigram'] : ['exact', 'bounded'];
    // Rotate the order each round: no variant always runs first (cold) or last.
    const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
    for (const v of order) {
      const params = withBound(t.count, v.startsWith('exact') ? 1e12 : 10_001);
      const r = v.includes('no trigram') ? await noTrgm(t.count.sql, params) : await timed(t.count.sql, params);
      if (v === 'exact') exactN.set(t.label, r.n);
      const key = `${t.label}|${v}`;
      times.set(key, [...(times.get(key) ?? []), r.ms]);
    }
  }
}
await owner.end();
await pool.end().catch(() => undefined);

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const spread = (xs: number[]) => `${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))}`;
const heading = '## Lists at national size: bounded totals and name trigrams (issue 13 §5, session 8)';
say(heading);
say();
say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL 15 on loopback. ` +
  `${t0.toISOString().slice(0, 16).replace('T', ' ')} UTC. **Load average ${loadBefore} (1/5/15 min) before, ${load()} after: the machine was shared with other engineers' work, ` +
  'so the milliseconds below are inflated; the ratios are of variants run interleaved in the same rounds.**');
say();
say(`Command: \`node --import tsx bench/list-counts.bench.ts ${args.filter((a) => !a.startsWith('postgres://')).join(' ').replace('--db-url', '--db-url <db>')}\` on a dataset of ${counts.cases!.toLocaleString('en-US')} cases, ${counts.persons!.toLocaleString('en-US')} persons, ${counts.names!.toLocaleString('en-US')} names (\`amaan generate --cases 100000 --persons 500000 --media-per-case 1 --seed 1\`, then VACUUM ANALYZE). ` +
  `Each statement is the count the service issues (captured from listCases / searchPersons), timed on the client over loopback; ${ROUNDS} rounds, variants interleaved with their order rotated each round; median (min-max) ms.`);
say();
say('| query | matches | exact count(*) ms | bounded (LIMIT 10,001) ms | exact / bounded | exact, no trigram ms | bounded, no trigram ms | no trigram / trigram (bounded) |');
say('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const t of targets) {
  const g = (v: Variant) => times.get(`${t.label}|${v}`) ?? [];
  const e = g('exact');
  const b = g('bounded');
  const row = [t.label, `${exactN.get(t.label)!.toLocaleString('en-US')} (API: ${t.answer})`, `${fmt(med(e))} (${spread(e)})`, `${fmt(med(b))} (${spread(b)})`, `${fmt(med(e) / med(b), 2)}x`];
  if (t.names) {
    const en = g('exact, no trigram');
    const bn = g('bounded, no trigram');
    row.push(`${fmt(med(en))} (${spread(en)})`, `${fmt(med(bn))} (${spread(bn)})`, `${fmt(med(bn) / med(b), 2)}x`);
  } else row.push('-', '-', '-');
  say(`| ${row.join(' | ')} |`);
}
say();
if (args.includes('--write-docs')) writeDocsSection(heading, lines.join('\n'));
