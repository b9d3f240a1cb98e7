// The other cases' video frames for vPDQ matching, loaded per ingest run. Still pictures and hash-set entries are
// matched through the one persistent known-hash index (hashsets/known-index.ts).
import { MihIndex } from '../../../pdq/matching/mih-index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { VpdqFeature } from '../../../pdq/vpdq/vpdq-format.ts';

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
