import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction, nowOf } from '../../platform/context.ts';
import { refreshSafeguardingFlags } from './safeguarding.flags.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/http/errors.ts';
import { assertDate } from '../cases/case-dates.ts';
import { firLabel } from '../cases/case.service.ts';
import { nextPseudonym } from './pseudonym.ts';
import { allowedVictimSteps } from './victim.lifecycle.ts';
import { requireVictimAccess, victimVisibleTo } from './victim.scope.ts';
import { writeIdentity } from './victim.identity.ts';
import type { CreateVictimInput, ListVictimsQuery } from './victim.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { guardDecrypt } from '../../platform/crypto/sealed-fields.ts';
import { openFollowup, openPlacement } from './care.sealed.ts';
import { historyReason, recordCaseEvents } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A date something happened on: not in the future, not before the agency's earliest year (dates.rules.ts). */
export function notInFuture(ctx: Pick<ServiceContext, 'config'>, at: Date, field: string): Date {
  assertDate(ctx, field, at, { kind: 'happened' });
  return at;
}

export async function victimCaseEvent(tx: Tx, actor: Actor, caseIds: string[], text: { code: EventCode; params: EventParams }, at: Date) {
  if (!caseIds.length) return;
  await recordCaseEvents(tx, caseIds.map((caseId) => ({ caseId, kind: 'person' as const, text, occurredAt: at, actorId: actor.id })));
}

/** Registers a victim on a case: pseudonym, non-identifying fields, and the identity (encrypted) when given. */
export async function createVictim(ctx: ServiceContext, caseId: string, input: CreateVictimInput): Promise<string> {
  const identifiedAt = notInFuture(ctx, input.identifiedAt ? new Date(input.identifiedAt) : new Date(), 'identifiedAt');
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    const pseudonym = await nextPseudonym(tx);
    const row = await tx.insertInto('victims')
      .values({ pseudonym, gender: input.gender ?? null, age_at_identification: input.ageAtIdentification ?? null, state: 'identified', identified_at: identifiedAt, created_by: ctx.actor.id })
      .returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('case_victims').values({ case_id: caseId, victim_id: row.id }).execute();
    await tx.insertInto('victim_state_history').values({ victim_id: row.id, from_state: null, to_state: 'identified', ...historyReason('identified', {}), actor_id: ctx.actor.id, at: identifiedAt }).execute();
    const fields = input.identity ? await writeIdentity(tx, ctx, row.id, input.identity) : [];
    await victimCaseEvent(tx, ctx.actor, [caseId], { code: 'victimIdentified', params: { pseudonym } }, identifiedAt);
    await audit({ action: 'victim.create', entityType: 'victim', entityId: row.id, details: { caseId, pseudonym, identityFields: fields } });
    return row.id;
  });
}

/** Links a victim the caller may already see to another case the caller may see. */
export async function linkVictim(ctx: ServiceContext, caseId: string, victimId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    const { victim } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true, field: 'victimId' });
    const linked = await tx.selectFrom('case_victims').select('case_id').where('case_id', '=', caseId).where('victim_id', '=', victimId).executeTakeFirst();
    if (linked) throw conflict(`${victim.pseudonym} is already linked to this case`, 'victimId');
    await tx.insertInto('case_victims').values({ case_id: caseId, victim_id: victimId }).execute();
    await victimCaseEvent(tx, ctx.actor, [caseId], { code: 'victimLinked', params: { pseudonym: victim.pseudonym } }, new Date());
    // A further branch's supervisors learn of a rescued child still without an officer.
    await refreshSafeguardingFlags(tx, { victimIds: [victimId], now: nowOf(ctx) });
    await audit({ action: 'victim.link', entityType: 'victim', entityId: victimId, details: { caseId, pseudonym: victim.pseudonym } });
  });
}

