import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import { firLabel } from '../cases/case.service.ts';
import { victimVisibleTo } from './victim.scope.ts';
import type { SafeguardingAlerts } from './victim.schema.ts';

// Hand-offs that must not be forgotten: a rescued child nobody looks after yet (shown to the branch supervisor,
// who assigns protection officers, until one is assigned), and follow-ups past their date. Read through the
// victims the caller may see (victim.scope.ts): a supervisor sees their branch's, an officer their own.

const DAY_MS = 86_400_000;
const LIMIT = 200;

export async function safeguardingAlerts(ctx: ServiceContext, now = new Date()): Promise<SafeguardingAlerts> {
  const rescuedAt = sql<Date>`coalesce(victims.recovered_at, (SELECT min(r.rescued_at) FROM rescues r WHERE r.victim_id = victims.id))`;
  const unassigned = await ctx.db
    .selectFrom('victims')
    .where(victimVisibleTo(ctx.actor))
    .where('victims.state', '!=', 'closed')
    .where((eb) => eb.or([eb('victims.recovered_at', 'is not', null), eb.exists(eb.selectFrom('rescues').select(sql`1`.as('one')).whereRef('rescues.victim_id', '=', 'victims.id'))]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one')).whereRef('victim_assignments.victim_id', '=', 'victims.id'))))
    .select(['victims.id', 'victims.pseudonym', 'victims.state', rescuedAt.as('rescued_at')])
    .orderBy(rescuedAt, 'asc')
    .orderBy('victims.pseudonym')
    .limit(LIMIT)
    .execute();
  const ids = unassigned.map((v) => v.id);
  const cases = ids.length
    ? await ctx.db.selectFrom('case_victims').innerJoin('cases', 'cases.id', 'case_victims.case_id')
      .select(['case_victims.victim_id', 'cases.id', 'cases.title', 'cases.fir_number', 'cases.fir_year'])
      .where('case_victims.victim_id', 'in', ids).where(caseVisibleTo(ctx.actor)).orderBy('cases.created_at').execute()
    : [];

  const overdue = await ctx.db
    .selectFrom('followups')
    .innerJoin('victims', 'victims.id', 'followups.victim_id')
    .where(victimVisibleTo(ctx.actor))
    .where('victims.state', '!=', 'closed')
    .where('followups.done_at', 'is', null)
    .where('followups.due_at', '<', now)
    .select(['victims.id as victim_id', 'victims.pseudonym', 'followups.id', 'followups.kind', 'followups.due_at'])
    // The kind of care is a care record: only for the protection officer assigned to the child.
    .select((eb) => eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one')).whereRef('victim_assignments.victim_id', '=', 'victims.id').where('victim_assignments.user_id', '=', ctx.actor.id)).as('assigned_to_me'))
    .orderBy('followups.due_at', 'asc')
    .orderBy('followups.id')
    .limit(LIMIT)
    .execute();

  const days = (from: Date) => Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / DAY_MS));
  return {
    unassigned: unassigned.map((v) => ({
      victimId: v.id,
      pseudonym: v.pseudonym,
      state: v.state,
      rescuedAt: new Date(v.rescued_at).toISOString(),
      daysWaiting: days(v.rescued_at),
      cases: cases.filter((c) => c.victim_id === v.id).map((c) => ({ caseId: c.id, title: c.title, firLabel: firLabel(c) })),
    })),
    overdue: overdue.map((f) => ({
      victimId: f.victim_id,
      pseudonym: f.pseudonym,
      followupId: f.id,
      kind: f.assigned_to_me ? f.kind : null,
      dueAt: f.due_at.toISOString(),
      daysOverdue: days(f.due_at),
    })),
  };
}
