import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { HashStore } from '../../pdq/matching/hash-store.ts';
import { ScanIndex } from '../../pdq/matching/scan-index.ts';
import { hexProblem, hexToWordsInto, WORDS_PER_HASH } from '../../pdq/matching/hex.ts';
import type { PdqMatch } from '../../pdq/matching/types.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { DEFAULT_PDQ_THRESHOLD, PDQ_MIN_QUALITY } from '../media/match-settings.ts';
import { HASH_BYTES, IndexFileError, readIndexFile, removeStaleTemporaryFiles, writeIndexFile } from './known-index-file.ts';

// The one index of known PDQ hashes, per database and process: every hash-set entry with a PDQ hash, every
// case's good-quality picture (media ingest, document uploads, tips all search it) and every good-quality frame of
// every case's videos (vPDQ: ingest finds the videos of other cases sharing frames here, then compares those
// videos' frames in full; before, each ingest run read every other case's frames from the database). Kept in a file
// (known-index-file.ts) in the index folder, read at start at disk speed and then caught up from the database:
// - media files by id past the last one covered: their ids are taken under the match lock (media/ingest/
//   match-lock.ts), so ids grow in commit order and "every file up to id N" is exact (a video's frames are
//   stored in its file's transaction, so they come with it);
// - hash-set entries by set: an import takes its entry ids before it takes the match lock, so entry ids are NOT
//   in commit order, but a set is committed whole with its entries in one transaction; a set not yet covered is
//   read whole and added in one step.
// Catch-up takes no lock of its own: on the embedded engine a caller inside a transaction holds the only
// connection, and waiting there for another caller's catch-up would deadlock. Rows read are applied in
// synchronous steps that skip what another catch-up already added.
// A hash set deleted is noticed by the next catch-up (it lists the sets anyway): its owner is marked dead (a
// tombstone), its hashes are left out of every answer from then on, and once the dead hashes outnumber an eighth
// of the index (and at least compactMinHashes) they are dropped and the file written again (the lazy rebuild).
// Only a set the index held before the listing began is marked (under READ COMMITTED, what the index read
// committed before a statement began is visible to it unless deleted), so a catch-up racing another cannot mark a
// set it merely had not seen yet. Other deleted rows (media files, cases) stay until a rebuild: callers check
// every hit in their own transaction, so nothing deleted or not visible to them is reported.
// Matching: the blocked WebAssembly SIMD scan (ScanIndex, src/pdq/matching/scan-index.ts) over the hash store read
// from the file. The first queries after start run the plain scan of the store (no planes to build: ~50 ms at 10M
// hashes); the planes (a copy of the hashes rearranged for the SIMD kernel) are built once buildAfterScans queries
// were scanned or a batch that large arrives, and batches large enough use both cores (searchBatchParallel).
// Searches, the planes' build and compaction take turns (one at a time per index: the planes' query area is shared
// with the worker threads).
// The file is written with asynchronous writes (known-index-file.ts), piece by piece, never holding the event loop.
// A file that is missing, damaged, of another version or of another installation (the audit trail's first entry
// names it), or that covers media ids the database has not reached (an older backup restored), is not used:
// the index is rebuilt from the database and written again.

export type KnownKind = 'entry' | 'media' | 'frame';
const OWNER_SET = 0;
const OWNER_CASE = 1;
/** A case's video frames (good quality), each with its video's media_files.id: what vPDQ matching looks up. */
const OWNER_CASE_FRAMES = 2;

export interface KnownRawHit {
  /** Position of the query in the list searched. */
  query: number;
  kind: KnownKind;
  /** hash_set_entries.id or media_files.id (for a frame, its video's). */
  id: number;
  /** The hash set (entry) or the case (media file). */
  ownerId: string;
  distance: number;
}

export interface KnownIndexOptions {
  /** Folder of the index file; null: memory only (nothing written). */
  dir?: string | null;
  /** Write the file again once this many hashes (and at least 1/8 more than the file holds) were added. */
  saveMinHashes?: number;
  /**
   * The SIMD planes over a large index cost as much to build as several full scans; until this many queries were
   * answered by the plain scan they are not built (so the first queries after start never wait for them).
   */
  buildAfterScans?: number;
  /** Drop deleted sets' hashes once at least this many (and an eighth of the index) are dead. */
  compactMinHashes?: number;
}

