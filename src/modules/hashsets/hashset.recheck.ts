import { sql } from 'kysely';
import { type BlockJoinData, buildBlockJoin, joinBatch } from '../../pdq/matching/block-join.ts';
import { WORDS_PER_HASH, hexToWordsInto } from '../../pdq/matching/hex.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AuditEvent } from '../../platform/context.ts';
import { insertInChunks } from '../../platform/db/insert-chunks.ts';
import { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY } from '../media/ingest/ingest.service.ts';

// A hash set imported after media were ingested: every file already stored is checked against the new set's
// entries (exact digests in SQL, PDQ by a block join of the files with the set's hashes: block-join.ts) and the
// matches recorded. The join: the set's hashes are read in pages and indexed once (11 blocks of 23-24 bits searched
// within 1-2 bits: ~14x fewer candidates than MIH's 16 slots of 16 bits at radius 31), then the files are read in
// pages by id and each page joined on both cores. It replaced MihIndex queried one file at a time on one thread:
// 247 CPU-us per file at a 1M set, so ~4 min for 1M x 1M (bench/recheck.bench.ts, docs/benchmarks.md). Exact:
// the same pairs and distances as MIH and as the exhaustive scan (block-join.test.ts). Safe to
// repeat: a match is unique per (file, entry, type), so a re-check run again (a retried job) adds nothing twice.
// Files stored after the set was imported are matched by their own ingest (match-lock.ts orders the two).
// Videos: hash sets carry PDQ (not vPDQ) hashes, so a video matches an entry when one of its good-quality vPDQ
// frames is within the threshold of an entry (a known picture shown in the video, or a set listing a known
// video's frames); the match is recorded as 'pdq' with the closest frame's distance, as ingest does.
// Memory at 1M entries: ~460 MiB of index (block-join.ts), plus one page of files (50,000) and its matches.

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

/** Files per page: large enough that each page keeps both cores busy (the join cuts it in slices). */
const PAGE = 50_000;
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
  // PDQ: the set's entries indexed once.
  const { index, entryIds } = await indexSet(ctx, setId, threshold);
  let pdqMatches = 0;
  let filesChecked = 0;
  const goodImages = ctx.db.selectFrom('media_files').where('pdq', 'is not', null).where('low_quality', '=', false).where('pdq_quality', '>=', PDQ_MIN_QUALITY);
  const total = entryIds.length ? Number((await goodImages.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  const videosWithFrames = ctx.db.selectFrom('media_files').where('vpdq_frames', '>', 0);
  const videosTotal = entryIds.length ? Number((await videosWithFrames.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  let videosChecked = 0;
  opts.onProgress?.({ filesChecked, filesTotal: total + videosTotal });
  if (index) {
    const readPage = (after: number) => {
      const p = goodImages.select(['id', 'pdq']).where('id', '>', after).orderBy('id').limit(page).execute();
      p.catch(() => {}); // awaited below; if the join fails first, its failure is the one reported
      return p;
    };
    let next = readPage(0);
    for (;;) {
      if (opts.signal?.aborted) throw new Error('re-check stopped');
      const rows = await next;
      // The next page is read while this one is joined.
      if (rows.length === page) next = readPage(rows[rows.length - 1]!.id);
      const pairs = await join(index, rows.map((r) => r.pdq!));
      const found: Array<{ media_file_id: number; hash_set_entry_id: number; other_media_file_id: null; match_type: 'pdq'; distance: number }> = [];
      for (let i = 0; i < pairs.length; i += 3) found.push({ media_file_id: rows[pairs[i]!]!.id, hash_set_entry_id: entryIds[pairs[i + 1]!]!, other_media_file_id: null, match_type: 'pdq', distance: pairs[i + 2]! });
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
    }
    // Videos, a page of videos at a time with all their good frames.
    for (let after = 0; ; ) {
      if (opts.signal?.aborted) throw new Error('re-check stopped');
      const videos = await videosWithFrames.select('id').where('id', '>', after).orderBy('id').limit(VIDEO_PAGE).execute();
      if (!videos.length) break;
      const ids = videos.map((v) => v.id);
      const frames = await ctx.db.selectFrom('media_video_frames').select(['media_file_id', 'pdq'])
        .where('media_file_id', 'in', ids).where('quality', '>=', PDQ_MIN_QUALITY).execute();
      const pairs = await join(index, frames.map((f) => f.pdq));
      // Closest frame per (video, entry): one match each.
      const best = new Map<string, { media_file_id: number; hash_set_entry_id: number; distance: number }>();
      for (let i = 0; i < pairs.length; i += 3) {
        const f = frames[pairs[i]!]!;
        const entry = entryIds[pairs[i + 1]!]!;
        const distance = pairs[i + 2]!;
        const key = `${f.media_file_id}:${entry}`;
        const seen = best.get(key);
        if (!seen || distance < seen.distance) best.set(key, { media_file_id: Number(f.media_file_id), hash_set_entry_id: entry, distance });
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

/** The set's PDQ hashes, read in pages into one packed array, joined into the block index (null: none). */
async function indexSet(ctx: ServiceContext, setId: string, threshold: number): Promise<{ index: BlockJoinData | null; entryIds: number[] }> {
  const entryIds: number[] = [];
  let packed = new Uint32Array(1 << 16);
  for (let after = 0; ; ) {
    const rows = await ctx.db.selectFrom('hash_set_entries').select(['id', 'pdq']).where('hash_set_id', '=', setId).where('pdq', 'is not', null).where('id', '>', after).orderBy('id').limit(50_000).execute();
    for (const r of rows) {
      if ((entryIds.length + 1) * WORDS_PER_HASH > packed.length) {
        const grown = new Uint32Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      hexToWordsInto(r.pdq!, packed, entryIds.length * WORDS_PER_HASH, `hash set entry ${r.id}`);
      entryIds.push(r.id);
    }
    if (rows.length < 50_000) break;
    after = rows[rows.length - 1]!.id;
  }
  return { index: entryIds.length ? buildBlockJoin(packed.subarray(0, entryIds.length * WORDS_PER_HASH), threshold) : null, entryIds };
}

/** (query, entry, distance) triples of a page of PDQ hashes (hex) against the set, on every core. */
async function join(index: BlockJoinData, hexes: string[]): Promise<Uint32Array> {
  const queries = new Uint32Array(hexes.length * WORDS_PER_HASH);
  hexes.forEach((h, i) => hexToWordsInto(h, queries, i * WORDS_PER_HASH, 'stored PDQ hash'));
  return joinBatch(index, queries);
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
