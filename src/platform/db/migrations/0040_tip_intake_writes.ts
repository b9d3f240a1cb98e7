import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Cheaper writes and reads for tip intake (issue 11, third pass; docs/benchmarks.md, "Tip intake: PostgreSQL's
// work per report").
//
// 1. The graph's change log (migration 0016) for INSERTs into the two tables intake writes most, entities and
//    links: one statement-level trigger per INSERT statement that notes every inserted row from the statement's
//    transition table, instead of a PL/pgSQL row trigger per row (each turned the whole row into JSON to read its
//    id). The same rows reach graph_changes (table name and id as text), in the same transaction and at the same
//    moment (after-row triggers also fire at the end of the statement); updates and deletes keep the row trigger
//    (an update that changes the key notes both keys). An INSERT ... ON CONFLICT DO UPDATE notes its inserted
//    rows here and its updated rows by the update row trigger, as before.
// 2. "Is this entity already in a case?" (triage) looks up the links recorded in a case by their ends. The only
//    indexes on the ends covered every link, most of them tips' own links with no case, so the planner scanned
//    all of an end type's links (it grows with every tip). Partial indexes hold only the links of a case, so tips'
//    links (case_id NULL) cost nothing more to write.
export async function up(db: Kysely<unknown>): Promise<void> {
  // (One statement with a function body: not split by runDdl.)
  await sql.raw(`
    CREATE FUNCTION graph_note_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO graph_changes (tbl, key) SELECT TG_TABLE_NAME, n.id::text FROM graph_new_rows n;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  await runDdl(db, `
    DROP TRIGGER entities_graph_change ON entities;
    CREATE TRIGGER entities_graph_change AFTER UPDATE OR DELETE ON entities FOR EACH ROW EXECUTE FUNCTION graph_note_change('id');
    CREATE TRIGGER entities_graph_insert AFTER INSERT ON entities REFERENCING NEW TABLE AS graph_new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION graph_note_inserted();
    DROP TRIGGER links_graph_change ON links;
    CREATE TRIGGER links_graph_change AFTER UPDATE OR DELETE ON links FOR EACH ROW EXECUTE FUNCTION graph_note_change('id');
    CREATE TRIGGER links_graph_insert AFTER INSERT ON links REFERENCING NEW TABLE AS graph_new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION graph_note_inserted();
    CREATE INDEX links_from_in_case ON links (from_type, from_id) WHERE case_id IS NOT NULL;
    CREATE INDEX links_to_in_case ON links (to_type, to_id) WHERE case_id IS NOT NULL;
  `);
}
