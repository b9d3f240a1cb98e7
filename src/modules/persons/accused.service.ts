import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AccusedStatus } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid } from '../../platform/http/errors.ts';
import { accusedRoles, checkAccusedMove } from './accused.rules.ts';

// The accused of a case, for every module that changes them (persons, operations, prosecution). All of
// these work in the caller's transaction and leave the audit entry to the caller.

export interface AccusedOnCase {
  personId: string;
  displayName: string;
  /** The current status (null when never set: treated as at large). */
  status: AccusedStatus | null;
}

/** The accused among `personIds` on this case, keyed by person id; ids that are not accused here are absent. */
export async function findAccused(tx: Tx, caseId: string, personIds: readonly string[], opts: { lock?: boolean } = {}): Promise<Map<string, AccusedOnCase>> {
  const found = new Map<string, AccusedOnCase>();
  if (!personIds.length) return found;
  let query = tx
    .selectFrom('case_persons')
    .innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select(['case_persons.person_id', 'persons.display_name', 'case_persons.accused_status'])
    .where('case_persons.case_id', '=', caseId)
    .where('case_persons.person_id', 'in', [...personIds])
    .where('case_persons.role', 'in', [...accusedRoles]);
  // Locked rows are taken in one order (person id), so two lockers of the same accused never deadlock.
  if (opts.lock) query = query.orderBy('case_persons.person_id').orderBy('case_persons.role').forNoKeyUpdate('case_persons');
  for (const r of await query.execute()) {
    const seen = found.get(r.person_id);
    // One person may hold two accused roles; a set status wins over an unset one.
    if (!seen || (seen.status === null && r.accused_status !== null)) {
      found.set(r.person_id, { personId: r.person_id, displayName: r.display_name, status: r.accused_status });
    }
  }
  return found;
}

/** Sets the status on every accused link of the person in the case and records the step with who and why. */
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
    .values({ case_id: change.caseId, person_id: change.personId, from_status: change.from, to_status: change.to, reason: change.reason, actor_id: actor.id, at: change.at })
    .execute();
}

export interface ArrestInput {
  caseId: string;
  personId: string;
  /** Ignored: the current status is read (and locked) from the database; kept so callers may pass it. */
  from?: AccusedStatus | null;
  /** The operation that made the arrest, or null when recorded on its own. */
  operationId: string | null;
  arrestedAt: Date;
  place: string;
  reason: string;
}

/**
 * Records one arrest: an `arrests` row (what statistics count) and the accused status change to
 * `arrested` with its history entry. Refuses (AppError) a person who is not accused on the case, whose
 * current status does not allow an arrest, or who already has an arrest at that very time. Returns the
 * arrest id. Runs in the caller's transaction; the caller writes the audit entry.
 */
export async function recordArrest(tx: Tx, actor: Actor, arrest: ArrestInput): Promise<string> {
  const accused = (await findAccused(tx, arrest.caseId, [arrest.personId], { lock: true })).get(arrest.personId);
  if (!accused) throw invalid('personId', 'not an accused person on this case');
  const move = checkAccusedMove(accused.status, 'arrested');
  if (!move.ok) throw new AppError('illegal_transition', `${accused.displayName}: ${move.reason}`, [{ field: 'to', message: move.reason }]);
  const clash = await tx.selectFrom('arrests').select('id')
    .where('case_id', '=', arrest.caseId).where('person_id', '=', arrest.personId).where('arrested_at', '=', arrest.arrestedAt)
    .executeTakeFirst();
  if (clash) throw conflict(`${accused.displayName} already has an arrest recorded at that time in this case`, 'at');
  const row = await tx
    .insertInto('arrests')
    .values({ case_id: arrest.caseId, person_id: arrest.personId, operation_id: arrest.operationId, arrested_at: arrest.arrestedAt, place: arrest.place, created_by: actor.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setAccusedStatus(tx, actor, { caseId: arrest.caseId, personId: arrest.personId, from: accused.status, to: 'arrested', reason: arrest.reason, at: arrest.arrestedAt });
  return row.id;
}
