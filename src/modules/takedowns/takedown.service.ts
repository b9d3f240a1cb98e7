import { sql } from 'kysely';
import { insertInChunks } from '../../platform/db/insert-chunks.ts';
import { inTransaction, nowOf, type ServiceContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { userIdOf } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { TakedownStatus, TakedownTargetKind } from '../../platform/db/schema.ts';
import { assertCaseEventDate } from '../cases/case-dates.ts';
import { upsertEntity } from '../entities/entity.service.ts';
import { onionKey } from '../entities/entity.keys.ts';
import { allowedTakedownSteps, checkTakedownStep, isOpenTakedown } from './takedown.rules.ts';
import type { CreateTakedownInput, ListCaseTakedownsQuery, ListTakedownsQuery, TakedownDetail, TakedownReport, TakedownStatusInput, TakedownSummary } from './takedown.schema.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import type { EventCode, EventParams } from '../../platform/text/event-texts.schema.ts';

const HOUR = 3_600_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const addHours = (d: Date, h: number) => new Date(d.getTime() + h * HOUR);
const roundHours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;

/** A web address to take down: http(s) with a host, nothing else. */
function checkUrl(value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw invalid('target', 'not a web address (https://...)');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalid('target', 'only http and https addresses');
  if (!u.hostname) throw invalid('target', 'the address has no host');
  return u.toString();
}

/** The target as stored, and its entity when it is an account or an onion service. */
async function resolveTarget(tx: Tx, ctx: ServiceContext, input: CreateTakedownInput): Promise<{ target: string; entityId: string | null }> {
  if (input.entityId) {
    const e = await tx.selectFrom('entities').select(['id', 'kind', 'display', 'platform']).where('id', '=', input.entityId).executeTakeFirst();
    if (!e) throw invalid('entityId', 'no such entity you may see');
    if (input.targetKind === 'account' && e.kind !== 'account') throw invalid('entityId', 'not an account');
    if (input.targetKind === 'onion' && !(e.kind === 'ip_address' && e.display.endsWith('.onion'))) throw invalid('entityId', 'not an onion service');
    if (input.targetKind === 'url') throw invalid('entityId', 'a web address is not an entity: leave entityId out');
    return { target: input.target ?? (e.platform ? `${e.platform}:${e.display}` : e.display), entityId: e.id };
  }
  if (!input.target) throw invalid('target', 'required');
  switch (input.targetKind) {
    case 'url':
      if (input.platform) throw invalid('platform', 'only for an account');
      return { target: checkUrl(input.target), entityId: null };
    case 'onion': {
      if (input.platform) throw invalid('platform', 'only for an account');
      const key = onionKey(input.target);
      if (!key) throw invalid('target', 'not a valid Tor v3 onion address (56 characters and a checksum)');
      const e = await upsertEntity(tx, userIdOf(ctx.actor), { kind: 'ip_address', value: key }, { field: 'target' });
      return { target: input.target.trim(), entityId: e.id };
    }
    case 'account': {
      const e = await upsertEntity(tx, userIdOf(ctx.actor), { kind: 'account', value: input.target, platform: input.platform ?? null }, { field: 'target' });
      const row = await tx.selectFrom('entities').select(['display', 'platform']).where('id', '=', e.id).executeTakeFirstOrThrow();
      return { target: row.platform ? `${row.platform}:${row.display}` : row.display, entityId: e.id };
    }
    default: {
      const unknown: never = input.targetKind;
      throw invalid('targetKind', `unknown kind ${String(unknown)}`);
    }
  }
}

async function caseEvent(tx: Tx, actor: Actor, caseId: string, text: { code: EventCode; params: EventParams }, at: Date) {
  await recordCaseEvent(tx, { caseId, kind: 'event', text, occurredAt: at, actorId: userIdOf(actor) });
}

export async function createTakedown(ctx: ServiceContext, caseId: string, input: CreateTakedownInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const requestedAt = new Date(input.requestedAt);
    await assertCaseEventDate(ctx, tx, caseId, 'requestedAt', requestedAt);
    const { target, entityId } = await resolveTarget(tx, ctx, input);
    const row = await tx.insertInto('takedowns').values({
      case_id: caseId, target_kind: input.targetKind, target, entity_id: entityId, provider: input.provider, provider_contact: input.providerContact,
      reference: input.reference, status: 'requested', renotice_hours: input.renoticeHours, first_requested_at: requestedAt, requested_at: requestedAt,
      last_notice_at: requestedAt, next_notice_at: addHours(requestedAt, input.renoticeHours), notices_sent: 1, notes: input.notes, created_by: userIdOf(ctx.actor),
    }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('takedown_status_history').values({ takedown_id: row.id, from_status: null, to_status: 'requested', at: requestedAt, reference: input.reference, note: '', actor_id: userIdOf(ctx.actor) }).execute();
    await tx.insertInto('takedown_notices').values({ takedown_id: row.id, number: 1, sent_at: requestedAt, actor_id: userIdOf(ctx.actor) }).execute();
    await caseEvent(tx, ctx.actor, caseId, { code: 'takedownRequested', params: { provider: input.provider, target } }, requestedAt);
    await audit({ action: 'takedown.create', entityType: 'takedown', entityId: row.id, details: { caseId, targetKind: input.targetKind, target, provider: input.provider, renoticeHours: input.renoticeHours } });
    return row.id;
  });
}

