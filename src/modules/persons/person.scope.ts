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

/**
 * The persons the actor may see, as a table named `persons` (every column) for searches and lists over many
 * persons: the same rows as `persons WHERE personVisibleTo(actor)`, but read from the caller's own records (the
 * persons on the caller's cases, through `visibleCases` and `case_persons`, and the persons they recorded, through
 * `persons_created_by`), gathered once and then read by primary key, instead of testing every candidate person
 * against the caller's cases (a common name at national size is hundreds of thousands of candidates).
 * Single reads by id keep `personVisibleTo`. Usage: `db.selectFrom(visiblePersons(db, actor))` as `selectFrom('persons')`.
 */
export function visiblePersons(db: Db | Tx, actor: Actor) {
  const all = () => db.selectFrom('persons').selectAll('persons');
  if (actor.role === 'analyst') return all().as('persons');
  if (actor.role !== 'investigator' && actor.role !== 'supervisor' && actor.role !== 'prosecutor') return all().where(sql<SqlBool>`false`).as('persons');
  const onMyCases = db.selectFrom('case_persons').select('case_persons.person_id as id')
    .where(sql<SqlBool>`case_persons.case_id = ANY(ARRAY(${db.selectFrom(visibleCases(db, actor)).select('cases.id')}))`);
  const recordedByMe = db.selectFrom('persons as mine').select('mine.id as id').where('mine.created_by', '=', actor.id);
  return all().where(sql<SqlBool>`persons.id = ANY(ARRAY(${onMyCases.union(recordedByMe)}))`).as('persons');
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
