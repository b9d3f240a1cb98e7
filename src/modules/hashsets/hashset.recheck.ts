import { sql } from 'kysely';
import { MihIndex } from '../../pdq/matching/mih-index.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AuditEvent } from '../../platform/context.ts';
import { insertInChunks } from '../../platform/db/insert-chunks.ts';
import { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY } from '../media/ingest/ingest.service.ts';

// A hash set imported after media were ingested: every file already stored is checked against the new set's
// entries (exact digests in SQL, PDQ through a multi-index (MIH) of the set's hashes built once) and the matches
// recorded. MIH rather than the batch SIMD scan (ScanIndex, tried): at radius 31 the scan of every file against
// every entry cost 2.7-2.8x the CPU time of MIH at 200,000 and at 1,000,000 entries on this machine
// (bench/recheck.bench.ts, docs/benchmarks.md), and more wall time even with both cores. Safe to
// repeat: a match is unique per (file, entry, type), so a re-check run again (a retried job) adds nothing twice.
// Files stored after the set was imported are matched by their own ingest (match-lock.ts orders the two).
// Videos: hash sets carry PDQ (not vPDQ) hashes, so a video matches an entry when one of its good-quality vPDQ
// frames is within the threshold of the entry (a known picture shown in the video, or a set listing a known
// video's frames); the match is recorded as 'pdq' with the closest frame's distance, as ingest does.

export interface RecheckProgress {
  filesChecked: number;
  filesTotal: number;
}

export interface RecheckResult {
  exactMatches: number;
  /** Pictures, and videos one of whose frames is within the threshold of an entry (both recorded as 'pdq'). */
  pdqMatches: number;
  filesChecked: number;
  /** Of those, videos checked by their vPDQ frames. */
  videosChecked?: number;
}

const PAGE = 20_000;
/** Videos per page (a video has up to a few thousand frames). */
const VIDEO_PAGE = 200;

