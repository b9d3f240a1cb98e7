import { sql, type RawBuilder } from 'kysely';
import { timeLimit } from './lifecycle-limits.ts';
import { stockFigure } from '../rollup/stock.ts';

// Every figure the agency publishes, defined ONCE here: an id, a version, what it counts (in words), its
// measures, and the SQL that counts it over the records. Nothing is typed in. A definition whose meaning
// changes gets a new version (never an edit under the old number): published snapshots name the version
// they were computed with (published_figures), and the offence catalogue version they read.
//
// Time: periods are days of the agency's time zone (AMAAN_TIME_ZONE, Asia/Karachi by default), both ends
// inclusive: an FIR registered at 02:00 local time on 1 January falls in the new year although it is still
// 31 December in UTC. Each figure applies the period to its own date (FIR date, arrest date, decision
// date...); "stock" figures (in care, backlog, caseload, cases by status) are the state at the end of the
// period (now when the period has no end).
//
// Area: a case belongs to the district where the offence happened (cases.district_id) and that district's
// province; "branch" groups by the branch handling the case.
//
// Offences: by default only child-exploitation cases count: cases with at least one offence the offence
// catalogue flags child_exploitation. The flags (and categories) are those of a catalogue version passed in,
// so a published figure can be recomputed exactly as it was published after the catalogue changed.

export const groupings = ['none', 'province', 'district', 'branch', 'category', 'month', 'year'] as const;
export type Grouping = (typeof groupings)[number];

export interface FigureParams {
  /** First local day, inclusive (YYYY-MM-DD), or null: from the beginning. */
  from: string | null;
  /** Last local day, inclusive, or null: up to now. */
  to: string | null;
  timeZone: string;
  province: string | null;
  districtId: number | null;
  branchId: number | null;
  /** Offence category (catalogue category, e.g. sexual_exploitation); a case with several counts in each. */
  category: string | null;
  /** 'child_exploitation' (default) or 'all' offences. */
  offences: 'child_exploitation' | 'all';
  groupBy: Grouping;
  /** The catalogue the figure reads: codes flagged child exploitation and each code's category. */
  catalogue: { childExploitationCodes: string[]; categories: Record<string, string> };
  /**
   * Need-to-know (dashboards): a predicate over the case alias `c` keeping only the cases the reader may
   * see (built from platform/access/case-scope.ts), so a count shown equals the list behind it. Absent: all.
   */
  visibleCases?: RawBuilder<unknown> | null;
}

/** One cell of a figure's table: a group (as the figure's rows name it; null for no grouping) and a part. */
export interface FigureCell {
  group: string | null;
  part: string | null;
}

export type Unit = 'cases' | 'arrests' | 'persons' | 'children' | 'operations' | 'days' | 'months' | 'investigators';

export interface FigureDefinition {
  id: string;
  version: number;
  title: string;
  description: string;
  unit: Unit;
  /** The column the figure's headline count is in (the one suppression applies to). */
  count: string;
  /** Measures of each row, in order; `count` among them. */
  measures: readonly string[];
  /** Measures that are an extreme value of one record (min / max): hidden when published for few records. */
  extremes?: readonly string[];
  /** A breakdown inherent to the figure (status, band, placement...); rows carry it as `part`. */
  parts?: readonly string[];
  /** The period applies to an event date (flow) or the figure is the state at the end of the period (stock). */
  kind: 'flow' | 'stock';
  /** The legal time limit the figure is measured against, for durations. */
  limit?: 'fir_to_challan' | 'fir_to_verdict';
  build(p: FigureParams): RawBuilder<Record<string, unknown>>;
  /**
   * The records behind one cell (drill-down): one row per counted unit, `case_id` and `at` (the figure's own
   * date), as many rows as the cell's count. Absent: the figure offers no drill-down.
   */
  records?(p: FigureParams, cell: FigureCell): RawBuilder<{ case_id: string; at: Date | string | null }>;
}

// ---------------------------------------------------------------------------------------------------------
// Shared SQL pieces

/** Start of a local day as a timestamptz. */
const localDayStart = (day: string, tz: string) => sql`(${day}::date::timestamp AT TIME ZONE ${tz})`;
/** The instant after the period (start of the day after `to`), or now(). */
export const periodEnd = (p: FigureParams) => (p.to ? sql`(((${p.to}::date + 1)::timestamp) AT TIME ZONE ${p.timeZone})` : sql`now()`);

