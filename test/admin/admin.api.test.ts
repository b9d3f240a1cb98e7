import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';

const { engines } = await detectEngines();
const RANDOM_ID = '6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f';

describe.each(engines)('administration API on %s', (engine) => {
  let t: TestApp;
  let caseId: string;
  const CASE_TITLE = 'Confidential admin-visibility probe';
  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: CASE_TITLE, summary: 'secret summary text', offenceCodes: ['PECA-22'] });
    caseId = res.json().id;
  });
  afterAll(async () => t?.close());

  const newUser = (over: Record<string, unknown> = {}) => ({ username: `user${Math.random().toString(36).slice(2, 8)}`, displayName: 'New Officer', role: 'investigator', branchId: t.branchA, password: 'a long enough password', ...over });
  const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();

  it('refuses every non-administrator every admin endpoint with 403', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/admin'));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const r of routes) {
      const url = r.url.replace(/:[A-Za-z]+/g, RANDOM_ID);
      for (const key of Object.keys(fixtureUsers) as UserKey[]) {
        if (fixtureUsers[key].role === 'administrator') continue;
        const res = await t.call(key, r.method as 'GET', url, r.method === 'GET' || r.method === 'DELETE' ? undefined : newUser());
        expect(res.statusCode, `${key} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
  });

  it('creates a user who can then sign in, and audits it without the password', async () => {
    const body = newUser({ username: 'new.officer', displayName: 'Insp. Test' });
    const res = await t.call('admin', 'POST', '/api/v1/admin/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'new.officer', role: 'investigator', branchId: t.branchA, district: 'Muzaffargarh', disabled: false, isDemo: false, activeTokens: 0 });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'new.officer', password: body.password } });
    expect(login.statusCode).toBe(200);
    const [entry] = await auditOf('user.create');
    expect(entry!.entity_id).toBe(res.json().id);
    expect(entry!.actor_id).toBe(t.users.admin.id);
    expect(JSON.stringify(entry!.details)).not.toContain(body.password);
    // Same name in another case is the same username.
    const dup = await t.call('admin', 'POST', '/api/v1/admin/users', { ...newUser(), username: 'new.officer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('username');
  });

  const bad: Array<[string, () => Record<string, unknown>, string]> = [
    ['short password', () => newUser({ password: 'short' }), 'password'],
    ['investigator without branch', () => newUser({ branchId: null }), 'branchId'],
    ['supervisor without branch', () => newUser({ role: 'supervisor', branchId: undefined }), 'branchId'],
    ['analyst with a branch', () => newUser({ role: 'analyst' }), 'branchId'],
    ['unknown branch', () => newUser({ branchId: 999_999 }), 'branchId'],
    ['unknown role', () => newUser({ role: 'superuser' }), 'body.role'],
    ['bad username', () => newUser({ username: 'Robert"); DROP TABLE users;--' }), 'body.username'],
    ['missing display name', () => newUser({ displayName: undefined }), 'body.displayName'],
    ['demo flag', () => newUser({ isDemo: true }), 'body.isDemo'],
  ];
  it.each(bad)('refuses %s with 400 naming the field and stores nothing', async (_name, body, field) => {
    const before = await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.call('admin', 'POST', '/api/v1/admin/users', body());
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    const after = await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('never creates demo users through the API', async () => {
    const demo = await t.ctx.db.selectFrom('users').select('id').where('is_demo', '=', true).execute();
    expect(demo).toEqual([]);
  });

  it('updates role, branch and name; disables and enables; keeps the role/branch rule', async () => {
    const made = newUser();
    const id = (await t.call('admin', 'POST', '/api/v1/admin/users', made)).json().id;
    const noBranch = await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { role: 'analyst' });
    expect(noBranch.statusCode).toBe(400);
    expect(noBranch.json().errors[0].field).toBe('branchId');
    const toAnalyst = await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { role: 'analyst', branchId: null, displayName: 'Analyst Now' });
    expect(toAnalyst.statusCode).toBe(200);
    expect(toAnalyst.json()).toMatchObject({ role: 'analyst', branchId: null, displayName: 'Analyst Now' });
    const toSup = await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { role: 'supervisor', branchId: t.branchB });
    expect(toSup.json()).toMatchObject({ role: 'supervisor', branchId: t.branchB, district: 'Lahore' });
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, {})).statusCode).toBe(400);
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { isDemo: true })).statusCode).toBe(400);

    // The user's own token, created in their own session (administrators mint tokens only for service accounts).
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: made.username, password: made.password } });
    const cookie = `amaan_session=${signIn.cookies.find((c) => c.name === 'amaan_session')!.value}`;
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie, 'x-csrf-token': signIn.json().csrfToken }, payload: { name: 'script' } });
    expect(own.statusCode, own.body).toBe(201);
    const token = own.json().token;
    const asUser = () => t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } });
    expect((await asUser()).statusCode).toBe(200);
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await asUser()).statusCode).toBe(401);
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${id}`, { disabled: false })).json().disabled).toBe(false);
    expect((await asUser()).statusCode).toBe(200);
    expect((await auditOf('user.disable'))[0]!.entity_id).toBe(id);
    expect((await auditOf('user.enable'))[0]!.entity_id).toBe(id);
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${RANDOM_ID}`, { disabled: true })).statusCode).toBe(404);
  });

  it('will not disable the caller or the last administrator', async () => {
    const self = await t.call('admin', 'PATCH', `/api/v1/admin/users/${t.users.admin.id}`, { disabled: true });
    expect(self.statusCode).toBe(409);
    const demote = await t.call('admin', 'PATCH', `/api/v1/admin/users/${t.users.admin.id}`, { role: 'auditor' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().errors[0].field).toBe('role');
  });

  it('resets a password with the password rules and ends the sessions', async () => {
    const body = newUser();
    const id = (await t.call('admin', 'POST', '/api/v1/admin/users', body)).json().id;
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: body.username, password: body.password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const short = await t.call('admin', 'POST', `/api/v1/admin/users/${id}/password`, { password: 'too short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('password');
    expect((await t.call('admin', 'POST', `/api/v1/admin/users/${id}/password`, { password: 'another long password' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: body.username, password: body.password } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: body.username, password: 'another long password' } })).statusCode).toBe(200);
    const [entry] = await auditOf('user.password_reset');
    expect(entry!.entity_id).toBe(id);
    expect(JSON.stringify(entry!.details)).not.toContain('another long password');
  });

  it('issues a service account a token once, lists tokens without secrets, and revokes', async () => {
    const id = (await t.call('admin', 'POST', '/api/v1/admin/users', newUser({ role: 'analyst', branchId: null, password: undefined, serviceAccount: true }))).json().id;
    const created = await t.call('admin', 'POST', `/api/v1/admin/users/${id}/tokens`, { name: 'intake bot' });
    expect(created.statusCode).toBe(201);
    const { token, id: tokenId } = created.json();
    expect(token).toMatch(/^amaan_/);
    const list = await t.call('admin', 'GET', `/api/v1/admin/users/${id}/tokens`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: tokenId, name: 'intake bot', active: true, revokedAt: null })]);
    expect(list.body).not.toContain(token);
    const stored = await t.ctx.db.selectFrom('api_tokens').select('token_hash').where('id', '=', tokenId).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await t.call('admin', 'GET', `/api/v1/admin/users/${id}`)).json().activeTokens).toBe(1);
    const use = () => t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } });
    expect((await use()).statusCode).toBe(200);
    expect((await t.call('admin', 'DELETE', `/api/v1/admin/users/${id}/tokens/${tokenId}`)).statusCode).toBe(200);
    expect((await use()).statusCode).toBe(401);
    expect((await t.call('admin', 'GET', `/api/v1/admin/users/${id}/tokens`)).json().items[0].active).toBe(false);
    expect((await auditOf('api_token.revoke'))[0]!.details).toMatchObject({ tokenId });
    expect((await auditOf('api_token.create')).some((e) => e.entity_id === id)).toBe(true);
    expect((await t.call('admin', 'DELETE', `/api/v1/admin/users/${id}/tokens/${RANDOM_ID}`)).statusCode).toBe(404);
    const past = await t.call('admin', 'POST', `/api/v1/admin/users/${id}/tokens`, { name: 'old', expiresAt: '2000-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('expiresAt');
  });

  it('lists users, branches with staff counts and the team overview, without case content', async () => {
    const users = await t.call('admin', 'GET', '/api/v1/admin/users?role=investigator&limit=200');
    expect(users.statusCode).toBe(200);
    expect(users.json().items.every((u: { role: string }) => u.role === 'investigator')).toBe(true);
    const search = (await t.call('admin', 'GET', '/api/v1/admin/users?q=INVA')).json();
    expect(search.items.map((u: { username: string }) => u.username).sort()).toEqual(['inva', 'inva2']);

    const branches = (await t.call('admin', 'GET', '/api/v1/admin/branches?limit=200')).json();
    expect(branches.total).toBeGreaterThan(100);
    const page2 = (await t.call('admin', 'GET', '/api/v1/admin/branches?limit=200&offset=100')).json();
    const muz = [...branches.items, ...page2.items].find((b: { district: string }) => b.district === 'Muzaffargarh');
    expect(muz.investigators).toBeGreaterThanOrEqual(2);
    expect(muz.supervisors).toBeGreaterThanOrEqual(1);

    const team = await t.call('admin', 'GET', `/api/v1/admin/team-overview?branchId=${t.branchA}`);
    expect(team.statusCode).toBe(200);
    const invA = team.json().items.find((u: { userId: string }) => u.userId === t.users.invA.id);
    expect(invA).toMatchObject({ cases: 1, asLead: 1 });

    for (const r of [users, team]) {
      expect(r.body).not.toContain(CASE_TITLE);
      expect(r.body).not.toContain(caseId);
      expect(r.body).not.toContain('secret summary text');
    }
    // And the case itself stays closed to the administrator.
    expect((await t.call('admin', 'GET', `/api/v1/cases/${caseId}`)).statusCode).toBe(403);
    expect((await t.call('admin', 'GET', `/api/v1/cases/${caseId}/export`)).statusCode).toBe(403);
  });
});