export async function changeTakedownStatus(ctx: ServiceContext, id: string, input: TakedownStatusInput): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const visible = await tx.selectFrom('takedowns').innerJoin('cases', 'cases.id', 'takedowns.case_id').select(['takedowns.case_id'])
      .where('takedowns.id', '=', id).where(caseVisibleTo(ctx.actor)).executeTakeFirst();
    if (!visible) throw notFound('takedown');
    await requireCaseAccess(tx, ctx.actor, visible.case_id, { lock: true });
    const td = await tx.selectFrom('takedowns').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirstOrThrow();
    const step = checkTakedownStep(td.status, input.status);
    if (!step.ok) throw new AppError('illegal_transition', step.reason, [{ field: 'status', message: step.reason }]);
    const at = new Date(input.at);
    await assertCaseEventDate(ctx, tx, td.case_id, 'at', at);
    if (at < td.requested_at) throw invalid('at', 'before the request');
    const changes: Record<string, unknown> = { status: input.status, updated_at: nowOf(ctx) };
    if (input.reference) changes.reference = input.reference;
    let notice: number | null = null;
    if (input.status === 'removed') Object.assign(changes, { removed_at: at, next_notice_at: null });
    else if (input.status === 'refused') Object.assign(changes, { next_notice_at: null });
    else if (input.status === 'reappeared') {
      // A new episode: noticed again now, and on schedule until removed again.
      notice = td.notices_sent + 1;
      Object.assign(changes, { requested_at: at, removed_at: null, last_notice_at: at, next_notice_at: addHours(at, td.renotice_hours), notices_sent: notice });
    }
    await tx.updateTable('takedowns').set(changes).where('id', '=', id).execute();
    await tx.insertInto('takedown_status_history').values({ takedown_id: id, from_status: td.status, to_status: input.status, at, reference: input.reference, note: input.note, actor_id: userIdOf(ctx.actor) }).execute();
    if (notice) await tx.insertInto('takedown_notices').values({ takedown_id: id, number: notice, sent_at: at, actor_id: userIdOf(ctx.actor) }).execute();
    await caseEvent(tx, ctx.actor, td.case_id, { code: 'takedownStep', params: { provider: td.provider, status: input.status, target: td.target } }, at);
    await audit({ action: 'takedown.status', entityType: 'takedown', entityId: id, details: { caseId: td.case_id, from: td.status, to: input.status, at: input.at } });
  });
}

/**
 * Sends (records) every notice that is due at `now`: one statement moves each due takedown's schedule on and
 * returns it, so two runners (the server's job and the CLI) never send the same notice twice. A takedown whose
 * notice is long overdue gets one notice now, not one per missed interval.
 */