export async function recheckMediaAgainstSet(ctx: ServiceContext, setId: string, opts: { threshold?: number; onProgress?: (p: RecheckProgress) => void; signal?: AbortSignal; /** Files per page (tests). */ pageFiles?: number } = {}): Promise<RecheckResult> {
  const threshold = opts.threshold ?? DEFAULT_PDQ_THRESHOLD;
  const page = Math.max(1, opts.pageFiles ?? PAGE);
  let exactMatches = 0;
  // Exact digests: one statement per kind, the database joins on its digest indexes. Empty files never match.
  for (const kind of ['md5', 'sha1', 'sha256'] as const) {
    const r = await ctx.db.transaction().execute((tx) => sql`
      INSERT INTO media_matches (media_file_id, hash_set_entry_id, other_media_file_id, match_type, distance)
      SELECT m.id, e.id, NULL, ${kind}, 0
      FROM hash_set_entries e JOIN media_files m ON m.${sql.ref(kind)} = e.${sql.ref(kind)}
      WHERE e.hash_set_id = ${setId} AND e.${sql.ref(kind)} IS NOT NULL AND m.size > 0
      ON CONFLICT DO NOTHING`.execute(tx));
    exactMatches += Number(r.numAffectedRows ?? 0);
  }
  // PDQ: the set's entries in one index, then every good-quality image once, in pages by id.
  const index = new MihIndex();
  const entryIds: number[] = [];
  for (let after = 0; ; ) {
    const rows = await ctx.db.selectFrom('hash_set_entries').select(['id', 'pdq']).where('hash_set_id', '=', setId).where('pdq', 'is not', null).where('id', '>', after).orderBy('id').limit(50_000).execute();
    for (const r of rows) {
      index.add(r.pdq!);
      entryIds.push(r.id);
    }
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1]!.id;
  }
  let pdqMatches = 0;
  let filesChecked = 0;
  const goodImages = ctx.db.selectFrom('media_files').where('pdq', 'is not', null).where('low_quality', '=', false).where('pdq_quality', '>=', PDQ_MIN_QUALITY);
  const total = index.size ? Number((await goodImages.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  const videosWithFrames = ctx.db.selectFrom('media_files').where('vpdq_frames', '>', 0);
  const videosTotal = index.size ? Number((await videosWithFrames.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  let videosChecked = 0;
  opts.onProgress?.({ filesChecked, filesTotal: total + videosTotal });
  if (index.size) {
    index.build();
    for (let after = 0; ; ) {
      if (opts.signal?.aborted) throw new Error('re-check stopped');
      const rows = await goodImages.select(['id', 'pdq']).where('id', '>', after).orderBy('id').limit(page).execute();
      const found: Array<{ media_file_id: number; hash_set_entry_id: number; other_media_file_id: null; match_type: 'pdq'; distance: number }> = [];
      for (const r of rows) {
        for (const m of index.search(r.pdq!, threshold)) found.push({ media_file_id: r.id, hash_set_entry_id: entryIds[m.index]!, other_media_file_id: null, match_type: 'pdq', distance: m.distance });
      }
      if (found.length) {
        // Entries of a set deleted meanwhile are gone: the foreign key refuses them, and the job fails (a refusal).
        await ctx.db.transaction().execute((tx) => insertInChunks(found, async (chunk) => {
          const r = await tx.insertInto('media_matches').values(chunk).onConflict((oc) => oc.doNothing()).executeTakeFirst();
          pdqMatches += Number(r.numInsertedOrUpdatedRows ?? 0);
        }));
      }
      filesChecked += rows.length;
      opts.onProgress?.({ filesChecked, filesTotal: total + videosTotal });
      if (rows.length < page) break;
      after = rows[rows.length - 1]!.id;
    }
    // Videos, a page of videos at a time with all their good frames.
    for (let after = 0; ; ) {
      if (opts.signal?.aborted) throw new Error('re-check stopped');
      const videos = await videosWithFrames.select('id').where('id', '>', after).orderBy('id').limit(VIDEO_PAGE).execute();
      if (!videos.length) break;
      const ids = videos.map((v) => v.id);
      const frames = await ctx.db.selectFrom('media_video_frames').select(['media_file_id', 'pdq'])
        .where('media_file_id', 'in', ids).where('quality', '>=', PDQ_MIN_QUALITY).execute();
      // Closest frame per (video, entry): one match each.
      const best = new Map<string, { media_file_id: number; hash_set_entry_id: number; distance: number }>();
      for (const f of frames) {
        for (const m of index.search(f.pdq, threshold)) {
          const entry = entryIds[m.index]!;
          const key = `${f.media_file_id}:${entry}`;
          const seen = best.get(key);
          if (!seen || m.distance < seen.distance) best.set(key, { media_file_id: Number(f.media_file_id), hash_set_entry_id: entry, distance: m.distance });
        }
      }
      const found = [...best.values()].map((b) => ({ ...b, other_media_file_id: null, match_type: 'pdq' as const }));
      if (found.length) {
        await ctx.db.transaction().execute((tx) => insertInChunks(found, async (chunk) => {
          const r = await tx.insertInto('media_matches').values(chunk).onConflict((oc) => oc.doNothing()).executeTakeFirst();
          pdqMatches += Number(r.numInsertedOrUpdatedRows ?? 0);
        }));
      }
      filesChecked += videos.length;
      videosChecked += videos.length;
      opts.onProgress?.({ filesChecked, filesTotal: total + videosTotal });
      if (videos.length < VIDEO_PAGE) break;
      after = videos[videos.length - 1]!.id;
    }
  }
  return { exactMatches, pdqMatches, filesChecked, videosChecked };
}

/**
 * Tells each case team whose files match the set (once per member, case and set: a repeated call adds nothing),
 * in the caller's transaction, with an audit entry. Returns the cases told.
 */
export async function notifyKnownMatches(tx: Tx, audit: (e: AuditEvent) => Promise<void>, setId: string): Promise<Array<{ caseId: string; files: number }>> {
  const cases = await tx
    .selectFrom('media_matches')
    .innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
    .innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id')
    .where('hash_set_entries.hash_set_id', '=', setId)
    .select(['media_files.case_id', sql<number>`count(DISTINCT media_files.id)`.as('files')])
    .groupBy('media_files.case_id')
    .execute();
  for (const c of cases) {
    const team = await tx.selectFrom('case_team').select('user_id').where('case_id', '=', c.case_id).execute();
    if (!team.length) continue;
    await tx
      .insertInto('notifications')
      .values(team.map((m) => ({ user_id: m.user_id, kind: 'media.known_match' as const, alert_id: null, side: null, read_at: null, case_id: c.case_id, hash_set_id: setId, match_files: Number(c.files) })))
      .onConflict((oc) => oc.columns(['user_id', 'case_id', 'hash_set_id']).where('kind', '=', 'media.known_match').doNothing())
      .execute();
  }
  const told = cases.map((c) => ({ caseId: c.case_id, files: Number(c.files) }));
  await audit({ action: 'hashset.recheck.notify', entityType: 'hash_set', entityId: setId, details: { cases: told.length, files: told.reduce((s, c) => s + c.files, 0) } });
  return told;
}

/** Re-check and notification in one call, outside a job (CLI import, tests). */
export async function recheckAndNotify(ctx: ServiceContext, setId: string, opts: { threshold?: number } = {}) {
  const result = await recheckMediaAgainstSet(ctx, setId, opts);
  const told = await inTransaction(ctx, (tx, audit) => notifyKnownMatches(tx, audit, setId));
  return { ...result, casesTold: told.length };
}
