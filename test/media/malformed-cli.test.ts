// `amaan ingest` end to end on the generated malformed corpus, plus a good video with no ffmpeg available:
// exit 0, every bad file recorded with its error code, the good files hashed, the unhashed video counted and
// announced (a warning first, then in the summary line), no stack trace.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../src/platform/db/database.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { testdataPath } from '../../src/pdq/testdata.ts';
import { buildMalformedCorpus, type CorpusFile } from '../support/malformed-media.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';

const { engines, postgresUrl } = await detectEngines();
const repo = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'amaan-malformed-cli-'));
const root = join(work, 'card');
let corpus: CorpusFile[];

beforeAll(async () => {
  corpus = await buildMalformedCorpus(root);
  copyFileSync(testdataPath('vpdq/videos/pattern-sd-grey-bar.mp4'), join(root, 'good', 'clip.mp4'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function amaan(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(repo, 'bin/amaan.js'), ...args], { cwd: work, env: { ...process.env, ...env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe.each(engines)('amaan ingest of hostile files on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let caseId: string;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);
  const open = () => openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.DATABASE_URL ? undefined : join(dataDir, 'pglite') });

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    const d = await open();
    await migrateToLatest(d.db);
    await seedReferenceData(d.db);
    const branch = await d.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
    await d.db.insertInto('users').values({ username: 'custodian', display_name: 'Evidence custodian', role: 'analyst', branch_id: null, password_hash: 'x' }).execute();
    caseId = (await d.db.insertInto('cases').values({ branch_id: branch.id, title: 'Hostile media', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow()).id;
    await d.close();
  });
  afterAll(async () => drop?.());

  it('records every bad file, hashes the good ones, reports the video it could not hash, exits 0', async () => {
    const r = await amaan(['ingest', '--case', caseId, '--custodian', 'custodian', root], { ...env, AMAAN_FFMPEG: join(work, 'no-ffmpeg') });
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: video hashing unavailable: AMAAN_FFMPEG=.* is not an executable file; videos get digests only/);
    const bad = corpus.filter((f) => f.expect === 'error');
    // The two MP4s of the corpus fail as videos: without ffmpeg they are "not hashed" (like the good clip).
    const badVideos = bad.filter((f) => f.rel.endsWith('.mp4')).length;
    expect(r.out).toMatch(new RegExp(`${corpus.length + 1}/${corpus.length + 1} files, .* ${bad.length + 1} with errors \\(of which ${badVideos + 1} videos not hashed: video hashing unavailable\\)`));
    const d = await open();
    try {
      const rows = await d.db.selectFrom('media_files').select(['rel_path', 'error', 'error_code', 'pdq']).where('case_id', '=', caseId).execute();
      const by = new Map(rows.map((x) => [x.rel_path, x]));
      expect(by.size).toBe(corpus.length + 1);
      for (const f of corpus) {
        const row = by.get(f.rel)!;
        if (f.expect === 'error') {
          expect(row.error, f.rel).toBeTruthy();
          expect(f.rel.endsWith('.mp4') ? ['video_unavailable'] : f.codes, `${f.rel}: ${row.error_code}`).toContain(row.error_code);
        } else if (f.expect === 'image') expect(row.pdq, `${f.rel}: ${row.error}`).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(by.get('good/clip.mp4')).toMatchObject({ error_code: 'video_unavailable' });
      const job = await d.db.selectFrom('ingest_jobs').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'done', videos_unhashed: badVideos + 1, files_failed: bad.length + 1 });
    } finally {
      await d.close();
    }
  }, 240_000);
});
