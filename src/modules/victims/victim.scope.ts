import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Standing } from './victim.lifecycle.ts';

// Need-to-know for victims (their non-identifying record, always by pseudonym): whoever may see a case the
// victim is linked to, and a protection officer assigned to the victim. The identity is a separate matter:
// only an assigned protection officer ever reads it (victim.identity.ts).
export function victimVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'victims'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'protection_officer':
        return eb.exists(assignedTo(eb, actor));
      case 'analyst':
        return sql<SqlBool>`true`;
      case 'investigator':
      case 'supervisor':
      case 'prosecutor':
        return eb.exists(
          eb.selectFrom('case_victims').innerJoin('cases', 'cases.id', 'case_victims.case_id').select(sql`1`.as('one'))
            .whereRef('case_victims.victim_id', '=', 'victims.id').where(caseVisibleTo(actor)),
        );
      default:
        return sql<SqlBool>`false`;
    }
  };
}

function assignedTo(eb: ExpressionBuilder<DB, 'victims'>, actor: Actor) {
  return eb.selectFrom('victim_assignments').select(sql`1`.as('one')).whereRef('victim_assignments.victim_id', '=', 'victims.id').where('victim_assignments.user_id', '=', actor.id);
}

/**
 * The victim row and where the actor stands, or not_found when the victim is missing or not visible.
 * `lock` takes the victim row for update (state changes, care records, identity writes).
 */
export async function requireVictimAccess(db: Db | Tx, actor: Actor, victimId: string, opts: { lock?: boolean; field?: string } = {}) {
  let query = db
    .selectFrom('victims')
    .selectAll('victims')
    .select((eb) => [
      eb.exists(assignedTo(eb, actor)).as('assigned'),
      eb.exists(eb.selectFrom('case_victims').innerJoin('cases', 'cases.id', 'case_victims.case_id').select(sql`1`.as('one')).whereRef('case_victims.victim_id', '=', 'victims.id').where(caseVisibleTo(actor))).as('on_case'),
    ])
    .where('victims.id', '=', victimId)
    .where(victimVisibleTo(actor));
  if (opts.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) {
    const err = notFound('victim');
    if (opts.field) err.errors.push({ field: opts.field, message: 'no such victim you may see' });
    throw err;
  }
  const standing: Standing = { role: actor.role, assigned: actor.role === 'protection_officer' && Boolean(row.assigned), onCase: Boolean(row.on_case) };
  return { victim: row, standing };
}
