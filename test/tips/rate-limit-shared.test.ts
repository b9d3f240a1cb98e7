import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { APP_ROLE } from '../../src/platform/db/app-role.ts';
import { auditTrailOf } from '../../src/platform/audit/audit-trail.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import type { AppContext } from '../../src/platform/context.ts';
import type { Api } from '../../src/platform/http/route-kit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport, organisationWithKey } from './support.ts';
import { sha256 } from '../../src/platform/auth/auth.service.ts';

// Rate limits hold across server processes (issue 11): two app instances over one database, each with its own
// connections (on PostgreSQL, a second pool, as a second server process would have), share the counters of the
// public form (per address) and of a reporting organisation's key. With counters in each process's memory, each
// instance would let the full limit through.
const { engines } = await detectEngines();

describe.each(engines)('rate limits shared by two servers on %s', (engine) => {
  let t: TestApp;
  let second: { app: Api; database?: Database };
  let first: Api;
  const KEY_LIMIT = 3;
  const PUBLIC_LIMIT = 4;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const config = { ...t.ctx.config, tipsKeyPerMinute: KEY_LIMIT, tipsPublicPerHour: PUBLIC_LIMIT };
    first = await buildApp({ ...t.ctx, config });
    if (engine === 'postgres') {
      // Its own pool, as another process would open (the same audit key: one installation).
      const database = await openDatabase({ url: t.ctx.config.databaseUrl, poolSize: 2, role: APP_ROLE });
      const ctx: AppContext = { ...t.ctx, config, db: database.db.withPlugin(auditTrailOf(t.ctx.db)) };
      second = { app: await buildApp(ctx), database };
    } else {
      // PGlite has one session per data folder: the second instance shares it (separate Fastify, separate stores).
      second = { app: await buildApp({ ...t.ctx, config }) };
    }
  }, 180_000); // a loaded machine: migrations on a fresh database take a while
  afterAll(async () => {
    await first?.close();
    await second?.app.close();
    await second?.database?.close();
    await t?.close();
  });

  const form = (n: number) => ({ incident: 'grooming', where: 'A public group on a messaging app', whatTheySaw: `Report number ${n} of what I saw online, in words.` });
  const publicPost = (app: Api, ip: string, n: number) => app.inject({ method: 'POST', url: '/api/v1/tips/public', payload: form(n), remoteAddress: ip });

  it('the public form: one address may send the limit in all, whichever server it reaches', async () => {
    const ip = '192.0.2.150';
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_LIMIT; i++) statuses.push((await publicPost(i % 2 ? second.app : first, ip, i)).statusCode);
    expect(statuses).toEqual(Array(PUBLIC_LIMIT).fill(201));
    const overFirst = await publicPost(first, ip, 99);
    const overSecond = await publicPost(second.app, ip, 100);
    expect([overFirst.statusCode, overSecond.statusCode]).toEqual([429, 429]);
    expect(overSecond.headers['content-type']).toContain('application/problem+json');
    // Another address is not held back, on either server.
    expect((await publicPost(second.app, '192.0.2.151', 101)).statusCode).toBe(201);
  });

  it('a reporting key: its limit counts reports sent to both servers', async () => {
    const org = await organisationWithKey(t, 'Shared Limit Platform');
    const send = (app: Api) => app.inject({ method: 'POST', url: '/api/v1/tips', payload: amaanReport(), headers: { authorization: `Bearer ${org.token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < KEY_LIMIT; i++) statuses.push((await send(i % 2 ? second.app : first)).statusCode);
    expect(statuses).toEqual(Array(KEY_LIMIT).fill(201));
    expect((await send(second.app)).statusCode).toBe(429);
    expect((await send(first)).statusCode).toBe(429);
    // The counter is one row in the database, not one per server.
    const rows = await t.ctx.db.selectFrom('rate_limit_counters').select(['key', 'hits']).where('key', 'like', 'POST /api/v1/tips|tipkey:%').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hits).toBe(KEY_LIMIT + 2);
    // Both servers wrote to one audit chain, which still verifies.
    expect((await verifyAuditChain(t.ctx.db)).problems).toEqual([]);
  });

  it('a reporting key: requests sent at the same moment (counted together in rounds) still let exactly the limit through', async () => {
    const org = await organisationWithKey(t, 'Concurrent Limit Platform');
    const send = (app: Api) => app.inject({ method: 'POST', url: '/api/v1/tips', payload: amaanReport(), headers: { authorization: `Bearer ${org.token}` } });
    const statuses = (await Promise.all(Array.from({ length: 10 }, (_, i) => send(i % 2 ? second.app : first)))).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(KEY_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - KEY_LIMIT);
    // Every request counted once, on the key's one row.
    const row = await t.ctx.db.selectFrom('rate_limit_counters').select('hits').where('key', '=', `POST /api/v1/tips|tipkey:${sha256(`Bearer ${org.token}`)}`).executeTakeFirstOrThrow();
    expect(row.hits).toBe(10);
  });
});
