import { realpath, stat } from 'node:fs/promises';
import { sql } from 'kysely';
import type { ServiceContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/context.ts';
import { isSystemActor, userIdOf } from '../../../platform/access/actor.ts';
import { requireCaseAccess } from '../../../platform/access/case-scope.ts';
import { conflict, invalid, notFound } from '../../../platform/http/errors.ts';
import { decoderIsolation, SandboxUnavailableError } from '../../../pdq/sandbox/sandbox.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { MatchType } from '../../../platform/db/schema.ts';
import { matchVpdq } from '../../../pdq/vpdq/vpdq-match.ts';
import type { VpdqFeature } from '../../../pdq/vpdq/vpdq-format.ts';
import { walkTree } from './walk.ts';
import { BYTES_IN_FLIGHT, FILES_PER_WORKER, HashPool, HELD_BYTES_PER_FILE } from './hash-pool.ts';
import type { FileResult } from './hash-entry.ts';
import { knownIndexOf, type KnownIndex } from '../../hashsets/known-index.ts';
import { insertChunks, insertInChunks } from '../../../platform/db/insert-chunks.ts';
import { takeMatchLock } from './match-lock.ts';
import { markPhase, timed } from '../../../platform/timing.ts';

/** Values per `IN (...)` list: well under both engines' parameter limits. */
const IN_LIST_SLICE = 5000;

import { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY } from '../match-settings.ts';

export { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY };

export interface IngestOptions {
  caseId: string;
  evidenceId: string;
  root: string;
  /** PDQ Hamming distance for a match (inclusive). */
  threshold?: number;
  /** Files in flight at once (hashed on worker threads, one per core); default FILES_PER_WORKER (32) per worker. */
  concurrency?: number;
  /** vPDQ sampling: one frame per this many seconds (0 = every frame). */
  videoSecondsPerHash?: number;
  /** Files per committed batch (default 200; a batch is also committed every second). */
  batchFiles?: number;
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  /** Hash workers started by the caller (the CLI starts them while the database opens); the caller closes them. */
  pool?: HashPool;
}

export interface IngestProgress {
  phase: 'counting' | 'hashing' | 'done';
  /** False while the folder is still being counted (beside the hashing): the totals are still growing. */
  counted: boolean;
  filesTotal: number;
  bytesTotal: number;
  filesDone: number;
  bytesDone: number;
  matched: number;
  failed: number;
  /** Videos not hashed because this machine has no usable ffmpeg (each also counted in `failed`). */
  videosUnhashed: number;
}

/** Finds the job for this evidence item and folder, or opens one; a rerun resumes the same job. */
async function openJob(ctx: ServiceContext, caseId: string, evidenceId: string, root: string) {
  return inTransaction(ctx, async (tx, audit) => {
    // Insert-or-nothing, then the row locked and read: two runs started at once for the same folder agree on
    // one job (one "start", then a "resume") instead of one failing on the unique (evidence, folder) index.
    const created = await tx
      .insertInto('ingest_jobs')
      .values({ case_id: caseId, evidence_id: evidenceId, root_path: root, status: 'running', created_by: userIdOf(ctx.actor), started_at: new Date(), files_total: null, bytes_total: null, error: null, finished_at: null })
      .onConflict((oc) => oc.columns(['evidence_id', 'root_path']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created) {
      await audit({ action: 'media.ingest.start', entityType: 'ingest_job', entityId: created.id, details: { caseId, evidenceId, root } });
      return created.id;
    }
    const existing = await tx.selectFrom('ingest_jobs').selectAll().where('evidence_id', '=', evidenceId).where('root_path', '=', root).forNoKeyUpdate().executeTakeFirst();
    if (existing) {
      await tx.updateTable('ingest_jobs').set({ status: 'running', error: null, started_at: existing.started_at ?? new Date() }).where('id', '=', existing.id).execute();
      await audit({ action: existing.status === 'done' ? 'media.ingest.rerun' : 'media.ingest.resume', entityType: 'ingest_job', entityId: existing.id, details: { caseId, evidenceId, root } });
      return existing.id;
    }
    // Only when the evidence item (and so its jobs) was deleted in between.
    throw notFound('evidence item');
  });
}

/** Counts files and bytes under root into progress as it goes. */
async function countTree(root: string, progress: IngestProgress): Promise<void> {
  for await (const e of walkTree(root)) {
    progress.filesTotal++;
    if (e.kind === 'file') progress.bytesTotal += e.stat.size;
  }
}

/**
 * Hashes every file under `root` into the evidence item, matches it against the known-material hash sets
 * and every other case's media, and records one row per file. Resumable: rows are committed in batches with
 * the job's counters, and a rerun skips the paths already recorded (unique per job), so a killed run finishes
 * with no file skipped or counted twice.
 */
export async function runIngest(ctx: ServiceContext, opts: IngestOptions) {
  const threshold = opts.threshold ?? DEFAULT_PDQ_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0 || threshold > 128) throw invalid('threshold', 'must be an integer 0-128');
  if (!isSystemActor(ctx.actor)) await requireCaseAccess(ctx.db, ctx.actor, opts.caseId);
  const evidence = await ctx.db.selectFrom('evidence_items').select(['id', 'case_id']).where('id', '=', opts.evidenceId).executeTakeFirst();
  if (!evidence || evidence.case_id !== opts.caseId) throw notFound('evidence item');
  let root: string;
  try {
    root = await realpath(opts.root);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw invalid('root', `${opts.root} is not a readable folder`);
  }
  try {
    decoderIsolation(); // AMAAN_SANDBOX=bwrap without a working bwrap: refuse before anything is decoded
  } catch (err) {
    if (err instanceof SandboxUnavailableError) throw conflict(`media decoding refused: ${err.message}`);
    throw err;
  }
  const jobId = await openJob(ctx, opts.caseId, opts.evidenceId, root);
  markPhase('job open');

  const progress: IngestProgress = { phase: 'counting', counted: false, filesTotal: 0, bytesTotal: 0, filesDone: 0, bytesDone: 0, matched: 0, failed: 0, videosUnhashed: 0 };
  const report = () => opts.onProgress?.({ ...progress });
  report();
  // The workers boot (each loads its modules) while the folder is counted and the indexes load.
  let pool: HashPool | undefined;
  try {
    pool = opts.pool ?? new HashPool();
    // Counting runs beside the hashing, far ahead of it: the totals grow until the walk ends.
    const counting = countTree(root, progress).then(() => { progress.counted = true; });
    counting.catch(() => {}); // awaited below; this only marks it handled meanwhile
    const [done, already, knownPdq] = await Promise.all([
      timed('files already done (resume)', () => ctx.db.selectFrom('media_files').select('rel_path').where('job_id', '=', jobId).execute()).then((rows) => new Set(rows.map((r) => r.rel_path))),
      ctx.db.selectFrom('media_files').select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), sql<number>`0`).as('bytes')]).where('job_id', '=', jobId).executeTakeFirstOrThrow(),
      // The shared index (read from its file at the first use in this process), brought up to date.
      timed('known hashes (persistent index) loaded', async () => {
        const known = knownIndexOf(ctx.db);
        await known.catchUp(ctx.db);
        return known;
      }),
    ]);
    markPhase('ready to hash');
    progress.filesDone = Number(already.n);
    progress.bytesDone = Number(already.bytes);

    progress.phase = 'hashing';
    report();
    const secondsPerHash = opts.videoSecondsPerHash ?? 1;
    const batchFiles = Math.max(1, opts.batchFiles ?? 200);
    const totals = () => (progress.counted ? { files: progress.filesTotal, bytes: progress.bytesTotal } : null);
    let batch: FileResult[] = [];
    let lastFlush = Date.now();
    // One batch is stored while the next one fills: the walk and the workers never wait for the database,
    // except when a whole batch is ready before the previous one is committed.
    let storing: Promise<void> = Promise.resolve();
    let firstBatch = false;
    let firstFile = false;
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      lastFlush = Date.now();
      await storing;
      storing = inTransaction(ctx, (tx, audit) => storeBatch(tx, audit, jobId, opts.caseId, opts.evidenceId, rows, knownPdq, threshold, totals()))
        .then((matched) => {
          if (!firstBatch) markPhase('first batch stored');
          firstBatch = true;
          progress.matched += matched;
          report();
        });
      storing.catch(() => {}); // awaited by the next flush or at the end
    };

    const inFlight = new Set<Promise<void>>();
    let room: (() => void) | null = null;
    // The first file whose hashing failed outright (a worker gone; a file's own errors are results, not this).
    const failure: { failed: boolean; err?: unknown } = { failed: false };
    const concurrency = Math.max(1, opts.concurrency ?? pool.size * FILES_PER_WORKER);
    // What the files in flight may hold in memory (a picture is read whole, up to the decoder's limit; other
    // files stream through 1 MiB buffers, but are counted by size, as they are not sniffed yet).
    let bytesInFlight = 0;
    // Files the pool began to hash while the database opened (the CLI's prefetch), by relative path.
    const early = pool.takePrefetch(root, secondsPerHash);
    for await (const entry of walkTree(root)) {
      if (opts.signal?.aborted) break;
      const started = early?.get(entry.relPath);
      if (started) early!.delete(entry.relPath);
      if (done.has(entry.relPath)) continue;
      const held = entry.kind === 'file' ? Math.min(entry.stat.size, HELD_BYTES_PER_FILE) : 0;
      bytesInFlight += held;
      const p = (started ?? pool.hash(entry, secondsPerHash)).then((r) => {
        bytesInFlight -= held;
        if (!firstFile) markPhase('first file hashed');
        firstFile = true;
        batch.push(r);
        progress.filesDone++;
        progress.bytesDone += r.kind === 'symlink' ? 0 : r.size;
        if (r.error) progress.failed++;
        if (r.errorCode === 'video_unavailable') progress.videosUnhashed++;
      });
      inFlight.add(p);
      p.catch((err: unknown) => {
        if (!failure.failed) Object.assign(failure, { failed: true, err });
      }).finally(() => {
        inFlight.delete(p);
        room?.();
      });
      // One waiter woken by whichever file ends (a race over every file in flight would cost as many reactions).
      while (!failure.failed && (inFlight.size >= concurrency || (inFlight.size > 1 && bytesInFlight > BYTES_IN_FLIGHT))) await new Promise<void>((resolve) => { room = resolve; });
      room = null;
      if (failure.failed) throw failure.err; // a worker gone: the job is marked failed below
      if (batch.length >= batchFiles || Date.now() - lastFlush > 1000) await flush();
    }
    await Promise.all(inFlight);
    if (failure.failed) throw failure.err;
    markPhase('all files hashed');
    await flush();
    await storing;
    if (!opts.signal?.aborted) await counting; // a stopped run does not wait for the count to finish
    markPhase('last batch stored');
  } catch (err) {
    // Batches already committed stay; the job must not claim to be running when nothing runs it any more.
    await markJobFailed(ctx, jobId, err);
    throw err;
  } finally {
    if (!opts.pool) await pool?.close();
  }

  const aborted = opts.signal?.aborted ?? false;
  const totalsIfCounted = () => (progress.counted ? { files_total: progress.filesTotal, bytes_total: progress.bytesTotal } : {});
  // The closing step can fail too (a lost connection, a full disk): the job is then failed, not left running.
  await inTransaction(ctx, async (tx, audit) => {
    const counts = await tx
      .selectFrom('media_files')
      .select([(eb) => eb.fn.countAll<number>().as('files'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), sql<number>`0`).as('bytes'), (eb) => eb.fn.count<number>('error').as('failed'),
        sql<number>`count(*) FILTER (WHERE error_code = 'video_unavailable')`.as('videos_unhashed')])
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('ingest_jobs')
      .set({ status: aborted ? 'failed' : 'done', error: aborted ? 'stopped before the end; run again to resume' : null, ...totalsIfCounted(), files_done: Number(counts.files), bytes_done: Number(counts.bytes), files_failed: Number(counts.failed), videos_unhashed: Number(counts.videos_unhashed), finished_at: new Date() })
      .where('id', '=', jobId)
      .execute();
    progress.videosUnhashed = Number(counts.videos_unhashed);
    await audit({ action: aborted ? 'media.ingest.stopped' : 'media.ingest.done', entityType: 'ingest_job', entityId: jobId, details: { files: Number(counts.files), failed: Number(counts.failed), videosUnhashed: Number(counts.videos_unhashed), matched: progress.matched } });
  }).catch(async (err: unknown) => {
    await markJobFailed(ctx, jobId, err);
    throw err;
  });
  markPhase('job closed');
  progress.phase = 'done';
  report();
  return { jobId, ...progress, aborted };
}

