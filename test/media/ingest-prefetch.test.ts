import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { syntheticImage } from '../support/media-fixtures.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { HashPool } from '../../src/modules/media/ingest/hash-pool.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// The CLI starts hashing a folder while the database opens (HashPool.prefetch, issue 14: the fixed cost of a
// run). What the ingest then records must be what it records without that head start, and a head start on
// another folder must not leak into a run.

const { engines } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-ingest-prefetch-'));
let root: string;
let other: string;

beforeAll(async () => {
  root = realpathSync(work) + '/seized';
  other = realpathSync(work) + '/other';
  mkdirSync(join(root, 'DCIM'), { recursive: true });
  mkdirSync(join(root, 'docs'), { recursive: true });
  mkdirSync(other, { recursive: true });
  for (let i = 0; i < 4; i++) writeFileSync(join(root, 'DCIM', `IMG_${i}.png`), await syntheticImage(300 + i));
  for (let i = 0; i < 12; i++) writeFileSync(join(root, 'docs', `note_${i}.txt`), `synthetic note ${i}\n`.repeat(50 + i * 400));
  writeFileSync(join(other, 'IMG_x.png'), await syntheticImage(399));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(engines)('ingest with a head start on %s', (engine) => {
  let t: TestApp;
  const system = () => ({ ...t.ctx, actor: systemActor('test') });
  async function newEvidence(title: string) {
    const caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title, offenceCodes: ['PECA-22'] })).json().id as string;
    const ev = await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Seized phone', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
    return { caseId, evidenceId: ev.id };
  }
  const rows = async (jobId: string) =>
    (await t.ctx.db.selectFrom('media_files').select(['rel_path', 'size', 'mime', 'media_kind', 'md5', 'sha1', 'sha256', 'pdq', 'pdq_quality', 'error']).where('job_id', '=', jobId).orderBy('rel_path').execute());
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('records the same rows with and without a head start; a head start on another folder is not used', async () => {
    const plain = await newEvidence('No head start');
    const a = await runIngest(system(), { ...plain, root });

    const pool = new HashPool(2);
    try {
      pool.prefetch(root, 1);
      // Let the workers get going before the ingest takes over (as while the database opens).
      await new Promise((r) => setTimeout(r, 1500));
      const early = await newEvidence('Head start');
      const b = await runIngest(system(), { ...early, root, pool });
      expect(b.filesDone).toBe(16);
      expect(await rows(b.jobId)).toEqual(await rows(a.jobId));

      // A head start on another folder: nothing of it shows up in this run.
      pool.prefetch(other, 1);
      await new Promise((r) => setTimeout(r, 500));
      const third = await newEvidence('Other head start');
      const c = await runIngest(system(), { ...third, root, pool });
      expect((await rows(c.jobId)).map((r) => r.rel_path)).toEqual((await rows(a.jobId)).map((r) => r.rel_path));
      expect(pool.takePrefetch(root, 1)).toBeNull();
    } finally {
      await pool.close();
    }
    const pdqs = (await rows(a.jobId)).filter((r) => r.pdq);
    expect(pdqs).toHaveLength(4);
  });
});
