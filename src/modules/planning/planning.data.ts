import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type RawBuilder } from 'kysely';
import { parse } from 'csv-parse/sync';
import type { Db, Tx } from '../../platform/db/database.ts';
import { timeLimit } from '../stats/figures/lifecycle-limits.ts';

// What capacity planning reads from the records (issue 12 §6), all SQL over the rows, in the agency's time
// zone: per district of the offence and per handling branch, FIRs, complaints, investigations finished,
// the open investigations (backlog) at the end of the window with their age, the time from FIR to the end
// of investigation and to the start of it, tips received; staff per branch; the time cases spend in each
// stage. Plus the two external counts the scenarios use (seed/ncmec-cybertipline-pakistan.csv,
// seed/cruel-numbers-2024.csv).

/** Statuses in which a case is with the investigators (after the FIR, before the challan or cancellation). */
export const investigationStatuses = ['fir_registered', 'under_investigation', 'interim_challan'] as const;
/** Statuses that end an investigation. */
export const investigationEnds = ['challan_submitted', 'cancelled_or_discharged'] as const;

export interface Window {
  /** First local day, inclusive. */
  from: string;
  /** Last local day, inclusive. */
  to: string;
  timeZone: string;
  /** Only cases with a child-exploitation offence (codes), or every case (null). */
  childExploitationCodes: string[] | null;
}

export interface DistrictObs {
  id: number;
  name: string;
  province: string;
  population: number | null;
  /** The branch covering the district (branch_districts), if any. */
  coveringBranchId: number | null;
  coveringBranch: string | null;
  /** A branch office has its seat in the district. */
  hasOffice: boolean;
  firs: number;
  complaints: number;
  backlog: number;
}

export interface BranchObs {
  id: number;
  name: string;
  province: string;
  seatDistrictId: number;
  districts: number;
  population: number;
  /** Investigators: filled investigator posts where recorded, else enabled investigator accounts of the branch. */
  investigators: number;
  investigatorsSource: 'posts' | 'accounts';
  sanctionedInvestigators: number | null;
  firs: number;
  complaints: number;
  /** Investigations finished in the window (challan submitted or case cancelled). */
  completions: number;
  /** Median days from FIR to the end of investigation, of those finished in the window. */
  medianDaysToEnd: number | null;
  /** Of the challans submitted in the window, how many within the legal limit after the FIR. */
  challans: number;
  challansWithinLimit: number;
  /** Median days from FIR to the start of investigation (first move to under_investigation) in the window. */
  medianDaysToStart: number | null;
  backlog: number;
  medianBacklogAgeDays: number | null;
  tips: number;
}

export interface StageObs {
  status: string;
  /** Stays in the status that ended in the window. */
  stays: number;
  medianDays: number | null;
  meanDays: number | null;
}

