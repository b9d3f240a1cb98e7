import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { syntheticImage } from '../support/media-fixtures.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { deleteHashSet, importHashSet } from '../../src/modules/hashsets/hashset.service.ts';
import { hashImageFile } from '../../src/pdq/decode.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';

// Ingest racing itself and a hash-set delete: two runs of one folder started at once share one job and record
// each file once; a hash set deleted while an ingest runs (its PDQ hashes already loaded into the index) costs
// the ingest its matches to that set, never the batch.

const { engines } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-ingest-race-'));
let root: string;
const FILES = 5;

beforeAll(async () => {
  root = join(work, 'seized');
  mkdirSync(join(root, 'DCIM'), { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(root, 'DCIM', `IMG_${i}.png`), await syntheticImage(200 + i));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(engines)('ingest under concurrency on %s', (engine) => {
  let t: TestApp;
  const system = () => ({ ...t.ctx, actor: systemActor('test') });
  async function newEvidence(title: string) {
    const caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title, offenceCodes: ['PECA-22'] })).json().id as string;
    const ev = await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Seized phone', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
    return { caseId, evidenceId: ev.id };
  }
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 8 });
  });
  afterAll(async () => t?.close());

  it('two runs of one folder started at once: one job, a start and a resume, every file once', async () => {
    const { caseId, evidenceId } = await newEvidence('Ingest race case');
    const runs = await Promise.allSettled([1, 2].map(() => runIngest(system(), { caseId, evidenceId, root, batchFiles: 2 })));
    for (const r of runs) expect(r.status, r.status === 'rejected' ? String(r.reason) : '').toBe('fulfilled');
    const jobs = await t.ctx.db.selectFrom('ingest_jobs').selectAll().where('evidence_id', '=', evidenceId).execute();
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job.status).toBe('done');
    const files = await t.ctx.db.selectFrom('media_files').select('rel_path').where('job_id', '=', job.id).execute();
    expect(files.map((f) => f.rel_path).sort()).toEqual(Array.from({ length: FILES }, (_, i) => `DCIM/IMG_${i}.png`));
    expect(Number(job.files_done)).toBe(FILES);
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', job.id).where('action', 'in', ['media.ingest.start', 'media.ingest.resume', 'media.ingest.rerun']).execute()).map((a) => a.action).sort();
    // One opened the job, the other found it (still running: a resume; already done: a rerun).
    expect(actions).toHaveLength(2);
    expect(actions.filter((a) => a === 'media.ingest.start')).toHaveLength(1);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('a hash set deleted while an ingest runs: the ingest finishes, no match points at the deleted set', async () => {
    const { caseId, evidenceId } = await newEvidence('Ingest versus delete case');
    const pdq = (await hashImageFile(join(root, 'DCIM', 'IMG_1.png'))).hash;
    const set = await importHashSet(system(), { name: `Deleted mid-ingest ${engine}`, source: 'tests' }, (async function* () { yield { pdq, pdqQuality: 100, category: '1', attributes: {} }; })());
    let deleting: Promise<void> | undefined;
    const summary = await runIngest(system(), {
      caseId, evidenceId, root, batchFiles: 100,
      // The known-material index is loaded when hashing starts: delete the set now, before any batch is stored.
      onProgress: (p) => { if (p.phase === 'hashing' && !deleting) deleting = deleteHashSet(system(), set.id); },
    });
    await deleting;
    expect(summary.aborted).toBe(false);
    expect(summary.filesDone).toBe(FILES);
    expect(await t.ctx.db.selectFrom('hash_sets').select('id').where('id', '=', set.id).executeTakeFirst()).toBeUndefined();
    const matches = await t.ctx.db.selectFrom('media_matches').innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id')
      .select('media_matches.hash_set_entry_id').where('media_files.evidence_id', '=', evidenceId).where('media_matches.hash_set_entry_id', 'is not', null).execute();
    expect(matches).toEqual([]);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
