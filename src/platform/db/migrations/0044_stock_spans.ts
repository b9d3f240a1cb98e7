import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';
import { refreshBody as stockRefreshBody } from './0039_stock_rollup.ts';

// The three remaining stock figures (issue 12) — backlog and its age, open caseload per investigator, children in
// care — from one narrow table of INTERVALS, kept by triggers in the same statement as every write (session 9).
//
// Each of the three counts, at an instant T (the end of the period), the records whose own interval holds T:
//   kind 1, backlog:   a case while it is open: FIR registered before T and its status at T (the span of migration
//                      0037 in force at T, or the case's current status before its first history row) not a
//                      closed one. One row per open stretch: lo = greatest(stretch start, FIR), hi = stretch end;
//                      `at` = the FIR instant (the age is T - at, exact seconds, so the median is the exact SQL's).
//   kind 2, caseload:  the same stretches per member of the case's team (case_team), from greatest(lo, added_at);
//                      `unit` = the user. Whether the user is an investigator is read at query time (users.role,
//                      as the exact SQL does: it reads the role as it is now).
//   kind 3, in care:   a placement of a child linked to the case: lo = started_at, hi = ended_at ('infinity'
//                      while open); `unit` = the child, `part` = the placement's kind.
// The row holds T when lo < T <= hi (the exact SQL's `started_at < T AND (ended_at IS NULL OR ended_at >= T)`,
// `fir < T`, `added_at < T`, and the spans' valid_from < T <= valid_to); rows with lo >= hi hold no instant and are
// not kept. The case's district, branch and offence set (stock_offence_sets of migration 0039: any catalogue
// version decides per set) are copied into each row, so a figure reads one index range (kind, hi >= T, lo < T)
// instead of every case in scope, its offences and its status. The intervals are instants, not local days: the
// table has no time zone and no catalogue baked in, so it never needs re-keying (no rebuild when AMAAN_TIME_ZONE
// or the catalogue changes, unlike stat_flow and the stock rollup); a figure in any zone, period end (now()
// included) and grouping (month/year of the end instant) is answered. Need-to-know scopes read the exact SQL.
//
// Kept by statement triggers (transition tables) on cases, case_status_history (named stat_stock_spans_* so they
// fire after case_status_spans_*, which they read), case_offences, case_team, case_victims and placements: each
// statement rebuilds the rows of the cases it touched (cases locked first, FOR NO KEY UPDATE, as migrations
// 0037-0039). TRUNCATE of a source rebuilds the table. Writers that switch triggers off call
// stat_stock_spans_rebuild() (platform/db/index-builds.ts rebuildFigureRollups, bench/figures-data.ts).
// test/stats/stock-spans.test.ts compares the three figures with the exact SQL after every kind of write.
//
// Also (rebuilds that do not hold writers back, src/modules/stats/rollup/rebuild.ts): stat_flow_meta and
// stock_rollup_meta get `building`, the token of a rebuild under way. A rebuild sets the new keys and its token
// first (the triggers then write every touched case under the new keys), refreshes every case in short batches
// (each locks only its own cases), and clears the token last; while it is set the figures read the exact SQL.

/** The statuses in which a case is no longer open (registry.ts closedStatuses; a test checks they are equal). */
export const SPANS_CLOSED = ['inquiry_closed', 'cancelled_or_discharged', 'convicted', 'acquitted', 'under_appeal'] as const;

export const SPAN_KIND = { backlog: 1, caseload: 2, care: 3 } as const;

const closed = SPANS_CLOSED.map((s) => `'${s}'`).join(', ');

