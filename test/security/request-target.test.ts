import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, FIXTURE_PASSWORD, type TestApp } from '../support/harness.ts';

// The request line as an attacker writes it, on a real socket: `app.inject` parses the URL with WHATWG rules
// (folding `.`/`..` segments and backslashes) and so cannot send most of these. Each trick below reached a
// route on the old code with no role check, no CSRF check and no "route without access rule" guard, because
// the access hook looked at the raw `request.url` while the router decoded it. Now every request target that
// is not canonical origin-form is refused with a 400 problem naming `url`, before anything else happens.
const { engines } = await detectEngines();

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function rawRequest(port: number, head: string | Buffer, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const headLines = text.slice(0, split).split('\r\n');
      const status = Number(headLines[0]!.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const line of headLines.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status, headers, body: split >= 0 ? text.slice(split + 4) : '' });
    });
    socket.write(Buffer.concat([Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')]));
  });
}

/** One HTTP/1.1 request with `target` written byte for byte into the request line. */
function send(port: number, method: string, target: string | Buffer, headers: Record<string, string> = {}, body?: unknown): Promise<RawResponse> {
  const payload = body === undefined ? '' : JSON.stringify(body);
  const lines = [
    ...Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }), ...headers })
      .map(([k, v]) => `${k}: ${v}`),
  ];
  const head = Buffer.concat([Buffer.from(`${method} `, 'latin1'), Buffer.isBuffer(target) ? target : Buffer.from(target, 'latin1'), Buffer.from(` HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1')]);
  return rawRequest(port, head, payload);
}

/** Every way of writing `/api/v1/<rest>` that the router used to fold onto the canonical route. */
function tricks(port: number, rest: string): Array<[string, string | Buffer]> {
  const [first, ...others] = rest.split('/');
  const tail = others.length ? `/${others.join('/')}` : '';
  return [
    ['percent-encoded letter in /api', `/%61pi/v1/${rest}`],
    ['percent-encoded digit in /v1', `/api/v%31/${rest}`],
    ['percent-encoded letter in the resource', `/api/v1/%${first!.charCodeAt(0).toString(16)}${first!.slice(1)}${tail}`],
    ['absolute-form target', `http://127.0.0.1:${port}/api/v1/${rest}`],
    ['absolute-form target, other host', `http://amaan.invalid/api/v1/${rest}`],
    ['double slash', `/api//v1/${rest}`],
    ['leading double slash', `//api/v1/${rest}`],
    ['dot segment', `/api/v1/./${rest}`],
    ['dot-dot segment', `/api/v1/zz/../${rest}`],
    ['encoded dot-dot segment', `/api/v1/zz/%2e%2e/${rest}`],
    ['backslash', `/api\\v1/${rest}`],
    ['raw non-ASCII byte', Buffer.concat([Buffer.from(`/api/v1/${rest}`, 'latin1'), Buffer.from([0xc3, 0xa9])])],
  ];
}

function expectRefusedTarget(res: RawResponse, what: string) {
  expect(res.status, `${what}: ${res.body.slice(0, 300)}`).toBe(400);
  expect(res.headers['content-type'], what).toContain('application/problem+json');
  const problem = JSON.parse(res.body);
  expect(problem.code, what).toBe('validation_failed');
  expect(problem.errors?.map((e: { field: string }) => e.field), what).toContain('url');
}

describe.each(engines)('request targets on %s', (engine) => {
  let t: TestApp;
  let port: number;
  const bearer = (key: 'invA' | 'admin' | 'auditor') => ({ authorization: `Bearer ${t.users[key].token}` });
  const count = async (table: 'cases' | 'api_tokens') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => t?.close());

  it('answers the canonical target as before (the baseline the tricks are compared with)', async () => {
    expect((await send(port, 'GET', '/api/v1/audit', bearer('invA'))).status).toBe(403);
    expect((await send(port, 'GET', '/api/v1/audit', bearer('auditor'))).status).toBe(200);
    expect((await send(port, 'GET', '/api/v1/audit')).status).toBe(401);
    expect((await send(port, 'GET', '/api/v1/cases?q=%D8%B2', bearer('invA'))).status).toBe(200);
  });

  it('refuses every non-canonical spelling of a role-gated route, for a caller without the role', async () => {
    for (const [what, target] of tricks(port, 'audit')) {
      expectRefusedTarget(await send(port, 'GET', target, bearer('invA')), what);
    }
  });

  it('refuses the tricks before minting an administrator token for an investigator', async () => {
    const before = await count('api_tokens');
    for (const [what, target] of tricks(port, `admin/users/${t.users.admin.id}/tokens`)) {
      expectRefusedTarget(await send(port, 'POST', target, bearer('invA'), { name: 'escalation' }), what);
    }
    expect(await count('api_tokens')).toBe(before);
  });

  it('refuses the tricks for anonymous callers, and /auth/me and /jobs/:id never answer 5xx', async () => {
    const job = await t.ctx.db.insertInto('background_jobs')
      .values({ kind: 'test.noop', owner_id: t.users.invA.id, actor: '{}', payload: 'null', unit: 'steps', state: 'done', result: '"done"', progress_total: null, error: null, queue_job_id: null, worker: null, heartbeat_at: null, started_at: null, finished_at: new Date() })
      .returning('id').executeTakeFirstOrThrow();
    for (const rest of ['auth/me', `jobs/${job.id}`, 'cases']) {
      const canonical = await send(port, 'GET', `/api/v1/${rest}`);
      expect(canonical.status, rest).toBe(401);
      expect(canonical.headers['content-type']).toContain('application/problem+json');
      for (const [what, target] of tricks(port, rest)) {
        const res = await send(port, 'GET', target);
        expect(res.status, `${what} ${rest}`).toBeLessThan(500);
        expectRefusedTarget(res, `${what} ${rest}`);
      }
    }
    // A wrong bearer token is a 401 too, never a 500.
    expect((await send(port, 'GET', '/api/v1/auth/me', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    // Signed in: your own job answers, somebody else's job is not found (same as a missing one).
    expect((await send(port, 'GET', `/api/v1/jobs/${job.id}`, bearer('invA'))).status).toBe(200);
    const others = await send(port, 'GET', `/api/v1/jobs/${job.id}`, bearer('admin'));
    const missing = await send(port, 'GET', '/api/v1/jobs/6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f', bearer('admin'));
    expect(others.status).toBe(404);
    expect(missing.status).toBe(404);
    const strip = (b: string) => ({ ...JSON.parse(b), correlationId: undefined });
    expect(strip(others.body)).toEqual(strip(missing.body));
  });

  it('keeps CSRF enforced for a cookie session under every trick', async () => {
    const login = await send(port, 'POST', '/api/v1/auth/login', {}, { username: 'inva', password: FIXTURE_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers['set-cookie']!.split(';')[0]!;
    const csrf = JSON.parse(login.body).csrfToken as string;
    const body = { branchId: t.branchA, title: 'CSRF probe case', offenceCodes: ['PECA-22'] };
    const before = await count('cases');
    const plain = await send(port, 'POST', '/api/v1/cases', { cookie }, body);
    expect(plain.status).toBe(403);
    expect(JSON.parse(plain.body).code).toBe('csrf_failed');
    for (const [what, target] of tricks(port, 'cases')) {
      expectRefusedTarget(await send(port, 'POST', target, { cookie }, body), what);
    }
    expect(await count('cases')).toBe(before);
    // With the token on the canonical target the change goes through.
    expect((await send(port, 'POST', '/api/v1/cases', { cookie, 'x-csrf-token': csrf }, body)).status).toBe(201);
  });

  it('refuses tricks outside the API too (documentation, OpenAPI)', async () => {
    expect((await send(port, 'GET', '/api/openapi.json')).status).toBe(200);
    expectRefusedTarget(await send(port, 'GET', '/api/%6fpenapi.json'), 'encoded openapi');
    expectRefusedTarget(await send(port, 'GET', '/api/./openapi.json'), 'dot openapi');
  });
});
