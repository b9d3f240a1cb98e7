// An in-memory index of prepared records for entity resolution. Records are found as candidates through
// blocking keys (shared identifiers; pairs of name-token skeletons, alone and with birth year or district;
// single rare tokens and their one-letter-deleted forms for typos), so a new record is compared with
// a few hundred others at most, never with everyone. Blocks holding more than `bucketCap` records (the
// "Muhammad" block) are too common to say anything and are not used.
//
// Two ways to use it, for the service that will own merging:
// - incrementally: `index.match(record)` scores one new record against everything indexed (it is not added);
//   `index.add(record)` adds it, `index.remove(id)` takes one out (after a merge or an undo);
// - in batch: `resolveAll(records)` or, per record, `index.pairsOf(i)` for pairs with earlier records.
import { type PreparedRecord, type ResolutionRecord, prepareRecord } from './record.ts';
import { type CnicDistrict, type Frequencies, type Reason, scoreAtLeast, scorePair } from './score.ts';

/** Pairs scoring at least this are proposed (chosen on the tuning split, see docs/benchmarks.md). */
export const DEFAULT_THRESHOLD = 2;
export const DEFAULT_BUCKET_CAP = 50;
/** A CNIC prefix stands for a district once this many records give both, most of them (over half) that district. */
export const CNIC_DISTRICT_MIN_RECORDS = 5;

export interface Suggestion {
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
}

export interface IndexOptions {
  bucketCap?: number;
}

/** The blocking keys of a record (deduplicated). */
export function blockKeys(p: PreparedRecord): string[] {
  const keys = new Set<string>();
  if (p.cnic) keys.add(`c${p.cnic}`);
  if (p.passport) keys.add(`x${p.passport}`);
  for (const x of p.phones) keys.add(`p${x}`);
  for (const x of p.handles) keys.add(`h${x}`);
  for (const x of p.wallets) keys.add(`p${x}`);
  const year = p.birth ? String(p.birth.year) : null;
  for (const n of p.names) {
    const sk = [...new Set(n.tokens.filter((t) => !t.initial).map((t) => t.skeleton))].sort();
    for (const s of sk) {
      if (year) keys.add(`y${s}|${year}`);
      if (s.length < 3) continue;
      keys.add(`d${s}`);
      if (s.length >= 4) for (let i = 0; i < s.length; i++) keys.add(`d${s.slice(0, i)}${s.slice(i + 1)}`);
    }
    for (let i = 0; i < sk.length; i++) {
      for (let j = i + 1; j < sk.length; j++) {
        const pair = `${sk[i]}|${sk[j]}`;
        keys.add(`n${pair}`);
        if (year) keys.add(`y${pair}|${year}`);
        if (p.districtKey) keys.add(`g${pair}|${p.districtKey}`);
      }
    }
  }
  // A name part with a part of the father's name: "Asma d/o Faisal Osman" meets "اسماء دختر فیصل عثمان" even
  // when "Asma" alone is too common a block.
  if (p.fathers.length) {
    const own = new Set<string>();
    for (const n of p.names) for (const t of n.tokens) if (!t.initial) own.add(t.skeleton);
    for (const f of p.fathers) for (const t of f.tokens) if (!t.initial) for (const s of own) keys.add(`f${s}|${t.skeleton}`);
  }
  return [...keys];
}

function tokenKeys(p: PreparedRecord): Set<string> {
  const s = new Set<string>();
  for (const n of p.names) {
    for (const t of n.tokens) if (!t.initial) s.add(t.key);
    for (const c of n.clans) s.add(c);
  }
  return s;
}

function identifierKeys(p: PreparedRecord): string[] {
  return [...p.phones.map((x) => `phone:${x}`), ...p.handles.map((x) => `handle:${x}`), ...p.wallets.map((x) => `wallet:${x}`)];
}

