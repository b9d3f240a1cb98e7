import { sql, type Kysely } from 'kysely';

// Cheaper tip intake (issue 11; docs/benchmarks.md, "Tip intake: session 12").
//
// 1. Every tip arrives with no case, and so do the links triage records between a report's identifiers, yet
//    `tips_case` and `links_case` held an entry for each (all under NULL), written by every report and never read:
//    every reader of them asks for one case (`case_id = $1`, the foreign keys' ON DELETE of a case too), which a
//    partial index WHERE case_id IS NOT NULL answers the same way. Reads of the rows with no case use other
//    indexes (links_from / links_to, links_fact; tips_queue), as before.
// 2. The audit chain's writers' lock and the read of its head in one round trip instead of two (every audited
//    change pays them, and each batch of intake): a VOLATILE function takes the lock, then reads the head in a
//    statement of its own, which in READ COMMITTED gets a fresh snapshot taken after the lock was granted, so it
//    sees the entry the previous holder committed (a single statement taking the lock would read the head from a
//    snapshot taken before waiting for it). src/platform/audit/audit.ts, appendAuditEntries.
// 3. Triage looks for earlier reports with the same file hash by MD5, SHA-1, SHA-256 and PDQ, but tip_files had
//    no index on sha256: every batch holding a SHA-256 read every tip file. Partial, as the others: a file without
//    one costs nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tips_case`.execute(db);
  await sql`CREATE INDEX tips_case ON tips (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`DROP INDEX IF EXISTS links_case`.execute(db);
  await sql`CREATE INDEX links_case ON links (case_id) WHERE case_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX tip_files_sha256 ON tip_files (sha256) WHERE sha256 IS NOT NULL`.execute(db);
  await sql.raw(`
    CREATE FUNCTION audit_chain_head(lock_key bigint) RETURNS TABLE (head_seq bigint, head_hash text)
    LANGUAGE plpgsql VOLATILE AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(lock_key);
      RETURN QUERY SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
    END
    $fn$
  `).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS audit_chain_head(bigint)`.execute(db);
  await sql`DROP INDEX IF EXISTS tip_files_sha256`.execute(db);
  await sql`DROP INDEX IF EXISTS tips_case`.execute(db);
  await sql`CREATE INDEX tips_case ON tips (case_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS links_case`.execute(db);
  await sql`CREATE INDEX links_case ON links (case_id)`.execute(db);
}
