import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// Material that circulates sits in many cases. One file already held 4,500 times elsewhere gives 13,500 exact
// matches (MD5, SHA-1, SHA-256) of five values each: 67,500 bind parameters, beyond PostgreSQL's 65,535 (and PGlite's 32,767) per
// statement. The ingest stopped at that batch with "bind message has ... parameter formats but 0 parameters".
const { engines } = await detectEngines();
const HELD_ELSEWHERE = 4_500;

describe.each(engines)('ingest of a file held in thousands of other files on %s', (engine) => {
  let t: TestApp;
  let work: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    work = mkdtempSync(join(tmpdir(), 'amaan-many-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('records every match and finishes the job', async () => {
    const content = Buffer.from('the same file, seized again and again');
    const digest = (alg: string) => createHash(alg).update(content).digest('hex');
    mkdirSync(join(work, 'phone'));
    writeFileSync(join(work, 'phone', 'shared.bin'), content);
    writeFileSync(join(work, 'phone', 'other.bin'), Buffer.from('something else'));

    const newCase = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Third seizure', offenceCodes: ['PECA-22'] })).json().id as string;
    const oldCase = (await t.call('invB', 'POST', '/api/v1/cases', { branchId: t.branchB, title: 'Earlier seizures', offenceCodes: ['PECA-22'] })).json().id as string;
    const evidence = async (caseId: string) => (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Phone image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const oldEvidence = await evidence(oldCase);
    const newEvidence = await evidence(newCase);
    const job = await t.ctx.db.insertInto('ingest_jobs').values({ case_id: oldCase, evidence_id: oldEvidence, root_path: '/seized/earlier', status: 'done' }).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO media_files (job_id, evidence_id, case_id, rel_path, size, media_kind, md5, sha1, sha256)
      SELECT ${job.id}, ${oldEvidence}, ${oldCase}, 'copy-' || n, ${content.length}, 'other', ${digest('md5')}, ${digest('sha1')}, ${digest('sha256')}
      FROM generate_series(1, ${HELD_ELSEWHERE}) AS n`.execute(t.ctx.db);

    const summary = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId: newCase, evidenceId: newEvidence, root: join(work, 'phone') });
    expect(summary.aborted).toBe(false);
    const done = await t.ctx.db.selectFrom('ingest_jobs').select(['status', 'files_done']).where('id', '=', summary.jobId).executeTakeFirstOrThrow();
    expect(done).toEqual({ status: 'done', files_done: 2 });
    const shared = await t.ctx.db.selectFrom('media_files').select('id').where('case_id', '=', newCase).where('rel_path', '=', 'shared.bin').executeTakeFirstOrThrow();
    const counts = await t.ctx.db.selectFrom('media_matches').select(['match_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('media_file_id', '=', shared.id).groupBy('match_type').orderBy('match_type').execute();
    expect(counts.map((c) => [c.match_type, Number(c.n)])).toEqual([['md5', HELD_ELSEWHERE], ['sha1', HELD_ELSEWHERE], ['sha256', HELD_ELSEWHERE]]);
  });
});

describe.each(engines)('an ingest stopped by a database error on %s', (engine) => {
  let t: TestApp;
  let work: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    work = mkdtempSync(join(tmpdir(), 'amaan-fail-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('marks the job failed with the reason instead of leaving it running, and writes nothing of the refused batch', async () => {
    mkdirSync(join(work, 'phone'));
    writeFileSync(join(work, 'phone', 'a.bin'), Buffer.from('first'));
    writeFileSync(join(work, 'phone', 'boom.bin'), Buffer.from('second'));
    const caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Failing store', offenceCodes: ['PECA-22'] })).json().id as string;
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Phone image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    // The owner's connection installs a trigger that refuses one file, as a full disk or a lost server would.
    await t.asOwner(async (db) => {
      await sql`CREATE FUNCTION test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.rel_path = 'boom.bin' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$`.execute(db);
      await sql`CREATE TRIGGER test_refuse_boom BEFORE INSERT ON media_files FOR EACH ROW EXECUTE FUNCTION test_refuse_boom()`.execute(db);
    });
    try {
      await expect(runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId, root: join(work, 'phone'), batchFiles: 1 })).rejects.toThrow(/disk full/);
    } finally {
      await t.asOwner((db) => sql`DROP TRIGGER test_refuse_boom ON media_files`.execute(db));
    }
    const job = await t.ctx.db.selectFrom('ingest_jobs').select(['status', 'error']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/disk full \(test\).*run again/);
    // Nothing of the refused batch was written; a batch committed before it (if any) stays for the rerun.
    const kept = await t.ctx.db.selectFrom('media_files').select('rel_path').where('case_id', '=', caseId).execute();
    expect(kept.map((r) => r.rel_path)).not.toContain('boom.bin');
  });
});
