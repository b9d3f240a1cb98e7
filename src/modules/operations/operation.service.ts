import { sql, type ExpressionBuilder } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction, nowOf } from '../../platform/context.ts';
import { refreshSafeguardingFlags } from '../victims/safeguarding.flags.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { can } from '../../platform/access/permissions.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB, OperationStatus } from '../../platform/db/schema.ts';
import { changesOf, recordCorrections } from '../corrections/correction.service.ts';
import { operationVisibleTo } from './operation.scope.ts';
import { checkNewEvidence, insertEvidenceItem, isBranchSupervisor } from '../evidence/evidence.service.ts';
import { checkAccusedMove } from '../persons/accused.rules.ts';
import { findAccused, recordArrest } from '../persons/accused.service.ts';
import { allowedOperationActions, checkExecutionTime, checkOperationTransition, executeBlockedReason } from './operation.lifecycle.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { MAX_YEARS_AHEAD } from '../cases/dates.rules.ts';
import type { ApproveOperationInput, ExecuteOperationInput, ListOperationsQuery, PlanOperationInput, UpdateOperationInput } from './operation.schema.ts';
import { historyReason, recordCaseEvent } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Cases in these statuses are closed: no new operations. */
const closedCaseStatuses = new Set(['inquiry_closed', 'cancelled_or_discharged']);

async function caseEvent(tx: Tx, actor: Actor, caseId: string, text: { code: EventCode; params: EventParams }, at: Date = new Date()) {
  await recordCaseEvent(tx, { caseId, kind: 'operation', text, occurredAt: at, actorId: actor.id });
  await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
}

/**
 * The operation locked for a change, with its case's branch; 404 unless the actor may see the case. Locks in
 * the order every writer of a case uses: the case row first, then the operation (its state is read only
 * after both are held), later the accused and victims it touches, the audit chain last.
 */
async function lockVisibleOperation(tx: Tx, actor: Actor, id: string) {
  const visible = await tx
    .selectFrom('operations')
    .innerJoin('cases', 'cases.id', 'operations.case_id')
    .select(['operations.id', 'cases.id as case_id', 'cases.branch_id'])
    .where('operations.id', '=', id)
    .where(caseVisibleTo(actor))
    .executeTakeFirst();
  if (!visible) throw notFound('operation');
  await requireCaseAccess(tx, actor, visible.case_id, { lock: true });
  const op = await tx.selectFrom('operations').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
  return { op, branchId: visible.branch_id };
}

/** Officers taking part: active users of the case's branch whose role works operations. */
async function writeOfficers(tx: Tx, operationId: string, branchId: number, officerIds: string[]) {
  if (officerIds.length) {
    const users = await tx.selectFrom('users').select(['id', 'role', 'branch_id', 'disabled']).where('id', 'in', officerIds).execute();
    officerIds.forEach((uid, i) => {
      const u = users.find((x) => x.id === uid);
      if (!u || u.disabled || !can(u.role, 'operation.write') || u.branch_id !== branchId) {
        throw invalid(`officerIds.${i}`, 'not an officer of the case branch');
      }
    });
  }
  await tx.deleteFrom('operation_officers').where('operation_id', '=', operationId).execute();
  if (officerIds.length) await tx.insertInto('operation_officers').values(officerIds.map((user_id) => ({ operation_id: operationId, user_id }))).execute();
}

/** The cases an operation serves: its own and the further ones, each one the actor may see (404 naming the field otherwise). */
async function writeServedCases(tx: Tx, actor: Actor, operationId: string, ownCaseId: string, caseIds: string[]) {
  for (const [i, cid] of caseIds.entries()) {
    if (cid === ownCaseId) throw invalid(`caseIds.${i}`, 'the operation\'s own case is served anyway');
    const visible = await tx.selectFrom('cases').select('id').where('id', '=', cid).where(caseVisibleTo(actor)).executeTakeFirst();
    if (!visible) throw invalid(`caseIds.${i}`, 'no such case you may see');
  }
  await tx.deleteFrom('operation_cases').where('operation_id', '=', operationId).execute();
  await tx.insertInto('operation_cases').values([ownCaseId, ...caseIds].map((case_id) => ({ operation_id: operationId, case_id }))).execute();
}

async function officerIdsOf(db: Db | Tx, operationId: string): Promise<string[]> {
  return (await db.selectFrom('operation_officers').select('user_id').where('operation_id', '=', operationId).orderBy('user_id').execute()).map((r) => r.user_id);
}

