import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Related reports checked once per statement instead of per row (issue 11, tip intake; docs/benchmarks.md, "Tip
// intake: PostgreSQL's work per report, fifth pass (s9-tips)").
//
// A new tip relates to every earlier tip sharing an identifier, a URL or a file hash (up to 200), so the rows of
// tip_relations per report grow with the tips already stored (about 15 per report at 32,000 tips in the
// benchmark, 45 at 100,000). Each row's two foreign keys were checked one by one at the end of the intake
// statement: a query per key per row, and the check of `related_tip_id` locked an OLD tip's row (FOR KEY SHARE),
// which dirtied its page and wrote a WAL record, with a full-page image when the page was first touched since the
// last checkpoint. Measured at 32,000 tips: 29 checks per report, more than half of the intake statement's
// time, and 26 KB of its 59 KB of WAL per report.
//
// The same guarantees, kept by triggers that act once per statement:
//  - every inserted (or updated) relation names two existing tips: one anti-join of the distinct tips the
//    statement's new rows name (its transition table) against `tips`' primary key, after the statement, raising
//    foreign_key_violation;
//  - a tip deleted takes its relations with it, both ways (as ON DELETE CASCADE did), by one statement-level
//    trigger over the deleted tips; TRUNCATE of tips empties tip_relations;
//  - no relation can be committed naming a tip deleted meanwhile. The foreign key did this with the row lock. Here
//    a transaction that deletes tips first takes the tip relations' class-wide advisory lock (tipRelationAll in
//    advisory-lock.ts) exclusively, and every transaction that writes relations holds it shared from its check to
//    its commit (intake takes it before it even looks for related tips): so a deletion waits for the writers
//    in flight to commit, and its cascade then sees their rows; a writer that comes later waits for the deletion to
//    commit, and its check then no longer finds the deleted tip (a fresh snapshot per statement, READ COMMITTED,
//    as intake runs). In REPEATABLE READ or SERIALIZABLE, whose snapshot could predate the deletion, the check
//    locks the named tips as the foreign key did (FOR KEY SHARE), and a tip deleted after the snapshot is a
//    serialisation failure.
// Backup restore runs with triggers off (session_replication_role = replica), as it ran with the keys off.
const LOCK = `7261025, hashtext('all')`; // LOCK_CLASS.tipRelationAll, key 'all' (advisory-lock.ts)

/**
 * The statement trigger function that checks a statement's new relations name existing tips (`probe`: the NOT EXISTS
 * subquery for one named tip `x.id`). Migration 0053 replaces it with a probe that stays a per-tip subplan.
 */
export const tipRelationsCheckFunction = (probe: string, replace = false): string => `
    CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION tip_relations_check_tips() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      bad record;
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${LOCK});
      IF current_setting('transaction_isolation') <> 'read committed' THEN
        PERFORM 1 FROM tips WHERE id IN (SELECT tip_id FROM tip_relations_new UNION SELECT related_tip_id FROM tip_relations_new) FOR KEY SHARE;
      END IF;
      -- Each tip named once (a new tip names its many related ones, and is named by each of its rows).
      SELECT x.id INTO bad FROM (SELECT tip_id AS id FROM tip_relations_new UNION SELECT related_tip_id FROM tip_relations_new) x
      WHERE NOT EXISTS (${probe})
      LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "tip_relations" names a tip that does not exist'
          USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (tip_id or related_tip_id)=(%s) is not present in table "tips".', bad.id),
                TABLE = 'tip_relations';
      END IF;
      RETURN NULL;
    END
    $fn$
  `;

export async function up(db: Kysely<unknown>): Promise<void> {
  // (Statements with function bodies: not split by runDdl.)
  await sql.raw(tipRelationsCheckFunction('SELECT 1 FROM tips t WHERE t.id = x.id')).execute(db);
  await sql.raw(`
    CREATE FUNCTION tips_lock_relations() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(${LOCK});
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  await sql.raw(`
    CREATE FUNCTION tips_delete_relations() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM tip_relations r USING tips_old o WHERE r.tip_id = o.id;
      DELETE FROM tip_relations r USING tips_old o WHERE r.related_tip_id = o.id;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  await sql.raw(`
    CREATE FUNCTION tips_truncate_relations() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM pg_advisory_xact_lock(${LOCK});
      TRUNCATE tip_relations;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  await runDdl(db, `
    ALTER TABLE tip_relations DROP CONSTRAINT tip_relations_tip_id_fkey;
    ALTER TABLE tip_relations DROP CONSTRAINT tip_relations_related_tip_id_fkey;
    CREATE TRIGGER tip_relations_tips_exist_insert AFTER INSERT ON tip_relations REFERENCING NEW TABLE AS tip_relations_new
      FOR EACH STATEMENT EXECUTE FUNCTION tip_relations_check_tips();
    CREATE TRIGGER tip_relations_tips_exist_update AFTER UPDATE ON tip_relations REFERENCING NEW TABLE AS tip_relations_new
      FOR EACH STATEMENT EXECUTE FUNCTION tip_relations_check_tips();
    CREATE TRIGGER tips_relations_lock BEFORE DELETE ON tips FOR EACH STATEMENT EXECUTE FUNCTION tips_lock_relations();
    CREATE TRIGGER tips_relations_delete AFTER DELETE ON tips REFERENCING OLD TABLE AS tips_old
      FOR EACH STATEMENT EXECUTE FUNCTION tips_delete_relations();
    CREATE TRIGGER tips_relations_truncate BEFORE TRUNCATE ON tips FOR EACH STATEMENT EXECUTE FUNCTION tips_truncate_relations();
  `);
}
