import { mkdtempSync, readFileSync, rmSync, symlinkSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { loadDemoIfEmpty, type DemoResult } from '../../src/demo/demo.loader.ts';
import { DEMO_EARLIER_LABEL, DEMO_HASH_SET_NAME, DEMO_SEIZED_FOLDER, DEMO_SEIZED_LABEL, ensureDemoMediaFolder, loadDemoMedia } from '../../src/demo/demo.media.ts';
import { createApiToken } from '../../src/platform/auth/auth.service.ts';
import { resolveVideoTools } from '../../src/pdq/vpdq/ffmpeg-path.ts';

// The demo's media folder and hash set, and an ingest of it started over the API as the demo investigator:
// exact and near-duplicate matches to the demo hash set, a cross-case link to the earlier demo seizure,
// and the folder as the only one the API may read (no way out of it by `..` or a symbolic link).
const { engines } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-demo-media-'));
afterAll(() => {
  // The generated files are read only: make them removable first.
  rmSync(work, { recursive: true, force: true });
});

const videoHashing = (() => {
  try {
    resolveVideoTools();
    return true;
  } catch {
    return false;
  }
})();

describe('the demo media folder', () => {
  it('is generated the same way every time, small, benign and read only', async () => {
    const a = await ensureDemoMediaFolder(join(work, 'gen-a'));
    const b = await ensureDemoMediaFolder(join(work, 'gen-b'));
    const manifest = (root: string) => JSON.parse(readFileSync(join(root, 'MANIFEST.json'), 'utf8')) as { synthetic: boolean; files: Record<string, string> };
    expect(manifest(a).files).toEqual(manifest(b).files);
    expect(manifest(a).synthetic).toBe(true);
    expect(Object.keys(manifest(a).files).length).toBe(18);
    // A second call keeps the folder as it is.
    expect(await ensureDemoMediaFolder(join(work, 'gen-a'))).toBe(a);
    expect(() => readFileSync(join(a, DEMO_SEIZED_FOLDER, 'Documents/notes.txt'), 'utf8')).not.toThrow();
  });
});

describe.each(engines)('demo media triage on %s', (engine) => {
  let t: TestApp;
  let demo: DemoResult;
  let root: string;
  let mzgCase: string;
  let earlierCase: string;
  let seizedEvidence: string;
  let bearer: string;
  const call = (method: 'GET' | 'POST', url: string, body?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(body ? { payload: body } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    demo = await loadDemoIfEmpty(t.ctx, { mediaRoot: join(work, `demo-media-${engine}`) });
    root = demo.media!.root;
    const load = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'demo.load').executeTakeFirstOrThrow();
    mzgCase = (load.details as { muzaffargarhCaseId: string }).muzaffargarhCaseId;
    const ev = await t.ctx.db.selectFrom('evidence_items').select(['id', 'case_id', 'label', 'custodian_id']).where('label', 'in', [DEMO_SEIZED_LABEL, DEMO_EARLIER_LABEL]).execute();
    const seized = ev.find((e) => e.label === DEMO_SEIZED_LABEL)!;
    seizedEvidence = seized.id;
    earlierCase = ev.find((e) => e.label === DEMO_EARLIER_LABEL)!.case_id;
    const inv = await t.ctx.db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'branch_id']).where('id', '=', seized.custodian_id!).executeTakeFirstOrThrow();
    bearer = (await createApiToken(t.ctx, inv.id, 'test', { id: inv.id, username: inv.username, displayName: inv.display_name, role: inv.role, branchId: inv.branch_id, ip: null })).token;
  }, 120_000);
  afterAll(async () => t?.close());

  it('loads the hash set, the seized phone for the raid case and an earlier seizure already ingested into another case, once', async () => {
    expect(demo.loaded).toBe(true);
    expect(demo.media!.loaded).toBe(true);
    const sets = await t.ctx.db.selectFrom('hash_sets').select(['name', 'entry_count', 'category_scheme']).execute();
    expect(sets).toEqual([{ name: DEMO_HASH_SET_NAME, entry_count: 5, category_scheme: 'custom' }]);
    const seized = await t.ctx.db.selectFrom('evidence_items').select(['case_id', 'kind']).where('id', '=', seizedEvidence).executeTakeFirstOrThrow();
    expect(seized).toEqual({ case_id: mzgCase, kind: 'media_folder' });
    expect(earlierCase).not.toBe(mzgCase);
    const earlierFiles = await t.ctx.db.selectFrom('media_files').select('rel_path').where('case_id', '=', earlierCase).orderBy('rel_path').execute();
    expect(earlierFiles.map((f) => f.rel_path)).toEqual(['DCIM/IMG_0007.png', 'DCIM/IMG_0013.png', 'DCIM/shared-0006.png', 'Movies/street-camera-small.mp4']);
    expect(await t.ctx.db.selectFrom('media_files').select('id').where('case_id', '=', mzgCase).execute()).toEqual([]);
    // Again (a restart of `serve --demo`): nothing is added.
    const again = await loadDemoMedia(t.ctx, join(work, `demo-media-${engine}`));
    expect(again).toMatchObject({ loaded: false, root });
    expect(await t.ctx.db.selectFrom('hash_sets').select('id').execute()).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('evidence_items').select('id').where('label', '=', DEMO_SEIZED_LABEL).execute()).toHaveLength(1);
    const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['hashset.import', 'evidence.create', 'media.ingest.done']).execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['evidence.create', 'evidence.create', 'hashset.import', 'media.ingest.done']);
  });

  it('says server-side ingest is off when no folder is allowed, and offers only the demo folder under the demo', async () => {
    t.ctx.config.demoIngestRoot = undefined;
    expect((await call('GET', '/api/v1/media/ingest-roots')).json()).toEqual({ roots: [], demoFolder: null });
    const off = await call('POST', `/api/v1/cases/${mzgCase}/media/ingest`, { evidenceId: seizedEvidence, path: join(root, DEMO_SEIZED_FOLDER) });
    expect(off.statusCode).toBe(403);
    expect(off.json().detail ?? off.json().message).toMatch(/server-side ingest is off/);
    t.ctx.config.demoIngestRoot = root;
    expect((await call('GET', '/api/v1/media/ingest-roots')).json()).toEqual({ roots: [{ path: root, demo: true }], demoFolder: join(root, DEMO_SEIZED_FOLDER) });
  });

  it('refuses every path outside the demo folder: parent folders, absolute paths, symbolic links out of it', async () => {
    t.ctx.config.demoIngestRoot = root;
    // A link inside the root that points out of it (made writable for the test only; the demo files stay read only).
    chmodSync(root, 0o755);
    mkdirSync(join(work, `outside-${engine}`), { recursive: true });
    symlinkSync(join(work, `outside-${engine}`), join(root, 'escape'));
    const refused = [`${root}/..`, `${root}/${DEMO_SEIZED_FOLDER}/../..`, '/etc', join(root, 'escape'), `${root}-other`, join(work, `outside-${engine}`)];
    for (const path of refused) {
      const res = await call('POST', `/api/v1/cases/${mzgCase}/media/ingest`, { evidenceId: seizedEvidence, path });
      expect(res.statusCode, path).toBe(400);
      expect(JSON.stringify(res.json()), path).toMatch(/path/);
    }
    rmSync(join(root, 'escape'));
    const missing = await call('POST', `/api/v1/cases/${mzgCase}/media/ingest`, { evidenceId: seizedEvidence, path: join(root, 'no-such-folder') });
    expect(missing.statusCode).toBe(400);
    // Nothing was started.
    expect(await t.ctx.db.selectFrom('ingest_jobs').select('id').where('case_id', '=', mzgCase).execute()).toEqual([]);
  });

  it('ingests the seized phone from the API: exact and PDQ matches to the demo hash set and the earlier case linked', async () => {
    t.ctx.config.demoIngestRoot = root;
    const started = await call('POST', `/api/v1/cases/${mzgCase}/media/ingest`, { evidenceId: seizedEvidence, path: join(root, DEMO_SEIZED_FOLDER) });
    expect(started.statusCode).toBe(202);
    const jobId = started.json().backgroundJobId as string;
    let job: { state: string; error?: string } = { state: 'running' };
    for (let i = 0; i < 300 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call('GET', `/api/v1/jobs/${jobId}`)).json();
    }
    expect(job).toMatchObject({ state: 'done' });
    const summary = (await call('GET', `/api/v1/cases/${mzgCase}/media`)).json();
    expect(summary.files).toBe(14);
    expect(summary.knownMaterial).toBe(5);
    expect(summary.categories).toEqual([
      { hashSet: DEMO_HASH_SET_NAME, category: 'demo-A', files: 3 },
      { hashSet: DEMO_HASH_SET_NAME, category: 'demo-B', files: 2 },
    ]);
    expect(summary.linkedCases).toHaveLength(1);
    expect(summary.linkedCases[0]).toMatchObject({ caseId: earlierCase, sharedFiles: videoHashing ? 3 : 2 });
    const known = (await call('GET', `/api/v1/cases/${mzgCase}/media/files?status=known&limit=50`)).json() as { items: Array<{ path: string; matches: Array<{ type: string; distance: number; hashSet: string | null }> }> };
    const byPath = Object.fromEntries(known.items.map((f) => [f.path, f.matches.filter((m) => m.hashSet).map((m) => `${m.type}:${m.type === 'pdq' ? (m.distance === 0 ? 0 : 'near') : m.distance}`).sort()]));
    expect(Object.keys(byPath).sort()).toEqual(['DCIM/Camera/IMG_0001.png', 'DCIM/Camera/IMG_0002.png', 'DCIM/Camera/IMG_0003.png', 'WhatsApp/Media/IMG-0004-WA.jpg', 'WhatsApp/Media/IMG-0005-WA.jpg']);
    // Copies as they are: every digest and the PDQ at distance 0; resized and re-encoded: PDQ only, near.
    expect(byPath['DCIM/Camera/IMG_0001.png']).toContain('pdq:0');
    expect(byPath['DCIM/Camera/IMG_0001.png']!.some((m) => m.startsWith('sha256') || m.startsWith('md5'))).toBe(true);
    expect(byPath['WhatsApp/Media/IMG-0004-WA.jpg']).toEqual(['pdq:near']);
    expect(byPath['WhatsApp/Media/IMG-0005-WA.jpg']).toEqual(['pdq:near']);
    const linked = (await call('GET', `/api/v1/cases/${mzgCase}/media/files?status=linked&limit=50`)).json() as { items: Array<{ path: string; matches: Array<{ otherCaseId: string | null }> }> };
    expect(linked.items.map((f) => f.path).filter((p) => p.startsWith('Pictures/'))).toEqual(['Pictures/shared-0006.png', 'Pictures/shared-0007.jpg']);
    expect(linked.items.every((f) => f.matches.some((m) => m.otherCaseId === earlierCase))).toBe(true);
  }, 60_000);
});
