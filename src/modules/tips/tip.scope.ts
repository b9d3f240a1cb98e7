import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';

// Who sees which tip: analysts every tip (they triage the national queue, the unrouted tips included); a
// supervisor the tips routed to their branch; every other role none (a converted tip's content reaches the
// case team through the case: its identifiers, links and the timeline entry naming the files).
export function tipVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'tips'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return sql<SqlBool>`true`;
    if (actor.role === 'supervisor' && actor.branchId !== null) return eb('tips.branch_id', '=', actor.branchId);
    return sql<SqlBool>`false`;
  };
}