async function servedCaseIdsOf(db: Db | Tx, operationId: string, ownCaseId: string): Promise<string[]> {
  return (await db.selectFrom('operation_cases').select('case_id').where('operation_id', '=', operationId).where('case_id', '<>', ownCaseId).orderBy('case_id').execute()).map((r) => r.case_id);
}

function assertStep(from: OperationStatus, to: OperationStatus) {
  const check = checkOperationTransition(from, to);
  if (!check.ok) throw new AppError('illegal_transition', check.reason, [{ field: 'status', message: check.reason }]);
}

export async function planOperation(ctx: ServiceContext, caseId: string, input: PlanOperationInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    // Locked, so a case being closed at this moment cannot get a new operation.
    const c = await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    if (closedCaseStatuses.has(c.status)) throw conflict(`the case is closed (${c.status}); no new operations`);
    await assertCaseEventDate(ctx, tx, caseId, 'plannedFor', new Date(input.plannedFor), { kind: 'scheduled', maxYearsAhead: MAX_YEARS_AHEAD.operation });
    const row = await tx
      .insertInto('operations')
      .values({ case_id: caseId, name: input.name, status: 'planned', planned_for: new Date(input.plannedFor), place: input.place, agencies: input.agencies, notes: input.notes, created_by: ctx.actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeOfficers(tx, row.id, c.branch_id, input.officerIds);
    await writeServedCases(tx, ctx.actor, row.id, caseId, input.caseIds);
    await caseEvent(tx, ctx.actor, caseId, { code: 'operationPlanned', params: { name: input.name, at: new Date(input.plannedFor).toISOString(), place: input.place } });
    await audit({ action: 'operation.plan', entityType: 'operation', entityId: row.id, details: { caseId, name: input.name, plannedFor: input.plannedFor, place: input.place, agencies: input.agencies } });
    return row.id;
  });
}

export async function updateOperation(ctx: ServiceContext, id: string, input: UpdateOperationInput): Promise<void> {
  const changed = Object.keys(input).filter((k) => input[k as keyof UpdateOperationInput] !== undefined);
  if (!changed.length) throw invalid('body', 'nothing to change');
  await inTransaction(ctx, async (tx, audit) => {
    const { op, branchId } = await lockVisibleOperation(tx, ctx.actor, id);
    if (op.status !== 'planned') throw new AppError('illegal_transition', `a ${op.status} operation can no longer be edited; cancel it and plan anew`, [{ field: 'status', message: 'not planned' }]);
    const beforeOfficers = await officerIdsOf(tx, id);
    const beforeCases = await servedCaseIdsOf(tx, id, op.case_id);
    if (input.plannedFor !== undefined) await assertCaseEventDate(ctx, tx, op.case_id, 'plannedFor', new Date(input.plannedFor), { kind: 'scheduled', maxYearsAhead: MAX_YEARS_AHEAD.operation });
    await tx
      .updateTable('operations')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.plannedFor !== undefined ? { planned_for: new Date(input.plannedFor) } : {}),
        ...(input.place !== undefined ? { place: input.place } : {}),
        ...(input.agencies !== undefined ? { agencies: input.agencies } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (input.officerIds !== undefined) await writeOfficers(tx, id, branchId, input.officerIds);
    if (input.caseIds !== undefined) await writeServedCases(tx, ctx.actor, id, op.case_id, input.caseIds);
    // The earlier values stay readable on the case's corrections list.
    const changes = changesOf(
      { name: op.name, plannedFor: op.planned_for, place: op.place, agencies: op.agencies, notes: op.notes, officerIds: beforeOfficers, caseIds: beforeCases },
      { ...input, plannedFor: input.plannedFor !== undefined ? new Date(input.plannedFor) : undefined, officerIds: input.officerIds ? [...input.officerIds].sort() : undefined, caseIds: input.caseIds ? [...input.caseIds].sort() : undefined },
    );
    await recordCorrections(tx, ctx, { kind: 'operation', id, caseId: op.case_id }, changes);
    await audit({ action: 'operation.update', entityType: 'operation', entityId: id, details: { caseId: op.case_id, changed } });
  });
}

