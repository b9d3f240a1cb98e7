// Prepares a fresh database with one case for a single `amaan ingest` run outside bench/ingest.bench.ts (to profile
// it, e.g. under bench/thread-timeline.ts), the way that bench does; prints the shell variables to run it with.
//   node --import tsx bench/ingest-case.ts --work DIR [--postgres-db NAME]   (NAME: created anew on 127.0.0.1:5432)
//   eval "$(node --import tsx bench/ingest-case.ts --work /tmp/x)"; node bin/amaan.js ingest --case $CASE --custodian bench.custodian FOLDER
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, migrateToLatest } from '../src/platform/db/database.ts';
import { seedReferenceData } from '../src/modules/reference/reference.seed.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const work = arg('work');
if (!work) throw new Error('--work DIR is required');
const pgDb = arg('postgres-db');
if (pgDb && !/^[a-z_][a-z0-9_]*$/.test(pgDb)) throw new Error('--postgres-db: lower-case letters, digits and _ only');
mkdirSync(work, { recursive: true });
let url: string | undefined;
if (pgDb) {
  const admin = 'postgres://postgres@127.0.0.1:5432/test';
  execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`, '-c', `CREATE DATABASE ${pgDb}`]);
  url = `postgres://postgres@127.0.0.1:5432/${pgDb}`;
}
const d = await openDatabase({ url, dataDir: url ? undefined : join(work, 'pglite') });
await migrateToLatest(d.db);
await seedReferenceData(d.db);
const b = await d.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
await d.db.insertInto('users').values({ username: 'bench.custodian', display_name: 'Bench custodian', role: 'analyst', branch_id: null, password_hash: 'x' }).execute();
const c = await d.db.insertInto('cases').values({ branch_id: b.id, title: 'bench', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow();
await d.close();
console.log(`export CASE=${c.id} AMAAN_DATA_DIR=${work} DATABASE_URL=${url ?? ''} AMAAN_DATA_KEY=${Buffer.alloc(32, 1).toString('base64')}`);
