import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// The flow figures' events, pre-joined (issue 12, bench/figures.bench.ts): one narrow row per counted event
// (a complaint, an FIR, an arrest, a charge, a verdict, a child identified or rescued, a challan, a case's first
// verdict) with its LOCAL DAY in the rollup's time zone, the case's district and branch, whether the case is a
// child-exploitation case under the rollup's offence codes (`ce`), the unit a distinct count counts (person,
// child) and a value (sentence months; seconds from FIR to challan or first verdict, exact, so median and p90
// come out as the exact SQL's, which interpolates between single durations: no bucket would be exact).
// The flow figures (complaints ... FIR to verdict) read one range of `stat_flow_kind_day` (kind, day), index-only,
// instead of joining cases, their offences and the event table; registry figures stay the reference and the
// fallback (src/modules/stats/figures/rollup.ts decides, in one place, when this table answers exactly the same).
//
// Per event rather than per (day, district) counts: a day has about as many events as district cells at
// national scale (a million cases over ten years: ~270 cases a day over 180 districts), so summing cells would
// read nearly as many rows, and the distinct counts (persons charged, children) are not additive over days.
//
// Time zone and offence codes are the rollup's own (stat_flow_meta, one row): a figure asked in another zone or
// under another catalogue (an edited catalogue, or a figure republished under an old one) is computed by the
// exact SQL, never from rows keyed by a different day or flag. `SELECT stat_flow_rebuild(zone, codes)` (the
// command `amaan stats rebuild`) re-keys the table. Editing the offence catalogue does not touch it.
//
// Kept by statement triggers (transition tables) on every source table, in the same statement as the write:
// each statement rebuilds the rows of the cases it touched from their records (cases locked first, FOR NO KEY
// UPDATE as in migration 0037, so two transactions writing one case refresh its rows one after the other).
// Writers that switch triggers off (backup restore, which restores this table too; bench/figures-data.ts,
// which calls stat_flow_rebuild itself) must keep it.

/** Kinds of event (stat_flow.kind). */
export const FLOW_KIND = {
  complaint: 1, fir: 2, arrest: 3, charge: 4, convicted: 5, acquitted: 6, identified: 7, rescued: 8, challan: 9, firstVerdict: 10,
} as const;
const K = FLOW_KIND;

/**
 * The rows of the cases whose id passes `where(column)`, under the meta row's zone and codes. The filter is put on
 * each event table's own case column too, so a refresh of a few cases reads them through their case index (the
 * materialised case set alone would leave the planner to hash every arrest, charge and verdict).
 */
