import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { EvidenceKind } from '../../platform/db/schema.ts';
import type { CreateEvidenceInput, ListEvidenceQuery, TransferInput } from './evidence.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { officerReason, recordCaseEvent } from '../cases/case-events.ts';

// Evidence items and their chain of custody. The first link of every chain is the seizure (from nobody
// to the first custodian); each later link is a hand-over from the current custodian. The item's
// custodian is always the `to` of its last link, and links never go back in time.

/** Clock skew tolerated for "not in the future" checks. */
const SKEW_MS = 5 * 60_000;

export function assertNotFuture(field: string, at: Date): void {
  if (at.getTime() > Date.now() + SKEW_MS) throw invalid(field, 'must not be in the future');
}

/** Whether an enabled user could open this case (their own need-to-know, not the caller's). */
export async function userCanSeeCase(db: Db | Tx, userId: string, caseId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'branch_id', 'disabled']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled) return false;
  const asActor: Actor = { id: user.id, username: user.username, displayName: user.display_name, role: user.role, branchId: user.branch_id, ip: null };
  const row = await db.selectFrom('cases').select('id').where('id', '=', caseId).where(caseVisibleTo(asActor)).executeTakeFirst();
  return Boolean(row);
}

export const isBranchSupervisor = (actor: Actor, branchId: number) => actor.role === 'supervisor' && actor.branchId === branchId;

export interface NewEvidenceItem {
  caseId: string;
  label: string;
  kind: EvidenceKind;
  description: string;
  operationId: string | null;
  seizedAt: Date;
  custodianId: string;
  /** The reason on the first link of the chain: an officer's words, or the server's by code (historyReason). */
  reason: { reason: string; code: string | null; params: string | null };
}

/**
 * Checks what a new item needs from the database: a first custodian who can see the case and a label
 * not yet used in the case. `field` prefixes the names in errors (e.g. "seizedItems.2.").
 */
export async function checkNewEvidence(tx: Tx, caseId: string, item: { label: string; custodianId: string }, field = ''): Promise<void> {
  if (!(await userCanSeeCase(tx, item.custodianId, caseId))) throw invalid(`${field}custodianId`, 'the custodian must be a user who can see this case');
  const clash = await tx.selectFrom('evidence_items').select('id').where('case_id', '=', caseId).where(sql<string>`lower(label)`, '=', item.label.toLowerCase()).executeTakeFirst();
  if (clash) throw conflict(`an evidence item labelled "${item.label}" already exists in this case`, `${field}label`);
}

/** Inserts one item and the first link of its chain, in the caller's transaction. Check first. */
export async function insertEvidenceItem(tx: Tx, actor: Actor, item: NewEvidenceItem): Promise<string> {
  const row = await tx
    .insertInto('evidence_items')
    .values({
      case_id: item.caseId,
      label: item.label,
      kind: item.kind,
      description: item.description,
      operation_id: item.operationId,
      seized_at: item.seizedAt,
      custodian_id: item.custodianId,
      created_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('custody_transfers').values({ evidence_id: row.id, from_user_id: null, to_user_id: item.custodianId, ...item.reason, at: item.seizedAt, recorded_by: actor.id }).execute();
  return row.id;
}

export async function createEvidence(ctx: ServiceContext, caseId: string, input: CreateEvidenceInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    // Locked: the label check and the operation's state hold until the item is stored.
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    let seizedAt = input.seizedAt ? new Date(input.seizedAt) : null;
    let reason = 'taken into evidence';
    if (input.operationId) {
      const op = await tx.selectFrom('operations').select(['id', 'name', 'status', 'executed_at']).where('id', '=', input.operationId).where('case_id', '=', caseId).executeTakeFirst();
      if (!op) throw invalid('operationId', 'no such operation in this case');
      if (op.status !== 'executed' || !op.executed_at) throw invalid('operationId', 'items can be linked only to an executed operation');
      seizedAt ??= op.executed_at;
      reason = `seized in operation ${op.name}`;
    }
    seizedAt ??= new Date();
    assertNotFuture('seizedAt', seizedAt);
    const custodianId = input.custodianId ?? ctx.actor.id;
    await checkNewEvidence(tx, caseId, { label: input.label, custodianId });
    const id = await insertEvidenceItem(tx, ctx.actor, {
      caseId, label: input.label, kind: input.kind, description: input.description, operationId: input.operationId ?? null, seizedAt, custodianId, reason: officerReason(reason),
    });
    await recordCaseEvent(tx, { caseId, kind: 'evidence', text: { code: 'evidenceRecorded', params: { label: input.label, kind: input.kind } }, occurredAt: seizedAt, actorId: ctx.actor.id });
    await tx.updateTable('cases').set({ updated_at: new Date() }).where('id', '=', caseId).execute();
    await audit({ action: 'evidence.create', entityType: 'evidence', entityId: id, details: { caseId, label: input.label, kind: input.kind, operationId: input.operationId ?? null, custodianId } });
    return id;
  });
}

