import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { userIdOf, type Actor } from '../../platform/access/actor.ts';
import { linkVisibleTo } from './entity.scope.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { DB, EntityKind } from '../../platform/db/schema.ts';
import { entityIdentifierKind, identifierEntityKind, personLinkKind, entityKey } from './entity.keys.ts';
import { recordEntityLink, upsertEntity } from './entity.service.ts';

// The identifiers entered on the person form (phones, e-mail, handles, wallets...), kept as entities and
// links person --uses/holds--> entity with no case (source 'person'; 'migration' for those moved from the old
// person_identifiers table). Persons and bundles read and write them through these functions.

/** Person-form links: no case, from the person, written by the form, moved by migration 0014 or imported with a bundle. */
const formSources = ['person', 'migration', 'bundle'] as const;

export interface PersonIdentifierInput {
  kind: string;
  value: string;
  platform?: string | null;
}

/**
 * Links each identifier to the person (recording the entity unless it exists). A value that does not
 * normalise is refused with a 400 naming `field(i)` unless `unverified` (bundles), where it is kept marked.
 */
export async function addPersonIdentifiers(
  tx: Tx,
  ctx: ServiceContext,
  personId: string,
  items: PersonIdentifierInput[],
  opts: { field: (i: number) => string; unverified?: boolean; sourceType?: 'person' | 'bundle'; sourceId?: string | null },
): Promise<string[]> {
  const entityIds: string[] = [];
  for (const [i, item] of items.entries()) {
    const kind = identifierEntityKind[item.kind] ?? 'other';
    const e = await upsertEntity(tx, userIdOf(ctx.actor), { kind, value: item.value, platform: item.platform ?? null }, { field: opts.field(i), unverified: opts.unverified });
    await recordEntityLink(tx, ctx, {
      kind: personLinkKind(kind), from: { type: 'person', id: personId }, to: { type: 'entity', id: e.id }, caseId: null,
      sourceType: opts.sourceType ?? 'person', sourceId: opts.sourceId === undefined ? personId : opts.sourceId,
    });
    entityIds.push(e.id);
  }
  return entityIds;
}

/** Removes the person-form links of the person (phones only, everything but phones, or all); entities stay. */
export async function clearPersonIdentifiers(tx: Tx, personId: string, which: 'phones' | 'others'): Promise<void> {
  await tx.deleteFrom('links')
    .where('from_type', '=', 'person').where('from_id', '=', personId).where('case_id', 'is', null).where('to_type', '=', 'entity')
    .where('source_type', 'in', [...formSources])
    .where((eb) => {
      const phone = eb.exists(eb.selectFrom('entities').select(sql`1`.as('one')).where(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')).where('entities.kind', '=', 'phone'));
      return which === 'phones' ? phone : eb.not(phone);
    })
    .execute();
}

export interface PersonIdentifierView {
  /** The link that ties the identifier to the person. */
  id: string;
  entityId: string;
  kind: string;
  value: string;
  platform: string | null;
}

/** The person's identifiers (all person-form links, and the person's links in any case are not included). */
export async function readPersonIdentifiers(db: Db | Tx, personId: string): Promise<{ phones: PersonIdentifierView[]; identifiers: PersonIdentifierView[] }> {
  const rows = await db.selectFrom('links')
    .innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
    .select(['links.id as id', 'entities.id as entity_id', 'entities.kind', 'entities.display', 'entities.platform'])
    .where('links.from_type', '=', 'person').where('links.from_id', '=', personId).where('links.case_id', 'is', null)
    .where('links.to_type', '=', 'entity').where('links.source_type', 'in', [...formSources])
    .orderBy('entities.kind').orderBy('links.recorded_at').orderBy('links.id')
    .execute();
  const seen = new Set<string>();
  const views = rows
    .filter((r) => !seen.has(r.entity_id) && seen.add(r.entity_id))
    .map((r) => ({ id: r.id, entityId: r.entity_id, kind: entityIdentifierKind(r.kind as EntityKind), value: r.display, platform: r.platform }));
  return { phones: views.filter((v) => v.kind === 'phone'), identifiers: views.filter((v) => v.kind !== 'phone') };
}

/** The identifiers of several persons at once (bundle export), in the person-form shape. */
export async function readIdentifiersOf(db: Db | Tx, personIds: string[]): Promise<Array<{ person_id: string; kind: string; value: string; platform: string | null }>> {
  if (!personIds.length) return [];
  const rows = await db.selectFrom('links')
    .innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
    .select(['links.from_id as person_id', 'entities.id as entity_id', 'entities.kind', 'entities.display', 'entities.platform'])
    .where('links.from_type', '=', 'person').where('links.from_id', 'in', personIds).where('links.case_id', 'is', null)
    .where('links.to_type', '=', 'entity').where('links.source_type', 'in', [...formSources])
    .orderBy('links.recorded_at').orderBy('links.id')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.person_id}:${r.entity_id}`) && seen.add(`${r.person_id}:${r.entity_id}`))
    .map((r) => ({ person_id: r.person_id, kind: entityIdentifierKind(r.kind as EntityKind), value: r.display, platform: r.platform }));
}

/** Persons holding an identifier of these (kind, key) pairs, through a link from the person the actor may see. */
export function personHasEntity(actor: Actor, keys: Array<{ kind: EntityKind; key: string }>, suffix?: string) {
  return (eb: ExpressionBuilder<DB, 'persons'>): Expression<SqlBool> => {
    if (!keys.length && !suffix) return sql<SqlBool>`false`;
    return eb.exists(
      eb.selectFrom('links')
        .innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
        .select(sql`1`.as('one'))
        .where('links.from_type', '=', 'person').where('links.to_type', '=', 'entity')
        .where(sql<string>`links.from_id`, '=', sql<string>`persons.id::text`)
        .where(linkVisibleTo(actor))
        .where((w) => w.or([
          ...keys.map((k) => w.and([w('entities.kind', '=', k.kind), w('entities.key', '=', k.key)])),
          ...(suffix ? [w.and([w('entities.kind', 'in', ['account', 'wallet']), w('entities.key', 'like', `%:${suffix.replace(/[\\%_]/g, '\\$&')}`)])] : []),
        ])),
    );
  };
}

/** (kind, key) pairs a typed identifier may be, for person search by handle, e-mail, wallet or other value. */
export function identifierSearchKeys(value: string): Array<{ kind: EntityKind; key: string }> {
  const out: Array<{ kind: EntityKind; key: string }> = [];
  for (const kind of ['email', 'account', 'bank_account', 'crypto_address', 'device', 'ip_address', 'other'] as const) {
    const r = entityKey(kind, value);
    if (r.ok) out.push({ kind, key: r.key });
  }
  return out;
}
