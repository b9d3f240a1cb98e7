import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, visibleCases } from '../../platform/access/case-scope.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/http/errors.ts';

// Need-to-know for persons, as one SQL predicate over `persons`: an analyst sees everyone; investigators,
// supervisors and prosecutors see a person linked to a case they may see, or one they recorded themselves;
// every other role sees no person.
export function personVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'persons'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return sql<SqlBool>`true`;
    if (actor.role !== 'investigator' && actor.role !== 'supervisor' && actor.role !== 'prosecutor') return sql<SqlBool>`false`;
    return eb.or([
      eb('persons.created_by', '=', actor.id),
      eb.exists(
        eb.selectFrom('case_persons')
          .innerJoin('cases', 'cases.id', 'case_persons.case_id')
          .select(sql`1`.as('one'))
          .whereRef('case_persons.person_id', '=', 'persons.id')
          .where(caseVisibleTo(actor)),
      ),
    ]);
  };
}

/** Whether the actor sees every person (an analyst): a search need not gather the persons they may see. */
export function seesEveryPerson(actor: Actor): boolean {
  return actor.role === 'analyst';
}

/**
 * The ids of the persons the actor may see, as a query of one column `person_id` (duplicates possible): the
 * same persons as `personVisibleTo`, gathered from the actor's own records (the persons of the cases they may see,
 * and those they recorded) for a search driven from them. Not for an actor who sees every person.
 */
export function visiblePersonIds(db: Db | Tx, actor: Actor) {
  const byCase = db.selectFrom(visibleCases(db, actor)).innerJoin('case_persons', 'case_persons.case_id', 'cases.id').select('case_persons.person_id');
  if (actor.role !== 'investigator' && actor.role !== 'supervisor' && actor.role !== 'prosecutor') return byCase.where(sql<SqlBool>`false`);
  return byCase.unionAll(db.selectFrom('persons').select('persons.id as person_id').where('persons.created_by', '=', actor.id));
}

/** Throws not_found unless the person exists and the actor may see them; `lock` takes the row for update. */
export async function requirePersonAccess(db: Db | Tx, actor: Actor, personId: string, opts: { lock?: boolean; field?: string } = {}) {
  let query = db.selectFrom('persons').selectAll('persons').where('persons.id', '=', personId).where(personVisibleTo(actor));
  if (opts.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) {
    const err = notFound('person');
    if (opts.field) err.errors.push({ field: opts.field, message: 'no such person you may see' });
    throw err;
  }
  return row;
}
