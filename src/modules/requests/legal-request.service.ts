import { sql } from 'kysely';
import { inTransaction, nowOf, type ServiceContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { userIdOf } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { InterpolColour, LegalRequestKind, LegalRequestStatus } from '../../platform/db/schema.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { allowedFollowups, isLapsed, isOpenRequest, PRESERVATION_DAYS, statusAfter } from './legal-request.rules.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';
import {
  defaultAlertLeadHours, defaultLegalBasis, legalRequestKinds,
  type CreateLegalRequestInput, type LegalFollowupInput, type LegalRequestDetail, type LegalRequestFigures, type LegalRequestSummary, type ListLegalRequestsQuery,
} from './legal-request.schema.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const MAX_DEADLINE_YEARS = 5;

async function caseEvent(tx: Tx, actor: Actor, caseId: string, text: { code: EventCode; params: EventParams }, at: Date) {
  await recordCaseEvent(tx, { caseId, kind: 'event', text, occurredAt: at, actorId: userIdOf(actor) });
}

function checkDeadline(field: string, deadline: Date, after: Date, now: Date) {
  if (deadline <= after) throw invalid(field, 'must be after the request was sent');
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_YEARS * 365 * DAY) throw invalid(field, `more than ${MAX_DEADLINE_YEARS} years ahead`);
}

export async function createLegalRequest(ctx: ServiceContext, caseId: string, input: CreateLegalRequestInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    if (input.kind === 'interpol_notice' && !input.interpolColour) throw invalid('interpolColour', 'required for an Interpol notice (red, blue, green, yellow, black, orange, purple or diffusion)');
    if (input.kind !== 'interpol_notice' && input.interpolColour) throw invalid('interpolColour', 'only for an Interpol notice');
    const sentAt = new Date(input.sentAt);
    await assertCaseEventDate(ctx, tx, caseId, 'sentAt', sentAt);
    const deadline = input.deadlineAt ? new Date(input.deadlineAt) : input.kind === 'preservation' ? new Date(sentAt.getTime() + PRESERVATION_DAYS * DAY) : null;
    if (deadline) checkDeadline('deadlineAt', deadline, sentAt, nowOf(ctx));
    if (input.personId) {
      const onCase = await tx.selectFrom('case_persons').select('person_id').where('case_id', '=', caseId).where('person_id', '=', input.personId).executeTakeFirst();
      if (!onCase) throw invalid('personId', 'not a person of this case');
    }
    const row = await tx.insertInto('legal_requests').values({
      case_id: caseId, kind: input.kind, interpol_colour: input.interpolColour ?? null, recipient: input.recipient, subject: input.subject,
      person_id: input.personId ?? null, entity_id: input.entityId ?? null, reference: input.reference, legal_basis: input.legalBasis ?? defaultLegalBasis[input.kind] ?? '',
      sent_at: sentAt, deadline_at: deadline, alert_lead_hours: input.alertLeadHours ?? defaultAlertLeadHours[input.kind], status: 'sent', notes: input.notes,
      created_by: userIdOf(ctx.actor),
    }).returning('id').executeTakeFirstOrThrow();
    await caseEvent(tx, ctx.actor, caseId, deadline
      ? { code: 'legalRequestSentDeadline', params: { kind: input.kind, recipient: input.recipient, deadline: deadline.toISOString() } }
      : { code: 'legalRequestSent', params: { kind: input.kind, recipient: input.recipient } }, sentAt);
    await audit({ action: 'legal_request.create', entityType: 'legal_request', entityId: row.id, details: { caseId, kind: input.kind, recipient: input.recipient, deadlineAt: iso(deadline) } });
    return row.id;
  });
}

