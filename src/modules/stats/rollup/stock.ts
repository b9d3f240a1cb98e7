import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import { SPAN_KIND } from '../../../platform/db/migrations/0044_stock_spans.ts';
import { backlogBands, figureSql, periodEnd, type FigureParams } from '../figures/registry.ts';

// The ONE place that decides whether a STOCK figure (the state at the end of the period) is read from the
// pre-aggregated rollup (migration 0039: changes per local day and key, monthly checkpoints) or from the exact
// SQL of registry.ts, which stays the reference and the fallback. (The FLOW figures have their own place,
// figures/rollup.ts; how both are keyed, and whether a rebuild is due, is read in one place: rollup/state.ts.)
//
// The rollup answers exactly what the exact SQL answers when:
//   - the period has an end: the instant is a local midnight (now() is not a day bound);
//   - the figure's zone is the zone the rollup's days are in (checked in the query itself, against
//     stock_rollup_meta: another zone runs the exact SQL, in the same statement), and no online rebuild is
//     under way (stock_rollup_meta.building, rollup/rebuild.ts);
//   - the scope is whole areas (nation, province, district, branch), not need-to-know (visibleCases);
//   - the grouping is none, an area or the offence category (month/year group by the case's own reported date,
//     which the rollup does not keep: the cohort histograms of migrations 0052 and 0055 answer those).
// Any offence catalogue version qualifies: the rollup keys each case by its set of offence codes, and the
// catalogue the figure reads decides per set (child exploitation, category filter, category grouping).
// Drill-down lists always read the exact SQL (registry.ts `records`).

/** The stock figures served from the rollup (cases by status) or the intervals of migration 0044 (the others). */
export const stockRollupFigures = ['cases_by_status', 'backlog', 'open_caseload', 'children_in_care'] as const;
export type StockRollupFigure = (typeof stockRollupFigures)[number];
/** The figures read from stat_stock_spans (migration 0044): any zone, period end and grouping; not need-to-know. */
export const spanFigures = ['backlog', 'open_caseload', 'children_in_care'] as const;
export type SpanFigure = (typeof spanFigures)[number];
const isSpanFigure = (id: StockRollupFigure): id is SpanFigure => (spanFigures as readonly string[]).includes(id);

/**
 * Whether stat_stock_spans answers exactly as the exact SQL: every scope but need-to-know. The intervals are
 * instants (no zone, no catalogue baked in), so the period's end may be any instant (now() included) and the
 * month/year grouping is the end instant's, as in the exact SQL (groupKey with no date of its own).
 */
export const spansEligible = (p: FigureParams): boolean => !p.visibleCases;

export function stockRollupEligible(p: FigureParams): boolean {
  return p.to !== null && !p.visibleCases && ['none', 'province', 'district', 'branch', 'category'].includes(p.groupBy);
}

