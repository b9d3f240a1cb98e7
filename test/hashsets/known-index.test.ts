import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { KnownIndex, knownIndexOf, preloadKnownIndex, type KnownRawHit } from '../../src/modules/hashsets/known-index.ts';
import { readiness } from '../../src/platform/http/ops.ts';
import { storeBatch } from '../../src/modules/media/ingest/ingest.service.ts';
import type { FileResult } from '../../src/modules/media/ingest/hash-entry.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { decodeHeader, encodeHeader, HEADER_BYTES, readIndexFile } from '../../src/modules/hashsets/known-index-file.ts';

// The one known-hash index (issue 13 §2, issue 14 §2): kept in a file, read back at start, caught up from the
// database; a damaged, truncated or foreign file is never trusted; two processes writing it never leave a torn one.
const { engines } = await detectEngines();

const randomPdq = () => randomBytes(32).toString('hex');
/** The hash with its first `bits` bits flipped (distance exactly `bits`). */
function near(hex: string, bits: number): string {
  const b = Buffer.from(hex, 'hex');
  for (let i = 0; i < bits; i++) b[i >> 3]! ^= 1 << (i & 7);
  return b.toString('hex');
}
const key = (h: KnownRawHit) => `${h.query}:${h.kind}:${h.id}:${h.ownerId}:${h.distance}`;