export async function recordFollowup(ctx: ServiceContext, id: string, input: LegalFollowupInput): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const visible = await tx.selectFrom('legal_requests').innerJoin('cases', 'cases.id', 'legal_requests.case_id').select('legal_requests.case_id')
      .where('legal_requests.id', '=', id).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!visible) throw notFound('legal request');
    await requireCaseAccess(tx, ctx.actor, visible.case_id, { lock: true });
    const r = await tx.selectFrom('legal_requests').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
    if (!allowedFollowups(r.status).includes(input.kind)) {
      const reason = `a ${r.status} request takes only ${allowedFollowups(r.status).join(', ')}`;
      throw new AppError('illegal_transition', reason, [{ field: 'kind', message: reason }]);
    }
    const at = new Date(input.at);
    await assertCaseEventDate(ctx, tx, r.case_id, 'at', at);
    if (at < r.sent_at) throw invalid('at', 'before the request was sent');
    if (input.kind !== 'extension' && input.newDeadlineAt) throw invalid('newDeadlineAt', 'only with an extension');
    const changes: Record<string, unknown> = { updated_at: nowOf(ctx), status: statusAfter(r.status, input.kind) };
    let newDeadline: Date | null = null;
    if (input.kind === 'extension') {
      if (!input.newDeadlineAt) throw invalid('newDeadlineAt', 'required with an extension');
      newDeadline = new Date(input.newDeadlineAt);
      checkDeadline('newDeadlineAt', newDeadline, r.sent_at, nowOf(ctx));
      if (r.deadline_at && newDeadline <= r.deadline_at) throw invalid('newDeadlineAt', 'must be later than the current deadline');
      // A new deadline, a new alert before it.
      Object.assign(changes, { deadline_at: newDeadline, alert_sent_at: null });
    }
    if (input.kind === 'acknowledged' || input.kind === 'fulfilled' || input.kind === 'refused') {
      Object.assign(changes, { answered_at: at, ...(input.note ? { answer: input.note } : {}) });
    }
    await tx.updateTable('legal_requests').set(changes).where('id', '=', id).execute();
    await tx.insertInto('legal_request_followups').values({
      request_id: id, kind: input.kind, at, note: input.note, previous_deadline_at: input.kind === 'extension' ? r.deadline_at : null, new_deadline_at: newDeadline, actor_id: userIdOf(ctx.actor),
    }).execute();
    await caseEvent(tx, ctx.actor, r.case_id, { code: 'legalRequestStep', params: { kind: r.kind, recipient: r.recipient, step: input.kind } }, at);
    await audit({ action: 'legal_request.followup', entityType: 'legal_request', entityId: id, details: { caseId: r.case_id, kind: input.kind, from: r.status, to: changes.status, newDeadlineAt: iso(newDeadline) } });
  });
}

/**
 * Tells each case team, once, that a request's deadline is near: every open request whose deadline falls within
 * its lead time and has not passed. Setting alert_sent_at in the statement that picks the requests makes the alert
 * happen once even with two runners (the server's job and the CLI). An extension clears it for the new deadline.
 */
