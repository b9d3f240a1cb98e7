import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, detectEngines, FIXTURE_PASSWORD, type TestApp } from '../support/harness.ts';
import { sha256 } from '../../src/platform/auth/auth.service.ts';

// Nobody acts as someone else: API tokens act only as the user who made them for themselves, or as a
// service account; never as a protection officer; an administrator's password reset ends everything.
const { engines } = await detectEngines();
const GOOD_PASSWORD = 'a long enough password';

describe.each(engines)('API tokens and password resets on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.close());

  type Session = { cookie: string; csrf: string };
  const signIn = async (username: string, password = FIXTURE_PASSWORD): Promise<Session & { res: LightMyRequestResponse }> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    const c = res.cookies.find((x) => x.name === 'amaan_session');
    return { res, cookie: c ? `amaan_session=${c.value}` : '', csrf: res.statusCode === 200 ? res.json().csrfToken : '' };
  };
  const as = (s: Session, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(body === undefined ? {} : { payload: body as object }) });
  const bearer = (token: string, url = '/api/v1/auth/me') => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const newUser = async (username: string, role = 'analyst', extra: Record<string, unknown> = {}) => {
    const res = await t.call('admin', 'POST', '/api/v1/admin/users', { username, displayName: `User ${username}`, role, branchId: role === 'investigator' ? t.branchA : null, password: GOOD_PASSWORD, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();

  it('lets a user list, create and revoke their own tokens, which act as them only', async () => {
    const s = await signIn('inva');
    const made = await as(s, 'POST', '/api/v1/auth/tokens', { name: 'my script' });
    expect(made.statusCode, made.body).toBe(201);
    const { token, id } = made.json();
    expect((await bearer(token)).json().user.username).toBe('inva');
    const list = await as(s, 'GET', '/api/v1/auth/tokens');
    expect(list.json().items).toContainEqual(expect.objectContaining({ id, name: 'my script', active: true }));
    expect(list.body).not.toContain(token);
    // Another user's token is not theirs to revoke (404), and a token cannot mint a token.
    const other = (await t.call('invB', 'GET', '/api/v1/auth/tokens')).json().items[0].id;
    expect((await as(s, 'DELETE', `/api/v1/auth/tokens/${other}`)).statusCode).toBe(404);
    const byToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'child' } });
    expect(byToken.statusCode).toBe(403);
    expect((await as(s, 'DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(401);
    const created = await auditOf('api_token.create');
    expect(created[0]).toMatchObject({ actor_id: t.users.invA.id, entity_id: t.users.invA.id });
  });

  it('refuses protection officers a token at issue and refuses the one they had before', async () => {
    // The harness gave prot a token before the rule (created by themselves): it is refused everywhere.
    expect((await bearer(t.users.prot.token)).statusCode).toBe(401);
    expect((await bearer(t.users.prot.token, '/api/v1/victims')).statusCode).toBe(401);
    // t.call works for protection officers through a signed-in session.
    expect((await t.call('prot', 'GET', '/api/v1/auth/me')).json().user.username).toBe('prot');
    const s = await signIn('prot');
    const mine = await as(s, 'POST', '/api/v1/auth/tokens', { name: 'mine' });
    expect(mine.statusCode).toBe(403);
    expect(mine.json().detail).toContain('protection officers');
    const stored = await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', t.users.prot.id).execute();
    expect(stored).toHaveLength(1);
  });

  it('lets an administrator mint tokens only for service accounts, never for a protection officer or an investigator', async () => {
    for (const who of ['prot', 'invA'] as const) {
      const res = await t.call('admin', 'POST', `/api/v1/admin/users/${t.users[who].id}/tokens`, { name: 'acting as' });
      expect(res.statusCode, who).toBe(403);
      expect(res.json().errors[0].field).toBe('id');
    }
    expect(await t.ctx.db.selectFrom('api_tokens').select('id').where('name', '=', 'acting as').execute()).toEqual([]);
    // A service account: no password, no sign-in, tokens from the administrator.
    const noPassword = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'intake.bot', displayName: 'Intake', role: 'investigator', branchId: t.branchA, serviceAccount: true, password: GOOD_PASSWORD });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().errors[0].field).toBe('body.password');
    const badRole = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'prot.bot', displayName: 'Bot', role: 'protection_officer', serviceAccount: true });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().errors[0].field).toBe('role');
    const bot = await newUser('intake.bot', 'investigator', { serviceAccount: true, password: undefined });
    expect((await t.call('admin', 'GET', `/api/v1/admin/users/${bot}`)).json()).toMatchObject({ serviceAccount: true, mfaEnabled: false });
    const minted = await t.call('admin', 'POST', `/api/v1/admin/users/${bot}/tokens`, { name: 'platform intake' });
    expect(minted.statusCode, minted.body).toBe(201);
    expect((await bearer(minted.json().token)).json().user.username).toBe('intake.bot');
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${bot}`, { role: 'administrator', branchId: null })).statusCode).toBe(400);
    // Never a password sign-in, whatever is typed (the stored hash is no hash).
    expect((await signIn('intake.bot', '!service-account: no password')).res.statusCode).toBe(401);
    expect((await auditOf('auth.login_failed'))[0]!.details).toMatchObject({ reason: 'service_account' });
  });

  it('refuses a token that an administrator made for a person before the rule', async () => {
    const token = 'amaan_legacy-token-made-by-an-administrator-for-inva-xxxxxxxx';
    await t.ctx.db.insertInto('api_tokens').values({ user_id: t.users.invA.id, name: 'legacy', token_hash: sha256(token), expires_at: null, revoked_at: null, created_by: t.users.admin.id }).execute();
    expect((await bearer(token)).statusCode).toBe(401);
    const nullCreator = 'amaan_legacy-token-from-the-cli-for-inva-yyyyyyyyyyyyyyyyyyyyyy';
    await t.ctx.db.insertInto('api_tokens').values({ user_id: t.users.invA.id, name: 'legacy cli', token_hash: sha256(nullCreator), expires_at: null, revoked_at: null, created_by: null }).execute();
    expect((await bearer(nullCreator)).statusCode).toBe(401);
  });

  it('revokes tokens when a user becomes a protection officer', async () => {
    const id = await newUser('soon.prot');
    const s = await signIn('soon.prot', GOOD_PASSWORD);
    const { token } = (await as(s, 'POST', '/api/v1/auth/tokens', { name: 'before' })).json();
    expect((await bearer(token)).statusCode).toBe(200);
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { role: 'protection_officer' })).statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(401);
    const row = await t.ctx.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  it('makes an administrator\'s reset end every session and token and force a change before anything else', async () => {
    const id = await newUser('reset.me');
    const s = await signIn('reset.me', GOOD_PASSWORD);
    const { token } = (await as(s, 'POST', '/api/v1/auth/tokens', { name: 'old' })).json();
    const weak = await t.call('admin', 'POST', `/api/v1/admin/users/${id}/password`, { password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ field: 'password' });
    expect(weak.json().errors[0].message).toContain('too common');
    expect((await t.call('admin', 'POST', `/api/v1/admin/users/${id}/password`, { password: 'temporary pass from the desk' })).statusCode).toBe(200);
    expect((await as(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await bearer(token)).statusCode).toBe(401);
    expect((await auditOf('user.password_reset'))[0]!.details).toMatchObject({ username: 'reset.me', sessionsEnded: 1, tokensRevoked: 1 });

    const fresh = await signIn('reset.me', 'temporary pass from the desk');
    expect(fresh.res.json().stage).toBe('password_change_required');
    const blocked = await as(fresh, 'GET', '/api/v1/cases');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('sign_in_incomplete');
    expect((await as(fresh, 'POST', '/api/v1/auth/tokens', { name: 'sneaky' })).statusCode).toBe(403);
    expect((await as(fresh, 'GET', '/api/v1/auth/me')).json().stage).toBe('password_change_required');
    const common = await as(fresh, 'POST', '/api/v1/auth/password', { currentPassword: 'temporary pass from the desk', newPassword: 'iloveyou12345' });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0].field).toBe('newPassword');
    const wrong = await as(fresh, 'POST', '/api/v1/auth/password', { currentPassword: 'not the password at all', newPassword: 'my own new long phrase 42' });
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const changed = await as(fresh, 'POST', '/api/v1/auth/password', { currentPassword: 'temporary pass from the desk', newPassword: 'my own new long phrase 42' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await as(fresh, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    expect((await as(fresh, 'GET', '/api/v1/auth/me')).json().stage).toBe('full');
    expect((await auditOf('auth.password_change'))[0]!.actor_id).toBe(id);
  });

  it('checks new passwords against common passwords and the minimum length, naming the field', async () => {
    for (const password of ['short', 'password1234', 'qwertyuiop123', 'P@ssw0rd12345']) {
      const res = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'weak.one', displayName: 'Weak One', role: 'analyst', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0].field).toMatch(/^(body\.)?password$/);
    }
  });
});