export interface KnownSearchFilter {
  entries?: boolean;
  media?: boolean;
  /** Video frames of the cases' videos (default: not asked). */
  frames?: boolean;
  excludeCaseId?: string;
}

const PAGE = 50_000;
/** Below this many hashes the planes are built at once (milliseconds). */
const BUILD_AT_ONCE = 50_000;

const uuidToBytes = (id: string, out: Uint8Array, at: number) => out.set(Buffer.from(id.replace(/-/g, ''), 'hex'), at);
function bytesToUuid(b: Uint8Array, at: number): string {
  const h = Buffer.from(b.buffer, b.byteOffset + at, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function grow<T extends Uint8Array | Uint32Array>(a: T, need: number, make: (n: number) => T): T {
  if (need <= a.length) return a;
  const next = make(Math.max(need, Math.ceil(a.length * 1.5)));
  next.set(a);
  return next;
}

export type KnownIndexState = 'not_started' | 'loading' | 'ready' | 'failed';

export class KnownIndex {
  private store = new HashStore(1024);
  private scan = new ScanIndex(this.store, { autoBuild: false });
  private ids: Uint32Array = new Uint32Array(1024);
  private owners: Uint32Array = new Uint32Array(1024);
  private ownerKinds: Uint8Array = new Uint8Array(64);
  private ownerIds: Uint8Array = new Uint8Array(64 * 16);
  /** 1: the owner (a hash set) was deleted; its hashes are left out of answers. */
  private ownerDead: Uint8Array = new Uint8Array(64);
  private ownerCount = 0;
  private ownerNames: Array<string | undefined> = [];
  private ownerIndex: Map<string, number> | null = null;
  /** Owners that are hash sets (the catch-up checks them against the sets still there). */
  private setOwners: number[] = [];
  /** Hashes whose owner is dead (still held until compaction). */
  private deadHashes = 0;
  private lastMediaId = 0;
  /** The installation the contents belong to (null: empty, not yet checked against a database). */
  private installation: Buffer | null = null;
  private verified = false;
  /** Bumped when the contents are thrown away: a catch-up begun before that drops what it read. */
  private epoch = 0;
  private opening: Promise<void> | null = null;
  private savedCount = -1; // hashes in the file as last read or written (-1: no usable file)
  /** The file must be written again whatever was added (compacted). */
  private dirty = false;
  private saveQueued = false;
  private saving: Promise<void> | null = null;
  private scans = 0;
  /** One search, build or compaction at a time. */
  private turn: Promise<unknown> = Promise.resolve();
  /** What the last start did with the file (for the report and tests). */
  fileState: 'none' | 'loaded' | 'rejected' | 'missing' = 'none';
  fileProblem: string | null = null;
  /** Whether the index has been read and caught up at least once in this process (for /ready and the logs). */
  state: KnownIndexState = 'not_started';
  readonly file: string | null;
  private readonly saveMin: number;
  private readonly buildAfterScans: number;
  private readonly compactMin: number;

  constructor(opts: KnownIndexOptions = {}) {
    this.file = opts.dir ? join(opts.dir, 'known-pdq.idx') : null;
    this.saveMin = opts.saveMinHashes ?? 10_000;
    this.buildAfterScans = opts.buildAfterScans ?? 16;
    this.compactMin = opts.compactMinHashes ?? 10_000;
  }

  get size(): number {
    return this.store.count;
  }

  /** Hashes covered by the SIMD planes (the rest are scanned plainly). */
  get builtSize(): number {
    return this.scan.builtSize;
  }

  /** Hashes of deleted hash sets still held (left out of answers until compaction). */
  get deadSize(): number {
    return this.deadHashes;
  }

  get coveredMediaId(): number {
    return this.lastMediaId;
  }

  /** Reads the file once (no database needed); later calls wait for the same read. */
  open(): Promise<void> {
    if (this.state === 'not_started') this.state = 'loading';
    this.opening ??= this.readFile();
    return this.opening;
  }

  private async readFile(): Promise<void> {
    if (!this.file) return;
    const t = { store: null as HashStore | null, ids: null as Uint32Array | null, owners: null as Uint32Array | null, kinds: null as Uint8Array | null, oids: null as Uint8Array | null };
    // Left by a process stopped while it wrote (never read: only a renamed file is the index); in the background.
    removeStaleTemporaryFiles(this.file).catch(() => undefined);
    try {
      // The installation is checked against the database at the first catch-up; here only the file's own.
      const h = await readIndexFile(this.file, null, (head) => {
        const store = new HashStore(head.count + 1024);
        const words = store.allocate(head.count, false); // every word is read from the file
        t.store = store;
        t.ids = new Uint32Array(head.count + 1024);
        t.owners = new Uint32Array(head.count + 1024);
        t.kinds = new Uint8Array(head.owners + 64);
        t.oids = new Uint8Array((head.owners + 64) * 16);
        return {
          hashes: new Uint8Array(words.buffer, words.byteOffset, head.count * HASH_BYTES),
          ids: new Uint8Array(t.ids.buffer, 0, head.count * 4),
          owners: new Uint8Array(t.owners.buffer, 0, head.count * 4),
          ownerKinds: t.kinds.subarray(0, head.owners),
          ownerIds: t.oids.subarray(0, head.owners * 16),
        };
      });
      if (!h) {
        this.fileState = 'missing';
        return;
      }
      for (let i = 0; i < h.owners; i++) if (t.kinds![i]! > OWNER_CASE_FRAMES) throw new IndexFileError('unknown owner kind');
      for (let i = 0; i < h.count; i++) if (t.owners![i]! >= h.owners) throw new IndexFileError('owner out of range');
      this.store = t.store!;
      this.scan = new ScanIndex(this.store, { autoBuild: false });
      this.ids = t.ids!;
      this.owners = t.owners!;
      this.ownerKinds = t.kinds!;
      this.ownerIds = t.oids!;
      this.ownerDead = new Uint8Array(t.kinds!.length);
      this.ownerCount = h.owners;
      this.setOwners = [];
      for (let i = 0; i < h.owners; i++) if (t.kinds![i] === OWNER_SET) this.setOwners.push(i);
      this.lastMediaId = h.lastMediaId;
      this.installation = h.installation;
      this.savedCount = h.count;
      this.fileState = 'loaded';
      if (h.count <= BUILD_AT_ONCE) this.scan.build();
    } catch (err) {
      // Never trusted: start empty, rebuild from the database and write the file again.
      this.fileState = 'rejected';
      this.fileProblem = err instanceof Error ? err.message : String(err);
    }
  }

  private reset(): void {
    this.epoch++;
    this.store = new HashStore(1024);
    this.scan = new ScanIndex(this.store, { autoBuild: false });
    this.ids = new Uint32Array(1024);
    this.owners = new Uint32Array(1024);
    this.ownerKinds = new Uint8Array(64);
    this.ownerIds = new Uint8Array(64 * 16);
    this.ownerDead = new Uint8Array(64);
    this.ownerCount = 0;
    this.ownerNames = [];
    this.ownerIndex = null;
    this.setOwners = [];
    this.deadHashes = 0;
    this.lastMediaId = 0;
    this.savedCount = -1;
  }

  private ownerOf(kind: number, id: string): number | undefined {
    if (!this.ownerIndex) {
      const m = new Map<string, number>();
      for (let i = 0; i < this.ownerCount; i++) m.set(`${this.ownerKinds[i]}${this.ownerName(i)}`, i);
      this.ownerIndex = m;
    }
    return this.ownerIndex.get(`${kind}${id}`);
  }

  private ownerName(i: number): string {
    return (this.ownerNames[i] ??= bytesToUuid(this.ownerIds, i * 16));
  }

  private addOwner(kind: number, id: string): number {
    const found = this.ownerOf(kind, id);
    if (found !== undefined) return found;
    const i = this.ownerCount++;
    this.ownerKinds = grow(this.ownerKinds, i + 1, (n) => new Uint8Array(n));
    this.ownerIds = grow(this.ownerIds, (i + 1) * 16, (n) => new Uint8Array(n));
    this.ownerDead = grow(this.ownerDead, i + 1, (n) => new Uint8Array(n));
    this.ownerKinds[i] = kind;
    uuidToBytes(id, this.ownerIds, i * 16);
    this.ownerNames[i] = id;
    this.ownerIndex!.set(`${kind}${id}`, i);
    if (kind === OWNER_SET) this.setOwners.push(i);
    return i;
  }

  private addHash(words: Uint32Array, at: number, id: number, owner: number): void {
    const i = this.store.count;
    this.ids = grow(this.ids, i + 1, (n) => new Uint32Array(n));
    this.owners = grow(this.owners, i + 1, (n) => new Uint32Array(n));
    this.store.addPacked(words.subarray(at, at + WORDS_PER_HASH));
    this.ids[i] = id;
    this.owners[i] = owner;
  }

  /** Runs f when no other search, build or compaction of this index is under way. */
  private inTurn<T>(f: () => T | Promise<T>): Promise<T> {
    const r = this.turn.then(f);
    this.turn = r.catch(() => undefined);
    return r;
  }

  /**
   * Brings the index up to what `q` sees committed: hash sets imported and media files stored since it was
   * last brought up to date (loading the file first, once), and hash sets deleted since. Under the match lock
   * (an ingest batch) that is exactly everything committed before the batch.
   */
  async catchUp(q: Db | Tx): Promise<void> {
    try {
      await this.open();
      for (;;) {
        const epoch = this.epoch;
        if (!this.verified) {
          const first = await q.selectFrom('audit_log').select('hash').orderBy('seq').limit(1).executeTakeFirst();
          const inst = Buffer.from(first ? first.hash : 'no audit trail', 'utf8');
          const installation = createHash('sha256').update(inst).digest();
          const top = Number((await q.selectFrom('media_files').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst())?.n ?? 0);
          if (epoch !== this.epoch) continue;
          if (!this.verified) {
            if (this.installation && !this.installation.equals(installation)) {
              this.fileState = 'rejected';
              this.fileProblem = 'made by another installation';
              this.reset();
            } else if (this.lastMediaId > top) {
              this.fileState = 'rejected';
              this.fileProblem = `covers media files up to id ${this.lastMediaId}, the database's last is ${top}`;
              this.reset();
            }
            this.installation = installation;
            this.verified = true;
          }
        }
        if ((await this.readSets(q, this.epoch)) && (await this.readMedia(q, this.epoch))) break;
      }
    } catch (err) {
      if (this.state !== 'ready') this.state = 'failed';
      throw err;
    }
    this.state = 'ready';
    if (this.deadHashes > 0 && this.deadHashes >= Math.max(this.compactMin, this.store.count / 8) && !this.saving) {
      await this.inTurn(() => this.compact());
    }
    this.maybeSave();
  }

  /**
   * Adds every committed hash set not yet covered, each whole in one step, and marks the sets deleted since.
   * False: the index was reset meanwhile.
   */
  private async readSets(q: Db | Tx, epoch: number): Promise<boolean> {
    const heldBefore = this.ownerCount; // owners added before this listing began (see the comment at the top)
    const listed = (await q.selectFrom('hash_sets').select('id').orderBy('id').execute()).map((r) => r.id);
    if (epoch !== this.epoch) return false;
    const present = new Set(listed);
    for (const o of this.setOwners) {
      if (o >= heldBefore || this.ownerDead[o] || present.has(this.ownerName(o))) continue;
      this.ownerDead[o] = 1;
      for (let i = 0; i < this.store.count; i++) if (this.owners[i] === o) this.deadHashes++;
    }
    const sets = listed.filter((id) => this.ownerOf(OWNER_SET, id) === undefined);
    for (const setId of sets) {
      const pages: Array<{ words: Uint32Array; ids: number[] }> = [];
      for (let after = 0; ;) {
        const rows = await q.selectFrom('hash_set_entries').select(['id', 'pdq']).where('hash_set_id', '=', setId).where('pdq', 'is not', null).where('id', '>', after).orderBy('id').limit(PAGE).execute();
        const page = { words: new Uint32Array(rows.length * WORDS_PER_HASH), ids: [] as number[] };
        for (const r of rows) {
          if (!r.pdq || hexProblem(r.pdq.toLowerCase())) continue;
          hexToWordsInto(r.pdq.toLowerCase(), page.words, page.ids.length * WORDS_PER_HASH);
          page.ids.push(Number(r.id));
        }
        pages.push(page);
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1]!.id);
      }
      if (epoch !== this.epoch) return false;
      if (this.ownerOf(OWNER_SET, setId) !== undefined) continue; // another catch-up added it meanwhile
      const owner = this.addOwner(OWNER_SET, setId);
      for (const p of pages) for (let k = 0; k < p.ids.length; k++) this.addHash(p.words, k * WORDS_PER_HASH, p.ids[k]!, owner);
    }
    return true;
  }

  /**
   * Adds the good-quality pictures and video frames stored past the last media id covered. False: the index was
   * reset meanwhile.
   */
  private async readMedia(q: Db | Tx, epoch: number): Promise<boolean> {
    let after = this.lastMediaId;
    const head = Number((await q.selectFrom('media_files').select((eb) => eb.fn.max('id').as('n')).where('id', '>', after).executeTakeFirst())?.n ?? 0);
    if (!head) return true;
    const w = new Uint32Array(WORDS_PER_HASH);
    for (;;) {
      const rows = await q.selectFrom('media_files').select(['id', 'pdq', 'case_id'])
        .where('pdq', 'is not', null).where('low_quality', '=', false).where('pdq_quality', '>=', PDQ_MIN_QUALITY)
        .where('id', '>', after).where('id', '<=', head).orderBy('id').limit(PAGE).execute();
      if (epoch !== this.epoch) return false;
      const last = rows.length < PAGE ? head : Number(rows[rows.length - 1]!.id);
      // The frames of the videos in the same range of ids, read whole before anything is added.
      const frames: Array<{ id: number; pdq: string; case_id: string }> = [];
      for (let fromId = after, fromFrame = 2147483647; ;) {
        const page = await q.selectFrom('media_video_frames').innerJoin('media_files', 'media_files.id', 'media_video_frames.media_file_id')
          .select(['media_video_frames.media_file_id as id', 'media_video_frames.frame', 'media_video_frames.pdq', 'media_files.case_id'])
          .where('media_video_frames.quality', '>=', PDQ_MIN_QUALITY).where('media_video_frames.media_file_id', '<=', last)
          .where((eb) => eb.or([eb('media_video_frames.media_file_id', '>', fromId), eb.and([eb('media_video_frames.media_file_id', '=', fromId), eb('media_video_frames.frame', '>', fromFrame)])]))
          .orderBy('media_video_frames.media_file_id').orderBy('media_video_frames.frame').limit(PAGE).execute();
        if (epoch !== this.epoch) return false;
        for (const f of page) frames.push({ id: Number(f.id), pdq: f.pdq, case_id: f.case_id });
        if (page.length < PAGE) break;
        fromId = Number(page[page.length - 1]!.id);
        fromFrame = page[page.length - 1]!.frame;
      }
      // Everything up to `last` that qualifies is in hand; rows another catch-up already added are skipped.
      for (const r of rows) {
        const id = Number(r.id);
        if (id <= this.lastMediaId || !r.pdq || hexProblem(r.pdq.toLowerCase())) continue;
        hexToWordsInto(r.pdq.toLowerCase(), w, 0);
        this.addHash(w, 0, id, this.addOwner(OWNER_CASE, r.case_id));
      }
      for (const f of frames) {
        if (f.id <= this.lastMediaId || hexProblem(f.pdq.toLowerCase())) continue;
        hexToWordsInto(f.pdq.toLowerCase(), w, 0);
        this.addHash(w, 0, f.id, this.addOwner(OWNER_CASE_FRAMES, f.case_id));
      }
      this.lastMediaId = Math.max(this.lastMediaId, last);
      if (rows.length < PAGE) return true;
      after = last;
    }
  }

  /**
   * Drops the hashes of deleted sets (the lazy rebuild): the survivors are copied, in runs, into a new store, and
   * the planes are built again when next needed. The owner table keeps the dead sets (a few bytes each), so a
   * file read later marks them dead again and never adds them back.
   */
  private compact(): void {
    if (this.saving || !this.deadHashes) return;
    const n = this.store.count;
    const keep = n - this.deadHashes;
    const from = this.store.words;
    const store = new HashStore(keep + 1024);
    const to = store.allocate(keep, false);
    const ids = new Uint32Array(keep + 1024);
    const owners = new Uint32Array(keep + 1024);
    let j = 0;
    for (let i = 0; i < n;) {
      if (this.ownerDead[this.owners[i]!]) { i++; continue; }
      let end = i + 1;
      while (end < n && !this.ownerDead[this.owners[end]!]) end++;
      to.set(from.subarray(i * WORDS_PER_HASH, end * WORDS_PER_HASH), j * WORDS_PER_HASH);
      ids.set(this.ids.subarray(i, end), j);
      owners.set(this.owners.subarray(i, end), j);
      j += end - i;
      i = end;
    }
    this.store = store;
    this.scan = new ScanIndex(store, { autoBuild: false });
    this.ids = ids;
    this.owners = owners;
    this.deadHashes = 0;
    this.scans = 0;
    this.dirty = true;
    if (keep <= BUILD_AT_ONCE) this.scan.build();
  }

  /**
   * Every indexed hash within `threshold` of each query (64 hex characters; malformed queries find nothing),
   * of the kinds asked for, leaving out one case's own files and deleted sets. Nearest first per query, then by
   * id. A large batch runs on every core.
   */
  search(pdqs: string[], threshold: number, filter: KnownSearchFilter = {}): Promise<KnownRawHit[]> {
    const queries = pdqs.map((p, i) => ({ p: p.toLowerCase(), i })).filter((x) => !hexProblem(x.p));
    if (!queries.length) return Promise.resolve([]);
    const words = new Uint32Array(queries.length * WORDS_PER_HASH);
    queries.forEach((x, k) => hexToWordsInto(x.p, words, k * WORDS_PER_HASH));
    return this.inTurn(async () => {
      for (;;) {
        if (!this.store.count) return [];
        const epoch = this.epoch;
        this.prepare(queries.length);
        const scanned = this.scan.builtSize < this.store.count;
        const results = await this.scan.searchBatchParallel(words, threshold);
        if (epoch !== this.epoch) continue; // thrown away meanwhile (a file found foreign): ask the new contents
        if (scanned) this.scans += queries.length;
        return this.hits(results, queries.map((x) => x.i), filter);
      }
    });
  }

  private hits(results: PdqMatch[][], positions: number[], filter: KnownSearchFilter): KnownRawHit[] {
    const out: KnownRawHit[] = [];
    const wantEntries = filter.entries ?? true;
    const wantMedia = filter.media ?? true;
    const wantFrames = filter.frames ?? false;
    const exclude = filter.excludeCaseId ? this.ownerOf(OWNER_CASE, filter.excludeCaseId) : undefined;
    const excludeFrames = filter.excludeCaseId ? this.ownerOf(OWNER_CASE_FRAMES, filter.excludeCaseId) : undefined;
    for (let k = 0; k < results.length; k++) {
      for (const m of results[k]!) {
        const owner = this.owners[m.index]!;
        if (this.ownerDead[owner]) continue;
        const ownerKind = this.ownerKinds[owner];
        const kind: KnownKind = ownerKind === OWNER_SET ? 'entry' : ownerKind === OWNER_CASE ? 'media' : 'frame';
        if ((kind === 'entry' && !wantEntries) || (kind === 'media' && (!wantMedia || owner === exclude)) || (kind === 'frame' && (!wantFrames || owner === excludeFrames))) continue;
        out.push({ query: positions[k]!, kind, id: this.ids[m.index]!, ownerId: this.ownerName(owner), distance: m.distance });
      }
    }
    return out;
  }

  /**
   * Builds the SIMD planes when they pay: at once for a small index; for a large one only after enough queries
   * were answered by the plain scan or when a batch that large comes (the build costs about as much as several
   * scans), and again when the hashes added since outgrow an eighth of them (they are scanned plainly meanwhile).
   */
  private prepare(coming: number): void {
    const n = this.store.count;
    const built = this.scan.builtSize;
    if (built === n) return;
    const tail = n - built;
    if (n <= BUILD_AT_ONCE || (built === 0 && this.scans + coming >= this.buildAfterScans) || (built > 0 && tail > Math.max(16_384, built / 8))) {
      this.scan.build();
      this.scans = 0;
    }
  }

  /** Builds the planes now (a caller about to run many queries). */
  buildTables(): Promise<void> {
    return this.inTurn(() => {
      if (this.scan.builtSize < this.store.count) this.scan.build();
    });
  }

  private maybeSave(): void {
    if (!this.file || this.saveQueued || this.saving || !this.verified) return;
    const added = this.store.count - Math.max(0, this.savedCount);
    if (!this.dirty && this.savedCount >= 0 && added < Math.max(this.saveMin, this.savedCount / 8)) return;
    if (this.savedCount < 0 && this.store.count === 0 && this.fileState !== 'rejected') return;
    this.saveQueued = true;
    // After the caller's answer, not in its way; the write itself never holds the event loop for long.
    setImmediate(() => {
      this.saveQueued = false;
      this.save().catch((err: unknown) => {
        process.emitWarning(`known-hash index not written to ${this.file}: ${err instanceof Error ? err.message : String(err)}`);
      });
    });
  }

  /** Waits for a write of the file under way, if any (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.saveQueued || this.saving) {
      if (this.saving) await this.saving.catch(() => undefined);
      else await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * Writes the file (atomically) with what the index holds now, in pieces with asynchronous writes: searches and
   * catch-ups go on meanwhile (hashes added meanwhile are in the next write; compaction waits for this one).
   */
  save(): Promise<void> {
    if (!this.file || !this.installation) return Promise.resolve();
    if (this.saving) return this.saving.then(() => this.save());
    const n = this.store.count;
    const ownerCount = this.ownerCount;
    const epoch = this.epoch;
    const file = this.file;
    const check = () => {
      if (epoch !== this.epoch) throw new Error('the index was rebuilt while its file was written');
    };
    const wasDirty = this.dirty;
    this.dirty = false;
    this.saving = (async () => {
      try {
        await writeIndexFile(file, {
          count: n, lastMediaId: this.lastMediaId, installation: this.installation!,
          hashes: () => {
            check();
            const w = this.store.packed();
            return new Uint8Array(w.buffer, w.byteOffset, n * HASH_BYTES);
          },
          ids: () => (check(), new Uint8Array(this.ids.buffer, 0, n * 4)),
          owners: () => (check(), new Uint8Array(this.owners.buffer, 0, n * 4)),
          ownerKinds: this.ownerKinds.slice(0, ownerCount),
          ownerIds: () => (check(), this.ownerIds.subarray(0, ownerCount * 16)),
        });
        this.savedCount = n;
      } catch (err) {
        if (wasDirty) this.dirty = true;
        throw err;
      } finally {
        this.saving = null;
      }
    })();
    return this.saving;
  }
}