export class ResolutionIndex implements Frequencies {
  private readonly items: (PreparedRecord | null)[] = [];
  /** The blocking keys of each record, kept so a batch does not recompute them when it scores the record. */
  private readonly keysAt: (string[] | null)[] = [];
  private readonly byId = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly tokenDf = new Map<string, number>();
  private readonly idDf = new Map<string, number>();
  private readonly yearDf = new Map<number, number>();
  private readonly districtDf = new Map<string, number>();
  private readonly wholeDf = new Map<string, number>();
  /** Per CNIC prefix (first five digits), the district keys the records carrying it give, with their counts. */
  private readonly cnicDistricts = new Map<string, Map<string, number>>();
  /** A district as first written, per key (to show a district read out of a CNIC). */
  private readonly districtNames = new Map<string, string>();
  private cnicMemo = new Map<string, CnicDistrict | null>();
  private cnicMemoVersion = -1;
  private dated = 0;
  private districted = 0;
  private stamp = new Int32Array(1024);
  private generation = 0;
  private live = 0;
  private counted = 0;
  readonly bucketCap: number;

  constructor(opts: IndexOptions = {}) {
    this.bucketCap = opts.bucketCap ?? DEFAULT_BUCKET_CAP;
  }

  get records(): number {
    return this.live;
  }

  /** Bumped on every add and remove: cached token weights are valid while it stays the same. */
  get version(): number {
    return this.counted;
  }

  tokenRecords(key: string): number {
    return this.tokenDf.get(key) ?? 0;
  }

  identifierRecords(kind: 'phone' | 'handle' | 'wallet', key: string): number {
    return this.idDf.get(`${kind}:${key}`) ?? 0;
  }

  datedRecords(): number {
    return this.dated;
  }

  birthYearRecords(year: number): number {
    return this.yearDf.get(year) ?? 0;
  }

  districtedRecords(): number {
    return this.districted;
  }

  districtRecords(key: string): number {
    return this.districtDf.get(key) ?? 0;
  }

  cnicDistrict(prefix: string): CnicDistrict | null {
    if (this.cnicMemoVersion !== this.counted) { this.cnicMemo = new Map(); this.cnicMemoVersion = this.counted; }
    let d = this.cnicMemo.get(prefix);
    if (d !== undefined) return d;
    d = null;
    const counts = this.cnicDistricts.get(prefix);
    if (counts) {
      let total = 0, best = 0, key = '';
      for (const [k, c] of counts) { total += c; if (c > best) { best = c; key = k; } }
      if (total >= CNIC_DISTRICT_MIN_RECORDS && best * 2 > total) d = { key, name: this.districtNames.get(key) ?? key, records: total, share: best / total };
    }
    this.cnicMemo.set(prefix, d);
    return d;
  }

  wholeNameRecords(key: string): number {
    return this.wholeDf.get(key) ?? 0;
  }

  private count(p: PreparedRecord, delta: 1 | -1): void {
    this.counted++;
    for (const k of new Set(p.names.map((n) => n.whole))) if (k) this.wholeDf.set(k, (this.wholeDf.get(k) ?? 0) + delta);
    for (const k of tokenKeys(p)) this.tokenDf.set(k, (this.tokenDf.get(k) ?? 0) + delta);
    for (const k of new Set(identifierKeys(p))) this.idDf.set(k, (this.idDf.get(k) ?? 0) + delta);
    if (p.birth) {
      this.dated += delta;
      this.yearDf.set(p.birth.year, (this.yearDf.get(p.birth.year) ?? 0) + delta);
    }
    if (p.districtKey) {
      this.districted += delta;
      this.districtDf.set(p.districtKey, (this.districtDf.get(p.districtKey) ?? 0) + delta);
      if (!this.districtNames.has(p.districtKey)) this.districtNames.set(p.districtKey, p.district!);
      if (p.cnic) {
        const prefix = p.cnic.slice(0, 5);
        let m = this.cnicDistricts.get(prefix);
        if (!m) { m = new Map(); this.cnicDistricts.set(prefix, m); }
        m.set(p.districtKey, (m.get(p.districtKey) ?? 0) + delta);
      }
    }
  }

