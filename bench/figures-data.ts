// Synthetic national dataset for the statistics benchmark (issue 12): N cases spread uniformly over every
// district (handled by the district's branch), 5N persons, and what the figures read: offences (85 % child
// exploitation), status history, FIRs, challans, arrests, charges, verdicts with sentences, team members,
// victims with placements, executed operations. Invented rows only (names "Bench Person n").
//
// Written by the database itself (INSERT ... SELECT over generate_series, random() after setseed) as the
// superuser with session_replication_role = replica, so triggers (graph change log, district fill, status
// spans and flow events: filled here instead) and foreign-key checks are skipped: every reference is generated valid. Ids are md5-derived UUIDs, so rows can
// point at each other without lookups. The filled tables' secondary indexes are dropped first and built
// again at the end (one sorted build each instead of a million inserts into them, the trigram index of case
// titles above all). PostgreSQL or PGlite: `query` is a pg.Client's, or the same over PGlite.

import { spansFromHistory } from '../src/platform/db/migrations/0037_case_status_spans.ts';
import { rebuildStatements } from '../src/platform/db/migrations/0039_stock_rollup.ts';

/** What the generator needs of a connection (pg.Client has it; bench/figures.bench.ts adapts PGlite). */
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount?: number | null }>;
}

const filled = ['users', 'persons', 'cases', 'case_offences', 'case_status_history', 'case_status_spans', 'case_team', 'arrests', 'charges', 'verdicts', 'victims', 'case_victims', 'placements', 'operations', 'stat_flow', 'stat_stock_spans'];

export interface GeneratedCounts {
  cases: number;
  persons: number;
  history: number;
  arrests: number;
  verdicts: number;
  users: number;
  victims: number;
  operations: number;
}

