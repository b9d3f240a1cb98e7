import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';

// Bad input always gets a 4xx problem+json naming the field, and never leaves anything stored.
const { engines } = await detectEngines();

describe.each(engines)('bad input on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const counts = async () => {
    const n = async (table: 'cases' | 'case_offences' | 'case_team' | 'audit_log' | 'case_events') =>
      Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { cases: await n('cases'), offences: await n('case_offences'), team: await n('case_team'), audit: await n('audit_log'), events: await n('case_events') };
  };
  const valid = () => ({ branchId: t.branchA, title: 'Valid title', offenceCodes: ['PECA-22'] });
  const raw = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/cases', payload, headers: { authorization: `Bearer ${t.users.invA.token}`, 'content-type': 'application/json', ...headers } });

  const cases: Array<[string, () => Promise<{ statusCode: number; json: () => { errors?: Array<{ field: string }>; status: number } ; headers: Record<string, unknown> }>, number, string | null]> = [
    ['wrong type', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), branchId: 'one' }), 400, 'body.branchId'],
    ['missing field', () => t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, offenceCodes: ['PECA-22'] }), 400, 'body.title'],
    ['extra field', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), isAdmin: true }), 400, 'body.isAdmin'],
    ['empty offences', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), offenceCodes: [] }), 400, 'body.offenceCodes'],
    ['unknown offence', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), offenceCodes: ['PECA-22', 'NOPE-1'] }), 400, 'offenceCodes'],
    ['SQL metacharacters in an offence code', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), offenceCodes: ["PECA-22'; DROP TABLE cases; --"] }), 400, 'body.offenceCodes.0'],
    ['unknown branch', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), branchId: 999999 }), 403, 'branchId'],
    ['bad date', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), reportedAt: '31/12/2025' }), 400, 'body.reportedAt'],
    ['malformed JSON', () => raw('{"branchId": 1, "title": '), 400, 'body'],
    ['not JSON at all', () => raw('<xml/>'), 400, 'body'],
    ['wrong content type', () => raw('branchId=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'content-type'],
    ['body over the limit', () => raw(JSON.stringify({ ...valid(), summary: 'x'.repeat(1_100_000) })), 413, 'body'],
    ['huge number', () => t.call('invA', 'POST', '/api/v1/cases', { ...valid(), branchId: 1e308 }), 400, 'body.branchId'],
    ['unknown id', () => t.call('invA', 'GET', '/api/v1/cases/5b1e0d7c-2f0a-4f7e-9a55-0c1d2e3f4a5b'), 404, null],
    ['malformed id', () => t.call('invA', 'GET', "/api/v1/cases/1'OR'1'='1"), 400, 'params.id'],
    // Percent-encoding in the path is refused before routing (test/security/request-target.test.ts).
    ['percent-encoded path', () => t.call('invA', 'GET', "/api/v1/cases/1'%20OR%20'1'='1"), 400, 'url'],
    ['bad paging', () => t.call('invA', 'GET', '/api/v1/cases?limit=100000'), 400, 'querystring.limit'],
    ['unknown filter', () => t.call('invA', 'GET', '/api/v1/cases?sort=title;drop'), 400, 'querystring.sort'],
    ['illegal status filter', () => t.call('invA', 'GET', '/api/v1/cases?status=closed_forever'), 400, 'querystring.status'],
  ];

  it.each(cases)('%s -> 4xx problem+json naming the field, nothing stored', async (_name, send, status, field) => {
    const before = await counts();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const body = res.json();
    expect(body.status).toBe(status);
    if (field) expect(body.errors?.map((e) => e.field)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT|INSERT/);
    expect(await counts()).toEqual(before);
  });

  it('stores Urdu and other non-Latin text and SQL metacharacters as plain data', async () => {
    const title = "مظفرگڑھ کیس — O'Brien \"; DROP TABLE cases; -- 😀 ਪੰਜਾਬੀ";
    const res = await t.call('invA', 'POST', '/api/v1/cases', { ...valid(), title, summary: '\u0000'.replace('\u0000', '') + 'خلاصہ' });
    expect(res.statusCode).toBe(201);
    const back = (await t.call('invA', 'GET', `/api/v1/cases/${res.json().id}`)).json();
    expect(back.title).toBe(title);
    expect(back.summary).toBe('خلاصہ');
    const found = (await t.call('invA', 'GET', `/api/v1/cases?q=${encodeURIComponent('مظفرگڑھ')}`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(res.json().id);
  });

  it('refuses a NUL byte in text instead of failing in the database', async () => {
    const before = await counts();
    const res = await t.call('invA', 'POST', '/api/v1/cases', { ...valid(), title: 'abc\u0000def' });
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('rejects a cookie-authenticated change without the CSRF token', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva', password: 'correct horse battery staple' } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(login.headers['set-cookie'])).toMatch(/SameSite=Strict/i);
    const before = await counts();
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: valid(), headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('csrf_failed');
    expect(await counts()).toEqual(before);
    const withToken = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: valid(), headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
    expect(withToken.statusCode).toBe(201);
  });

  it('refuses wrong passwords without saying which part was wrong, and audits the attempt', async () => {
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva', password: 'wrong password!!' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody-here', password: 'wrong password!!' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    const failed = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.login_failed').execute();
    expect(failed.length).toBeGreaterThanOrEqual(2);
  });
});
