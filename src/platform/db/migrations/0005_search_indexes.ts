import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Indexes that keep the case list fast at national scale (measured at 100,000 cases in
// docs/benchmarks.md, "Spine (issue 2)"):
// - title search is `lower(title) LIKE '%words%'`, which no B-tree can serve: a trigram GIN index
//   (pg_trgm, loaded into PGlite by database.ts; a trusted extension on PostgreSQL 13+) turns the
//   sequential scan into an index lookup;
// - FIR-number search (`FIR 57/2025`) looks up fir_number without the branch, which the unique
//   (branch, year, number) index cannot serve;
// - the list is ordered by last update.
// Without pg_trgm (a server where it is not installed, or no right to create it) the title index is left
// out and search stays correct, only slower.
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ available: boolean; installed: boolean; may_create: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS available,
           EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed,
           has_database_privilege(current_database(), 'CREATE') AS may_create`.execute(db);
  const trgm = rows[0]!;
  if (trgm.installed || (trgm.available && trgm.may_create)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX cases_title_trgm ON cases USING gin (lower(title) gin_trgm_ops)`.execute(db);
  }
  await runDdl(db, `
    CREATE INDEX cases_fir_number ON cases (fir_number, fir_year) WHERE fir_number IS NOT NULL;
    CREATE INDEX cases_updated ON cases (updated_at DESC, id)
  `);
}
