import { sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { isSystemActor } from '../../platform/access/actor.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import { auditInto, inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { NotificationKind } from '../../platform/db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { firLabel } from '../cases/case.service.ts';
import type { AlertView, ListAlertsQuery } from './deconfliction.schema.ts';
import { alertVisibleTo, branchSupervisors, caseLeads, mayDecide } from './deconfliction.scope.ts';

// De-confliction (issue 9, part 3). Two teams must not work the same man blind: when an identifier recorded
// in a case also sits in a case the recording user cannot read, both sides are told "another case holds this
// identifier", each only with what it may read, and a supervisor of the holding case's branch grants the
// recorder access to that case (its team) or dismisses the alert. The rule, in full: docs/security.md.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DeconflictionInput {
  /** The entities (identifiers) the write touched. */
  entityIds: string[];
  /** The case the write was recorded in; null for an identifier typed on a person's own form. */
  caseId: string | null;
  /** With caseId null: the person the identifier was typed on (else: persons the actor linked to it without a case). */
  personId?: string | null;
}

export interface DeconflictionResult {
  /** Entities of this write that another case, one the actor cannot read, also holds (new alert or not). */
  heldElsewhere: string[];
  /** Alerts this call opened. */
  alertsOpened: number;
}

/**
 * Called by the entity services in the same transaction as a write that records an identifier, a link, a
 * payment or a communication touching entities. Opens one alert per entity and pair of cases (never twice),
 * tells both sides, and audits it in the caller's transaction. Never throws for a hidden case: the write goes
 * on, and its answer says no more than "another case holds this identifier" (`heldElsewhere`).
 */
export async function checkDeconfliction(tx: Tx, ctx: ServiceContext, input: DeconflictionInput): Promise<DeconflictionResult> {
  const actor = ctx.actor;
  const entityIds = [...new Set(input.entityIds)].filter((id) => UUID.test(id));
  const result: DeconflictionResult = { heldElsewhere: [], alertsOpened: 0 };
  // The system (CLI, demo loader) reads everything and is nobody to call.
  if (!entityIds.length || isSystemActor(actor)) return result;

  const held = await holdingCases(tx, entityIds);
  if (!held.length) return result;
  const hiddenRows = await tx.selectFrom('cases').select(['cases.id', 'cases.branch_id'])
    .where('cases.id', 'in', [...new Set(held.map((h) => h.case_id))])
    .where((eb) => eb.not(caseVisibleTo(actor)(eb)))
    .execute();
  if (!hiddenRows.length) return result;
  const hiddenBranch = new Map(hiddenRows.map((r) => [r.id, r.branch_id]));

  const recording = await recordingCases(tx, actor, entityIds, input);
  const audit = auditInto(ctx, tx);
  const heldElsewhere = new Set<string>();
  for (const h of held) {
    const holderBranch = hiddenBranch.get(h.case_id);
    if (holderBranch === undefined) continue;
    heldElsewhere.add(h.entity_id);
    for (const rec of recording) {
      const inserted = await tx.insertInto('deconfliction_alerts')
        .values({ entity_id: h.entity_id, recorder_case_id: rec?.id ?? null, holder_case_id: h.case_id, triggered_by: actor.id })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue; // this pair was raised before: never repeated
      const recorderSide = new Set<string>([actor.id]);
      for (const u of rec ? await caseLeads(tx, rec.id) : []) recorderSide.add(u);
      const recorderBranch = rec ? rec.branch_id : actor.branchId;
      if (recorderBranch !== null) for (const u of await branchSupervisors(tx, recorderBranch)) recorderSide.add(u);
      const holderSide = new Set<string>([...(await caseLeads(tx, h.case_id)), ...(await branchSupervisors(tx, holderBranch))]);
      // Someone on both sides (one supervisor over both cases) may read the holding case: told as its side.
      for (const u of holderSide) recorderSide.delete(u);
      await notify(tx, inserted.id, 'deconfliction.alert', [...recorderSide], 'recorder');
      await notify(tx, inserted.id, 'deconfliction.alert', [...holderSide], 'holder');
      await audit({
        action: 'deconfliction.alert',
        entityType: 'deconfliction_alert',
        entityId: inserted.id,
        details: { entityId: h.entity_id, recorderCaseId: rec?.id ?? null, holderCaseId: h.case_id, told: recorderSide.size + holderSide.size },
      });
      result.alertsOpened++;
    }
  }
  result.heldElsewhere = [...heldElsewhere];
  return result;
}

