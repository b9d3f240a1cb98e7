import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { createApiToken, endAllCredentials } from '../../platform/auth/auth.service.ts';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { Role } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { branchRoles, type CreateUserInput, type ListUsersQuery, type UpdateUserInput } from './admin.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { advisoryXactLock, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';

// Users, API tokens, branches and team load for the administrator. No query here reads a case's content:
// the team overview counts memberships and nothing else.
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Investigators and supervisors belong to exactly one branch; every other role to none. */
export function roleBranchProblem(role: Role, branchId: number | null | undefined): { field: 'branchId'; message: string } | null {
  if (branchRoles.has(role) && !branchId) return { field: 'branchId', message: `required for the role ${role}` };
  if (!branchRoles.has(role) && branchId) return { field: 'branchId', message: `must be empty for the role ${role}: only investigators and supervisors belong to a branch` };
  return null;
}

/** Service accounts hold tokens: never the roles that read victim identities or manage users. */
const serviceAccountRoles = (role: Role) => role !== 'protection_officer' && role !== 'administrator';
/** Not an argon2 hash: no password ever verifies against it. */
const NO_PASSWORD = '!service-account: no password';

function checkPassword(password: string, userInputs: string[] = []) {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw invalid('password', problem);
}

async function assertBranch(tx: Tx, branchId: number | null | undefined) {
  if (!branchId) return;
  const b = await tx.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst();
  if (!b) throw invalid('branchId', 'unknown branch');
}

const userExtras = ['users.is_service_account', 'users.must_change_password', 'users.locked_until', sql<boolean>`EXISTS (SELECT 1 FROM user_mfa m WHERE m.user_id = users.id AND m.enabled_at IS NOT NULL)`.as('mfa_enabled')] as const;
const activeTokenCount = sql<number>`(SELECT count(*) FROM api_tokens t WHERE t.user_id = users.id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()))`;

function userQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('users')
    .leftJoin('branches', 'branches.id', 'users.branch_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'branches.district', 'users.disabled', 'users.is_demo', 'users.created_at'])
    .select(userExtras)
    .select(activeTokenCount.as('active_tokens'));
}

type UserRow = {
  id: string; username: string; display_name: string; role: Role; branch_id: number | null; district: string | null; disabled: boolean; is_demo: boolean; created_at: Date; active_tokens: number;
  is_service_account: boolean; must_change_password: boolean; locked_until: Date | null; mfa_enabled: boolean;
};
const toUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
  branchId: u.branch_id,
  district: u.district,
  disabled: u.disabled,
  isDemo: u.is_demo,
  serviceAccount: u.is_service_account,
  mfaEnabled: !!u.mfa_enabled,
  mustChangePassword: u.must_change_password,
  lockedUntil: u.locked_until && u.locked_until.getTime() > Date.now() ? u.locked_until.toISOString() : null,
  activeTokens: Number(u.active_tokens),
  createdAt: u.created_at.toISOString(),
});

