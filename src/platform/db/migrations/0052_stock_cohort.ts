import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { statusIntervals, refreshBody as stockRefreshBody } from './0039_stock_rollup.ts';
import { flowRebuild } from './0051_stock_backlog.ts';
import { extendBody, rebuildBody, refreshBody, type FlowKeyedSums } from './flow-keyed-sums.ts';

// Cases by status grouped by the month (or year) each case was REPORTED (issue 12): the registry's figure counts every
// case reported before the period's end under its status at that end, grouped by its own reported month, so the
// status rollup of migration 0039 (keyed by district, branch, status and offence set, not by reported month) cannot
// answer it and the exact SQL read all 1,000,000 cases (4.7 s at national size). This keeps a COHORT histogram: the
// cases per reported month, province, status and child-exploitation flag, as changes per local day plus monthly
// checkpoints (as 0039, 0047, 0051), so a national or provincial figure reads one month's checkpoint (~16,000 rows at
// 1,000,000 cases) and the days since.
//
// What is summed: 0039's intervals of a case under each status, (reported_at, first history instant] under
// cases.status and each span of case_status_spans (migration 0037) from greatest(valid_from, reported_at); +1 on the
// local day of the start, -1 on the local day of the end. For T the local midnight starting day D, the sum of the
// changes of the days before D is the number of cases reported before T under each status at T, per key.
//
// The key: the case's local reported month, its district's province, the status and the flag. Not the district or
// branch (156,550 rows a checkpoint at 1,000,000 cases: no faster than the cases of one area), so a district or
// branch figure, a category and need-to-know read the exact SQL over that area's cases (rollup/stock.ts decides). The
// zone, the flag's codes and the days are stat_flow_meta's (the flow table's keys), as 0051: the flow rebuild re-keys
// it (stat_flow_rebuild's tail; the online flow rebuild refreshes it batch by batch, rollup/rebuild.ts), and a figure
// in another zone, under other codes or during that rebuild reads the exact SQL (checked in the statement).
//
// Kept in the writing statement by the triggers that keep 0039's rollup (cases: status, district, branch,
// reported_at, insert, delete; case_status_history after the spans; case_offences): stock_refresh_cases now refreshes
// this too, once its cases are locked. A district moved to another province refreshes its cases (the province is a
// key); TRUNCATE of the status history rebuilds it (TRUNCATE of cases or offences rebuilds the flow table, whose
// rebuild ends with this one's).
// test/stats/stock-cohort.test.ts holds the figure equal to the exact SQL after every kind of write and the tables
// equal to a rebuild.

const key = ['reported_month', 'province', 'status', 'ce'] as const;

/**
 * The parts of the cases `filter` selects: their status intervals, days and months in `v_zone`, flag by `v_codes` (SQL).
 * The flag is one probe of the case's offences (OFFSET 0 keeps it a per-case subplan): pulled up into a join, the
 * planner hashed every child-exploitation offence row for a refresh of one case (0.7 s at 1,000,000 cases).
 */
const partsSelect = (filter: (column: string) => string) => `
  SELECT iv.case_id, (e.at AT TIME ZONE v_zone)::date AS day, date_trunc('month', c.reported_at AT TIME ZONE v_zone)::date AS reported_month,
    d.province, iv.status, EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code = ANY (v_codes) OFFSET 0) AS ce,
    sum(e.delta)::int AS delta
  FROM (${statusIntervals(filter)}
  ) iv
  JOIN cases c ON c.id = iv.case_id
  JOIN districts d ON d.id = c.district_id
  CROSS JOIN LATERAL (VALUES (iv.s, 1), (iv.e, -1)) e(at, delta)
  WHERE iv.s < iv.e AND e.at < 'infinity'::timestamptz
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(e.delta) <> 0`;

