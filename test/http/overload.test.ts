import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines } from '../support/harness.ts';
import { databaseBusy } from '../../src/platform/http/errors.ts';

// Overload (issue 13 §5): when no database connection is free within the bounded wait, or a statement runs past
// statement_timeout, the API answers 503 problem+json with Retry-After (nothing stored), never a 500 or a stack.
const { engines } = await detectEngines();

describe.each(engines)('database errors on %s', (engine) => {
  it('a statement past its timeout is classed as busy (503, PostgreSQL: PGlite has no statement timer); other errors are not', async () => {
    const t = await createTestApp(engine);
    try {
      const missing = await sql`SELECT * FROM no_such_table`.execute(t.ctx.db).then(() => null, (e: unknown) => e);
      expect(missing).toBeInstanceOf(Error);
      expect(databaseBusy(missing)).toBeNull();
      const divByZero = await sql`SELECT 1/0`.execute(t.ctx.db).then(() => null, (e: unknown) => e);
      expect((divByZero as { code?: string }).code).toBe('22012');
      expect(databaseBusy(divByZero)).toBeNull();
      if (engine === 'pglite') return;
      const err = await t.ctx.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL statement_timeout = '50ms'`.execute(tx);
        await sql`SELECT pg_sleep(2)`.execute(tx);
      }).then(() => null, (e: unknown) => e);
      expect((err as { code?: string }).code).toBe('57014');
      expect(databaseBusy(err)?.code).toBe('unavailable');
    } finally {
      await t.close();
    }
  }, 120_000);
});

const pgOnly = engines.includes('postgres') ? describe : describe.skip;

pgOnly('an exhausted connection pool on PostgreSQL', () => {
  it('answers 503 problem+json with Retry-After after the bounded wait, and serves again once a connection is free', async () => {
    const t = await createTestApp('postgres', { poolSize: 2, pool: { connectTimeoutMs: 300 } });
    try {
      // Both connections held, as by two slow requests.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const holding = [1, 2].map(() => t.ctx.db.connection().execute(async (conn) => {
        await sql`SELECT 1`.execute(conn);
        await held;
      }));
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      const res = await t.call('analyst', 'GET', '/api/v1/cases');
      const waited = performance.now() - t0;
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const body = res.json() as { code: string; status: number; detail: string; correlationId?: string };
      expect(body).toMatchObject({ code: 'unavailable', status: 503 });
      expect(body.correlationId).toBeTruthy();
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(10_000);
      // A write refused the same way stores nothing.
      const write = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Busy pool case', summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
      expect(write.statusCode).toBe(503);
      release();
      await Promise.all(holding);
      expect((await t.call('analyst', 'GET', '/api/v1/cases')).statusCode).toBe(200);
      const stored = await t.asOwner((db) => sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE title = 'Busy pool case'`.execute(db));
      expect(stored.rows[0]!.n).toBe(0);
    } finally {
      await t.close();
    }
  }, 120_000);
});
