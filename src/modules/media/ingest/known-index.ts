import { MihIndex } from '../../../pdq/matching/mih-index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { VpdqFeature } from '../../../pdq/vpdq/vpdq-format.ts';

export type KnownSource = { kind: 'entry'; id: number } | { kind: 'media'; id: number; caseId: string };

/**
 * The PDQ hashes an ingest matches against, in one in-memory multi-index-hashing index: every hash-set
 * entry with a PDQ, and every good-quality image of the other cases. Exact digests are matched in SQL.
 */
export class KnownPdqIndex {
  private readonly index = new MihIndex();
  private readonly kinds: number[] = []; // 0 = hash-set entry, 1 = media file
  private readonly ids: number[] = [];
  private readonly caseIds: Array<string | null> = [];

  get size(): number {
    return this.index.size;
  }

  add(hex: string, source: KnownSource): void {
    this.index.add(hex);
    this.kinds.push(source.kind === 'entry' ? 0 : 1);
    this.ids.push(source.id);
    this.caseIds.push(source.kind === 'media' ? source.caseId : null);
  }

  build(): void {
    this.index.build();
  }

  search(hex: string, threshold: number): Array<{ source: KnownSource; distance: number }> {
    return this.index.search(hex, threshold).map((m) => ({
      distance: m.distance,
      source: this.kinds[m.index] === 0 ? { kind: 'entry', id: this.ids[m.index]! } : { kind: 'media', id: this.ids[m.index]!, caseId: this.caseIds[m.index]! },
    }));
  }

  /** Loads the index in pages so millions of hashes never sit in one result set. */
  static async load(db: Db, excludeCaseId: string, minQuality: number): Promise<KnownPdqIndex> {
    const known = new KnownPdqIndex();
    const PAGE = 50_000;
    for (let after = 0; ; ) {
      const rows = await db.selectFrom('hash_set_entries').select(['id', 'pdq']).where('pdq', 'is not', null).where('id', '>', after).orderBy('id').limit(PAGE).execute();
      for (const r of rows) known.add(r.pdq!, { kind: 'entry', id: r.id });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    for (let after = 0; ; ) {
      const rows = await db
        .selectFrom('media_files')
        .select(['id', 'pdq', 'case_id'])
        .where('pdq', 'is not', null)
        .where('low_quality', '=', false)
        .where('case_id', '!=', excludeCaseId)
        .where('pdq_quality', '>=', minQuality)
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      for (const r of rows) known.add(r.pdq!, { kind: 'media', id: r.id, caseId: r.case_id });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    known.build();
    return known;
  }
}

/** Frame hashes of the other cases' videos, to find the same video seized elsewhere. */
export class KnownVideoIndex {
  private readonly index = new MihIndex();
  private readonly owner: number[] = [];
  readonly framesOf = new Map<number, VpdqFeature[]>();

  get size(): number {
    return this.index.size;
  }

  static async load(db: Db, excludeCaseId: string, minQuality: number): Promise<KnownVideoIndex> {
    const known = new KnownVideoIndex();
    const rows = await db
      .selectFrom('media_video_frames')
      .innerJoin('media_files', 'media_files.id', 'media_video_frames.media_file_id')
      .select(['media_video_frames.media_file_id', 'media_video_frames.frame', 'media_video_frames.pdq', 'media_video_frames.quality', 'media_video_frames.timestamp_s'])
      .where('media_files.case_id', '!=', excludeCaseId)
      .execute();
    for (const r of rows) {
      const list = known.framesOf.get(r.media_file_id) ?? [];
      list.push({ frame: r.frame, quality: r.quality, hash: r.pdq, timestamp: r.timestamp_s });
      known.framesOf.set(r.media_file_id, list);
      if (r.quality >= minQuality) {
        known.index.add(r.pdq);
        known.owner.push(r.media_file_id);
      }
    }
    known.index.build();
    return known;
  }

  /** Videos having at least one frame within the threshold of one of these frames. */
  candidates(frames: string[], threshold: number): Set<number> {
    const out = new Set<number>();
    if (this.size === 0) return out;
    for (const f of frames) for (const m of this.index.search(f, threshold)) out.add(this.owner[m.index]!);
    return out;
  }
}
