import { MihIndex } from '../../../pdq/matching/mih-index.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
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
  /** Hash sets whose entries are in the index. */
  private readonly sets = new Set<string>();
  /** Other cases' files up to this id are in the index (ids grow in commit order: match-lock.ts). */
  private mediaUpTo = 0;

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
    // What is committed now: the sets, and the files up to the highest id (every lower id is committed too).
    for (const r of await db.selectFrom('hash_sets').select('id').execute()) known.sets.add(r.id);
    known.mediaUpTo = Number((await db.selectFrom('media_files').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst())?.n ?? 0);
    await known.addEntries(db, [...known.sets]);
    await known.addMedia(db, excludeCaseId, minQuality, 0, known.mediaUpTo);
    known.build();
    return known;
  }

  private async addEntries(db: Db | Tx, setIds: string[]): Promise<void> {
    if (!setIds.length) return;
    const PAGE = 50_000;
    for (let after = 0; ; ) {
      const rows = await db.selectFrom('hash_set_entries').select(['id', 'pdq']).where('pdq', 'is not', null).where('hash_set_id', 'in', setIds).where('id', '>', after).orderBy('id').limit(PAGE).execute();
      for (const r of rows) this.add(r.pdq!, { kind: 'entry', id: r.id });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  }

  private async addMedia(db: Db | Tx, excludeCaseId: string, minQuality: number, after: number, upTo: number | null): Promise<void> {
    const PAGE = 50_000;
    for (;;) {
      let q = db
        .selectFrom('media_files')
        .select(['id', 'pdq', 'case_id'])
        .where('pdq', 'is not', null)
        .where('low_quality', '=', false)
        .where('case_id', '!=', excludeCaseId)
        .where('pdq_quality', '>=', minQuality)
        .where('id', '>', after);
      if (upTo !== null) q = q.where('id', '<=', upTo);
      const rows = await q.orderBy('id').limit(PAGE).execute();
      for (const r of rows) this.add(r.pdq!, { kind: 'media', id: r.id, caseId: r.case_id });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
  }

  /**
   * Brings the index up to what is committed, in an ingest batch's transaction under the match lock: the hash
   * sets imported and the other cases' files stored since the index was loaded (or last brought up to date).
   */
  async catchUp(tx: Tx, excludeCaseId: string, minQuality: number): Promise<void> {
    const sets = (await tx.selectFrom('hash_sets').select('id').execute()).map((r) => r.id).filter((id) => !this.sets.has(id));
    await this.addEntries(tx, sets);
    for (const id of sets) this.sets.add(id);
    const top = Number((await tx.selectFrom('media_files').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst())?.n ?? 0);
    if (top > this.mediaUpTo) {
      await this.addMedia(tx, excludeCaseId, minQuality, this.mediaUpTo, top);
      this.mediaUpTo = top;
    }
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
