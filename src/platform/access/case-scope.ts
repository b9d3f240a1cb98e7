import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Db, Tx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';

// Need-to-know for cases, as one SQL predicate over `cases` so lists, counts and single reads all
// share it: investigators and prosecutors see the cases whose team they are on, a supervisor the
// cases of their branch, an analyst all cases, every other role none.
export function caseVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'analyst':
        return sql<SqlBool>`true`;
      case 'supervisor':
        return actor.branchId === null ? sql<SqlBool>`false` : eb('cases.branch_id', '=', actor.branchId);
      case 'investigator':
      case 'prosecutor':
        return eb.exists(
          eb
            .selectFrom('case_team')
            .select(sql`1`.as('one'))
            .whereRef('case_team.case_id', '=', 'cases.id')
            .where('case_team.user_id', '=', actor.id),
        );
      case 'protection_officer':
      case 'leadership':
      case 'administrator':
      case 'auditor':
        return sql<SqlBool>`false`;
      default: {
        const unhandled: never = actor.role;
        return unhandled;
      }
    }
  };
}

/**
 * Throws not_found unless the actor may see the case: "not yours" and "does not exist" look the same,
 * so ids cannot be probed.
 */
export async function requireCaseAccess(db: Db | Tx, actor: Actor, caseId: string): Promise<{ id: string; branch_id: number; status: string }> {
  const row = await db
    .selectFrom('cases')
    .select(['id', 'branch_id', 'status'])
    .where('id', '=', caseId)
    .where(caseVisibleTo(actor))
    .executeTakeFirst();
  if (!row) throw notFound('case');
  return row;
}
