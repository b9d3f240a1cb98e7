import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Db, Tx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';

// Need-to-know for cases, as one SQL predicate over `cases` so lists, counts and single reads all
// share it: investigators and prosecutors see the cases whose team they are on, a supervisor the
// cases of their branch (and any whose team they are on), an analyst all cases, every other role none.
export function caseVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    switch (actor.role) {
      case 'analyst':
        return sql<SqlBool>`true`;
      case 'supervisor': {
        // Their branch; and a case of another branch whose team they were put on (a de-confliction grant).
        const onTeam = eb.exists(eb.selectFrom('case_team').select(sql`1`.as('one')).whereRef('case_team.case_id', '=', 'cases.id').where('case_team.user_id', '=', actor.id));
        return actor.branchId === null ? onTeam : eb.or([eb('cases.branch_id', '=', actor.branchId), onTeam]);
      }
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

/** Whether the actor may see every case (an analyst): counts over all cases may then come from national aggregates. */
export function seesEveryCase(actor: Actor): boolean {
  return actor.role === 'analyst';
}

/** The ids of the cases whose team the user is on, gathered once (an InitPlan), so a read is driven from them. */
function teamCaseIds(db: Db | Tx, userId: string) {
  return sql<SqlBool>`cases.id = ANY(ARRAY(${db.selectFrom('case_team').select('case_team.case_id').where('case_team.user_id', '=', userId)}))`;
}

/**
 * The cases the actor may see, as a table named `cases` (every column) for lists, counts and other reads over
 * many cases: the same rows as `cases WHERE caseVisibleTo(actor)`, but shaped so the plan is bounded by the
 * caller's own cases rather than by all cases. An investigator's or prosecutor's cases are read by primary key
 * from their `case_team` rows; a supervisor's are their branch's cases (by `branch_id`, so a status filter uses
 * `cases_branch_status`) plus, apart, the other branches' cases whose team they are on. Filters the caller adds
 * on the outer query (status, branch, ...) are pushed into each part by PostgreSQL.
 * Single reads by id keep `caseVisibleTo` (a probe of one row; this shape would gather all the caller's ids).
 * Usage: `db.selectFrom(visibleCases(db, actor))...` exactly as `db.selectFrom('cases')`.
 */
export function visibleCases(db: Db | Tx, actor: Actor) {
  const all = () => db.selectFrom('cases').selectAll('cases');
  switch (actor.role) {
    case 'analyst':
      return all().as('cases');
    case 'supervisor': {
      const branchId = actor.branchId;
      if (branchId === null) return all().where(teamCaseIds(db, actor.id)).as('cases');
      // The two parts are disjoint (the second excludes the branch), so UNION ALL keeps each case once.
      return all().where('cases.branch_id', '=', branchId)
        .unionAll(all().where(teamCaseIds(db, actor.id)).where('cases.branch_id', '<>', branchId))
        .as('cases');
    }
    case 'investigator':
    case 'prosecutor':
      return all().where(teamCaseIds(db, actor.id)).as('cases');
    case 'protection_officer':
    case 'leadership':
    case 'administrator':
    case 'auditor':
      return all().where(sql<SqlBool>`false`).as('cases');
    default: {
      const unhandled: never = actor.role;
      return unhandled;
    }
  }
}

/**
 * Throws not_found unless the actor may see the case: "not yours" and "does not exist" look the same,
 * so ids cannot be probed.
 * `lock` (inside a transaction) takes the case row before reading it (SELECT ... FOR NO KEY UPDATE), so the
 * status returned is the one the caller's change builds on: a concurrent change of the same case waits for
 * this transaction to end. Writers lock the case first, then what hangs off it, and audit last.
 */
export async function requireCaseAccess(db: Db | Tx, actor: Actor, caseId: string, opts: { lock?: boolean } = {}): Promise<{ id: string; branch_id: number; status: string }> {
  let query = db
    .selectFrom('cases')
    .select(['id', 'branch_id', 'status'])
    .where('id', '=', caseId)
    .where(caseVisibleTo(actor));
  // NO KEY UPDATE: excludes every other writer of the row, yet lets unrelated rows that reference the case
  // (timeline entries, evidence) be inserted meanwhile.
  if (opts.lock) query = query.forNoKeyUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('case');
  return row;
}
