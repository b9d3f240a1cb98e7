import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';

// The staff directory a branch supervisor picks a case team and protection officers from.
const { engines } = await detectEngines();

describe.each(engines)('staff directory API on %s', (engine) => {
  let t: TestApp;
  let disabledProtId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const created = await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'gone.officer', displayName: 'Gone Officer', role: 'protection_officer', password: 'a long enough password' });
    expect(created.statusCode).toBe(201);
    disabledProtId = created.json().id;
    expect((await t.call('admin', 'PATCH', `/api/v1/admin/users/${disabledProtId}`, { disabled: true })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const ids = (res: { json: () => { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id).sort();
  const idsOf = (...keys: UserKey[]) => keys.map((k) => t.users[k].id).sort();

  it('is for branch supervisors only: every other role gets 403 problem+json', async () => {
    for (const key of Object.keys(fixtureUsers) as UserKey[]) {
      const res = await t.call(key, 'GET', '/api/v1/staff');
      if (fixtureUsers[key].role === 'supervisor') expect(res.statusCode, key).toBe(200);
      else {
        expect(res.statusCode, key).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('forbidden');
      }
    }
    expect((await t.call(null, 'GET', '/api/v1/staff')).statusCode).toBe(401);
  });

  it('lists only the investigators of the supervisor\'s own branch', async () => {
    const a = await t.call('supA', 'GET', '/api/v1/staff?role=investigator');
    expect(a.statusCode).toBe(200);
    expect(ids(a)).toEqual(idsOf('invA', 'invA2'));
    expect(a.json().total).toBe(2);
    expect(ids(await t.call('supB', 'GET', '/api/v1/staff?role=investigator'))).toEqual(idsOf('invB'));
    // Asking for another branch answers nobody rather than its staff.
    const other = await t.call('supA', 'GET', `/api/v1/staff?role=investigator&branchId=${t.users.invB.branchId}`);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ items: [], total: 0 });
    expect(ids(await t.call('supA', 'GET', `/api/v1/staff?branchId=${t.branchA}`))).toEqual(idsOf('invA', 'invA2', 'supA'));
  });

  it('lists every active protection officer and prosecutor (they belong to no branch), never disabled accounts', async () => {
    for (const sup of ['supA', 'supB'] as const) {
      const res = await t.call(sup, 'GET', '/api/v1/staff?role=protection_officer');
      expect(ids(res)).toEqual(idsOf('prot', 'prot2'));
      expect(ids(res)).not.toContain(disabledProtId);
      expect(res.json().items[0]).toMatchObject({ role: 'protection_officer', branchId: null, district: null });
    }
    expect(ids(await t.call('supA', 'GET', '/api/v1/staff?role=prosecutor'))).toEqual(idsOf('prosecutor'));
    // Everyone pickable for supA: own branch staff, prosecutors, protection officers; no analyst, admin, other branch.
    expect(ids(await t.call('supA', 'GET', '/api/v1/staff'))).toEqual(idsOf('invA', 'invA2', 'supA', 'prot', 'prot2', 'prosecutor'));
  });

  it('answers only id, display name, role and branch: no username, password data or tokens', async () => {
    const res = await t.call('supA', 'GET', '/api/v1/staff?role=investigator&q=');
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['branchId', 'displayName', 'district', 'id', 'role']);
    const invA = res.json().items.find((i: { id: string }) => i.id === t.users.invA.id);
    expect(invA).toMatchObject({ role: 'investigator', branchId: t.branchA, district: 'Muzaffargarh' });
    expect(res.body).not.toMatch(/password|hash|token|username/i);
    expect(res.body).not.toContain(t.users.invA.username);
  });

  it('pages and searches by display name', async () => {
    const page = await t.call('supA', 'GET', '/api/v1/staff?limit=1&offset=1&role=investigator');
    expect(page.json()).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.json().items).toHaveLength(1);
    const all = (await t.call('supA', 'GET', '/api/v1/staff?role=investigator')).json().items as Array<{ displayName: string }>;
    const found = await t.call('supA', 'GET', `/api/v1/staff?q=${encodeURIComponent(all[0].displayName.toUpperCase())}`);
    expect(found.json().items.map((i: { displayName: string }) => i.displayName)).toContain(all[0].displayName);
  });

  it.each([
    ['role=analyst', 'querystring.role'],
    ['role=administrator', 'querystring.role'],
    ['branchId=abc', 'querystring.branchId'],
    ['limit=0', 'querystring.limit'],
    ['password=x', 'querystring.password'],
  ])('refuses %s with 400 problem+json naming the field', async (query, field) => {
    const res = await t.call('supA', 'GET', `/api/v1/staff?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('does not audit a read of staff names, and shows up in the OpenAPI document', async () => {
    const before = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.call('supA', 'GET', '/api/v1/staff');
    const after = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/staff']?.get).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/staff'].get.responses)).not.toMatch(/password|username/);
  });
});
