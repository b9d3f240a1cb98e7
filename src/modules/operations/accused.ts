import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AccusedStatus, CasePersonRole } from '../../platform/db/schema.ts';

// The accused on a case and the changes operations and verdicts make to them. A person is accused on a
// case when linked to it in one of these roles; their accused status is kept on each of those links,
// and every change is written to accused_status_history with who, when and why.
//
// Stand-in: the persons module owns persons and their roles; until it offers `recordArrest(tx, ...)`
// this file inserts the `arrests` rows itself (same columns, same history), so a later switch is a
// one-line change in operation.service.ts.
export const accusedRoles: readonly CasePersonRole[] = ['suspect', 'ringleader', 'facilitator', 'complicit_family'];

/** Statuses in which a person cannot be arrested again in the same case. */
export const inCustodyOrDecided: ReadonlySet<AccusedStatus> = new Set(['arrested', 'physical_remand', 'judicial_remand', 'convicted', 'acquitted']);

export interface AccusedOnCase {
  personId: string;
  displayName: string;
  /** The current status (null when never set: treated as at large). */
  status: AccusedStatus | null;
}

/** The accused among `personIds` on this case, keyed by person id; ids that are not accused here are absent. */
export async function findAccused(tx: Tx, caseId: string, personIds: readonly string[]): Promise<Map<string, AccusedOnCase>> {
  const found = new Map<string, AccusedOnCase>();
  if (!personIds.length) return found;
  const rows = await tx
    .selectFrom('case_persons')
    .innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select(['case_persons.person_id', 'persons.display_name', 'case_persons.accused_status'])
    .where('case_persons.case_id', '=', caseId)
    .where('case_persons.person_id', 'in', [...personIds])
    .where('case_persons.role', 'in', [...accusedRoles])
    .execute();
  for (const r of rows) {
    const seen = found.get(r.person_id);
    // One person may hold two accused roles; a set status wins over an unset one.
    if (!seen || (seen.status === null && r.accused_status !== null)) {
      found.set(r.person_id, { personId: r.person_id, displayName: r.display_name, status: r.accused_status });
    }
  }
  return found;
}

/** Sets the accused status on every accused link of the person in the case and records the step. */
export async function setAccusedStatus(
  tx: Tx,
  actor: Actor,
  change: { caseId: string; personId: string; from: AccusedStatus | null; to: AccusedStatus; reason: string; at: Date },
): Promise<void> {
  await tx
    .updateTable('case_persons')
    .set({ accused_status: change.to })
    .where('case_id', '=', change.caseId)
    .where('person_id', '=', change.personId)
    .where('role', 'in', [...accusedRoles])
    .execute();
  await tx
    .insertInto('accused_status_history')
    .values({ case_id: change.caseId, person_id: change.personId, from_status: change.from ?? 'at_large', to_status: change.to, reason: change.reason, actor_id: actor.id, at: change.at })
    .execute();
}

/** One arrest record plus the accused status change to `arrested`, in the caller's transaction. */
export async function recordArrest(
  tx: Tx,
  actor: Actor,
  arrest: { caseId: string; personId: string; from: AccusedStatus | null; operationId: string | null; arrestedAt: Date; place: string; reason: string },
): Promise<string> {
  const row = await tx
    .insertInto('arrests')
    .values({ case_id: arrest.caseId, person_id: arrest.personId, operation_id: arrest.operationId, arrested_at: arrest.arrestedAt, place: arrest.place, created_by: actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setAccusedStatus(tx, actor, { caseId: arrest.caseId, personId: arrest.personId, from: arrest.from, to: 'arrested', reason: arrest.reason, at: arrest.arrestedAt });
  return row.id;
}
