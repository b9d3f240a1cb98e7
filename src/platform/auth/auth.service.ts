import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Actor, Credential } from '../access/actor.ts';
import { userIdOf } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/database.ts';
import { AppError, notFound } from '../http/errors.ts';
import { clearFailures, isLocked, recordFailure } from './lockout.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'amaan_session';
/** A session whose second factor is still to come lives this long at most. */
const MFA_PENDING_MINUTES = 10;
/** last_seen_at is written at most this often (the idle timeout needs no finer grain). */
const LAST_SEEN_GRAIN_MS = 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
/** A session is named in the trail by a prefix of its token's hash: stable, and useless to an attacker. */
export const sessionIdOf = (sessionToken: string) => sha256(sessionToken).slice(0, 16);
export const sessionCredential = (sessionToken: string): Credential => ({ kind: 'session', id: sessionIdOf(sessionToken) });

/** What a session may do: everything, or only the step that completes the sign-in. */
export type SessionStage = 'full' | 'mfa_required' | 'password_change_required' | 'enrol_required';
export const sessionStages = ['full', 'mfa_required', 'password_change_required', 'enrol_required'] as const satisfies readonly SessionStage[];

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword('decoy-password-for-timing'));

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Actor['role'];
  branchId: number | null;
}

export const SIGN_IN_REFUSED = 'wrong username or password, or the account is locked for a while after repeated failures';

function stageOf(app: AppContext, s: { mfa_pending: boolean; must_change_password: boolean; mfa_enabled: boolean }): SessionStage {
  if (s.mfa_pending) return 'mfa_required';
  if (s.must_change_password) return 'password_change_required';
  if (app.config.mfaRequired && !s.mfa_enabled) return 'enrol_required';
  return 'full';
}

async function mfaEnabled(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_mfa').select('enabled_at').where('user_id', '=', userId).executeTakeFirst();
  return !!row?.enabled_at;
}

export async function login(
  app: AppContext,
  username: string,
  password: string,
  ip: string | null,
): Promise<{ user: SessionUser; sessionToken: string; csrfToken: string; stage: SessionStage }> {
  const user = await app.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  // Unknown users and service accounts (which have no password) cost the same argon2 verification.
  const usable = user && !user.is_service_account;
  const ok = await verifyPassword(usable ? user.password_hash : await decoy(), password);
  const refuse = async (reason: string, countFailure: boolean) => {
    await app.db.transaction().execute(async (tx) => {
      let details: Record<string, unknown> = { reason };
      if (user && countFailure) {
        const f = await recordFailure(tx, user, 'password', ip);
        details = { ...details, attempts: f.attempts };
      }
      await appendAudit(tx, { actorId: user?.id ?? null, actorName: username.slice(0, 100), action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, ip, details });
    });
    return new AppError('unauthenticated', SIGN_IN_REFUSED);
  };
  if (!user) throw await refuse('bad_credentials', false);
  // A locked account is refused even with the right password, and guesses meanwhile do not count.
  if (isLocked(user.locked_until)) throw await refuse('locked', false);
  if (user.is_service_account) throw await refuse('service_account', false);
  if (!ok) throw await refuse('bad_credentials', true);
  if (user.disabled) throw await refuse('disabled', false);
  if (user.is_demo && app.config.env === 'production') throw await refuse('demo_user_in_production', false);

  const hasMfa = await mfaEnabled(app.db, user.id);
  const sessionToken = newToken();
  const csrfToken = newToken();
  const credential = sessionCredential(sessionToken);
  const stage = stageOf(app, { mfa_pending: hasMfa, must_change_password: user.must_change_password, mfa_enabled: hasMfa });
  const started = await app.db.transaction().execute(async (tx) => {
    // The password was checked outside this transaction (it is slow): hold the user row and check again that
    // the account is still enabled with the same password, so a sign-in racing a disable or a password reset
    // cannot leave a session behind it (those delete the sessions under the same row lock).
    const now = await tx.selectFrom('users').select(['password_hash', 'disabled']).where('id', '=', user.id).forShare().executeTakeFirst();
    if (!now || now.disabled || now.password_hash !== user.password_hash) return false;
    // The failure count is cleared only by a complete sign-in: with MFA, by the code (else a known password
    // would reset the count for guessing codes).
    if (!hasMfa) await clearFailures(tx, user.id);
    await tx
      .insertInto('sessions')
      .values({
        token_hash: sha256(sessionToken),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + (hasMfa ? MFA_PENDING_MINUTES * 60_000 : app.config.sessionHours * 3_600_000)),
        ip,
        mfa_pending: hasMfa,
      })
      .execute();
    await appendAudit(tx, { actorId: user.id, actorName: user.username, action: hasMfa ? 'auth.password_ok' : 'auth.login', entityType: 'user', entityId: user.id, ip, credential, details: { stage } });
    return true;
  });
  if (!started) throw await refuse('changed_during_sign_in', false);
  return { user: toSessionUser(user), sessionToken, csrfToken, stage };
}

