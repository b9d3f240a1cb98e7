// Triage results of the intake benchmark's reports as sorted text, to compare two versions of intake on the same
// seeded input (issue 11: a change to intake's cost must not change what triage records). Drops and creates the
// database `--db`, files `--reports` synthetic reports (bench/tips-reports.ts, fixed seed) through importReports
// one at a time (so the order, and with it which report names which as earlier, is the same in every run), then
// prints every tip's priority, reasons, branch and routing, its identifiers, files with their hash matches, links,
// and its related reports, each tip named by its idempotency key (ids and receipts are random).
//
// --batch N files them as `amaan tips import` does instead (N per transaction, two transactions at a time), to
// compare the import's triage with one-at-a-time filing (the same lines are expected).
//
//   node --import tsx bench/tips-triage-dump.ts --db amaan_tips_dump [--reports 3000] [--batch N] > dump.txt
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { ensureOrganisation } from '../src/modules/tips/tip-keys.service.ts';
import { importReports } from '../src/modules/tips/tip.service.ts';
import { knownMd5s, reportMaker } from './tips-reports.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'amaan_tips_dump' },
    reports: { type: 'string', default: '3000' },
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    batch: { type: 'string' },
  },
});

const admin = new pg.Client({ connectionString: `${args.url}/postgres` });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${args.db}`);
const dataDir = mkdtempSync(join(tmpdir(), 'amaan-tips-dump-'));
const { ctx, database } = await startPlatform(loadConfig({
  NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: `${args.url}/${args.db}`, AMAAN_DATA_DIR: join(dataDir, 'data'), AMAAN_KEY_DIR: join(dataDir, 'keys'),
}));
const set = await ctx.db.insertInto('hash_sets').values({ name: 'bench set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
await ctx.db.insertInto('hash_set_entries').values(knownMd5s().map((md5) => ({ hash_set_id: set.id, md5, category: '1' }))).execute();
const org = await ensureOrganisation({ ...ctx, actor: systemActor('bench') }, 'Bench Platform');
const next = reportMaker(3, 'DUMP');
const outcome = await importReports(ctx, org, (async function* () { for (let i = 1; i <= Number(args.reports); i++) yield { item: i, body: next() }; })(), args.batch ? { batch: Number(args.batch) } : { concurrency: 1 });
if (outcome.created !== Number(args.reports)) throw new Error(`filed ${outcome.created} of ${args.reports}`);

const lines = (await sql<{ l: string }>`
  SELECT 'tip ' || t.idempotency_key || ' priority=' || t.priority || ' reasons=' || t.priority_reasons::text || ' branch=' || coalesce(t.branch_id::text, '-')
         || ' routing=' || t.routing::text || ' status=' || t.status AS l FROM tips t
  UNION ALL SELECT 'ident ' || t.idempotency_key || ' ' || e.kind || ':' || e.key || ' ' || i.role FROM tip_identifiers i JOIN tips t ON t.id = i.tip_id JOIN entities e ON e.id = i.entity_id
  UNION ALL SELECT 'file ' || t.idempotency_key || ' ' || f.file_name || ' ' || coalesce(f.md5, '-') || ' matches=' || f.matches::text FROM tip_files f JOIN tips t ON t.id = f.tip_id
  UNION ALL SELECT 'link ' || t.idempotency_key || ' ' || l.kind || ' ' || ef.kind || ':' || ef.key || ' -> ' || et.kind || ':' || et.key FROM links l JOIN tips t ON l.source_type = 'tip' AND l.source_id = t.id::text
    JOIN entities ef ON ef.id::text = l.from_id JOIN entities et ON et.id::text = l.to_id
  UNION ALL SELECT 'related ' || a.idempotency_key || ' -> ' || b.idempotency_key || ' ' || r.reason || ' ' || r.value FROM tip_relations r JOIN tips a ON a.id = r.tip_id JOIN tips b ON b.id = r.related_tip_id
  UNION ALL SELECT 'audit ' || action || ' ' || count(*) FROM audit_log WHERE action LIKE 'tip.%' GROUP BY action
`.execute(ctx.db)).rows.map((r) => r.l).sort();
process.stdout.write(`${lines.join('\n')}\n`);
await database.close();
await admin.query(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
await admin.end();
rmSync(dataDir, { recursive: true, force: true });
