import { sql, type RawBuilder } from 'kysely';
import { timeLimit } from '../figures/lifecycle-limits.ts';
import { backlogBands, figureSql, periodEnd, sentenceBands, type FigureCell, type FigureDefinition, type FigureParams } from '../figures/registry.ts';

// The records behind the figures whose definition has no `records` builder (sentences, children in care,
// operations, the two durations, open caseload, backlog). Kept apart from the definitions (registry.ts) but
// built from the registry's own SQL pieces (figureSql: scope, period, groups, status at an instant, bands),
// so each list counts exactly what its figure counts. Each row is one counted unit (a sentence, a child, an
// operation, a case, an investigator), with the case it is counted through.
//
// Need-to-know is applied INSIDE the query, before a unit is picked: `visibleCases` (and for children
// `visibleVictims`) are subqueries of ids from the access module's predicates. A child linked to a case the
// reader may see and to one they may not is listed through the one they may see.

export type DrillUnit = 'sentence' | 'child' | 'operation' | 'case' | 'investigator';

/** One row of a drill-down query; columns a unit does not have are absent or null. */
export interface DrillRow {
  unit_id: string;
  case_id: string;
  /** The figure's own date of the unit (decision, placement start, execution, challan or verdict, FIR for backlog). */
  at: Date | string | null;
  /** Durations and age: the interval measured, from and to, in days. */
  started_at?: Date | string | null;
  ended_at?: Date | string | null;
  days?: number | string | null;
  months?: number | string | null;
  part_kind?: string | null;
  arrests?: number | string | null;
  rescued?: number | string | null;
  open_cases?: number | string | null;
}

export interface DrillBuilder {
  unit: DrillUnit;
  /** The rows behind one cell; `order` is the listing order (most telling first). */
  rows(p: FigureParams, cell: FigureCell, visible: Visible): RawBuilder<DrillRow>;
  order: RawBuilder<unknown>;
}

export interface Visible {
  /** SELECT of the ids of the cases the reader may see (platform/access/case-scope.ts). */
  cases: unknown;
  /** SELECT of the ids of the victims the reader may see (victims/victim.scope.ts). */
  victims: unknown;
}

const { scoped, inPeriod, groupKey, inGroup, statusAt, closedList, days, bandCase } = figureSql;

/** The cell's part, or every part ("all" is passed as null). */
const partIs = (column: RawBuilder<unknown>, cell: FigureCell) => (cell.part === null ? sql`true` : sql`${column} = ${cell.part}`);

function duration(p: FigureParams, cell: FigureCell, visible: Visible, from: RawBuilder<unknown>, end: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  const g = groupKey(p, end);
  return sql<DrillRow>`
    WITH ${scoped(p)}
    SELECT DISTINCT sc.id::text AS unit_id, sc.id AS case_id, ${end} AS at, sc.fir_registered_at AS started_at, ${end} AS ended_at,
      ${days(end, sql`sc.fir_registered_at`)}::float8 AS days
    FROM ${from} ${g.join}
    WHERE ${inPeriod(p, end)} AND ${where} AND ${inGroup(g.key, p, cell)} AND sc.id IN (${visible.cases})`;
}

