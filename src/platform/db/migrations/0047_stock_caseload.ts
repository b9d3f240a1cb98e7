import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { rebuildStatements } from './0039_stock_rollup.ts';
import { setsInsert, spanRows } from './0044_stock_spans.ts';

// Open caseload per investigator (issue 12) as changes per local day plus monthly checkpoints, like cases by status
// (migration 0039), so a national figure reads one month's sums (one row per team member, area and offence set)
// instead of every open assignment at the period's end (~660,000 rows of stat_stock_spans at 1,000,000 cases).
//
// What is summed. The caseload rows of stat_stock_spans (migration 0044, kind 2: an open stretch of a case per team
// member, lo < T <= hi) give +1 on the local day of lo and -1 on the local day of hi (none while open). For T the
// local midnight starting day D in the zone of stock_rollup_meta: lo < T <=> day(lo) < D, and hi < T <=> day(hi) <
// D, so the sum of the changes of the days before D is #(lo < T) - #(hi < T) = #(lo < T <= hi): exactly the rows the
// exact SQL counts at T. Keyed by the member (users.role is read at query time, as the exact SQL does), the case's
// district, branch and offence set (any catalogue version decides per set at query time).
//
// Tables, as 0039's: stock_caseload_parts (each case's own changes, so a refresh subtracts exactly what it added,
// whatever zone they were computed in), stock_caseload_daily (their sums per day and key), stock_caseload_months and
// stock_caseload_checkpoints (the stock at each month start = the sum of the daily changes before it). The months
// are its own, so a rebuild of the status rollup (0039's rebuildStatements) never leaves a month without its rows.
//
// Kept in the writing statement: stat_stock_spans_refresh (the triggers of 0044 call it for every write to cases,
// history, offences, team, children and placements) now ends with stock_caseload_refresh of the same cases, which
// are locked by then. stat_stock_spans_rebuild (TRUNCATE of a source, loads with triggers off, the generator)
// rebuilds these tables too, and so does stock_rollup_rebuild (a new zone). The online rebuild of the stock part (rollup/rebuild.ts: a zone change) refreshes
// them batch by batch with the status rollup; while its token is set the figure reads stat_stock_spans.
// test/stats/stock-spans.test.ts holds the figure equal to the exact SQL and the tables equal to a rebuild.

const key = 'unit, district_id, branch_id, set_id';

/** The parts of the cases `filter` selects, from their caseload intervals, days in `zone` (SQL). */
const partsSelect = (filter: (column: string) => string, zone: string) => `
  SELECT s.case_id, e.day, s.unit, s.district_id, s.branch_id, s.set_id, sum(e.delta)::int AS delta
  FROM stat_stock_spans s
  CROSS JOIN LATERAL (VALUES ((s.lo AT TIME ZONE ${zone})::date, 1), ((s.hi AT TIME ZONE ${zone})::date, -1)) e(day, delta)
  WHERE s.kind = 2 AND ${filter('s.case_id')} AND (e.delta = 1 OR s.hi < 'infinity'::timestamptz)
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(e.delta) <> 0`;

/** Every table from stat_stock_spans, days in the zone of stock_rollup_meta (empty when it has none). */
const rebuildBody = `
  DECLARE zone text;
  BEGIN
    LOCK TABLE stock_caseload_daily IN EXCLUSIVE MODE;
    DELETE FROM stock_caseload_checkpoints; DELETE FROM stock_caseload_months; DELETE FROM stock_caseload_daily; DELETE FROM stock_caseload_parts;
    SELECT m.time_zone INTO zone FROM stock_rollup_meta m WHERE m.id = 1;
    IF zone IS NULL THEN RETURN; END IF;
    INSERT INTO stock_caseload_parts (case_id, day, ${key}, delta) ${partsSelect(() => 'true', 'zone')};
    INSERT INTO stock_caseload_daily (day, ${key}, delta)
      SELECT day, ${key}, sum(delta) FROM stock_caseload_parts GROUP BY day, ${key} HAVING sum(delta) <> 0 ORDER BY day, ${key};
    INSERT INTO stock_caseload_months (month)
      SELECT generate_series(date_trunc('month', lo), greatest(date_trunc('month', hi), date_trunc('month', now() AT TIME ZONE zone)), interval '1 month')::date
      FROM (SELECT min(day)::timestamp AS lo, max(day)::timestamp AS hi FROM stock_caseload_daily) x WHERE lo IS NOT NULL;
    -- The stock at each month start per key: the running sum of the monthly changes before it, in month order.
    INSERT INTO stock_caseload_checkpoints (month, ${key}, n)
      SELECT month, ${key}, n FROM (
        SELECT m.month, k.unit, k.district_id, k.branch_id, k.set_id,
          coalesce(sum(ms.delta) OVER (PARTITION BY k.unit, k.district_id, k.branch_id, k.set_id ORDER BY m.month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS n
        FROM stock_caseload_months m
        CROSS JOIN (SELECT DISTINCT ${key} FROM stock_caseload_daily) k
        LEFT JOIN (SELECT date_trunc('month', day)::date AS month, ${key}, sum(delta) AS delta FROM stock_caseload_daily GROUP BY 1, 2, 3, 4, 5) ms
          ON ms.month = m.month AND ms.unit = k.unit AND ms.district_id = k.district_id AND ms.branch_id = k.branch_id AND ms.set_id = k.set_id
      ) x WHERE n <> 0
      ORDER BY month, ${key};
  END`;