function inPeriod(p: FigureParams, column: RawBuilder<unknown>) {
  const parts: RawBuilder<unknown>[] = [];
  if (p.from) parts.push(sql`${column} >= ${localDayStart(p.from, p.timeZone)}`);
  if (p.to) parts.push(sql`${column} < ${periodEnd(p)}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

/**
 * The cases in scope (area and offence filters), with the fields every figure reads. `allCases`: the figure
 * reads (nearly) every case in scope whatever the period (stock figures).
 */
function scoped(p: FigureParams, opts: { allCases?: boolean } = {}) {
  const codes = JSON.stringify(p.catalogue.childExploitationCodes);
  const cats = JSON.stringify(p.catalogue.categories);
  const where: RawBuilder<unknown>[] = [];
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`c.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`c.branch_id = ${p.branchId}`);
  if (p.offences === 'child_exploitation') {
    // The codes as one array (an init plan, computed once). A period with a start reads a fraction of the
    // cases: each is checked by one probe of case_offences' key (OFFSET 0 keeps the check a per-case subplan,
    // where the planner would hash every case's offences); a stock figure or an open start reads most cases,
    // for which that one hash is cheaper. Same result either way.
    // A district or branch (at most a few per cent of the cases) is probed case by case too: the planner's estimate
    // of an area's share is poor, and driving from the offences hashed a million of them to keep 50,000 (14 s for
    // Lahore's cases by status by month at 1,000,000 cases, bench/cohort.bench.ts).
    const probe = (p.from !== null && !opts.allCases) || p.districtId !== null || p.branchId !== null;
    where.push(sql`EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND co.offence_code = ANY (ARRAY(SELECT jsonb_array_elements_text(${codes}::jsonb)))${probe ? sql` OFFSET 0` : sql``})`);
  }
  if (p.category !== null) where.push(sql`EXISTS (SELECT 1 FROM case_offences co WHERE co.case_id = c.id AND (${cats}::jsonb ->> co.offence_code) = ${p.category})`);
  if (p.visibleCases) where.push(p.visibleCases);
  // NOT MATERIALIZED: the planner merges `sc` into each figure's query, so the figure's own period (FIR date,
  // arrest date...) restricts the scan through that date's index instead of every case in scope being built
  // first (bench/figures.bench.ts: that was most of each figure's time at 100,000 cases).
  return sql`sc AS NOT MATERIALIZED (
      SELECT c.id, c.status, c.reported_at, c.fir_registered_at, c.challan_submitted_at, c.branch_id, c.district_id,
        d.province, d.name AS district_name, b.name AS branch_name
      FROM cases c JOIN districts d ON d.id = c.district_id JOIN branches b ON b.id = c.branch_id
      WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}
    ), cats AS (SELECT ${cats}::jsonb AS m)`;
}

/** The group key of a row: an area, a category, or the local month/year of the figure's own date. */
function groupKey(p: FigureParams, date: RawBuilder<unknown> | null) {
  switch (p.groupBy) {
    case 'none': return { key: sql`NULL::text`, join: sql`` };
    case 'province': return { key: sql`sc.province`, join: sql`` };
    case 'district': return { key: sql`sc.district_name`, join: sql`` };
    case 'branch': return { key: sql`sc.branch_name`, join: sql`` };
    case 'category':
      return {
        key: sql`g.cat`,
        join: sql`JOIN LATERAL (SELECT DISTINCT coalesce((SELECT m FROM cats) ->> co.offence_code, 'uncategorised') AS cat FROM case_offences co WHERE co.case_id = sc.id) g ON true`,
      };
    case 'month':
    case 'year': {
      const at = date ?? periodEnd(p);
      return { key: sql`to_char(${at} AT TIME ZONE ${p.timeZone}, ${p.groupBy === 'month' ? 'YYYY-MM' : 'YYYY'})`, join: sql`` };
    }
  }
}

/**
 * Status of each scoped case at an instant: the last status change before it (the current one if no history).
 * Read from the case's span in force at the instant (case_status_spans, migration 0037: one row per history
 * row, from its `at` to the next one's, so the span with valid_from < at <= valid_to is the latest change
 * before `at`, ties at one instant won by the later id); one probe of the case's spans.
 */
