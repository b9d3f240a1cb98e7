// Duplicate-person suggestions in the database: found when a person is recorded or edited (incrementally,
// against an in-memory index of every person, see below), by a batch over everyone (`amaan resolve --all`)
// and after a bundle import; listed with their reasons to whoever may see both persons; merged or rejected by
// an analyst (person.merge). The pure scoring lives in resolution-index.ts / score.ts; merging and undoing
// in merge.service.ts.
//
// The incremental index is kept per database handle in this process: built from the persons table on first
// use, then updated as persons are created, edited, merged and unmerged here. Persons written by another
// process reach it at its next start; the batch (`amaan resolve --all`) always reads everything.
import { sql } from 'kysely';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
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

/** The resolution records of persons (not merged away), read from the database; all of them without ids. */
export async function personRecords(ctx: AppContext, ids?: readonly string[]): Promise<ResolutionRecord[]> {
  if (ids && ids.length === 0) return [];
  let q = ctx.db.selectFrom('persons').select(['id', 'date_of_birth', 'cnic', 'passport', 'sealed', 'sealed_key_id']).where('merged_into', 'is', null);
  if (ids) q = q.where('id', 'in', [...ids]);
  const persons = await q.orderBy('created_at').orderBy('id').execute();
  if (persons.length === 0) return [];
  const wanted = persons.map((p) => p.id);
  const names = new Map<string, string[]>();
  const idents = new Map<string, { phones: string[]; handles: string[]; wallets: string[] }>();
  const districts = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const part = wanted.slice(i, i + 5000);
    for (const n of await ctx.db.selectFrom('person_names').select(['person_id', 'name']).where('person_id', 'in', part).orderBy('id').execute()) {
      const l = names.get(n.person_id);
      if (l) l.push(n.name); else names.set(n.person_id, [n.name]);
    }
    // Identifiers are entities linked from the person (uses / holds), on the person form or in a case.
    const held = await ctx.db.selectFrom('links').innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
      .select(['links.from_id as person_id', 'entities.kind', 'entities.key'])
      .where('links.from_type', '=', 'person').where('links.to_type', '=', 'entity').where('links.from_id', 'in', part)
      .where('entities.kind', 'in', ['phone', 'account', 'wallet']).orderBy('links.recorded_at').orderBy('links.id').execute();
    // The place: the district of the branch of the person's first case (supporting evidence, as the district
    // of `amaan resolve`; its weight comes from how many persons share it).
    const placed = await ctx.db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id').innerJoin('branches', 'branches.id', 'cases.branch_id')
      .select(['case_persons.person_id', 'branches.district']).where('case_persons.person_id', 'in', part)
      .orderBy('case_persons.added_at').orderBy('case_persons.case_id').execute();
    for (const x of placed) if (!districts.has(x.person_id)) districts.set(x.person_id, x.district);
    for (const x of held) {
      const e = idents.get(x.person_id) ?? { phones: [], handles: [], wallets: [] };
      idents.set(x.person_id, e);
      const list = x.kind === 'phone' ? e.phones : x.kind === 'account' ? e.handles : e.wallets;
      if (!list.includes(x.key)) list.push(x.key);
    }
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

const indexes = new WeakMap<Db, Promise<ResolutionIndex>>();

function safeAdd(index: ResolutionIndex, r: ResolutionRecord): void {
  try { index.add(r); } catch { /* a record the library cannot read (no usable name) is left out */ }
}

/** The incremental index of this database handle, built on first use. */
export function personIndex(ctx: AppContext): Promise<ResolutionIndex> {
  let p = indexes.get(ctx.db);
  if (!p) {
    p = personRecords(ctx).then((records) => {
      const index = new ResolutionIndex();
      for (const r of records) safeAdd(index, r);
      return index;
    });
    p.catch(() => indexes.delete(ctx.db));
    indexes.set(ctx.db, p);
  }
  return p;
}

/** Takes persons out of the index (merged away) or puts them back from the database (edited, unmerged). */
export async function refreshIndexed(ctx: AppContext, personIds: readonly string[]): Promise<void> {
  if (!indexes.has(ctx.db)) return; // built from the database when first needed
  const index = await personIndex(ctx);
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
  const pairs: Suggestion[] = [];
  for (const r of records) {
    try {
      pairs.push(...index.match(r, { threshold: DEFAULT_THRESHOLD, limit: PER_PERSON_LIMIT }));
    } catch { /* no usable name */ }
    safeAdd(index, r);
  }
  if (pairs.length === 0) return 0;
  return inTransaction(ctx, async (tx, audit) => {
    const stored = await storePairs(tx, pairs, source);
    await audit({ action: 'person.duplicates.suggest', entityType: 'person', entityId: personIds.length === 1 ? personIds[0]! : null, details: { source, persons: personIds.length, suggestions: stored } });
    return stored;
  });
}

/** The same, for the callers that must not fail because of it (person create and edit, bundle import). */
export async function suggestQuietly(ctx: ServiceContext, personIds: readonly string[], source: Source = 'incremental'): Promise<void> {
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
  indexes.set(ctx.db, Promise.resolve(index));
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