/** The offence sets in scope (child exploitation, category), with the categories of each for the category grouping. */
function setsInScope(p: FigureParams) {
  const codes = JSON.stringify(p.catalogue.childExploitationCodes);
  const cats = JSON.stringify(p.catalogue.categories);
  const where: RawBuilder<unknown>[] = [];
  if (p.offences === 'child_exploitation') where.push(sql`EXISTS (SELECT 1 FROM unnest(os.codes) code WHERE code = ANY (ARRAY(SELECT jsonb_array_elements_text(${codes}::jsonb))))`);
  if (p.category !== null) where.push(sql`EXISTS (SELECT 1 FROM unnest(os.codes) code WHERE (${cats}::jsonb ->> code) = ${p.category})`);
  return sql`os AS (SELECT os.id, os.codes FROM stock_offence_sets os WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`})`;
}

function groupKey(p: FigureParams) {
  const cats = JSON.stringify(p.catalogue.categories);
  switch (p.groupBy) {
    case 'province': return { key: sql`d.province`, join: sql`` };
    case 'district': return { key: sql`d.name`, join: sql`` };
    case 'branch': return { key: sql`b.name`, join: sql`` };
    case 'category':
      // A case counts once in each of its categories (as registry.ts's LATERAL over its offences).
      return { key: sql`g.cat`, join: sql`JOIN LATERAL (SELECT DISTINCT coalesce(${cats}::jsonb ->> code, 'uncategorised') AS cat FROM unnest(os.codes) code) g ON true` };
    default: return { key: sql`NULL::text`, join: sql`` };
  }
}

/**
 * The CTEs `cpm` and `r`: the stock per key at the start of local day `day`, as the last monthly checkpoint on or
 * before it plus the daily changes since (migration 0039's status rollup, 0047's caseload sums: same shape).
 */
function stockAtDay(day: RawBuilder<unknown>, t: { months: string; checkpoints: string; daily: string; key: string[] }) {
  const cols = (alias: string) => sql.join(t.key.map((c) => sql.ref(`${alias}.${c}`)));
  return sql`cpm AS (SELECT max(m.month) AS m FROM ${sql.table(t.months)} m WHERE m.month <= ${day}),
    r AS (
      SELECT ${cols('k')}, k.n FROM ${sql.table(t.checkpoints)} k WHERE k.month = (SELECT m FROM cpm)
      UNION ALL
      SELECT ${cols('dl')}, dl.delta FROM ${sql.table(t.daily)} dl
      WHERE dl.day < ${day} AND dl.day >= coalesce((SELECT m FROM cpm), '-infinity'::date)
    )`;
}

/**
 * The number of cases per CURRENT status (of one branch, or all), from the stock rollup (migration 0039): the sum
 * of every daily change of the status, i.e. the last monthly checkpoint plus the changes since it (future days
 * included). Any zone: the sum over all days does not depend on where the days end. The rollup is kept by
 * triggers in the same statement as every write, so it is exact; null when it is absent or being rebuilt
 * (stock_rollup_meta.building, stats/rollup/rebuild.ts), and the caller then counts cases. One statement, so
 * the flag and the sums are read at the same instant (a checkpoint added since the month was read: null, and the
 * caller counts cases). Reads a few thousand rows instead of every case (5 s at 1,000,000 cases: docs/benchmarks.md,
 * s11-load). The cases service's home status counts for someone who sees every case. (As stockAtDay, with no day bound.)
 */
export async function currentCasesPerStatus(db: Db, branchId: number | null): Promise<Record<string, string> | null> {
  // The last checkpoint first, as a value: the daily changes after it are then found by the day index (the
  // planner cannot size a range bounded by a value computed in the same statement, and scanned every day).
  const last = await sql<{ m: string | null }>`SELECT to_char(max(m.month), 'YYYY-MM-DD') AS m FROM stock_checkpoint_months m`.execute(db);
  const month = last.rows[0]?.m ?? null;
  const branch = (col: string) => (branchId === null ? sql`true` : sql`${sql.ref(col)} = ${branchId}`);
  const { rows } = await sql<{ ok: boolean | null; counts: string | null }>`
    WITH r AS (
      SELECT k.status, k.n FROM stock_status_checkpoints k WHERE k.month = ${month}::date AND ${branch('k.branch_id')}
      UNION ALL
      SELECT d.status, d.delta FROM stock_status_daily d WHERE d.day >= coalesce(${month}::date, '-infinity'::date) AND ${branch('d.branch_id')}
    )
    SELECT (SELECT s.building IS NULL FROM stock_rollup_meta s WHERE s.id = 1)
        AND (SELECT to_char(max(m.month), 'YYYY-MM-DD') FROM stock_checkpoint_months m) IS NOT DISTINCT FROM ${month}::text AS ok,
      (SELECT json_object_agg(g.status, g.n)::text FROM (SELECT r.status, sum(r.n)::bigint AS n FROM r GROUP BY r.status) g) AS counts`.execute(db);
  const row = rows[0];
  if (!row?.ok) return null;
  return row.counts ? (JSON.parse(row.counts) as Record<string, string>) : {};
}

/** The rollup's own answer for cases by status (no zone check, no fallback): used by stockFigure and the tests. */
export function casesByStatusFromRollup(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!stockRollupEligible(p)) throw new Error('cases_by_status: this scope is not answered by the rollup');
  const g = groupKey(p);
  const where: RawBuilder<unknown>[] = [];
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`r.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`r.branch_id = ${p.branchId}`);
  // The instant is the start of local day `day` (the day after the period): the stock is the changes of the days before it.
  const day = sql`(${p.to}::date + 1)`;
  return sql<Record<string, unknown>>`
    WITH ${stockAtDay(day, { months: 'stock_checkpoint_months', checkpoints: 'stock_status_checkpoints', daily: 'stock_status_daily', key: ['district_id', 'branch_id', 'status', 'set_id'] })}, ${setsInScope(p)}
    SELECT ${g.key} AS grp, r.status AS part, sum(r.n)::bigint AS n
    FROM r JOIN os ON os.id = r.set_id JOIN districts d ON d.id = r.district_id JOIN branches b ON b.id = r.branch_id ${g.join}
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}
    GROUP BY 1, 2 HAVING sum(r.n) <> 0`;
}

/**
 * Whether the cohort histograms answer cases by status grouped by reported month or year: a period with an end, no
 * category, not need-to-know (the zone and codes are checked in the statement). The nation or a province reads 0052's
 * (keyed by province); a district or branch reads 0055's (keyed by district and branch).
 */
export const cohortEligible = (p: FigureParams): boolean =>
  p.to !== null && !p.visibleCases && (p.groupBy === 'month' || p.groupBy === 'year') && p.category === null;

