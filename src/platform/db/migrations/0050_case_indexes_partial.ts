import { sql, type Kysely } from 'kysely';

// Tip intake (issue 11): every tip arrives with no case, and so do the links triage records between a report's
// identifiers, yet `tips_case` and `links_case` held an entry for each (all under NULL), written by every report
// and never read: every reader of them asks for one case (`case_id = $1`, the foreign keys' ON DELETE of a case
// too), which a partial index WHERE case_id IS NOT NULL answers the same way. Reads of the rows with no case use
// other indexes (links_from / links_to, links_fact; tips_queue), as before. See docs/benchmarks.md, "Tip intake:
// session 12".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tips_case`.execute(db);
  await sql`CREATE INDEX tips_case ON tips (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS links_case`.execute(db);
  await sql`CREATE INDEX links_case ON links (case_id) WHERE case_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tips_case`.execute(db);
  await sql`CREATE INDEX tips_case ON tips (case_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS links_case`.execute(db);
  await sql`CREATE INDEX links_case ON links (case_id)`.execute(db);
}