const statusAt = (at: RawBuilder<unknown>) =>
  sql`coalesce((SELECT s.status FROM case_status_spans s WHERE s.case_id = sc.id AND s.valid_to >= ${at} AND s.valid_from < ${at}), sc.status)`;

/**
 * The same status for every case at once (stock figures): the spans in force at the instant, one range of
 * index case_status_spans_at (at most one per case), to LEFT JOIN as `st` and read as
 * coalesce(st.to_status, sc.status). Equal to statusAt for every case, including a backdated change (spans
 * are rebuilt from the whole history) and changes exactly at the instant (not yet in force).
 */
const statusesAt = (p: FigureParams, at: RawBuilder<unknown>) => {
  // A scope narrower than the nation (area, visibility, category) reads the spans of its own cases only.
  const narrow = p.province !== null || p.districtId !== null || p.branchId !== null || p.category !== null || Boolean(p.visibleCases);
  return sql`st AS (
      SELECT s.case_id, s.status AS to_status FROM case_status_spans s
      WHERE s.valid_to >= ${at} AND s.valid_from < ${at} ${narrow ? sql`AND s.case_id IN (SELECT sc.id FROM sc)` : sql``}
    )`;
};
const statusOf = sql`coalesce(st.to_status, sc.status)`;
/** Each case once: only the category grouping (a case in each of its categories) repeats a case in a group. */
const distinctCases = (p: FigureParams) => (p.groupBy === 'category' ? sql`count(DISTINCT sc.id)` : sql`count(*)`);

/** Statuses in which a case is no longer on an investigator's desk. */
export const closedStatuses = ['inquiry_closed', 'cancelled_or_discharged', 'convicted', 'acquitted', 'under_appeal'] as const;
const closedList = sql.join(closedStatuses.map((s) => sql`${s}`));

/** Keeps the rows of one group (drill-down): the same key the figure groups by. */
function inGroup(key: RawBuilder<unknown>, p: FigureParams, cell: FigureCell) {
  if (p.groupBy === 'none') return sql`true`;
  return cell.group === null ? sql`${key} IS NULL` : sql`${key} = ${cell.group}`;
}

interface CountSpec {
  from: RawBuilder<unknown>;
  date: RawBuilder<unknown>;
  distinct: RawBuilder<unknown>;
  where?: RawBuilder<unknown>;
  /** Each row of `from` is a distinct unit in its group (a case, an arrest): count(*) counts them without a sort. */
  unique?: boolean;
}

/** The records behind a count: one row per distinct unit (the first case and date it was counted with). */
function countRecords(p: FigureParams, opts: CountSpec, cell: FigureCell) {
  const g = groupKey(p, opts.date);
  return sql<{ case_id: string; at: Date | string | null }>`
    WITH ${scoped(p)}
    SELECT DISTINCT ON (${opts.distinct}) sc.id AS case_id, ${opts.date} AS at
    FROM ${opts.from} ${g.join}
    WHERE ${inPeriod(p, opts.date)} AND ${opts.where ?? sql`true`} AND ${inGroup(g.key, p, cell)}
    ORDER BY ${opts.distinct}, ${opts.date}, sc.id`;
}

/** A count figure and its drill-down, from one specification. */
const counted = (opts: CountSpec) => ({
  build: (p: FigureParams) => countFigure(p, opts),
  records: (p: FigureParams, cell: FigureCell) => countRecords(p, opts, cell),
});

/** A simple count of scoped rows, each with its own event date. */
function countFigure(p: FigureParams, opts: CountSpec) {
  const g = groupKey(p, opts.date);
  return sql<Record<string, unknown>>`
    WITH ${scoped(p)}
    SELECT ${g.key} AS grp, NULL::text AS part, ${opts.unique ? sql`count(*)` : sql`count(DISTINCT ${opts.distinct})`} AS n
    FROM ${opts.from} ${g.join}
    WHERE ${inPeriod(p, opts.date)} AND ${opts.where ?? sql`true`}
    GROUP BY 1 ORDER BY 1`;
}

const days = (later: RawBuilder<unknown>, earlier: RawBuilder<unknown>) => sql`(extract(epoch FROM (${later} - ${earlier})) / 86400.0)`;