/** The cohort histogram that answers `p`: by province (migration 0052) unless a district or branch is asked (0055). */
function cohortTables(p: FigureParams) {
  return p.districtId === null && p.branchId === null
    ? { months: 'stock_cohort_months', checkpoints: 'stock_cohort_checkpoints', daily: 'stock_cohort_daily', key: ['reported_month', 'province', 'status', 'ce'], area: false }
    : { months: 'stock_cohort_area_months', checkpoints: 'stock_cohort_area_checkpoints', daily: 'stock_cohort_area_daily', key: ['reported_month', 'district_id', 'branch_id', 'status', 'ce'], area: true };
}

/**
 * Cases by status by reported month (or year) from a cohort histogram (no key check, no fallback: used by stockFigure
 * and the tests): the month's checkpoint plus the days since, summed per reported month and status. The reported month
 * is the case's local month in the histogram's zone (the figure's, checked by the caller), as registry.ts groups it.
 */
export function casesByStatusFromCohort(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!cohortEligible(p)) throw new Error('cases_by_status: this scope is not answered by the cohort histogram');
  const t = cohortTables(p);
  const where: RawBuilder<unknown>[] = [];
  if (p.offences === 'child_exploitation') where.push(sql`r.ce`);
  if (p.districtId !== null) where.push(sql`r.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`r.branch_id = ${p.branchId}`);
  // The area histogram has no province: a province with a district or branch is that area's districts in the province.
  if (p.province !== null) where.push(t.area ? sql`r.district_id IN (SELECT d.id FROM districts d WHERE d.province = ${p.province})` : sql`r.province = ${p.province}`);
  const day = sql`(${p.to}::date + 1)`;
  return sql<Record<string, unknown>>`
    WITH ${stockAtDay(day, t)}
    SELECT to_char(r.reported_month, ${p.groupBy === 'month' ? 'YYYY-MM' : 'YYYY'}) AS grp, r.status AS part, sum(r.n)::bigint AS n
    FROM r WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}
    GROUP BY 1, 2 HAVING sum(r.n) <> 0`;
}

/** Whether the caseload sums (migration 0047) answer: a period with an end, not need-to-know (the zone is checked in the statement). */
export const caseloadRollupEligible = (p: FigureParams): boolean => p.to !== null && !p.visibleCases;

/**
 * Open caseload per investigator from the caseload sums of migration 0047 (no zone check, no fallback: used by
 * stockFigure and the tests): the month's checkpoint plus the days since, summed per group and team member, the
 * members kept who are investigators now (as the exact SQL reads users.role).
 */
export function caseloadFromRollup(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!caseloadRollupEligible(p)) throw new Error('open_caseload: this scope is not answered by the caseload sums');
  const end = periodEnd(p);
  const g = p.groupBy === 'month' || p.groupBy === 'year'
    ? { key: sql`to_char(${end} AT TIME ZONE ${p.timeZone}, ${p.groupBy === 'month' ? 'YYYY-MM' : 'YYYY'})`, join: sql`` }
    : groupKey(p);
  const where: RawBuilder<unknown>[] = [sql`r.unit IN (SELECT u.id FROM users u WHERE u.role = 'investigator')`];
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`r.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`r.branch_id = ${p.branchId}`);
  const districts = p.province !== null || p.groupBy === 'province' || p.groupBy === 'district';
  const day = sql`(${p.to}::date + 1)`;
  return sql<Record<string, unknown>>`
    WITH ${stockAtDay(day, { months: 'stock_caseload_months', checkpoints: 'stock_caseload_checkpoints', daily: 'stock_caseload_daily', key: ['unit', 'district_id', 'branch_id', 'set_id'] })}, ${setsInScope(p)}, per AS (
      SELECT ${g.key} AS grp, r.unit, sum(r.n)::bigint AS n
      FROM r JOIN os ON os.id = r.set_id
      ${districts ? sql`JOIN districts d ON d.id = r.district_id` : sql``}
      ${p.groupBy === 'branch' ? sql`JOIN branches b ON b.id = r.branch_id` : sql``} ${g.join}
      WHERE ${sql.join(where, sql` AND `)}
      GROUP BY 1, 2 HAVING sum(r.n) <> 0
    )
    SELECT grp, NULL::text AS part, count(*) AS investigators, sum(n) AS assignments, round(avg(n), 1) AS mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max
    FROM per GROUP BY 1`;
}

/**
 * The rows of stat_stock_spans of `kind` holding the end of the period, in scope, with their group key as `grp`.
 * Only the tables the scope and grouping read are joined (an offence set in scope is a hash probe; districts for a
 * province filter or an area grouping; branches for the branch grouping), so a national figure reads the index range
 * (kind, hi >= T, lo < T) and little else.
 */