/**
 * Turns a session whose password step is done into a full one after the second factor: a new token and a
 * new CSRF token (the pre-MFA token is worthless from here on), the full lifetime, and the count cleared.
 */
export async function completeMfaSession(app: AppContext, oldToken: string, actor: Actor, method: 'totp' | 'recovery_code'): Promise<{ sessionToken: string; csrfToken: string }> {
  const sessionToken = newToken();
  const csrfToken = newToken();
  await app.db.transaction().execute(async (tx) => {
    const old = await tx.deleteFrom('sessions').where('token_hash', '=', sha256(oldToken)).where('mfa_pending', '=', true).returning('user_id').executeTakeFirst();
    if (!old) throw new AppError('unauthenticated', 'the sign-in has expired; sign in again');
    await tx.insertInto('sessions').values({
      token_hash: sha256(sessionToken), user_id: old.user_id, csrf_token: csrfToken, ip: actor.ip,
      expires_at: new Date(Date.now() + app.config.sessionHours * 3_600_000), mfa_pending: false,
    }).execute();
    await clearFailures(tx, old.user_id);
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'auth.login', entityType: 'user', entityId: actor.id, ip: actor.ip, credential: sessionCredential(sessionToken), details: { mfa: method, previousSession: sessionIdOf(oldToken) } });
  });
  return { sessionToken, csrfToken };
}

export async function logout(app: AppContext, sessionToken: string, actor: Actor): Promise<void> {
  await app.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('token_hash', '=', sha256(sessionToken)).execute();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'auth.logout', entityType: 'user', entityId: actor.id, ip: actor.ip, credential: actor.credential ?? sessionCredential(sessionToken) });
  });
}

/**
 * Resolves a session cookie to its user, CSRF token and stage. Expired and idle sessions are deleted when
 * met; disabled users, service accounts and (in production) demo users are refused.
 */
export async function resolveSession(app: AppContext, sessionToken: string) {
  const tokenHash = sha256(sessionToken);
  const row = await app.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('user_mfa', 'user_mfa.user_id', 'users.id')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'users.disabled', 'users.is_demo', 'users.is_service_account',
      'users.must_change_password', 'user_mfa.enabled_at as mfa_enabled_at',
      'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at', 'sessions.mfa_pending',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() <= now - app.config.sessionIdleMinutes * 60_000) {
    await app.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  if (row.disabled || row.is_service_account) return null;
  if (row.is_demo && app.config.env === 'production') return null;
  if (row.last_seen_at.getTime() < now - LAST_SEEN_GRAIN_MS) {
    await app.db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('token_hash', '=', tokenHash).execute();
  }
  const stage = stageOf(app, { mfa_pending: row.mfa_pending, must_change_password: row.must_change_password, mfa_enabled: !!row.mfa_enabled_at });
  return { user: toSessionUser(row), csrfToken: row.csrf_token, sessionId: tokenHash.slice(0, 16), stage };
}

/** Deletes expired and idle sessions (run periodically by the server, and when a session is met). */
export async function sweepSessions(app: AppContext): Promise<number> {
  const idleBefore = new Date(Date.now() - app.config.sessionIdleMinutes * 60_000);
  const res = await app.db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', idleBefore)])).executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

/**
 * Bearer tokens for API clients: stored only as a hash. A token acts only as the user who issued it for
 * themselves, or as a service account (issued by an administrator); a protection officer's token is never
 * honoured, whenever it was made.
 */
export async function resolveApiToken(app: AppContext, token: string): Promise<{ user: SessionUser; tokenId: string } | null> {
  const row = await app.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'users.disabled', 'users.is_demo', 'users.is_service_account', 'users.must_change_password',
      'api_tokens.id as token_id', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.created_by',
    ])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.revoked_at) return null;
  if (row.expires_at && row.expires_at.getTime() < Date.now()) return null;
  if (row.is_demo && app.config.env === 'production') return null;
  if (row.role === 'protection_officer') return null;
  if (!row.is_service_account && row.created_by !== row.id) return null;
  if (row.must_change_password) return null;
  return { user: toSessionUser(row), tokenId: row.token_id };
}

