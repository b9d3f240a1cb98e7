import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Pre-aggregated STOCK figures (issue 12, src/modules/stats/rollup/stock.ts): "cases by status" at the end of a
// period is a count over every case ever reported, so no index makes it cheap at a million cases. This keeps it
// as changes per local day plus monthly checkpoints, so the stock at the end of a local day is one checkpoint
// (a few thousand rows) plus the changes since it.
//
// What is counted. registry.ts (the exact SQL, kept as fallback and reference) counts a case at instant T when
// it was reported before T, under its status at T: the span of case_status_spans (migration 0037) in force at T
// (valid_from < T <= valid_to), or the case's CURRENT status (cases.status) when no span is in force (no history
// before T). So each case is in force under one status over intervals (start, end]:
//   - (reported_at, first history instant] (to infinity without history) under cases.status;
//   - each span (greatest(valid_from, reported_at), valid_to] under its status (empty ones skipped).
// Each interval gives +1 at its start and -1 at its end. "start < T" for T = local midnight starting day D in the
// zone Z is exactly "local day of start in Z < D", so the changes are summed per local day: the stock at the
// end of local day D-1 = sum of the changes of days < D. Exact whenever T is a local midnight of Z (a period
// with an end, in the rollup's zone); anything else takes the exact SQL.
//
// The key of a change is what the figure filters and groups on: district, branch, status and the case's SET of
// offence codes (stock_offence_sets: a few distinct sets). Keying by the set, not by a flag of the catalogue,
// makes the rollup exact for ANY catalogue version: "child exploitation", a category filter and the category
// grouping are decided per set at query time from the catalogue the figure reads (a case counts once in each
// of its categories), so a catalogue edit changes nothing stored. Province and names are joined at query time
// (current, as the exact SQL reads them).
//
// Tables: stock_case_parts (each case's own changes, so a change to a case is undone exactly: old parts out,
// new parts in), stock_status_daily (their sums per day and key), stock_status_checkpoints (the stock at the
// start of each month of stock_checkpoint_months = sum of the daily changes before it) and stock_rollup_meta
// (the zone the days are in). Kept by statement triggers in the same statement as the write, whatever writes:
// case_status_history (after the spans triggers, which are named before these), cases (status, district,
// branch, reported_at; insert, delete) and case_offences. A backdated change updates every later checkpoint.
// Writers that switch triggers off must rebuild (stock_rollup_rebuild(zone)): bench/figures-data.ts does; a
// backup restore restores these tables with the others.

/**
 * Each case's intervals under a status (case_id, status, s, e: the interval (s, e]): before its first history row under cases.status, then
 * each span from greatest(valid_from, reported_at). Also read by migration 0052's cohort histogram.
 */
export const statusIntervals = (filter: (column: string) => string) => `
    SELECT c.id AS case_id, c.status, c.reported_at AS s, coalesce(f.first_at, 'infinity'::timestamptz) AS e
    FROM cases c LEFT JOIN (
      SELECT sp.case_id, min(sp.valid_from) AS first_at FROM case_status_spans sp WHERE ${filter('sp.case_id')} GROUP BY sp.case_id
    ) f ON f.case_id = c.id
    WHERE ${filter('c.id')}
    UNION ALL
    SELECT sp.case_id, sp.status, greatest(sp.valid_from, c.reported_at), sp.valid_to
    FROM case_status_spans sp JOIN cases c ON c.id = sp.case_id WHERE ${filter('sp.case_id')}`;

/** Every case's changes (parts) from its record, spans and offences; `filter(column)`: which cases (SQL). */
const partsSelect = (filter: (column: string) => string, zone: string) => `
  SELECT iv.case_id, (e.at AT TIME ZONE ${zone})::date AS day, iv.status, c.district_id, c.branch_id, os.id AS set_id, sum(e.delta)::int AS delta
  FROM (${statusIntervals(filter)}
  ) iv
  JOIN cases c ON c.id = iv.case_id
  LEFT JOIN (
    SELECT co.case_id, array_agg(DISTINCT co.offence_code ORDER BY co.offence_code) AS codes FROM case_offences co WHERE ${filter('co.case_id')} GROUP BY co.case_id
  ) o ON o.case_id = c.id
  JOIN stock_offence_sets os ON os.codes = coalesce(o.codes, '{}'::text[])
  CROSS JOIN LATERAL (VALUES (iv.s, 1), (iv.e, -1)) e(at, delta)
  WHERE iv.s < iv.e AND e.at < 'infinity'::timestamptz
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(e.delta) <> 0`;

