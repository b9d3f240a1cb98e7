import { sql, type Kysely } from 'kysely';
import { entityValues, identifierEntityKind, personLinkKind } from '../../../modules/entities/entity.keys.ts';

// Issue 9: every row of person_identifiers becomes an entity (one per kind and normalised key, so two persons
// sharing a phone share ONE phone entity) and a link person --uses/holds--> entity with no case (the person
// form's identifiers), source 'migration' and the old row id as source id. A value that does not normalise is
// still kept, keyed by its trimmed text and marked { unverified: true } — not one row is lost. A mobile wallet's
// phone number is kept in the wallet's attributes (its key is provider:E.164), not as a separate entity.
// Then person_identifiers is dropped: persons, search and bundles read identifiers from entities and links.
//
// The keys come from the pure entity.keys.ts as it is at this version; a later change of a key rule needs a
// migration of its own that re-keys the rows.

type Row = { id: string | number; person_id: string; kind: string; value: string; platform: string | null; created_by: string | null };

const BATCH = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  let after = 0;
  for (;;) {
    const { rows } = await sql<Row>`
      SELECT pi.id, pi.person_id, pi.kind, pi.value, pi.platform, p.created_by
      FROM person_identifiers pi JOIN persons p ON p.id = pi.person_id
      WHERE pi.id > ${after} ORDER BY pi.id LIMIT ${BATCH}`.execute(db);
    if (!rows.length) break;
    after = Number(rows[rows.length - 1]!.id);
    const mapped = rows.map((r) => ({ row: r, e: entityValues(identifierEntityKind[r.kind] ?? 'other', r.value, r.platform, { unverified: true }) }));
    const unique = new Map(mapped.map((m) => [`${m.e.kind}\u0000${m.e.key}`, m]));
    await k.insertInto('entities')
      .values([...unique.values()].map(({ row, e }) => ({ kind: e.kind, key: e.key, display: e.display, platform: e.platform, attributes: JSON.stringify(e.attributes), created_by: row.created_by })))
      .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
      .execute();
    const ids = new Map<string, string>();
    for (const kind of new Set(mapped.map((m) => m.e.kind))) {
      const keys = [...new Set(mapped.filter((m) => m.e.kind === kind).map((m) => m.e.key))];
      const found = await k.selectFrom('entities').select(['id', 'key']).where('kind', '=', kind).where('key', 'in', keys).execute();
      for (const f of found) ids.set(`${kind}\u0000${String(f.key)}`, String(f.id));
    }
    await k.insertInto('links')
      .values(mapped.map(({ row, e }) => ({
        kind: personLinkKind(e.kind), from_type: 'person', from_id: row.person_id, to_type: 'entity', to_id: ids.get(`${e.kind}\u0000${e.key}`)!,
        case_id: null, source_type: 'migration', source_id: String(row.id), recorded_by: row.created_by,
      })))
      .execute();
  }
  await sql`DROP TABLE person_identifiers`.execute(db);
}