export const flowRows = (where: (column: string) => string) => `
  INSERT INTO stat_flow (case_id, kind, src, day, district_id, branch_id, ce, unit, val)
  WITH m AS (SELECT time_zone AS tz, ce_codes FROM stat_flow_meta),
  cs AS (
    SELECT c.id, c.district_id, c.branch_id, c.reported_at, c.fir_registered_at, c.challan_submitted_at, m.tz,
      EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code = ANY (m.ce_codes)) AS ce
    FROM cases c CROSS JOIN m WHERE ${where('c.id')}
  )
  SELECT id, ${K.complaint}, id, (reported_at AT TIME ZONE tz)::date, district_id, branch_id, ce, NULL::uuid, NULL::numeric FROM cs
  UNION ALL
  SELECT id, ${K.fir}, id, (fir_registered_at AT TIME ZONE tz)::date, district_id, branch_id, ce, NULL, NULL FROM cs WHERE fir_registered_at IS NOT NULL
  UNION ALL
  SELECT cs.id, ${K.arrest}, a.id, (a.arrested_at AT TIME ZONE tz)::date, district_id, branch_id, ce, NULL, NULL FROM cs JOIN arrests a ON a.case_id = cs.id WHERE ${where('a.case_id')}
  UNION ALL
  SELECT cs.id, ${K.charge}, ch.id, (ch.framed_at AT TIME ZONE tz)::date, district_id, branch_id, ce, ch.person_id, NULL FROM cs JOIN charges ch ON ch.case_id = cs.id WHERE ${where('ch.case_id')}
  UNION ALL
  SELECT cs.id, CASE vd.outcome WHEN 'convicted' THEN ${K.convicted} ELSE ${K.acquitted} END, vd.id, (vd.decided_at AT TIME ZONE tz)::date, district_id, branch_id, ce, vd.person_id, vd.sentence_months
  FROM cs JOIN verdicts vd ON vd.case_id = cs.id WHERE vd.outcome IN ('convicted', 'acquitted') AND ${where('vd.case_id')}
  UNION ALL
  SELECT cs.id, ${K.identified}, v.id, (v.identified_at AT TIME ZONE tz)::date, district_id, branch_id, ce, v.id, NULL
  FROM cs JOIN case_victims cv ON cv.case_id = cs.id JOIN victims v ON v.id = cv.victim_id WHERE ${where('cv.case_id')}
  UNION ALL
  SELECT cs.id, ${K.rescued}, v.id, (v.recovered_at AT TIME ZONE tz)::date, district_id, branch_id, ce, v.id, NULL
  FROM cs JOIN case_victims cv ON cv.case_id = cs.id JOIN victims v ON v.id = cv.victim_id WHERE v.recovered_at IS NOT NULL AND ${where('cv.case_id')}
  UNION ALL
  SELECT id, ${K.challan}, id, (challan_submitted_at AT TIME ZONE tz)::date, district_id, branch_id, ce, NULL, extract(epoch FROM (challan_submitted_at - fir_registered_at))
  FROM cs WHERE challan_submitted_at IS NOT NULL AND fir_registered_at IS NOT NULL
  UNION ALL
  SELECT id, ${K.firstVerdict}, id, (fv AT TIME ZONE tz)::date, district_id, branch_id, ce, NULL, extract(epoch FROM (fv - fir_registered_at))
  FROM (SELECT cs.*, (SELECT min(vd.decided_at) FROM verdicts vd WHERE vd.case_id = cs.id) AS fv FROM cs WHERE fir_registered_at IS NOT NULL) x
  WHERE fv IS NOT NULL`;