async function markJobFailed(ctx: ServiceContext, jobId: string, err: unknown) {
  const reason = err instanceof Error ? err.message : String(err);
  try {
    await inTransaction(ctx, async (tx, audit) => {
      await tx.updateTable('ingest_jobs').set({ status: 'failed', error: `stopped by an error: ${reason.slice(0, 500)}; run again to resume`, finished_at: new Date() }).where('id', '=', jobId).execute();
      await audit({ action: 'media.ingest.failed', entityType: 'ingest_job', entityId: jobId, details: { error: reason.slice(0, 500) } });
    });
  } catch {
    // The database itself is gone: the original error is the one to report.
  }
}

export type Audit = (e: { action: string; entityType: string; entityId?: string | null; details?: Record<string, unknown> }) => Promise<void>;
type MatchRow = { media_file_id: number; hash_set_entry_id: number | null; other_media_file_id: number | null; match_type: MatchType; distance: number };

/** Writes one batch of files with their matches and the job's counters, in the caller's transaction (exported for tests). */
/** Every frame of these videos (a deleted one has none), by video, in frame order. */
async function framesOf(tx: Tx, videoIds: number[]): Promise<Map<number, VpdqFeature[]>> {
  const out = new Map<number, VpdqFeature[]>();
  for (let i = 0; i < videoIds.length; i += 1000) {
    const rows = await tx.selectFrom('media_video_frames').select(['media_file_id', 'frame', 'pdq', 'quality', 'timestamp_s'])
      .where('media_file_id', 'in', videoIds.slice(i, i + 1000)).orderBy('media_file_id').orderBy('frame').execute();
    for (const r of rows) {
      const id = Number(r.media_file_id);
      const list = out.get(id) ?? [];
      list.push({ frame: r.frame, quality: r.quality, hash: r.pdq, timestamp: r.timestamp_s });
      out.set(id, list);
    }
  }
  return out;
}

