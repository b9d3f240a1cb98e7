import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { createApiToken } from '../../src/platform/auth/auth.service.ts';

// Demo sign-ins are for the embedded demo only: with NODE_ENV=production they are refused, by password
// and by token, while real users sign in as usual.
const { engines } = await detectEngines();

describe.each(engines)('demo users in production on %s', (engine) => {
  let t: TestApp;
  let prod: Api;
  let demoToken: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const demo = await t.ctx.db
      .insertInto('users')
      .values({ username: 'demo.investigator', display_name: 'Demo', role: 'investigator', branch_id: t.branchA, password_hash: await hashPassword('demo.investigator-pass'), is_demo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The demo user's own token (issued for themselves).
    demoToken = (await createApiToken(t.ctx, demo.id, 'demo', { id: demo.id, username: 'demo.investigator', displayName: 'Demo', role: 'investigator', branchId: t.branchA, ip: null })).token;
    prod = await buildApp({ ...t.ctx, config: { ...t.ctx.config, env: 'production', secureCookies: true } });
  });
  afterAll(async () => {
    await prod?.close();
    await t?.close();
  });

  it('refuses the demo password and the demo token in production, accepts them in development', async () => {
    const login = (app: Api) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo.investigator', password: 'demo.investigator-pass' } });
    expect((await login(prod)).statusCode).toBe(401);
    expect((await prod.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${demoToken}` } })).statusCode).toBe(401);
    expect((await login(t.app)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${demoToken}` } })).statusCode).toBe(200);
    const refused = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute();
    expect(refused.map((r) => r.details)).toContainEqual({ reason: 'demo_user_in_production' });
  });

  it('real users still sign in in production, with a Secure cookie', async () => {
    const res = await prod.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva', password: 'correct horse battery staple' } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
  });
});
