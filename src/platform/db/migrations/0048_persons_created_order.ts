import { sql, type Kysely } from 'kysely';

// The duplicate-person index is built from every person in the order they were recorded (created_at, id), a page
// at a time (src/modules/resolution/suggestion.service.ts personRecordPages: each page starts after the last row of
// the one before). Without an index in that order every page sorted all persons: at 5,000,000 persons, 250 sorts of
// the whole table before a server's index was ready. (`amaan generate` drops and builds it again with the other
// secondary indexes of persons.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS persons_created_order ON persons (created_at, id) WHERE merged_into IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS persons_created_order`.execute(db);
}