// Which cases a statement touched, per source table and event (n: new rows, o: old rows).
const touched: Record<string, Partial<Record<'insert' | 'update' | 'delete', string>>> = {
  cases: {
    insert: 'SELECT n.id FROM n',
    // Only the columns the rows are made of: status changes and edits of the title do not refresh.
    update: `SELECT n.id FROM n JOIN o ON o.id = n.id WHERE (n.reported_at, n.fir_registered_at, n.challan_submitted_at, n.district_id, n.branch_id)
      IS DISTINCT FROM (o.reported_at, o.fir_registered_at, o.challan_submitted_at, o.district_id, o.branch_id)`,
    delete: 'SELECT o.id FROM o',
  },
  victims: {
    update: `SELECT cv.case_id FROM n JOIN o ON o.id = n.id JOIN case_victims cv ON cv.victim_id = n.id
      WHERE (n.identified_at, n.recovered_at) IS DISTINCT FROM (o.identified_at, o.recovered_at)`,
  },
  ...Object.fromEntries(['case_offences', 'arrests', 'charges', 'verdicts', 'case_victims'].map((t) => [t, {
    insert: 'SELECT n.case_id FROM n',
    update: 'SELECT n.case_id FROM n UNION SELECT o.case_id FROM o',
    delete: 'SELECT o.case_id FROM o',
  }])),
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE stat_flow_meta (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      time_zone text NOT NULL,
      ce_codes text[] NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE stat_flow (
      case_id uuid NOT NULL,
      kind smallint NOT NULL,
      src uuid NOT NULL,
      day date,
      district_id integer NOT NULL,
      branch_id integer NOT NULL,
      ce boolean NOT NULL,
      unit uuid,
      val numeric,
      PRIMARY KEY (case_id, kind, src)
    )
  `);
  // (Function bodies: one statement each, not split by runDdl.)
  await sql.raw(`
    CREATE FUNCTION stat_flow_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
      PERFORM 1 FROM cases c WHERE c.id = ANY (ids) ORDER BY c.id FOR NO KEY UPDATE;
      DELETE FROM stat_flow f WHERE f.case_id = ANY (ids);
      ${flowRows((column) => `${column} = ANY (ids)`)};
    END
    $fn$
  `).execute(db);
  // The whole table, re-keyed: under a lock that waits for the writers refreshing rows and holds new ones back.
  await sql.raw(`
    CREATE FUNCTION stat_flow_rebuild(zone text, codes text[]) RETURNS bigint LANGUAGE plpgsql AS $fn$
    DECLARE n bigint;
    BEGIN
      LOCK TABLE stat_flow IN SHARE ROW EXCLUSIVE MODE;
      DELETE FROM stat_flow_meta;
      INSERT INTO stat_flow_meta (time_zone, ce_codes) VALUES (zone, (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(codes) x));
      DELETE FROM stat_flow;
      ${flowRows(() => 'true')};
      GET DIAGNOSTICS n = ROW_COUNT;
      RETURN n;
    END
    $fn$
  `).execute(db);
  // The backfill: the default zone (AMAAN_TIME_ZONE's default) and the catalogue's codes as they stand. A server
  // configured for another zone reads the exact SQL until `amaan stats rebuild` re-keys the table.
  await sql.raw(`SELECT stat_flow_rebuild('Asia/Karachi', ARRAY(SELECT code FROM offences WHERE child_exploitation))`).execute(db);
  await runDdl(db, `
    CREATE INDEX stat_flow_kind_day ON stat_flow (kind, day) INCLUDE (district_id, branch_id, ce, unit, val);
    ANALYZE stat_flow
  `);
  const triggers: string[] = [];
  for (const [table, events] of Object.entries(touched)) {
    for (const [event, ids] of Object.entries(events)) {
      const fn = `stat_flow_${table}_${event}`;
      await sql.raw(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          PERFORM stat_flow_refresh(ARRAY(SELECT DISTINCT t.id FROM (${ids}) t(id)));
          RETURN NULL;
        END
        $fn$
      `).execute(db);
      const referencing = event === 'insert' ? 'NEW TABLE AS n' : event === 'delete' ? 'OLD TABLE AS o' : 'OLD TABLE AS o NEW TABLE AS n';
      triggers.push(`CREATE TRIGGER ${fn} AFTER ${event.toUpperCase()} ON ${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
  }
  // TRUNCATE (tests, maintenance) has no transition table: the whole table again, under its own zone and codes.
  await sql.raw(`
    CREATE FUNCTION stat_flow_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM stat_flow_rebuild(m.time_zone, m.ce_codes) FROM stat_flow_meta m;
      RETURN NULL;
    END
    $fn$
  `).execute(db);
  for (const table of truncated) triggers.push(`CREATE TRIGGER stat_flow_${table}_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION stat_flow_after_truncate()`);
  await runDdl(db, triggers.join(';\n'));
}

const truncated = ['cases', 'case_offences', 'arrests', 'charges', 'verdicts', 'case_victims', 'victims'];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of truncated) await runDdl(db, `DROP TRIGGER stat_flow_${table}_truncate ON ${table}`);
  await runDdl(db, 'DROP FUNCTION stat_flow_after_truncate()');
  for (const [table, events] of Object.entries(touched)) {
    for (const event of Object.keys(events)) {
      await runDdl(db, `DROP TRIGGER stat_flow_${table}_${event} ON ${table};\nDROP FUNCTION stat_flow_${table}_${event}()`);
    }
  }
  await runDdl(db, `
    DROP FUNCTION stat_flow_rebuild(text, text[]);
    DROP FUNCTION stat_flow_refresh(uuid[]);
    DROP TABLE stat_flow;
    DROP TABLE stat_flow_meta
  `);
}
