import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import type { MediaErrorCode, MediaKind } from '../../platform/db/schema.ts';

// What the triage found, never the material: counts, categories, digests, matches and linked cases.

export async function mediaSummary(ctx: ServiceContext, caseId: string) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  const [kinds, totals, categories, jobs, links, errorCodes] = await Promise.all([
    ctx.db.selectFrom('media_files').select(['media_kind', (eb) => eb.fn.countAll<number>().as('n')]).where('case_id', '=', caseId).groupBy('media_kind').execute(),
    ctx.db
      .selectFrom('media_files')
      .select([
        (eb) => eb.fn.countAll<number>().as('files'),
        (eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), sql<number>`0`).as('bytes'),
        (eb) => eb.fn.count<number>('error').as('errors'),
        sql<number>`count(*) FILTER (WHERE error_code = 'video_unavailable')`.as('videos_unhashed'),
        sql<number>`count(*) FILTER (WHERE low_quality)`.as('low_quality'),
        sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM media_matches m WHERE m.media_file_id = media_files.id AND m.hash_set_entry_id IS NOT NULL))`.as('known'),
      ])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('media_matches')
      .innerJoin('media_files', 'media_files.id', 'media_matches.media_file_id')
      .innerJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
      .innerJoin('hash_sets', 'hash_sets.id', 'hash_set_entries.hash_set_id')
      .select(['hash_sets.name as hashSet', 'hash_set_entries.category', sql<number>`count(DISTINCT media_files.id)`.as('files')])
      .where('media_files.case_id', '=', caseId)
      .groupBy(['hash_sets.name', 'hash_set_entries.category'])
      .orderBy('hash_sets.name')
      .orderBy('hash_set_entries.category')
      .execute(),
    ctx.db.selectFrom('ingest_jobs').selectAll().where('case_id', '=', caseId).orderBy('created_at', 'desc').execute(),
    linkedCases(ctx, caseId),
    ctx.db.selectFrom('media_files').select(['error_code', (eb) => eb.fn.countAll<number>().as('n')]).where('case_id', '=', caseId).where('error', 'is not', null).groupBy('error_code').execute(),
  ]);
  return {
    files: Number(totals.files),
    bytes: Number(totals.bytes),
    errors: Number(totals.errors),
    /** Videos without vPDQ because video hashing was unavailable where they were ingested (no ffmpeg). */
    videosUnhashed: Number(totals.videos_unhashed),
    errorsByCode: Object.fromEntries(errorCodes.map((e) => [e.error_code ?? 'other', Number(e.n)])) as Partial<Record<MediaErrorCode | 'other', number>>,
    lowQuality: Number(totals.low_quality),
    knownMaterial: Number(totals.known),
    byKind: Object.fromEntries(kinds.map((k) => [k.media_kind, Number(k.n)])) as Partial<Record<MediaKind, number>>,
    categories: categories.map((c) => ({ hashSet: c.hashSet, category: c.category, files: Number(c.files) })),
    linkedCases: links,
    jobs: jobs.map(toJob),
  };
}

type JobRow = { id: string; evidence_id: string; root_path: string; status: string; files_total: number | null; bytes_total: number | null; files_done: number; bytes_done: number; files_failed: number; videos_unhashed: number; error: string | null; started_at: Date | null; finished_at: Date | null };
export const toJob = (j: JobRow) => ({
  id: j.id, evidenceId: j.evidence_id, rootPath: j.root_path, status: j.status, filesTotal: j.files_total, bytesTotal: j.bytes_total,
  filesDone: j.files_done, bytesDone: j.bytes_done, filesFailed: j.files_failed, videosUnhashed: j.videos_unhashed, error: j.error,
  startedAt: j.started_at?.toISOString() ?? null, finishedAt: j.finished_at?.toISOString() ?? null,
});

/**
 * Cases sharing media with this one, in either direction of the match, limited to the cases the caller
 * may also see: a link is shown only to those allowed to see both cases.
 */
export async function linkedCases(ctx: ServiceContext, caseId: string) {
  const pairs = ctx.db
    .selectFrom('media_matches as m')
    .innerJoin('media_files as a', 'a.id', 'm.media_file_id')
    .innerJoin('media_files as b', 'b.id', 'm.other_media_file_id')
    .select(['a.case_id as case_a', 'b.case_id as case_b', 'm.match_type', 'a.id as file_a', 'b.id as file_b'])
    .where((eb) => eb.or([eb('a.case_id', '=', caseId), eb('b.case_id', '=', caseId)]));
  const rows = await ctx.db
    .with('pairs', () => pairs)
    .selectFrom('pairs')
    .innerJoin('cases', (join) => join.on(sql`cases.id`, '=', sql`CASE WHEN pairs.case_a = ${caseId} THEN pairs.case_b ELSE pairs.case_a END`))
    .innerJoin('branches', 'branches.id', 'cases.branch_id')
    .where(caseVisibleTo(ctx.actor))
    .select([
      'cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year', 'branches.district', 'branches.province',
      sql<number>`count(DISTINCT CASE WHEN pairs.case_a = ${caseId} THEN pairs.file_a ELSE pairs.file_b END)`.as('shared_files'),
      sql<string[]>`array_agg(DISTINCT pairs.match_type)`.as('match_types'),
    ])
    .groupBy(['cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year', 'branches.district', 'branches.province'])
    .orderBy('shared_files', 'desc')
    .execute();
  return rows.map((r) => ({
    caseId: r.id, title: r.title, firLabel: r.fir_number === null ? null : `FIR ${r.fir_number}/${r.fir_year}`, district: r.district, province: r.province,
    sharedFiles: Number(r.shared_files), matchTypes: r.match_types,
  }));
}

export interface MediaFileFilter {
  kind?: MediaKind;
  status?: 'matched' | 'known' | 'linked' | 'error' | 'low_quality' | 'new';
  evidenceId?: string;
  limit: number;
  offset: number;
}

export async function listMediaFiles(ctx: ServiceContext, caseId: string, f: MediaFileFilter) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  let q = ctx.db.selectFrom('media_files').where('case_id', '=', caseId);
  if (f.kind) q = q.where('media_kind', '=', f.kind);
  if (f.evidenceId) q = q.where('evidence_id', '=', f.evidenceId);
  const hasMatch = (extra: 'any' | 'known' | 'linked') => (eb: ExpressionBuilder<DB, 'media_files'>) =>
    eb.exists(
      eb.selectFrom('media_matches').select(sql`1`.as('one')).whereRef('media_matches.media_file_id', '=', 'media_files.id')
        .$if(extra === 'known', (s) => s.where('hash_set_entry_id', 'is not', null))
        .$if(extra === 'linked', (s) => s.where('other_media_file_id', 'is not', null)),
    );
  switch (f.status) {
    case 'matched': q = q.where(hasMatch('any')); break;
    case 'known': q = q.where(hasMatch('known')); break;
    case 'linked': q = q.where(hasMatch('linked')); break;
    case 'error': q = q.where('error', 'is not', null); break;
    case 'low_quality': q = q.where('low_quality', '=', true); break;
    case 'new': q = q.where((eb) => eb.not(hasMatch('any')(eb))); break;
    case undefined: break;
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('rel_path').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const matches = ids.length
    ? await ctx.db
        .selectFrom('media_matches')
        .leftJoin('hash_set_entries', 'hash_set_entries.id', 'media_matches.hash_set_entry_id')
        .leftJoin('hash_sets', 'hash_sets.id', 'hash_set_entries.hash_set_id')
        .leftJoin('media_files as other', 'other.id', 'media_matches.other_media_file_id')
        .select(['media_matches.media_file_id', 'media_matches.match_type', 'media_matches.distance', 'hash_sets.name as hash_set', 'hash_set_entries.category', 'hash_set_entries.series', 'other.case_id as other_case'])
        .where('media_matches.media_file_id', 'in', ids)
        .execute()
    : [];
  // Links to cases the caller cannot see are counted but not named.
  const otherCases = [...new Set(matches.map((m) => m.other_case).filter((c): c is string => !!c))];
  const visible = otherCases.length
    ? new Set((await ctx.db.selectFrom('cases').select('id').where('id', 'in', otherCases).where(caseVisibleTo(ctx.actor)).execute()).map((c) => c.id))
    : new Set<string>();
  return {
    items: rows.map((r) => ({
      id: r.id, evidenceId: r.evidence_id, path: r.rel_path, size: r.size, kind: r.media_kind, mime: r.mime,
      modifiedAt: r.modified_at?.toISOString() ?? null, md5: r.md5, sha1: r.sha1, sha256: r.sha256, pdq: r.pdq, pdqQuality: r.pdq_quality,
      lowQuality: r.low_quality, videoFrames: r.vpdq_frames, error: r.error, errorCode: r.error_code,
      matches: matches.filter((m) => m.media_file_id === r.id).map((m) => ({
        type: m.match_type, distance: m.distance,
        hashSet: m.hash_set, category: m.category, series: m.series,
        otherCaseId: m.other_case && visible.has(m.other_case) ? m.other_case : null,
        otherCaseHidden: !!m.other_case && !visible.has(m.other_case),
      })),
    })),
    total: Number(total.n),
    limit: f.limit,
    offset: f.offset,
  };
}