export async function approveOperation(ctx: ServiceContext, id: string, input: ApproveOperationInput = {}): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const { op, branchId } = await lockVisibleOperation(tx, ctx.actor, id);
    if (!isBranchSupervisor(ctx.actor, branchId)) throw forbidden('only the supervisor of the case branch approves its operations');
    assertStep(op.status, 'approved');
    const now = new Date();
    const approvedAt = input?.at ? new Date(input.at) : now;
    await assertCaseEventDate(ctx, tx, op.case_id, 'at', approvedAt);
    await tx.updateTable('operations').set({ status: 'approved', approved_by: ctx.actor.id, approved_at: approvedAt, updated_at: now }).where('id', '=', id).execute();
    await caseEvent(tx, ctx.actor, op.case_id, { code: 'operationApproved', params: { name: op.name } }, approvedAt);
    await audit({ action: 'operation.approve', entityType: 'operation', entityId: id, details: { caseId: op.case_id } });
  });
}

export async function cancelOperation(ctx: ServiceContext, id: string, reason: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const { op } = await lockVisibleOperation(tx, ctx.actor, id);
    assertStep(op.status, 'cancelled');
    const now = new Date();
    await tx.updateTable('operations').set({ status: 'cancelled', cancelled_at: now, cancelled_by: ctx.actor.id, cancel_reason: reason, updated_at: now }).where('id', '=', id).execute();
    await caseEvent(tx, ctx.actor, op.case_id, { code: 'operationCancelled', params: { name: op.name, reason } }, now);
    await audit({ action: 'operation.cancel', entityType: 'operation', entityId: id, details: { caseId: op.case_id, from: op.status, reason } });
  });
}

/**
 * Records the execution and all its outcomes in one transaction: every arrest, rescue and seizure is
 * stored, or (on the first bad id, label or custodian) none of them and the operation stays approved.
 */