/** Why a user may not hold an API token, or null. */
export function tokenRefusal(user: { role: Actor['role']; disabled: boolean }): string | null {
  if (user.role === 'protection_officer') return 'protection officers cannot hold API tokens: victim identities are read only in a signed-in session';
  if (user.disabled) return 'the user is disabled';
  return null;
}

/**
 * Creates a token. Callers decide who may ask (the user for themselves, an administrator or the CLI for a
 * service account); the rules that hold whoever asks are checked here again.
 */
export async function createApiToken(app: AppContext, userId: string, name: string, actor: Actor, expiresAt?: Date): Promise<{ id: string; token: string }> {
  const token = `amaan_${newToken()}`;
  return app.db.transaction().execute(async (tx) => {
    // Held until commit, so a concurrent disable (which locks the row) cannot slip between check and insert.
    const user = await tx.selectFrom('users').select(['id', 'role', 'disabled', 'is_service_account']).where('id', '=', userId).forShare().executeTakeFirst();
    if (!user) throw notFound('user');
    if (user.disabled) throw new AppError('conflict', 'the user is disabled; enable the account before issuing a token', [{ field: 'id', message: 'user disabled' }]);
    const refusal = tokenRefusal(user);
    if (refusal) throw new AppError('forbidden', refusal);
    const createdBy = userIdOf(actor);
    if (!user.is_service_account && createdBy !== userId) throw new AppError('forbidden', 'an API token acts as the user who creates it; only service accounts get tokens from an administrator');
    const row = await tx
      .insertInto('api_tokens')
      .values({ user_id: userId, name, token_hash: sha256(token), expires_at: expiresAt ?? null, revoked_at: null, created_by: createdBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'api_token.create', entityType: 'user', entityId: userId, ip: actor.ip, credential: actor.credential, details: { tokenId: row.id, name } });
    return { id: row.id, token };
  });
}

/** Ends every session and revokes every token of a user (after an administrator's reset). */
export async function endAllCredentials(tx: Tx, userId: string): Promise<{ sessions: number; tokens: number }> {
  const s = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  const t = await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return { sessions: Number(s.numDeletedRows ?? 0), tokens: Number(t.numUpdatedRows ?? 0) };
}

/** Changes one's own password (the current one is checked and failures count toward the lockout). */
export async function changeOwnPassword(app: AppContext, actor: Actor, currentSessionToken: string | undefined, current: string, next: string): Promise<void> {
  const user = await app.db.selectFrom('users').select(['id', 'username', 'display_name', 'password_hash', 'locked_until', 'is_service_account']).where('id', '=', actor.id).executeTakeFirst();
  if (!user || user.is_service_account) throw notFound('user');
  if (isLocked(user.locked_until)) throw new AppError('unauthenticated', SIGN_IN_REFUSED);
  const ok = await verifyPassword(user.password_hash, current);
  if (!ok) {
    await app.db.transaction().execute(async (tx) => {
      const f = await recordFailure(tx, user, 'password', actor.ip, actor.credential);
      await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'auth.password_change_failed', entityType: 'user', entityId: actor.id, ip: actor.ip, credential: actor.credential, details: { attempts: f.attempts } });
    });
    throw new AppError('validation_failed', 'currentPassword: wrong password', [{ field: 'currentPassword', message: 'wrong password' }]);
  }
  if (current === next) throw new AppError('validation_failed', 'newPassword: must differ from the current password', [{ field: 'newPassword', message: 'must differ from the current password' }]);
  const problem = passwordProblem(next, [user.username, user.display_name]);
  if (problem) throw new AppError('validation_failed', `newPassword: ${problem}`, [{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(next);
  await app.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash, must_change_password: false, failed_attempts: 0, locked_until: null }).where('id', '=', user.id).execute();
    // Every other session of the user ends; the one that changed it goes on.
    let others = tx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (currentSessionToken) others = others.where('token_hash', '!=', sha256(currentSessionToken));
    const ended = await others.executeTakeFirst();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'auth.password_change', entityType: 'user', entityId: actor.id, ip: actor.ip, credential: actor.credential, details: { otherSessionsEnded: Number(ended.numDeletedRows ?? 0) } });
  });
}

function toSessionUser(u: { id: string; username: string; display_name: string; role: Actor['role']; branch_id: number | null }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, branchId: u.branch_id };
}
