import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';

// Safeguarding hand-offs as flags that reach the branch supervisor (issue 10, item 6). A rescued child with no
// protection officer is a notification (`safeguarding.unassigned`) to every active supervisor of a branch with
// one of the child's cases, until an officer is assigned; a follow-up past its date is told to them once
// (`safeguarding.overdue`). A flag that no longer applies (officer assigned, follow-up done, record closed) is
// resolved: `resolved_at` set and marked read, so the bell stops counting it. A child again without an officer
// (the last one unassigned) re-opens its flag.
//
// When: in the transaction of every change that can start or end a flag (rescue in an operation, a move to
// "recovered", a link to a further case, assignment and unassignment, a follow-up done, closing the record),
// for that child only; and by the server's schedule every 5 minutes over all children
// (src/modules/takedowns/schedules.ts, `amaan takedowns renotice` runs it too), which is what notices a
// follow-up becoming overdue (nothing changes in the database at that moment) and catches records written by
// other paths (case-bundle imports, the demo). Every statement is idempotent (unique indexes of migration
// 0024), so two servers or the CLI running at once never tell a supervisor twice.

export interface FlagResult {
  raised: number;
  resolved: number;
}

const rescued = sql<boolean>`(v.recovered_at IS NOT NULL OR EXISTS (SELECT 1 FROM rescues r WHERE r.victim_id = v.id))`;
const hasOfficer = sql<boolean>`EXISTS (SELECT 1 FROM victim_assignments a WHERE a.victim_id = v.id)`;
/** Active supervisors of a branch handling one of the child's cases. */
const supervisorsOf = sql`JOIN case_victims cv ON cv.victim_id = v.id
  JOIN cases c ON c.id = cv.case_id
  JOIN users u ON u.role = 'supervisor' AND u.branch_id = c.branch_id AND NOT u.disabled AND NOT u.is_service_account`;

/** Raises and resolves the safeguarding flags of the given children (all children when `victimIds` is absent). */
export async function refreshSafeguardingFlags(db: Db | Tx, opts: { victimIds?: string[]; now?: Date } = {}): Promise<FlagResult> {
  const now = opts.now ?? new Date();
  if (opts.victimIds && !opts.victimIds.length) return { raised: 0, resolved: 0 };
  const only = opts.victimIds ? sql`AND v.id IN (${sql.join(opts.victimIds)})` : sql``;
  const onlyN = opts.victimIds ? sql`AND n.victim_id IN (${sql.join(opts.victimIds)})` : sql``;

  // Resolve first: what no longer applies.
  const resolved = await sql<{ id: string }>`
    UPDATE notifications n SET resolved_at = ${now}, read_at = coalesce(n.read_at, ${now})
    FROM victims v
    WHERE n.victim_id = v.id AND n.resolved_at IS NULL AND n.kind IN ('safeguarding.unassigned', 'safeguarding.overdue') ${onlyN}
      AND (v.state = 'closed'
        OR (n.kind = 'safeguarding.unassigned' AND ${hasOfficer})
        OR (n.kind = 'safeguarding.overdue' AND EXISTS (SELECT 1 FROM followups f WHERE f.id = n.followup_id AND f.done_at IS NOT NULL)))
    RETURNING n.id`.execute(db);

  const unassigned = await sql<{ id: string }>`
    INSERT INTO notifications (user_id, kind, victim_id, created_at)
    SELECT DISTINCT u.id, 'safeguarding.unassigned', v.id, ${now}::timestamptz
    FROM victims v ${supervisorsOf}
    WHERE v.state <> 'closed' AND ${rescued} AND NOT ${hasOfficer} ${only}
    ON CONFLICT (user_id, victim_id) WHERE kind = 'safeguarding.unassigned'
    DO UPDATE SET resolved_at = NULL, read_at = NULL, created_at = excluded.created_at
    WHERE notifications.resolved_at IS NOT NULL
    RETURNING id`.execute(db);

  const overdue = await sql<{ id: string }>`
    INSERT INTO notifications (user_id, kind, victim_id, followup_id, created_at)
    SELECT DISTINCT u.id, 'safeguarding.overdue', v.id, f.id, ${now}::timestamptz
    FROM followups f JOIN victims v ON v.id = f.victim_id ${supervisorsOf}
    WHERE v.state <> 'closed' AND f.done_at IS NULL AND f.due_at < ${now} ${only}
    ON CONFLICT (user_id, followup_id) WHERE kind = 'safeguarding.overdue' DO NOTHING
    RETURNING id`.execute(db);

  return { raised: unassigned.rows.length + overdue.rows.length, resolved: resolved.rows.length };
}
