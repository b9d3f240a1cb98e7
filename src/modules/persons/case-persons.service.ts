import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireCaseAccess } from '../../platform/access/case-scope.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AccusedStatus, CasePersonRole } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { allowedAccusedSteps, checkAccusedTransition, isAccusedRole } from './accused.rules.ts';
import { findAccused, recordArrest, setAccusedStatus } from './accused.service.ts';
import { requirePersonAccess } from './person.scope.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { dateMessages } from '../cases/dates.rules.ts';
import { insertPerson } from './person.service.ts';
import { setForeignRequest } from '../warrants/warrant.service.ts';
import { suggestQuietly } from '../resolution/suggestion.service.ts';
import type { AccusedStatusInput, LinkPersonInput } from './person.schema.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';

// Persons on a case: their roles, and for the accused the custody and court status with its history.
const CLOCK_SKEW_MS = 5 * 60_000;
const label = (s: string) => s.replace(/_/g, ' ');

async function caseEvent(tx: Tx, actor: Actor, caseId: string, text: { code: EventCode; params: EventParams }, at: Date) {
  await recordCaseEvent(tx, { caseId, kind: 'person', text, occurredAt: at, actorId: actor.id });
  await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
}

export async function linkPerson(ctx: ServiceContext, caseId: string, input: LinkPersonInput): Promise<string> {
  if ((input.personId === undefined) === (input.person === undefined)) throw invalid('personId', 'give either personId or person');
  if (input.foreignWarrantRequested !== undefined && !isAccusedRole(input.role)) throw invalid('foreignWarrantRequested', 'only for an accused role');
  const personId = await linkPersonInTransaction(ctx, caseId, input);
  // A person recorded here is scored against everyone else once committed (duplicate suggestions).
  if (input.person) await suggestQuietly(ctx, [personId]);
  return personId;
}

async function linkPersonInTransaction(ctx: ServiceContext, caseId: string, input: LinkPersonInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    // Case first, then the person, then their links: the order every writer of a case takes its locks in.
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const personId = input.personId
      ? (await requirePersonAccess(tx, ctx.actor, input.personId, { lock: true, field: 'personId' })).id
      : await insertPerson(tx, ctx, input.person!);
    const dup = await tx.selectFrom('case_persons').select('role').where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', input.role).executeTakeFirst();
    if (dup) throw conflict(`this person is already linked to the case as ${label(input.role)}`, 'role');
    const person = await tx.selectFrom('persons').select('display_name').where('id', '=', personId).executeTakeFirstOrThrow();
    const now = new Date();
    let status: AccusedStatus | null = null;
    if (isAccusedRole(input.role)) {
      // One status per accused person per case: a second accused role takes the status already held.
      const held = (await findAccused(tx, caseId, [personId], { lock: true })).get(personId);
      status = held?.status ?? 'at_large';
      if (!held) {
        await tx.insertInto('accused_status_history').values({ case_id: caseId, person_id: personId, from_status: null, to_status: status, reason: `linked to the case as ${label(input.role)}`, actor_id: ctx.actor.id, at: now }).execute();
      }
    }
    await tx.insertInto('case_persons').values({ case_id: caseId, person_id: personId, role: input.role, accused_status: status, added_at: now }).execute();
    if (input.foreignWarrantRequested !== undefined) await setForeignRequest(tx, ctx.actor, caseId, personId, input.foreignWarrantRequested);
    await caseEvent(tx, ctx.actor, caseId, { code: 'personAdded', params: { person: person.display_name, role: input.role } }, now);
    await audit({ action: 'case.person.link', entityType: 'case', entityId: caseId, details: { personId, role: input.role, newPerson: !input.personId } });
    return personId;
  });
}

async function requireAccused(tx: Tx, caseId: string, personId: string) {
  const accused = (await findAccused(tx, caseId, [personId], { lock: true })).get(personId);
  if (!accused) throw notFound('accused person on this case');
  return accused;
}