/** Median, 90th percentile and how many within the legal limit, of durations in days. */
function durationFigure(p: FigureParams, opts: { from: RawBuilder<unknown>; date: RawBuilder<unknown>; days: RawBuilder<unknown>; limitDays: number; where?: RawBuilder<unknown> }) {
  const g = groupKey(p, opts.date);
  return sql<Record<string, unknown>>`
    WITH ${scoped(p)}, d AS (
      SELECT ${g.key} AS grp, ${opts.days} AS days FROM ${opts.from} ${g.join}
      WHERE ${inPeriod(p, opts.date)} AND ${opts.where ?? sql`true`}
    )
    SELECT grp, NULL::text AS part, count(*) AS n,
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::numeric, 1) AS median_days,
      round(percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::numeric, 1) AS p90_days,
      count(*) FILTER (WHERE days <= ${opts.limitDays}) AS within_limit,
      ${opts.limitDays}::int AS limit_days
    FROM d GROUP BY 1 ORDER BY 1`;
}

/** Sentence bands in years: [from, to). */
export const sentenceBands = [
  { part: 'under_1y', min: 0, max: 12 },
  { part: '1_to_3y', min: 12, max: 36 },
  { part: '3_to_5y', min: 36, max: 60 },
  { part: '5_to_7y', min: 60, max: 84 },
  { part: '7_to_10y', min: 84, max: 120 },
  { part: '10_to_14y', min: 120, max: 168 },
  { part: '14y_and_over', min: 168, max: null },
] as const;

/** Age of open cases since their FIR. */
export const backlogBands = [
  { part: 'under_3m', min: 0, max: 91 },
  { part: '3_to_6m', min: 91, max: 183 },
  { part: '6_to_12m', min: 183, max: 365 },
  { part: '1_to_2y', min: 365, max: 730 },
  { part: '2y_and_over', min: 730, max: null },
] as const;

const bandCase = (bands: ReadonlyArray<{ part: string; min: number; max: number | null }>, value: RawBuilder<unknown>) =>
  sql`CASE ${sql.join(bands.map((b) => (b.max === null ? sql`WHEN ${value} >= ${b.min} THEN ${b.part}` : sql`WHEN ${value} >= ${b.min} AND ${value} < ${b.max} THEN ${b.part}`)), sql` `)} END`;

/**
 * Part "all" and a part per band in one grouping pass (GROUPING SETS (grp), (grp, band)) instead of every row
 * twice (UNION ALL) and a sort of both: the row of the (grp) set is part "all", the others keep their band.
 */
const allOrPart = sql`CASE WHEN GROUPING(band) = 1 THEN 'all' ELSE band END`;

/**
 * The exact SQL of the stock figures the rollups serve (rollup/stock.ts): the reference the rollups must equal
 * and their fallback (need-to-know scopes; for cases by status also periods without an end, another zone,
 * month/year groupings).
 */
