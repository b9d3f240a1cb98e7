// Duplicate-person suggestions in the database: found when a person is recorded or edited (incrementally,
// against an in-memory index of every person, see below), by a batch over everyone (`amaan resolve --all`)
// and after a bundle import; listed with their reasons to whoever may see both persons; merged or rejected by
// an analyst (person.merge). The pure scoring lives in resolution-index.ts / score.ts; merging and undoing
// in merge.service.ts.
//
// The incremental index is kept per database handle in this process: built from the persons table in the
// background when `serve`/`worker` start (or on first use elsewhere), then updated as persons are created, edited,
// merged and unmerged here. Persons written by another
// process reach it at its next start; the batch (`amaan resolve --all`) always reads everything.
import { sql } from 'kysely';
import type { AppContext, AuditEvent, ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { MergeSuggestionStatus } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import { personVisibleTo } from '../persons/person.scope.ts';
import { openPersonNumbers } from '../persons/person.sealed.ts';
import { readPersonIdentifiers } from '../entities/person-identifiers.service.ts';
import { resolveRecords } from './parallel.ts';
import type { ResolutionRecord } from './record.ts';
import { DEFAULT_THRESHOLD, ResolutionIndex, type Suggestion } from './resolution-index.ts';
import type { Reason } from './score.ts';

/** Suggestions stored per person at most (the best ones): a very common name does not flood the list. */
const PER_PERSON_LIMIT = 20;

type Source = 'incremental' | 'batch' | 'import';

/** Persons read per page when every person is read (the index's build, the batch): memory stays one page's. */
export const PERSON_PAGE = 20_000;

type PersonRow = { id: string; created_key: string; date_of_birth: string | null; cnic: string | null; passport: string | null; sealed: Buffer | Uint8Array | null; sealed_key_id: string | null };

/** The resolution records of persons (not merged away), read from the database; all of them without ids. */
export async function personRecords(ctx: AppContext, ids?: readonly string[]): Promise<ResolutionRecord[]> {
  if (ids) {
    if (ids.length === 0) return [];
    const out: ResolutionRecord[] = [];
    for (let i = 0; i < ids.length; i += PERSON_PAGE) {
      const persons = await personsQuery(ctx).where(sql<boolean>`id = ANY (${sql.val(ids.slice(i, i + PERSON_PAGE))}::uuid[])`).orderBy('created_at').orderBy('id').execute();
      out.push(...(await recordsOf(ctx, persons as PersonRow[])));
    }
    return out;
  }
  const out: ResolutionRecord[] = [];
  for await (const page of personRecordPages(ctx)) out.push(...page);
  return out;
}

// created_key: the instant as PostgreSQL writes it (microseconds and offset), for the keyset: a JS Date keeps only
// milliseconds, and a page would start again inside the last millisecond it read.
const personsQuery = (ctx: AppContext) =>
  ctx.db.selectFrom('persons').select(['id', sql<string>`created_at::text`.as('created_key'), 'date_of_birth', 'cnic', 'passport', 'sealed', 'sealed_key_id']).where('merged_into', 'is', null);

/**
 * Every person's record, a page at a time in (created_at, id) order (keyset: each page starts after the last row
 * of the one before, so a page costs the same at the end of five million persons as at the start).
 */
export async function* personRecordPages(ctx: AppContext, pageSize = PERSON_PAGE): AsyncGenerator<ResolutionRecord[]> {
  let after: { created_key: string; id: string } | null = null;
  for (;;) {
    let q = personsQuery(ctx);
    if (after) { const a: { created_key: string; id: string } = after; q = q.where(sql<boolean>`(created_at, id) > (${a.created_key}::timestamptz, ${a.id}::uuid)`); }
    const persons = (await q.orderBy('created_at').orderBy('id').limit(pageSize).execute()) as PersonRow[];
    if (!persons.length) return;
    yield await recordsOf(ctx, persons);
    if (persons.length < pageSize) return;
    const last = persons[persons.length - 1]!;
    after = { created_key: last.created_key, id: last.id };
  }
}

/** The records of `persons` (in their order): names, identifiers held and the place, read for all of them at once. */
async function recordsOf(ctx: AppContext, persons: PersonRow[]): Promise<ResolutionRecord[]> {
  if (persons.length === 0) return [];
  const part = persons.map((p) => p.id);
  const inPart = (column: string) => sql<boolean>`${sql.ref(column)} = ANY (${sql.val(part)}::uuid[])`;
  const names = new Map<string, string[]>();
  const idents = new Map<string, { phones: string[]; handles: string[]; wallets: string[] }>();
  const districts = new Map<string, string>();
  for (const n of await ctx.db.selectFrom('person_names').select(['person_id', 'name']).where(inPart('person_id')).orderBy('id').execute()) {
    const l = names.get(n.person_id);
    if (l) l.push(n.name); else names.set(n.person_id, [n.name]);
  }
  // Identifiers are entities linked from the person (uses / holds), on the person form or in a case.
  const held = await ctx.db.selectFrom('links').innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
    .select(['links.from_id as person_id', 'entities.kind', 'entities.key'])
    .where('links.from_type', '=', 'person').where('links.to_type', '=', 'entity').where(sql<boolean>`links.from_id = ANY (${sql.val(part)}::text[])`)
    .where('entities.kind', 'in', ['phone', 'account', 'wallet']).orderBy('links.recorded_at').orderBy('links.id').execute();
  // The place: the district of the branch of the person's first case (supporting evidence, as the district
  // of `amaan resolve`; its weight comes from how many persons share it).
  const placed = await ctx.db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id').innerJoin('branches', 'branches.id', 'cases.branch_id')
    .select(['case_persons.person_id', 'branches.district']).where(inPart('case_persons.person_id'))
    .orderBy('case_persons.added_at').orderBy('case_persons.case_id').execute();
  for (const x of placed) if (!districts.has(x.person_id)) districts.set(x.person_id, x.district);
  for (const x of held) {
    const e = idents.get(x.person_id) ?? { phones: [], handles: [], wallets: [] };
    idents.set(x.person_id, e);
    const list = x.kind === 'phone' ? e.phones : x.kind === 'account' ? e.handles : e.wallets;
    if (!list.includes(x.key)) list.push(x.key);
  }
  const out: ResolutionRecord[] = [];
  for (const p of persons) {
    const n = names.get(p.id);
    if (!n?.length) continue;
    const numbers = openPersonNumbers(ctx.crypto, p);
    const e = idents.get(p.id);
    const r: ResolutionRecord = { id: p.id, names: n };
    if (p.date_of_birth) r.dateOfBirth = String(p.date_of_birth).slice(0, 10);
    const district = districts.get(p.id);
    if (district) r.district = district;
    if (numbers.cnic) r.cnic = numbers.cnic;
    if (numbers.passport) r.passport = numbers.passport;
    if (e?.phones.length) r.phones = e.phones;
    if (e?.handles.length) r.handles = e.handles;
    if (e?.wallets.length) r.wallets = e.wallets;
    out.push(r);
  }
  return out;
}

function safeAdd(index: ResolutionIndex, r: ResolutionRecord): void {
  try { index.add(r); } catch { /* a record the library cannot read (no usable name) is left out */ }
}

export type PersonIndexState = 'loading' | 'ready' | 'failed';

/**
 * The incremental index of one database handle. `amaan serve` and `amaan worker` build it in the background at
 * start (`preloadPersonIndex`, reported by /ready); until it is ready, persons recorded are not scored on their
 * request's path but queued here (`pending`), and merges and edits noted (`refresh`); both are applied as soon as
 * the index is ready, so nobody waits for it and no suggestion is lost. A process that never preloads (the CLI's
 * one-shot commands, tests) builds it on first use and waits for it, as before.
 */
interface IndexSlot {
  state: PersonIndexState;
  index: Promise<ResolutionIndex>;
  /** Resolves once the index is ready and everything queued meanwhile is scored. */
  settled: Promise<void>;
  background: boolean;
  /** `queued`: resolves true once the person's row is in person_score_queue (false: kept in memory only). */
  pending: Map<string, Queued>;
  refresh: Set<string>;
  /** When this slot began: queue rows older than it may have been left by a process that died. */
  began: Date;
}

interface Queued { ctx: ServiceContext; source: Source; queued: Promise<boolean> }

const slots = new WeakMap<Db, IndexSlot>();

async function buildIndex(ctx: AppContext): Promise<ResolutionIndex> {
  // Page by page: only the index and one page of records are held, never every person's record at once.
  const index = new ResolutionIndex();
  for await (const page of personRecordPages(ctx)) for (const r of page) safeAdd(index, r);
  return index;
}

function newSlot(ctx: AppContext, background: boolean, build: () => Promise<ResolutionIndex> = () => buildIndex(ctx)): IndexSlot {
  const slot: IndexSlot = { state: 'loading', index: undefined as never, settled: undefined as never, background, pending: new Map(), refresh: new Set(), began: new Date() };
  slot.index = build();
  slot.settled = slot.index.then(async () => {
    slot.state = 'ready';
    await drain(ctx, slot);
  }, (err: unknown) => {
    slot.state = 'failed';
    if (slots.get(ctx.db) === slot) slots.delete(ctx.db); // the next use builds it again (and takes the queue over)
    const queued = [...slot.pending.values()];
    process.emitWarning(`duplicate-person index not built: ${err instanceof Error ? err.message : String(err)}${queued.length ? ` (${slot.pending.size} persons wait to be scored)` : ''}`);
    if (queued.length) {
      // Tried again a little later (a database that is down must not be asked in a tight loop).
      const next = newSlot(ctx, slot.background, () => new Promise<void>((r) => setTimeout(r, 5000).unref()).then(() => buildIndex(ctx)));
      for (const [id, q] of slot.pending) next.pending.set(id, q);
      for (const id of slot.refresh) next.refresh.add(id);
      if (!slots.has(ctx.db)) slots.set(ctx.db, next);
    }
  });
  return slot;
}

/**
 * Persons left in person_score_queue by a process that died before its index was ready (queued before this
 * slot began, and not queued by this process): scored here, each as the staff member who recorded them.
 */
async function adoptLeftOvers(ctx: AppContext, slot: IndexSlot): Promise<void> {
  const rows = await ctx.db.selectFrom('person_score_queue as q').leftJoin('users as u', 'u.id', 'q.queued_by')
    .select(['q.person_id', 'q.source', 'u.id as user_id', 'u.username', 'u.display_name', 'u.role', 'u.branch_id'])
    .where('q.queued_at', '<', slot.began).orderBy('q.queued_at').execute();
  for (const r of rows) {
    if (slot.pending.has(r.person_id)) continue;
    // The recorder's identity for the audit entry; no credential: the system acts on their behalf.
    const actor: ServiceContext['actor'] = r.user_id
      ? { id: r.user_id, username: r.username!, displayName: r.display_name!, role: r.role!, branchId: r.branch_id, ip: null }
      : { id: null as never, username: 'system', displayName: 'system', role: 'administrator', branchId: null, ip: null };
    slot.pending.set(r.person_id, { ctx: { ...ctx, actor }, source: r.source, queued: Promise.resolve(true) });
  }
}

/** Applies what was queued while the index was being built: merges and edits first, then the new persons' scores. */
async function drain(ctx: AppContext, slot: IndexSlot): Promise<void> {
  await adoptLeftOvers(ctx, slot).catch((err: unknown) => process.emitWarning(`persons queued by an earlier process not read: ${err instanceof Error ? err.message : String(err)}`));
  while (slot.refresh.size || slot.pending.size) {
    if (slot.refresh.size) {
      const ids = [...slot.refresh];
      slot.refresh.clear();
      await refreshIndexed(ctx, ids);
    }
    if (slot.pending.size) {
      const queued = [...slot.pending];
      slot.pending.clear();
      // One scoring per person, as its own recorder (the audit entry says who recorded it and how). A person with
      // a queue row is scored only by the process that claims the row (another process may hold it too: the one
      // that queued it and the next one to start both have it pending).
      for (const [id, { ctx: who, source, queued: persisted }] of queued) {
        if (await persisted) await scoreClaimed(who, id, source);
        else await suggestQuietly(who, [id], source);
      }
    }
  }
}

/**
 * Scores one queued person if this process claims its person_score_queue row: the row is locked
 * (FOR UPDATE SKIP LOCKED), the suggestions stored, the audit entry written and the row deleted in one transaction,
 * so of two processes draining the same queue one scores the person and the other skips it (the row is locked or
 * already gone). Either way the person is put in this process's index. Never throws.
 */
async function scoreClaimed(ctx: ServiceContext, personId: string, source: Source): Promise<boolean> {
  try {
    const index = await personIndex(ctx);
    const records = await personRecords(ctx, [personId]);
    return await inTransaction(ctx, async (tx, audit) => {
      const claimed = await tx.selectFrom('person_score_queue').select('person_id').where('person_id', '=', personId)
        .forUpdate().skipLocked().executeTakeFirst();
      index.remove(personId);
      if (!claimed) {
        for (const r of records) safeAdd(index, r);
        return false;
      }
      await storeAndAudit(tx, audit, [personId], matchInto(index, records), source);
      await tx.deleteFrom('person_score_queue').where('person_id', '=', personId).execute();
      return true;
    });
  } catch (err) {
    process.emitWarning(`duplicate suggestions not computed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

/**
 * Builds the duplicate-person index in the background (`amaan serve`, `amaan worker` at start): requests never wait
 * for it. `rebuild` replaces an index already built; `gate` (tests) holds the build until it resolves.
 */
export function preloadPersonIndex(ctx: AppContext, opts: { rebuild?: boolean; gate?: Promise<void> } = {}): Promise<void> {
  const current = slots.get(ctx.db);
  if (current && !opts.rebuild) {
    current.background = true;
    return current.settled;
  }
  const gate = opts.gate;
  const slot = newSlot(ctx, true, gate ? () => gate.then(() => buildIndex(ctx)) : undefined);
  slots.set(ctx.db, slot);
  return slot.settled;
}

/** The index's state on this handle (/ready), or null when nothing built it here. */
export function personIndexStateOf(db: Db): PersonIndexState | null {
  return slots.get(db)?.state ?? null;
}

/** Resolves once the index of this handle is ready and everything queued meanwhile has been scored. */
export function personIndexSettled(db: Db): Promise<void> {
  return slots.get(db)?.settled ?? Promise.resolve();
}

/** The incremental index of this database handle, built on first use (waits for it). */
export function personIndex(ctx: AppContext): Promise<ResolutionIndex> {
  let slot = slots.get(ctx.db);
  if (!slot) {
    slot = newSlot(ctx, false);
    slots.set(ctx.db, slot);
  }
  return slot.index;
}

/** Takes persons out of the index (merged away) or puts them back from the database (edited, unmerged). */
export async function refreshIndexed(ctx: AppContext, personIds: readonly string[]): Promise<void> {
  const slot = slots.get(ctx.db);
  if (!slot) return; // built from the database when first needed
  if (slot.state !== 'ready') {
    // Still building from a snapshot that may predate this change: applied once it is ready.
    for (const id of personIds) slot.refresh.add(id);
    return;
  }
  const index = await slot.index;
  for (const id of personIds) index.remove(id);
  for (const r of await personRecords(ctx, personIds)) safeAdd(index, r);
}

const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** Stores pairs as open suggestions; a pair already decided (merged, rejected) keeps its decision. */
async function storePairs(tx: Tx, pairs: Suggestion[], source: Source): Promise<number> {
  let stored = 0;
  for (let i = 0; i < pairs.length; i += 500) {
    const rows = pairs.slice(i, i + 500).map((s) => {
      const [a, b] = ordered(s.a, s.b);
      return { person_a: a, person_b: b, score: s.score, reasons: JSON.stringify(s.reasons), source };
    });
    const res = await tx.insertInto('person_merge_suggestions').values(rows)
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'), reasons: eb.ref('excluded.reasons'), scored_at: sql<Date>`now()`,
      })).where('person_merge_suggestions.status', '=', 'open'))
      .returning('id').execute();
    stored += res.length;
  }
  return stored;
}

/**
 * Scores persons just recorded or edited (after their transaction committed) against everyone else and
 * stores the suggestions found. Never throws for the caller: a person is recorded even if this fails.
 */
export async function suggestForPersons(ctx: ServiceContext, personIds: readonly string[], source: Source = 'incremental'): Promise<number> {
  if (personIds.length === 0) return 0;
  const index = await personIndex(ctx);
  const records = await personRecords(ctx, personIds);
  for (const id of personIds) index.remove(id);
  const pairs = matchInto(index, records);
  if (pairs.length === 0) return 0;
  return inTransaction(ctx, (tx, audit) => storeAndAudit(tx, audit, personIds, pairs, source));
}

/** Each record's best pairs against the index, then the record put in it (so later records meet earlier ones). */
function matchInto(index: ResolutionIndex, records: readonly ResolutionRecord[]): Suggestion[] {
  const pairs: Suggestion[] = [];
  for (const r of records) {
    try {
      pairs.push(...index.match(r, { threshold: DEFAULT_THRESHOLD, limit: PER_PERSON_LIMIT }));
    } catch { /* no usable name */ }
    safeAdd(index, r);
  }
  return pairs;
}

async function storeAndAudit(tx: Tx, audit: (e: AuditEvent) => Promise<void>, personIds: readonly string[], pairs: Suggestion[], source: Source): Promise<number> {
  if (pairs.length === 0) return 0;
  const stored = await storePairs(tx, pairs, source);
  await audit({ action: 'person.duplicates.suggest', entityType: 'person', entityId: personIds.length === 1 ? personIds[0]! : null, details: { source, persons: personIds.length, suggestions: stored } });
  return stored;
}

/**
 * The same, for the callers that must not fail because of it (person create and edit, bundle import). While the
 * index is still being built in the background, the persons are queued and scored once it is ready (never waited for).
 */
export async function suggestQuietly(ctx: ServiceContext, personIds: readonly string[], source: Source = 'incremental'): Promise<void> {
  const slot = slots.get(ctx.db);
  if (slot?.background && slot.state !== 'ready') {
    // Also in the database: if this process dies before its index is ready, the next one scores them. The drain
    // waits for this insert before it claims the row (a person whose row could not be written is scored unclaimed).
    const queued = ctx.db.insertInto('person_score_queue')
      .values(personIds.map((id) => ({ person_id: id, source, queued_by: ctx.actor.id ?? null })))
      .onConflict((oc) => oc.column('person_id').doNothing()).execute()
      .then(() => true, (err: unknown) => {
        process.emitWarning(`person queued in memory only: ${err instanceof Error ? err.message : String(err)}`);
        return false;
      });
    for (const id of personIds) slot.pending.set(id, { ctx, source, queued });
    await queued;
    return;
  }
  try {
    await suggestForPersons(ctx, personIds, source);
  } catch (err) {
    process.emitWarning(`duplicate suggestions not computed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Batch: every person against every other, from scratch; answers counts. */
export async function resolveAllPersons(ctx: ServiceContext, onProgress?: (phase: string, done: number, total: number) => void): Promise<{ persons: number; pairs: number; stored: number }> {
  onProgress?.('reading', 0, 0);
  const records = await personRecords(ctx);
  const pairs = resolveRecords(records, { onProgress });
  const stored = await inTransaction(ctx, async (tx, audit) => {
    const n = await storePairs(tx, pairs, 'batch');
    await audit({ action: 'person.duplicates.batch', entityType: 'person', entityId: null, details: { persons: records.length, pairs: pairs.length, stored: n } });
    return n;
  });
  const index = new ResolutionIndex();
  for (const r of records) safeAdd(index, r);
  const slot = slots.get(ctx.db);
  if (!slot || slot.state === 'ready') {
    // Ready at once; one still being built keeps its queue and is replaced only by its own result.
    const ready = newSlot(ctx, slot?.background ?? false, () => Promise.resolve(index));
    ready.state = 'ready';
    slots.set(ctx.db, ready);
  }
  return { persons: records.length, pairs: pairs.length, stored };
}

// ---- reading suggestions -------------------------------------------------------------------------------

export interface SuggestionListQuery { status: MergeSuggestionStatus; limit: number; offset: number }

function visibleSuggestions(ctx: ServiceContext, db: Db | Tx = ctx.db) {
  // Both persons must be ones the actor may see: the same predicate as person reads (personVisibleTo).
  return db.selectFrom('person_merge_suggestions as s')
    .innerJoin('persons as pa', 'pa.id', 's.person_a')
    .innerJoin('persons as pb', 'pb.id', 's.person_b')
    .where((eb) => eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).whereRef('persons.id', '=', 's.person_a').where(personVisibleTo(ctx.actor))))
    .where((eb) => eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).whereRef('persons.id', '=', 's.person_b').where(personVisibleTo(ctx.actor))));
}

