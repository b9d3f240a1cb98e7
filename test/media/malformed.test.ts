// Seized files are hostile: ingest of a folder of malformed pictures and videos (truncated, bombs, absurd
// sizes, corrupt headers, huge chunks, polyglots, a damaged video index, an empty file) records an error for
// each bad file, carries on, never crashes or hangs, and hashes the good files beside them exactly as on their
// own. And without ffmpeg, videos are reported as not hashed: per file, in the job, in the summary.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { buildMalformedCorpus, type CorpusFile } from '../support/malformed-media.ts';
import { syntheticImage } from '../support/media-fixtures.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { hashImageFile } from '../../src/pdq/decode.ts';
import { testdataPath } from '../../src/pdq/testdata.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { liveDescendants } from '../../src/pdq/sandbox/process-tree.ts';

const { engines } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-malformed-'));
const corpusRoot = join(work, 'corpus');
const videoRoot = join(work, 'videos');
let corpus: CorpusFile[];

beforeAll(async () => {
  corpus = await buildMalformedCorpus(corpusRoot);
  mkdirSync(videoRoot, { recursive: true });
  copyFileSync(testdataPath('vpdq/videos/pattern-sd-grey-bar.mp4'), join(videoRoot, 'clip.mp4'));
  writeFileSync(join(videoRoot, 'photo.png'), await syntheticImage(5));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(engines)('ingest of hostile files on %s', (engine) => {
  let t: TestApp;
  let caseId: string;
  const evidence = async () => (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: `Seized card ${Math.random()}`, kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseId = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Seized memory card', offenceCodes: ['PECA-22'] })).json().id as string;
  });
  afterAll(async () => t?.close());

  it('records an error for every bad file, goes on, and hashes the good files as on their own', async () => {
    const evidenceId = await evidence();
    const started = Date.now();
    const summary = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId, root: corpusRoot, batchFiles: 4 });
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(summary).toMatchObject({ aborted: false, filesDone: corpus.length, filesTotal: corpus.length });
    const rows = await t.ctx.db.selectFrom('media_files').selectAll().where('evidence_id', '=', evidenceId).execute();
    const by = new Map(rows.map((r) => [r.rel_path, r]));
    expect([...by.keys()].sort()).toEqual(corpus.map((f) => f.rel).sort());
    for (const f of corpus) {
      const row = by.get(f.rel)!;
      const bytes = readFileSync(join(corpusRoot, f.rel));
      // Digests over the raw bytes, whatever the content did to the decoder.
      expect(row.sha256, f.rel).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.md5, f.rel).toBe(createHash('md5').update(bytes).digest('hex'));
      if (f.expect === 'error') {
        expect(row.error, `${f.rel}: ${f.why}`).toBeTruthy();
        expect(f.codes, `${f.rel}: ${row.error_code} ${row.error}`).toContain(row.error_code);
        expect(row.pdq, f.rel).toBeNull();
      } else if (f.expect === 'image') {
        expect(row.error, `${f.rel}: ${row.error}`).toBeNull();
        const alone = await hashImageFile(bytes);
        expect({ pdq: row.pdq, quality: row.pdq_quality }, f.rel).toEqual({ pdq: alone.hash, quality: alone.quality });
      } else {
        expect(row.error, f.rel).toBeNull();
        expect(row.size).toBe(0);
      }
    }
    const bad = corpus.filter((f) => f.expect === 'error').length;
    expect(summary.failed).toBe(bad);
    const job = await t.ctx.db.selectFrom('ingest_jobs').selectAll().where('evidence_id', '=', evidenceId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', files_failed: bad, videos_unhashed: 0 });
    // The triage names the kinds of failure.
    const res = await t.call('invA', 'GET', `/api/v1/cases/${caseId}/media`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.errorsByCode.too_many_pixels).toBe(2);
    expect(m.errorsByCode.corrupt).toBeGreaterThanOrEqual(8);
    // Nothing left running: every decoder process was closed with the ingest.
    await new Promise((r) => setTimeout(r, 300));
    expect(liveDescendants('node').concat(liveDescendants('ffmpeg'), liveDescendants('bwrap'))).toEqual([]);
  }, 180_000);

  it('without ffmpeg: each video is recorded as not hashed, counted in the job and the summary, shown per file', async () => {
    const evidenceId = await evidence();
    const saved = process.env.AMAAN_FFMPEG;
    process.env.AMAAN_FFMPEG = join(work, 'no-ffmpeg-here');
    let summary;
    try {
      summary = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId, root: videoRoot });
    } finally {
      if (saved === undefined) delete process.env.AMAAN_FFMPEG;
      else process.env.AMAAN_FFMPEG = saved;
    }
    expect(summary).toMatchObject({ filesDone: 2, failed: 1, videosUnhashed: 1 });
    const video = await t.ctx.db.selectFrom('media_files').selectAll().where('evidence_id', '=', evidenceId).where('rel_path', '=', 'clip.mp4').executeTakeFirstOrThrow();
    expect(video).toMatchObject({ media_kind: 'video', error_code: 'video_unavailable', vpdq_frames: null });
    expect(video.error).toMatch(/^video not hashed: video hashing unavailable: AMAAN_FFMPEG=.* is not an executable file/);
    expect(video.sha256).toMatch(/^[0-9a-f]{64}$/); // digests still taken
    const photo = await t.ctx.db.selectFrom('media_files').selectAll().where('evidence_id', '=', evidenceId).where('rel_path', '=', 'photo.png').executeTakeFirstOrThrow();
    expect(photo.pdq).toMatch(/^[0-9a-f]{64}$/);
    const job = await t.ctx.db.selectFrom('ingest_jobs').selectAll().where('evidence_id', '=', evidenceId).executeTakeFirstOrThrow();
    expect(job.videos_unhashed).toBe(1);
    const m = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/media`)).json();
    expect(m.videosUnhashed).toBe(1);
    expect(m.errorsByCode.video_unavailable).toBe(1);
    expect(m.jobs.find((j: { evidenceId: string }) => j.evidenceId === evidenceId).videosUnhashed).toBe(1);
    const files = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/media/files?evidenceId=${evidenceId}&status=error`)).json();
    expect(files.items.map((f: { path: string; errorCode: string }) => [f.path, f.errorCode])).toEqual([['clip.mp4', 'video_unavailable']]);

    // With ffmpeg back, the same video is hashed.
    const again = await evidence();
    const ok = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId, evidenceId: again, root: videoRoot });
    expect(ok).toMatchObject({ failed: 0, videosUnhashed: 0 });
  }, 180_000);
});