describe.each(engines)('the known-hash index file on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let caseA: string;
  let caseB: string;
  const setHashes: string[] = [];
  const mediaA: string[] = [];

  async function addSet(name: string, hashes: string[]): Promise<string> {
    const set = await t.ctx.db.insertInto('hash_sets').values({ name, source: 'synthetic', entry_count: hashes.length }).returning('id').executeTakeFirstOrThrow();
    for (let i = 0; i < hashes.length; i += 1000) {
      await t.ctx.db.insertInto('hash_set_entries').values(hashes.slice(i, i + 1000).map((pdq) => ({ hash_set_id: set.id, pdq, category: '1' }))).execute();
    }
    return set.id;
  }
  async function addMedia(caseId: string, hashes: string[], tag: string): Promise<void> {
    const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: `Disk ${tag}`, kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const jobId = (await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseId, evidence_id: evidenceId, root_path: `/seized/${tag}`, status: 'done' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.ctx.db.insertInto('media_files').values(hashes.map((pdq, i) => ({
      job_id: jobId, evidence_id: evidenceId, case_id: caseId, rel_path: `p/${i}.jpg`, size: 1000 + i, media_kind: 'image' as const, pdq, pdq_quality: 90, low_quality: false,
    }))).execute();
  }
  /** What an index built from the database alone finds (the truth every file-backed index must agree with). */
  async function truth(queries: string[]): Promise<string[]> {
    const fresh = new KnownIndex();
    await fresh.catchUp(t.ctx.db);
    return (await fresh.search(queries, 31)).map(key).sort();
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    dir = await mkdtemp(join(tmpdir(), 'amaan-known-index-'));
    caseA = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Index case A', offenceCodes: ['PECA-22'] })).json().id as string;
    caseB = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Index case B', offenceCodes: ['PECA-22'] })).json().id as string;
    for (let i = 0; i < 3000; i++) setHashes.push(randomPdq());
    for (let i = 0; i < 200; i++) mediaA.push(randomPdq());
    await addSet('Known set one', setHashes);
    await addMedia(caseA, mediaA, 'a1');
  }, 400_000);
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('survives a restart and is caught up with what was stored after the file was written', async () => {
    const first = new KnownIndex({ dir, saveMinHashes: 0 });
    await first.catchUp(t.ctx.db);
    await first.settled();
    expect(first.size).toBe(3200);
    expect(first.fileState).toBe('missing');

    // Stored after the file: a new set and another case's pictures.
    const later = [randomPdq(), randomPdq()];
    const laterMedia = [randomPdq()];
    await addSet('Known set two', later);
    await addMedia(caseB, laterMedia, 'b1');

    const restarted = new KnownIndex({ dir, saveMinHashes: 1_000_000 });
    await restarted.open();
    expect(restarted.fileState).toBe('loaded');
    expect(restarted.size).toBe(3200); // as written
    await restarted.catchUp(t.ctx.db);
    expect(restarted.size).toBe(3203);
    const queries = [near(setHashes[5]!, 10), near(mediaA[7]!, 31), near(later[1]!, 3), near(laterMedia[0]!, 20), randomPdq()];
    const hits = await restarted.search(queries, 31);
    expect(hits.filter((h) => h.query === 0).map((h) => [h.kind, h.distance])).toEqual([['entry', 10]]);
    expect(hits.filter((h) => h.query === 1).map((h) => [h.kind, h.ownerId, h.distance])).toEqual([['media', caseA, 31]]);
    expect(hits.filter((h) => h.query === 2).map((h) => [h.kind, h.distance])).toEqual([['entry', 3]]);
    expect(hits.filter((h) => h.query === 3).map((h) => [h.kind, h.ownerId, h.distance])).toEqual([['media', caseB, 20]]);
    expect(hits.filter((h) => h.query === 4)).toEqual([]);
    // A case's own files left out (media ingest), and one bit beyond the radius is not a match.
    expect(await restarted.search([near(mediaA[7]!, 31)], 31, { excludeCaseId: caseA })).toEqual([]);
    expect(await restarted.search([near(mediaA[7]!, 32)], 31)).toEqual([]);
    expect(hits.map(key).sort()).toEqual(await truth(queries));
  }, 120_000);

  it('holds the cases\' video frames: a known video matches a newly ingested one after a restart, without rebuilding', async () => {
    const own = await mkdtemp(join(tmpdir(), 'amaan-known-frames-'));
    try {
      // A video of case A: 30 frames, good quality but for two (left out of the index, kept for the full comparison).
      const frames = Array.from({ length: 30 }, (_, i) => ({ frame: i, quality: i < 2 ? 20 : 90, hash: randomPdq(), timestamp: i }));
      const evidenceId = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseA, label: 'Disk v', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
      const jobId = (await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseA, evidence_id: evidenceId, root_path: '/seized/v', status: 'done' }).returning('id').executeTakeFirstOrThrow()).id;
      const video = (await t.ctx.db.insertInto('media_files').values({ job_id: jobId, evidence_id: evidenceId, case_id: caseA, rel_path: 'v/clip.mp4', size: 5000, media_kind: 'video', vpdq_frames: frames.length }).returning('id').executeTakeFirstOrThrow()).id;
      await t.ctx.db.insertInto('media_video_frames').values(frames.map((f) => ({ media_file_id: video, frame: f.frame, quality: f.quality, pdq: f.hash, timestamp_s: f.timestamp }))).execute();

      const first = new KnownIndex({ dir: own, saveMinHashes: 0 });
      await first.catchUp(t.ctx.db);
      await first.settled();
      const before = first.size;

      // "Restart": a new index reads the file and finds the frames there, before any catch-up (no rebuild).
      const restarted = new KnownIndex({ dir: own, saveMinHashes: 1_000_000 });
      await restarted.open();
      expect(restarted.fileState).toBe('loaded');
      expect(restarted.size).toBe(before);
      const probe = await restarted.search([near(frames[10]!.hash, 12)], 31, { entries: false, media: false, frames: true });
      expect(probe.map((h) => [h.kind, h.id, h.ownerId, h.distance])).toEqual([['frame', Number(video), caseA, 12]]);
      // Not asked for, not given (pictures' searches are unchanged); a case's own frames are left out; low-quality frames are not indexed.
      expect(await restarted.search([frames[10]!.hash], 31)).toEqual([]);
      expect(await restarted.search([frames[10]!.hash], 31, { frames: true, excludeCaseId: caseA })).toEqual([]);
      expect(await restarted.search([frames[0]!.hash], 31, { frames: true })).toEqual([]);

      // An ingest batch of case B with the same video re-encoded (every frame a few bits away) records the vPDQ match.
      const evidenceB = (await t.ctx.db.insertInto('evidence_items').values({ case_id: caseB, label: 'Disk w', kind: 'phone', operation_id: null, seized_at: null, custodian_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow()).id;
      const jobB = (await t.ctx.db.insertInto('ingest_jobs').values({ case_id: caseB, evidence_id: evidenceB, root_path: '/seized/w', status: 'running' }).returning('id').executeTakeFirstOrThrow()).id;
      const file: FileResult = { relPath: 'w/same.mp4', size: 5100, modifiedAt: null, changedAt: null, mime: 'video/mp4', kind: 'video', frames: frames.map((f) => ({ ...f, hash: near(f.hash, 6) })) };
      await inTransaction({ ...t.ctx, actor: systemActor('test') }, (tx, audit) => storeBatch(tx, audit, jobB, caseB, evidenceB, [file], restarted, 31, null));
      const match = await t.ctx.db.selectFrom('media_matches').innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id')
        .select(['media_matches.match_type', 'media_matches.other_media_file_id']).where('media_files.job_id', '=', jobB).execute();
      expect(match.map((m) => [m.match_type, Number(m.other_media_file_id)])).toEqual([['vpdq', Number(video)]]);
      // The new video's frames join the index incrementally at the next catch-up (the next batch's, any process's):
      // a third case would find both videos.
      await restarted.catchUp(t.ctx.db);
      const both = await restarted.search([near(frames[12]!.hash, 6)], 31, { entries: false, media: false, frames: true });
      expect(new Set(both.map((h) => h.ownerId))).toEqual(new Set([caseA, caseB]));
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  }, 600_000);

  async function expectRebuilt(problem: RegExp): Promise<void> {
    const idx = new KnownIndex({ dir, saveMinHashes: 1_000_000 });
    await idx.catchUp(t.ctx.db);
    expect(idx.fileState).toBe('rejected');
    expect(idx.fileProblem).toMatch(problem);
    const queries = [near(setHashes[9]!, 12), near(mediaA[3]!, 5)];
    expect((await idx.search(queries, 31)).map(key).sort()).toEqual(await truth(queries));
    expect((await idx.search(queries, 31)).length).toBe(2);
    await idx.settled(); // written again, whole
    const again = new KnownIndex({ dir });
    await again.open();
    expect(again.fileState).toBe('loaded');
    expect(again.size).toBe(idx.size);
  }

  it('rebuilds from the database when the file is damaged, truncated, foreign or ahead of the database', async () => {
    const file = join(dir, 'known-pdq.idx');
    const good = await readFile(file);

    const flipped = Buffer.from(good);
    flipped[HEADER_BYTES + 1000]! ^= 0x10; // one bit of one hash
    await writeFile(file, flipped);
    await expectRebuilt(/body checksum/);

    await truncate(file, (await readFile(file)).length - 7);
    await expectRebuilt(/file is \d+ bytes/);

    const header = Buffer.from(await readFile(file));
    header[13]! ^= 1; // the hash count, without fixing the header's own check
    await writeFile(file, header);
    await expectRebuilt(/header checksum/);

    // Another installation's file, internally consistent (its own checks all pass).
    const other = Buffer.from(await readFile(file));
    const h = decodeHeader(other);
    encodeHeader({ ...h, installation: randomBytes(32) }).copy(other, 0);
    await writeFile(file, other);
    await expectRebuilt(/another installation/);

    // A file covering media ids the database never reached (an older backup restored under it).
    const ahead = Buffer.from(await readFile(file));
    encodeHeader({ ...decodeHeader(ahead), lastMediaId: 10_000_000 }).copy(ahead, 0);
    await writeFile(file, ahead);
    await expectRebuilt(/covers media files up to id 10000000/);

    await writeFile(file, `not an index at all${'.'.repeat(300)}`);
    await expectRebuilt(/not a known-hash index file/);
    await writeFile(file, 'too short');
    await expectRebuilt(/shorter than its header/);
  }, 400_000);

  /** Distance of two 64-hex hashes, computed here independently of the matcher. */
  function distance(a: string, b: string): number {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    let d = 0;
    for (let i = 0; i < 32; i++) for (let v = x[i]! ^ y[i]!; v; v &= v - 1) d++;
    return d;
  }

  it('a batch large enough to build the SIMD planes answers exactly what an exhaustive comparison finds', async () => {
    const idx = new KnownIndex({ buildAfterScans: 16 });
    await idx.catchUp(t.ctx.db);
    const all = [...setHashes, ...mediaA];
    const queries = [
      ...Array.from({ length: 40 }, (_, i) => near(setHashes[i * 50]!, (i * 7) % 40)),
      ...Array.from({ length: 10 }, (_, i) => near(mediaA[i * 13]!, 25 + i)),
      ...Array.from({ length: 30 }, () => randomPdq()),
    ];
    expect(idx.builtSize).toBe(0); // nothing built by the catch-up
    const hits = await idx.search(queries, 31);
    expect(idx.builtSize).toBe(idx.size); // the search ran on the SIMD planes over every hash
    const expected: string[] = [];
    queries.forEach((q, qi) => all.forEach((h) => { if (distance(q, h) <= 31) expected.push(`${qi}:${distance(q, h)}`); }));
    expect(hits.map((h) => `${h.query}:${h.distance}`).sort()).toEqual(expected.sort());
    expect(hits.length).toBe(39); // the planted ones within 31 bits: 32 of the 40 near set entries, 7 of the 10 near pictures
    expect(hits.map(key).sort()).toEqual(await truth(queries));
  }, 120_000);

  it('leaves a deleted hash set out at once, drops its hashes later (lazy rebuild) and writes the file without them', async () => {
    const own = await mkdtemp(join(tmpdir(), 'amaan-known-dead-'));
    try {
      const doomed = Array.from({ length: 600 }, () => randomPdq());
      const doomedId = await addSet('Set to delete', doomed);
      const idx = new KnownIndex({ dir: own, saveMinHashes: 0, compactMinHashes: 1_000_000 });
      await idx.catchUp(t.ctx.db);
      await idx.settled();
      const before = idx.size;
      const q = [near(doomed[3]!, 6), near(setHashes[3]!, 6)];
      expect((await idx.search(q, 31)).map((h) => [h.query, h.ownerId])).toEqual([[0, doomedId], [1, expect.any(String)]]);

      await t.ctx.db.deleteFrom('hash_sets').where('id', '=', doomedId).execute();
      await idx.catchUp(t.ctx.db);
      // Left out of every answer at once; still held (600 dead is under compactMinHashes).
      expect((await idx.search(q, 31)).map((h) => h.query)).toEqual([1]);
      expect(idx.deadSize).toBe(600);
      expect(idx.size).toBe(before);
      expect((await idx.search(q, 31)).map(key).sort()).toEqual(await truth(q));

      // A restarted process reading the file written before the delete marks the set dead again.
      const restarted = new KnownIndex({ dir: own, saveMinHashes: 1_000_000, compactMinHashes: 1_000_000 });
      await restarted.catchUp(t.ctx.db);
      expect(restarted.fileState).toBe('loaded');
      expect(restarted.deadSize).toBe(600);
      expect((await restarted.search(q, 31)).map((h) => h.query)).toEqual([1]);

      // Past the threshold the dead hashes are dropped and the file is written again without them.
      const compacting = new KnownIndex({ dir: own, saveMinHashes: 1_000_000, compactMinHashes: 1 });
      await compacting.catchUp(t.ctx.db);
      expect(compacting.deadSize).toBe(0);
      expect(compacting.size).toBe(before - 600); // 600 dead of ~3,800: more than an eighth
      expect((await compacting.search(q, 31)).map((h) => h.query)).toEqual([1]);
      expect((await compacting.search(q, 31)).map(key).sort()).toEqual(await truth(q));
      await compacting.settled();
      const reread = new KnownIndex({ dir: own, saveMinHashes: 1_000_000 });
      await reread.open();
      expect(reread.fileState).toBe('loaded');
      expect(reread.size).toBe(before - 600);
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  }, 120_000);

  it('writes its file without holding the event loop, and searches go on meanwhile', async () => {
    const own = await mkdtemp(join(tmpdir(), 'amaan-known-async-'));
    try {
      const idx = new KnownIndex({ dir: own, saveMinHashes: 1_000_000 });
      await idx.catchUp(t.ctx.db);
      let ticks = 0;
      let stop = false;
      const tick = () => { ticks++; if (!stop) setImmediate(tick); };
      setImmediate(tick);
      const saving = idx.save();
      const during = await idx.search([near(setHashes[1]!, 4)], 31); // answered while the file is written
      await saving;
      stop = true;
      expect(ticks).toBeGreaterThan(2); // a synchronous write would let none run
      expect(during.map((h) => h.distance)).toEqual([4]);
      const reread = new KnownIndex({ dir: own });
      await reread.open();
      expect(reread.fileState).toBe('loaded');
      expect(reread.size).toBe(idx.size);
      await idx.settled();
    } finally {
      await rm(own, { recursive: true, force: true });
    }
  }, 120_000);

  it('is loaded in the background at start and /ready reports it without waiting for it', async () => {
    expect((await readiness(t.ctx)).checks.knownIndex).toBeUndefined(); // nothing has used it in this app yet
    const messages: string[] = [];
    const loading = preloadKnownIndex(t.ctx.db, (m) => messages.push(m));
    const early = await readiness(t.ctx);
    expect(early.status).toBe('ready'); // never held back by the index
    expect(['loading', 'ready']).toContain(early.checks.knownIndex);
    await loading;
    expect((await readiness(t.ctx)).checks.knownIndex).toBe('ready');
    expect(messages.join('\n')).toMatch(/known-hash index: [\d,]+ hashes ready in \d+ ms/);
    expect(knownIndexOf(t.ctx.db).size).toBeGreaterThanOrEqual(3200);
  }, 120_000);

  it('two processes writing the file at once never leave a torn file', async () => {
    const file = join(dir, 'race', 'known-pdq.idx');
    const writer = join(import.meta.dirname, '..', 'support', 'known-index-writer.ts');
    const run = (seed: number) => new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', writer, file, String(seed), '25'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d) => { err += String(d); });
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${seed} exited ${code}: ${err}`))));
    });
    const writers = Promise.all([run(1), run(2)]);
    let done = false;
    void writers.finally(() => { done = true; });
    let reads = 0;
    const installation = Buffer.alloc(32, 7);
    while (!done) {
      // Every read sees one writer's complete file (its checks pass and its contents are that writer's), or none yet.
      const h = await readIndexFile(file, installation, (head) => ({
        hashes: new Uint8Array(head.count * 32), ids: new Uint8Array(head.count * 4), owners: new Uint8Array(head.count * 4),
        ownerKinds: new Uint8Array(head.owners), ownerIds: new Uint8Array(head.owners * 16),
      }));
      if (h) {
        expect([1, 2]).toContain(h.lastMediaId % 10);
        reads++;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await writers;
    expect(reads).toBeGreaterThan(0);
    const last = await readIndexFile(file, installation, (head) => ({
      hashes: new Uint8Array(head.count * 32), ids: new Uint8Array(head.count * 4), owners: new Uint8Array(head.count * 4),
      ownerKinds: new Uint8Array(head.owners), ownerIds: new Uint8Array(head.owners * 16),
    }));
    expect(last).not.toBeNull();
    // No temporary file left behind.
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(dir, 'race'))).toEqual(['known-pdq.idx']);
  }, 400_000);
});
