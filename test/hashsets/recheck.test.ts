import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { openCase } from '../operations/case-fixtures.ts';
import { buildMediaFolder, type MediaFolder } from '../support/media-fixtures.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { runIngest } from '../../src/modules/media/ingest/ingest.service.ts';
import { recheckAndNotify, recheckMediaAgainstSet } from '../../src/modules/hashsets/hashset.recheck.ts';
import { randomBytes } from 'node:crypto';
import { resolveVideoTools } from '../../src/pdq/vpdq/ffmpeg-path.ts';

// Issue 13: a hash set imported after an ingest re-checks every file already stored, records the new matches
// (exact digest and PDQ) and tells the case team; doing it again adds nothing. Both engines.
const { engines } = await detectEngines();
const videoHashing = (() => {
  try {
    resolveVideoTools();
    return true;
  } catch {
    return false;
  }
})();
const work = mkdtempSync(join(tmpdir(), 'amaan-recheck-'));
let folder: MediaFolder;
beforeAll(async () => {
  folder = await buildMediaFolder(join(work, 'seized'), { images: 12 });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function waitForJob(t: TestApp, id: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await t.call('analyst', 'GET', `/api/v1/jobs/${id}`)).json();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

/** A PDQ a few bits away from `hex` (a near-duplicate the set knows, not the file itself). */
const flipBits = (hex: string, n: number) => {
  const b = Buffer.from(hex, 'hex');
  for (let i = 0; i < n; i++) b[i * 3]! ^= 1;
  return b.toString('hex');
};

describe.each(engines)('re-check on hash-set import on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 300_000);
  afterAll(async () => t?.close());

  it('finds the files ingested before the set, records the matches once and tells the case team', async () => {
    const caseId = await openCase(t, 'Re-check case', 'invA');
    const otherCase = await openCase(t, 'Unrelated case', 'invB');
    const team = await t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', caseId).execute();
    expect(team.map((m) => m.user_id)).toContain(t.users.invA.id);
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Seized phone', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id;
    const sctx = { ...t.ctx, actor: systemActor('test') };
    await runIngest(sctx, { caseId, evidenceId, root: folder.root, concurrency: 2 });

    const files = await t.ctx.db.selectFrom('media_files').select(['id', 'md5', 'pdq', 'pdq_quality', 'low_quality', 'size']).where('case_id', '=', caseId).orderBy('id').execute();
    const images = files.filter((f) => f.pdq && !f.low_quality && (f.pdq_quality ?? 0) >= 50);
    expect(images.length).toBeGreaterThanOrEqual(3);
    const byMd5 = images[0]!;
    const byPdq = images[1]!;
    expect(await t.ctx.db.selectFrom('media_matches').select('id').where('media_file_id', 'in', [byMd5.id, byPdq.id]).execute()).toHaveLength(0);

    // The set: one file's MD5, a near-duplicate of another's PDQ (6 bits away), and hashes nobody holds.
    const csv = ['md5,pdq,category', `${byMd5.md5},,1`, `,${flipBits(byPdq.pdq!, 6)},2`, `${'ab'.repeat(16)},,1`, `,${'f0'.repeat(32)},3`].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/hash-sets/import?name=Later%20set&source=Synthetic&format=csv', payload: csv, headers: { authorization: `Bearer ${t.users.analyst.token}`, 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(t, res.json().backgroundJobId);
    // (The fixture folder holds copies and re-encodings of some pictures: they match too.)
    expect(job).toMatchObject({ state: 'done', kind: 'hashset.import', result: { entries: 4, casesTold: 1 } });
    expect(job.result.matchedFiles).toBeGreaterThanOrEqual(2);
    const setId = job.result.id as string;

    const matches = await t.ctx.db.selectFrom('media_matches').innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
      .select(['media_matches.media_file_id', 'media_matches.match_type', 'media_matches.distance']).where('hash_set_entries.hash_set_id', '=', setId).orderBy('media_matches.media_file_id').execute();
    expect(matches).toEqual(expect.arrayContaining([
      { media_file_id: byMd5.id, match_type: 'md5', distance: 0 },
      { media_file_id: byPdq.id, match_type: 'pdq', distance: 6 },
    ]));
    // The files' list shows them as known material now.
    const listed = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/media/files?status=known`)).json();
    expect(listed.items.map((f: { id: number }) => f.id).sort()).toEqual(expect.arrayContaining([byMd5.id, byPdq.id]));

    // The team is told, once; someone off the team is not.
    const mine = (await t.call('invA', 'GET', '/api/v1/notifications')).json();
    const told = mine.items.filter((n: { kind: string }) => n.kind === 'media.known_match');
    expect(told).toHaveLength(1);
    expect(told[0].knownMatch).toEqual({ caseId, caseTitle: 'Re-check case', hashSetId: setId, hashSet: 'Later set', files: job.result.matchedFiles });
    expect(new Set(matches.map((m) => m.media_file_id)).size).toBe(job.result.matchedFiles);
    const theirs = (await t.call('invB', 'GET', '/api/v1/notifications')).json();
    expect(theirs.items.filter((n: { kind: string }) => n.kind === 'media.known_match')).toHaveLength(0);
    expect(otherCase).not.toBe(caseId);

    // Run again (a retried job): nothing added twice.
    const before = matches.length;
    const again = await recheckAndNotify(sctx, setId);
    expect(again).toMatchObject({ exactMatches: 0, pdqMatches: 0, casesTold: 1 });
    expect(Number((await t.ctx.db.selectFrom('media_matches').innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id').select((eb) => eb.fn.countAll<number>().as('n')).where('hash_set_entries.hash_set_id', '=', setId).executeTakeFirstOrThrow()).n)).toBe(before);
    expect((await t.call('invA', 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'media.known_match')).toHaveLength(1);

    // Taken off the team, the reader keeps the notification but no longer learns the case's id or title from it.
    const moved = await t.call('supA', 'PUT', `/api/v1/cases/${caseId}/team`, { members: [{ userId: t.users.invA2.id, teamRole: 'lead' }] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const after = (await t.call('invA', 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'media.known_match');
    expect(after).toHaveLength(1);
    expect(after[0].knownMatch).toEqual({ caseId: null, caseTitle: null, hashSetId: setId, hashSet: 'Later set', files: job.result.matchedFiles });
    expect(JSON.stringify(after[0])).not.toContain('Re-check case');
  }, 300_000);

  it('matches pictures exactly up to the radius, over several pages of files', async () => {
    const caseId = await openCase(t, 'Radius case', 'invA');
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Radius disk', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id;
    const jobId = (await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseId, evidence_id: evidenceId, root_path: '/seized/radius', status: 'done' }).returning('id').executeTakeFirstOrThrow()).id;
    const pics = Array.from({ length: 30 }, () => randomBytes(32).toString('hex'));
    const rows = await t.ctx.db.insertInto('media_files').values(pics.map((pdq, i) => ({
      job_id: jobId, evidence_id: evidenceId, case_id: caseId, rel_path: `r/${i}.jpg`, size: 100 + i, media_kind: 'image' as const, pdq, pdq_quality: 90, low_quality: false,
    }))).returning(['id', 'rel_path']).execute();
    const idOf = (i: number) => rows.find((r) => r.rel_path === `r/${i}.jpg`)!.id;
    /** The hash with its first `bits` bits flipped: distance exactly `bits`. */
    const away = (hex: string, bits: number) => {
      const b = Buffer.from(hex, 'hex');
      for (let i = 0; i < bits; i++) b[i >> 3]! ^= 1 << (i & 7);
      return b.toString('hex');
    };
    // Entries at exactly 31 bits (matches), 32 bits (does not), 0 bits, spread over the pages of 7 files.
    const set = await t.ctx.db.insertInto('hash_sets').values({ name: 'Radius set', source: 'synthetic', entry_count: 4 }).returning('id').executeTakeFirstOrThrow();
    const entries = await t.ctx.db.insertInto('hash_set_entries').values([
      { hash_set_id: set.id, pdq: away(pics[2]!, 31), category: '1' },
      { hash_set_id: set.id, pdq: away(pics[9]!, 32), category: '1' },
      { hash_set_id: set.id, pdq: pics[15]!, category: '1' },
      { hash_set_id: set.id, pdq: away(pics[29]!, 17), category: '1' },
    ]).returning(['id', 'pdq']).execute();
    const r = await recheckMediaAgainstSet({ ...t.ctx, actor: systemActor('test') }, set.id, { pageFiles: 7 });
    expect(r.filesChecked).toBeGreaterThanOrEqual(30); // every good picture of the database, in pages of 7
    const found = await t.ctx.db.selectFrom('media_matches').select(['media_file_id', 'hash_set_entry_id', 'distance', 'match_type'])
      .where('hash_set_entry_id', 'in', entries.map((e) => e.id)).orderBy('distance').execute();
    expect(found).toEqual([
      { media_file_id: idOf(15), hash_set_entry_id: entries[2]!.id, distance: 0, match_type: 'pdq' },
      { media_file_id: idOf(29), hash_set_entry_id: entries[3]!.id, distance: 17, match_type: 'pdq' },
      { media_file_id: idOf(2), hash_set_entry_id: entries[0]!.id, distance: 31, match_type: 'pdq' },
    ]);
    expect(r.pdqMatches).toBe(3);
  }, 120_000);

  it.runIf(videoHashing)('re-checks videos by their vPDQ frames, and an ingest after the import matches them the same way', async () => {
    const caseId = await openCase(t, 'Video re-check case', 'invA');
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: 'Seized laptop', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id;
    const sctx = { ...t.ctx, actor: systemActor('test') };
    await runIngest(sctx, { caseId, evidenceId, root: folder.root, concurrency: 2 });
    const video = await t.ctx.db.selectFrom('media_files').select(['id', 'vpdq_frames']).where('case_id', '=', caseId).where('vpdq_frames', '>', 0).executeTakeFirstOrThrow();
    const frames = await t.ctx.db.selectFrom('media_video_frames').select(['pdq', 'quality']).where('media_file_id', '=', video.id).where('quality', '>=', 50).orderBy('frame').execute();
    expect(frames.length).toBeGreaterThan(0);
    const frame = frames[Math.floor(frames.length / 2)]!;
    // No picture of the folder is near that frame, so only the video can match the entry.
    const set = ['pdq,category', `${flipBits(frame.pdq, 5)},2`].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/hash-sets/import?name=Video%20frames&source=Synthetic&format=csv', payload: set, headers: { authorization: `Bearer ${t.users.analyst.token}`, 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(t, res.json().backgroundJobId);
    expect(job).toMatchObject({ state: 'done', result: { entries: 1 } });
    const setId = job.result.id as string;
    const matchesOf = async () => t.ctx.db.selectFrom('media_matches').innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
      .innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id')
      .select(['media_matches.media_file_id', 'media_matches.match_type', 'media_matches.distance', 'media_files.case_id', 'media_files.vpdq_frames'])
      .where('hash_set_entries.hash_set_id', '=', setId).orderBy('media_matches.media_file_id').execute();
    const matches = await matchesOf();
    // The video of this case (and the same video ingested by the first test's case), once each, at <= 5 bits.
    const mine = matches.filter((m) => m.case_id === caseId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ media_file_id: video.id, match_type: 'pdq' });
    expect(mine[0]!.distance).toBeLessThanOrEqual(5);
    expect(matches.every((m) => (m.vpdq_frames ?? 0) > 0)).toBe(true);
    const told = (await t.call('invA', 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string; knownMatch?: { hashSetId: string } }) => n.kind === 'media.known_match' && n.knownMatch?.hashSetId === setId);
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.find((n: { knownMatch: { caseId: string } }) => n.knownMatch.caseId === caseId).knownMatch.files).toBe(1);

    // A retried re-check adds nothing.
    const again = await recheckAndNotify(sctx, setId);
    expect(again).toMatchObject({ pdqMatches: 0 });
    expect(again.videosChecked).toBeGreaterThanOrEqual(1);
    expect(await matchesOf()).toHaveLength(matches.length);

    // The same folder ingested into another case after the import: its video matches the entry at ingest.
    const later = await openCase(t, 'Video later case', 'invB');
    const laterEvidence = (await t.ctx.db.insertInto('evidence_items').values({ case_id: later, label: 'Seized drive', kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id;
    await runIngest(sctx, { caseId: later, evidenceId: laterEvidence, root: folder.root, concurrency: 2 });
    const laterMatches = (await matchesOf()).filter((m) => m.case_id === later);
    expect(laterMatches).toHaveLength(1);
    expect(laterMatches[0]).toMatchObject({ match_type: 'pdq', distance: mine[0]!.distance });
  }, 300_000);
});
