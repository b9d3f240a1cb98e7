import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { createScratchDatabase } from '../support/engines.ts';
import { checkAuditTrail } from '../../src/modules/audit/audit.service.ts';
import { auditTrailOf, loadAuditTrail } from '../../src/platform/audit/audit-trail.ts';
import { appendAudit, ensureAuditGenesis, entryHash, GENESIS_HASH } from '../../src/platform/audit/audit.ts';
import { migrateToLatest, openDatabase, type Db } from '../../src/platform/db/database.ts';
import { loadConfig } from '../../src/platform/config.ts';

// Tampering as the database's superuser (PostgreSQL: the test server's postgres role; PGlite: its own
// superuser session), each on a fresh trail with a signed checkpoint of its head: the verify service
// must list every bad entry with its kind. The same attacks through `amaan audit verify`: test/cli/audit-cli.test.ts.
const { engines, postgresUrl } = await detectEngines();

describe.each(engines)('audit trail tampered with by a superuser on %s', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A fresh trail: genesis, a few cases, and a signed checkpoint of the head. */
  const busyTrail = async () => {
    t = await createTestApp(engine);
    for (let i = 0; i < 4; i++) {
      const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: `Tamper case ${i}`, offenceCodes: ['PECA-22'] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const cp = await auditTrailOf(t.ctx.db).checkpoint();
    expect(cp).not.toBeNull();
    const before = await checkAuditTrail(t.ctx.db);
    expect(before).toMatchObject({ ok: true, problems: [], checkpoints: { count: 2, latestSeq: cp!.seq } });
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    return { rows, head: cp!.seq };
  };
  const asSuperuser = (work: (db: Db) => Promise<unknown>) =>
    t!.asOwner(async (db) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
      try {
        await work(db);
      } finally {
        await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
      }
    });
  const kinds = async () => (await checkAuditTrail(t!.ctx.db)).problems.map((p) => [p.kind, p.seq]);

  it('truncated: empty, and cut back behind its checkpoint', async () => {
    const { head } = await busyTrail();
    await asSuperuser((db) => sql`TRUNCATE audit_log`.execute(db));
    expect(await kinds()).toEqual([['empty', null], ['cut_back', head]]);
  });

  it('every entry deleted: the same', async () => {
    const { head } = await busyTrail();
    await asSuperuser((db) => sql`DELETE FROM audit_log`.execute(db));
    expect(await kinds()).toEqual([['empty', null], ['cut_back', head]]);
  });

  it('one row edited (columns, or body and hash recomputed without the key): edited, that row only', async () => {
    const { rows } = await busyTrail();
    const [a, b] = [rows[2]!, rows[3]!];
    await asSuperuser(async (db) => {
      await sql`UPDATE audit_log SET entity_id = 'another-case' WHERE seq = ${a.seq}`.execute(db);
      // Rewritten consistently, with a plain SHA-256 in place of the keyed hash.
      const body = b.body!.replace('Tamper case', 'Tampered case');
      await sql`UPDATE audit_log SET body = ${body}, hash = encode(sha256(convert_to(prev_hash || E'\n' || ${body}, 'UTF8')), 'hex') WHERE seq = ${b.seq}`.execute(db);
    });
    // The entry after b still names b's original hash: the same finding, not reported twice.
    expect(await kinds()).toEqual([['edited', a.seq], ['edited', b.seq]]);
  });

  it('two rows swapped: both reordered, nothing else', async () => {
    const { rows } = await busyTrail();
    const [a, b] = [rows[2]!.seq, rows[3]!.seq];
    await asSuperuser(async (db) => {
      await sql`UPDATE audit_log SET seq = -1 WHERE seq = ${a}`.execute(db);
      await sql`UPDATE audit_log SET seq = ${a} WHERE seq = ${b}`.execute(db);
      await sql`UPDATE audit_log SET seq = ${b} WHERE seq = -1`.execute(db);
    });
    expect(await kinds()).toEqual([['reordered', a], ['reordered', b]]);
  });

  it('the last entries deleted: cut back behind the checkpoint', async () => {
    const { rows, head } = await busyTrail();
    await asSuperuser((db) => sql`DELETE FROM audit_log WHERE seq > ${rows[2]!.seq}`.execute(db));
    expect(await kinds()).toEqual([['cut_back', head]]);
  });

  it('an entry deleted in the middle: missing; a forged entry with a recomputed unkeyed hash: edited', async () => {
    const { rows } = await busyTrail();
    const gone = rows[2]!.seq;
    const head = rows.at(-1)!;
    const forgedSeq = head.seq + 1;
    const fields = { at: new Date(), actor_id: null, actor_name: 'intruder', action: 'case.delete', entity_type: 'case', entity_id: 'x', ip: null, details: {} };
    await asSuperuser(async (db) => {
      await sql`DELETE FROM audit_log WHERE seq = ${gone}`.execute(db);
      await db.insertInto('audit_log').values({ seq: forgedSeq, v: 1, ...fields, details: '{}', prev_hash: head.hash, hash: entryHash(head.hash, forgedSeq, fields) } as never).execute();
    });
    expect(await kinds()).toEqual([['missing', gone], ['edited', forgedSeq]]);
    // And the application does not sign a forged head.
    expect(await auditTrailOf(t!.ctx.db).checkpoint()).toBeNull();
  });

  it('a trail rebuilt from scratch without the key (fresh genesis, plain hashes) verifies as nothing', async () => {
    const { head } = await busyTrail();
    await asSuperuser(async (db) => {
      await sql`DELETE FROM audit_log`.execute(db);
      const body = JSON.stringify({ v: 2, seq: 1, action: 'audit.genesis', details: {} });
      await sql`INSERT INTO audit_log (seq, v, at, actor_name, action, entity_type, details, body, prev_hash, hash) VALUES (1, 2, now(), 'system', 'audit.genesis', 'audit_log', '{}', ${body}, ${GENESIS_HASH}, encode(sha256(convert_to(${GENESIS_HASH} || E'\n' || ${body}, 'UTF8')), 'hex'))`.execute(db);
    });
    // The genesis checkpoint recorded another entry 1.
    expect(await kinds()).toEqual([['edited', 1], ['checkpoint_mismatch', 1], ['no_genesis', null], ['cut_back', head]]);
  });
});