function spansAt(p: FigureParams, kind: number, columns: RawBuilder<unknown>) {
  const end = periodEnd(p);
  const where: RawBuilder<unknown>[] = [sql`s.kind = ${kind}`, sql`s.hi >= ${end}`, sql`s.lo < ${end}`];
  if (p.province !== null) where.push(sql`d.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`s.district_id = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`s.branch_id = ${p.branchId}`);
  const g = p.groupBy === 'month' || p.groupBy === 'year'
    // The end instant's local month/year, as registry.ts groupKey(p, null).
    ? { key: sql`to_char(${end} AT TIME ZONE ${p.timeZone}, ${p.groupBy === 'month' ? 'YYYY-MM' : 'YYYY'})`, join: sql`` }
    : groupKey(p);
  const districts = p.province !== null || p.groupBy === 'province' || p.groupBy === 'district';
  return sql`SELECT ${g.key} AS grp, ${columns}
    FROM stat_stock_spans s JOIN os ON os.id = s.set_id
    ${districts ? sql`JOIN districts d ON d.id = s.district_id` : sql``}
    ${p.groupBy === 'branch' ? sql`JOIN branches b ON b.id = s.branch_id` : sql``} ${g.join}
    WHERE ${sql.join(where, sql` AND `)}`;
}

// The backlog's bands are contiguous from 0 (each band's max is the next one's min): a band is then a run of
// ranks in the ages sorted once, which backlogFromSpans relies on. (Checked when used: registry.ts imports this file.)
const bandsContiguous = () => backlogBands.every((b, i) => (i === 0 ? b.min === 0 : backlogBands[i - 1]!.max === b.min) && (i < backlogBands.length - 1 || b.max === null));

/** The band of the backlog row `s` by its FIR instant: the highest k with s.at <= bound(k), the bound of band k (0: none). */
const bandOfFir = (bound: (k: number) => RawBuilder<unknown>) =>
  sql`CASE ${sql.join(backlogBands.map((_, k) => k).slice(1).reverse().map((k) => sql`WHEN s.at <= ${bound(k)} THEN ${k}`), sql` `)} ELSE 0 END`;

/**
 * Both backlog readings (intervals, histogram) end alike: per run (a group, or a group's band) of `n` cases starting at
 * rank `off` (CTE `runs`), its middle rank(s) and percentile_cont's fraction (CTE `t`); then, from the cases at those
 * ranks (CTE `picked`: grp, r, at), each median interpolated as percentile_cont does, in double precision.
 */
const middleRanks = sql`
  SELECT grp, bi, whole, n, off + floor((n - 1) / 2.0)::bigint AS r1, off + ceil((n - 1) / 2.0)::bigint AS r2, ((n - 1) / 2.0 - floor((n - 1) / 2.0))::float8 AS frac
  FROM runs`;

function backlogMedians(end: RawBuilder<unknown>): RawBuilder<unknown> {
  const partName = sql`CASE t.bi ${sql.join(backlogBands.map((b, i) => sql`WHEN ${i} THEN ${b.part}`), sql` `)} END`;
  const age = (x: string) => sql`(${figureSql.days(end, sql.ref(`${x}.at`))})::float8`;
  return sql`
    SELECT t.grp, CASE WHEN t.whole = 1 THEN 'all' ELSE ${partName} END AS part, t.n,
      round((${age('x1')} + (${age('x2')} - ${age('x1')}) * t.frac)::numeric, 1) AS median_age_days
    FROM t
    JOIN picked x1 ON x1.r = t.r1 AND x1.grp IS NOT DISTINCT FROM t.grp
    JOIN picked x2 ON x2.r = t.r2 AND x2.grp IS NOT DISTINCT FROM t.grp
    ORDER BY 1, 2`;
}

/**
 * Backlog and its age from the intervals with ONE sort of the open cases (the exact SQL's percentile_cont over two
 * grouping sets sorts them twice, as numeric). Each open case is ranked by age within its group (FIR instant
 * descending = age ascending); as the bands are contiguous age ranges, a band is a run of ranks, so each median is
 * read off the one or two rows at its middle ranks and interpolated as percentile_cont does (first + (second -
 * first) * fraction, in double precision, from the same numeric age cast to double). The band is decided on the
 * FIR instant: age >= min days <=> FIR <= end - min x 86,400 s (seconds, not calendar days: no daylight saving).
 * test/stats/stock-spans.test.ts holds it equal to the exact SQL.
 */
