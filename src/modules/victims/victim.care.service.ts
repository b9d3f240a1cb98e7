import type { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction, nowOf } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { SafeguardingState } from '../../platform/db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import { checkVictimTransition, stateTimestamp } from './victim.lifecycle.ts';
import { requireVictimAccess } from './victim.scope.ts';
import { randomUUID } from 'node:crypto';
import { sealFollowup, sealPlacement } from './care.sealed.ts';
import { notInFuture, victimCaseEvent } from './victim.service.ts';
import { refreshSafeguardingFlags } from './safeguarding.flags.ts';
import { assertDate } from '../cases/case-dates.ts';
import type { followupBody, followupDoneBody, placementBody, transitionBody } from './victim.schema.ts';
import { historyReason, officerReason } from '../cases/case-events.ts';

// Safeguarding: who looks after the child (assignments, by the supervisor of a branch with one of the
// victim's cases), the state machine, placements and follow-ups (written by the assigned protection officer).

/** Every case of the victim: each case timeline shows the step, by pseudonym. */
async function caseIdsOf(tx: Tx, victimId: string): Promise<string[]> {
  return (await tx.selectFrom('case_victims').select('case_id').where('victim_id', '=', victimId).execute()).map((r) => r.case_id);
}

export async function assignOfficer(ctx: ServiceContext, victimId: string, userId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const { victim, standing } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true });
    if (ctx.actor.role !== 'supervisor' || !standing.onCase) throw forbidden('only the supervisor of a branch with this victim\'s case assigns protection officers');
    const user = await tx.selectFrom('users').select(['id', 'role', 'disabled', 'display_name']).where('id', '=', userId).executeTakeFirst();
    if (!user || user.disabled || user.role !== 'protection_officer') throw invalid('userId', 'not an active protection officer');
    const already = await tx.selectFrom('victim_assignments').select('user_id').where('victim_id', '=', victimId).where('user_id', '=', userId).executeTakeFirst();
    if (already) throw conflict(`${user.display_name} is already assigned to ${victim.pseudonym}`, 'userId');
    await tx.insertInto('victim_assignments').values({ victim_id: victimId, user_id: userId }).execute();
    // The supervisors' "no protection officer" flag is resolved.
    await refreshSafeguardingFlags(tx, { victimIds: [victimId], now: nowOf(ctx) });
    await audit({ action: 'victim.assign', entityType: 'victim', entityId: victimId, details: { userId } });
  });
}

export async function unassignOfficer(ctx: ServiceContext, victimId: string, userId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const { standing } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true });
    if (ctx.actor.role !== 'supervisor' || !standing.onCase) throw forbidden('only the supervisor of a branch with this victim\'s case assigns protection officers');
    const gone = await tx.deleteFrom('victim_assignments').where('victim_id', '=', victimId).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (!gone) throw notFound('assignment');
    // The last officer gone: the child is flagged to the branch supervisors again.
    await refreshSafeguardingFlags(tx, { victimIds: [victimId], now: nowOf(ctx) });
    await audit({ action: 'victim.unassign', entityType: 'victim', entityId: victimId, details: { userId } });
  });
}

/** Moves the state and stamps its time; the caller has checked the move. */
async function moveState(tx: Tx, ctx: ServiceContext, victim: { id: string; pseudonym: string; state: SafeguardingState }, to: SafeguardingState, reason: { reason: string; code: string | null; params: string | null }, at: Date) {
  const set: { state: SafeguardingState; recovered_at?: Date; placed_at?: Date; closed_at?: Date } = { state: to };
  if (to !== 'identified') set[stateTimestamp[to]] = at;
  await tx.updateTable('victims').set(set).where('id', '=', victim.id).execute();
  await tx.insertInto('victim_state_history').values({ victim_id: victim.id, from_state: victim.state, to_state: to, ...reason, actor_id: ctx.actor.id, at }).execute();
  if (to === 'closed') await tx.updateTable('placements').set({ ended_at: at }).where('victim_id', '=', victim.id).where('ended_at', 'is', null).execute();
  await victimCaseEvent(tx, ctx.actor, await caseIdsOf(tx, victim.id), { code: 'victimStep', params: { pseudonym: victim.pseudonym, from: victim.state, to } }, at);
}