async function notify(tx: Tx, alertId: string, kind: NotificationKind, users: string[], side: 'recorder' | 'holder') {
  if (!users.length) return;
  await tx.insertInto('notifications').values(users.map((u) => ({ user_id: u, kind, alert_id: alertId, side }))).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Every case each entity sits in, whoever may read it: links recorded in a case, payments and communications
 * (by their case), and identifiers typed on a person's form (no case: the cases of that person).
 */
async function holdingCases(tx: Tx, entityIds: string[]): Promise<Array<{ entity_id: string; case_id: string }>> {
  const ids = sql.join(entityIds);
  const { rows } = await sql<{ entity_id: string; case_id: string }>`
    SELECT DISTINCT h.entity_id, h.case_id FROM (
      SELECT from_id AS entity_id, case_id FROM links WHERE from_type = 'entity' AND from_id IN (${ids}) AND case_id IS NOT NULL
      UNION ALL SELECT to_id, case_id FROM links WHERE to_type = 'entity' AND to_id IN (${ids}) AND case_id IS NOT NULL
      UNION ALL SELECT from_entity_id::text, case_id FROM payments WHERE from_entity_id::text IN (${ids})
      UNION ALL SELECT to_entity_id::text, case_id FROM payments WHERE to_entity_id::text IN (${ids})
      UNION ALL SELECT p.entity_id::text, c.case_id FROM communication_participants p JOIN communications c ON c.id = p.communication_id
        WHERE p.entity_id::text IN (${ids})
      UNION ALL SELECT l.to_id, cp.case_id FROM links l JOIN case_persons cp ON cp.person_id::text = l.from_id
        WHERE l.case_id IS NULL AND l.from_type = 'person' AND l.to_type = 'entity' AND l.to_id IN (${ids})
      UNION ALL SELECT l.from_id, cp.case_id FROM links l JOIN case_persons cp ON cp.person_id::text = l.to_id
        WHERE l.case_id IS NULL AND l.to_type = 'person' AND l.from_type = 'entity' AND l.from_id IN (${ids})
    ) h ORDER BY h.entity_id, h.case_id`.execute(tx);
  return rows;
}

/**
 * The case(s) the identifier was recorded in, as the recording side: the write's case; for an identifier typed
 * on a person's form, the cases of that person the actor may read (the person named, or the persons the actor
 * linked to these entities without a case); none of those: the recorder alone (null).
 */
async function recordingCases(tx: Tx, actor: Actor, entityIds: string[], input: DeconflictionInput): Promise<Array<{ id: string; branch_id: number } | null>> {
  if (input.caseId) {
    const c = await tx.selectFrom('cases').select(['id', 'branch_id']).where('id', '=', input.caseId).executeTakeFirst();
    return c ? [c] : [null];
  }
  const ids = sql.join(entityIds);
  const persons = input.personId && UUID.test(input.personId)
    ? [input.personId]
    : (await sql<{ person_id: string }>`
        SELECT from_id AS person_id FROM links WHERE case_id IS NULL AND from_type = 'person' AND to_type = 'entity' AND to_id IN (${ids}) AND recorded_by = ${actor.id}
        UNION SELECT to_id FROM links WHERE case_id IS NULL AND to_type = 'person' AND from_type = 'entity' AND from_id IN (${ids}) AND recorded_by = ${actor.id}`.execute(tx)).rows.map((r) => r.person_id).filter((p) => UUID.test(p));
  if (!persons.length) return [null];
  const cases = await tx.selectFrom('cases').select(['cases.id', 'cases.branch_id'])
    .where((eb) => eb.exists(eb.selectFrom('case_persons').select(sql`1`.as('one')).whereRef('case_persons.case_id', '=', 'cases.id').where('case_persons.person_id', 'in', persons)))
    .where(caseVisibleTo(actor))
    .orderBy('cases.id')
    .execute();
  return cases.length ? cases : [null];
}

// ---------------------------------------------------------------------------------------------------------
// Reading and deciding alerts.

/** Alerts as this reader may see them (each case shown only to readers who may read it). */
export async function alertViews(db: Db | Tx, actor: Actor, ids: string[]): Promise<Map<string, AlertView>> {
  const out = new Map<string, AlertView>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('deconfliction_alerts as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .innerJoin('users as t', 't.id', 'a.triggered_by')
    .leftJoin('branches as tb', 'tb.id', 't.branch_id')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .innerJoin('cases as hc', 'hc.id', 'a.holder_case_id')
    .select(['a.id', 'a.status', 'a.entity_id', 'a.recorder_case_id', 'a.holder_case_id', 'a.triggered_by', 'a.decision_note', 'a.decided_at', 'a.created_at',
      'e.kind', 'e.display', 'e.platform', 't.display_name as recorder_name', 'tb.district as recorder_district', 'd.display_name as decider_name', 'hc.branch_id as holder_branch'])
    .where('a.id', 'in', ids)
    .execute();
  const caseIds = [...new Set(rows.flatMap((r) => [r.holder_case_id, r.recorder_case_id]).filter((c): c is string => c !== null))];
  const readable = new Map((caseIds.length ? await db.selectFrom('cases').select(['cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year'])
    .where('cases.id', 'in', caseIds).where(caseVisibleTo(actor)).execute() : []).map((c) => [c.id, { id: c.id, title: c.title, firLabel: firLabel(c) }]));
  for (const r of rows) {
    const holderCase = readable.get(r.holder_case_id) ?? null;
    const holderSide = holderCase !== null;
    out.set(r.id, {
      id: r.id,
      status: r.status,
      side: holderSide ? 'holder' : 'recorder',
      identifier: { entityId: r.entity_id, kind: r.kind, display: r.display, platform: r.platform },
      recordedIn: r.recorder_case_id ? readable.get(r.recorder_case_id) ?? null : null,
      holderCase,
      recordedBy: { userId: r.triggered_by, displayName: r.recorder_name, district: r.recorder_district },
      decidedBy: holderSide ? r.decider_name : null,
      decisionNote: holderSide && r.status !== 'open' ? r.decision_note : null,
      decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
      createdAt: r.created_at.toISOString(),
      canDecide: r.status === 'open' && holderSide && mayDecide(actor, r.holder_branch),
    });
  }
  return out;
}

export async function listAlerts(ctx: ServiceContext, q: ListAlertsQuery) {
  let query = ctx.db.selectFrom('deconfliction_alerts').where(alertVisibleTo(ctx.actor));
  if (q.status) query = query.where('deconfliction_alerts.status', '=', q.status);
  const [rows, total] = await Promise.all([
    query.select('deconfliction_alerts.id').orderBy('deconfliction_alerts.created_at', 'desc').orderBy('deconfliction_alerts.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const views = await alertViews(ctx.db, ctx.actor, rows.map((r) => r.id));
  return { items: rows.map((r) => views.get(r.id)!), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function getAlert(ctx: ServiceContext, id: string): Promise<AlertView> {
  const row = await ctx.db.selectFrom('deconfliction_alerts').select('id').where('id', '=', id).where(alertVisibleTo(ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('alert');
  return (await alertViews(ctx.db, ctx.actor, [id])).get(id)!;
}

/**
 * A supervisor of the holding case's branch decides an open alert: `grant` puts the recorder on that case's
 * team (as a member: the case becomes visible to them), `dismiss` leaves things as they are. Both audited;
 * the recording side is told the outcome (not who decided), the holding side sees it on the alert.
 */
export async function decideAlert(ctx: ServiceContext, id: string, decision: 'grant' | 'dismiss', note = ''): Promise<AlertView> {
  const actor = ctx.actor;
  await inTransaction(ctx, async (tx, audit) => {
    // Locked before read: two decisions of one alert cannot both start from "open".
    const alert = await tx.selectFrom('deconfliction_alerts').selectAll().where('id', '=', id).where(alertVisibleTo(actor)).forUpdate().executeTakeFirst();
    if (!alert) throw notFound('alert');
    const holder = await tx.selectFrom('cases').select(['id', 'branch_id']).where('id', '=', alert.holder_case_id).forNoKeyUpdate().executeTakeFirstOrThrow();
    if (!mayDecide(actor, holder.branch_id)) throw forbidden('only a supervisor of the branch of the case holding the identifier decides');
    if (alert.status !== 'open') throw conflict(`this alert was already ${alert.status}`);
    if (decision === 'grant') {
      const recorder = await tx.selectFrom('users').select(['id', 'disabled']).where('id', '=', alert.triggered_by).executeTakeFirstOrThrow();
      if (recorder.disabled) throw new AppError('conflict', 'the user who recorded the identifier is disabled: dismiss the alert instead');
      const added = await tx.insertInto('case_team').values({ case_id: holder.id, user_id: recorder.id, team_role: 'member' })
        .onConflict((oc) => oc.doNothing()).returning('user_id').executeTakeFirst();
      if (added) {
        await audit({ action: 'case.team.add', entityType: 'case', entityId: holder.id, details: { userId: recorder.id, teamRole: 'member', via: 'deconfliction', alertId: id } });
      }
    }
    const status = decision === 'grant' ? 'granted' : 'dismissed';
    await tx.updateTable('deconfliction_alerts').set({ status, decided_by: actor.id, decided_at: new Date(), decision_note: note }).where('id', '=', id).execute();
    // The recording side learns the outcome: whoever was told of the alert as that side, and the recorder.
    const told = await tx.selectFrom('notifications').select('user_id').where('alert_id', '=', id).where('kind', '=', 'deconfliction.alert').where('side', '=', 'recorder').execute();
    const recorderSide = [...new Set([alert.triggered_by, ...told.map((t) => t.user_id)])];
    await notify(tx, id, decision === 'grant' ? 'deconfliction.granted' : 'deconfliction.dismissed', recorderSide, 'recorder');
    await audit({ action: `deconfliction.${decision}`, entityType: 'deconfliction_alert', entityId: id, details: { holderCaseId: holder.id, recorderId: alert.triggered_by, note } });
  });
  return getAlert(ctx, id);
}