function backlogFromSpans(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!bandsContiguous()) throw new Error('backlog bands must be contiguous from 0');
  const end = periodEnd(p);
  const bandIndex = bandOfFir((k) => sql`(${end} - ${backlogBands[k]!.min * 86_400} * interval '1 second')`);
  return sql<Record<string, unknown>>`
    WITH ${setsInScope(p)}, bl AS (${spansAt(p, SPAN_KIND.backlog, sql`s.at, ${bandIndex} AS bi`)}),
    ranked AS MATERIALIZED (SELECT grp, bi, at, row_number() OVER (PARTITION BY grp ORDER BY at DESC) - 1 AS r FROM bl),
    runs AS (SELECT grp, bi, GROUPING(bi) AS whole, min(r) AS off, count(*) AS n FROM ranked GROUP BY GROUPING SETS ((grp), (grp, bi))),
    t AS (${middleRanks}),
    -- The one or two middle rows of every run, found in one hashed pass over the ranks (a group's key made non-null
    -- for the hash: no area, category or month is named '').
    wanted AS (SELECT DISTINCT coalesce(grp, '') AS g, r FROM t CROSS JOIN LATERAL (VALUES (t.r1), (t.r2)) v(r)),
    picked AS (SELECT x.grp, x.r, x.at FROM ranked x JOIN wanted w ON w.g = coalesce(x.grp, '') AND w.r = x.r)
    ${backlogMedians(end)}`;
}

/** Whether the backlog histogram (migration 0051) may answer: a period with an end, whole areas, no category (zone and codes are checked in the statement). */
export const backlogHistogramEligible = (p: FigureParams): boolean => p.to !== null && !p.visibleCases && p.category === null && p.groupBy !== 'category';

/** The group key, joins and scope filter of rows with district_id and branch_id (alias `x`), the end instant's month/year as spansAt. */
function areaKey(p: FigureParams, x: string) {
  const end = periodEnd(p);
  const col = (c: string) => sql.ref(`${x}.${c}`);
  const d = sql.raw(`d_${x}`);
  const b = sql.raw(`b_${x}`);
  const key = p.groupBy === 'month' || p.groupBy === 'year' ? sql`to_char(${end} AT TIME ZONE ${p.timeZone}, ${p.groupBy === 'month' ? 'YYYY-MM' : 'YYYY'})`
    : p.groupBy === 'province' ? sql`${d}.province`
    : p.groupBy === 'district' ? sql`${d}.name`
    : p.groupBy === 'branch' ? sql`${b}.name`
    : sql`NULL::text`;
  const where: RawBuilder<unknown>[] = [];
  if (p.province !== null) where.push(sql`${d}.province = ${p.province}`);
  if (p.districtId !== null) where.push(sql`${col('district_id')} = ${p.districtId}`);
  if (p.branchId !== null) where.push(sql`${col('branch_id')} = ${p.branchId}`);
  const joins = sql`${p.province !== null || p.groupBy === 'province' || p.groupBy === 'district' ? sql`JOIN districts ${d} ON ${d}.id = ${col('district_id')}` : sql``}
    ${p.groupBy === 'branch' ? sql`JOIN branches ${b} ON ${b}.id = ${col('branch_id')}` : sql``}`;
  return { key, joins, where: where.length ? sql.join(where, sql` AND `) : sql`true` };
}

/**
 * Backlog and its age from the histogram of migration 0051 (no zone or codes check, no fallback: used by stockFigure
 * and the tests). The open cases at the period's end T are counted per group and FIR month from one month's
 * checkpoint plus the days since; the cases are ranked by age (FIR instant descending), so a FIR month is a run of
 * ranks. Only the FIR months the answer needs are read case by case, from stat_stock_spans by FIR instant: the (at
 * most four) months that hold a band's bound (T - min days, seconds: the band splits inside them), and the months
 * that hold a median's middle rank(s). Every other month lies wholly in one band. The medians are then interpolated as
 * backlogFromSpans does (percentile_cont's rule, double precision), so the rows are the exact SQL's.
 */
