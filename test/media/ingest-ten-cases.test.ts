import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { syntheticImage } from '../support/media-fixtures.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { systemActor } from '../../src/platform/access/actor.ts';

// Issue 14, "batches that always fit": material that circulates sits in many cases. The same folder (pictures,
// which get PDQ, and other files, which get digests only) is ingested into ten cases, the last two at the same
// moment; every file of every case must then be matched to the same file in each of the nine others, by each
// digest and (pictures) by PDQ at distance 0, one match row per pair of copies.
const { engines } = await detectEngines();
const CASES = 10;
const IMAGES = 4;
const OTHERS = 26;

describe.each(engines)('the same media ingested into ten cases on %s', (engine) => {
  let t: TestApp;
  let work: string;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 6 });
    work = mkdtempSync(join(tmpdir(), 'amaan-ten-'));
    mkdirSync(join(work, 'seized', 'DCIM'), { recursive: true });
    mkdirSync(join(work, 'seized', 'files'), { recursive: true });
    for (let i = 0; i < IMAGES; i++) writeFileSync(join(work, 'seized', 'DCIM', `IMG_${i}.png`), await syntheticImage(900 + i));
    for (let i = 0; i < OTHERS; i++) writeFileSync(join(work, 'seized', 'files', `doc_${i}.bin`), Buffer.from(`circulating file number ${i}\n`.repeat(20 + i)));
  }, 360_000); // a loaded machine: migrations on a fresh database take a while
  afterAll(async () => {
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('finds every cross-case match, by every digest and by PDQ, and finishes every job', async () => {
    const system = { ...t.ctx, actor: systemActor('test') };
    const cases: Array<{ caseId: string; evidenceId: string }> = [];
    for (let c = 0; c < CASES; c++) {
      const caseId = (await t.call(c % 2 ? 'invB' : 'invA', 'POST', '/api/v1/cases', { branchId: c % 2 ? t.branchB : t.branchA, title: `Circulating material, seizure ${c + 1}`, offenceCodes: ['PECA-22'] })).json().id as string;
      const ev = await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: `Phone ${c + 1}`, kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
      cases.push({ caseId, evidenceId: ev.id });
    }
    const ingest = (c: { caseId: string; evidenceId: string }) => runIngest(system, { ...c, root: join(work, 'seized'), batchFiles: 7 });
    for (const c of cases.slice(0, CASES - 2)) expect((await ingest(c)).aborted).toBe(false);
    // The last two at once: the match lock orders their batches, so one sees the other.
    for (const r of await Promise.all(cases.slice(CASES - 2).map(ingest))) expect(r.aborted).toBe(false);

    const jobs = await t.ctx.db.selectFrom('ingest_jobs').select(['status', 'files_done', 'error']).where('case_id', 'in', cases.map((c) => c.caseId)).execute();
    expect(jobs).toHaveLength(CASES);
    for (const j of jobs) expect(j).toEqual({ status: 'done', files_done: IMAGES + OTHERS, error: null });

    const files = await t.ctx.db.selectFrom('media_files').select(['id', 'case_id', 'rel_path', 'pdq']).where('case_id', 'in', cases.map((c) => c.caseId)).execute();
    expect(files).toHaveLength(CASES * (IMAGES + OTHERS));
    expect(files.filter((f) => f.pdq !== null)).toHaveLength(CASES * IMAGES);
    const fileOf = new Map(files.map((f) => [Number(f.id), f]));
    const matches = await t.ctx.db.selectFrom('media_matches').select(['media_file_id', 'other_media_file_id', 'match_type', 'distance'])
      .where('media_file_id', 'in', files.map((f) => f.id)).where('other_media_file_id', 'is not', null).execute();
    // Each pair of copies of one file in two cases, once (the later ingest names the earlier), per kind of match.
    const seen = new Map<string, number>();
    for (const m of matches) {
      const a = fileOf.get(Number(m.media_file_id))!;
      const b = fileOf.get(Number(m.other_media_file_id))!;
      expect(b, 'a match to a file outside these cases').toBeDefined();
      expect(a.rel_path).toBe(b.rel_path);
      expect(a.case_id).not.toBe(b.case_id);
      if (m.match_type === 'pdq') expect(m.distance).toBe(0);
      const key = `${m.match_type}|${a.rel_path}|${[a.case_id, b.case_id].sort().join('|')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const missing: string[] = [];
    const pairs = (CASES * (CASES - 1)) / 2;
    for (const f of files.filter((x) => x.case_id === cases[0]!.caseId)) {
      const kinds = f.pdq ? ['md5', 'sha1', 'sha256', 'pdq'] : ['md5', 'sha1', 'sha256'];
      for (const kind of kinds) {
        for (let i = 0; i < CASES; i++) {
          for (let j = i + 1; j < CASES; j++) {
            const key = `${kind}|${f.rel_path}|${[cases[i]!.caseId, cases[j]!.caseId].sort().join('|')}`;
            if (seen.get(key) !== 1) missing.push(`${key}: ${seen.get(key) ?? 0}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(matches).toHaveLength(pairs * (IMAGES * 4 + OTHERS * 3));
  }, 900_000); // ten ingests: some five minutes on PGlite at a load average of 30 on 2 cores
});
