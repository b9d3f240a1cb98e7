import { sql, type Kysely } from 'kysely';

// Person search (src/modules/persons/person.service.ts) at 5,000,000 persons:
//   - persons_display_order: for a common name (more matching names than the search gathers), someone who sees
//     every person reads persons in the page's own order (display name, id) and stops at the page, instead of
//     gathering and sorting every match (17 s for "Ayesha" at national size, docs/benchmarks.md).
//   - persons_created_by: the persons an investigator or supervisor recorded themselves are part of what they may
//     see (person.scope.ts); gathering them read every person without it.
// (`amaan generate` drops and builds both again with the other secondary indexes of persons.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS persons_display_order ON persons (display_name, id) WHERE merged_into IS NULL`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS persons_created_by ON persons (created_by) WHERE created_by IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS persons_display_order`.execute(db);
  await sql`DROP INDEX IF EXISTS persons_created_by`.execute(db);
}
