import { sql, type Kysely } from 'kysely';

// A person is visible to an investigator, supervisor or prosecutor who recorded them (persons.created_by), as well
// as through the caller's cases. Person search for those roles is driven from the caller's own records
// (src/modules/persons/person.scope.ts visiblePersons): the persons on their cases by case, and the persons they
// recorded by this index. Without it that part was a scan of every person (5,000,000 at national size).
// (`amaan generate` drops and builds it again with the other secondary indexes of persons.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS persons_created_by ON persons (created_by) WHERE created_by IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS persons_created_by`.execute(db);
}
