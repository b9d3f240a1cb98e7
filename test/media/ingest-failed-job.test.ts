import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { HashPool } from '../../src/modules/media/ingest/hash-pool.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// Issue 14: a job that fails is marked failed with its reason, never left running. A store refused mid-way is
// covered in ingest-many-matches.test.ts; here the two other ways an ingest could stop and leave its job
// 'running': its closing step refused by the database, and a hash worker that dies with files in hand.
const { engines } = await detectEngines();

describe.each(engines)('an ingest whose closing step fails on %s', (engine) => {
  let t: TestApp;
  let work: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    work = mkdtempSync(join(tmpdir(), 'amaan-close-fail-'));
  }, 360_000); // a loaded machine: migrations on a fresh database take a while
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('marks the job failed with the reason (every batch stored), and audits the failure', async () => {
    mkdirSync(join(work, 'phone'));
    for (let i = 0; i < 5; i++) writeFileSync(join(work, 'phone', `f${i}.bin`), Buffer.from(`file ${i}`));
    const caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Failing close', offenceCodes: ['PECA-22'] })).json().id as string;
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Phone image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    // The database refuses to mark the job done, as a lost server or a full disk would at that moment.
    await t.asOwner(async (db) => {
      await sql`CREATE FUNCTION test_refuse_done() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.status = 'done' THEN RAISE EXCEPTION 'server went away (test)'; END IF; RETURN NEW; END $$`.execute(db);
      await sql`CREATE TRIGGER test_refuse_done BEFORE UPDATE ON ingest_jobs FOR EACH ROW EXECUTE FUNCTION test_refuse_done()`.execute(db);
    });
    try {
      await expect(runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId, root: join(work, 'phone'), batchFiles: 2 })).rejects.toThrow(/server went away/);
    } finally {
      await t.asOwner((db) => sql`DROP TRIGGER test_refuse_done ON ingest_jobs`.execute(db));
    }
    const job = await t.ctx.db.selectFrom('ingest_jobs').select(['id', 'status', 'error', 'finished_at', 'files_done']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/server went away \(test\).*run again/);
    expect(job.finished_at).not.toBeNull();
    expect(Number(job.files_done)).toBe(5); // the batches before it were committed and stay for the rerun
    const failed = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'media.ingest.failed').where('entity_id', '=', job.id).execute();
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed[0]!.details)).toMatch(/server went away/);

    // Run again: it resumes the same job and finishes it.
    const again = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId, root: join(work, 'phone') });
    expect(again.jobId).toBe(job.id);
    expect(await t.ctx.db.selectFrom('ingest_jobs').select(['status', 'error']).where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual({ status: 'done', error: null });
  }, 300_000);
});

describe('a hash worker that dies with files in hand', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'amaan-dying-worker-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails the files it held (so the ingest stops and marks its job failed) instead of leaving them unanswered', async () => {
    // A worker that ends its thread on the first file it is sent, as one killed by the system would.
    const script = join(work, 'dying-worker.mjs');
    writeFileSync(script, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(7));\n");
    const pool = new HashPool(1, pathToFileURL(script));
    try {
      const entry = { relPath: 'a.bin', absPath: join(work, 'a.bin'), kind: 'file' } as never;
      await expect(pool.hash(entry, 1)).rejects.toThrow(/hash worker stopped \(exit code 7\)/);
      await expect(pool.hash(entry, 1)).rejects.toThrow(/no hash worker left/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
