import { sql, type Kysely } from 'kysely';

// Person search by name (issue 13 §5, docs/benchmarks.md "Load: why reads are slow") matches infix text,
// `lower(person_names.name) LIKE '%words%'`, and word starts by spelling-tolerant key,
// `' ' || person_names.name_key LIKE '% key%'`. No B-tree serves either, so every search read every name (2.3 s at
// 500,000 persons under load). Trigram GIN indexes on exactly those two expressions let the planner find the
// matching names by index. pg_trgm is loaded into PGlite by database.ts and is a trusted extension on PostgreSQL
// 13+; where it is present already (migration 0005 created it) CREATE EXTENSION IF NOT EXISTS does nothing. Without
// it (not installed on the server, or no right to create it) the indexes are left out and search stays correct,
// only slower, as in 0005.
//
// pending_index_builds: the secondary indexes a bulk load (`amaan generate` on PostgreSQL) dropped and has not built
// again yet, written in the transaction that drops them and emptied as each is built. A load killed before its end
// leaves rows here; the next start as the owner, `amaan migrate` or `amaan generate` builds them
// (platform/db/index-builds.ts). Only the owner's bulk load and start use it.
//
// person_score_queue: persons recorded while the duplicate-person index is still being built in the background
// (suggestion.service.ts) wait here to be scored, not only in the process's memory: a process that dies before its
// index is ready no longer loses them; the next one to build its index scores them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS person_score_queue (
    person_id uuid PRIMARY KEY REFERENCES persons(id) ON DELETE CASCADE,
    source text NOT NULL CHECK (source IN ('incremental', 'batch', 'import')),
    queued_by uuid REFERENCES users(id),
    queued_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS pending_index_builds (
    name text PRIMARY KEY,
    definition text NOT NULL,
    dropped_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  const { rows } = await sql<{ available: boolean; installed: boolean; may_create: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AS available,
           EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS installed,
           has_database_privilege(current_database(), 'CREATE') AS may_create`.execute(db);
  const trgm = rows[0]!;
  if (!(trgm.installed || (trgm.available && trgm.may_create))) return;
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // The expressions must be written as the search writes them (person.service.ts) for the planner to match them.
  await sql`CREATE INDEX IF NOT EXISTS person_names_lower_trgm ON person_names USING gin (lower(name) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS person_names_key_trgm ON person_names USING gin ((' ' || name_key) gin_trgm_ops)`.execute(db);
}
