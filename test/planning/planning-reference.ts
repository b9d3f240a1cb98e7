import { sql, type RawBuilder } from 'kysely';
import type { planningSql } from '../../src/modules/planning/planning.data.ts';

// The capacity plan's SQL as it was before migration 0037: the per-case pass (one probe of the history per case
// for its end, its start and its status at the end) and the time in each stage (every case's whole history), kept to check the set-wise rewrite gives the same observations
// (test/stats/figures.equivalence.test.ts) and to time both in one run (bench/figures.bench.ts --plan).
export const referencePerCase: (typeof planningSql)['perCase'] = (end: RawBuilder<unknown>, scope: RawBuilder<unknown>, endList: RawBuilder<unknown>) => sql`
    pc AS MATERIALIZED (
      SELECT c.id, c.district_id, c.branch_id, c.reported_at, c.fir_registered_at, c.challan_submitted_at,
        coalesce(c.challan_submitted_at, (SELECT min(h.at) FROM case_status_history h WHERE h.case_id = c.id AND h.to_status IN (${endList}))) AS ended_at,
        (SELECT min(h.at) FROM case_status_history h WHERE h.case_id = c.id AND h.to_status = 'under_investigation') AS started_at,
        CASE WHEN c.fir_registered_at IS NOT NULL AND c.fir_registered_at < ${end} THEN
          coalesce((SELECT h.to_status FROM case_status_history h WHERE h.case_id = c.id AND h.at < ${end} ORDER BY h.at DESC, h.id DESC LIMIT 1), c.status)
        END AS status_at_end
      FROM cases c WHERE ${scope}
    )`;

/** Time in each stage as before: every case's whole history in scope, each row to the next (window function). */
export const referenceStays: (typeof planningSql)['stays'] = (inWin, scope, days) => sql`
    WITH h AS (
      SELECT h.to_status AS status, h.at, lead(h.at) OVER (PARTITION BY h.case_id ORDER BY h.at, h.id) AS next_at
      FROM case_status_history h JOIN cases c ON c.id = h.case_id WHERE ${scope}
    )
    SELECT status, count(*) AS stays,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days(sql`next_at`, sql`at`)}) AS median_days,
      avg(${days(sql`next_at`, sql`at`)}) AS mean_days
    FROM h WHERE next_at IS NOT NULL AND ${inWin(sql`next_at`)}
    GROUP BY status ORDER BY status`;

/** Runs `work` with observe() reading the cases the way before (the rewrite's own SQL back after). */
export async function withReferencePlanning<T>(sqlOf: typeof planningSql, work: () => Promise<T>): Promise<T> {
  const own = { ...sqlOf };
  sqlOf.perCase = referencePerCase;
  sqlOf.stays = referenceStays;
  try {
    return await work();
  } finally {
    Object.assign(sqlOf, own);
  }
}