describe.each(engines)('a trail from an earlier version (unkeyed) on %s', (engine) => {
  it('is sealed by the genesis entry: still verifies, and rewriting it afterwards is detected', async () => {
    const scratch = engine === 'postgres' ? await createScratchDatabase(postgresUrl!) : undefined;
    const database = await openDatabase({ url: scratch?.url });
    try {
      await migrateToLatest(database.db);
      // Entries as version 1 wrote them (unkeyed SHA-256, with a gap a rolled-back change left).
      let prev = GENESIS_HASH;
      for (const seq of [1, 2, 4, 5]) {
        const fields = { at: new Date(Date.UTC(2025, 0, seq)), actor_id: null, actor_name: 'inv.a', action: 'case.create', entity_type: 'case', entity_id: `c${seq}`, ip: null, details: { title: `Old case ${seq}` } };
        const hash = entryHash(prev, seq, fields);
        await database.db.insertInto('audit_log').values({ seq, v: 1, ...fields, details: JSON.stringify(fields.details), prev_hash: prev, hash } as never).execute();
        prev = hash;
      }
      const trail = loadAuditTrail(loadConfig({ NODE_ENV: 'test' }), { inMemory: true, checkpointDelayMs: 3_600_000 });
      const db = trail.attach(database.db);
      expect((await checkAuditTrail(db)).problems.map((p) => p.kind)).toEqual(['no_genesis']);
      expect(await ensureAuditGenesis(db)).toBe(true);
      expect(await ensureAuditGenesis(db)).toBe(false);
      const genesis = await db.selectFrom('audit_log').selectAll().where('v', '=', 2).executeTakeFirstOrThrow();
      expect(genesis).toMatchObject({ seq: 6, action: 'audit.genesis', prev_hash: prev, details: { legacyHead: { seq: 5, hash: prev, entries: 4 } } });
      await db.transaction().execute((tx) => appendAudit(tx, { actorId: null, actorName: 'system', action: 'test.after', entityType: 'test' }));
      expect(await checkAuditTrail(db)).toMatchObject({ ok: true, entries: 6, legacyEntries: 4 });
      // Rewrite an old entry and recompute every unkeyed hash after it (anyone can): the sealed head no longer matches.
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(database.db);
      let p = GENESIS_HASH;
      for (const r of await database.db.selectFrom('audit_log').selectAll().where('v', '=', 1).orderBy('seq').execute()) {
        const fields = { ...r, details: r.seq === 2 ? { title: 'Rewritten' } : r.details };
        const hash = entryHash(p, r.seq, fields);
        await sql`UPDATE audit_log SET details = ${JSON.stringify(fields.details)}::jsonb, prev_hash = ${p}, hash = ${hash} WHERE seq = ${r.seq}`.execute(database.db);
        p = hash;
      }
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(database.db);
      const problems = (await checkAuditTrail(db)).problems;
      expect(problems.map((x) => [x.kind, x.seq])).toEqual([['chain_broken', 6]]);
      expect(problems[0]!.detail).toContain('sealed the earlier trail');
      await trail.close();
    } finally {
      await database.close();
      await scratch?.drop();
    }
  });
});
