import { sql } from 'kysely';
import { MihIndex } from '../../pdq/matching/mih-index.ts';
import { hexProblem } from '../../pdq/matching/hex.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY } from '../media/match-settings.ts';

// Perceptual near-matches for one picture at a time (a document upload, a tip's reported file) against the
// known-material hash sets and, for tips, the media of every case. An ingest loads its own index per run
// (ingest/known-index.ts); these callers are many and small, so the index is kept per database in this process
// and brought up to date before each search:
// - rows are read by id past the last one seen (count and highest id first, then only the rows with a PDQ);
// - the rows the tables should hold are known cheaply: hash_sets.entry_count (written in the import's
//   transaction) and ingest_jobs.files_done (written with each ingest batch). When they say more rows exist
//   than were read (a transaction that took its ids earlier committed later), the index is loaded again whole;
// - deleted rows (a hash set or case removed) may stay in the index: every hit is checked against the database
//   in the caller's transaction, so nothing deleted or not visible is ever reported.
// Same radius and quality floor as media ingest (match-settings.ts).

type Kind = 'entry' | 'media';

interface Part {
  index: MihIndex;
  ids: number[];
  lastId: number;
  rowsSeen: number;
}

const emptyPart = (): Part => ({ index: new MihIndex(), ids: [], lastId: 0, rowsSeen: 0 });

class KnownPdqCache {
  parts: Record<Kind, Part> = { entry: emptyPart(), media: emptyPart() };
  private lock: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier call on this cache has finished (refreshes never interleave). */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => {});
    return run;
  }
}

const caches = new WeakMap<object, KnownPdqCache>();
function cacheOf(db: Db): KnownPdqCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new KnownPdqCache()));
  return c;
}

const PAGE = 50_000;

async function expectedRows(tx: Tx | Db, kind: Kind): Promise<number> {
  const r = kind === 'entry'
    ? await tx.selectFrom('hash_sets').select(sql<string>`coalesce(sum(entry_count), 0)`.as('n')).executeTakeFirstOrThrow()
    : await tx.selectFrom('ingest_jobs').select(sql<string>`coalesce(sum(files_done), 0)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Reads the rows past `part.lastId` into the part; returns how many rows (with or without a PDQ) it read. */
async function readNew(tx: Tx | Db, kind: Kind, part: Part): Promise<void> {
  const table = kind === 'entry' ? 'hash_set_entries' : 'media_files';
  const head = await tx.selectFrom(table).select([sql<string>`count(*)`.as('n'), sql<string | null>`max(id)`.as('m')]).where('id', '>', part.lastId).executeTakeFirstOrThrow();
  const n = Number(head.n);
  if (!n || head.m === null) return;
  const upTo = Number(head.m);
  for (let after = part.lastId; ;) {
    const rows = kind === 'entry'
      ? await tx.selectFrom('hash_set_entries').select(['id', 'pdq']).where('pdq', 'is not', null).where('id', '>', after).where('id', '<=', upTo).orderBy('id').limit(PAGE).execute()
      : await tx.selectFrom('media_files').select(['id', 'pdq']).where('pdq', 'is not', null).where('low_quality', '=', false).where('pdq_quality', '>=', PDQ_MIN_QUALITY)
        .where('id', '>', after).where('id', '<=', upTo).orderBy('id').limit(PAGE).execute();
    for (const r of rows) {
      if (!r.pdq || hexProblem(r.pdq)) continue;
      part.index.add(r.pdq);
      part.ids.push(Number(r.id));
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.id);
  }
  part.rowsSeen += n;
  part.lastId = upTo;
}

async function refresh(tx: Tx | Db, cache: KnownPdqCache, kind: Kind): Promise<Part> {
  await readNew(tx, kind, cache.parts[kind]);
  if ((await expectedRows(tx, kind)) > cache.parts[kind].rowsSeen) {
    // Rows committed out of id order were skipped: read everything again.
    cache.parts[kind] = emptyPart();
    await readNew(tx, kind, cache.parts[kind]);
  }
  return cache.parts[kind];
}

export interface KnownPdqHit {
  kind: 'hash_set' | 'case_media';
  /** hash_set_entries.id or media_files.id. */
  id: number;
  /** The hash set (for an entry) or the case (for a media file). */
  ownerId: string;
  /** The hash set's name, for an entry. */
  setName: string | null;
  distance: number;
}

/**
 * Every hash-set entry (and, with `media`, every case's good-quality picture) whose PDQ hash is within
 * `threshold` of one of `pdqs` (default: the media-matching radius), checked in `tx`. Keyed by the query's index.
 */
export async function knownPdqNear(db: Db, tx: Tx | Db, pdqs: string[], opts: { media?: boolean; threshold?: number } = {}): Promise<Map<number, KnownPdqHit[]>> {
  const out = new Map<number, KnownPdqHit[]>();
  const queries = pdqs.map((q, i) => ({ q: q.toLowerCase(), i })).filter((x) => !hexProblem(x.q));
  if (!queries.length) return out;
  const threshold = opts.threshold ?? DEFAULT_PDQ_THRESHOLD;
  const cache = cacheOf(db);
  const raw = await cache.serial(async () => {
    const found: Array<{ i: number; kind: Kind; id: number; distance: number }> = [];
    for (const kind of opts.media ? (['entry', 'media'] as const) : (['entry'] as const)) {
      const part = await refresh(tx, cache, kind);
      if (!part.ids.length) continue;
      for (const { q, i } of queries) for (const m of part.index.search(q, threshold)) found.push({ i, kind, id: part.ids[m.index]!, distance: m.distance });
    }
    return found;
  });
  if (!raw.length) return out;
  // Only what is still there and visible in the caller's transaction.
  const entryIds = [...new Set(raw.filter((r) => r.kind === 'entry').map((r) => r.id))];
  const mediaIds = [...new Set(raw.filter((r) => r.kind === 'media').map((r) => r.id))];
  const entries = new Map<number, { set: string; name: string }>();
  for (let i = 0; i < entryIds.length; i += 5000) {
    const rows = await tx.selectFrom('hash_set_entries').innerJoin('hash_sets', 'hash_sets.id', 'hash_set_entries.hash_set_id')
      .select(['hash_set_entries.id', 'hash_sets.id as set', 'hash_sets.name']).where('hash_set_entries.id', 'in', entryIds.slice(i, i + 5000)).execute();
    for (const r of rows) entries.set(Number(r.id), { set: r.set, name: r.name });
  }
  const media = new Map<number, string>();
  for (let i = 0; i < mediaIds.length; i += 5000) {
    const rows = await tx.selectFrom('media_files').select(['id', 'case_id']).where('id', 'in', mediaIds.slice(i, i + 5000)).execute();
    for (const r of rows) media.set(Number(r.id), r.case_id);
  }
  for (const r of raw.sort((a, b) => a.distance - b.distance || a.id - b.id)) {
    let hit: KnownPdqHit | null = null;
    if (r.kind === 'entry') {
      const e = entries.get(r.id);
      if (e) hit = { kind: 'hash_set', id: r.id, ownerId: e.set, setName: e.name, distance: r.distance };
    } else {
      const c = media.get(r.id);
      if (c) hit = { kind: 'case_media', id: r.id, ownerId: c, setName: null, distance: r.distance };
    }
    if (hit) out.set(r.i, [...(out.get(r.i) ?? []), hit]);
  }
  return out;
}