/** Ids of suggestions the actor may see (for the route scope). */
export async function visibleSuggestionIds(db: Db, ctx: Pick<ServiceContext, 'actor'>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await visibleSuggestions({ ...ctx, db } as ServiceContext, db).select('s.id').where('s.id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function listSuggestions(ctx: ServiceContext, q: SuggestionListQuery) {
  let query = visibleSuggestions(ctx).where('s.status', '=', q.status);
  // An open suggestion whose person was merged away (in another merge) waits, hidden, until that is undone.
  if (q.status === 'open') query = query.where('pa.merged_into', 'is', null).where('pb.merged_into', 'is', null);
  const [rows, total] = await Promise.all([
    query.select(['s.id', 's.person_a', 's.person_b', 's.score', 's.reasons', 's.source', 's.status', 's.scored_at', 's.decided_at', 'pa.display_name as name_a', 'pb.display_name as name_b'])
      .orderBy('s.score', 'desc').orderBy('s.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, status: r.status, source: r.source, score: r.score, reasons: r.reasons as Reason[],
      a: { id: r.person_a, displayName: r.name_a }, b: { id: r.person_b, displayName: r.name_b },
      scoredAt: r.scored_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null,
    })),
    total: Number(total.n), limit: q.limit, offset: q.offset,
  };
}

