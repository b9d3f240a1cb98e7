import { sql, type Kysely } from 'kysely';

// Links name their ends as text (`links.to_id`, `links.from_id`: a person, entity, case... id), so the joins from a
// person's links to the entities they hold are written `entities.id::text = links.to_id` (person-identifiers.service.ts,
// suggestion.service.ts, entity.scope.ts). No index served that expression: every person page read every entity
// (a sequential scan of 820,452 entities at 100,000 cases, ~0.8 s under load; docs/benchmarks.md "s9-load"). An
// index on exactly that expression lets the planner look each one up. (`amaan generate` drops and builds it again
// with the other secondary indexes of entities.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS entities_id_text ON entities ((id::text))`.execute(db);
}
