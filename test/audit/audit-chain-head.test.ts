import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditEntries, verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';

// The chain's writers' lock and the read of its head are one round trip (audit_chain_head, migration 0050). The
// head must still be read after the lock is granted, from what the previous holder committed: a writer that
// waited for the lock follows the entry committed meanwhile (no fork, no repeated sequence number), and writers
// appending at the same time leave one unbroken chain.
const { engines } = await detectEngines();

describe.each(engines)('the audit chain under concurrent writers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { poolSize: 4 });
  }, 120_000);
  afterAll(async () => t?.close());

  const entry = (action: string) => ({ actorId: null, actorName: 'system', action, entityType: 'test' });
  const rowOf = (action: string) => t.ctx.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).where('action', '=', action).executeTakeFirstOrThrow();

  it('many transactions appending at once leave one unbroken chain, numbered without gaps', async () => {
    const before = Number((await t.ctx.db.selectFrom('audit_log').select(sql<string>`max(seq)`.as('m')).executeTakeFirstOrThrow()).m ?? 0);
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.ctx.db.transaction().execute((tx) =>
      appendAuditEntries(tx, [entry(`test.many.${i}.a`), entry(`test.many.${i}.b`), entry(`test.many.${i}.c`)]))));
    const seqs = (await t.ctx.db.selectFrom('audit_log').select('seq').where('seq', '>', before).orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => before + 1 + i));
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it.skipIf(engine !== 'postgres')('a writer that waited for the lock follows the entry committed while it waited', async () => {
    let appended!: () => void;
    const aAppended = new Promise<void>((r) => (appended = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = t.ctx.db.transaction().execute(async (tx) => {
      await appendAudit(tx, entry('test.wait.a'));
      appended();
      await gate; // holds the chain's lock, its entry not yet committed
    });
    await aAppended;
    let bDone = false;
    const b = t.ctx.db.transaction().execute((tx) => appendAudit(tx, entry('test.wait.b'))).then(() => { bDone = true; });
    // B waits on the chain's lock (a background job of the app auditing meanwhile may wait there too).
    let waiting = 0;
    for (let i = 0; i < 50 && !waiting; i++) {
      await new Promise((r) => setTimeout(r, 50));
      // pg_locks is the whole server's: only this database's waits on the chain's key (7_261_001, audit.ts) count.
      waiting = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = 0 AND objid = 7261001`.execute(t.ctx.db)).rows[0]!.n);
    }
    expect(waiting).toBeGreaterThanOrEqual(1);
    expect(bDone).toBe(false);
    release();
    await a;
    await b;
    const ra = await rowOf('test.wait.a');
    const rb = await rowOf('test.wait.b');
    expect(Number(rb.seq)).toBe(Number(ra.seq) + 1);
    expect(rb.prev_hash).toBe(ra.hash);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });
});