/** The rows of the cases whose id passes `filter(column)` (SQL), as one INSERT. */
export const spanRows = (filter: (column: string) => string) => `
  INSERT INTO stat_stock_spans (kind, case_id, unit, part, lo, hi, at, district_id, branch_id, set_id)
  WITH cs AS MATERIALIZED (
    SELECT c.id, c.status, c.fir_registered_at AS fir, c.district_id, c.branch_id, os.id AS set_id
    FROM cases c
    LEFT JOIN (
      SELECT co.case_id, array_agg(DISTINCT co.offence_code ORDER BY co.offence_code) AS codes FROM case_offences co WHERE ${filter('co.case_id')} GROUP BY co.case_id
    ) o ON o.case_id = c.id
    JOIN stock_offence_sets os ON os.codes = coalesce(o.codes, '{}'::text[])
    WHERE ${filter('c.id')}
  ), pieces AS (
    -- Before its first history row a case is in its current status (registry.ts statusAt's coalesce).
    SELECT cs.id AS case_id, cs.status, '-infinity'::timestamptz AS f, coalesce(fa.first_at, 'infinity'::timestamptz) AS t
    FROM cs LEFT JOIN (
      SELECT sp.case_id, min(sp.valid_from) AS first_at FROM case_status_spans sp WHERE ${filter('sp.case_id')} GROUP BY sp.case_id
    ) fa ON fa.case_id = cs.id
    UNION ALL
    SELECT sp.case_id, sp.status, sp.valid_from, sp.valid_to FROM case_status_spans sp WHERE ${filter('sp.case_id')}
  ), open AS MATERIALIZED (
    SELECT p.case_id, greatest(p.f, cs.fir) AS lo, p.t AS hi, cs.fir, cs.district_id, cs.branch_id, cs.set_id
    FROM pieces p JOIN cs ON cs.id = p.case_id
    WHERE cs.fir IS NOT NULL AND p.status NOT IN (${closed}) AND greatest(p.f, cs.fir) < p.t
  )
  SELECT ${SPAN_KIND.backlog}::smallint, o.case_id, NULL::uuid, NULL::text, o.lo, o.hi, o.fir, o.district_id, o.branch_id, o.set_id FROM open o
  UNION ALL
  SELECT ${SPAN_KIND.caseload}, o.case_id, ct.user_id, NULL, greatest(o.lo, ct.added_at), o.hi, NULL, o.district_id, o.branch_id, o.set_id
  FROM open o JOIN case_team ct ON ct.case_id = o.case_id
  WHERE ${filter('ct.case_id')} AND greatest(o.lo, ct.added_at) < o.hi
  UNION ALL
  SELECT ${SPAN_KIND.care}, cs.id, pl.victim_id, pl.kind, pl.started_at, coalesce(pl.ended_at, 'infinity'::timestamptz), NULL, cs.district_id, cs.branch_id, cs.set_id
  FROM cs JOIN case_victims cv ON cv.case_id = cs.id JOIN placements pl ON pl.victim_id = cv.victim_id
  WHERE ${filter('cv.case_id')} AND pl.started_at < coalesce(pl.ended_at, 'infinity'::timestamptz)`;

/** The offence sets of the cases `filter` selects, added to the dictionary (as migration 0039's refresh). */
export const setsInsert = (filter: (column: string) => string) => `
  INSERT INTO stock_offence_sets (codes)
  SELECT DISTINCT coalesce(o.codes, '{}'::text[]) FROM cases c LEFT JOIN (
    SELECT co.case_id, array_agg(DISTINCT co.offence_code ORDER BY co.offence_code) AS codes FROM case_offences co WHERE ${filter('co.case_id')} GROUP BY co.case_id
  ) o ON o.case_id = c.id
  WHERE ${filter('c.id')}
  ON CONFLICT (codes) DO NOTHING`;

// Which cases a statement touched, per table and event (n: new rows, o: old rows).
const ids = (table: string, event: 'insert' | 'update' | 'delete'): string => {
  const both = (col: string) => (event === 'insert' ? `SELECT n.${col} FROM n` : event === 'delete' ? `SELECT o.${col} FROM o` : `SELECT n.${col} FROM n UNION SELECT o.${col} FROM o`);
  if (table === 'cases') {
    if (event === 'update') {
      // Only the columns the rows are made of (a title edit refreshes nothing).
      return `SELECT n.id FROM n JOIN o ON o.id = n.id
        WHERE (n.status, n.fir_registered_at, n.district_id, n.branch_id) IS DISTINCT FROM (o.status, o.fir_registered_at, o.district_id, o.branch_id)`;
    }
    return both('id');
  }
  if (table === 'placements') return `SELECT cv.case_id FROM case_victims cv WHERE cv.victim_id IN (${both('victim_id')})`;
  return both('case_id');
};

