import { boundedCount } from '../../platform/db/bounded-count.ts';
import { sql, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { COUNT_BOUND } from '../../platform/http/schema-kit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AccusedStatus, CasePersonRole, IdentifierKind } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/http/errors.ts';
import { firLabel } from '../cases/case.service.ts';
import { countryName } from './countries.ts';
import { detectScript, nameKey, nameKeyTokens, type Script } from './person.names.ts';
import { personVisibleTo, requirePersonAccess, seesEveryPerson, visiblePersonIds } from './person.scope.ts';
import type { CreatePersonInput, SearchPersonsQuery, UpdatePersonInput } from './person.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { suggestQuietly } from '../resolution/suggestion.service.ts';
import { randomUUID } from 'node:crypto';
import { entityKey } from '../entities/entity.keys.ts';
import { addPersonIdentifiers, clearPersonIdentifiers, identifierSearchKeys, personHasEntity, readPersonIdentifiers } from '../entities/person-identifiers.service.ts';
import { guardDecrypt } from '../../platform/crypto/sealed-fields.ts';
import { checkBirthDate } from '../cases/dates.rules.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { cnicIndexes, openPersonNumbers, passportIndexes, sealPersonNumbers, type PersonNumbers } from './person.sealed.ts';

type NameInput = { name: string; kind: 'alias' | 'variant'; script?: Script };
type IdentifierInput = { kind: Exclude<IdentifierKind, 'phone'>; value: string; platform?: string };

function checkBirth(dateOfBirth: string | null | undefined, estimatedAge: number | null | undefined) {
  if (dateOfBirth != null && estimatedAge != null) throw invalid('estimatedAge', 'give a date of birth or an estimated age, not both');
  if (dateOfBirth != null) {
    // The date rules (dates.rules.ts): not in the future, not before 1900.
    const refused = checkBirthDate(dateOfBirth);
    if (refused) throw invalid('dateOfBirth', refused);
  }
}

/**
 * A CNIC or passport number with only its last characters: the corrections list's plain `before`/`after`.
 * The full earlier and new values are sealed beside them (recordCorrections `sealed`), for readers allowed
 * to see identifiers in full (correction.service.ts).
 */
export const maskedNumber = (v: string | null) => (v === null ? null : `${'•'.repeat(Math.max(0, v.length - 3))}${v.slice(-3)}`);
const sealedFields = new Set(['cnic', 'passport']);

/** A person's correctable fields as the corrections list shows them. */
async function personSnapshot(tx: Tx, ctx: ServiceContext, id: string): Promise<Record<string, unknown>> {
  const p = await tx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const numbers = openPersonNumbers(ctx.crypto, p);
  const names = await tx.selectFrom('person_names').select(['name', 'kind']).where('person_id', '=', id).where('kind', '<>', 'primary').orderBy('id').execute();
  const ids = await readPersonIdentifiers(tx, id);
  return {
    displayName: p.display_name,
    names: names.map((n) => `${n.name} (${n.kind})`),
    gender: p.gender,
    dateOfBirth: p.date_of_birth,
    estimatedAge: p.estimated_age,
    nationality: p.nationality,
    cnic: numbers.cnic,
    passport: numbers.passport,
    phones: ids.phones.map((i) => i.value),
    identifiers: ids.identifiers.map((i) => `${i.kind}: ${i.value}${i.platform ? ` (${i.platform})` : ''}`),
    notes: p.notes,
  };
}

async function writeNames(tx: Tx, personId: string, names: NameInput[]) {
  const seen = new Set<string>();
  const rows = names
    .filter((n) => !seen.has(`${n.kind}:${n.name}`) && seen.add(`${n.kind}:${n.name}`))
    .map((n) => ({ person_id: personId, name: n.name, kind: n.kind, script: n.script ?? detectScript(n.name), name_key: nameKey(n.name) }));
  if (rows.length) await tx.insertInto('person_names').values(rows).execute();
}

// Phones and identifiers are entities linked to the person (src/modules/entities): the same value typed on
// another person, in a case or in a bundle is the same entity.
async function writeIdentifiers(tx: Tx, ctx: ServiceContext, personId: string, phones: string[], identifiers: IdentifierInput[]) {
  const uniquePhones = [...new Set(phones)];
  await addPersonIdentifiers(tx, ctx, personId, uniquePhones.map((value) => ({ kind: 'phone', value })), { field: (i) => `phones.${phones.indexOf(uniquePhones[i]!)}` });
  await addPersonIdentifiers(tx, ctx, personId, identifiers, { field: (i) => `identifiers.${i}.value` });
}

/** Records a person in the caller's transaction (used on its own and when linking a new person to a case). */
export async function insertPerson(tx: Tx, ctx: ServiceContext, input: CreatePersonInput): Promise<string> {
  checkBirth(input.dateOfBirth, input.estimatedAge);
  const id = randomUUID();
  const row = await tx
    .insertInto('persons')
    .values({
      id,
      display_name: input.displayName,
      gender: input.gender ?? null,
      date_of_birth: input.dateOfBirth ?? null,
      estimated_age: input.estimatedAge ?? null,
      nationality: input.nationality ?? null,
      // CNIC and passport encrypted, bound to this row, with blind indexes for exact look-ups.
      ...sealPersonNumbers(ctx.crypto, id, { cnic: input.cnic ?? null, passport: input.passport ?? null }),
      notes: input.notes,
      created_by: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('person_names').values({ person_id: row.id, name: input.displayName, kind: 'primary', script: detectScript(input.displayName), name_key: nameKey(input.displayName) }).execute();
  await writeNames(tx, row.id, input.names);
  await writeIdentifiers(tx, ctx, row.id, input.phones, input.identifiers);
  return row.id;
}

export async function createPerson(ctx: ServiceContext, input: CreatePersonInput): Promise<string> {
  const id = await inTransaction(ctx, async (tx, audit) => {
    const id = await insertPerson(tx, ctx, input);
    await audit({ action: 'person.create', entityType: 'person', entityId: id, details: { names: input.names.length + 1, phones: input.phones.length, identifiers: input.identifiers.length } });
    return id;
  });
  // Once committed, scored against everyone else: likely duplicates become suggestions for an analyst.
  await suggestQuietly(ctx, [id]);
  return id;
}

export async function updatePerson(ctx: ServiceContext, id: string, input: UpdatePersonInput): Promise<void> {
  await guardDecrypt(ctx, { type: 'person', id }, () => inTransaction(ctx, async (tx, audit) => {
    const current = await requirePersonAccess(tx, ctx.actor, id, { lock: true });
    const before = await personSnapshot(tx, ctx, id);
    checkBirth(
      input.dateOfBirth !== undefined ? input.dateOfBirth : current.date_of_birth,
      input.estimatedAge !== undefined ? input.estimatedAge : current.estimated_age,
    );
    const set: Record<string, unknown> = { updated_at: new Date() };
    const columns = { displayName: 'display_name', gender: 'gender', dateOfBirth: 'date_of_birth', estimatedAge: 'estimated_age', nationality: 'nationality', notes: 'notes' } as const;
    for (const [field, column] of Object.entries(columns)) {
      const v = input[field as keyof typeof columns];
      if (v !== undefined) set[column] = v;
    }
    if (input.cnic !== undefined || input.passport !== undefined) {
      const numbers = openPersonNumbers(ctx.crypto, current);
      Object.assign(set, sealPersonNumbers(ctx.crypto, id, {
        cnic: input.cnic !== undefined ? input.cnic : numbers.cnic,
        passport: input.passport !== undefined ? input.passport : numbers.passport,
      }));
    }
    await tx.updateTable('persons').set(set).where('id', '=', id).execute();
    if (input.displayName !== undefined) {
      await tx.updateTable('person_names').set({ name: input.displayName, script: detectScript(input.displayName), name_key: nameKey(input.displayName) }).where('person_id', '=', id).where('kind', '=', 'primary').execute();
    }
    if (input.names) {
      await tx.deleteFrom('person_names').where('person_id', '=', id).where('kind', '<>', 'primary').execute();
      await writeNames(tx, id, input.names);
    }
    if (input.phones) {
      await clearPersonIdentifiers(tx, id, 'phones');
      await writeIdentifiers(tx, ctx, id, input.phones, []);
    }
    if (input.identifiers) {
      await clearPersonIdentifiers(tx, id, 'others');
      await writeIdentifiers(tx, ctx, id, [], input.identifiers);
    }
    // The earlier values stay readable on the person's corrections list.
    const after = await personSnapshot(tx, ctx, id);
    const given = Object.fromEntries(Object.keys(input).filter((k) => input[k as keyof UpdatePersonInput] !== undefined).map((k) => [k, after[k]]));
    // CNIC and passport: the list keeps them masked, the full values sealed (never plaintext at rest).
    const changes = changesOf(before, given).map((c) => (sealedFields.has(c.field)
      ? { field: c.field, before: maskedNumber(c.before as string | null), after: maskedNumber(c.after as string | null), sealed: { before: c.before, after: c.after } }
      : c));
    await recordCorrections(tx, ctx, { kind: 'person', id, caseId: null }, changes);
    await audit({ action: 'person.update', entityType: 'person', entityId: id, details: { changed: Object.keys(input), corrections: changes.map((c) => c.field) } });
  }));
  await suggestQuietly(ctx, [id]);
}

/** `nameCap`: the most matching names gathered before a name counts as common (SEARCH_NAME_CAP; tests lower it). */
export async function searchPersons(ctx: ServiceContext, q: SearchPersonsQuery, nameCap = SEARCH_NAME_CAP) {
  return guardDecrypt(ctx, { type: 'person', id: null }, () => searchPersonsUnguarded(ctx, q, nameCap));
}

/** The most matching names a search gathers before it calls the name common (then it is driven otherwise). */
export const SEARCH_NAME_CAP = 10_000;

/** A name (any kind) that matches the search text: as infix text, or every word of the text starting a word of the name by key. */
function nameMatches(text: string) {
  const like = `%${escapeLike(text.toLowerCase())}%`;
  const keys = nameKeyTokens(text);
  return (n: ExpressionBuilder<DB, 'person_names'>) => {
    const byText = n(n.fn('lower', ['person_names.name']), 'like', like);
    // Every word of the query starts a word of the name, compared by spelling-tolerant key.
    if (!keys.length) return byText;
    const byKey = n.and(keys.map((k) => n(sql<string>`' ' || person_names.name_key`, 'like', `% ${escapeLike(k)}%`)));
    return n.or([byText, byKey]);
  };
}

/**
 * Person search. Which persons are found, their order (display name, id), pages and the bounded total are one
 * definition: persons not merged away, that the caller may see (person.scope.ts), with a name matching the text
 * (nameMatches) and the other filters. How they are read depends on the sizes of the two sides, each counted only
 * up to a bound (docs/benchmarks.md, s12-search), because at 5,000,000 persons no single plan is fast for both a
 * rare and a common name, nor for both a small and a large caseload:
 *   - a name borne by at most SEARCH_NAME_CAP names: from those names (read through the name indexes), each
 *     person then checked for the caller's access (a join with all the caller's persons instead was tried: for a
 *     supervisor PostgreSQL hashed every case-person link);
 *   - a common name: for someone who sees every person, persons in the page's order, each checked for the name,
 *     stopping at the page (persons_display_order); for anyone else, from the persons they may see.
 * Searches without a name text keep the single plan (numbers and identifiers are selective).
 */
async function searchPersonsUnguarded(ctx: ServiceContext, q: SearchPersonsQuery, nameCap: number) {
  // A person merged into another is found as that other person (its names moved there).
  let query = ctx.db.selectFrom('persons').where('persons.merged_into', 'is', null);
  // Exact look-ups by keyed blind index (under every loaded key, so a rotation in progress still finds all).
  if (q.cnic) query = query.where('persons.cnic_bidx', 'in', cnicIndexes(ctx.crypto, q.cnic));
  if (q.passport) query = query.where('persons.passport_bidx', 'in', passportIndexes(ctx.crypto, q.passport));
  const phone = q.phone;
  if (phone) {
    query = query.where(personHasEntity(ctx.actor, [{ kind: 'phone', key: phone }]));
  }
  if (q.handle) {
    // Normalised per kind (e-mail, account, IBAN, crypto address...); a bare handle or wallet number finds
    // platform:handle and provider:number too.
    const handle = q.handle.trim().replace(/^@+/, '').toLowerCase();
    const wallet = entityKey('phone', q.handle);
    query = query.where((eb) => eb.or([
      personHasEntity(ctx.actor, identifierSearchKeys(q.handle!), handle)(eb),
      ...(wallet.ok ? [personHasEntity(ctx.actor, [], wallet.key)(eb)] : []),
    ]));
  }
  const page = (found: typeof query, total: Promise<{ total: number; totalExact: boolean }>) => Promise.all([
    found
      .select(['persons.id', 'persons.display_name', 'persons.gender', 'persons.date_of_birth', 'persons.estimated_age', 'persons.nationality', 'persons.cnic', 'persons.passport', 'persons.sealed', 'persons.sealed_key_id', 'persons.updated_at'])
      .select((eb) => eb.selectFrom('person_names').select(sql<string[]>`array_agg(name ORDER BY id)`.as('n')).whereRef('person_names.person_id', '=', 'persons.id').where('kind', '<>', 'primary').as('other_names'))
      .orderBy('persons.display_name')
      .orderBy('persons.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    total,
  ]);
  const answer = ([rows, total]: Awaited<ReturnType<typeof page>>) =>
    ({ items: rows.map((r) => toSummary(r, openPersonNumbers(ctx.crypto, r))), ...total, limit: q.limit, offset: q.offset });

  const text = q.q;
  if (!text) {
    const found = query.where(personVisibleTo(ctx.actor));
    return answer(await page(found, boundedCount(ctx.db, found)));
  }
  const named = nameMatches(text);
  const hasName = (eb: ExpressionBuilder<DB, 'persons'>) =>
    eb.exists(eb.selectFrom('person_names').select(sql`1`.as('one')).whereRef('person_names.person_id', '=', 'persons.id').where(named));
  // The caller's own persons, gathered once and read by primary key (an InitPlan), each then checked for the name.
  const fromOwn = () => {
    const found = query.where(sql<SqlBool>`persons.id = ANY(ARRAY(${visiblePersonIds(ctx.db, ctx.actor)}))`).where(hasName);
    return page(found, boundedCount(ctx.db, found));
  };
  // The name side, up to the cap: when that is all of it, the search is driven from those names' persons, read by
  // primary key (the ids in an InitPlan: given as a value, PostgreSQL hashed them and scanned every person).
  const names = await ctx.db.selectFrom('person_names').select('person_names.person_id').where(named).limit(nameCap + 1).execute();
  if (names.length <= nameCap) {
    const ids = [...new Set(names.map((n) => n.person_id))];
    const found = query.where(sql<SqlBool>`persons.id = ANY(ARRAY(SELECT unnest(${ids}::uuid[])))`).where(personVisibleTo(ctx.actor));
    return answer(await page(found, boundedCount(ctx.db, found)));
  }
  if (!seesEveryPerson(ctx.actor)) return answer(await fromOwn());
  // A common name, seen by someone who sees every person: the page walks persons in its own order
  // (persons_display_order), each checked for the name, and stops at the page.
  const found = query.where(hasName);
  return answer(await page(found, commonNameCount(ctx, found, named)));
}

/**
 * The bounded total of a common name for someone who sees every person: the persons of the first 2 × COUNT_BOUND
 * matching names (read through the name indexes, stopping there) are usually more than the bound already; only
 * when they are not is every match counted (boundedCount, the single plan).
 */
async function commonNameCount(ctx: ServiceContext, found: SelectQueryBuilder<DB, 'persons', object>, named: ReturnType<typeof nameMatches>) {
  const firstNames = ctx.db.selectFrom('person_names').select('person_names.person_id').where(named).limit(2 * COUNT_BOUND);
  const some = await boundedCount(ctx.db, found.where('persons.id', 'in', firstNames));
  return some.totalExact ? boundedCount(ctx.db, found) : some;
}

type SummaryRow = { id: string; display_name: string; gender: 'female' | 'male' | 'other' | 'unknown' | null; date_of_birth: string | null; estimated_age: number | null; nationality: string | null; updated_at: Date; other_names?: string[] | null };
function toSummary(r: SummaryRow, numbers: PersonNumbers) {
  return {
    id: r.id,
    displayName: r.display_name,
    otherNames: r.other_names ?? [],
    gender: r.gender,
    dateOfBirth: r.date_of_birth,
    estimatedAge: r.estimated_age,
    nationality: r.nationality,
    cnic: numbers.cnic,
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function getPerson(ctx: ServiceContext, id: string) {
  return guardDecrypt(ctx, { type: 'person', id }, () => getPersonUnguarded(ctx, id));
}

async function getPersonUnguarded(ctx: ServiceContext, id: string) {
  const p = await requirePersonAccess(ctx.db, ctx.actor, id);
  const numbers = openPersonNumbers(ctx.crypto, p);
  const [names, identifiers, links] = await Promise.all([
    ctx.db.selectFrom('person_names').select(['id', 'name', 'script', 'kind']).where('person_id', '=', id).orderBy(sql`kind = 'primary'`, 'desc').orderBy('id').execute(),
    readPersonIdentifiers(ctx.db, id),
    ctx.db.selectFrom('case_persons').innerJoin('cases', 'cases.id', 'case_persons.case_id')
      .select(['cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year', 'case_persons.role', 'case_persons.accused_status', 'case_persons.foreign_warrant_requested'])
      .where('case_persons.person_id', '=', id).where(caseVisibleTo(ctx.actor))
      .orderBy('cases.created_at').orderBy('cases.id').orderBy('case_persons.added_at').execute(),
  ]);
  const cases = new Map<string, { caseId: string; title: string; firLabel: string | null; roles: CasePersonRole[]; accusedStatus: AccusedStatus | null; foreignWarrantRequested: boolean }>();
  for (const l of links) {
    const c = cases.get(l.id) ?? { caseId: l.id, title: l.title, firLabel: firLabel(l), roles: [], accusedStatus: null, foreignWarrantRequested: false };
    c.roles.push(l.role);
    c.accusedStatus ??= l.accused_status;
    c.foreignWarrantRequested ||= l.foreign_warrant_requested;
    cases.set(l.id, c);
  }
  return {
    ...toSummary({ ...p, other_names: names.filter((n) => n.kind !== 'primary').map((n) => n.name) }, numbers),
    nationalityName: countryName(p.nationality),
    passport: numbers.passport,
    notes: p.notes,
    names,
    phones: identifiers.phones.map((i) => i.value),
    phoneEntities: identifiers.phones.map((i) => ({ value: i.value, entityId: i.entityId })),
    identifiers: identifiers.identifiers,
    cases: [...cases.values()],
    createdAt: p.created_at.toISOString(),
  };
}