/** The refresh of the cases in `ids` (locked by the caller): old parts out, new parts in, sums and checkpoints moved. */
const refreshBody = `
  DECLARE zone text;
  BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    SELECT m.time_zone INTO zone FROM stock_rollup_meta m WHERE m.id = 1;
    IF zone IS NULL THEN RETURN; END IF;
    WITH gone AS (
      DELETE FROM stock_caseload_parts p WHERE p.case_id = ANY (ids) RETURNING p.day, p.unit, p.district_id, p.branch_id, p.set_id, -p.delta AS delta
    ), fresh AS (${partsSelect((column) => `${column} = ANY (ids)`, 'zone')}
    ), diff AS (
      SELECT day, ${key}, sum(delta)::bigint AS delta FROM (
        SELECT day, ${key}, delta FROM gone UNION ALL SELECT day, ${key}, delta FROM fresh
      ) x GROUP BY day, ${key} HAVING sum(delta) <> 0
    ), daily AS (
      INSERT INTO stock_caseload_daily AS t (day, ${key}, delta) SELECT day, ${key}, delta FROM diff ORDER BY day, ${key}
      ON CONFLICT (day, ${key}) DO UPDATE SET delta = t.delta + excluded.delta
    )
    INSERT INTO stock_caseload_checkpoints AS t (month, ${key}, n)
    SELECT m.month, d.unit, d.district_id, d.branch_id, d.set_id, sum(d.delta) FROM diff d JOIN stock_caseload_months m ON m.month > d.day
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, ${key}) DO UPDATE SET n = t.n + excluded.n;
    INSERT INTO stock_caseload_parts (case_id, day, ${key}, delta) ${partsSelect((column) => `${column} = ANY (ids)`, 'zone')};
  END`;

/** Checkpoints up to the current month of the zone (as 0039's stock_extend_checkpoints); returns the months added. */
const extendBody = `
  DECLARE zone text; last date; target date; added int := 0;
  BEGIN
    SELECT m.time_zone INTO zone FROM stock_rollup_meta m WHERE m.id = 1;
    IF zone IS NULL THEN RETURN 0; END IF;
    LOCK TABLE stock_caseload_daily IN EXCLUSIVE MODE;
    target := date_trunc('month', now() AT TIME ZONE zone)::date;
    SELECT max(m.month) INTO last FROM stock_caseload_months m;
    IF last IS NULL THEN
      SELECT coalesce(date_trunc('month', min(d.day))::date, target) INTO last FROM stock_caseload_daily d;
      INSERT INTO stock_caseload_months (month) VALUES (last);
      INSERT INTO stock_caseload_checkpoints (month, ${key}, n)
        SELECT last, ${key}, sum(d.delta) FROM stock_caseload_daily d WHERE d.day < last GROUP BY ${key} HAVING sum(d.delta) <> 0;
      added := 1;
    END IF;
    WHILE last < target LOOP
      INSERT INTO stock_caseload_months (month) VALUES ((last + interval '1 month')::date);
      INSERT INTO stock_caseload_checkpoints (month, ${key}, n)
        SELECT (last + interval '1 month')::date, ${key}, sum(x.n) FROM (
          SELECT ${key}, c.n FROM stock_caseload_checkpoints c WHERE c.month = last
          UNION ALL
          SELECT ${key}, d.delta FROM stock_caseload_daily d WHERE d.day >= last AND d.day < (last + interval '1 month')::date
        ) x GROUP BY ${key} HAVING sum(x.n) <> 0;
      last := (last + interval '1 month')::date;
      added := added + 1;
    END LOOP;
    RETURN added;
  END`;