export async function executeOperation(ctx: ServiceContext, id: string, input: ExecuteOperationInput): Promise<void> {
  await inTransaction(ctx, async (tx, auditNow) => {
    // The audit entries are written together at the end: the chain's lock is taken after every row lock this
    // transaction needs, never before one (which could deadlock with a writer holding that row).
    const pending: Array<Parameters<typeof auditNow>[0]> = [];
    const audit = async (event: Parameters<typeof auditNow>[0]) => { pending.push(event); };
    const { op } = await lockVisibleOperation(tx, ctx.actor, id);
    assertStep(op.status, 'executed');
    const caseId = op.case_id;
    const executedAt = new Date(input.executedAt);
    // Executed after its approval, not before its planned time, not in the future, not before the complaint.
    await assertCaseEventDate(ctx, tx, caseId, 'executedAt', executedAt);
    const timing = checkExecutionTime(executedAt, { plannedFor: op.planned_for, approvedAt: op.approved_at });
    if (timing) throw invalid('executedAt', timing);

    // Check every outcome before writing any.
    const accused = await findAccused(tx, caseId, input.arrestedPersonIds, { lock: true });
    input.arrestedPersonIds.forEach((pid, i) => {
      const a = accused.get(pid);
      if (!a) throw invalid(`arrestedPersonIds.${i}`, 'not an accused person on this case');
      const move = checkAccusedMove(a.status, 'arrested');
      if (!move.ok) throw conflict(`${a.displayName}: ${move.reason}`, `arrestedPersonIds.${i}`);
    });
    const victims = input.rescuedVictimIds.length
      ? await tx
        .selectFrom('case_victims')
        .innerJoin('victims', 'victims.id', 'case_victims.victim_id')
        .select(['victims.id', 'victims.pseudonym', 'victims.state'])
        .where('case_victims.case_id', '=', caseId)
        .where('victims.id', 'in', input.rescuedVictimIds)
        // Their safeguarding state decides what the rescue writes: hold them (in id order) until commit.
        .orderBy('victims.id')
        .forNoKeyUpdate('victims')
        .execute()
      : [];
    input.rescuedVictimIds.forEach((vid, i) => {
      if (!victims.some((v) => v.id === vid)) throw invalid(`rescuedVictimIds.${i}`, 'not a victim on this case');
    });
    const items = input.seizedItems.map((it) => ({ ...it, custodianId: it.custodianId ?? ctx.actor.id }));
    for (const [i, it] of items.entries()) await checkNewEvidence(tx, caseId, it, `seizedItems.${i}.`);

    // Write.
    const notes = input.notes ? (op.notes ? `${op.notes}\n\n${input.notes}` : input.notes) : op.notes;
    await tx
      .updateTable('operations')
      .set({ status: 'executed', executed_at: executedAt, duration_minutes: input.durationMinutes, notes, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const reason = `arrested in operation ${op.name}`;
    for (const pid of input.arrestedPersonIds) {
      const arrestId = await recordArrest(tx, ctx.actor, { caseId, personId: pid, from: accused.get(pid)!.status, operationId: id, arrestedAt: executedAt, place: op.place, reason });
      await audit({ action: 'person.arrest', entityType: 'person', entityId: pid, details: { caseId, operationId: id, arrestId } });
    }
    if (input.rescuedVictimIds.length) {
      await tx.insertInto('rescues').values(input.rescuedVictimIds.map((vid) => ({ operation_id: id, victim_id: vid, rescued_at: executedAt }))).execute();
      // A child identified but not yet recovered is recovered now, with the step in its safeguarding
      // history; one already further on (recovered, placed, closed) keeps its state.
      const identified = victims.filter((v) => v.state === 'identified').map((v) => v.id);
      if (identified.length) {
        await tx.updateTable('victims').set({ state: 'recovered', recovered_at: executedAt }).where('id', 'in', identified).where('state', '=', 'identified').execute();
        await tx.insertInto('victim_state_history')
          .values(identified.map((vid) => ({ victim_id: vid, from_state: 'identified' as const, to_state: 'recovered' as const, ...historyReason('rescuedInOperation', { name: op.name }), actor_id: ctx.actor.id, at: executedAt })))
          .execute();
      }
      // Rescued children without a protection officer are flagged to the branch supervisors (safeguarding.flags.ts).
      await refreshSafeguardingFlags(tx, { victimIds: input.rescuedVictimIds, now: nowOf(ctx) });
      for (const vid of input.rescuedVictimIds) {
        const before = victims.find((v) => v.id === vid)!.state;
        await audit({ action: 'victim.rescue', entityType: 'victim', entityId: vid, details: { caseId, operationId: id, from: before, to: before === 'identified' ? 'recovered' : before } });
      }
    }
    const evidenceIds: string[] = [];
    for (const it of items) {
      const evidenceId = await insertEvidenceItem(tx, ctx.actor, {
        caseId, label: it.label, kind: it.kind, description: it.description, operationId: id, seizedAt: executedAt, custodianId: it.custodianId, reason: historyReason('custodySeizedInOperation', { name: op.name }),
      });
      evidenceIds.push(evidenceId);
      await audit({ action: 'evidence.create', entityType: 'evidence', entityId: evidenceId, details: { caseId, label: it.label, kind: it.kind, operationId: id, custodianId: it.custodianId } });
    }
    const hours = Math.round((input.durationMinutes / 60) * 10) / 10;
    await caseEvent(
      tx, ctx.actor, caseId,
      { code: 'operationExecuted', params: { name: op.name, hours, arrested: input.arrestedPersonIds.length, rescued: input.rescuedVictimIds.length, items: items.length } },
      executedAt,
    );
    await audit({
      action: 'operation.execute',
      entityType: 'operation',
      entityId: id,
      details: { caseId, executedAt: executedAt.toISOString(), durationMinutes: input.durationMinutes, arrestedPersonIds: input.arrestedPersonIds, rescuedVictimIds: input.rescuedVictimIds, evidenceIds },
    });
    for (const event of pending) await auditNow(event);
  });
}

// ---- reads ----

function summaryQuery(db: Db) {
  return db
    .selectFrom('operations')
    .leftJoin('users as approver', 'approver.id', 'operations.approved_by')
    .leftJoin('users as creator', 'creator.id', 'operations.created_by')
    .selectAll('operations')
    .select(['approver.display_name as approver_name', 'creator.display_name as creator_name'])
    .select((eb) => [
      eb.selectFrom('arrests').select(eb.fn.countAll<number>().as('n')).whereRef('arrests.operation_id', '=', 'operations.id').as('arrest_count'),
      eb.selectFrom('rescues').select(eb.fn.countAll<number>().as('n')).whereRef('rescues.operation_id', '=', 'operations.id').as('rescue_count'),
      eb.selectFrom('evidence_items').select(eb.fn.countAll<number>().as('n')).whereRef('evidence_items.operation_id', '=', 'operations.id').as('seizure_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    name: r.name,
    status: r.status,
    plannedFor: r.planned_for.toISOString(),
    place: r.place,
    agencies: r.agencies,
    approvedBy: r.approved_by ? { id: r.approved_by, displayName: r.approver_name ?? '' } : null,
    approvedAt: iso(r.approved_at),
    executedAt: iso(r.executed_at),
    durationMinutes: r.duration_minutes,
    cancelledAt: iso(r.cancelled_at),
    cancelReason: r.cancel_reason,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.creator_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    counts: { arrests: Number(r.arrest_count ?? 0), rescues: Number(r.rescue_count ?? 0), seizures: Number(r.seizure_count ?? 0) },
  };
}

export async function listOperations(ctx: ServiceContext, caseId: string, q: ListOperationsQuery) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  // Its own operations and those planned in another case that serve this one too.
  const serves = (eb: ExpressionBuilder<DB, 'operations'>) => eb.or([
    eb('operations.case_id', '=', caseId),
    eb.exists(eb.selectFrom('operation_cases').select(sql`1`.as('one')).whereRef('operation_cases.operation_id', '=', 'operations.id').where('operation_cases.case_id', '=', caseId)),
  ]);
  let query = summaryQuery(ctx.db).where(serves);
  let count = ctx.db.selectFrom('operations').where(serves);
  if (q.status) {
    query = query.where('operations.status', '=', q.status);
    count = count.where('status', '=', q.status);
  }
  const [rows, total] = await Promise.all([
    query.orderBy('operations.planned_for', 'desc').orderBy('operations.id').limit(q.limit).offset(q.offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function getOperation(ctx: ServiceContext, id: string) {
  const row = await summaryQuery(ctx.db)
    .innerJoin('cases', 'cases.id', 'operations.case_id')
    .select('cases.branch_id')
    .where('operations.id', '=', id)
    .where(operationVisibleTo(ctx.actor))
    .executeTakeFirst();
  if (!row) throw notFound('operation');
  const [arrests, rescues, seizures, officers, served] = await Promise.all([
    ctx.db.selectFrom('arrests').innerJoin('persons', 'persons.id', 'arrests.person_id')
      .select(['arrests.id', 'arrests.person_id', 'persons.display_name', 'arrests.arrested_at', 'arrests.place'])
      .where('arrests.operation_id', '=', id).orderBy('persons.display_name').orderBy('arrests.id').execute(),
    // Pseudonym only: the identity is never joined here.
    ctx.db.selectFrom('rescues').innerJoin('victims', 'victims.id', 'rescues.victim_id')
      .select(['rescues.id', 'rescues.victim_id', 'victims.pseudonym', 'rescues.rescued_at'])
      .where('rescues.operation_id', '=', id).orderBy('victims.pseudonym').execute(),
    ctx.db.selectFrom('evidence_items').leftJoin('users', 'users.id', 'evidence_items.custodian_id')
      .select(['evidence_items.id', 'evidence_items.label', 'evidence_items.kind', 'evidence_items.custodian_id', 'users.display_name'])
      .where('evidence_items.operation_id', '=', id).orderBy(sql`lower(evidence_items.label)`).execute(),
    ctx.db.selectFrom('operation_officers').innerJoin('users', 'users.id', 'operation_officers.user_id')
      .select(['users.id', 'users.display_name']).where('operation_officers.operation_id', '=', id).orderBy('users.display_name').execute(),
    ctx.db.selectFrom('operation_cases').innerJoin('cases', 'cases.id', 'operation_cases.case_id')
      .select(['cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year'])
      .where('operation_cases.operation_id', '=', id).where('operation_cases.case_id', '<>', row.case_id).where(caseVisibleTo(ctx.actor)).orderBy('cases.title').execute(),
  ]);
  return {
    ...toSummary(row),
    notes: row.notes,
    officers: officers.map((o) => ({ id: o.id, displayName: o.display_name })),
    servedCases: served.map((c) => ({ id: c.id, title: c.title, firLabel: c.fir_number === null ? null : `FIR ${c.fir_number}/${c.fir_year}` })),
    arrests: arrests.map((a) => ({ id: a.id, personId: a.person_id, displayName: a.display_name, arrestedAt: a.arrested_at.toISOString(), place: a.place })),
    rescues: rescues.map((r) => ({ id: r.id, victimId: r.victim_id, pseudonym: r.pseudonym, rescuedAt: r.rescued_at.toISOString() })),
    seizures: seizures.map((s) => ({ id: s.id, label: s.label, kind: s.kind, custodian: s.custodian_id ? { id: s.custodian_id, displayName: s.display_name ?? '' } : null })),
    allowedActions: allowedOperationActions(row.status, { canWrite: can(ctx.actor.role, 'operation.write'), isBranchSupervisor: isBranchSupervisor(ctx.actor, row.branch_id) }, { plannedFor: row.planned_for }),
    executeBlockedReason: executeBlockedReason(row.status, row.planned_for),
  };
}
