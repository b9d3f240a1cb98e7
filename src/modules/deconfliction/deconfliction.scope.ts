import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/permissions.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';

// Who is told of a de-confliction alert, who may see it, and who may decide it (the rule file of the
// capability; the central scope registry reads the predicates).
//
// Told, for each new alert (deconfliction.service.ts):
//   recording side: the user who recorded the identifier, the leads of the case it was recorded in, and the
//                   supervisors of that case's branch (of the recorder's branch when there is no case);
//   holding side:   the leads of the case that already held it and the supervisors of that case's branch.
// A case without a lead on its team counts its investigators, and failing those its creator.
// Seen: the alert is visible to whoever recorded it, whoever was told of it, and the supervisors of either
// case's branch. What each of them sees of it follows from which of the two cases they may read.
// Decided: only by a supervisor of the holding case's branch.

export function alertVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'deconfliction_alerts'>): Expression<SqlBool> => {
    const ors = [
      eb('deconfliction_alerts.triggered_by', '=', actor.id),
      eb.exists(eb.selectFrom('notifications').select(sql`1`.as('one'))
        .whereRef('notifications.alert_id', '=', 'deconfliction_alerts.id').where('notifications.user_id', '=', actor.id)),
    ];
    if (actor.role === 'supervisor' && actor.branchId !== null) {
      const branchId = actor.branchId;
      ors.push(eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).where('cases.branch_id', '=', branchId)
        .where((w) => w.or([w('cases.id', '=', w.ref('deconfliction_alerts.holder_case_id')), w('cases.id', '=', w.ref('deconfliction_alerts.recorder_case_id'))]))));
    }
    return eb.or(ors);
  };
}

/** Whether the actor decides alerts about a case of this branch: a supervisor (case.team.manage) of that branch. */
export function mayDecide(actor: Actor, holderBranchId: number): boolean {
  return can(actor.role, 'case.team.manage') && actor.branchId === holderBranchId;
}

/** The active supervisors of a branch. */
export async function branchSupervisors(db: Db | Tx, branchId: number): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'supervisor').where('branch_id', '=', branchId).where('disabled', '=', false).execute();
  return rows.map((r) => r.id);
}

/** Who leads a case: its leads; without one its investigators and supervisors on the team; failing those its creator. */
export async function caseLeads(db: Db | Tx, caseId: string): Promise<string[]> {
  const team = await db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['users.id', 'case_team.team_role', 'users.role']).where('case_team.case_id', '=', caseId).where('users.disabled', '=', false).execute();
  const leads = team.filter((m) => m.team_role === 'lead');
  if (leads.length) return leads.map((m) => m.id);
  const investigators = team.filter((m) => m.team_role === 'member' && (m.role === 'investigator' || m.role === 'supervisor'));
  if (investigators.length) return investigators.map((m) => m.id);
  const c = await db.selectFrom('cases').innerJoin('users', 'users.id', 'cases.created_by').select('users.id')
    .where('cases.id', '=', caseId).where('users.disabled', '=', false).executeTakeFirst();
  return c ? [c.id] : [];
}
