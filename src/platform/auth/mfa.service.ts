import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError, conflict, invalid } from '../http/errors.ts';
import { completeMfaSession, SIGN_IN_REFUSED } from './auth.service.ts';
import { isLocked, recordFailure } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import { matchTotp, newRecoveryCodes, newTotpSecret, openTotpSecret, otpauthUri, qrDataUrl, recoveryCodeHash, sealTotpSecret } from './totp.ts';

// TOTP multi-factor authentication for oneself: enrol (a pending secret, confirmed by a first code, which
// turns it on and gives ten single-use recovery codes, shown once), the second step of a sign-in (a code,
// never the same time step twice, or an unused recovery code), and switching it off (password again).
// Wrong codes at sign-in count toward the account lockout like wrong passwords.

const auditOf = (actor: Actor) => ({ actorId: actor.id, actorName: actor.username, ip: actor.ip, credential: actor.credential, entityType: 'user', entityId: actor.id });

export async function mfaStatus(app: AppContext, userId: string) {
  const row = await app.db.selectFrom('user_mfa').select(['enabled_at', 'pending_secret']).where('user_id', '=', userId).executeTakeFirst();
  const left = await app.db.selectFrom('mfa_recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return {
    enabled: !!row?.enabled_at,
    enabledAt: row?.enabled_at ? row.enabled_at.toISOString() : null,
    recoveryCodesLeft: row?.enabled_at ? Number(left.n) : 0,
    required: app.config.mfaRequired,
  };
}

async function checkOwnPassword(app: AppContext, actor: Actor, password: string | undefined, field: string): Promise<void> {
  const user = await app.db.selectFrom('users').select(['id', 'username', 'password_hash', 'locked_until']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (isLocked(user.locked_until)) throw new AppError('unauthenticated', SIGN_IN_REFUSED);
  if (!password) throw invalid(field, 'required');
  if (!(await verifyPassword(user.password_hash, password))) {
    await app.db.transaction().execute((tx) => recordFailure(tx, user, 'password', actor.ip, actor.credential));
    throw invalid(field, 'wrong password');
  }
}

/** A new secret to scan; MFA already on needs the password (re-enrolment replaces it only when confirmed). */
export async function startEnrolment(app: AppContext, actor: Actor, password: string | undefined) {
  const current = await app.db.selectFrom('user_mfa').select('enabled_at').where('user_id', '=', actor.id).executeTakeFirst();
  if (current?.enabled_at) await checkOwnPassword(app, actor, password, 'password');
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(app, actor.id, secret);
  await app.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('user_mfa')
      .values({ user_id: actor.id, pending_secret: sealed.blob, pending_key_id: sealed.keyId, pending_created_at: new Date() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ pending_secret: sealed.blob, pending_key_id: sealed.keyId, pending_created_at: new Date() }))
      .execute();
    await appendAudit(tx, { ...auditOf(actor), action: 'auth.mfa_enrol_start', details: { reEnrol: !!current?.enabled_at } });
  });
  const uri = otpauthUri(secret, actor.username);
  return { secret, otpauthUri: uri, qrDataUrl: await qrDataUrl(uri) };
}

/** The first code from the app turns the pending secret on; the recovery codes are returned this once. */
export async function confirmEnrolment(app: AppContext, actor: Actor, code: string): Promise<{ recoveryCodes: string[] }> {
  return app.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('user_mfa').select(['pending_secret', 'pending_key_id', 'pending_created_at']).where('user_id', '=', actor.id).forUpdate().executeTakeFirst();
    if (!row?.pending_secret || !row.pending_key_id) throw conflict('start the enrolment first', 'code');
    if (row.pending_created_at && row.pending_created_at.getTime() < Date.now() - 30 * 60_000) throw conflict('the enrolment has expired; start again', 'code');
    const secret = openTotpSecret(app, actor.id, row.pending_key_id, row.pending_secret);
    const step = matchTotp(secret, code, null);
    if (step === null) throw invalid('code', 'wrong code: check the time on your phone and enter the current code');
    await tx.updateTable('user_mfa').set({
      secret: row.pending_secret, secret_key_id: row.pending_key_id, enabled_at: new Date(), last_step: step,
      pending_secret: null, pending_key_id: null, pending_created_at: null,
    }).where('user_id', '=', actor.id).execute();
    const codes = newRecoveryCodes();
    await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', actor.id).execute();
    await tx.insertInto('mfa_recovery_codes').values(codes.map((c) => ({ user_id: actor.id, code_hash: recoveryCodeHash(actor.id, c) }))).execute();
    await appendAudit(tx, { ...auditOf(actor), action: 'auth.mfa_enrol', details: { recoveryCodes: codes.length } });
    return { recoveryCodes: codes };
  });
}

