import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { buildMediaFolder, syntheticImage, type MediaFolder } from '../support/media-fixtures.ts';
import { type IngestProgress, runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { importHashSet } from '../../src/modules/hashsets/hashset.service.ts';
import { hashImageFile } from '../../src/pdq/decode.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { HashEntry } from '../../src/modules/hashsets/formats/index.ts';

const { engines } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-ingest-'));
let folder: MediaFolder;
let copy: string;

beforeAll(async () => {
  folder = await buildMediaFolder(join(work, 'seized-a'), { images: 8 });
  // The same phone image seized in another district, plus a re-encoded (near-duplicate) picture.
  copy = join(work, 'seized-b');
  cpSync(join(folder.root, 'DCIM'), join(copy, 'DCIM'), { recursive: true });
  cpSync(join(folder.root, 'Movies'), join(copy, 'Movies'), { recursive: true });
  const img = readFileSync(join(folder.root, 'DCIM/Camera/IMG_0002.png'));
  writeFileSync(join(copy, 'resaved.jpg'), await sharp(img).jpeg({ quality: 70 }).toBuffer());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(engines)('media ingest on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  let evA: string;
  let evB: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const mk = async (user: UserKey, branchId: number) => (await t.call(user, 'POST', '/api/v1/cases', { branchId, title: `Seized phone ${user}`, offenceCodes: ['PECA-22'] })).json().id as string;
    caseA = await mk('invA', t.branchA);
    caseB = await mk('invB', t.branchB);
    const ev = async (caseId: string) => (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Phone image', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    evA = await ev(caseA);
    evB = await ev(caseB);
    // A known-material set: the MD5 of one file and the PDQ of another (synthetic stand-ins).
    const md5 = createHash('md5').update(readFileSync(join(folder.root, 'DCIM/Camera/IMG_0001.jpg'))).digest('hex');
    const pdq = (await hashImageFile(join(folder.root, 'DCIM/Camera/IMG_0004.png'))).hash;
    const entries: HashEntry[] = [{ md5, category: '1', series: 'Test series', attributes: {} }, { pdq, pdqQuality: 100, category: '2', attributes: {} }];
    await importHashSet({ ...t.ctx, actor: systemActor('test') }, { name: 'Synthetic set', source: 'tests' }, (async function* () { yield* entries; })());
  });
  afterAll(async () => t?.close());

  it('records exactly one row per file, links unfollowed, errors recorded, and matches known material', async () => {
    const reports: IngestProgress[] = [];
    const summary = await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId: caseA, evidenceId: evA, root: folder.root, batchFiles: 3, onProgress: (p) => reports.push(p) });
    expect(summary.aborted).toBe(false);
    // Progress: counted beside the hashing, so totals only grow; done never runs backwards; the end is exact.
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i].filesTotal).toBeGreaterThanOrEqual(reports[i - 1].filesTotal);
      expect(reports[i].filesDone).toBeGreaterThanOrEqual(reports[i - 1].filesDone);
    }
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.at(-1)).toMatchObject({ phase: 'done', counted: true, filesTotal: folder.expected.length, filesDone: folder.expected.length });
    const rows = await t.ctx.db.selectFrom('media_files').selectAll().where('case_id', '=', caseA).orderBy('rel_path').execute();
    expect(rows.map((r) => r.rel_path).sort()).toEqual(folder.expected);
    const by = Object.fromEntries(rows.map((r) => [r.rel_path, r]));
    expect(by['Documents/loop']).toMatchObject({ media_kind: 'symlink', md5: null });
    expect(by['Documents/loop']!.error).toMatch(/not followed/);
    expect(by['outside']!.media_kind).toBe('symlink');
    expect(by['pipe']!.error).toMatch(/not a regular file/);
    expect(by['Corrupt/broken.jpg']!.error).toBeTruthy();
    expect(by['Corrupt/broken.jpg']!.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(by['Documents/deep/deeper/deepest/data.bin']!.sha256).toBe(createHash('sha256').update(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7])).digest('hex'));
    const img = by['DCIM/Camera/IMG_0000.png']!;
    expect(img.media_kind).toBe('image');
    expect(img.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(img.pdq_quality).toBeGreaterThanOrEqual(50);
    const video = rows.find((r) => r.rel_path.startsWith('Movies/'))!;
    expect(video.media_kind).toBe('video');
    expect(video.vpdq_frames).toBeGreaterThan(0);
    // labelme q0003 has PDQ quality 3: flagged, never matched.
    expect(by['DCIM/q0003.jpg']).toMatchObject({ low_quality: true });

    const files = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/media/files?status=known&limit=200`)).json();
    const known = Object.fromEntries(files.items.map((f: { path: string; matches: unknown[] }) => [f.path, f.matches]));
    expect(known['DCIM/Camera/IMG_0001.jpg']).toEqual([expect.objectContaining({ type: 'md5', hashSet: 'Synthetic set', category: '1', series: 'Test series' })]);
    expect(known['DCIM/Camera/IMG_0004.png']).toEqual([expect.objectContaining({ type: 'pdq', distance: 0, category: '2' })]);
    const job = await t.ctx.db.selectFrom('ingest_jobs').selectAll().where('id', '=', summary.jobId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', files_done: folder.expected.length, files_total: folder.expected.length });
  });

  it('links two cases that hold the same media, visible only to those who may see both', async () => {
    await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId: caseB, evidenceId: evB, root: copy });
    const resaved = await t.ctx.db.selectFrom('media_files').select('id').where('case_id', '=', caseB).where('rel_path', '=', 'resaved.jpg').executeTakeFirstOrThrow();
    const near = await t.ctx.db.selectFrom('media_matches').selectAll().where('media_file_id', '=', resaved.id).execute();
    expect(near.some((m) => m.match_type === 'pdq' && m.distance > 0 && m.distance <= 31 && m.other_media_file_id !== null)).toBe(true);
    const video = await t.ctx.db.selectFrom('media_files').select('id').where('case_id', '=', caseB).where('media_kind', '=', 'video').executeTakeFirstOrThrow();
    const vm = await t.ctx.db.selectFrom('media_matches').selectAll().where('media_file_id', '=', video.id).execute();
    expect(vm.map((m) => m.match_type)).toEqual(expect.arrayContaining(['sha256', 'vpdq']));

    for (const [user, caseId, other] of [['analyst', caseA, caseB], ['analyst', caseB, caseA]] as const) {
      const s = (await t.call(user, 'GET', `/api/v1/cases/${caseId}/media`)).json();
      expect(s.linkedCases.map((c: { caseId: string }) => c.caseId)).toEqual([other]);
      expect(s.linkedCases[0].sharedFiles).toBeGreaterThan(5);
    }
    // invA sees case A but not case B: the link is not shown, and case B's files name no case.
    const a = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/media`)).json();
    expect(a.linkedCases).toEqual([]);
    expect(a.files).toBe(folder.expected.length);
    const bFiles = (await t.call('invB', 'GET', `/api/v1/cases/${caseB}/media/files?status=linked&limit=200`)).json();
    expect(bFiles.items.length).toBeGreaterThan(0);
    for (const f of bFiles.items) for (const m of f.matches.filter((x: { otherCaseHidden: boolean }) => x.otherCaseHidden)) expect(m.otherCaseId).toBeNull();
    expect(JSON.stringify(bFiles)).not.toContain(caseA);
    // Empty files never link cases.
    const empty = await t.ctx.db.selectFrom('media_files').innerJoin('media_matches', 'media_matches.media_file_id', 'media_files.id').select('media_files.id').where('media_files.size', '=', 0).execute();
    expect(empty).toEqual([]);
  });

  it('a rerun of a finished job adds nothing; other teams cannot read the triage', async () => {
    const before = await t.ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await runIngest({ ...t.ctx, actor: systemActor('test') }, { caseId: caseA, evidenceId: evA, root: folder.root });
    const after = await t.ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await t.call('invB', 'GET', `/api/v1/cases/${caseA}/media`)).statusCode).toBe(404);
    expect((await t.call('leadership', 'GET', `/api/v1/cases/${caseA}/media`)).statusCode).toBe(403);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseA}/media/files?status=bogus`)).statusCode).toBe(400);
  });

  it('refuses API-started ingest outside the allowed roots', async () => {
    const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/media/ingest`, { evidenceId: evA, path: '/etc' });
    expect(res.statusCode).toBe(403);
  });
});

describe('synthetic images', () => {
  it('differ from each other', async () => {
    const a = await syntheticImage(1);
    const b = await syntheticImage(2);
    expect(a.equals(b)).toBe(false);
  });
});