export async function sendDueNotices(ctx: ServiceContext, now: Date = nowOf(ctx)): Promise<{ sent: number; takedownIds: string[] }> {
  return inTransaction(ctx, async (tx, audit) => {
    const due = await tx.updateTable('takedowns')
      .set((eb) => ({
        last_notice_at: now,
        next_notice_at: sql<Date>`${now}::timestamptz + make_interval(hours => ${eb.ref('renotice_hours')})`,
        notices_sent: sql<number>`notices_sent + 1`,
        updated_at: now,
      }))
      .where('next_notice_at', '<=', now)
      .where('status', 'in', ['requested', 'acknowledged', 'reappeared'])
      // Rows taken in id order, skipping those another runner holds (it is sending them): no deadlock, no repeat.
      .where('id', 'in', (eb) => eb.selectFrom('takedowns as d').select('d.id')
        .where('d.next_notice_at', '<=', now).where('d.status', 'in', ['requested', 'acknowledged', 'reappeared'])
        .orderBy('d.id').forUpdate().skipLocked())
      .returning(['id', 'case_id', 'notices_sent', 'provider'])
      .execute();
    due.sort((a, b) => (a.id < b.id ? -1 : 1));
    if (due.length) {
      // A backlog (a scheduler down for a day) can be thousands of notices: inserted in chunks under the parameter limit.
      await insertInChunks(due.map((d) => ({ takedown_id: d.id, number: d.notices_sent, sent_at: now, actor_id: userIdOf(ctx.actor) })), (chunk) => tx.insertInto('takedown_notices').values(chunk).execute());
      for (const d of due) await audit({ action: 'takedown.renotice', entityType: 'takedown', entityId: d.id, details: { caseId: d.case_id, provider: d.provider, number: d.notices_sent, at: now.toISOString() } });
    }
    return { sent: due.length, takedownIds: due.map((d) => d.id) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading.

function baseQuery(db: Db, actor: Actor) {
  return db.selectFrom('takedowns').innerJoin('cases', 'cases.id', 'takedowns.case_id').where(caseVisibleTo(actor));
}

type Row = {
  id: string; case_id: string; case_title: string; target_kind: TakedownTargetKind; target: string; entity_id: string | null; provider: string; reference: string;
  status: TakedownStatus; renotice_hours: number; first_requested_at: Date; requested_at: Date; last_notice_at: Date; next_notice_at: Date | null;
  notices_sent: number; removed_at: Date | null;
};

const summaryColumns = [
  'takedowns.id', 'takedowns.case_id', 'cases.title as case_title', 'takedowns.target_kind', 'takedowns.target', 'takedowns.entity_id', 'takedowns.provider',
  'takedowns.reference', 'takedowns.status', 'takedowns.renotice_hours', 'takedowns.first_requested_at', 'takedowns.requested_at', 'takedowns.last_notice_at',
  'takedowns.next_notice_at', 'takedowns.notices_sent', 'takedowns.removed_at',
] as const;

function toSummary(r: Row, now: Date): TakedownSummary {
  return {
    id: r.id, caseId: r.case_id, caseTitle: r.case_title, targetKind: r.target_kind, target: r.target, entityId: r.entity_id, provider: r.provider, reference: r.reference,
    status: r.status, renoticeHours: r.renotice_hours, firstRequestedAt: r.first_requested_at.toISOString(), requestedAt: r.requested_at.toISOString(),
    lastNoticeAt: r.last_notice_at.toISOString(), nextNoticeAt: iso(r.next_notice_at), noticesSent: r.notices_sent, removedAt: iso(r.removed_at),
    hoursToRemoval: r.removed_at ? roundHours(r.removed_at.getTime() - r.requested_at.getTime()) : null,
    due: r.next_notice_at !== null && r.next_notice_at <= now,
  };
}

export async function listTakedowns(ctx: ServiceContext, q: ListTakedownsQuery & { caseId?: string }) {
  const now = nowOf(ctx);
  let query = baseQuery(ctx.db, ctx.actor);
  if (q.caseId) query = query.where('takedowns.case_id', '=', q.caseId);
  if (q.status) query = query.where('takedowns.status', '=', q.status);
  if (q.provider) query = query.where(sql<string>`lower(takedowns.provider)`, '=', q.provider.toLowerCase());
  if (q.due === 'true') query = query.where('takedowns.next_notice_at', '<=', now);
  if (q.due === 'false') query = query.where((eb) => eb.or([eb('takedowns.next_notice_at', 'is', null), eb('takedowns.next_notice_at', '>', now)]));
  const [rows, total] = await Promise.all([
    query.select([...summaryColumns]).orderBy('takedowns.first_requested_at', 'desc').orderBy('takedowns.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toSummary(r, now)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function listCaseTakedowns(ctx: ServiceContext, caseId: string, q: ListCaseTakedownsQuery) {
  await requireCaseAccess(ctx.db, ctx.actor, caseId);
  return listTakedowns(ctx, { ...q, caseId });
}

export async function getTakedown(ctx: ServiceContext, id: string): Promise<TakedownDetail> {
  const now = nowOf(ctx);
  const r = await baseQuery(ctx.db, ctx.actor)
    .leftJoin('users as creator', 'creator.id', 'takedowns.created_by')
    .select([...summaryColumns, 'takedowns.provider_contact', 'takedowns.notes', 'takedowns.created_at', 'creator.id as creator_id', 'creator.display_name as creator_name'])
    .where('takedowns.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('takedown');
  const [history, notices] = await Promise.all([
    ctx.db.selectFrom('takedown_status_history as h').leftJoin('users as u', 'u.id', 'h.actor_id')
      .select(['h.from_status', 'h.to_status', 'h.at', 'h.reference', 'h.note', 'u.id as uid', 'u.display_name as uname'])
      .where('h.takedown_id', '=', id).orderBy('h.at').orderBy('h.recorded_at').execute(),
    ctx.db.selectFrom('takedown_notices as n').leftJoin('users as u', 'u.id', 'n.actor_id')
      .select(['n.number', 'n.sent_at', 'u.id as uid', 'u.display_name as uname']).where('n.takedown_id', '=', id).orderBy('n.number').execute(),
  ]);
  const ref = (uid: string | null, name: string | null) => (uid ? { id: uid, displayName: name ?? '' } : null);
  return {
    ...toSummary(r, now),
    providerContact: r.provider_contact,
    notes: r.notes,
    createdBy: ref(r.creator_id, r.creator_name),
    createdAt: r.created_at.toISOString(),
    history: history.map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, at: h.at.toISOString(), reference: h.reference, note: h.note, actor: ref(h.uid, h.uname) })),
    notices: notices.map((n) => ({ number: n.number, sentAt: n.sent_at.toISOString(), actor: ref(n.uid, n.uname) })),
    allowedStatuses: allowedTakedownSteps(r.status),
  };
}

/**
 * Time to removal per provider over the takedowns of the cases the caller may read: how many were asked, removed,
 * refused, still up, and the median and 90th percentile of hours from request (or reappearance) to removal.
 */
export async function takedownReport(ctx: ServiceContext): Promise<TakedownReport> {
  const hours = sql<number>`extract(epoch from (takedowns.removed_at - takedowns.requested_at)) / 3600.0`;
  const rows = await baseQuery(ctx.db, ctx.actor)
    .select([
      sql<string>`min(takedowns.provider)`.as('provider'),
      sql<number>`count(*)`.as('count'),
      sql<number>`count(*) filter (where takedowns.status = 'removed')`.as('removed'),
      sql<number>`count(*) filter (where takedowns.status = 'refused')`.as('refused'),
      sql<number>`count(*) filter (where takedowns.status in ('requested','acknowledged','reappeared'))`.as('open'),
      sql<number | null>`percentile_cont(0.5) within group (order by ${hours}) filter (where takedowns.status = 'removed')`.as('median'),
      sql<number | null>`percentile_cont(0.9) within group (order by ${hours}) filter (where takedowns.status = 'removed')`.as('p90'),
      sql<number>`sum(takedowns.notices_sent)`.as('notices'),
    ])
    .groupBy(sql`lower(takedowns.provider)`)
    .execute();
  const round = (v: number | null) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  const providers = rows.map((r) => ({
    provider: r.provider, count: Number(r.count), removed: Number(r.removed), refused: Number(r.refused), open: Number(r.open),
    medianHours: round(r.median), p90Hours: round(r.p90), noticesSent: Number(r.notices),
  })).sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider));
  return { providers, generatedAt: nowOf(ctx).toISOString() };
}

export { isOpenTakedown };