export const drillBuilders: Readonly<Record<string, DrillBuilder>> = {
  sentences: {
    unit: 'sentence',
    order: sql`r.at DESC, r.unit_id`,
    rows: (p, cell, visible) => {
      const g = groupKey(p, sql`vd.decided_at`);
      return sql<DrillRow>`
        WITH ${scoped(p)}
        SELECT DISTINCT vd.id::text AS unit_id, sc.id AS case_id, vd.decided_at AS at, vd.sentence_months AS months
        FROM verdicts vd JOIN sc ON sc.id = vd.case_id ${g.join}
        WHERE vd.outcome = 'convicted' AND vd.sentence_months IS NOT NULL AND ${inPeriod(p, sql`vd.decided_at`)}
          AND ${inGroup(g.key, p, cell)} AND ${partIs(bandCase(sentenceBands, sql`vd.sentence_months`), cell)} AND sc.id IN (${visible.cases})`;
    },
  },
  children_in_care: {
    unit: 'child',
    order: sql`r.at DESC, r.unit_id`,
    rows: (p, cell, visible) => {
      const end = periodEnd(p);
      const g = groupKey(p, null);
      // Each child once (as the figure counts them), through the earliest-linked case the reader may see.
      return sql<DrillRow>`
        WITH ${scoped(p)}
        SELECT DISTINCT ON (v.id) v.id::text AS unit_id, sc.id AS case_id, pl.started_at AS at, pl.kind AS part_kind
        FROM victims v JOIN case_victims cv ON cv.victim_id = v.id JOIN sc ON sc.id = cv.case_id ${g.join}
        JOIN placements pl ON pl.victim_id = v.id AND pl.started_at < ${end} AND (pl.ended_at IS NULL OR pl.ended_at >= ${end})
        WHERE ${inGroup(g.key, p, cell)} AND ${partIs(sql`pl.kind`, cell)} AND sc.id IN (${visible.cases}) AND v.id IN (${visible.victims})
        ORDER BY v.id, cv.added_at, sc.id, pl.started_at DESC`;
    },
  },
  operations: {
    unit: 'operation',
    order: sql`r.at DESC, r.unit_id`,
    rows: (p, cell, visible) => {
      const g = groupKey(p, sql`o.executed_at`);
      return sql<DrillRow>`
        WITH ${scoped(p)}
        SELECT DISTINCT o.id::text AS unit_id, sc.id AS case_id, o.executed_at AS at,
          (SELECT count(*) FROM arrests a WHERE a.operation_id = o.id) AS arrests,
          (SELECT count(*) FROM rescues r WHERE r.operation_id = o.id) AS rescued
        FROM operations o JOIN sc ON sc.id = o.case_id ${g.join}
        WHERE o.status = 'executed' AND o.executed_at IS NOT NULL AND ${inPeriod(p, sql`o.executed_at`)}
          AND ${inGroup(g.key, p, cell)} AND sc.id IN (${visible.cases})`;
    },
  },
  fir_to_challan: {
    unit: 'case',
    order: sql`r.days DESC, r.unit_id`,
    rows: (p, cell, visible) => duration(p, cell, visible, sql`sc`, sql`sc.challan_submitted_at`,
      sql`sc.challan_submitted_at IS NOT NULL AND sc.fir_registered_at IS NOT NULL`),
  },
  fir_to_verdict: {
    unit: 'case',
    order: sql`r.days DESC, r.unit_id`,
    rows: (p, cell, visible) => duration(p, cell, visible,
      sql`sc JOIN LATERAL (SELECT min(vd.decided_at) AS at FROM verdicts vd WHERE vd.case_id = sc.id) fv ON true`, sql`fv.at`,
      sql`fv.at IS NOT NULL AND sc.fir_registered_at IS NOT NULL`),
  },
  open_caseload: {
    unit: 'investigator',
    order: sql`r.open_cases DESC, r.at, r.unit_id`,
    rows: (p, cell, visible) => {
      const end = periodEnd(p);
      const g = groupKey(p, null);
      // One row per investigator: their open cases in the cell (only cases the reader may see) and the
      // oldest of them (by FIR date) as the case to go to.
      return sql<DrillRow>`
        WITH ${scoped(p)}, open_cases AS (
          SELECT DISTINCT sc.id, sc.fir_registered_at FROM sc ${g.join} CROSS JOIN LATERAL (SELECT ${statusAt(end)} AS status) st
          WHERE sc.fir_registered_at IS NOT NULL AND sc.fir_registered_at < ${end} AND st.status NOT IN (${closedList})
            AND ${inGroup(g.key, p, cell)} AND sc.id IN (${visible.cases})
        )
        SELECT ct.user_id::text AS unit_id, (array_agg(oc.id ORDER BY oc.fir_registered_at, oc.id))[1] AS case_id,
          min(oc.fir_registered_at) AS at, count(DISTINCT oc.id) AS open_cases
        FROM open_cases oc
        JOIN case_team ct ON ct.case_id = oc.id AND ct.added_at < ${end}
        JOIN users u ON u.id = ct.user_id AND u.role = 'investigator'
        GROUP BY ct.user_id`;
    },
  },
  backlog: {
    unit: 'case',
    order: sql`r.days DESC, r.unit_id`,
    rows: (p, cell, visible) => {
      const end = periodEnd(p);
      const g = groupKey(p, null);
      const age = days(end, sql`sc.fir_registered_at`);
      return sql<DrillRow>`
        WITH ${scoped(p)}
        SELECT DISTINCT sc.id::text AS unit_id, sc.id AS case_id, sc.fir_registered_at AS at, sc.fir_registered_at AS started_at,
          ${end} AS ended_at, ${age}::float8 AS days
        FROM sc ${g.join} CROSS JOIN LATERAL (SELECT ${statusAt(end)} AS status) st
        WHERE sc.fir_registered_at IS NOT NULL AND sc.fir_registered_at < ${end} AND st.status NOT IN (${closedList})
          AND ${inGroup(g.key, p, cell)} AND ${partIs(bandCase(backlogBands, age), cell)} AND sc.id IN (${visible.cases})`;
    },
  },
};

/** Whether a figure offers a list of the records behind it (its own `records`, or a builder here). */
export function offersDrillDown(def: FigureDefinition): boolean {
  return def.records !== undefined || drillBuilders[def.id] !== undefined;
}

/** The legal limit a duration's list is measured against (days), for the answer. */
export function limitDaysOf(def: FigureDefinition): number | null {
  return def.limit ? timeLimit(def.limit).days : null;
}
