import { sql } from 'kysely';
import type { Credential } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/database.ts';

// Per-account lockout with exponential back-off, in every mode, for passwords and second-factor codes:
// after LOCK_AFTER failures in a row the account is locked for 1 minute, then 2, 4, 8 ... up to an hour
// for each further failure. A complete sign-in (password and, where enrolled, a code) clears the count;
// an administrator's password or MFA reset clears it too.
export const LOCK_AFTER = 5;
export const LOCK_BASE_SECONDS = 60;
export const LOCK_MAX_SECONDS = 3600;

export function isLocked(lockedUntil: Date | null | undefined, now = Date.now()): boolean {
  return !!lockedUntil && lockedUntil.getTime() > now;
}

/** Counts one failure atomically (concurrent guesses all count) and locks when the count reaches LOCK_AFTER. */
export async function recordFailure(
  tx: Tx,
  user: { id: string; username: string },
  what: 'password' | 'mfa_code' | 'recovery_code',
  ip: string | null,
  credential?: Credential,
): Promise<{ attempts: number; lockedUntil: Date | null }> {
  const row = await sql<{ failed_attempts: number; locked_until: Date | null }>`
    UPDATE users SET
      failed_attempts = failed_attempts + 1,
      locked_until = CASE WHEN failed_attempts + 1 >= ${LOCK_AFTER}
        THEN now() + make_interval(secs => least(${LOCK_BASE_SECONDS}::float8 * power(2, failed_attempts + 1 - ${LOCK_AFTER}), ${LOCK_MAX_SECONDS}::float8))
        ELSE locked_until END
    WHERE id = ${user.id}
    RETURNING failed_attempts, locked_until`.execute(tx);
  const r = row.rows[0];
  const attempts = Number(r?.failed_attempts ?? 0);
  const lockedUntil = r?.locked_until ? new Date(r.locked_until) : null;
  if (attempts >= LOCK_AFTER) {
    await appendAudit(tx, {
      actorId: user.id, actorName: user.username, action: 'auth.account_locked', entityType: 'user', entityId: user.id, ip, credential,
      details: { attempts, lockedUntil: lockedUntil?.toISOString() ?? null, after: what },
    });
  }
  return { attempts, lockedUntil };
}

export async function clearFailures(db: Db | Tx, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).where('failed_attempts', '>', 0).execute();
}