export async function storeBatch(
  tx: Tx, audit: Audit, jobId: string, caseId: string, evidenceId: string, files: FileResult[],
  knownPdq: KnownIndex, threshold: number, totals: { files: number; bytes: number } | null,
): Promise<number> {
  // Under the match lock until commit: this batch sees every batch and hash-set import committed before it,
  // and every one after it sees this one (match-lock.ts); the index takes in what arrived since it loaded.
  await takeMatchLock(tx);
  await knownPdq.catchUp(tx);
  // A batch of up to --batch-files (10,000) files of 19 columns each: over the bind-parameter limit in one statement.
  const inserted: Array<{ id: number; rel_path: string }> = [];
  const fileRows = files.map((f) => ({
    job_id: jobId, evidence_id: evidenceId, case_id: caseId, rel_path: f.relPath, size: f.size, modified_at: f.modifiedAt, changed_at: f.changedAt, mime: f.mime,
    media_kind: f.kind, md5: f.md5 ?? null, sha1: f.sha1 ?? null, sha256: f.sha256 ?? null, pdq: f.pdq ?? null, pdq_quality: f.quality ?? null,
    low_quality: f.pdq !== undefined && (f.quality ?? 0) < PDQ_MIN_QUALITY, vpdq_frames: f.frames?.length ?? null, error: f.error ?? null,
    error_code: f.error ? (f.errorCode ?? 'corrupt') : null,
  }));
  for (const chunk of insertChunks(fileRows)) {
    inserted.push(...await tx.insertInto('media_files').values(chunk)
      .onConflict((oc) => oc.columns(['job_id', 'rel_path']).doNothing())
      .returning(['id', 'rel_path'])
      .execute());
  }
  const idOf = new Map(inserted.map((r) => [r.rel_path, r.id]));
  const fresh = files.filter((f) => idOf.has(f.relPath));
  const matches: MatchRow[] = [];

  // Exact digests against hash sets and against the other cases' files.
  // Empty files share one digest everywhere; matching them would link every case to every other.
  const byDigest = (kind: 'md5' | 'sha1' | 'sha256') => [...new Set(fresh.filter((f) => f.size > 0).map((f) => f[kind]).filter((v): v is string => !!v))];
  for (const kind of ['md5', 'sha1', 'sha256'] as const) {
    const values = byDigest(kind);
    if (!values.length) continue;
    // The lists of values are parameters too: read them in slices.
    const entries: Array<{ id: number } & Partial<Record<typeof kind, string | null>>> = [];
    const files: Array<{ id: number } & Partial<Record<typeof kind, string | null>>> = [];
    for (let i = 0; i < values.length; i += IN_LIST_SLICE) {
      const slice = values.slice(i, i + IN_LIST_SLICE);
      entries.push(...await tx.selectFrom('hash_set_entries').select(['id', kind]).where(kind, 'in', slice).execute());
      files.push(...await tx.selectFrom('media_files').select(['id', kind]).where(kind, 'in', slice).where('case_id', '!=', caseId).execute());
    }
    for (const f of fresh) {
      const v = f[kind];
      if (!v || f.size === 0) continue;
      const id = idOf.get(f.relPath)!;
      for (const e of entries) if (e[kind] === v) matches.push({ media_file_id: id, hash_set_entry_id: e.id, other_media_file_id: null, match_type: kind, distance: 0 });
      for (const o of files) if (o[kind] === v) matches.push({ media_file_id: id, hash_set_entry_id: null, other_media_file_id: o.id, match_type: kind, distance: 0 });
    }
  }
  // Perceptual: images of good quality only; below the threshold they are flagged, not matched. All of the batch
  // in one search (the index decides by the number of queries whether its tables pay).
  const good = fresh.filter((f) => f.pdq && (f.quality ?? 0) >= PDQ_MIN_QUALITY);
  for (const m of await knownPdq.search(good.map((f) => f.pdq!), threshold, { excludeCaseId: caseId })) {
    const id = idOf.get(good[m.query]!.relPath)!;
    matches.push(m.kind === 'entry'
      ? { media_file_id: id, hash_set_entry_id: m.id, other_media_file_id: null, match_type: 'pdq', distance: m.distance }
      : { media_file_id: id, hash_set_entry_id: null, other_media_file_id: m.id, match_type: 'pdq', distance: m.distance });
  }
  for (const f of fresh) {
    const id = idOf.get(f.relPath)!;
    if (f.frames?.length) {
      const frames = f.frames.map((fr) => ({ media_file_id: id, frame: fr.frame, quality: fr.quality, pdq: fr.hash, timestamp_s: fr.timestamp }));
      await insertInChunks(frames, (chunk) => tx.insertInto('media_video_frames').values(chunk).execute());
      const good = f.frames.filter((fr) => fr.quality >= PDQ_MIN_QUALITY).map((fr) => fr.hash);
      // Hash sets carry PDQ, not vPDQ: a video matches an entry one of its frames is close to (as the re-check on
      // a later import does, hashset.recheck.ts), recorded once with the closest frame's distance. The same search
      // finds the other cases' videos sharing a frame (the index holds their good frames); those videos' frames are
      // then read and compared in full (vPDQ).
      const closest = new Map<number, number>();
      const videos = new Set<number>();
      for (const m of await knownPdq.search(good, threshold, { media: false, frames: true, excludeCaseId: caseId })) {
        if (m.kind === 'entry' && m.distance < (closest.get(m.id) ?? Infinity)) closest.set(m.id, m.distance);
        else if (m.kind === 'frame') videos.add(m.id);
      }
      for (const [entry, distance] of closest) matches.push({ media_file_id: id, hash_set_entry_id: entry, other_media_file_id: null, match_type: 'pdq', distance });
      for (const [other, theirs] of await framesOf(tx, [...videos].sort((a, b) => a - b))) {
        const r = matchVpdq(f.frames, theirs, { distance: threshold });
        if (r.isMatch) matches.push({ media_file_id: id, hash_set_entry_id: null, other_media_file_id: other, match_type: 'vpdq', distance: Math.round(100 - r.queryPercent) });
      }
    }
  }
  // A hash set deleted while this ingest ran: its entries (loaded into the indexes at the start) are gone. Hold
  // the sets still there (KEY SHARE on the set rows, in id order: a delete, which must lock its set row before
  // its entries go, now waits for this batch; one already under way makes this wait and then finds the set
  // gone) and drop matches to the others, rather than fail the batch on the foreign key.
  const entryIds = [...new Set(matches.map((m) => m.hash_set_entry_id).filter((v): v is number => v !== null))];
  const alive = new Set<number>();
  for (let i = 0; i < entryIds.length; i += 5000) {
    const rows = await tx.selectFrom('hash_set_entries').select(['id', 'hash_set_id']).where('id', 'in', entryIds.slice(i, i + 5000)).execute();
    const setIds = [...new Set(rows.map((r) => r.hash_set_id))].sort();
    const live = setIds.length ? new Set((await tx.selectFrom('hash_sets').select('id').where('id', 'in', setIds).orderBy('id').forKeyShare().execute()).map((r) => r.id)) : new Set<string>();
    for (const r of rows) if (live.has(r.hash_set_id)) alive.add(Number(r.id));
  }
  // The index keeps the files of a case deleted since it read them until it is rebuilt: match only files still there.
  const otherIds = [...new Set(matches.map((m) => m.other_media_file_id).filter((v): v is number => v !== null))];
  const present = new Set<number>();
  for (let i = 0; i < otherIds.length; i += IN_LIST_SLICE) {
    for (const r of await tx.selectFrom('media_files').select('id').where('id', 'in', otherIds.slice(i, i + IN_LIST_SLICE)).execute()) present.add(Number(r.id));
  }
  const stored = matches.filter((m) => (m.hash_set_entry_id === null || alive.has(m.hash_set_entry_id)) && (m.other_media_file_id === null || present.has(m.other_media_file_id)));
  if (stored.length) {
    // A file that circulates sits in many cases: its matches can outnumber one statement's parameters.
    await insertInChunks(stored, (chunk) => tx.insertInto('media_matches').values(chunk).onConflict((oc) => oc.doNothing()).execute());
  }
  const failed = fresh.filter((f) => f.error).length;
  const videosUnhashed = fresh.filter((f) => f.errorCode === 'video_unavailable').length;
  await tx
    .updateTable('ingest_jobs')
    .set((eb) => ({
      files_done: eb('files_done', '+', fresh.length),
      bytes_done: eb('bytes_done', '+', fresh.reduce((s, f) => s + f.size, 0)),
      files_failed: eb('files_failed', '+', failed),
      videos_unhashed: eb('videos_unhashed', '+', videosUnhashed),
      ...(totals ? { files_total: totals.files, bytes_total: totals.bytes } : {}),
    }))
    .where('id', '=', jobId)
    .execute();
  await audit({ action: 'media.ingest.batch', entityType: 'ingest_job', entityId: jobId, details: { files: fresh.length, failed, matches: stored.length, ...(videosUnhashed ? { videosUnhashed } : {}) } });
  return new Set(stored.map((m) => m.media_file_id)).size;
}