export async function transferEvidence(ctx: ServiceContext, id: string, input: TransferInput): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const item = await findVisibleItem(tx, ctx.actor, id);
    // The case (so the team, which decides who may receive the item, holds still), then the item: two
    // hand-overs cannot both start from the same custodian.
    await requireCaseAccess(tx, ctx.actor, item.case_id, { lock: true });
    const locked = await tx.selectFrom('evidence_items').select(['id', 'custodian_id']).where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
    const from = locked.custodian_id;
    if (ctx.actor.id !== from && !isBranchSupervisor(ctx.actor, item.branch_id)) {
      throw forbidden('only the current custodian or the branch supervisor can hand this item over');
    }
    if (input.toUserId === from) throw invalid('toUserId', 'this user already holds the item');
    if (!(await userCanSeeCase(tx, input.toUserId, item.case_id))) throw invalid('toUserId', 'the item can go only to a user who can see this case');
    const at = input.at ? new Date(input.at) : new Date();
    assertNotFuture('at', at);
    const last = await tx.selectFrom('custody_transfers').select('at').where('evidence_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (last && at < last.at) throw invalid('at', `must not be before the previous hand-over (${last.at.toISOString()})`);
    await tx.insertInto('custody_transfers').values({ evidence_id: id, from_user_id: from, to_user_id: input.toUserId, reason: input.reason, at, recorded_by: ctx.actor.id }).execute();
    await tx.updateTable('evidence_items').set({ custodian_id: input.toUserId }).where('id', '=', id).execute();
    await audit({ action: 'evidence.transfer', entityType: 'evidence', entityId: id, details: { caseId: item.case_id, from, to: input.toUserId, reason: input.reason, at: at.toISOString() } });
  });
}

/** The item if its case is visible to the actor; 404 for both missing and not yours. */
async function findVisibleItem(db: Db | Tx, actor: Actor, id: string) {
  const row = await db
    .selectFrom('evidence_items')
    .innerJoin('cases', 'cases.id', 'evidence_items.case_id')
    .select(['evidence_items.id', 'evidence_items.case_id', 'cases.branch_id'])
    .where('evidence_items.id', '=', id)
    .where(caseVisibleTo(actor))
    .executeTakeFirst();
  if (!row) throw notFound('evidence item');
  return row;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('evidence_items')
    .leftJoin('operations', 'operations.id', 'evidence_items.operation_id')
    .leftJoin('users as custodian', 'custodian.id', 'evidence_items.custodian_id')
    .select([
      'evidence_items.id', 'evidence_items.case_id', 'evidence_items.label', 'evidence_items.kind', 'evidence_items.description', 'evidence_items.seized_at',
      'evidence_items.created_at', 'evidence_items.operation_id', 'operations.name as operation_name', 'evidence_items.custodian_id', 'custodian.display_name as custodian_name',
    ]);
}