/** The cohort histogram's tables and functions (flow-keyed-sums.ts builds their bodies). */
export const cohortSums: FlowKeyedSums = { prefix: 'stock_cohort', key, parts: partsSelect };

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE stock_cohort_parts (
      case_id uuid NOT NULL,
      day date NOT NULL,
      reported_month date NOT NULL,
      province text NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      delta int NOT NULL,
      PRIMARY KEY (case_id, day, status)
    );
    CREATE TABLE stock_cohort_daily (
      day date NOT NULL,
      reported_month date NOT NULL,
      province text NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      delta bigint NOT NULL,
      PRIMARY KEY (day, reported_month, province, status, ce)
    );
    CREATE TABLE stock_cohort_months (
      month date PRIMARY KEY
    );
    CREATE TABLE stock_cohort_checkpoints (
      month date NOT NULL,
      reported_month date NOT NULL,
      province text NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (month, reported_month, province, status, ce)
    )
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  await sql.raw(`CREATE FUNCTION stock_cohort_extend_checkpoints() RETURNS int LANGUAGE plpgsql AS $fn$ ${extendBody(cohortSums)} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_cohort_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$ ${rebuildBody(cohortSums)} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_cohort_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody(cohortSums)} $fn$`).execute(db);
  // 0039's triggers call stock_refresh_cases: as 0044 made it (cases locked first), with this refresh once they are locked.
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody({ lockFirst: true, afterLock: ' PERFORM stock_cohort_refresh(ids);' })} $fn$`).execute(db);
  // New flow keys (zone, codes) re-key it, as the backlog histogram (0051's stat_flow_rebuild, with this one's rebuild added).
  await sql.raw(flowRebuild('PERFORM stock_backlog_rebuild(); PERFORM stock_cohort_rebuild();')).execute(db);
  await sql.raw(`
    CREATE FUNCTION stock_cohort_after_history_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM stock_cohort_rebuild();
      RETURN NULL;
    END
    $fn$`).execute(db);
  // A district moved to another province: its cases' parts are keyed anew (locked in id order, as every refresh).
  await sql.raw(`
    CREATE FUNCTION stock_cohort_after_districts_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE ids uuid[];
    BEGIN
      ids := ARRAY(
        SELECT c.id FROM cases c
        WHERE c.district_id IN (SELECT n.id FROM stock_new n JOIN stock_old o ON o.id = n.id WHERE n.province IS DISTINCT FROM o.province)
        ORDER BY c.id FOR NO KEY UPDATE);
      PERFORM stock_cohort_refresh(ids);
      RETURN NULL;
    END
    $fn$`).execute(db);
  await runDdl(db, `
    CREATE TRIGGER stock_cohort_history_truncate AFTER TRUNCATE ON case_status_history FOR EACH STATEMENT EXECUTE FUNCTION stock_cohort_after_history_truncate();
    CREATE TRIGGER stock_cohort_districts_update AFTER UPDATE ON districts REFERENCING OLD TABLE AS stock_old NEW TABLE AS stock_new FOR EACH STATEMENT EXECUTE FUNCTION stock_cohort_after_districts_update()
  `);
  await sql.raw(`SELECT stock_cohort_rebuild()`).execute(db);
  await runDdl(db, `
    ANALYZE stock_cohort_parts;
    ANALYZE stock_cohort_daily;
    ANALYZE stock_cohort_checkpoints
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody({ lockFirst: true })} $fn$`).execute(db);
  await sql.raw(flowRebuild('PERFORM stock_backlog_rebuild();')).execute(db);
  await runDdl(db, `
    DROP TRIGGER stock_cohort_districts_update ON districts;
    DROP TRIGGER stock_cohort_history_truncate ON case_status_history;
    DROP FUNCTION stock_cohort_after_districts_update();
    DROP FUNCTION stock_cohort_after_history_truncate();
    DROP FUNCTION stock_cohort_refresh(uuid[]);
    DROP FUNCTION stock_cohort_rebuild();
    DROP FUNCTION stock_cohort_extend_checkpoints();
    DROP TABLE stock_cohort_checkpoints;
    DROP TABLE stock_cohort_months;
    DROP TABLE stock_cohort_daily;
    DROP TABLE stock_cohort_parts
  `);
}
