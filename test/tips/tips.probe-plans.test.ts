import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport, organisationWithKey } from './support.ts';

// Session 13 (issue 11, intake's cost): intake's look-ups by key are probes, whatever the statistics. Its batch
// statements are prepared once per connection and PostgreSQL keeps a generic plan for them; written `col =
// ANY($1)`, the plans made while the tables were new (a fresh database: nothing analysed yet) scanned `tips`,
// `tip_files`, `tip_identifiers` and `hash_set_entries` whole in every batch, for the life of the connection, and
// so did migration 0046's relation check (a hash anti-join over all of `tips`). On PostgreSQL only (PGlite sends
// nothing prepared): one connection, so every batch reuses its prepared statements and their generic plans (the
// sixth execution on), a dozen reports filed one after another, all related (the same account, phone, URL and
// file hash); then the connection's table statistics: no sequential scan of those tables, and triage still related
// every report to the earlier ones.
const { engines } = await detectEngines();
const pgOnly = engines.filter((e) => e === 'postgres');

describe.each(pgOnly)('intake reads by index probes only, on %s', (engine) => {
  let t: TestApp;
  let platform: Awaited<ReturnType<typeof organisationWithKey>>;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 1 });
    platform = await organisationWithKey(t, 'Probe Plans Platform');
  }, 60_000);
  afterAll(async () => t?.close());

  const TABLES = ['tips', 'tip_files', 'tip_identifiers', 'tip_urls', 'hash_set_entries'];
  /** Sequential scans of the tables, as this (the only) connection has counted them, flushed first. */
  const seqScans = async () => {
    await sql`SELECT pg_stat_force_next_flush()`.execute(t.ctx.db);
    await sql`SELECT pg_stat_clear_snapshot()`.execute(t.ctx.db);
    const rows = (await sql<{ relname: string; seq_scan: string }>`SELECT relname, seq_scan::text FROM pg_stat_user_tables WHERE relname = ANY(${TABLES}::text[])`.execute(t.ctx.db)).rows;
    return Object.fromEntries(rows.map((r) => [r.relname, Number(r.seq_scan)]));
  };

  it('files a dozen related reports without scanning tips, their files, identifiers, URLs or the hash sets', async () => {
    // Warm: the first reports (custom plans, then the generic plan is made while the tables hold a few rows).
    const report = () => amaanReport({
      reported: [{ accounts: [{ platform: 'Telegram', handle: 'probe_shared_handle' }], phones: ['0301-7651234'] }],
      urls: ['https://example.org/probe/shared'],
      files: [{ name: 'p.jpg', md5: 'aa11bb22cc33dd44ee55ff6677889900' }],
    });
    const receipts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await platform.client.POST('/api/v1/tips', { body: report() as never });
      expect(res.response.status).toBe(201);
      receipts.push(res.data!.receipt);
    }
    const before = await seqScans();
    for (let i = 0; i < 9; i++) {
      const res = await platform.client.POST('/api/v1/tips', { body: report() as never });
      expect(res.response.status).toBe(201);
      receipts.push(res.data!.receipt);
    }
    const after = await seqScans();
    const scanned = Object.fromEntries(TABLES.map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)]));
    expect(scanned).toEqual(Object.fromEntries(TABLES.map((name) => [name, 0])));

    // Triage unchanged: the last report names each of the eleven before it (by account, phone, URL and hash).
    const last = await t.ctx.db.selectFrom('tips').select('id').where('receipt', '=', receipts.at(-1)!).executeTakeFirstOrThrow();
    const related = await t.ctx.db.selectFrom('tip_relations').select(['related_tip_id', 'reason']).where('tip_id', '=', last.id).execute();
    expect(new Set(related.map((r) => r.related_tip_id)).size).toBe(11);
    expect([...new Set(related.map((r) => r.reason))].sort()).toEqual(['account', 'hash', 'phone', 'url']);
  });
});