export const exactStock = {
  cases_by_status: (p: FigureParams) => {
    const end = periodEnd(p);
    const g = groupKey(p, sql`sc.reported_at`);
    return sql<Record<string, unknown>>`
      WITH ${scoped(p, { allCases: true })}, ${statusesAt(p, end)}
      SELECT ${g.key} AS grp, ${statusOf} AS part, ${distinctCases(p)} AS n
      FROM sc LEFT JOIN st ON st.case_id = sc.id ${g.join}
      WHERE sc.reported_at < ${end}
      GROUP BY 1, 2 ORDER BY 1, 2`;
  },
  backlog: (p: FigureParams) => {
    const end = periodEnd(p);
    const g = groupKey(p, null);
    return sql<Record<string, unknown>>`
      WITH ${scoped(p, { allCases: true })}, ${statusesAt(p, end)}, b AS (
        SELECT ${p.groupBy === 'category' ? sql`DISTINCT` : sql``} sc.id, ${g.key} AS grp, ${days(end, sql`sc.fir_registered_at`)} AS age FROM sc LEFT JOIN st ON st.case_id = sc.id ${g.join}
        WHERE sc.fir_registered_at IS NOT NULL AND sc.fir_registered_at < ${end} AND ${statusOf} NOT IN (${closedList})
      ), banded AS (SELECT grp, age, ${bandCase(backlogBands, sql`age`)} AS band FROM b)
      SELECT grp, ${allOrPart} AS part, count(*) AS n, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY age)::numeric, 1) AS median_age_days
      FROM banded GROUP BY GROUPING SETS ((grp), (grp, band)) ORDER BY 1, 2`;
  },
  open_caseload: (p: FigureParams) => {
    const end = periodEnd(p);
    const g = groupKey(p, null);
    return sql<Record<string, unknown>>`
      WITH ${scoped(p, { allCases: true })}, ${statusesAt(p, end)}, open_cases AS (
        SELECT sc.id, ${g.key} AS grp FROM sc LEFT JOIN st ON st.case_id = sc.id ${g.join}
        WHERE sc.fir_registered_at IS NOT NULL AND sc.fir_registered_at < ${end} AND ${statusOf} NOT IN (${closedList})
      ), per AS (
        -- count(*): an open case is one row per group (the category grouping: once per category of it), one per team member.
        SELECT oc.grp, ct.user_id, count(*) AS n FROM open_cases oc
        JOIN case_team ct ON ct.case_id = oc.id AND ct.added_at < ${end}
        JOIN users u ON u.id = ct.user_id AND u.role = 'investigator'
        GROUP BY 1, 2
      )
      SELECT grp, NULL::text AS part, count(*) AS investigators, sum(n) AS assignments, round(avg(n), 1) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max
      FROM per GROUP BY 1 ORDER BY 1`;
  },
  children_in_care: (p: FigureParams) => {
    const end = periodEnd(p);
    const g = groupKey(p, null);
    return sql<Record<string, unknown>>`
      WITH ${scoped(p)}, c AS (
        SELECT DISTINCT ${g.key} AS grp, v.id, pl.kind FROM victims v JOIN case_victims cv ON cv.victim_id = v.id JOIN sc ON sc.id = cv.case_id ${g.join}
        JOIN placements pl ON pl.victim_id = v.id AND pl.started_at < ${end} AND (pl.ended_at IS NULL OR pl.ended_at >= ${end})
      )
      SELECT grp, part, count(DISTINCT id) AS n FROM (SELECT grp, 'all' AS part, id FROM c UNION ALL SELECT grp, kind, id FROM c) x
      GROUP BY 1, 2 ORDER BY 1, 2`;
  },
};

// ---------------------------------------------------------------------------------------------------------
// The definitions

const scFrom = sql`sc`;

