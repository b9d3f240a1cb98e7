import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// The graph's change log (issue 9): every insert, update or delete of a record the entity graph reads is noted
// here by a trigger, in the same transaction as the change. Each process keeps its in-memory graph current by
// reading the rows after the last one it applied (src/modules/graph/graph.store.ts), so several server processes
// and the CLI all answer from current data. `tx` lets a reader tell when every transaction that could still add a
// lower seq has ended (sequence numbers are taken before commit, so they can become visible out of order).
// Old rows are pruned; `graph_change_horizon` says below which seq rows may be gone (a reader behind it rebuilds).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE graph_changes (
      seq bigserial PRIMARY KEY,
      tbl text NOT NULL,
      -- The changed record's key: its id, or the key columns joined by ':'; '*' after a TRUNCATE (rebuild).
      key text NOT NULL,
      tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX graph_changes_at ON graph_changes (at);

    CREATE TABLE graph_change_horizon (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      pruned_below bigint NOT NULL DEFAULT 0
    );
    INSERT INTO graph_change_horizon (one, pruned_below) VALUES (true, 0);
  `);
  // Arguments: the key columns of the table. An update that changes the key notes the old key too.
  // (One statement with a function body: not split by runDdl.)
  await sql.raw(`
    CREATE FUNCTION graph_note_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      new_key text := '';
      old_key text := '';
      r jsonb;
      i int;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        INSERT INTO graph_changes (tbl, key) VALUES (TG_TABLE_NAME, '*');
        RETURN NULL;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        r := to_jsonb(NEW);
        FOR i IN 0 .. TG_NARGS - 1 LOOP
          new_key := new_key || CASE WHEN i > 0 THEN ':' ELSE '' END || coalesce(r ->> TG_ARGV[i], '');
        END LOOP;
      END IF;
      IF TG_OP <> 'INSERT' THEN
        r := to_jsonb(OLD);
        FOR i IN 0 .. TG_NARGS - 1 LOOP
          old_key := old_key || CASE WHEN i > 0 THEN ':' ELSE '' END || coalesce(r ->> TG_ARGV[i], '');
        END LOOP;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO graph_changes (tbl, key) VALUES (TG_TABLE_NAME, new_key);
      END IF;
      IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND old_key <> new_key) THEN
        INSERT INTO graph_changes (tbl, key) VALUES (TG_TABLE_NAME, old_key);
      END IF;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  const watched: Array<[string, string[]]> = [
    ['entities', ['id']],
    ['persons', ['id']],
    ['cases', ['id']],
    ['victims', ['id']],
    ['operations', ['id']],
    ['evidence_items', ['id']],
    ['communications', ['id']],
    ['hash_sets', ['id']],
    ['links', ['id']],
    ['payments', ['id']],
    ['communication_participants', ['communication_id']],
    ['case_persons', ['case_id', 'person_id']],
    ['case_victims', ['case_id', 'victim_id']],
    // A match is re-read with every match of its media file (so the case's hash-set edges are recounted).
    ['media_matches', ['media_file_id']],
  ];
  for (const [table, keys] of watched) {
    await runDdl(db, `
      CREATE TRIGGER ${table}_graph_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION graph_note_change(${keys.map((k) => `'${k}'`).join(', ')});
      CREATE TRIGGER ${table}_graph_truncate AFTER TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION graph_note_change();
    `);
  }
}