export function backlogFromHistogram(p: FigureParams): RawBuilder<Record<string, unknown>> {
  if (!backlogHistogramEligible(p)) throw new Error('backlog: this scope is not answered by the histogram');
  if (!bandsContiguous()) throw new Error('backlog bands must be contiguous from 0');
  // The end instant and the bands' bounds computed once (InitPlans): as expressions (a zone conversion) they were
  // evaluated again for every case read.
  const end = sql`(SELECT te.t FROM te)`;
  const z = p.timeZone;
  const day = sql`(${p.to}::date + 1)`;
  const hr = areaKey(p, 'r');
  const sx = areaKey(p, 's');
  const bounds = backlogBands.slice(1).map((b, i) => ({ index: i + 1, secs: b.min * 86_400 }));
  const bandIndex = bandOfFir((k) => sql`(SELECT bo.at FROM bounds bo WHERE bo.k = ${k}::int)`);
  const monthStart = (m: RawBuilder<unknown>) => sql`(${m}::timestamp AT TIME ZONE ${z})`;
  const monthEnd = (m: RawBuilder<unknown>) => sql`((${m} + interval '1 month')::timestamp AT TIME ZONE ${z})`;
  // The open cases of the FIR months in `months` (column fm), in scope, with their group: each month one range of
  // the partial index by FIR instant (a lateral subquery kept apart by OFFSET 0: joined flat, the planner read every
  // open case through the (kind, hi, lo) index instead).
  const casesOf = (months: string, extra: RawBuilder<unknown>) => sql`
    SELECT ${sx.key} AS grp, mo.fm, s.at ${extra}
    FROM ${sql.table(months)} mo
    CROSS JOIN LATERAL (
      SELECT s.at, s.set_id, s.district_id, s.branch_id FROM stat_stock_spans s
      WHERE s.kind = 1 AND s.at >= ${monthStart(sql`mo.fm`)} AND s.at < ${monthEnd(sql`mo.fm`)} AND s.lo < ${end} AND s.hi >= ${end}
      OFFSET 0
    ) s
    JOIN os ON os.id = s.set_id ${sx.joins}
    WHERE ${sx.where}`;
  const g = (x: string) => sql.raw(`coalesce(${x}.grp, '')`);
  return sql<Record<string, unknown>>`
    WITH te AS MATERIALIZED (SELECT ${periodEnd(p)} AS t), ${stockAtDay(day, { months: 'stock_backlog_months', checkpoints: 'stock_backlog_checkpoints', daily: 'stock_backlog_daily', key: ['fir_month', 'district_id', 'branch_id', 'ce'] })}, ${setsInScope(p)},
    h AS (
      SELECT ${hr.key} AS grp, r.fir_month AS fm, sum(r.n)::bigint AS n
      FROM r ${hr.joins}
      WHERE ${p.offences === 'child_exploitation' ? sql`r.ce` : sql`true`} AND ${hr.where}
      GROUP BY 1, 2 HAVING sum(r.n) <> 0
    ),
    bounds AS MATERIALIZED (SELECT v.k, ${end} - v.secs * interval '1 second' AS at FROM (VALUES ${sql.join(bounds.map((b) => sql`(${b.index}::int, ${b.secs}::int)`))}) v(k, secs)),
    -- The FIR months holding a band's bound: their cases are read one by one.
    split AS (SELECT DISTINCT date_trunc('month', b.at AT TIME ZONE ${z})::date AS fm FROM bounds b),
    ex AS MATERIALIZED (${casesOf('split', sql`, ${bandIndex} AS bi`)}),
    -- Runs of ranks in age order (FIR month descending, then band): a whole month, or a split month's part in a band.
    units AS (
      SELECT h.grp, h.fm, (SELECT count(*) FROM bounds b WHERE b.at >= ${monthEnd(sql`h.fm`)})::int AS bi, h.n, false AS split FROM h WHERE h.fm NOT IN (SELECT fm FROM split)
      UNION ALL
      SELECT grp, fm, bi, count(*), true FROM ex GROUP BY grp, fm, bi
    ),
    cum AS MATERIALIZED (SELECT grp, fm, bi, n, split, sum(n) OVER (PARTITION BY grp ORDER BY fm DESC, bi ROWS UNBOUNDED PRECEDING) - n AS before FROM units),
    runs AS (SELECT grp, bi, GROUPING(bi) AS whole, min(before) AS off, sum(n)::bigint AS n FROM cum GROUP BY GROUPING SETS ((grp), (grp, bi))),
    t AS (${middleRanks}),
    wanted AS (SELECT DISTINCT t.grp, v.r FROM t CROSS JOIN LATERAL (VALUES (t.r1), (t.r2)) v(r)),
    -- The run holding each wanted rank, and the rank's offset inside it.
    located AS MATERIALIZED (
      SELECT w.grp, w.r, c.fm, c.bi, c.split, w.r - c.before AS k
      FROM wanted w JOIN cum c ON ${g('c')} = ${g('w')} AND w.r >= c.before AND w.r < c.before + c.n
    ),
    ${p.groupBy === 'district' ? sql`
    -- By district (the map: ~180 groups, a thousand medians in as many FIR months): each rank is the k-th newest open
    -- case of its district(s) and month, read through the index by district and FIR instant, k + 1 rows each. The
    -- district ids per name and the offence sets in scope are found once (as a join inside the lateral read, the
    -- sets were hashed and the districts scanned again for each of the thousand ranks).
    dnames AS MATERIALIZED (SELECT dn.name, array_agg(dn.id) AS ids FROM districts dn ${p.province !== null ? sql`WHERE dn.province = ${p.province}` : sql``} GROUP BY dn.name),
    picked AS (
      SELECT l.grp, l.r, x.at FROM located l JOIN dnames dn ON dn.name = l.grp
      CROSS JOIN LATERAL (
        SELECT s.at FROM stat_stock_spans s
        WHERE s.kind = 1 AND s.district_id = ANY (dn.ids) AND s.set_id = ANY (ARRAY(SELECT os.id FROM os))
          AND s.at >= ${monthStart(sql`l.fm`)} AND s.at < ${monthEnd(sql`l.fm`)} AND s.lo < ${end} AND s.hi >= ${end}
          ${p.districtId !== null ? sql`AND s.district_id = ${p.districtId}` : sql``} ${p.branchId !== null ? sql`AND s.branch_id = ${p.branchId}` : sql``}
        ORDER BY s.at DESC OFFSET l.k LIMIT 1
      ) x
      WHERE NOT l.split
      UNION ALL` : sql`
    whole_months AS (SELECT DISTINCT fm FROM located WHERE NOT split),
    picked AS (
      SELECT l.grp, l.r, x.at FROM located l
      JOIN (SELECT y.grp, y.fm, y.at, row_number() OVER (PARTITION BY y.grp, y.fm ORDER BY y.at DESC) - 1 AS k FROM (${casesOf('whole_months', sql``)}) y) x
        ON ${g('x')} = ${g('l')} AND x.fm = l.fm AND x.k = l.k
      WHERE NOT l.split
      UNION ALL`}
      SELECT l.grp, l.r, x.at FROM located l
      JOIN (SELECT grp, fm, bi, at, row_number() OVER (PARTITION BY grp, fm, bi ORDER BY at DESC) - 1 AS k FROM ex) x
        ON ${g('x')} = ${g('l')} AND x.fm = l.fm AND x.bi = l.bi AND x.k = l.k
      WHERE l.split
    )
    ${backlogMedians(end)}`;
}

/**
 * The three figures from stat_stock_spans, each as its exact SQL in registry.ts computes it from the rows in
 * force at the end (one row per open case, per open case and team member, per placement and linked case; a
 * case or child in several categories once in each, as the exact SQL's LATERAL over the offences).
 */
export const fromSpans: Record<SpanFigure, (p: FigureParams) => RawBuilder<Record<string, unknown>>> = {
  backlog: backlogFromSpans,
  open_caseload: (p) => sql<Record<string, unknown>>`
    WITH ${setsInScope(p)}, per AS (
      SELECT x.grp, x.user_id, count(*) AS n FROM (${spansAt(p, SPAN_KIND.caseload, sql`s.unit AS user_id`)}) x
      WHERE x.user_id IN (SELECT u.id FROM users u WHERE u.role = 'investigator')
      GROUP BY 1, 2
    )
    SELECT grp, NULL::text AS part, count(*) AS investigators, sum(n) AS assignments, round(avg(n), 1) AS mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max
    FROM per GROUP BY 1 ORDER BY 1`,
  children_in_care: (p) => sql<Record<string, unknown>>`
    WITH ${setsInScope(p)}, c AS (SELECT DISTINCT x.grp, x.id, x.kind FROM (${spansAt(p, SPAN_KIND.care, sql`s.unit AS id, s.part AS kind`)}) x)
    SELECT grp, part, count(DISTINCT id) AS n FROM (SELECT grp, 'all' AS part, id FROM c UNION ALL SELECT grp, kind, id FROM c) x
    GROUP BY 1, 2 ORDER BY 1, 2`,
};

const fromRollup: Record<'cases_by_status', (p: FigureParams) => RawBuilder<Record<string, unknown>>> = {
  cases_by_status: casesByStatusFromRollup,
};

/**
 * A stock figure's SQL: the rollup when it answers exactly the same, else `exact`. The zone is compared in the
 * statement (the rollup's zone is data): one branch runs, the other is cut by a one-time filter.
 */
export function stockFigure(id: StockRollupFigure, p: FigureParams, exact: RawBuilder<Record<string, unknown>>): RawBuilder<Record<string, unknown>> {
  if (id === 'open_caseload') {
    if (!spansEligible(p)) return exact;
    // The daily sums where they answer (their zone, no rebuild under way), else the intervals (instants: any zone).
    return caseloadRollupEligible(p) ? inRollupZone(p, caseloadFromRollup(p), fromSpans.open_caseload(p), ['investigators', 'assignments', 'mean', 'median', 'max']) : fromSpans.open_caseload(p);
  }
  if (id === 'backlog') {
    if (!spansEligible(p)) return exact;
    // The histogram where it answers (keyed as the flow table: this zone and these codes, no rebuild under way), else the intervals.
    return backlogHistogramEligible(p) ? inFlowKeys(p, backlogFromHistogram(p), fromSpans.backlog(p), ['n', 'median_age_days']) : fromSpans.backlog(p);
  }
  // The intervals need no zone check: they are instants.
  if (isSpanFigure(id)) return spansEligible(p) ? fromSpans[id](p) : exact;
  // By reported month or year: the cohort histogram (keyed as the flow table), else the exact SQL.
  if (cohortEligible(p)) return inFlowKeys(p, casesByStatusFromCohort(p), exact, ['n']);
  if (!stockRollupEligible(p)) return exact;
  return inRollupZone(p, fromRollup[id](p), exact, ['n']);
}

/**
 * `rollup` when the stock rollup's days are in the figure's zone and no online rebuild is under way (rebuild.ts:
 * days of two zones meanwhile), else `other`: compared in the statement (the zone is data), one branch cut by a
 * one-time filter.
 */
function inRollupZone(p: FigureParams, rollup: RawBuilder<Record<string, unknown>>, other: RawBuilder<Record<string, unknown>>, measures: string[]): RawBuilder<Record<string, unknown>> {
  return eitherBy(sql`SELECT m.time_zone = ${p.timeZone} AND m.building IS NULL FROM stock_rollup_meta m WHERE m.id = 1`, rollup, other, measures);
}

/**
 * `keyed` when the flow table's keys (stat_flow_meta: the backlog histogram of migration 0051 is keyed with them) are
 * the figure's zone and, for a child-exploitation figure, its codes, and no online rebuild is under way; else `other`.
 * Compared in the statement, as inRollupZone.
 */
function inFlowKeys(p: FigureParams, keyed: RawBuilder<Record<string, unknown>>, other: RawBuilder<Record<string, unknown>>, measures: string[]): RawBuilder<Record<string, unknown>> {
  const codes = JSON.stringify([...new Set(p.catalogue.childExploitationCodes)].sort());
  const codesOk = p.offences === 'child_exploitation'
    ? sql`ARRAY(SELECT DISTINCT x FROM unnest(m.ce_codes) x ORDER BY x) = ARRAY(SELECT x FROM jsonb_array_elements_text(${codes}::jsonb) x ORDER BY x)`
    : sql`true`;
  return eitherBy(sql`SELECT m.time_zone = ${p.timeZone} AND m.building IS NULL AND ${codesOk} FROM stat_flow_meta m LIMIT 1`, keyed, other, measures);
}

/** `chosen` where the one-row, one-column query `ok` answers true, else `other` (no row: `other`): one branch runs, the other is cut by a one-time filter. */
function eitherBy(ok: RawBuilder<unknown>, chosen: RawBuilder<Record<string, unknown>>, other: RawBuilder<Record<string, unknown>>, measures: string[]): RawBuilder<Record<string, unknown>> {
  const cols = sql.join([sql`grp`, sql`part`, ...measures.map((m) => sql.ref(m))]);
  return sql<Record<string, unknown>>`
    WITH use_chosen AS MATERIALIZED (SELECT coalesce((${ok}), false) AS ok)
    SELECT ${cols} FROM (${chosen}) ch WHERE (SELECT ok FROM use_chosen)
    UNION ALL
    SELECT ${cols} FROM (${other}) ot WHERE NOT (SELECT ok FROM use_chosen)
    ORDER BY 1, 2`;
}

/** Rebuilds the rollup with its days in `zone` (after AMAAN_TIME_ZONE changed, or a load with triggers off). */
export async function rebuildStockRollup(db: Kysely<never>, zone: string): Promise<void> {
  await sql`SELECT stock_rollup_rebuild(${zone})`.execute(db);
}

/** The zone the rollup's days are in (null: no rollup). */
export async function stockRollupZone(db: Kysely<never>): Promise<string | null> {
  const { rows } = await sql<{ time_zone: string }>`SELECT time_zone FROM stock_rollup_meta WHERE id = 1`.execute(db);
  return rows[0]?.time_zone ?? null;
}

/**
 * Adds the checkpoints of the months since the last one, up to the current month of the rollup's zone (the
 * server's schedule runs it once a month has begun: rebuild.ts extendCheckpointsIfDue; answers are exact without
 * it, only slower as the changes since the last checkpoint grow).
 */
export async function extendStockCheckpoints(db: Kysely<never>): Promise<number> {
  // The caseload sums (migration 0047) keep months of their own, extended at the same time.
  // ... and so do the backlog and cohort histograms' (migrations 0051, 0052, 0055, in the flow table's zone).
  const { rows } = await sql<{ n: number; c: number; b: number; h: number; a: number }>`
    SELECT stock_extend_checkpoints() AS n, stock_caseload_extend_checkpoints() AS c, stock_backlog_extend_checkpoints() AS b, stock_cohort_extend_checkpoints() AS h,
      stock_cohort_area_extend_checkpoints() AS a`.execute(db);
  return Math.max(...['n', 'c', 'b', 'h', 'a'].map((k) => Number(rows[0]?.[k as 'n'] ?? 0)));
}