const tables = ['cases', 'case_status_history', 'case_offences', 'case_team', 'case_victims', 'placements'] as const;
const events = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE stat_flow_meta ADD COLUMN building uuid;
    ALTER TABLE stock_rollup_meta ADD COLUMN building uuid;
    CREATE TABLE stat_stock_spans (
      kind smallint NOT NULL,
      case_id uuid NOT NULL,
      unit uuid,
      part text,
      lo timestamptz NOT NULL,
      hi timestamptz NOT NULL,
      at timestamptz,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      set_id int NOT NULL,
      CHECK (lo < hi)
    )
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  // The stock rollup's refresh locks its cases before it reads the zone (see refreshBody).
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody({ lockFirst: true })} $fn$`).execute(db);
  await sql.raw(`
    CREATE FUNCTION stat_stock_spans_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
      PERFORM 1 FROM cases c WHERE c.id = ANY (ids) ORDER BY c.id FOR NO KEY UPDATE;
      ${setsInsert((column) => `${column} = ANY (ids)`)};
      DELETE FROM stat_stock_spans s WHERE s.case_id = ANY (ids);
      ${spanRows((column) => `${column} = ANY (ids)`)};
    END
    $fn$`).execute(db);
  // The whole table from the records (the backfill, TRUNCATE of a source, loaders that switch triggers off).
  await sql.raw(`
    CREATE FUNCTION stat_stock_spans_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE n bigint;
    BEGIN
      LOCK TABLE stat_stock_spans IN SHARE ROW EXCLUSIVE MODE;
      ${setsInsert(() => 'true')};
      DELETE FROM stat_stock_spans;
      ${spanRows(() => 'true')};
      GET DIAGNOSTICS n = ROW_COUNT;
      RETURN n;
    END
    $fn$`).execute(db);
  await sql.raw(`SELECT stat_stock_spans_rebuild()`).execute(db);
  await runDdl(db, `
    CREATE INDEX stat_stock_spans_case ON stat_stock_spans (case_id);
    CREATE INDEX stat_stock_spans_at ON stat_stock_spans (kind, hi, lo) INCLUDE (unit, part, at, district_id, branch_id, set_id);
    ANALYZE stat_stock_spans
  `);
  for (const table of tables) {
    for (const event of events) {
      const fn = `stat_stock_spans_${table}_${event}`;
      await sql.raw(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM stat_stock_spans_refresh(ARRAY(SELECT DISTINCT t.id FROM (${ids(table, event)}) t(id)));
          RETURN NULL;
        END
        $fn$`).execute(db);
      const referencing = event === 'insert' ? 'NEW TABLE AS n' : event === 'delete' ? 'OLD TABLE AS o' : 'OLD TABLE AS o NEW TABLE AS n';
      await sql.raw(`CREATE TRIGGER ${fn} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`).execute(db);
    }
  }
  await sql.raw(`
    CREATE FUNCTION stat_stock_spans_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM stat_stock_spans_rebuild();
      RETURN NULL;
    END
    $fn$`).execute(db);
  for (const table of tables) {
    await sql.raw(`CREATE TRIGGER stat_stock_spans_${table}_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION stat_stock_spans_after_truncate()`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE OR REPLACE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${stockRefreshBody()} $fn$`).execute(db);
  for (const table of tables) {
    for (const event of [...events, 'truncate']) await sql.raw(`DROP TRIGGER stat_stock_spans_${table}_${event} ON ${table}`).execute(db);
    for (const event of events) await sql.raw(`DROP FUNCTION stat_stock_spans_${table}_${event}()`).execute(db);
  }
  await runDdl(db, `
    DROP FUNCTION stat_stock_spans_after_truncate();
    DROP FUNCTION stat_stock_spans_rebuild();
    DROP FUNCTION stat_stock_spans_refresh(uuid[]);
    DROP TABLE stat_stock_spans;
    ALTER TABLE stat_flow_meta DROP COLUMN building;
    ALTER TABLE stock_rollup_meta DROP COLUMN building
  `);
}