async function personSide(ctx: ServiceContext, id: string) {
  const p = await ctx.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const numbers = openPersonNumbers(ctx.crypto, p);
  const [names, identifiers, cases] = await Promise.all([
    ctx.db.selectFrom('person_names').select(['name', 'kind', 'script']).where('person_id', '=', id).orderBy(sql`kind = 'primary'`, 'desc').orderBy('id').execute(),
    readPersonIdentifiers(ctx.db, id),
    ctx.db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id').select(['cases.id', 'cases.title', 'case_persons.role'])
      .where('case_persons.person_id', '=', id).where(caseVisibleTo(ctx.actor))
      .orderBy('cases.created_at').execute(),
  ]);
  return {
    id: p.id, displayName: p.display_name, gender: p.gender, dateOfBirth: p.date_of_birth ? String(p.date_of_birth).slice(0, 10) : null,
    estimatedAge: p.estimated_age, cnic: numbers.cnic, passport: numbers.passport, mergedInto: p.merged_into,
    names, identifiers: [...identifiers.phones, ...identifiers.identifiers].map((i) => ({ kind: i.kind, value: i.value, platform: i.platform })), cases: cases.map((c) => ({ caseId: c.id, title: c.title, role: c.role })),
  };
}

/** One suggestion: both persons side by side, the reasons field by field, and the merge if there is one. */
export async function getSuggestion(ctx: ServiceContext, id: string) {
  const s = await visibleSuggestions(ctx).selectAll('s').where('s.id', '=', id).executeTakeFirst();
  if (!s) throw notFound('suggestion');
  const merge = await ctx.db.selectFrom('person_merges').select(['id', 'kept_id', 'absorbed_id', 'merged_at', 'undone_at']).where('suggestion_id', '=', id).orderBy('merged_at', 'desc').executeTakeFirst();
  const [a, b] = await Promise.all([personSide(ctx, s.person_a), personSide(ctx, s.person_b)]);
  return {
    id: s.id, status: s.status, source: s.source, score: s.score, reasons: s.reasons as Reason[], threshold: DEFAULT_THRESHOLD,
    scoredAt: s.scored_at.toISOString(), decidedAt: s.decided_at?.toISOString() ?? null,
    a, b,
    merge: merge ? { id: merge.id, keptId: merge.kept_id, absorbedId: merge.absorbed_id, mergedAt: merge.merged_at.toISOString(), undoneAt: merge.undone_at?.toISOString() ?? null } : null,
  };
}