async function lastStepAt(tx: Tx, victimId: string): Promise<Date | null> {
  const last = await tx.selectFrom('victim_state_history').select('at').where('victim_id', '=', victimId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.at ?? null;
}

export async function transitionVictim(ctx: ServiceContext, victimId: string, input: z.infer<typeof transitionBody>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const { victim, standing } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true });
    if (!['investigator', 'supervisor', 'protection_officer'].includes(ctx.actor.role)) throw forbidden('your role does not move safeguarding states');
    const open = await tx.selectFrom('placements').select('id').where('victim_id', '=', victimId).where('ended_at', 'is', null).executeTakeFirst();
    const check = checkVictimTransition(victim.state, input.to, standing, Boolean(open));
    if (!check.ok) throw new AppError('illegal_transition', check.reason, [{ field: 'to', message: check.reason }]);
    const at = notInFuture(ctx, input.at ? new Date(input.at) : new Date(), 'at');
    const last = await lastStepAt(tx, victimId);
    if (last && at < last) throw invalid('at', 'is before the previous safeguarding step');
    await moveState(tx, ctx, victim, input.to, officerReason(input.reason), at);
    // Recovered: flagged until an officer is assigned; closed: the flags end.
    await refreshSafeguardingFlags(tx, { victimIds: [victimId], now: nowOf(ctx) });
    await audit({ action: 'victim.transition', entityType: 'victim', entityId: victimId, details: { from: victim.state, to: input.to, reason: input.reason } });
  });
}

/** Care records are written by an assigned protection officer only. */
async function requireAssigned(tx: Tx, ctx: ServiceContext, victimId: string) {
  const { victim, standing } = await requireVictimAccess(tx, ctx.actor, victimId, { lock: true });
  if (!standing.assigned) throw notFound('victim');
  return victim;
}

export async function addPlacement(ctx: ServiceContext, victimId: string, input: z.infer<typeof placementBody>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const victim = await requireAssigned(tx, ctx, victimId);
    if (victim.state === 'identified') throw new AppError('illegal_transition', 'the child must be recovered before a placement', [{ field: 'kind', message: 'victim not recovered yet' }]);
    if (victim.state === 'closed') throw new AppError('illegal_transition', 'the safeguarding record is closed', [{ field: 'kind', message: 'record closed' }]);
    const startedAt = notInFuture(ctx, input.startedAt ? new Date(input.startedAt) : new Date(), 'startedAt');
    const open = await tx.selectFrom('placements').select(['id', 'started_at']).where('victim_id', '=', victimId).where('ended_at', 'is', null).forUpdate().executeTakeFirst();
    if (open && startedAt < open.started_at) throw invalid('startedAt', 'is before the current placement started');
    if (!open && victim.recovered_at && startedAt < victim.recovered_at) throw invalid('startedAt', 'is before the child was recovered');
    // A new placement ends the one before it.
    if (open) await tx.updateTable('placements').set({ ended_at: startedAt }).where('id', '=', open.id).execute();
    const placementId = randomUUID();
    const row = await tx.insertInto('placements').values({ id: placementId, victim_id: victimId, kind: input.kind, ...sealPlacement(ctx.crypto, placementId, { facility: input.facility, notes: input.notes ?? '' }), started_at: startedAt, created_by: ctx.actor.id }).returning('id').executeTakeFirstOrThrow();
    if (victim.state === 'recovered') await moveState(tx, ctx, victim, 'placed', historyReason('placed', { placement: input.kind }), startedAt);
    await audit({ action: 'victim.placement.add', entityType: 'victim', entityId: victimId, details: { placementId: row.id, kind: input.kind, endedPlacementId: open?.id ?? null } });
  });
}

export async function addFollowup(ctx: ServiceContext, victimId: string, input: z.infer<typeof followupBody>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const victim = await requireAssigned(tx, ctx, victimId);
    if (victim.state === 'closed') throw new AppError('illegal_transition', 'the safeguarding record is closed', [{ field: 'dueAt', message: 'record closed' }]);
    assertDate(ctx, 'dueAt', new Date(input.dueAt), { kind: 'scheduled', maxYearsAhead: 5 });
    const followupId = randomUUID();
    const row = await tx.insertInto('followups').values({ id: followupId, victim_id: victimId, kind: input.kind, due_at: new Date(input.dueAt), ...sealFollowup(ctx.crypto, followupId, { notes: input.notes ?? '' }), created_by: ctx.actor.id }).returning('id').executeTakeFirstOrThrow();
    await audit({ action: 'victim.followup.add', entityType: 'victim', entityId: victimId, details: { followupId: row.id, kind: input.kind, dueAt: input.dueAt } });
  });
}

export async function completeFollowup(ctx: ServiceContext, victimId: string, followupId: string, input: z.infer<typeof followupDoneBody>): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    await requireAssigned(tx, ctx, victimId);
    const f = await tx.selectFrom('followups').select(['id', 'done_at']).where('id', '=', followupId).where('victim_id', '=', victimId).forUpdate().executeTakeFirst();
    if (!f) throw notFound('follow-up');
    if (f.done_at) throw conflict('this follow-up is already done');
    const doneAt = notInFuture(ctx, input.doneAt ? new Date(input.doneAt) : new Date(), 'doneAt');
    await tx.updateTable('followups').set({ done_at: doneAt, ...(input.notes !== undefined ? sealFollowup(ctx.crypto, followupId, { notes: input.notes }) : {}) }).where('id', '=', followupId).execute();
    await refreshSafeguardingFlags(tx, { victimIds: [victimId], now: nowOf(ctx) });
    await audit({ action: 'victim.followup.done', entityType: 'victim', entityId: victimId, details: { followupId } });
  });
}