export async function listUsers(ctx: ServiceContext, q: ListUsersQuery) {
  let query = ctx.db.selectFrom('users');
  if (q.role) query = query.where('users.role', '=', q.role);
  if (q.branchId) query = query.where('users.branch_id', '=', q.branchId);
  if (q.disabled !== undefined) query = query.where('users.disabled', '=', q.disabled);
  if (q.q) {
    const like = `%${escapeLike(q.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['users.username']), 'like', like), eb(eb.fn('lower', ['users.display_name']), 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query
      .leftJoin('branches', 'branches.id', 'users.branch_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'branches.district', 'users.disabled', 'users.is_demo', 'users.created_at'])
      .select(userExtras)
      .select(activeTokenCount.as('active_tokens'))
      .orderBy('users.username')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUser), total: Number(total.n), limit: q.limit, offset: q.offset };
}

export async function getUser(ctx: ServiceContext, id: string) {
  const row = await userQuery(ctx).where('users.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function findUserByUsername(ctx: ServiceContext, name: string) {
  const row = await userQuery(ctx).where(sql`lower(users.username)`, '=', name.toLowerCase()).executeTakeFirst();
  if (!row) throw notFound(`user ${name}`);
  return toUser(row);
}

/** Creates a user. Demo users are never created here: only the demo loader marks users as demo. */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<string> {
  const branch = roleBranchProblem(input.role, input.branchId);
  if (branch) throw invalid(branch.field, branch.message);
  const service = input.serviceAccount === true;
  if (service && !serviceAccountRoles(input.role)) throw invalid('role', `a service account cannot be a ${input.role}`);
  if (!service && input.password === undefined) throw invalid('password', 'required');
  if (!service) checkPassword(input.password!, [input.username, input.displayName]);
  const passwordHash = service ? NO_PASSWORD : await hashPassword(input.password!);
  return inTransaction(ctx, async (tx, audit) => {
    await assertBranch(tx, input.branchId);
    const taken = await tx.selectFrom('users').select('id').where(sql`lower(username)`, '=', input.username.toLowerCase()).executeTakeFirst();
    if (taken) throw conflict(`the username ${input.username} is taken`, 'username');
    const row = await tx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, branch_id: input.branchId ?? null, password_hash: passwordHash, is_demo: false, disabled: false, is_service_account: service })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({ action: 'user.create', entityType: 'user', entityId: row.id, details: { username: input.username, role: input.role, branchId: input.branchId ?? null, serviceAccount: service } });
    return row.id;
  });
}

async function enabledAdministratorsOtherThan(tx: Tx, id: string): Promise<number> {
  const r = await tx.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'administrator').where('disabled', '=', false).where('id', '!=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    // "Is another administrator still enabled?" reads other users' rows: without one lock over the set, two
    // administrators disabling each other at once would both see the other enabled and both succeed. Then the
    // user row itself (NO KEY UPDATE: rows referencing the user may still be inserted meanwhile).
    await advisoryXactLock(tx, LOCK_CLASS.administrators, 'enabled');
    const user = await tx.selectFrom('users').select(['id', 'username', 'role', 'branch_id', 'disabled', 'display_name', 'is_service_account']).where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
    if (!user) throw notFound('user');
    const role = input.role ?? user.role;
    if (user.is_service_account && !serviceAccountRoles(role)) throw invalid('role', `a service account cannot be a ${role}`);
    const branchId = input.branchId === undefined ? user.branch_id : input.branchId;
    const branch = input.role !== undefined || input.branchId !== undefined ? roleBranchProblem(role, branchId) : null;
    if (branch) throw invalid(branch.field, input.role && input.branchId === undefined ? `${branch.message} (send branchId with the new role)` : branch.message);
    await assertBranch(tx, branchId);
    const disabling = input.disabled === true && !user.disabled;
    const demoting = user.role === 'administrator' && role !== 'administrator';
    if (disabling && id === ctx.actor.id) throw conflict('you cannot disable your own account; ask another administrator', 'disabled');
    if (user.role === 'administrator' && !user.disabled && (disabling || demoting) && (await enabledAdministratorsOtherThan(tx, id)) === 0) {
      throw conflict('this is the last enabled administrator; create or enable another one first', disabling ? 'disabled' : 'role');
    }
    const set: { display_name?: string; role?: Role; branch_id?: number | null; disabled?: boolean } = {};
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if (input.displayName !== undefined && input.displayName !== user.display_name) {
      set.display_name = input.displayName;
      changed.displayName = { from: user.display_name, to: input.displayName };
    }
    if (role !== user.role) {
      set.role = role;
      changed.role = { from: user.role, to: role };
    }
    if (branchId !== user.branch_id) {
      set.branch_id = branchId;
      changed.branchId = { from: user.branch_id, to: branchId };
    }
    if (input.disabled !== undefined && input.disabled !== user.disabled) {
      set.disabled = input.disabled;
      changed.disabled = { from: user.disabled, to: input.disabled };
    }
    if (!Object.keys(changed).length) return;
    await tx.updateTable('users').set(set).where('id', '=', id).execute();
    // A disabled account, or one whose role changed, signs in again: its sessions end now.
    if (set.disabled === true || set.role !== undefined) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    // A protection officer holds no API token: any the user had are revoked with the change of role.
    if (set.role === 'protection_officer') await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
    const action = set.disabled === true ? 'user.disable' : set.disabled === false ? 'user.enable' : 'user.update';
    await audit({ action, entityType: 'user', entityId: id, details: { username: user.username, changed } });
  });
}

/**
 * An administrator sets a new password: the user must change it at the next sign-in (and can do nothing
 * else until then), and every session and API token of the user ends now. The lockout is cleared.
 */
export async function resetPassword(ctx: ServiceContext, id: string, password: string): Promise<void> {
  const target = await ctx.db.selectFrom('users').select(['id', 'username', 'display_name', 'is_service_account']).where('id', '=', id).executeTakeFirst();
  if (!target) throw notFound('user');
  if (target.is_service_account) throw invalid('password', 'a service account has no password');
  checkPassword(password, [target.username, target.display_name]);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx, audit) => {
    // Locked: a sign-in checking the old password waits, then finds the hash changed (auth.service.ts login).
    const user = await tx.selectFrom('users').select(['id', 'username']).where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
    if (!user) throw notFound('user');
    await tx.updateTable('users').set({ password_hash: passwordHash, must_change_password: true, failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
    const ended = await endAllCredentials(tx, id);
    await audit({ action: 'user.password_reset', entityType: 'user', entityId: id, details: { username: user.username, sessionsEnded: ended.sessions, tokensRevoked: ended.tokens } });
  });
}

/** Switches a user's second factor off (lost phone): they enrol again at the next sign-in; sessions end. */
export async function resetMfa(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const user = await tx.selectFrom('users').select(['id', 'username']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!user) throw notFound('user');
    const gone = await tx.deleteFrom('user_mfa').where('user_id', '=', id).executeTakeFirst();
    await tx.deleteFrom('mfa_recovery_codes').where('user_id', '=', id).execute();
    await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await tx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
    await audit({ action: 'user.mfa_reset', entityType: 'user', entityId: id, details: { username: user.username, hadMfa: Number(gone.numDeletedRows ?? 0) > 0 } });
  });
}

export async function listTokens(ctx: ServiceContext, userId: string) {
  const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  const rows = await ctx.db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'expires_at', 'revoked_at']).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
  const now = Date.now();
  return {
    items: rows.map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at.toISOString(),
      expiresAt: iso(t.expires_at),
      revokedAt: iso(t.revoked_at),
      active: !t.revoked_at && (!t.expires_at || t.expires_at.getTime() > now),
    })),
  };
}

/**
 * A new API token for a service account, returned once (only its hash is kept). An administrator never
 * mints a token for a person: people create their own (POST /auth/tokens), so nobody acts as someone else.
 */
export async function issueToken(ctx: ServiceContext, userId: string, input: { name: string; expiresAt?: string }) {
  const user = await ctx.db.selectFrom('users').select(['id', 'disabled', 'is_service_account']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  if (!user.is_service_account) {
    throw new AppError('forbidden', 'API tokens are issued by an administrator only to service accounts; people create their own under My account', [{ field: 'id', message: 'not a service account' }]);
  }
  if (user.disabled) throw conflict('the user is disabled; enable the account before issuing a token', 'id');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : undefined;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalid('expiresAt', 'must be in the future');
  const { id, token } = await createApiToken(ctx, userId, input.name, ctx.actor, expiresAt);
  return { id, name: input.name, token, expiresAt: iso(expiresAt ?? null) };
}

export async function revokeToken(ctx: ServiceContext, userId: string, tokenId: string): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const token = await tx.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', tokenId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
    if (!token) throw notFound('token');
    if (token.revoked_at) return;
    await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).execute();
    await audit({ action: 'api_token.revoke', entityType: 'user', entityId: userId, details: { tokenId, name: token.name } });
  });
}

export async function listBranchStaff(ctx: ServiceContext, q: { province?: string; limit: number; offset: number }) {
  let query = ctx.db.selectFrom('branches');
  if (q.province) query = query.where('branches.province', '=', q.province);
  const staff = (filter: ReturnType<typeof sql>) =>
    sql<number>`(SELECT count(*) FROM users u WHERE u.branch_id = branches.id AND ${filter})`;
  const [rows, total] = await Promise.all([
    query
      .select(['branches.id', 'branches.code', 'branches.district', 'branches.province', 'branches.division'])
      .select([
        staff(sql`true`).as('staff'),
        staff(sql`NOT u.disabled`).as('enabled_staff'),
        staff(sql`NOT u.disabled AND u.role = 'investigator'`).as('investigators'),
        staff(sql`NOT u.disabled AND u.role = 'supervisor'`).as('supervisors'),
      ])
      .orderBy('branches.province')
      .orderBy('branches.district')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((b) => ({ id: b.id, code: b.code, district: b.district, province: b.province, division: b.division, staff: Number(b.staff), enabledStaff: Number(b.enabled_staff), investigators: Number(b.investigators), supervisors: Number(b.supervisors) })),
    total: Number(total.n),
    limit: q.limit,
    offset: q.offset,
  };
}

/** How many cases each user is on (and leads): counts only, never which cases. */
export async function teamOverview(ctx: ServiceContext, q: { branchId?: number; role?: Role; limit: number; offset: number }) {
  let query = ctx.db.selectFrom('users');
  if (q.branchId) query = query.where('users.branch_id', '=', q.branchId);
  if (q.role) query = query.where('users.role', '=', q.role);
  else query = query.where('users.role', 'in', ['investigator', 'supervisor', 'prosecutor']);
  const cases = sql<number>`(SELECT count(*) FROM case_team ct WHERE ct.user_id = users.id)`;
  const leads = sql<number>`(SELECT count(*) FROM case_team ct WHERE ct.user_id = users.id AND ct.team_role = 'lead')`;
  const [rows, total] = await Promise.all([
    query
      .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.branch_id', 'users.disabled'])
      .select([cases.as('cases'), leads.as('leads')])
      .orderBy(cases, 'desc')
      .orderBy('users.username')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((u) => ({ userId: u.id, username: u.username, displayName: u.display_name, role: u.role, branchId: u.branch_id, disabled: u.disabled, cases: Number(u.cases), asLead: Number(u.leads) })),
    total: Number(total.n),
    limit: q.limit,
    offset: q.offset,
  };
}