export interface Observations {
  window: Window;
  months: number;
  districts: DistrictObs[];
  branches: BranchObs[];
  stages: StageObs[];
  challanLimitDays: number;
  /** Every case in scope, whatever its district or branch. */
  national: { firs: number; completions: number; medianDaysToEnd: number | null; backlog: number };
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/** Months in the window (days / 30.4375). */
export function windowMonths(w: Window): number {
  const days = (Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days / 30.4375;
}

/**
 * The per-case pass of observe(), as an object so bench/figures.bench.ts can time it beside the SQL before
 * (test/planning/planning-reference.ts) in one run.
 */
export const planningSql = {
  // One pass over the cases in scope: each case's end of investigation, start of it, and status at the end.
  // Set-wise (bench/figures.bench.ts --plan): the first end and start of every case from one grouped pass over
  // the history, and the status at the end from the spans in force then (case_status_spans, migration 0037:
  // the latest change before the end, else the case's current status), hash-joined to the cases.
  perCase: (end: RawBuilder<unknown>, scope: RawBuilder<unknown>, endList: RawBuilder<unknown>) => sql`
    hx AS (
      SELECT h.case_id, min(h.at) FILTER (WHERE h.to_status IN (${endList})) AS ended_at,
        min(h.at) FILTER (WHERE h.to_status = 'under_investigation') AS started_at
      FROM case_status_history h GROUP BY h.case_id
    ), se AS (
      SELECT s.case_id, s.status FROM case_status_spans s WHERE s.valid_to >= ${end} AND s.valid_from < ${end}
    ), pc AS MATERIALIZED (
      SELECT c.id, c.district_id, c.branch_id, c.reported_at, c.fir_registered_at, c.challan_submitted_at,
        coalesce(c.challan_submitted_at, hx.ended_at) AS ended_at,
        hx.started_at,
        CASE WHEN c.fir_registered_at IS NOT NULL AND c.fir_registered_at < ${end} THEN coalesce(se.status, c.status) END AS status_at_end
      FROM cases c LEFT JOIN hx ON hx.case_id = c.id LEFT JOIN se ON se.case_id = c.id WHERE ${scope}
    )`,
  // Stays that ended in the window: the spans (one per history row, to the next row of the case, ties included
  // as stays of 0 days) ending in it, one range of case_status_spans_at, instead of every case's whole history.
  stays: (inWin: (col: RawBuilder<unknown>) => RawBuilder<unknown>, scope: RawBuilder<unknown>, days: (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => RawBuilder<unknown>) => sql`
    SELECT s.status, count(*) AS stays,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`s.valid_to`, sql`s.valid_from`)}) AS median_days,
      avg(${days(sql`s.valid_to`, sql`s.valid_from`)}) AS mean_days
    FROM case_status_spans s JOIN cases c ON c.id = s.case_id
    WHERE ${inWin(sql`s.valid_to`)} AND s.valid_to <> 'infinity' AND ${scope}
    GROUP BY s.status ORDER BY s.status`,
};

export async function observe(db: Db | Tx, w: Window): Promise<Observations> {
  const start = sql`(${w.from}::date::timestamp AT TIME ZONE ${w.timeZone})`;
  const end = sql`(((${w.to}::date + 1)::timestamp) AT TIME ZONE ${w.timeZone})`;
  const inWin = (col: RawBuilder<unknown>) => sql`(${col} >= ${start} AND ${col} < ${end})`;
  const scope = w.childExploitationCodes === null
    ? sql`true`
    : sql`EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code IN (SELECT jsonb_array_elements_text(${JSON.stringify(w.childExploitationCodes)}::jsonb)))`;
  const invList = sql.join(investigationStatuses.map((s) => sql`${s}`));
  const endList = sql.join(investigationEnds.map((s) => sql`${s}`));
  const limitDays = timeLimit('fir_to_challan').days;

  const perCase = planningSql.perCase(end, scope, endList);
  const days = (a: RawBuilder<unknown>, b: RawBuilder<unknown>) => sql`(extract(epoch FROM (${a} - ${b})) / 86400.0)`;

  const { rows: cells } = await sql<Record<string, unknown>>`
    WITH ${perCase}
    SELECT district_id, branch_id,
      count(*) FILTER (WHERE ${inWin(sql`fir_registered_at`)}) AS firs,
      count(*) FILTER (WHERE ${inWin(sql`reported_at`)}) AS complaints,
      count(*) FILTER (WHERE fir_registered_at IS NOT NULL AND ${inWin(sql`ended_at`)}) AS completions,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`ended_at`, sql`fir_registered_at`)}) FILTER (WHERE fir_registered_at IS NOT NULL AND ${inWin(sql`ended_at`)}) AS median_to_end,
      count(*) FILTER (WHERE fir_registered_at IS NOT NULL AND ${inWin(sql`challan_submitted_at`)}) AS challans,
      count(*) FILTER (WHERE fir_registered_at IS NOT NULL AND ${inWin(sql`challan_submitted_at`)} AND ${days(sql`challan_submitted_at`, sql`fir_registered_at`)} <= ${limitDays}) AS challans_within,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`started_at`, sql`fir_registered_at`)}) FILTER (WHERE fir_registered_at IS NOT NULL AND ${inWin(sql`started_at`)}) AS median_to_start,
      count(*) FILTER (WHERE status_at_end IN (${invList})) AS backlog,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(end, sql`fir_registered_at`)}) FILTER (WHERE status_at_end IN (${invList})) AS median_age
    FROM pc GROUP BY GROUPING SETS ((district_id), (branch_id), ())`.execute(db);

  const byDistrict = new Map<number, Record<string, unknown>>();
  const byBranch = new Map<number, Record<string, unknown>>();
  let nationalRow: Record<string, unknown> | undefined;
  for (const r of cells) {
    if (r.district_id !== null && r.district_id !== undefined) byDistrict.set(Number(r.district_id), r);
    else if (r.branch_id !== null && r.branch_id !== undefined) byBranch.set(Number(r.branch_id), r);
    else nationalRow = r;
  }

  const districtRows = await db.selectFrom('districts')
    .leftJoin('branch_districts', 'branch_districts.district_id', 'districts.id')
    .leftJoin('branches', 'branches.id', 'branch_districts.branch_id')
    .select((eb) => ['districts.id', 'districts.name', 'districts.province', 'districts.population_2023', 'branch_districts.branch_id', 'branches.name as branch',
      eb.exists(eb.selectFrom('branches as seat').select('seat.id').whereRef('seat.seat_district_id', '=', 'districts.id')).as('has_office')])
    .orderBy('districts.province').orderBy('districts.name').execute();
  const districts: DistrictObs[] = districtRows.map((d) => {
    const o = byDistrict.get(d.id);
    return {
      id: d.id, name: d.name, province: d.province, population: d.population_2023 === null ? null : Number(d.population_2023),
      coveringBranchId: d.branch_id ?? null, coveringBranch: d.branch ?? null, hasOffice: Boolean(d.has_office),
      firs: num(o?.firs), complaints: num(o?.complaints), backlog: num(o?.backlog),
    };
  });

  const { rows: staff } = await sql<{ id: number; name: string; province: string; seat_district_id: number; districts: unknown; population: unknown; posts_filled: unknown; posts_sanctioned: unknown; accounts: unknown; tips: unknown }>`
    SELECT b.id, b.name, seat.province, b.seat_district_id,
      (SELECT count(*) FROM branch_districts bd WHERE bd.branch_id = b.id) AS districts,
      (SELECT sum(d.population_2023) FROM branch_districts bd JOIN districts d ON d.id = bd.district_id WHERE bd.branch_id = b.id) AS population,
      (SELECT p.filled FROM branch_posts p WHERE p.branch_id = b.id AND p.post = 'investigator') AS posts_filled,
      (SELECT p.sanctioned FROM branch_posts p WHERE p.branch_id = b.id AND p.post = 'investigator') AS posts_sanctioned,
      (SELECT count(*) FROM users u WHERE u.branch_id = b.id AND u.role = 'investigator' AND NOT u.disabled AND NOT u.is_service_account) AS accounts,
      (SELECT count(*) FROM tips t WHERE t.branch_id = b.id AND ${inWin(sql`t.received_at`)}) AS tips
    FROM branches b JOIN districts seat ON seat.id = b.seat_district_id
    ORDER BY seat.province, b.name`.execute(db);
  const branches: BranchObs[] = staff.map((b) => {
    const o = byBranch.get(Number(b.id));
    const posts = b.posts_filled === null || b.posts_filled === undefined ? null : Number(b.posts_filled);
    return {
      id: Number(b.id), name: b.name, province: b.province, seatDistrictId: Number(b.seat_district_id), districts: num(b.districts), population: num(b.population),
      investigators: posts ?? num(b.accounts), investigatorsSource: posts === null ? 'accounts' : 'posts',
      sanctionedInvestigators: b.posts_sanctioned === null || b.posts_sanctioned === undefined ? null : Number(b.posts_sanctioned),
      firs: num(o?.firs), complaints: num(o?.complaints), completions: num(o?.completions), medianDaysToEnd: numOrNull(o?.median_to_end),
      challans: num(o?.challans), challansWithinLimit: num(o?.challans_within), medianDaysToStart: numOrNull(o?.median_to_start),
      backlog: num(o?.backlog), medianBacklogAgeDays: numOrNull(o?.median_age), tips: num(b.tips),
    };
  });

  // Time in each stage: every stay (a status history row to the next one of the same case) that ended in the window.
  const { rows: stageRows } = await sql<{ status: string; stays: unknown; median_days: unknown; mean_days: unknown }>`${planningSql.stays(inWin, scope, days)}`.execute(db);
  const stages = stageRows.map((r) => ({ status: r.status, stays: num(r.stays), medianDays: numOrNull(r.median_days), meanDays: numOrNull(r.mean_days) }));

  return {
    window: w, months: windowMonths(w), districts, branches, stages, challanLimitDays: limitDays,
    national: { firs: num(nationalRow?.firs), completions: num(nationalRow?.completions), medianDaysToEnd: numOrNull(nationalRow?.median_to_end), backlog: num(nationalRow?.backlog) },
  };
}

// ---------------------------------------------------------------------------------------------------------
// External counts

const seedDir = fileURLToPath(new URL('../../../seed/', import.meta.url));
const readCsv = (name: string) => parse(readFileSync(seedDir + name), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;

export interface ExternalBasis {
  value: number;
  derivation: string;
  source: string;
}

/**
 * Annual growth of platform referrals from NCMEC's CyberTipline counts for Pakistan: 2019 (one year) against
 * the mean of 2020-2022 (a three-year total), two years apart at their middles: (mean / 2019)^(1/2) - 1.
 */
export function referralGrowth(): ExternalBasis {
  const rows = readCsv('ncmec-cybertipline-pakistan.csv');
  const y2019 = rows.find((r) => r.year === '2019');
  const span = rows.find((r) => r.year === '2020-2022');
  if (!y2019 || !span) throw new Error('ncmec-cybertipline-pakistan.csv: the 2019 and 2020-2022 rows are needed');
  const a = Number(y2019.value);
  const mean = Number(span.value) / 3;
  const g = Math.sqrt(mean / a) - 1;
  return {
    value: Math.round(g * 1000) / 1000,
    derivation: `NCMEC CyberTipline reports for Pakistan: ${a.toLocaleString('en-US')} in 2019, ${Number(span.value).toLocaleString('en-US')} in 2020-2022 (mean ${Math.round(mean).toLocaleString('en-US')} a year, centred on 2021): (${Math.round(mean)} / ${a})^(1/2) - 1`,
    source: `${y2019.source} ; ${span.source}`,
  };
}

/** The civil-society count of 2024 (Sahil "Cruel Numbers"): every child-abuse case in newspapers, reported to the agency or not. */
export function civilSocietyCount(): ExternalBasis {
  const row = readCsv('cruel-numbers-2024.csv').find((r) => r.period === '2024' && r.dimension === 'total');
  if (!row?.count) throw new Error('cruel-numbers-2024.csv: the 2024 total row is needed');
  return { value: Number(row.count), derivation: `Sahil "Cruel Numbers 2024": ${row.value}, ${Number(row.count).toLocaleString('en-US')} in 2024`, source: row.source ?? '' };
}
