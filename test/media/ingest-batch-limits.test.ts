import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { storeBatch } from '../../src/modules/media/ingest/ingest.service.ts';
import { knownIndexOf } from '../../src/modules/hashsets/known-index.ts';
import type { FileResult } from '../../src/modules/media/ingest/hash-entry.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// Issue 14, "batches that always fit": one committed batch may hold up to --batch-files (10,000) files. Their
// rows (19 values each) went into media_files in one INSERT: 4,000 files are 76,000 bind parameters, beyond
// PostgreSQL's 65,535 (PGlite's 32,767), and the digests' IN lists are parameters too. The rows are built
// synthetically and stored through the ingest's own batch writer, so the test is fast.
const { engines } = await detectEngines();
const FILES = 4_000;

describe.each(engines)('an ingest batch over the bind-parameter limit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.close());

  it('stores every file, its match and the job counters', async () => {
    const caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Large batch', offenceCodes: ['PECA-22'] })).json().id as string;
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Disk image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const jobId = (await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseId, evidence_id: evidenceId, root_path: '/seized/disk', status: 'running' }).returning('id').executeTakeFirstOrThrow()).id;
    const digest = (alg: string, i: number) => createHash(alg).update(`synthetic file ${i}`).digest('hex');
    const files: FileResult[] = Array.from({ length: FILES }, (_, i) => ({
      relPath: `files/${i}.bin`, size: 100 + i, modifiedAt: new Date('2025-01-01T00:00:00Z'), changedAt: null, mime: null, kind: 'other',
      md5: digest('md5', i), sha1: digest('sha1', i), sha256: digest('sha256', i),
    }));
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: 'Large batch set', source: 'synthetic' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('hash_set_entries').values({ hash_set_id: set.id, md5: digest('md5', FILES - 1), category: '1' }).execute();
    const pdq = knownIndexOf(t.ctx.db);
    const matched = await inTransaction({ ...t.ctx, actor: systemActor('test') }, (tx, audit) => storeBatch(tx, audit, jobId, caseId, evidenceId, files, pdq, 31, null));
    expect(matched).toBe(1);
    const stored = await t.ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<string>().as('n')).where('job_id', '=', jobId).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(FILES);
    const job = await t.ctx.db.selectFrom('ingest_jobs').select(['files_done', 'status']).where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(job).toEqual({ files_done: FILES, status: 'running' });
    const match = await t.ctx.db.selectFrom('media_matches').innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id').select(['media_files.rel_path', 'media_matches.match_type'])
      .where('media_files.job_id', '=', jobId).execute();
    expect(match).toEqual([{ rel_path: `files/${FILES - 1}.bin`, match_type: 'md5' }]);
  });
});
