import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import type { DB } from '../../platform/db/schema.ts';

// An operation is read through its own case or any further case it serves (operation_cases). Changes to it
// go through its own case only (lockVisibleOperation in operation.service.ts).
export function operationVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'operations'>): Expression<SqlBool> => eb.or([
    eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.id', '=', 'operations.case_id').where(caseVisibleTo(actor))),
    eb.exists(eb.selectFrom('operation_cases').innerJoin('cases', 'cases.id', 'operation_cases.case_id').select(sql`1`.as('one'))
      .whereRef('operation_cases.operation_id', '=', 'operations.id').where(caseVisibleTo(actor))),
  ]);
}