const registry = new WeakMap<object, KnownIndex>();
const folders = new WeakMap<object, KnownIndexOptions>();

/** Where this database's index file lives (call before its first use; without it the index is memory only). */
export function attachKnownIndex(db: Db, opts: KnownIndexOptions): void {
  folders.set(db, opts);
}

/** The known-hash index of this database in this process (one per database handle). */
export function knownIndexOf(db: Db): KnownIndex {
  let k = registry.get(db);
  if (!k) registry.set(db, (k = new KnownIndex(folders.get(db) ?? {})));
  return k;
}

/** The state of this database's index in this process, or null when nothing has used or loaded it yet. */
export function knownIndexStateOf(db: Db): KnownIndexState | null {
  return registry.get(db)?.state ?? null;
}

/**
 * Loads the index at start (`amaan serve`, `amaan worker`) in the background: the file read and the catch-up run
 * while the server already answers (readiness is not held for it; /ready reports it as `knownIndex`). A failure is
 * reported and the first search tries again; the first search meanwhile simply waits for the same read.
 */
export function preloadKnownIndex(db: Db, report: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<void> {
  const index = knownIndexOf(db);
  const t0 = performance.now();
  return index.catchUp(db).then(
    () => report(`known-hash index: ${index.size.toLocaleString('en')} hashes ready in ${Math.round(performance.now() - t0)} ms (file ${index.fileState}${index.fileProblem ? `: ${index.fileProblem}` : ''})`),
    (err: unknown) => report(`known-hash index not loaded at start (the first search tries again): ${err instanceof Error ? err.message : String(err)}`),
  );
}

export interface KnownPdqHit {
  kind: 'hash_set' | 'case_media';
  /** hash_set_entries.id or media_files.id (for a frame, its video's). */
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
  if (!pdqs.some((q) => !hexProblem(q.toLowerCase()))) return out;
  const index = knownIndexOf(db);
  await index.catchUp(tx);
  const raw = await index.search(pdqs, opts.threshold ?? DEFAULT_PDQ_THRESHOLD, { media: opts.media ?? false });
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
    if (hit) out.set(r.query, [...(out.get(r.query) ?? []), hit]);
  }
  return out;
}
