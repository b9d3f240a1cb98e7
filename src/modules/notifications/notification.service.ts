import { inTransaction, nowOf, type ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { alertViews } from '../deconfliction/deconfliction.service.ts';
import { legalRequestViews } from '../requests/legal-request.service.ts';
import type { ListNotificationsQuery, NotificationView } from './notification.schema.ts';
import { notificationVisibleTo } from './notification.scope.ts';
import { victimVisibleTo } from '../victims/victim.scope.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';

// A user's own notifications (today: de-confliction alerts and their outcome). Each carries the alert as the
// reader may see it now, so a notification never says more than the reader may read elsewhere.

export async function listNotifications(ctx: ServiceContext, q: ListNotificationsQuery) {
  const mine = ctx.db.selectFrom('notifications').where(notificationVisibleTo(ctx.actor));
  const query = q.unread === 'true' ? mine.where('notifications.read_at', 'is', null) : mine;
  const [rows, total, unread] = await Promise.all([
    query.leftJoin('cases', 'cases.id', 'notifications.case_id').leftJoin('hash_sets', 'hash_sets.id', 'notifications.hash_set_id')
      .select(['notifications.id', 'notifications.kind', 'notifications.alert_id', 'notifications.legal_request_id', 'notifications.created_at', 'notifications.read_at',
        'notifications.case_id', 'notifications.hash_set_id', 'notifications.match_files', 'cases.title as case_title', 'hash_sets.name as hash_set_name',
        'notifications.victim_id', 'notifications.followup_id', 'notifications.resolved_at'])
      .orderBy('notifications.created_at', 'desc').orderBy('notifications.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine.where('notifications.read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const alerts = await alertViews(ctx.db, ctx.actor, [...new Set(rows.map((r) => r.alert_id).filter((a): a is string => a !== null))]);
  const requests = await legalRequestViews(ctx.db, ctx.actor, [...new Set(rows.map((r) => r.legal_request_id).filter((a): a is string => a !== null))], nowOf(ctx));
  const victimIds = [...new Set(rows.map((r) => r.victim_id).filter((v): v is string => v !== null))];
  // By pseudonym, and only while the reader may still see the child.
  const victims = new Map((victimIds.length
    ? await ctx.db.selectFrom('victims').select(['victims.id', 'victims.pseudonym']).where('victims.id', 'in', victimIds).where(victimVisibleTo(ctx.actor)).execute()
    : []).map((v) => [v.id, v.pseudonym]));
  // A known-material match names its case only while the reader may still read it (they may have left the team).
  const matchCaseIds = [...new Set(rows.filter((r) => r.kind === 'media.known_match').map((r) => r.case_id).filter((c): c is string => c !== null))];
  const readableCases = new Set(matchCaseIds.length
    ? (await ctx.db.selectFrom('cases').select('cases.id').where('cases.id', 'in', matchCaseIds).where(caseVisibleTo(ctx.actor)).execute()).map((c) => c.id)
    : []);
  const followupIds = rows.map((r) => r.followup_id).filter((f): f is string => f !== null);
  const dues = new Map((followupIds.length ? await ctx.db.selectFrom('followups').select(['id', 'due_at']).where('id', 'in', followupIds).execute() : []).map((f) => [f.id, f.due_at.toISOString()]));
  const items: NotificationView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
    alert: r.alert_id ? alerts.get(r.alert_id) ?? null : null,
    legalRequest: r.legal_request_id ? requests.get(r.legal_request_id) ?? null : null,
    // The reader was on the case's team when told; if they may no longer read it, neither its id nor its title.
    knownMatch: r.kind === 'media.known_match' && r.case_id && r.hash_set_id
      ? readableCases.has(r.case_id)
        ? { caseId: r.case_id, caseTitle: r.case_title ?? '', hashSetId: r.hash_set_id, hashSet: r.hash_set_name ?? '', files: Number(r.match_files ?? 0) }
        : { caseId: null, caseTitle: null, hashSetId: r.hash_set_id, hashSet: r.hash_set_name ?? '', files: Number(r.match_files ?? 0) }
      : null,
    safeguarding: r.victim_id && victims.has(r.victim_id)
      ? { victimId: r.victim_id, pseudonym: victims.get(r.victim_id)!, followupId: r.followup_id, dueAt: r.followup_id ? dues.get(r.followup_id) ?? null : null, resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null }
      : null,
  }));
  return { items, total: Number(total.n), unread: Number(unread.n), limit: q.limit, offset: q.offset };
}

/** Marks one of the caller's notifications read (404 for anyone else's). */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const row = await tx.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where(notificationVisibleTo(ctx.actor)).forUpdate().executeTakeFirst();
    if (!row) throw notFound('notification');
    if (row.read_at) return;
    await tx.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', id).execute();
    await audit({ action: 'notification.read', entityType: 'notification', entityId: id });
  });
}

/** Marks all of the caller's notifications read. */
export async function markAllRead(ctx: ServiceContext): Promise<number> {
  return inTransaction(ctx, async (tx, audit) => {
    const rows = await tx.updateTable('notifications').set({ read_at: new Date() })
      .where('user_id', '=', ctx.actor.id).where('read_at', 'is', null).returning('id').execute();
    if (rows.length) await audit({ action: 'notification.read_all', entityType: 'notification', entityId: null, details: { count: rows.length } });
    return rows.length;
  });
}