export async function generateFiguresData(client: SqlRunner, cases: number, say: (s: string) => void = () => undefined): Promise<GeneratedCounts> {
  const persons = cases * 5;
  const users = Math.max(200, Math.round(cases / 500));
  const q = async (label: string, text: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await client.query(text, params);
    say(`  ${label}: ${r.rowCount ?? ''} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  };
  const count = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  await client.query(`SET session_replication_role = replica`);
  // Secondary indexes (not those behind a constraint) of the filled tables: dropped now, built at the end.
  const indexes = (await client.query(`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY ($1::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`, [filled])).rows as Array<{ indexname: string; indexdef: string }>;
  for (const i of indexes) await client.query(`DROP INDEX ${i.indexname}`);
  await client.query(`SELECT setseed(0.42)`);
  // Districts with their covering branch, numbered 0..nd-1.
  await client.query(`CREATE TEMP TABLE bd AS SELECT (row_number() OVER (ORDER BY d.id)) - 1 AS i, d.id AS district_id, bd.branch_id FROM districts d JOIN branch_districts bd ON bd.district_id = d.id`);
  const nd = Number((await client.query(`SELECT count(*) AS n FROM bd`)).rows[0].n);
  await q('investigators', `
    INSERT INTO users (id, username, display_name, role, branch_id, password_hash)
    SELECT md5('u' || g)::uuid, 'bench.inv' || g, 'Bench Investigator ' || g, 'investigator', bd.branch_id, 'not-a-hash'
    FROM generate_series(0, $1::int - 1) g JOIN bd ON bd.i = g % $2::int`, [users, nd]);
  await q('persons', `INSERT INTO persons (id, display_name) SELECT md5('p' || g)::uuid, 'Bench Person ' || g FROM generate_series(0, $1::int - 1) g`, [persons]);
  // Per case: dates and the path it took, drawn once into a temp table.
  await q('case plan', `
    CREATE TEMP TABLE bc AS
    SELECT g, md5('c' || g)::uuid AS id, (g % $2::int) AS di, rep,
      CASE WHEN r1 < 0.8 THEN rep + (r2 * 20) * interval '1 day' END AS fir,
      CASE WHEN r1 < 0.8 AND r3 < 0.6 THEN rep + (r2 * 20 + 5 + r4 * 150) * interval '1 day' END AS challan,
      CASE WHEN r1 < 0.8 AND r3 < 0.6 THEN (CASE WHEN r5 < 0.3 THEN 'challan_submitted' WHEN r5 < 0.6 THEN 'in_trial' WHEN r5 < 0.85 THEN 'convicted' ELSE 'acquitted' END)
           WHEN r1 < 0.8 AND r3 < 0.7 THEN 'cancelled_or_discharged'
           WHEN r1 < 0.8 THEN 'under_investigation'
           WHEN r1 < 0.9 THEN 'complaint_received' ELSE 'inquiry_closed' END AS status,
      r6 < 0.85 AS ce, r2, r4, r5, r6
    FROM (SELECT g, timestamptz '2019-01-01 00:00+05' + (random() * 2370) * interval '1 day' AS rep,
            random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
          FROM generate_series(0, $1::int - 1) g) x`, [cases, nd]);
  await q('cases', `
    INSERT INTO cases (id, branch_id, district_id, title, status, fir_number, fir_year, fir_registered_at, challan_submitted_at, reported_at, created_at, updated_at)
    SELECT bc.id, bd.branch_id, bd.district_id, 'Bench case ' || bc.g, bc.status,
      CASE WHEN bc.fir IS NOT NULL THEN bc.g END, CASE WHEN bc.fir IS NOT NULL THEN extract(year FROM bc.fir)::int END,
      bc.fir, bc.challan, bc.rep, bc.rep, bc.rep
    FROM bc JOIN bd ON bd.i = bc.di`);
  await q('case offences', `INSERT INTO case_offences (case_id, offence_code) SELECT id, CASE WHEN ce THEN 'PPC-377B' ELSE 'PPC-420' END FROM bc`);
  await q('status history', `
    INSERT INTO case_status_history (case_id, from_status, to_status, reason, at)
    SELECT id, NULL, 'complaint_received', 'bench', rep FROM bc
    UNION ALL SELECT id, 'complaint_received', 'fir_registered', 'bench', fir FROM bc WHERE fir IS NOT NULL
    UNION ALL SELECT id, 'fir_registered', 'under_investigation', 'bench', fir + interval '1 day' FROM bc WHERE fir IS NOT NULL
    UNION ALL SELECT id, 'under_investigation', 'challan_submitted', 'bench', challan FROM bc WHERE challan IS NOT NULL
    UNION ALL SELECT id, 'under_investigation', 'cancelled_or_discharged', 'bench', fir + interval '40 days' FROM bc WHERE status = 'cancelled_or_discharged'
    UNION ALL SELECT id, 'challan_submitted', 'in_trial', 'bench', challan + interval '30 days' FROM bc WHERE status IN ('in_trial','convicted','acquitted')
    UNION ALL SELECT id, 'in_trial', status, 'bench', challan + interval '300 days' FROM bc WHERE status IN ('convicted','acquitted')
    UNION ALL SELECT id, 'complaint_received', 'inquiry_closed', 'bench', rep + interval '15 days' FROM bc WHERE status = 'inquiry_closed'`);
  // Triggers are off (replica): the status spans (migration 0037) are built here, as the migration builds them.
  await q('status spans', spansFromHistory(null));
  await q('case team', `
    INSERT INTO case_team (case_id, user_id, team_role, added_at)
    SELECT bc.id, md5('u' || (bc.di + $1::int * (bc.g % greatest(1, $2::int / $1::int)))::text)::uuid, 'lead', bc.fir FROM bc WHERE bc.fir IS NOT NULL AND bc.di + $1::int * (bc.g % greatest(1, $2::int / $1::int)) < $2::int`, [nd, users]);
  await q('arrests', `INSERT INTO arrests (case_id, person_id, arrested_at) SELECT id, md5('p' || ((g * 5) % $1::int))::uuid, fir + interval '3 days' FROM bc WHERE fir IS NOT NULL AND r6 < 0.6`, [persons]);
  await q('charges', `INSERT INTO charges (case_id, person_id, offence_code, court, framed_at) SELECT id, md5('p' || ((g * 5) % $1::int))::uuid, CASE WHEN ce THEN 'PPC-377B' ELSE 'PPC-420' END, 'Sessions Court', challan + interval '60 days' FROM bc WHERE status IN ('in_trial','convicted','acquitted')`, [persons]);
  await q('verdicts', `
    INSERT INTO verdicts (case_id, person_id, outcome, court, decided_at, sentence_months)
    SELECT id, md5('p' || ((g * 5) % $1::int))::uuid, status, 'Sessions Court', challan + interval '300 days', CASE WHEN status = 'convicted' THEN 48 + (g % 73) END
    FROM bc WHERE status IN ('convicted','acquitted')`, [persons]);
  await q('victims', `INSERT INTO victims (id, pseudonym, identified_at, recovered_at, state) SELECT md5('v' || g)::uuid, 'V-9999-' || lpad(g::text, 7, '0'), fir + interval '2 days', CASE WHEN r4 < 0.5 THEN fir + interval '5 days' END, 'placed' FROM bc WHERE fir IS NOT NULL AND r5 < 0.1`);
  await q('case victims', `INSERT INTO case_victims (case_id, victim_id) SELECT id, md5('v' || g)::uuid FROM bc WHERE fir IS NOT NULL AND r5 < 0.1`);
  await q('placements', `INSERT INTO placements (victim_id, kind, facility, started_at) SELECT md5('v' || g)::uuid, (ARRAY['child_protection_bureau','family','shelter'])[1 + g % 3], '', fir + interval '6 days' FROM bc WHERE fir IS NOT NULL AND r5 < 0.1 AND r4 < 0.5`);
  await q('operations', `
    INSERT INTO operations (id, case_id, name, status, planned_for, place, approved_at, executed_at, duration_minutes)
    SELECT md5('o' || g)::uuid, id, 'Bench operation ' || g, 'executed', fir + interval '2 days', 'somewhere', fir + interval '1 day', fir + interval '2 days', 120
    FROM bc WHERE fir IS NOT NULL AND r2 < 0.02`);
  // The flow figures' events (migration 0038), rebuilt as its migration builds them (the triggers were off).
  if ((await client.query(`SELECT to_regclass('stat_flow') IS NOT NULL AS t`)).rows[0]!.t) await q('flow figures\' events', `SELECT stat_flow_rebuild(m.time_zone, m.ce_codes) FROM stat_flow_meta m`);
  // The stock rollup (migration 0039) from what was just written, as its migration builds it (triggers are off).
  const t0 = performance.now();
  for (const s of rebuildStatements(process.env.AMAAN_TIME_ZONE || 'Asia/Karachi')) await client.query(s);
  say(`  stock rollup rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Backlog, caseload and children in care (migration 0044), as its migration builds them.
  if ((await client.query(`SELECT to_regclass('stat_stock_spans') IS NOT NULL AS t`)).rows[0]!.t) await q('stock spans', `SELECT stat_stock_spans_rebuild()`);
  await client.query(`SET session_replication_role = DEFAULT`);
  await client.query(`DROP TABLE bc`);
  await client.query(`DROP TABLE bd`);
  const t1 = performance.now();
  await client.query(`SET maintenance_work_mem = '256MB'`);
  for (const i of indexes) await client.query(i.indexdef);
  await client.query(`RESET maintenance_work_mem`);
  say(`  ${indexes.length} indexes built again in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  // VACUUM too: the visibility map lets the history index be read without visiting the table, as on a
  // database that has been running (autovacuum).
  await q('vacuum analyze', `VACUUM ANALYZE`);
  return {
    cases: await count('cases'), persons: await count('persons'), history: await count('case_status_history'), arrests: await count('arrests'),
    verdicts: await count('verdicts'), users, victims: await count('victims'), operations: await count('operations'),
  };
}
