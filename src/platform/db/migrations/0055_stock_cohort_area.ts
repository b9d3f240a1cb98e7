import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { statusIntervals, refreshBody as stockRefreshBody } from './0039_stock_rollup.ts';
import { flowRebuild } from './0051_stock_backlog.ts';
import { extendBody, rebuildBody, refreshBody, type FlowKeyedSums } from './flow-keyed-sums.ts';

// Cases by status by reported month for a DISTRICT or a BRANCH (issue 12): migration 0052's cohort histogram is keyed
// by province, so a district's or branch's trend read the exact SQL over that area's cases (Lahore, 52,890 cases at
// 1,000,000: 1.6 s p50, 2.2 s p95, against the 200 ms aim). This is the same histogram keyed by the case's district and
// branch instead of its province. It is read only for a district or branch scope: a checkpoint holds ~180,000 rows at
// 1,000,000 cases (too many to sum for the nation, which keeps reading 0052's ~15,000), but one district's or branch's
// are about a thousand, found by the checkpoints' key (month, district...) or the (month, branch) index, and the days
// since by the daily key (day, district...).
//
// Summed as 0052 (0039's status intervals, +1 on the local day of the start, -1 on the local day of the end), under
// the flow table's keys (stat_flow_meta: zone and child-exploitation codes). Kept by the same writes: stock_refresh_cases
// (0039's triggers) refreshes it after 0052's, the flow rebuild's tail rebuilds it, the online flow rebuild refreshes it
// batch by batch (rollup/rebuild.ts), TRUNCATE of the status history rebuilds it. A district moved to another province
// changes nothing here (the province is not a key; the reader maps a province to its districts when it is asked).
// test/stats/stock-cohort.test.ts holds the district and branch figures equal to the exact SQL after every kind of
// write, and these tables equal to a rebuild.

const key = ['reported_month', 'district_id', 'branch_id', 'status', 'ce'] as const;

/** The parts of the cases `filter` selects, as 0052's but keyed by the case's district and branch. */
const partsSelect = (filter: (column: string) => string) => `
  SELECT iv.case_id, (e.at AT TIME ZONE v_zone)::date AS day, date_trunc('month', c.reported_at AT TIME ZONE v_zone)::date AS reported_month,
    c.district_id, c.branch_id, iv.status, EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code = ANY (v_codes) OFFSET 0) AS ce,
    sum(e.delta)::int AS delta
  FROM (${statusIntervals(filter)}
  ) iv
  JOIN cases c ON c.id = iv.case_id
  CROSS JOIN LATERAL (VALUES (iv.s, 1), (iv.e, -1)) e(at, delta)
  WHERE iv.s < iv.e AND e.at < 'infinity'::timestamptz
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(e.delta) <> 0`;

/** The area cohort histogram's tables and functions (flow-keyed-sums.ts builds their bodies). */
export const cohortAreaSums: FlowKeyedSums = { prefix: 'stock_cohort_area', key, parts: partsSelect };

export async function up(db: Kysely<unknown>): Promise<void> {
  // The keys lead with the day or month (the builder's refresh and extension read by them), then the district, so a
  // district's rows of one checkpoint, or of the days since, are one index range; a branch's come by its own index.
  await runDdl(db, `
    CREATE TABLE stock_cohort_area_parts (
      case_id uuid NOT NULL,
      day date NOT NULL,
      reported_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      delta int NOT NULL,
      PRIMARY KEY (case_id, day, status)
    );
    CREATE TABLE stock_cohort_area_daily (
      day date NOT NULL,
      reported_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      delta bigint NOT NULL,
      PRIMARY KEY (day, district_id, branch_id, reported_month, status, ce)
    );
    CREATE TABLE stock_cohort_area_months (
      month date PRIMARY KEY
    );
    CREATE TABLE stock_cohort_area_checkpoints (
      month date NOT NULL,
      reported_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      status text NOT NULL,
      ce boolean NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (month, district_id, branch_id, reported_month, status, ce)
    );
    CREATE INDEX stock_cohort_area_checkpoints_branch ON stock_cohort_area_checkpoints (month, branch_id);
    CREATE INDEX stock_cohort_area_daily_branch ON stock_cohort_area_daily (day, branch_id)
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  await sql.raw(`CREATE FUNCTION stock_cohort_area_extend_checkpoints() RETURNS int LANGUAGE plpgsql AS $fn$ ${extendBody(cohortAreaSums)} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_cohort_area_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$ ${rebuildBody(cohortAreaSums)} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_cohort_area_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody(cohortAreaSums)} $fn$`).execute(db);
  // 0039's triggers call stock_refresh_cases: as 0052 made it, with this refresh after the province histogram's.
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody({ lockFirst: true, afterLock: ' PERFORM stock_cohort_refresh(ids); PERFORM stock_cohort_area_refresh(ids);' })} $fn$`).execute(db);
  await sql.raw(flowRebuild('PERFORM stock_backlog_rebuild(); PERFORM stock_cohort_rebuild(); PERFORM stock_cohort_area_rebuild();')).execute(db);
  await sql.raw(`
    CREATE FUNCTION stock_cohort_area_after_history_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM stock_cohort_area_rebuild();
      RETURN NULL;
    END
    $fn$`).execute(db);
  await runDdl(db, `
    CREATE TRIGGER stock_cohort_area_history_truncate AFTER TRUNCATE ON case_status_history FOR EACH STATEMENT EXECUTE FUNCTION stock_cohort_area_after_history_truncate()
  `);
  await sql.raw(`SELECT stock_cohort_area_rebuild()`).execute(db);
  await runDdl(db, `
    ANALYZE stock_cohort_area_parts;
    ANALYZE stock_cohort_area_daily;
    ANALYZE stock_cohort_area_months;
    ANALYZE stock_cohort_area_checkpoints
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody({ lockFirst: true, afterLock: ' PERFORM stock_cohort_refresh(ids);' })} $fn$`).execute(db);
  await sql.raw(flowRebuild('PERFORM stock_backlog_rebuild(); PERFORM stock_cohort_rebuild();')).execute(db);
  await runDdl(db, `
    DROP TRIGGER stock_cohort_area_history_truncate ON case_status_history;
    DROP FUNCTION stock_cohort_area_after_history_truncate();
    DROP FUNCTION stock_cohort_area_refresh(uuid[]);
    DROP FUNCTION stock_cohort_area_rebuild();
    DROP FUNCTION stock_cohort_area_extend_checkpoints();
    DROP TABLE stock_cohort_area_checkpoints;
    DROP TABLE stock_cohort_area_months;
    DROP TABLE stock_cohort_area_daily;
    DROP TABLE stock_cohort_area_parts
  `);
}