/** The offence sets of the cases `filter` selects, added to the dictionary. */
const setsInsert = (filter: (column: string) => string) => `
  INSERT INTO stock_offence_sets (codes)
  SELECT DISTINCT coalesce(o.codes, '{}'::text[]) FROM cases c LEFT JOIN (
    SELECT co.case_id, array_agg(DISTINCT co.offence_code ORDER BY co.offence_code) AS codes FROM case_offences co WHERE ${filter('co.case_id')} GROUP BY co.case_id
  ) o ON o.case_id = c.id
  WHERE ${filter('c.id')}
  ON CONFLICT (codes) DO NOTHING`;

const key = 'district_id, branch_id, status, set_id';

/**
 * The rebuild as SQL statements (the migration's backfill, stock_rollup_rebuild, the bench generator): every
 * table from the records, days in `zone`, checkpoints at the start of every month from the first day with a
 * change up to the current month of the zone.
 */
export const rebuildStatements = (zone: string): string[] => {
  const z = `'${zone.replace(/'/g, "''")}'`;
  const all = () => 'true';
  return [
    `DELETE FROM stock_status_checkpoints`, `DELETE FROM stock_checkpoint_months`, `DELETE FROM stock_status_daily`, `DELETE FROM stock_case_parts`,
    `INSERT INTO stock_rollup_meta (id, time_zone) VALUES (1, ${z}) ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone`,
    setsInsert(all),
    `INSERT INTO stock_case_parts (case_id, day, status, district_id, branch_id, set_id, delta) ${partsSelect(all, z)}`,
    `INSERT INTO stock_status_daily (day, ${key}, delta) SELECT day, ${key}, sum(delta) FROM stock_case_parts GROUP BY day, ${key} HAVING sum(delta) <> 0 ORDER BY day, ${key}`,
    `INSERT INTO stock_checkpoint_months (month)
       SELECT generate_series(date_trunc('month', lo), greatest(date_trunc('month', hi), date_trunc('month', now() AT TIME ZONE ${z})), interval '1 month')::date
       FROM (SELECT min(day)::timestamp AS lo, max(day)::timestamp AS hi FROM stock_status_daily) x WHERE lo IS NOT NULL`,
    // The stock at each month start per key: the running sum of the monthly changes before it.
    `INSERT INTO stock_status_checkpoints (month, ${key}, n)
       SELECT month, ${key}, n FROM (
         SELECT m.month, k.district_id, k.branch_id, k.status, k.set_id,
           coalesce(sum(ms.delta) OVER (PARTITION BY k.district_id, k.branch_id, k.status, k.set_id ORDER BY m.month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS n
         FROM stock_checkpoint_months m
         CROSS JOIN (SELECT DISTINCT ${key} FROM stock_status_daily) k
         LEFT JOIN (SELECT date_trunc('month', day)::date AS month, ${key}, sum(delta) AS delta FROM stock_status_daily GROUP BY 1, 2, 3, 4, 5) ms
           ON ms.month = m.month AND ms.district_id = k.district_id AND ms.branch_id = k.branch_id AND ms.status = k.status AND ms.set_id = k.set_id
       ) x WHERE n <> 0
       -- In month order: one month's checkpoints (what a query reads) are on a few pages, not one page per row.
       ORDER BY month, ${key}`,
  ];
};

/**
 * The refresh of the cases in `ids` (a uuid[] in the function): old parts out, new parts in, sums and checkpoints
 * moved by the difference. `lockFirst` (migration 0044's version): the cases are locked BEFORE the zone is read,
 * so a rebuild that changes the zone and then refreshes every case (rollup/rebuild.ts) either waits for this
 * refresh or is seen by it. `afterLock` (migration 0052's version, with lockFirst): SQL run once the cases are locked,
 * whatever the zone (another histogram kept by the same triggers).
 */
