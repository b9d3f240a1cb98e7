// The cost of the keyed audit trail (issue 8): appendAudit runs inside every write.
//
//   node --import tsx bench/audit-append.bench.ts [--n 500] [--pg-url postgres://postgres@127.0.0.1:5432/test] [--skip-postgres]
//
// Per engine: N transactions that only append one entry (lock, head, insert: three round trips), against
// N empty transactions; then one full verification of the trail (HMAC of every entry, columns compared).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, switchToAppRole } from '../src/platform/db/app-role.ts';
import { loadAuditTrail } from '../src/platform/audit/audit-trail.ts';
import { appendAudit, ensureAuditGenesis, verifyAuditChain } from '../src/platform/audit/audit.ts';
import { loadConfig } from '../src/platform/config.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const N = Number(arg('--n', '500'));
const pgUrl = arg('--pg-url', 'postgres://postgres@127.0.0.1:5432/test');

async function run(engine: 'pglite' | 'postgres') {
  let url: string | undefined;
  const name = `amaan_bench_audit_${process.pid}`;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const owner = await openDatabase({ url });
  await migrateToLatest(owner.db);
  const database = url ? await openDatabase({ url, role: APP_ROLE }) : owner;
  if (!url) await switchToAppRole(database.db);
  const trail = loadAuditTrail(loadConfig({ NODE_ENV: 'test' }), { inMemory: true });
  const db = trail.attach(database.db);
  await ensureAuditGenesis(db);
  const details = { caseId: '00000000-0000-0000-0000-000000000001', reason: 'synthetic benchmark entry', to: 'fir_registered', n: 1 };
  let t0 = performance.now();
  for (let i = 0; i < N; i++) await db.transaction().execute(async () => undefined);
  const empty = (performance.now() - t0) / N;
  t0 = performance.now();
  for (let i = 0; i < N; i++) {
    await db.transaction().execute((tx) => appendAudit(tx, { actorId: null, actorName: 'bench', action: 'bench.append', entityType: 'case', entityId: String(i), ip: '127.0.0.1', details: { ...details, n: i }, credential: { kind: 'token', id: 'bench' } }));
  }
  const append = (performance.now() - t0) / N;
  t0 = performance.now();
  const result = await verifyAuditChain(db);
  const verify = performance.now() - t0;
  console.log(`${engine}: empty transaction ${empty.toFixed(3)} ms; transaction with one audit entry ${append.toFixed(3)} ms (+${(append - empty).toFixed(3)} ms); verify ${result.entries} entries ${verify.toFixed(0)} ms (${((verify / result.entries) * 1000).toFixed(1)} µs/entry), ok=${result.ok}`);
  await trail.close();
  await database.close();
  if (url) {
    await owner.close();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await run('pglite');
if (!args.includes('--skip-postgres')) await run('postgres');