export async function sendDeadlineAlerts(ctx: ServiceContext, now: Date = nowOf(ctx)): Promise<{ alerted: number; notified: number }> {
  return inTransaction(ctx, async (tx, audit) => {
    const due = await tx.updateTable('legal_requests')
      .set({ alert_sent_at: now })
      .where('alert_sent_at', 'is', null)
      .where('status', 'in', ['sent', 'acknowledged'])
      .where('deadline_at', 'is not', null)
      .where('deadline_at', '>', now)
      .where(sql<boolean>`deadline_at - make_interval(hours => alert_lead_hours) <= ${now}::timestamptz`)
      // Rows taken in id order, skipping those another runner holds (it is alerting them): no deadlock, no repeat.
      .where('id', 'in', (eb) => eb.selectFrom('legal_requests as r').select('r.id')
        .where('r.alert_sent_at', 'is', null).where('r.status', 'in', ['sent', 'acknowledged']).where('r.deadline_at', '>', now)
        .orderBy('r.id').forUpdate().skipLocked())
      .returning(['id', 'case_id', 'kind', 'deadline_at', 'created_by'])
      .execute();
    due.sort((a, b) => (a.id < b.id ? -1 : 1));
    let notified = 0;
    for (const r of due) {
      const team = await tx.selectFrom('case_team').select('user_id').where('case_id', '=', r.case_id).execute();
      const users = [...new Set([...team.map((m) => m.user_id), ...(r.created_by ? [r.created_by] : [])])].sort();
      if (users.length) {
        await tx.insertInto('notifications').values(users.map((u) => ({ user_id: u, kind: 'legal_request.deadline' as const, alert_id: null, side: null, legal_request_id: r.id, created_at: now }))).execute();
      }
      notified += users.length;
      await audit({ action: 'legal_request.alert', entityType: 'legal_request', entityId: r.id, details: { caseId: r.case_id, kind: r.kind, deadlineAt: iso(r.deadline_at), recipients: users.length } });
    }
    return { alerted: due.length, notified };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading.

function baseQuery(db: Db, actor: Actor) {
  return db.selectFrom('legal_requests').innerJoin('cases', 'cases.id', 'legal_requests.case_id').where(caseVisibleTo(actor));
}

const summaryColumns = [
  'legal_requests.id', 'legal_requests.case_id', 'cases.title as case_title', 'legal_requests.kind', 'legal_requests.interpol_colour', 'legal_requests.recipient',
  'legal_requests.subject', 'legal_requests.reference', 'legal_requests.status', 'legal_requests.sent_at', 'legal_requests.deadline_at', 'legal_requests.alert_lead_hours',
  'legal_requests.alert_sent_at',
] as const;

type Row = {
  id: string; case_id: string; case_title: string; kind: LegalRequestKind; interpol_colour: InterpolColour | null; recipient: string; subject: string; reference: string;
  status: LegalRequestStatus; sent_at: Date; deadline_at: Date | null; alert_lead_hours: number; alert_sent_at: Date | null;
};

function toSummary(r: Row, now: Date): LegalRequestSummary {
  const open = isOpenRequest(r.status);
  return {
    id: r.id, caseId: r.case_id, caseTitle: r.case_title, kind: r.kind, interpolColour: r.interpol_colour, recipient: r.recipient, subject: r.subject, reference: r.reference,
    status: r.status, sentAt: r.sent_at.toISOString(), deadlineAt: iso(r.deadline_at), alertLeadHours: r.alert_lead_hours, alertSentAt: iso(r.alert_sent_at),
    lapsed: isLapsed({ status: r.status, deadlineAt: r.deadline_at }, now),
    hoursLeft: open && r.deadline_at ? Math.round(((r.deadline_at.getTime() - now.getTime()) / HOUR) * 10) / 10 : null,
  };
}

export async function listLegalRequests(ctx: ServiceContext, q: ListLegalRequestsQuery & { caseId?: string }) {
  const now = nowOf(ctx);
  let query = baseQuery(ctx.db, ctx.actor);
  if (q.caseId) query = query.where('legal_requests.case_id', '=', q.caseId);
  if (q.kind) query = query.where('legal_requests.kind', '=', q.kind);
  if (q.status) query = query.where('legal_requests.status', '=', q.status);
  const lapsedSql = sql<boolean>`(legal_requests.status in ('sent','acknowledged') and legal_requests.deadline_at <= ${now}::timestamptz)`;
  if (q.lapsed === 'true') query = query.where(lapsedSql);
  if (q.lapsed === 'false') query = query.where(sql<boolean>`not coalesce(${lapsedSql}, false)`);
  const [rows, total] = await Promise.all([
    // Open requests with the nearest deadline still ahead first, then open ones without a deadline, then the lapsed,
    // then the closed; newest first within each.
    query.select([...summaryColumns])
      .orderBy(sql`case when legal_requests.status not in ('sent','acknowledged') then 3
        when legal_requests.deadline_at is null then 1 when legal_requests.deadline_at > ${now}::timestamptz then 0 else 2 end`)
      .orderBy(sql`legal_requests.deadline_at asc nulls last`)
      .orderBy('legal_requests.sent_at', 'desc').orderBy('legal_requests.id')
      .limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toSummary(r, now)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function listCaseLegalRequests(ctx: ServiceContext, caseId: string, q: Omit<ListLegalRequestsQuery, 'lapsed'>) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  return listLegalRequests(ctx, { ...q, caseId });
}

export async function getLegalRequest(ctx: ServiceContext, id: string): Promise<LegalRequestDetail> {
  const now = nowOf(ctx);
  const r = await baseQuery(ctx.db, ctx.actor)
    .leftJoin('users as creator', 'creator.id', 'legal_requests.created_by')
    .leftJoin('persons', 'persons.id', 'legal_requests.person_id')
    .leftJoin('entities', 'entities.id', 'legal_requests.entity_id')
    .select([...summaryColumns, 'legal_requests.legal_basis', 'legal_requests.answer', 'legal_requests.answered_at', 'legal_requests.notes', 'legal_requests.created_at',
      'creator.id as creator_id', 'creator.display_name as creator_name', 'persons.id as person_id', 'persons.display_name as person_name',
      'entities.id as entity_id', 'entities.kind as entity_kind', 'entities.display as entity_display'])
    .where('legal_requests.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('legal request');
  const followups = await ctx.db.selectFrom('legal_request_followups as f').leftJoin('users as u', 'u.id', 'f.actor_id')
    .select(['f.kind', 'f.at', 'f.note', 'f.previous_deadline_at', 'f.new_deadline_at', 'u.id as uid', 'u.display_name as uname'])
    .where('f.request_id', '=', id).orderBy('f.at').orderBy('f.recorded_at').execute();
  const ref = (uid: string | null, name: string | null) => (uid ? { id: uid, displayName: name ?? '' } : null);
  return {
    ...toSummary(r, now),
    person: r.person_id ? { id: r.person_id, displayName: r.person_name ?? '' } : null,
    entity: r.entity_id ? { id: r.entity_id, kind: r.entity_kind ?? '', display: r.entity_display ?? '' } : null,
    legalBasis: r.legal_basis, answer: r.answer, answeredAt: iso(r.answered_at), notes: r.notes,
    createdBy: ref(r.creator_id, r.creator_name), createdAt: r.created_at.toISOString(),
    followups: followups.map((f) => ({ kind: f.kind, at: f.at.toISOString(), note: f.note, previousDeadlineAt: iso(f.previous_deadline_at), newDeadlineAt: iso(f.new_deadline_at), actor: ref(f.uid, f.uname) })),
    allowedFollowups: allowedFollowups(r.status),
  };
}

/** The figures over the requests of the cases the caller may read: open, lapsed (deadline passed while open), due soon. */
export async function legalRequestFigures(ctx: ServiceContext): Promise<LegalRequestFigures> {
  const now = nowOf(ctx);
  const open = sql`legal_requests.status in ('sent','acknowledged')`;
  const rows = await baseQuery(ctx.db, ctx.actor)
    .select([
      'legal_requests.kind',
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where ${open})`.as('open'),
      sql<number>`count(*) filter (where ${open} and legal_requests.deadline_at <= ${now}::timestamptz)`.as('lapsed'),
      sql<number>`count(*) filter (where ${open} and legal_requests.deadline_at > ${now}::timestamptz
        and legal_requests.deadline_at - make_interval(hours => legal_requests.alert_lead_hours) <= ${now}::timestamptz)`.as('due_soon'),
    ])
    .groupBy('legal_requests.kind').execute();
  const byKind = legalRequestKinds.map((kind) => {
    const r = rows.find((x) => x.kind === kind);
    return { kind, total: Number(r?.total ?? 0), open: Number(r?.open ?? 0), lapsed: Number(r?.lapsed ?? 0), dueSoon: Number(r?.due_soon ?? 0) };
  });
  const sum = (k: 'total' | 'open' | 'lapsed' | 'dueSoon') => byKind.reduce((s, x) => s + x[k], 0);
  return { total: sum('total'), open: sum('open'), lapsed: sum('lapsed'), dueSoon: sum('dueSoon'), byKind: byKind.map(({ dueSoon: _d, ...rest }) => rest) };
}

/** Views of legal requests for notifications: only those the reader may read now. */
export async function legalRequestViews(db: Db, actor: Actor, ids: string[], now: Date): Promise<Map<string, LegalRequestSummary>> {
  if (!ids.length) return new Map();
  const rows = await baseQuery(db, actor).select([...summaryColumns]).where('legal_requests.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toSummary(r, now)]));
}
