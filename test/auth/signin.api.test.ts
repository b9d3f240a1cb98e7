import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { ConfigError, loadConfig, parseTrustProxy } from '../../src/platform/config.ts';
import { sha256, sweepSessions, SIGN_IN_REFUSED } from '../../src/platform/auth/auth.service.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';

// Sign-in hardening: lockout with back-off, TOTP with replay refusal and single-use recovery codes, MFA
// required in production, idle timeout, proxies trusted only when configured, no-store and problem+json.
const { engines } = await detectEngines();
const PASSWORD = 'a long enough password';

describe.each(engines)('sign-in on %s', (engine) => {
  let t: TestApp;
  const extraApps: Api[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => {
    for (const a of extraApps) await a.close();
    await t?.close();
  });

  type Session = { cookie: string; csrf: string };
  const login = (username: string, password = PASSWORD, app: Api = t.app, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
  const sessionOf = (res: LightMyRequestResponse): Session => ({ cookie: `amaan_session=${res.cookies.find((c) => c.name === 'amaan_session')!.value}`, csrf: res.json().csrfToken });
  const as = (s: Session, method: 'GET' | 'POST', url: string, body?: unknown, app: Api = t.app) =>
    app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(body === undefined ? {} : { payload: body as object }) });
  const newUser = async (username: string) => {
    const res = await t.call('admin', 'POST', '/api/v1/admin/users', { username, displayName: `User ${username}`, role: 'analyst', password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const userRow = (id: string) => t.ctx.db.selectFrom('users').select(['failed_attempts', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
  const unlockNow = (id: string) => t.ctx.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
  const auditOf = (action: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();
  const withConfig = async (over: Partial<TestApp['ctx']['config']>) => {
    // Rate-limit counters live in the database and are shared by every app on it (as by every server process):
    // each app built here starts from none, so one test's guesses do not count against the next.
    await t.ctx.db.deleteFrom('rate_limit_counters').execute();
    const app = await buildApp({ ...t.ctx, config: { ...t.ctx.config, ...over } });
    extraApps.push(app);
    return app;
  };

  it('locks an account after five failures, backs off exponentially, and refuses even the right password meanwhile', async () => {
    const id = await newUser('lock.one');
    for (let i = 0; i < 5; i++) {
      const res = await login('lock.one', 'wrong password number');
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe(SIGN_IN_REFUSED);
    }
    let row = await userRow(id);
    expect(row.failed_attempts).toBe(5);
    const firstLock = row.locked_until!.getTime() - Date.now();
    expect(firstLock).toBeGreaterThan(50_000);
    expect(firstLock).toBeLessThanOrEqual(61_000);
    expect((await login('lock.one')).statusCode).toBe(401);
    expect((await auditOf('auth.login_failed'))[0]!.details).toMatchObject({ reason: 'locked' });
    expect((await auditOf('auth.account_locked'))[0]).toMatchObject({ entity_id: id });
    // The lock runs out; one more failure locks again for twice as long.
    await unlockNow(id);
    expect((await login('lock.one', 'wrong again and again')).statusCode).toBe(401);
    row = await userRow(id);
    expect(row.failed_attempts).toBe(6);
    const secondLock = row.locked_until!.getTime() - Date.now();
    expect(secondLock).toBeGreaterThan(110_000);
    expect(secondLock).toBeLessThanOrEqual(121_000);
    await unlockNow(id);
    expect((await login('lock.one')).statusCode).toBe(200);
    expect((await userRow(id)).failed_attempts).toBe(0);
    // An unknown user gets the very same answer (and the same argon2 work).
    const ghost = await login('nobody.at.all', 'whatever password');
    expect(ghost.statusCode).toBe(401);
    expect(ghost.json().detail).toBe(SIGN_IN_REFUSED);
  });

  it('enrols TOTP, asks for a code after the password, refuses a replayed code and a used recovery code', async () => {
    const id = await newUser('mfa.one');
    const s = sessionOf(await login('mfa.one'));
    const started = await as(s, 'POST', '/api/v1/auth/mfa/enrol', {});
    expect(started.statusCode, started.body).toBe(200);
    const { secret, qrDataUrl, otpauthUri } = started.json();
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    const stored = await t.ctx.db.selectFrom('user_mfa').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.pending_secret!).toString('latin1')).not.toContain(secret);
    const wrong = await as(s, 'POST', '/api/v1/auth/mfa/enrol/confirm', { code: '000000' === totpCode(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');
    const confirmed = await as(s, 'POST', '/api/v1/auth/mfa/enrol/confirm', { code: totpCode(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    const hashes = await t.ctx.db.selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', id).execute();
    expect(hashes.map((h) => h.code_hash).join()).not.toContain(codes[0]!.replace('-', ''));

    // Second step: the password alone gives a session that can do nothing but enter a code.
    const pending = await login('mfa.one');
    expect(pending.json().stage).toBe('mfa_required');
    const p = sessionOf(pending);
    const blocked = await as(p, 'GET', '/api/v1/cases');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('sign_in_incomplete');
    expect((await as(p, 'GET', '/api/v1/auth/me')).json().stage).toBe('mfa_required');
    // The code used at enrolment (same time step) is a replay.
    const replay = await as(p, 'POST', '/api/v1/auth/mfa/verify', { code: totpCode(secret) });
    expect(replay.statusCode).toBe(400);
    const next = totpCode(secret, Date.now() + 30_000);
    const ok = await as(p, 'POST', '/api/v1/auth/mfa/verify', { code: next });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().stage).toBe('full');
    const full = sessionOf(ok);
    expect(full.cookie).not.toBe(p.cookie);
    expect((await as(full, 'GET', '/api/v1/cases')).statusCode).toBe(200);
    expect((await as(p, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await auditOf('auth.login'))[0]!.details).toMatchObject({ mfa: 'totp' });

    // The same code again, in a new sign-in: refused (its time step is spent), and it counts as a failure.
    const again = sessionOf(await login('mfa.one'));
    const replayed = await as(again, 'POST', '/api/v1/auth/mfa/verify', { code: next });
    expect(replayed.statusCode).toBe(400);
    expect((await userRow(id)).failed_attempts).toBe(1);
    // A recovery code works once.
    const rec = await as(again, 'POST', '/api/v1/auth/mfa/verify', { recoveryCode: codes[0]!.toUpperCase() });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().recoveryCodesLeft).toBe(9);
    expect((await userRow(id)).failed_attempts).toBe(0);
    const third = sessionOf(await login('mfa.one'));
    const reused = await as(third, 'POST', '/api/v1/auth/mfa/verify', { recoveryCode: codes[0] });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].field).toBe('recoveryCode');

    // Disabling needs the password; an administrator's reset switches it off and ends the sessions (audited).
    const me = sessionOf(rec);
    expect((await as(me, 'POST', '/api/v1/auth/mfa/disable', { password: 'not my password at all' })).statusCode).toBe(400);
    expect((await as(me, 'GET', '/api/v1/auth/mfa')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    expect((await t.call('admin', 'GET', `/api/v1/admin/users/${id}`)).json().mfaEnabled).toBe(true);
    expect((await t.call('admin', 'POST', `/api/v1/admin/users/${id}/mfa/reset`)).statusCode).toBe(200);
    expect((await as(me, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('mfa.one')).json().stage).toBe('full');
    expect((await auditOf('user.mfa_reset'))[0]).toMatchObject({ entity_id: id, actor_id: t.users.admin.id });
  });

  it('locks out code guessing as it locks out password guessing', async () => {
    const id = await newUser('mfa.guess');
    const s = sessionOf(await login('mfa.guess'));
    const { secret } = (await as(s, 'POST', '/api/v1/auth/mfa/enrol', {})).json();
    await as(s, 'POST', '/api/v1/auth/mfa/enrol/confirm', { code: totpCode(secret) });
    const p = sessionOf(await login('mfa.guess'));
    const good = totpCode(secret, Date.now() + 30_000);
    const bad = good === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) await as(p, 'POST', '/api/v1/auth/mfa/verify', { code: bad });
    expect((await userRow(id)).locked_until!.getTime()).toBeGreaterThan(Date.now());
    const refused = await as(p, 'POST', '/api/v1/auth/mfa/verify', { code: good });
    expect(refused.statusCode).toBe(401);
  });

  it('requires MFA in production: a session without it can only enrol', async () => {
    // Production needs its data key from the environment (any 32 bytes will do here).
    const AMAAN_DATA_KEY = Buffer.alloc(32, 3).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', AMAAN_DATA_KEY }).mfaRequired).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).mfaRequired).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AMAAN_DATA_KEY, AMAAN_MFA_REQUIRED: 'false' }).mfaRequired).toBe(false);
    const prod = await withConfig({ env: 'production', mfaRequired: true, secureCookies: false });
    await newUser('mfa.must');
    const res = await login('mfa.must', PASSWORD, prod);
    expect(res.json().stage).toBe('enrol_required');
    const s = sessionOf(res);
    const blocked = await as(s, 'GET', '/api/v1/cases', undefined, prod);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('sign_in_incomplete');
    const { secret } = (await as(s, 'POST', '/api/v1/auth/mfa/enrol', {}, prod)).json();
    expect((await as(s, 'POST', '/api/v1/auth/mfa/enrol/confirm', { code: totpCode(secret) }, prod)).statusCode).toBe(200);
    expect((await as(s, 'GET', '/api/v1/cases', undefined, prod)).statusCode).toBe(200);
    expect((await login('mfa.must', PASSWORD, prod)).json().stage).toBe('mfa_required');
  });

  it('ends idle sessions, writes last-seen at most once a minute, and sweeps expired ones', async () => {
    const id = await newUser('idle.one');
    const s = sessionOf(await login('idle.one'));
    const hash = sha256(s.cookie.split('=')[1]!);
    const setSeen = (d: Date) => t.ctx.db.updateTable('sessions').set({ last_seen_at: d }).where('token_hash', '=', hash).execute();
    const seen = async () => (await t.ctx.db.selectFrom('sessions').select('last_seen_at').where('token_hash', '=', hash).executeTakeFirstOrThrow()).last_seen_at.getTime();
    await setSeen(new Date(Date.now() - 2 * 60_000));
    expect((await as(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const touched = await seen();
    expect(touched).toBeGreaterThan(Date.now() - 10_000);
    await setSeen(new Date(Date.now() - 20_000));
    const before = await seen();
    await as(s, 'GET', '/api/v1/auth/me');
    expect(await seen()).toBe(before);
    await setSeen(new Date(Date.now() - (t.ctx.config.sessionIdleMinutes + 1) * 60_000));
    expect((await as(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect(await t.ctx.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', hash).execute()).toEqual([]);
    await t.ctx.db.insertInto('sessions').values({ token_hash: sha256('expired-one'), user_id: id, csrf_token: 'x', expires_at: new Date(Date.now() - 1000), ip: null }).execute();
    await t.ctx.db.insertInto('sessions').values({ token_hash: sha256('idle-one'), user_id: id, csrf_token: 'x', expires_at: new Date(Date.now() + 3_600_000), ip: null, last_seen_at: new Date(Date.now() - 3_600_000) }).execute();
    expect(await sweepSessions(t.ctx)).toBeGreaterThanOrEqual(2);
    expect(await t.ctx.db.selectFrom('sessions').select('token_hash').where('token_hash', 'in', [sha256('expired-one'), sha256('idle-one')]).execute()).toEqual([]);
  });

  it('believes X-Forwarded-For only from configured proxies, so throttling and the trail use the real address', async () => {
    expect(parseTrustProxy(undefined, [])).toBe(false);
    expect(parseTrustProxy('1', [])).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1', [])).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', AMAAN_TRUST_PROXY: '10.0.0.0/99' })).toThrow(/10\.0\.0\.0\/99/);
    const ipOfLastLogin = async () => (await auditOf('auth.login_failed'))[0]!.ip;
    const forged = { 'x-forwarded-for': '203.0.113.9' };

    // Production without AMAAN_TRUST_PROXY: the header is ignored, and eleven guesses from "eleven
    // addresses" are still one address over the limit of ten a minute.
    const prod = await withConfig({ env: 'production', mfaRequired: true, secureCookies: false, trustProxy: false });
    await login('inva', 'not the password', prod, forged);
    expect(await ipOfLastLogin()).toBe('127.0.0.1');
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 11; i++) last = await login('nobody.here', 'not the password', prod, { 'x-forwarded-for': `198.51.100.${i}` });
    expect(last!.statusCode).toBe(429);
    expect(last!.headers['content-type']).toContain('application/problem+json');
    expect(last!.json().code).toBe('rate_limited');

    // Behind a configured proxy (by address, or by hop count) the client address is taken from the header.
    for (const trustProxy of [['127.0.0.1'], 1] as const) {
      const behind = await withConfig({ trustProxy: trustProxy as string[] | number });
      await login('inva', 'not the password', behind, forged);
      expect(await ipOfLastLogin()).toBe('203.0.113.9');
    }
    // A proxy not in the list is not believed.
    const elsewhere = await withConfig({ trustProxy: ['10.9.9.9'] });
    await login('inva', 'not the password', elsewhere, forged);
    expect(await ipOfLastLogin()).toBe('127.0.0.1');
    await t.ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('username', '=', 'inva').execute();
  });

  it('answers every /api response with Cache-Control: no-store', async () => {
    for (const [user, url] of [['invA', '/api/v1/auth/me'], ['invA', '/api/v1/cases'], ['prot', '/api/v1/victims'], [null, '/api/v1/auth/me'], [null, '/api/openapi.json']] as const) {
      const res = await t.call(user, 'GET', url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers each framework error as problem+json (and no-store)', async () => {
    const cases: Array<[string, InjectOptions, number]> = [
      ['malformed URL', { method: 'GET', url: '/api/v1/cases/%E0%A4%A' }, 400],
      ['malformed URL under the docs', { method: 'GET', url: '/api/docs/static/%E0%A4%A' }, 400],
      ['unknown route', { method: 'GET', url: '/api/v1/no-such-thing' }, 404],
      ['unknown method on a known route', { method: 'PUT', url: '/api/v1/auth/me' }, 404],
      ['unknown docs file', { method: 'GET', url: '/api/docs/static/no-such-file.js' }, 404],
      ['bad JSON', { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }, 400],
      ['unsupported content type', { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415],
      ['error thrown in onRequest (bad bearer token)', { method: 'GET', url: '/api/v1/cases', headers: { authorization: 'Bearer not-a-token' } }, 401],
      ['body too large', { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(t.ctx.config.bodyLimitBytes + 10)}"` }, 413],
      ['wrong CSRF token of the right length', { method: 'POST', url: '/api/v1/auth/logout', headers: {} }, 403],
    ];
    const s = sessionOf(await login('invb', 'correct horse battery staple'));
    cases[cases.length - 1]![1].headers = { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) };
    for (const [what, request, status] of cases) {
      const res = await t.app.inject(request);
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.headers['cache-control'], what).toBe('no-store');
      expect(res.json(), what).toMatchObject({ status, type: expect.stringContaining('/problems/') });
    }
  });
});