export const figures: readonly FigureDefinition[] = [
  {
    id: 'complaints', version: 1, title: 'Complaints received', unit: 'cases', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Cases (complaints and tips registered as cases) whose complaint was received in the period, at any stage.',
    ...counted({ from: scFrom, date: sql`sc.reported_at`, distinct: sql`sc.id`, unique: true }),
  },
  {
    id: 'firs', version: 1, title: 'FIRs registered', unit: 'cases', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Cases with an FIR registered in the period (FIR date).',
    ...counted({ from: scFrom, date: sql`sc.fir_registered_at`, distinct: sql`sc.id`, where: sql`sc.fir_registered_at IS NOT NULL`, unique: true }),
  },
  {
    id: 'cases_by_status', version: 1, title: 'Cases by status', unit: 'cases', count: 'n', measures: ['n'], kind: 'stock',
    description: 'Cases received by the end of the period, by their status at the end of the period (from the status history).',
    // The pre-aggregated rollup where it answers the same (rollup/stock.ts decides), else the exact SQL.
    build: (p) => stockFigure('cases_by_status', p, exactStock.cases_by_status(p)),
    records: (p, cell) => {
      const end = periodEnd(p);
      const g = groupKey(p, sql`sc.reported_at`);
      return sql<{ case_id: string; at: Date | string | null }>`
        WITH ${scoped(p)}
        SELECT DISTINCT sc.id AS case_id, sc.reported_at AS at
        FROM sc ${g.join} CROSS JOIN LATERAL (SELECT ${statusAt(end)} AS status) st
        WHERE sc.reported_at < ${end} AND ${inGroup(g.key, p, cell)} AND ${cell.part === null ? sql`true` : sql`st.status = ${cell.part}`}
        ORDER BY 2, 1`;
    },
  },
  {
    id: 'arrests', version: 1, title: 'Arrests', unit: 'arrests', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Arrest records dated in the period (each arrest of a person in a case counts once).',
    ...counted({ from: sql`arrests a JOIN sc ON sc.id = a.case_id`, date: sql`a.arrested_at`, distinct: sql`a.id`, unique: true }),
  },
  {
    id: 'persons_charged', version: 1, title: 'Persons charged', unit: 'persons', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Distinct persons against whom a charge was framed in the period.',
    ...counted({ from: sql`charges ch JOIN sc ON sc.id = ch.case_id`, date: sql`ch.framed_at`, distinct: sql`ch.person_id` }),
  },
  {
    id: 'convictions', version: 1, title: 'Persons convicted', unit: 'persons', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Distinct persons convicted by a trial court in the period (decision date).',
    ...counted({ from: sql`verdicts vd JOIN sc ON sc.id = vd.case_id`, date: sql`vd.decided_at`, distinct: sql`vd.person_id`, where: sql`vd.outcome = 'convicted'` }),
  },
  {
    id: 'acquittals', version: 1, title: 'Persons acquitted', unit: 'persons', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Distinct persons acquitted by a trial court in the period (decision date).',
    ...counted({ from: sql`verdicts vd JOIN sc ON sc.id = vd.case_id`, date: sql`vd.decided_at`, distinct: sql`vd.person_id`, where: sql`vd.outcome = 'acquitted'` }),
  },
  {
    id: 'sentences', version: 1, title: 'Sentences', unit: 'months', count: 'n', measures: ['n', 'min_months', 'median_months', 'max_months'], extremes: ['min_months', 'max_months'], kind: 'flow',
    parts: ['all', ...sentenceBands.map((b) => b.part)],
    description: 'Sentences of imprisonment of the convictions decided in the period: how many in each band of years, and the shortest, median and longest (months). Part "all" is every sentence.',
    build: (p) => {
      const g = groupKey(p, sql`vd.decided_at`);
      return sql`
        WITH ${scoped(p)}, s AS (
          SELECT ${g.key} AS grp, vd.sentence_months AS m FROM verdicts vd JOIN sc ON sc.id = vd.case_id ${g.join}
          WHERE vd.outcome = 'convicted' AND vd.sentence_months IS NOT NULL AND ${inPeriod(p, sql`vd.decided_at`)}
        ), banded AS (SELECT grp, m, ${bandCase(sentenceBands, sql`m`)} AS band FROM s)
        SELECT grp, ${allOrPart} AS part, count(*) AS n, min(m) AS min_months, percentile_cont(0.5) WITHIN GROUP (ORDER BY m) AS median_months, max(m) AS max_months
        FROM banded GROUP BY GROUPING SETS ((grp), (grp, band)) ORDER BY 1, 2`;
    },
  },
  {
    id: 'children_identified', version: 1, title: 'Children identified', unit: 'children', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Child victims identified in the period, linked to a case in scope (each child once per group).',
    ...counted({ from: sql`victims v JOIN case_victims cv ON cv.victim_id = v.id JOIN sc ON sc.id = cv.case_id`, date: sql`v.identified_at`, distinct: sql`v.id` }),
  },
  {
    id: 'children_rescued', version: 1, title: 'Children rescued', unit: 'children', count: 'n', measures: ['n'], kind: 'flow',
    description: 'Child victims recovered (rescued) in the period, linked to a case in scope.',
    ...counted({ from: sql`victims v JOIN case_victims cv ON cv.victim_id = v.id JOIN sc ON sc.id = cv.case_id`, date: sql`v.recovered_at`, distinct: sql`v.id`, where: sql`v.recovered_at IS NOT NULL` }),
  },
  {
    id: 'children_in_care', version: 1, title: 'Children in care', unit: 'children', count: 'n', measures: ['n'], kind: 'stock',
    parts: ['all', 'child_protection_bureau', 'family', 'shelter'],
    description: 'Child victims with a placement open at the end of the period, by kind of placement (part "all": every child in care, once).',
    // stat_stock_spans (migration 0044; rollup/stock.ts decides) where it answers the same, else the exact SQL.
    build: (p) => stockFigure('children_in_care', p, exactStock.children_in_care(p)),
  },
  {
    id: 'operations', version: 1, title: 'Operations', unit: 'operations', count: 'n', measures: ['n', 'arrests', 'children_rescued'], kind: 'flow',
    description: 'Operations executed in the period, with the arrests made and children rescued in them.',
    build: (p) => {
      const g = groupKey(p, sql`o.executed_at`);
      return sql`
        WITH ${scoped(p)}, ops AS (
          SELECT DISTINCT ${g.key} AS grp, o.id FROM operations o JOIN sc ON sc.id = o.case_id ${g.join}
          WHERE o.status = 'executed' AND o.executed_at IS NOT NULL AND ${inPeriod(p, sql`o.executed_at`)}
        )
        SELECT grp, NULL::text AS part, count(*) AS n,
          sum((SELECT count(*) FROM arrests a WHERE a.operation_id = ops.id)) AS arrests,
          sum((SELECT count(*) FROM rescues r WHERE r.operation_id = ops.id)) AS children_rescued
        FROM ops GROUP BY 1 ORDER BY 1`;
    },
  },
  {
    id: 'fir_to_challan', version: 1, title: 'Time from FIR to challan', unit: 'days', count: 'n', measures: ['n', 'median_days', 'p90_days', 'within_limit', 'limit_days'], kind: 'flow', limit: 'fir_to_challan',
    description: 'Cases whose final report (challan) was submitted in the period: days from FIR to challan, median and 90th percentile, and how many within the 14 days of s.173 CrPC (case-lifecycle.csv).',
    build: (p) => durationFigure(p, {
      from: scFrom, date: sql`sc.challan_submitted_at`, days: days(sql`sc.challan_submitted_at`, sql`sc.fir_registered_at`),
      limitDays: timeLimit('fir_to_challan').days, where: sql`sc.challan_submitted_at IS NOT NULL AND sc.fir_registered_at IS NOT NULL`,
    }),
  },
  {
    id: 'fir_to_verdict', version: 1, title: 'Time from FIR to verdict', unit: 'days', count: 'n', measures: ['n', 'median_days', 'p90_days', 'within_limit', 'limit_days'], kind: 'flow', limit: 'fir_to_verdict',
    description: "Cases whose first trial verdict was given in the period: days from FIR to that verdict, median and 90th percentile, and how many within the 12 months of the NJPMC target (case-lifecycle.csv).",
    build: (p) => durationFigure(p, {
      // A case's first verdict falls in the period when one of its verdicts does and none came before it.
      from: sql`(SELECT vd.case_id, min(vd.decided_at) AS at FROM verdicts vd WHERE ${inPeriod(p, sql`vd.decided_at`)}
          AND NOT EXISTS (SELECT 1 FROM verdicts v0 WHERE v0.case_id = vd.case_id AND v0.decided_at < vd.decided_at) GROUP BY vd.case_id) fv
        JOIN sc ON sc.id = fv.case_id`,
      date: sql`fv.at`, days: days(sql`fv.at`, sql`sc.fir_registered_at`),
      limitDays: timeLimit('fir_to_verdict').days, where: sql`fv.at IS NOT NULL AND sc.fir_registered_at IS NOT NULL`,
    }),
  },
  {
    id: 'open_caseload', version: 1, title: 'Open caseload per investigator', unit: 'investigators', count: 'investigators', measures: ['investigators', 'assignments', 'mean', 'median', 'max'], extremes: ['max'], kind: 'stock',
    description: 'At the end of the period: investigators on the team of at least one open case (FIR registered, not closed, cancelled, decided or in appeal), and open cases per investigator (mean, median, largest).',
    // stat_stock_spans (migration 0044; rollup/stock.ts decides) where it answers the same, else the exact SQL.
    build: (p) => stockFigure('open_caseload', p, exactStock.open_caseload(p)),
  },
  {
    id: 'backlog', version: 1, title: 'Backlog and its age', unit: 'cases', count: 'n', measures: ['n', 'median_age_days'], kind: 'stock',
    parts: ['all', ...backlogBands.map((b) => b.part)],
    description: 'Open cases at the end of the period (FIR registered, not closed, cancelled, decided or in appeal), by age since the FIR, with the median age in days.',
    // stat_stock_spans (migration 0044; rollup/stock.ts decides) where it answers the same, else the exact SQL.
    build: (p) => stockFigure('backlog', p, exactStock.backlog(p)),
  },
];

export const figureIds = figures.map((f) => f.id);

export function figureById(id: string): FigureDefinition | undefined {
  return figures.find((f) => f.id === id);
}

/**
 * The SQL pieces of the definitions above, for the drill-down lists of the figures without a `records`
 * builder (dashboard/drill.records.ts): the list reuses the figure's own scope, period, groups and bands.
 */
export const figureSql = { scoped, inPeriod, groupKey, inGroup, statusAt, closedList, days, bandCase, allOrPart };