export async function changeAccusedStatus(ctx: ServiceContext, caseId: string, personId: string, input: AccusedStatusInput): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    // Locked before the status is read: two changes of one person's status cannot both start from it.
    const accused = await requireAccused(tx, caseId, personId);
    const check = checkAccusedTransition(accused.status, input.to, ctx.actor.role);
    if (!check.ok) throw new AppError('illegal_transition', check.reason, [{ field: 'to', message: check.reason }]);
    if (input.place !== undefined && input.to !== 'arrested') throw invalid('place', 'only given with an arrest');
    const at = input.at ? new Date(input.at) : new Date();
    if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw invalid('at', dateMessages.future);
    await assertCaseEventDate(ctx, tx, caseId, 'at', at);
    // Linking someone records "at large" at link time; real status changes keep their own order.
    const last = await tx.selectFrom('accused_status_history').select('at').where('case_id', '=', caseId).where('person_id', '=', personId)
      .where('from_status', 'is not', null).orderBy('at', 'desc').limit(1).executeTakeFirst();
    if (last && at < last.at) throw invalid('at', dateMessages.beforePrevious);
    let arrestId: string | undefined;
    if (input.to === 'arrested') {
      arrestId = await recordArrest(tx, ctx.actor, { caseId, personId, operationId: null, arrestedAt: at, place: input.place ?? '', reason: input.reason });
    } else {
      await setAccusedStatus(tx, ctx.actor, { caseId, personId, from: accused.status, to: input.to, reason: input.reason, at });
    }
    await caseEvent(tx, ctx.actor, caseId, { code: 'accusedStep', params: { person: accused.displayName, from: accused.status ?? 'at_large', to: input.to, reason: input.reason } }, at);
    await audit({ action: 'case.person.status', entityType: 'person', entityId: personId, details: { caseId, from: accused.status, to: input.to, reason: input.reason, arrestId } });
  });
}

export async function setForeignWarrant(ctx: ServiceContext, caseId: string, personId: string, input: { foreignWarrantRequested: boolean; reason: string }): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const accused = await requireAccused(tx, caseId, personId);
    // Written as warrants (src/modules/warrants): the flag follows them.
    await setForeignRequest(tx, ctx.actor, caseId, personId, input.foreignWarrantRequested);
    const code = input.foreignWarrantRequested ? 'foreignWarrantRequested' : 'foreignWarrantWithdrawn';
    await caseEvent(tx, ctx.actor, caseId, { code, params: { person: accused.displayName, reason: input.reason } }, new Date());
    await audit({ action: 'case.person.warrant', entityType: 'person', entityId: personId, details: { caseId, requested: input.foreignWarrantRequested, reason: input.reason } });
  });
}

/** The case page's "persons and roles": every linked person with roles and status, and the victims by pseudonym. */
export async function listCasePersons(ctx: ServiceContext, caseId: string) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  const [links, history, victims] = await Promise.all([
    ctx.db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id')
      .select(['persons.id', 'persons.display_name', 'case_persons.role', 'case_persons.accused_status', 'case_persons.foreign_warrant_requested'])
      .where('case_persons.case_id', '=', caseId).orderBy('case_persons.added_at').orderBy('persons.id').execute(),
    ctx.db.selectFrom('accused_status_history').leftJoin('users', 'users.id', 'accused_status_history.actor_id')
      .select(['accused_status_history.person_id', 'from_status', 'to_status', 'reason', 'users.display_name', 'at'])
      .where('case_id', '=', caseId).orderBy('accused_status_history.id').execute(),
    ctx.db.selectFrom('case_victims').innerJoin('victims', 'victims.id', 'case_victims.victim_id')
      .select(['victims.id', 'victims.pseudonym', 'victims.state', 'victims.gender', 'victims.age_at_identification'])
      .where('case_victims.case_id', '=', caseId).orderBy('victims.pseudonym').execute(),
  ]);
  type Entry = { personId: string; displayName: string; roles: CasePersonRole[]; accused: boolean; accusedStatus: AccusedStatus | null; foreignWarrantRequested: boolean };
  const persons = new Map<string, Entry>();
  for (const l of links) {
    const e = persons.get(l.id) ?? { personId: l.id, displayName: l.display_name, roles: [], accused: false, accusedStatus: null, foreignWarrantRequested: false };
    e.roles.push(l.role);
    if (isAccusedRole(l.role)) {
      e.accused = true;
      e.accusedStatus ??= l.accused_status;
      e.foreignWarrantRequested ||= l.foreign_warrant_requested;
    }
    persons.set(l.id, e);
  }
  return {
    persons: [...persons.values()].map((e) => ({
      ...e,
      allowedNextStatuses: e.accused ? allowedAccusedSteps(e.accusedStatus, ctx.actor.role) : [],
      statusHistory: history.filter((h) => h.person_id === e.personId).map((h) => ({ from: h.from_status, to: h.to_status, reason: h.reason, actor: h.display_name, at: h.at.toISOString() })),
    })),
    victims: victims.map((v) => ({ id: v.id, pseudonym: v.pseudonym, state: v.state, gender: v.gender, ageAtIdentification: v.age_at_identification })),
  };
}
