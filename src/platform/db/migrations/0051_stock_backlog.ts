import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { flowRows } from './0038_stat_flow.ts';
import { extendBody as extendSums, rebuildBody as rebuildSums, refreshBody as refreshSums, type FlowKeyedSums } from './flow-keyed-sums.ts';
import { spansRebuild, spansRefresh } from './0047_stock_caseload.ts';

// Backlog and its age (issue 12) from a HISTOGRAM of the open cases by month of FIR, kept as changes per local day
// plus monthly checkpoints (as 0039 and 0047), so a national figure reads one month's histogram (one row per FIR
// month, area and child-exploitation flag: tens of thousands) instead of every case open at the period's end
// (~416,000 rows of stat_stock_spans at 1,000,000 cases), and then the exact FIR instants of only the few FIR months
// that hold a median or a band's bound.
//
// What is summed. The backlog rows of stat_stock_spans (migration 0044, kind 1: an open stretch of a case, lo < T <=
// hi, `at` = the FIR instant) give +1 on the local day of lo and -1 on the local day of hi (none while open), keyed
// by the local month of `at`. For T the local midnight starting day D: lo < T <=> day(lo) < D and hi < T <=> day(hi)
// < D, so the sum of the changes of the days before D is the number of rows holding T, per FIR month: the histogram
// of the open cases' FIR months at T. (rollup/stock.ts backlogFromHistogram reads it; the medians come from the exact
// instants of the months that hold them, so the answer is the exact SQL's.)
//
// Keyed by the FIR month, the case's district and branch, and whether its offence set has a child-exploitation
// offence: the offence SET (760 of them at 1,000,000 cases) would make a checkpoint as many rows as there are open
// cases. The flag and the days are those of stat_flow_meta (the flow table's zone and codes, migration 0038), so the
// flow rebuild that re-keys stat_flow for a new zone or catalogue re-keys this too (rollup/rebuild.ts), and a figure
// asked in another zone, under other codes or during that rebuild reads stat_stock_spans instead (checked in the
// statement, rollup/stock.ts). The months are this table's own.
//
// Tables: stock_backlog_parts (each case's own changes, so a refresh subtracts exactly what it added),
// stock_backlog_daily (their sums per day and key), stock_backlog_months and stock_backlog_checkpoints (the
// histogram at each month start). Kept in the writing statement: stat_stock_spans_refresh now ends with
// stock_backlog_refresh of the same (locked) cases; stat_stock_spans_rebuild (TRUNCATE of a source, loads with
// triggers off, the generator) rebuilds it too. Also indexes of the backlog rows by FIR instant (and by district and
// FIR instant, for the map's medians), for the exact reads.
// test/stats/stock-spans.test.ts holds the figure equal to the exact SQL and the tables equal to a rebuild.

const key = 'fir_month, district_id, branch_id, ce';
const keyCols = key.split(', ');

/** The parts of the cases `filter` selects, from their backlog intervals, days and months in `v_zone`, flag by `v_codes` (SQL). */
const partsSelect = (filter: (column: string) => string) => `
  SELECT s.case_id, e.day, date_trunc('month', s.at AT TIME ZONE v_zone)::date AS fir_month, s.district_id, s.branch_id,
    EXISTS (SELECT 1 FROM unnest(os.codes) c WHERE c = ANY (v_codes)) AS ce, sum(e.delta)::int AS delta
  FROM stat_stock_spans s
  JOIN stock_offence_sets os ON os.id = s.set_id
  CROSS JOIN LATERAL (VALUES ((s.lo AT TIME ZONE v_zone)::date, 1), ((s.hi AT TIME ZONE v_zone)::date, -1)) e(day, delta)
  WHERE s.kind = 1 AND ${filter('s.case_id')} AND (e.delta = 1 OR s.hi < 'infinity'::timestamptz)
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(e.delta) <> 0`;

