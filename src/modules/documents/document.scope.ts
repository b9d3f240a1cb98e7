import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import type { DB } from '../../platform/db/schema.ts';
import { personVisibleTo } from '../persons/person.scope.ts';

// Need-to-know for documents: a document follows the record it is attached to. A case's, operation's or
// hearing's document is reached through its case (caseVisibleTo), a person's through the person
// (personVisibleTo); a document of a victim's care record only by a protection officer assigned to the
// victim, like the identity: not the investigators of the case, not the analyst.

/** Victims whose care record (and its documents) the actor may open: only an assigned protection officer. */
export function careDocumentsOpenTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'victims'>): Expression<SqlBool> => {
    if (actor.role !== 'protection_officer') return sql<SqlBool>`false`;
    return eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one'))
      .whereRef('victim_assignments.victim_id', '=', 'victims.id').where('victim_assignments.user_id', '=', actor.id));
  };
}

export function documentVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'documents'>): Expression<SqlBool> => {
    const viaCase = (table: 'operations' | 'hearings', column: 'documents.operation_id' | 'documents.hearing_id') =>
      eb.exists(eb.selectFrom(`${table} as owner` as 'operations as owner').innerJoin('cases', 'cases.id', 'owner.case_id').select(sql`1`.as('one'))
        .whereRef('owner.id', '=', column).where(caseVisibleTo(actor)));
    const branches: Expression<SqlBool>[] = [
      eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.id', '=', 'documents.case_id').where(caseVisibleTo(actor))),
      eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).whereRef('persons.id', '=', 'documents.person_id').where(personVisibleTo(actor))),
      viaCase('operations', 'documents.operation_id'),
      viaCase('hearings', 'documents.hearing_id'),
    ];
    if (actor.role === 'protection_officer') {
      branches.push(eb.exists(eb.selectFrom('victim_assignments').select(sql`1`.as('one'))
        .whereRef('victim_assignments.victim_id', '=', 'documents.victim_id').where('victim_assignments.user_id', '=', actor.id)));
    }
    return eb.or(branches);
  };
}