/** stat_stock_spans_refresh as migration 0044 made it, with `tail` at its end. */
export const spansRefresh = (tail: string) => `
  CREATE OR REPLACE FUNCTION stat_stock_spans_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
    PERFORM 1 FROM cases c WHERE c.id = ANY (ids) ORDER BY c.id FOR NO KEY UPDATE;
    ${setsInsert((column) => `${column} = ANY (ids)`)};
    DELETE FROM stat_stock_spans s WHERE s.case_id = ANY (ids);
    ${spanRows((column) => `${column} = ANY (ids)`)};
    ${tail}
  END
  $fn$`;

/** stat_stock_spans_rebuild as migration 0044 made it, with `tail` before it returns. */
export const spansRebuild = (tail: string) => `
  CREATE OR REPLACE FUNCTION stat_stock_spans_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
  DECLARE n bigint;
  BEGIN
    LOCK TABLE stat_stock_spans IN SHARE ROW EXCLUSIVE MODE;
    ${setsInsert(() => 'true')};
    DELETE FROM stat_stock_spans;
    ${spanRows(() => 'true')};
    GET DIAGNOSTICS n = ROW_COUNT;
    ${tail}
    RETURN n;
  END
  $fn$`;

/** stock_rollup_rebuild as migration 0039 made it, with `tail` at its end (a new zone re-keys both rollups). */
const stockRebuild = (tail: string) => `
  CREATE OR REPLACE FUNCTION stock_rollup_rebuild(zone text) RETURNS void LANGUAGE plpgsql AS $fn$
  BEGIN
    LOCK TABLE stock_status_daily IN EXCLUSIVE MODE;
    ${rebuildStatements('ZONE').map((s) => s.replaceAll(`'ZONE'`, 'zone')).join(';\n')};
    ${tail}
  END
  $fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE stock_caseload_parts (
      case_id uuid NOT NULL,
      day date NOT NULL,
      unit uuid NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      set_id int NOT NULL,
      delta int NOT NULL,
      PRIMARY KEY (case_id, day, unit)
    );
    CREATE TABLE stock_caseload_daily (
      day date NOT NULL,
      unit uuid NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      set_id int NOT NULL,
      delta bigint NOT NULL,
      PRIMARY KEY (day, unit, district_id, branch_id, set_id)
    );
    CREATE TABLE stock_caseload_months (
      month date PRIMARY KEY
    );
    CREATE TABLE stock_caseload_checkpoints (
      month date NOT NULL,
      unit uuid NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      set_id int NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (month, unit, district_id, branch_id, set_id)
    )
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  await sql.raw(`CREATE FUNCTION stock_caseload_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$ ${rebuildBody} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_caseload_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody} $fn$`).execute(db);
  await sql.raw(`CREATE FUNCTION stock_caseload_extend_checkpoints() RETURNS int LANGUAGE plpgsql AS $fn$ ${extendBody} $fn$`).execute(db);
  await sql.raw(spansRefresh('PERFORM stock_caseload_refresh(ids);')).execute(db);
  await sql.raw(spansRebuild('PERFORM stock_caseload_rebuild();')).execute(db);
  await sql.raw(stockRebuild('PERFORM stock_caseload_rebuild();')).execute(db);
  // As 0039: the months up to the current one, so the cases written later move a checkpoint of their own.
  await sql.raw(`SELECT stock_caseload_rebuild(), stock_caseload_extend_checkpoints()`).execute(db);
  await runDdl(db, `
    ANALYZE stock_caseload_parts;
    ANALYZE stock_caseload_daily;
    ANALYZE stock_caseload_checkpoints
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(spansRefresh('')).execute(db);
  await sql.raw(spansRebuild('')).execute(db);
  await sql.raw(stockRebuild('')).execute(db);
  await runDdl(db, `
    DROP FUNCTION stock_caseload_extend_checkpoints();
    DROP FUNCTION stock_caseload_refresh(uuid[]);
    DROP FUNCTION stock_caseload_rebuild();
    DROP TABLE stock_caseload_checkpoints;
    DROP TABLE stock_caseload_months;
    DROP TABLE stock_caseload_daily;
    DROP TABLE stock_caseload_parts
  `);
}
