import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Each case's status as intervals (issue 12, bench/figures.bench.ts): one row per status history row, in force
// from its `at` up to the next row's `at` of the same case (ordered by at, then id), 'infinity' for the last.
// A case's status at an instant T is the history row with the latest (at, id) before T, i.e. the one span with
// valid_from < T <= valid_to; rows tied at one instant give empty spans (valid_from = valid_to), in force at no
// instant (the later id wins), kept as the capacity plan's stays of 0 days. The stock figures (cases by status,
// open caseload, backlog), their drill-downs and the capacity plan read the spans in force at T (one index
// range) instead of every case's history up to T; the plan's time in each stage reads the spans ending in its
// window.
//
// Kept by triggers on case_status_history, in the same statement as the change, whatever writes it (the case
// and prosecution services, tips, bundle import, the demo loader, tests): every statement that inserts, updates
// or deletes history rebuilds the spans of the cases it touched from their whole history, so a backdated row or
// a correction is right too. The cases are locked first (FOR NO KEY UPDATE, as every status change already
// does), so two transactions changing one case's history rebuild its spans one after the other. Writers that
// switch triggers off (backup restore, which restores this table too; bench/figures-data.ts, which fills it
// itself) must keep it. test/stats/status-spans.test.ts checks the spans against the history on both engines and
// that nothing in src/ writes this table.

/** The spans of the cases `ids` (an SQL subquery of case ids) from their history: the rebuild's INSERT. */
export const spansFromHistory = (ids: string | null) => `
  INSERT INTO case_status_spans (history_id, case_id, status, valid_from, valid_to)
  SELECT id, case_id, to_status, at, next_at FROM (
    SELECT h.id, h.case_id, h.to_status, h.at,
      coalesce(lead(h.at) OVER (PARTITION BY h.case_id ORDER BY h.at, h.id), 'infinity'::timestamptz) AS next_at
    FROM case_status_history h ${ids ? `WHERE h.case_id IN (${ids})` : ''}
  ) x`;

const rebuild = (ids: string) => `
    PERFORM 1 FROM cases c WHERE c.id IN (${ids}) ORDER BY c.id FOR NO KEY UPDATE;
    DELETE FROM case_status_spans s WHERE s.case_id IN (${ids});
    ${spansFromHistory(ids)};`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE case_status_spans (
      history_id bigint PRIMARY KEY,
      case_id uuid NOT NULL,
      status text NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz NOT NULL,
      CHECK (valid_to >= valid_from)
    )
  `);
  await sql.raw(spansFromHistory(null)).execute(db);
  await runDdl(db, `
    CREATE INDEX case_status_spans_case ON case_status_spans (case_id, valid_to);
    CREATE INDEX case_status_spans_at ON case_status_spans (valid_to, valid_from) INCLUDE (case_id, status);
    ANALYZE case_status_spans
  `);
  // (One statement with a function body each: not split by runDdl.) Transition tables need one trigger per event.
  const fns: Array<[string, string]> = [
    ['insert', 'SELECT n.case_id FROM spans_new n'],
    ['update', 'SELECT n.case_id FROM spans_new n UNION SELECT o.case_id FROM spans_old o'],
    ['delete', 'SELECT o.case_id FROM spans_old o'],
  ];
  for (const [event, ids] of fns) {
    await sql.raw(`
      CREATE FUNCTION case_status_spans_after_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${rebuild(ids)}
        RETURN NULL;
      END
      $fn$
    `).execute(db);
  }
  await sql.raw(`
    CREATE FUNCTION case_status_spans_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM case_status_spans;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  await runDdl(db, `
    CREATE TRIGGER case_status_spans_insert AFTER INSERT ON case_status_history
      REFERENCING NEW TABLE AS spans_new FOR EACH STATEMENT EXECUTE FUNCTION case_status_spans_after_insert();
    CREATE TRIGGER case_status_spans_update AFTER UPDATE ON case_status_history
      REFERENCING OLD TABLE AS spans_old NEW TABLE AS spans_new FOR EACH STATEMENT EXECUTE FUNCTION case_status_spans_after_update();
    CREATE TRIGGER case_status_spans_delete AFTER DELETE ON case_status_history
      REFERENCING OLD TABLE AS spans_old FOR EACH STATEMENT EXECUTE FUNCTION case_status_spans_after_delete();
    CREATE TRIGGER case_status_spans_truncate AFTER TRUNCATE ON case_status_history
      FOR EACH STATEMENT EXECUTE FUNCTION case_status_spans_after_truncate()
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    DROP TRIGGER case_status_spans_insert ON case_status_history;
    DROP TRIGGER case_status_spans_update ON case_status_history;
    DROP TRIGGER case_status_spans_delete ON case_status_history;
    DROP TRIGGER case_status_spans_truncate ON case_status_history;
    DROP FUNCTION case_status_spans_after_insert();
    DROP FUNCTION case_status_spans_after_update();
    DROP FUNCTION case_status_spans_after_delete();
    DROP FUNCTION case_status_spans_after_truncate();
    DROP TABLE case_status_spans
  `);
}
