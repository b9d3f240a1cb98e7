import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo } from '../../platform/access/case-scope.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB, NodeType } from '../../platform/db/schema.ts';
import { personVisibleTo } from '../persons/person.scope.ts';
import { victimVisibleTo } from '../victims/victim.scope.ts';

// Who sees what in the entity graph (DESIGN-9, "the one rule"), as SQL predicates that every list, count,
// single read and graph query shares:
//  - a link is visible when its case is visible (caseVisibleTo), or it has no case and its from-node is a person
//    the actor may see (identifiers entered on the person form), or the actor recorded it;
//  - payments and communications follow their case;
//  - an entity is visible when a visible link, payment or communication touches it, or the actor created it;
//  - analysts see everything; roles without graph.read (leadership, administrators, auditors, protection
//    officers) see nothing.

/** Roles that see the graph through need-to-know; the analyst sees all; everyone else none. */
const graphRole = (actor: Actor) => actor.role === 'investigator' || actor.role === 'supervisor' || actor.role === 'prosecutor';
const all = () => sql<SqlBool>`true`;
const none = () => sql<SqlBool>`false`;


export function linkVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'links'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return all();
    if (!graphRole(actor)) return none();
    return eb.or([
      eb('links.recorded_by', '=', actor.id),
      eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.id', '=', 'links.case_id').where(caseVisibleTo(actor))),
      eb.and([
        eb('links.case_id', 'is', null),
        eb('links.from_type', '=', 'person'),
        eb.exists(eb.selectFrom('persons').select(sql`1`.as('one')).where(sql<string>`persons.id::text`, '=', sql.ref<string>('links.from_id')).where(personVisibleTo(actor))),
      ]),
    ]);
  };
}

export function paymentVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'payments'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return all();
    if (!graphRole(actor)) return none();
    return eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.id', '=', 'payments.case_id').where(caseVisibleTo(actor)));
  };
}

export function communicationVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'communications'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return all();
    if (!graphRole(actor)) return none();
    return eb.exists(eb.selectFrom('cases').select(sql`1`.as('one')).whereRef('cases.id', '=', 'communications.case_id').where(caseVisibleTo(actor)));
  };
}

export function entityVisibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'entities'>): Expression<SqlBool> => {
    if (actor.role === 'analyst') return all();
    if (!graphRole(actor)) return none();
    const idText = sql<string>`entities.id::text`;
    return eb.or([
      eb('entities.created_by', '=', actor.id),
      eb.exists(eb.selectFrom('links').select(sql`1`.as('one')).where('links.from_type', '=', 'entity').where('links.from_id', '=', idText).where(linkVisibleTo(actor))),
      eb.exists(eb.selectFrom('links').select(sql`1`.as('one')).where('links.to_type', '=', 'entity').where('links.to_id', '=', idText).where(linkVisibleTo(actor))),
      eb.exists(eb.selectFrom('payments').select(sql`1`.as('one'))
        .where((p) => p.or([p('payments.from_entity_id', '=', sql.ref<string>('entities.id')), p('payments.to_entity_id', '=', sql.ref<string>('entities.id'))]))
        .where(paymentVisibleTo(actor))),
      eb.exists(eb.selectFrom('communication_participants').innerJoin('communications', 'communications.id', 'communication_participants.communication_id')
        .select(sql`1`.as('one')).where('communication_participants.entity_id', '=', sql.ref<string>('entities.id')).where(communicationVisibleTo(actor))),
    ]);
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the actor may see one node of the graph (`person`, `entity`, `case`...). Used to refuse a link to a
 * node the caller cannot see, with the same answer for "missing" and "not yours".
 */
export async function nodeVisible(db: Db | Tx, actor: Actor, type: NodeType, id: string): Promise<boolean> {
  if (type === 'media') {
    if (!/^\d{1,15}$/.test(id)) return false;
    const row = await db.selectFrom('media_files').innerJoin('cases', 'cases.id', 'media_files.case_id').select('media_files.id')
      .where('media_files.id', '=', Number(id)).where(caseVisibleTo(actor)).executeTakeFirst();
    return Boolean(row);
  }
  if (!UUID.test(id)) return false;
  let row: unknown;
  switch (type) {
    case 'person': row = await db.selectFrom('persons').select('persons.id').where('persons.id', '=', id).where(personVisibleTo(actor)).executeTakeFirst(); break;
    case 'entity': row = await db.selectFrom('entities').select('entities.id').where('entities.id', '=', id).where(entityVisibleTo(actor)).executeTakeFirst(); break;
    case 'case': row = await db.selectFrom('cases').select('cases.id').where('cases.id', '=', id).where(caseVisibleTo(actor)).executeTakeFirst(); break;
    case 'victim': row = await db.selectFrom('victims').select('victims.id').where('victims.id', '=', id).where(victimVisibleTo(actor)).executeTakeFirst(); break;
    case 'operation': row = await db.selectFrom('operations').innerJoin('cases', 'cases.id', 'operations.case_id').select('operations.id').where('operations.id', '=', id).where(caseVisibleTo(actor)).executeTakeFirst(); break;
    case 'evidence': row = await db.selectFrom('evidence_items').innerJoin('cases', 'cases.id', 'evidence_items.case_id').select('evidence_items.id').where('evidence_items.id', '=', id).where(caseVisibleTo(actor)).executeTakeFirst(); break;
    case 'communication': row = await db.selectFrom('communications').select('communications.id').where('communications.id', '=', id).where(communicationVisibleTo(actor)).executeTakeFirst(); break;
    default: return false;
  }
  return Boolean(row);
}