type SummaryRow = {
  id: string; case_id: string; label: string; kind: EvidenceKind; description: string; seized_at: Date | null; created_at: Date;
  operation_id: string | null; operation_name: string | null; custodian_id: string | null; custodian_name: string | null;
};
const toSummary = (r: SummaryRow) => ({
  id: r.id,
  caseId: r.case_id,
  label: r.label,
  kind: r.kind,
  description: r.description,
  seizedAt: r.seized_at ? r.seized_at.toISOString() : null,
  operation: r.operation_id ? { id: r.operation_id, name: r.operation_name ?? '' } : null,
  custodian: r.custodian_id ? { id: r.custodian_id, displayName: r.custodian_name ?? '' } : null,
  createdAt: r.created_at.toISOString(),
});

export async function getEvidence(ctx: ServiceContext, id: string) {
  const visible = await findVisibleItem(ctx.db, ctx.actor, id);
  const [item, chain, jobs, files] = await Promise.all([
    summaryQuery(ctx.db).where('evidence_items.id', '=', id).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('custody_transfers as t')
      .leftJoin('users as f', 'f.id', 't.from_user_id')
      .innerJoin('users as to', 'to.id', 't.to_user_id')
      .leftJoin('users as r', 'r.id', 't.recorded_by')
      .select(['t.id', 't.from_user_id', 'f.display_name as from_name', 't.to_user_id', 'to.display_name as to_name', 't.reason', 't.code', 't.params', 't.at', 't.recorded_by', 'r.display_name as recorder_name'])
      .where('t.evidence_id', '=', id)
      .orderBy('t.at')
      .orderBy('t.id')
      .execute(),
    ctx.db.selectFrom('ingest_jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('evidence_id', '=', id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).where('evidence_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  const canWrite = ctx.actor.role === 'investigator' || ctx.actor.role === 'supervisor';
  return {
    ...toSummary(item),
    chain: chain.map((c) => ({
      id: c.id,
      from: c.from_user_id ? { id: c.from_user_id, displayName: c.from_name ?? '' } : null,
      to: { id: c.to_user_id, displayName: c.to_name },
      reason: c.reason,
      code: c.code,
      params: c.params,
      at: c.at.toISOString(),
      recordedBy: c.recorded_by ? { id: c.recorded_by, displayName: c.recorder_name ?? '' } : null,
    })),
    media: { ingestJobs: Number(jobs.n), files: Number(files.n) },
    canTransfer: canWrite && (item.custodian_id === ctx.actor.id || isBranchSupervisor(ctx.actor, visible.branch_id)),
  };
}

export async function listEvidence(ctx: ServiceContext, caseId: string, q: ListEvidenceQuery) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  let query = summaryQuery(ctx.db).where('evidence_items.case_id', '=', caseId);
  let count = ctx.db.selectFrom('evidence_items').where('evidence_items.case_id', '=', caseId);
  if (q.kind) {
    query = query.where('evidence_items.kind', '=', q.kind);
    count = count.where('evidence_items.kind', '=', q.kind);
  }
  if (q.operationId) {
    query = query.where('evidence_items.operation_id', '=', q.operationId);
    count = count.where('evidence_items.operation_id', '=', q.operationId);
  }
  if (q.custodianId) {
    query = query.where('evidence_items.custodian_id', '=', q.custodianId);
    count = count.where('evidence_items.custodian_id', '=', q.custodianId);
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['evidence_items.label']), 'like', pattern), eb(eb.fn('lower', ['evidence_items.description']), 'like', pattern)]));
    count = count.where((eb) => eb.or([eb(eb.fn('lower', ['evidence_items.label']), 'like', pattern), eb(eb.fn('lower', ['evidence_items.description']), 'like', pattern)]));
  }
  const [rows, total] = await Promise.all([
    query.orderBy('evidence_items.created_at').orderBy('evidence_items.label').limit(q.limit).offset(q.offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toSummary), total: Number(total.n), limit: q.limit, offset: q.offset };
}