  /** The position of a record by id. */
  positionOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** The prepared record at a position (null once removed). */
  at(i: number): PreparedRecord | null {
    return this.items[i] ?? null;
  }

  get size(): number {
    return this.items.length;
  }

  /** Adds a record; answers its position. Ids must be unique. */
  add(record: ResolutionRecord): number {
    return this.addPrepared(prepareRecord(record));
  }

  /** Adds a record prepared with prepareRecord (e.g. in another thread). */
  addPrepared(p: PreparedRecord): number {
    if (this.byId.has(p.id)) throw new Error(`record ${p.id} is already in the index`);
    const i = this.items.length;
    this.items.push(p);
    this.byId.set(p.id, i);
    this.live++;
    const keys = blockKeys(p);
    this.keysAt.push(keys);
    for (const k of keys) {
      const list = this.postings.get(k);
      // A block past the cap is never used (candidates skips it) and only grows: it stops at cap + 1 entries,
      // which keeps it skipped and spares the memory and the collector (the "Muhammad" blocks of a million records).
      if (list) { if (list.length <= this.bucketCap) list.push(i); }
      else this.postings.set(k, [i]);
    }
    this.count(p, 1);
    return i;
  }

  /** Takes a record out (its postings are skipped from now on). Answers false if it was not there. */
  remove(id: string): boolean {
    const i = this.byId.get(id);
    if (i === undefined) return false;
    const p = this.items[i]!;
    this.items[i] = null;
    this.keysAt[i] = null;
    this.byId.delete(id);
    this.live--;
    this.count(p, -1);
    return true;
  }

  /** Calls visit once for each indexed record sharing a usable block with p (below `limit` if given). */
  private candidates(keys: string[], visit: (j: number) => void, limit = Infinity): void {
    if (this.stamp.length < this.items.length) {
      const grown = new Int32Array(Math.max(this.items.length, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const gen = ++this.generation;
    for (const k of keys) {
      const list = this.postings.get(k);
      if (!list || list.length > this.bucketCap) continue;
      for (const j of list) {
        if (j >= limit) break;
        if (this.stamp[j] === gen || this.items[j] === null) continue;
        this.stamp[j] = gen;
        visit(j);
      }
    }
  }

  /** Scores one record (not added) against the index: the suggestions at or above the threshold, best first. */
  match(record: ResolutionRecord, opts: { threshold?: number; limit?: number } = {}): Suggestion[] {
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const p = prepareRecord(record);
    const out: Suggestion[] = [];
    this.candidates(blockKeys(p), (j) => {
      const q = this.items[j]!;
      if (q.id === p.id) return;
      if (scoreAtLeast(p, q, this, threshold) < threshold) return;
      const { score, reasons } = scorePair(p, q, this, true);
      out.push({ a: p.id, b: q.id, score, reasons });
    });
    out.sort((x, y) => y.score - x.score);
    return opts.limit ? out.slice(0, opts.limit) : out;
  }

  /** Pairs of the record at position i with earlier records scoring at least the threshold. */
  pairsOf(i: number, threshold = DEFAULT_THRESHOLD): Suggestion[] {
    const p = this.items[i];
    if (!p) return [];
    const out: Suggestion[] = [];
    this.candidates(this.keysAt[i]!, (j) => {
      const q = this.items[j]!;
      if (scoreAtLeast(q, p, this, threshold) < threshold) return;
      const { score, reasons } = scorePair(q, p, this, true);
      out.push({ a: q.id, b: p.id, score, reasons });
    }, i);
    return out;
  }
}

/** Every proposed pair among the records (single thread; see parallel.ts for all cores). */
export function resolveAll(records: ResolutionRecord[], opts: { threshold?: number; bucketCap?: number } = {}): Suggestion[] {
  const index = new ResolutionIndex({ bucketCap: opts.bucketCap });
  for (const r of records) index.add(r);
  const out: Suggestion[] = [];
  for (let i = 0; i < index.size; i++) out.push(...index.pairsOf(i, opts.threshold));
  return out;
}