/** The histogram's tables and functions (flow-keyed-sums.ts builds their bodies). */
export const backlogSums: FlowKeyedSums = { prefix: 'stock_backlog', key: keyCols, parts: partsSelect };
const rebuildBody = rebuildSums(backlogSums);
const refreshBody = refreshSums(backlogSums);
const extendBody = extendSums(backlogSums);

/** stat_flow_rebuild as migration 0038 made it, with `tail` before it returns (new flow keys re-key the histogram). */
export const flowRebuild = (tail: string) => `
  CREATE OR REPLACE FUNCTION stat_flow_rebuild(zone text, codes text[]) RETURNS bigint LANGUAGE plpgsql AS $fn$
  DECLARE n bigint;
  BEGIN
    LOCK TABLE stat_flow IN SHARE ROW EXCLUSIVE MODE;
    DELETE FROM stat_flow_meta;
    INSERT INTO stat_flow_meta (time_zone, ce_codes) VALUES (zone, (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(codes) x));
    DELETE FROM stat_flow;
    ${flowRows(() => 'true')};
    GET DIAGNOSTICS n = ROW_COUNT;
    ${tail}
    RETURN n;
  END
  $fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE stock_backlog_parts (
      case_id uuid NOT NULL,
      day date NOT NULL,
      fir_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      ce boolean NOT NULL,
      delta int NOT NULL,
      PRIMARY KEY (case_id, day)
    );
    CREATE TABLE stock_backlog_daily (
      day date NOT NULL,
      fir_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      ce boolean NOT NULL,
      delta bigint NOT NULL,
      PRIMARY KEY (day, fir_month, district_id, branch_id, ce)
    );
    CREATE TABLE stock_backlog_months (
      month date PRIMARY KEY
    );
    CREATE TABLE stock_backlog_checkpoints (
      month date NOT NULL,
      fir_month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      ce boolean NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (month, fir_month, district_id, branch_id, ce)
    );
    CREATE INDEX stat_stock_spans_backlog_fir ON stat_stock_spans (at) INCLUDE (lo, hi, district_id, branch_id, set_id) WHERE kind = 1;
    CREATE INDEX stat_stock_spans_backlog_district_fir ON stat_stock_spans (district_id, at) INCLUDE (lo, hi, branch_id, set_id) WHERE kind = 1
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  await sql.raw(`CREATE FUNCTION stock_backlog_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$ ${rebuildBody} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_backlog_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_backlog_extend_checkpoints() RETURNS int LANGUAGE plpgsql AS $fn$ ${extendBody} $fn$`).execute(db);
  // stat_stock_spans_refresh and _rebuild as 0047 made them (0044's, ending with the caseload sums), then the histogram.
  await sql.raw(spansRefresh('PERFORM stock_caseload_refresh(ids); PERFORM stock_backlog_refresh(ids);')).execute(db);
  await sql.raw(spansRebuild('PERFORM stock_caseload_rebuild(); PERFORM stock_backlog_rebuild();')).execute(db);
  await sql.raw(flowRebuild('PERFORM stock_backlog_rebuild();')).execute(db);
  await sql.raw(`SELECT stock_backlog_rebuild()`).execute(db);
  await runDdl(db, `
    ANALYZE stock_backlog_parts;
    ANALYZE stock_backlog_daily;
    ANALYZE stock_backlog_checkpoints
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(spansRefresh('PERFORM stock_caseload_refresh(ids);')).execute(db);
  await sql.raw(spansRebuild('PERFORM stock_caseload_rebuild();')).execute(db);
  await sql.raw(flowRebuild('')).execute(db);
  await runDdl(db, `
    DROP FUNCTION stock_backlog_extend_checkpoints();
    DROP FUNCTION stock_backlog_refresh(uuid[]);
    DROP FUNCTION stock_backlog_rebuild();
    DROP INDEX stat_stock_spans_backlog_district_fir;
    DROP INDEX stat_stock_spans_backlog_fir;
    DROP TABLE stock_backlog_checkpoints;
    DROP TABLE stock_backlog_months;
    DROP TABLE stock_backlog_daily;
    DROP TABLE stock_backlog_parts
  `);
}
