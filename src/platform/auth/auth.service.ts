import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { AppError } from '../http/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'amaan_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | undefined;

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Actor['role'];
  branchId: number | null;
}

export async function login(
  app: AppContext,
  username: string,
  password: string,
  ip: string | null,
): Promise<{ user: SessionUser; sessionToken: string; csrfToken: string }> {
  const user = await app.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  decoyHash ??= hashPassword('decoy-password-for-timing');
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  const refuse = async (reason: string) => {
    await app.db.transaction().execute((tx) =>
      appendAudit(tx, { actorId: user?.id ?? null, actorName: username.slice(0, 100), action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, ip, details: { reason } }),
    );
    return new AppError('unauthenticated', 'wrong username or password');
  };
  if (!user || !ok) throw await refuse('bad_credentials');
  if (user.disabled) throw await refuse('disabled');
  if (user.is_demo && app.config.env === 'production') throw await refuse('demo_user_in_production');

  const sessionToken = newToken();
  const csrfToken = newToken();
  const started = await app.db.transaction().execute(async (tx) => {
    // The password was checked outside this transaction (it is slow): hold the user row and check again that
    // the account is still enabled with the same password, so a sign-in racing a disable or a password reset
    // cannot leave a session behind it (those delete the sessions under the same row lock).
    const now = await tx.selectFrom('users').select(['password_hash', 'disabled']).where('id', '=', user.id).forShare().executeTakeFirst();
    if (!now || now.disabled || now.password_hash !== user.password_hash) return false;
    await tx
      .insertInto('sessions')
      .values({
        token_hash: sha256(sessionToken),
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: new Date(Date.now() + app.config.sessionHours * 3_600_000),
        ip,
      })
      .execute();
    await appendAudit(tx, { actorId: user.id, actorName: user.username, action: 'auth.login', entityType: 'user', entityId: user.id, ip });
    return true;
  });
  if (!started) throw await refuse('changed_during_sign_in');
  return { user: toSessionUser(user), sessionToken, csrfToken };
}

export async function logout(app: AppContext, sessionToken: string, actor: Actor): Promise<void> {
  await app.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('sessions').where('token_hash', '=', sha256(sessionToken)).execute();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'auth.logout', entityType: 'user', entityId: actor.id, ip: actor.ip });
  });
}

/** Resolves a session cookie to its user and CSRF token; expired sessions and disabled users are refused. */
export async function resolveSession(app: AppContext, sessionToken: string) {
  const row = await app.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'users.disabled', 'users.is_demo', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(sessionToken))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at.getTime() < Date.now()) return null;
  if (row.is_demo && app.config.env === 'production') return null;
  // A session is named in the trail by a prefix of its token's hash: stable, and useless to an attacker.
  return { user: toSessionUser(row), csrfToken: row.csrf_token, sessionId: sha256(sessionToken).slice(0, 16) };
}

/** Bearer tokens for API clients (platform intake, scripts): stored only as a hash. */
export async function resolveApiToken(app: AppContext, token: string): Promise<{ user: SessionUser; tokenId: string } | null> {
  const row = await app.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'users.disabled', 'users.is_demo', 'api_tokens.id as token_id', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.revoked_at) return null;
  if (row.expires_at && row.expires_at.getTime() < Date.now()) return null;
  if (row.is_demo && app.config.env === 'production') return null;
  return { user: toSessionUser(row), tokenId: row.token_id };
}

export async function createApiToken(app: AppContext, userId: string, name: string, actor: Actor, expiresAt?: Date): Promise<{ id: string; token: string }> {
  const token = `amaan_${newToken()}`;
  return app.db.transaction().execute(async (tx) => {
    // Held until commit, so a concurrent disable (which locks the row) cannot slip between check and insert.
    const user = await tx.selectFrom('users').select(['id', 'disabled']).where('id', '=', userId).forShare().executeTakeFirst();
    if (!user) throw new AppError('not_found', 'user not found');
    if (user.disabled) throw new AppError('conflict', 'the user is disabled; enable the account before issuing a token', [{ field: 'id', message: 'user disabled' }]);
    const row = await tx
      .insertInto('api_tokens')
      .values({ user_id: userId, name, token_hash: sha256(token), expires_at: expiresAt ?? null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, { actorId: actor.id, actorName: actor.username, action: 'api_token.create', entityType: 'user', entityId: userId, ip: actor.ip, details: { tokenId: row.id, name } });
    return { id: row.id, token };
  });
}

function toSessionUser(u: { id: string; username: string; display_name: string; role: Actor['role']; branch_id: number | null }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, branchId: u.branch_id };
}