/**
 * The second step of a sign-in. A TOTP code is accepted once per time step (the step is stored with a
 * compare-and-set, so two requests with the same code cannot both pass); a recovery code once ever.
 */
export async function verifySecondFactor(
  app: AppContext,
  actor: Actor,
  sessionToken: string,
  input: { code?: string; recoveryCode?: string },
): Promise<{ sessionToken: string; csrfToken: string; recoveryCodesLeft: number | null }> {
  const user = await app.db.selectFrom('users').select(['id', 'username', 'locked_until']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (isLocked(user.locked_until)) {
    await app.db.transaction().execute((tx) => appendAudit(tx, { ...auditOf(actor), action: 'auth.mfa_failed', details: { reason: 'locked' } }));
    throw new AppError('unauthenticated', SIGN_IN_REFUSED);
  }
  const mfa = await app.db.selectFrom('user_mfa').select(['secret', 'secret_key_id', 'last_step']).where('user_id', '=', actor.id).executeTakeFirst();
  if (!mfa?.secret || !mfa.secret_key_id) throw conflict('no second factor is set up for this account', 'code');
  let method: 'totp' | 'recovery_code';
  let accepted = false;
  let left: number | null = null;
  if (input.code !== undefined) {
    method = 'totp';
    const step = matchTotp(openTotpSecret(app, actor.id, mfa.secret_key_id, mfa.secret), input.code, mfa.last_step);
    if (step !== null) {
      const res = await app.db.updateTable('user_mfa').set({ last_step: step }).where('user_id', '=', actor.id)
        .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)])).executeTakeFirst();
      accepted = Number(res.numUpdatedRows ?? 0) === 1;
    }
  } else {
    method = 'recovery_code';
    const used = await app.db.updateTable('mfa_recovery_codes').set({ used_at: new Date() })
      .where('user_id', '=', actor.id).where('code_hash', '=', recoveryCodeHash(actor.id, input.recoveryCode ?? '')).where('used_at', 'is', null)
      .returning('id').executeTakeFirst();
    accepted = !!used;
    if (accepted) {
      const n = await app.db.selectFrom('mfa_recovery_codes').select(sql<number>`count(*)`.as('n')).where('user_id', '=', actor.id).where('used_at', 'is', null).executeTakeFirstOrThrow();
      left = Number(n.n);
    }
  }
  if (!accepted) {
    await app.db.transaction().execute(async (tx) => {
      const f = await recordFailure(tx, user, method === 'totp' ? 'mfa_code' : 'recovery_code', actor.ip, actor.credential);
      await appendAudit(tx, { ...auditOf(actor), action: 'auth.mfa_failed', details: { method, attempts: f.attempts } });
    });
    const field = method === 'totp' ? 'code' : 'recoveryCode';
    throw invalid(field, method === 'totp' ? 'wrong or already used code' : 'wrong or already used recovery code');
  }
  const next = await completeMfaSession(app, sessionToken, actor, method);
  return { ...next, recoveryCodesLeft: left };
}

/** Switches one's own MFA off (the password again); where MFA is required the next request can only enrol. */
export async function disableOwnMfa(app: AppContext, actor: Actor, password: string): Promise<void> {
  await checkOwnPassword(app, actor, password, 'password');
  await app.db.transaction().execute(async (tx) => {
    const gone = await tx.deleteFrom('user_mfa').where('user_id', '=', actor.id).executeTakeFirst();
    await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', actor.id).execute();
    if (!Number(gone.numDeletedRows ?? 0)) throw conflict('multi-factor authentication is not on', 'password');
    await appendAudit(tx, { ...auditOf(actor), action: 'auth.mfa_disable' });
  });
}