export const refreshBody = (opts: { lockFirst?: boolean; afterLock?: string } = {}) => {
  const some = (column: string) => `${column} = ANY (ids)`;
  const lock = `
      -- As the spans: the cases are locked in id order, so two transactions refresh one case one after the other.
      PERFORM 1 FROM cases c WHERE c.id = ANY (ids) ORDER BY c.id FOR NO KEY UPDATE;`;
  return `
    DECLARE zone text;
    BEGIN
      ${opts.lockFirst ? `IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;${lock}${opts.afterLock ?? ''}` : ''}
      SELECT m.time_zone INTO zone FROM stock_rollup_meta m WHERE m.id = 1;
      IF zone IS NULL OR ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;${opts.lockFirst ? '' : lock}
      ${setsInsert(some)};
      WITH gone AS (
        DELETE FROM stock_case_parts p WHERE p.case_id = ANY (ids) RETURNING p.day, p.district_id, p.branch_id, p.status, p.set_id, -p.delta AS delta
      ), fresh AS (${partsSelect(some, 'zone')}
      ), diff AS (
        SELECT day, ${key}, sum(delta)::bigint AS delta FROM (
          SELECT day, ${key}, delta FROM gone UNION ALL SELECT day, ${key}, delta FROM fresh
        ) x GROUP BY day, ${key} HAVING sum(delta) <> 0
      ), daily AS (
        INSERT INTO stock_status_daily AS t (day, ${key}, delta) SELECT day, ${key}, delta FROM diff ORDER BY day, ${key}
        ON CONFLICT (day, ${key}) DO UPDATE SET delta = t.delta + excluded.delta
      )
      INSERT INTO stock_status_checkpoints AS t (month, ${key}, n)
      SELECT m.month, d.district_id, d.branch_id, d.status, d.set_id, sum(d.delta) FROM diff d JOIN stock_checkpoint_months m ON m.month > d.day
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (month, ${key}) DO UPDATE SET n = t.n + excluded.n;
      INSERT INTO stock_case_parts (case_id, day, status, district_id, branch_id, set_id, delta) ${partsSelect(some, 'zone')};
    END`;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE stock_rollup_meta (
      id int PRIMARY KEY CHECK (id = 1),
      time_zone text NOT NULL
    );
    CREATE TABLE stock_offence_sets (
      id serial PRIMARY KEY,
      codes text[] NOT NULL UNIQUE
    );
    CREATE TABLE stock_case_parts (
      case_id uuid NOT NULL,
      day date NOT NULL,
      status text NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      set_id int NOT NULL,
      delta int NOT NULL,
      PRIMARY KEY (case_id, day, status)
    );
    CREATE TABLE stock_status_daily (
      day date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      status text NOT NULL,
      set_id int NOT NULL,
      delta bigint NOT NULL,
      PRIMARY KEY (day, district_id, branch_id, status, set_id)
    );
    CREATE TABLE stock_checkpoint_months (
      month date PRIMARY KEY
    );
    CREATE TABLE stock_status_checkpoints (
      month date NOT NULL,
      district_id int NOT NULL,
      branch_id int NOT NULL,
      status text NOT NULL,
      set_id int NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (month, district_id, branch_id, status, set_id)
    )
  `);
  // The days are in the agency's zone as configured now (config.ts reads the same variable); a server started
  // with another zone reads the exact SQL until stock_rollup_rebuild(zone) (src/modules/stats/rollup/stock.ts).
  const zone = process.env.AMAAN_TIME_ZONE || 'Asia/Karachi';
  for (const s of rebuildStatements(zone)) await sql.raw(s).execute(db);
  await sql.raw(`ANALYZE stock_case_parts`).execute(db);
  await sql.raw(`ANALYZE stock_status_daily`).execute(db);
  await sql.raw(`ANALYZE stock_status_checkpoints`).execute(db);
  // (One statement with a function body each: not split by runDdl.)
  await sql.raw(`CREATE FUNCTION stock_refresh_cases(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$ ${refreshBody()} $fn$`).execute(db);
  await sql.raw(`
    CREATE FUNCTION stock_rollup_rebuild(zone text) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      LOCK TABLE stock_status_daily IN EXCLUSIVE MODE;
      ${rebuildStatements('ZONE').map((s) => s.replaceAll(`'ZONE'`, 'zone')).join(';\n')};
    END
    $fn$`).execute(db);
  // Checkpoints up to the current month of the zone (after months without one, e.g. a database migrated empty):
  // each new month's stock = the previous month's + the changes between. Writers wait (the lock) so none moves a
  // checkpoint while it is made. Called by the migration and src/modules/stats/rollup/stock.ts
  // (extendStockCheckpoints); without it the answers stay exact, they only read more daily rows.
  const k = key;
  await sql.raw(`
    CREATE FUNCTION stock_extend_checkpoints() RETURNS int LANGUAGE plpgsql AS $fn$
    DECLARE zone text; last date; target date; added int := 0;
    BEGIN
      SELECT m.time_zone INTO zone FROM stock_rollup_meta m WHERE m.id = 1;
      IF zone IS NULL THEN RETURN 0; END IF;
      LOCK TABLE stock_status_daily IN EXCLUSIVE MODE;
      target := date_trunc('month', now() AT TIME ZONE zone)::date;
      SELECT max(m.month) INTO last FROM stock_checkpoint_months m;
      IF last IS NULL THEN
        SELECT coalesce(date_trunc('month', min(d.day))::date, target) INTO last FROM stock_status_daily d;
        INSERT INTO stock_checkpoint_months (month) VALUES (last);
        INSERT INTO stock_status_checkpoints (month, ${k}, n)
          SELECT last, ${k}, sum(d.delta) FROM stock_status_daily d WHERE d.day < last GROUP BY ${k} HAVING sum(d.delta) <> 0;
        added := 1;
      END IF;
      WHILE last < target LOOP
        INSERT INTO stock_checkpoint_months (month) VALUES ((last + interval '1 month')::date);
        INSERT INTO stock_status_checkpoints (month, ${k}, n)
          SELECT (last + interval '1 month')::date, ${k}, sum(x.n) FROM (
            SELECT ${k}, c.n FROM stock_status_checkpoints c WHERE c.month = last
            UNION ALL
            SELECT ${k}, d.delta FROM stock_status_daily d WHERE d.day >= last AND d.day < (last + interval '1 month')::date
          ) x GROUP BY ${k} HAVING sum(x.n) <> 0;
        last := (last + interval '1 month')::date;
        added := added + 1;
      END LOOP;
      RETURN added;
    END
    $fn$`).execute(db);
  await sql.raw(`SELECT stock_extend_checkpoints()`).execute(db);
  const fns: Array<[string, string, string]> = [
    ['history_insert', 'case_status_history', 'SELECT n.case_id FROM stock_new n'],
    ['history_update', 'case_status_history', 'SELECT n.case_id FROM stock_new n UNION SELECT o.case_id FROM stock_old o'],
    ['history_delete', 'case_status_history', 'SELECT o.case_id FROM stock_old o'],
    ['offences_insert', 'case_offences', 'SELECT n.case_id FROM stock_new n'],
    ['offences_update', 'case_offences', 'SELECT n.case_id FROM stock_new n UNION SELECT o.case_id FROM stock_old o'],
    ['offences_delete', 'case_offences', 'SELECT o.case_id FROM stock_old o'],
    ['cases_insert', 'cases', 'SELECT n.id FROM stock_new n'],
    // Only the cases whose counted fields changed (a title edit refreshes nothing).
    ['cases_update', 'cases', `SELECT n.id FROM stock_new n JOIN stock_old o ON o.id = n.id
       WHERE (n.status, n.district_id, n.branch_id, n.reported_at) IS DISTINCT FROM (o.status, o.district_id, o.branch_id, o.reported_at)`],
    ['cases_delete', 'cases', 'SELECT o.id FROM stock_old o'],
  ];
  for (const [name, , ids] of fns) {
    await sql.raw(`
      CREATE FUNCTION stock_after_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM stock_refresh_cases(ARRAY(${ids}));
        RETURN NULL;
      END
      $fn$`).execute(db);
  }
  for (const [name, table] of fns) {
    const event = name.split('_').pop()!.toUpperCase();
    const refs = event === 'INSERT' ? 'NEW TABLE AS stock_new' : event === 'DELETE' ? 'OLD TABLE AS stock_old' : 'OLD TABLE AS stock_old NEW TABLE AS stock_new';
    // Named case_stock_* on case_status_history: after case_status_spans_* (same event, fired by name), so the spans are current.
    await sql.raw(`CREATE TRIGGER case_stock_${name} AFTER ${event} ON ${table} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION stock_after_${name}()`).execute(db);
  }
  // TRUNCATE of the history (tests, tools): every case's status falls back to the current one; rebuild.
  await sql.raw(`
    CREATE FUNCTION stock_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM stock_rollup_rebuild((SELECT time_zone FROM stock_rollup_meta WHERE id = 1));
      RETURN NULL;
    END
    $fn$`).execute(db);
  await runDdl(db, `
    CREATE TRIGGER case_stock_history_truncate AFTER TRUNCATE ON case_status_history FOR EACH STATEMENT EXECUTE FUNCTION stock_after_truncate();
    CREATE TRIGGER case_stock_offences_truncate AFTER TRUNCATE ON case_offences FOR EACH STATEMENT EXECUTE FUNCTION stock_after_truncate()
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['history_insert', 'history_update', 'history_delete', 'offences_insert', 'offences_update', 'offences_delete', 'cases_insert', 'cases_update', 'cases_delete']) {
    const table = name.startsWith('history') ? 'case_status_history' : name.startsWith('offences') ? 'case_offences' : 'cases';
    await sql.raw(`DROP TRIGGER case_stock_${name} ON ${table}`).execute(db);
    await sql.raw(`DROP FUNCTION stock_after_${name}()`).execute(db);
  }
  await runDdl(db, `
    DROP TRIGGER case_stock_history_truncate ON case_status_history;
    DROP TRIGGER case_stock_offences_truncate ON case_offences;
    DROP FUNCTION stock_after_truncate();
    DROP FUNCTION stock_rollup_rebuild(text);
    DROP FUNCTION stock_extend_checkpoints();
    DROP FUNCTION stock_refresh_cases(uuid[]);
    DROP TABLE stock_status_checkpoints;
    DROP TABLE stock_checkpoint_months;
    DROP TABLE stock_status_daily;
    DROP TABLE stock_case_parts;
    DROP TABLE stock_offence_sets;
    DROP TABLE stock_rollup_meta
  `);
}