/** The columns toSummary reads: the open placement, the next follow-up due, whether the reader is assigned. */
function withSummaryColumns(query: SelectQueryBuilder<DB, 'victims', object>, me: string) {
  return query
    .leftJoin('placements', (join) => join.onRef('placements.victim_id', '=', 'victims.id').on('placements.ended_at', 'is', null))
    .selectAll('victims')
    .select(['placements.kind as placement_kind', 'placements.facility as placement_facility', 'placements.started_at as placement_started_at', 'placements.id as placement_id', 'placements.sealed as placement_sealed', 'placements.sealed_key_id as placement_sealed_key_id'])
    .select((eb) => [
      eb.selectFrom('followups').select(sql<Date>`min(due_at)`.as('d')).whereRef('followups.victim_id', '=', 'victims.id').where('followups.done_at', 'is', null).as('next_due'),
      eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one')).whereRef('victim_assignments.victim_id', '=', 'victims.id').where('victim_assignments.user_id', '=', me)).as('assigned_to_me'),
    ]);
}

export async function listVictims(ctx: ServiceContext, q: ListVictimsQuery) {
  return guardDecrypt(ctx, { type: 'victim', id: null }, () => listVictimsUnguarded(ctx, q));
}

async function listVictimsUnguarded(ctx: ServiceContext, q: ListVictimsQuery) {
  const me = ctx.actor.id;
  if (q.caseId) await requireCaseAccess(ctx.db, ctx.actor, q.caseId);
  let query = ctx.db.selectFrom('victims').where(victimVisibleTo(ctx.actor));
  if (q.assigned === 'me') query = query.where((eb) => eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one')).whereRef('victim_assignments.victim_id', '=', 'victims.id').where('victim_assignments.user_id', '=', me)));
  if (q.state) query = query.where('victims.state', '=', q.state);
  const caseId = q.caseId;
  if (caseId) query = query.where((eb) => eb.exists(eb.selectFrom('case_victims').select(sql`1`.as('one')).whereRef('case_victims.victim_id', '=', 'victims.id').where('case_victims.case_id', '=', caseId)));
  if (q.q) query = query.where('victims.pseudonym', 'ilike', `%${escapeLike(q.q)}%`);
  const [rows, total] = await Promise.all([
    withSummaryColumns(query, me)
      .$if(q.assigned === 'me', (qb) => qb.orderBy(sql`next_due`, (ob) => ob.asc().nullsLast()))
      .orderBy('victims.pseudonym', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toSummary(ctx, r)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

/**
 * The summaries of the given victims that the actor may see (victimVisibleTo), masked as every victim read is
 * (toSummary: where a child is and what is due only for an assigned protection officer). For lists built
 * elsewhere, such as the dashboard's drill-down of children in care.
 */
export async function victimSummaries(ctx: ServiceContext, ids: readonly string[]) {
  if (!ids.length) return [];
  return guardDecrypt(ctx, { type: 'victim', id: null }, async () => {
    const me = ctx.actor.id;
    const rows = await withSummaryColumns(ctx.db.selectFrom('victims'), me)
      .where('victims.id', 'in', [...ids])
      .where(victimVisibleTo(ctx.actor))
      .execute();
    return rows.map((r) => toSummary(ctx, r));
  });
}

type VictimRow = {
  id: string; pseudonym: string; gender: 'female' | 'male' | 'other' | 'unknown' | null; age_at_identification: number | null; state: 'identified' | 'recovered' | 'placed' | 'closed';
  identified_at: Date; recovered_at: Date | null; placed_at: Date | null; closed_at: Date | null; created_at: Date;
  placement_kind: 'child_protection_bureau' | 'family' | 'shelter' | null; placement_facility: string | null; placement_started_at: Date | null;
  placement_id: string | null; placement_sealed: Uint8Array | null; placement_sealed_key_id: string | null;
  next_due: Date | string | null; assigned_to_me: unknown;
};

/** The current placement's facility, decrypted (for an assigned protection officer only). */
function placementFacility(ctx: ServiceContext, r: VictimRow): string | null {
  if (!r.placement_id) return null;
  return openPlacement(ctx.crypto, { id: r.placement_id, facility: r.placement_facility ?? '', notes: '', sealed: r.placement_sealed, sealed_key_id: r.placement_sealed_key_id }).facility;
}

function toSummary(ctx: ServiceContext, r: VictimRow) {
  // Care details (where the child is, what is due) only for an assigned protection officer.
  const mine = ctx.actor.role === 'protection_officer' && Boolean(r.assigned_to_me);
  return {
    id: r.id,
    pseudonym: r.pseudonym,
    gender: r.gender,
    ageAtIdentification: r.age_at_identification,
    state: r.state,
    identifiedAt: r.identified_at.toISOString(),
    recoveredAt: iso(r.recovered_at),
    placedAt: iso(r.placed_at),
    closedAt: iso(r.closed_at),
    currentPlacement: r.placement_kind && r.placement_started_at ? { kind: r.placement_kind, startedAt: r.placement_started_at.toISOString(), facility: mine ? placementFacility(ctx, r) : null } : null,
    nextFollowupDue: mine && r.next_due ? new Date(r.next_due).toISOString() : null,
    assignedToMe: mine,
  };
}

export async function getVictim(ctx: ServiceContext, id: string) {
  return guardDecrypt(ctx, { type: 'victim', id }, () => getVictimUnguarded(ctx, id));
}

async function getVictimUnguarded(ctx: ServiceContext, id: string) {
  const { standing } = await requireVictimAccess(ctx.db, ctx.actor, id);
  const r = await ctx.db.selectFrom('victims')
    .leftJoin('placements', (join) => join.onRef('placements.victim_id', '=', 'victims.id').on('placements.ended_at', 'is', null))
    .selectAll('victims')
    .select(['placements.kind as placement_kind', 'placements.facility as placement_facility', 'placements.started_at as placement_started_at', 'placements.id as placement_id', 'placements.sealed as placement_sealed', 'placements.sealed_key_id as placement_sealed_key_id'])
    .select((eb) => [
      eb.selectFrom('followups').select(sql<Date>`min(due_at)`.as('d')).whereRef('followups.victim_id', '=', 'victims.id').where('followups.done_at', 'is', null).as('next_due'),
      eb.exists(eb.selectFrom('victim_identities').select(sql`1`.as('one')).whereRef('victim_identities.victim_id', '=', 'victims.id')).as('has_identity'),
    ])
    .where('victims.id', '=', id).executeTakeFirstOrThrow();
  const [cases, officers, history, placements, followups] = await Promise.all([
    ctx.db.selectFrom('case_victims').innerJoin('cases', 'cases.id', 'case_victims.case_id').select(['cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year'])
      .where('case_victims.victim_id', '=', id).where(caseVisibleTo(ctx.actor)).orderBy('case_victims.added_at').execute(),
    ctx.db.selectFrom('victim_assignments').innerJoin('users', 'users.id', 'victim_assignments.user_id').select(['users.id', 'users.display_name'])
      .where('victim_assignments.victim_id', '=', id).orderBy('victim_assignments.assigned_at').execute(),
    ctx.db.selectFrom('victim_state_history').leftJoin('users', 'users.id', 'victim_state_history.actor_id')
      .select(['from_state', 'to_state', 'reason', 'victim_state_history.code', 'victim_state_history.params', 'users.display_name', 'at']).where('victim_id', '=', id).orderBy('victim_state_history.id').execute(),
    standing.assigned ? ctx.db.selectFrom('placements').selectAll().where('victim_id', '=', id).orderBy('started_at').orderBy('id').execute() : [],
    standing.assigned ? ctx.db.selectFrom('followups').selectAll().where('victim_id', '=', id).orderBy('due_at').orderBy('id').execute() : [],
  ]);
  return {
    ...toSummary(ctx, { ...r, assigned_to_me: standing.assigned }),
    cases: cases.map((c) => ({ caseId: c.id, title: c.title, firLabel: firLabel(c) })),
    assignedOfficers: officers.map((o) => ({ userId: o.id, displayName: o.display_name })),
    hasIdentity: Boolean(r.has_identity),
    allowedNextStates: allowedVictimSteps(r.state, standing, r.placement_kind !== null),
    history: history.map((h) => ({ from: h.from_state, to: h.to_state, reason: h.reason, code: h.code, params: h.params, actor: h.display_name, at: h.at.toISOString() })),
    care: standing.assigned
      ? {
          placements: placements.map((p) => ({ id: p.id, kind: p.kind, ...openPlacement(ctx.crypto, p), startedAt: p.started_at.toISOString(), endedAt: iso(p.ended_at) })),
          followups: followups.map((f) => ({ id: f.id, kind: f.kind, dueAt: f.due_at.toISOString(), doneAt: iso(f.done_at), notes: openFollowup(ctx.crypto, f).notes })),
        }
      : null,
    createdAt: r.created_at.toISOString(),
  };
}
