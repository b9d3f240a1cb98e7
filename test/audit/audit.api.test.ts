import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';
import { appendAudit, entryHash } from '../../src/platform/audit/audit.ts';

const { engines } = await detectEngines();

describe.each(engines)('audit API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // A busy trail: cases, transitions, notes, users, sign-ins (good and bad), tokens.
    for (let i = 0; i < 6; i++) {
      const id = (await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: `Audit trail case ${i}`, offenceCodes: ['PECA-22'] })).json().id;
      await t.call('invA', 'POST', `/api/v1/cases/${id}/transitions`, { to: 'fir_registered', reason: 'cognizable offence', firNumber: 100 + i });
      await t.call('invA', 'POST', `/api/v1/cases/${id}/timeline`, { body: `note ${i} with "quotes", اردو and {braces}` });
    }
    await t.call('admin', 'POST', '/api/v1/admin/users', { username: 'audited.user', displayName: 'Audited User', role: 'analyst', password: 'a long enough password' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva', password: 'wrong password!!' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva', password: 'correct horse battery staple' } });
  });
  afterAll(async () => t?.close());

  const verify = async (body?: object) => {
    const res = await t.call('auditor', 'POST', '/api/v1/audit/verify', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const seqs = async () => (await t.ctx.db.selectFrom('audit_log').select(['seq', 'hash', 'prev_hash']).orderBy('seq').execute());
  const withTriggerOff = async (work: () => Promise<unknown>) => {
    // What an attacker with superuser rights would do first.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(t.ctx.db);
    try {
      await work();
    } finally {
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(t.ctx.db);
    }
  };

  it('only the auditor reads and verifies the trail', async () => {
    for (const key of Object.keys(fixtureUsers) as UserKey[]) {
      if (key === 'auditor') continue;
      expect((await t.call(key, 'GET', '/api/v1/audit')).statusCode, key).toBe(403);
      expect((await t.call(key, 'POST', '/api/v1/audit/verify', {})).statusCode, key).toBe(403);
    }
  });

  it('verifies an intact busy trail, and records the verification', async () => {
    const rows = await seqs();
    expect(rows.length).toBeGreaterThan(30);
    const res = await verify();
    expect(res).toMatchObject({ ok: true, firstBad: null });
    expect(res.entries).toBe(rows.length);
    expect(res.headHash).toBe(rows.at(-1)!.hash);
    expect(res.headSeq).toBe(rows.at(-1)!.seq);
    const last = (await seqs()).at(-1)!;
    const entry = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', last.seq).executeTakeFirstOrThrow();
    expect(entry.action).toBe('audit.verify');
    expect(entry.actor_id).toBe(t.users.auditor.id);
    expect(entry.details).toMatchObject({ ok: true, entries: rows.length });
    // The verification entry itself chains on.
    expect((await verify()).ok).toBe(true);
  });

  it('lets the database itself refuse UPDATE and DELETE of audit entries', async () => {
    const [first] = await seqs();
    await expect(sql`UPDATE audit_log SET details = '{"x":1}'::jsonb WHERE seq = ${first!.seq}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = ${first!.seq}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('names the edited entry when a row\'s details are changed in SQL', async () => {
    const victim = (await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.transition').orderBy('seq').executeTakeFirstOrThrow());
    await withTriggerOff(() => sql`UPDATE audit_log SET details = jsonb_set(details, '{reason}', '"nothing to see"') WHERE seq = ${victim.seq}`.execute(t.ctx.db));
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad.firstBad).toMatchObject({ seq: victim.seq, problem: 'hash_mismatch', action: 'case.transition' });
    expect(bad.entries).toBe((await seqs()).findIndex((r) => r.seq === victim.seq) + 1);
    // The failed verification is on the trail too, naming the entry.
    const logged = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'audit.verify').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(logged.details).toMatchObject({ ok: false, firstBad: { seq: victim.seq, problem: 'hash_mismatch' } });
    // Changing the actor or the time is caught the same way; restoring the row restores the chain.
    await withTriggerOff(() => sql`UPDATE audit_log SET details = ${JSON.stringify(victim.details)}::jsonb WHERE seq = ${victim.seq}`.execute(t.ctx.db));
    expect((await verify()).ok).toBe(true);
    await withTriggerOff(() => sql`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = ${victim.seq}`.execute(t.ctx.db));
    expect((await verify()).firstBad).toMatchObject({ seq: victim.seq, problem: 'hash_mismatch' });
    await withTriggerOff(() => sql`UPDATE audit_log SET actor_name = ${victim.actor_name} WHERE seq = ${victim.seq}`.execute(t.ctx.db));
    expect((await verify()).ok).toBe(true);
  });

  it('names the entry after a deleted row', async () => {
    const rows = await seqs();
    const gone = rows[10]!;
    const next = rows[11]!;
    const saved = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', gone.seq).executeTakeFirstOrThrow();
    await withTriggerOff(() => sql`DELETE FROM audit_log WHERE seq = ${gone.seq}`.execute(t.ctx.db));
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad.firstBad).toMatchObject({ seq: next.seq, problem: 'chain_broken' });
    // Put it back exactly: the chain is whole again.
    await t.ctx.db.insertInto('audit_log').values({ ...saved, details: JSON.stringify(saved.details) } as never).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('names the entry after a row inserted in the middle, even one with a well-formed hash', async () => {
    // A rolled-back change leaves a gap in the sequence: room for a forged entry.
    await t.ctx.db.transaction().execute(async (tx) => {
      await appendAudit(tx, { actorId: null, actorName: 'test', action: 'test.rolled_back', entityType: 'test' });
      throw new Error('roll back');
    }).catch(() => undefined);
    await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'After the gap', offenceCodes: ['PECA-22'] });
    const rows = await seqs();
    const gapAt = rows.findIndex((r, i) => i > 0 && r.seq - rows[i - 1]!.seq > 1);
    expect(gapAt).toBeGreaterThan(0);
    const before = rows[gapAt - 1]!;
    const after = rows[gapAt]!;
    const forgedSeq = before.seq + 1;
    const fields = { at: new Date(), actor_id: null, actor_name: 'intruder', action: 'case.delete', entity_type: 'case', entity_id: 'x', ip: null, details: {} };
    await t.ctx.db.insertInto('audit_log').values({ seq: forgedSeq, ...fields, details: '{}', prev_hash: before.hash, hash: entryHash(before.hash, forgedSeq, fields) } as never).execute();
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad.firstBad).toMatchObject({ seq: after.seq, problem: 'chain_broken' });
    await withTriggerOff(() => sql`DELETE FROM audit_log WHERE seq = ${forgedSeq}`.execute(t.ctx.db));
    expect((await verify()).ok).toBe(true);
  });

  it('catches a trail cut back at its end with an anchor kept from an earlier verification', async () => {
    const anchor = await verify();
    const anchorSeq = anchor.headSeq as number;
    expect((await verify({ anchor: { seq: anchorSeq, hash: anchor.headHash } })).ok).toBe(true);
    // Cutting the tail leaves a valid chain: only the anchor sees it.
    const saved = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '>=', anchorSeq).execute();
    await withTriggerOff(() => sql`DELETE FROM audit_log WHERE seq >= ${anchorSeq}`.execute(t.ctx.db));
    const cut = await verify({ anchor: { seq: anchorSeq, hash: anchor.headHash } });
    expect(cut).toMatchObject({ ok: false, firstBad: { seq: anchorSeq, problem: 'anchor_missing' } });
    const wrong = await verify({ anchor: { seq: 1, hash: 'f'.repeat(64) } });
    expect(wrong.firstBad).toMatchObject({ seq: 1, problem: 'anchor_mismatch' });
    // Restore (and drop the verify entries written meanwhile) so later tests start from a whole chain.
    await withTriggerOff(async () => {
      await sql`DELETE FROM audit_log WHERE seq >= ${anchorSeq}`.execute(t.ctx.db);
      for (const r of saved) await t.ctx.db.insertInto('audit_log').values({ ...r, details: JSON.stringify(r.details) } as never).execute();
    });
    expect((await verify()).ok).toBe(true);
    const badAnchor = await t.call('auditor', 'POST', '/api/v1/audit/verify', { anchor: { seq: 1, hash: 'nothex' } });
    expect(badAnchor.statusCode).toBe(400);
    expect(badAnchor.json().errors[0].field).toBe('body.anchor.hash');
  });

  it('pages and filters the trail, newest first, and audits the reading', async () => {
    const all = (await t.call('auditor', 'GET', '/api/v1/audit?limit=5')).json();
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(30);
    expect(all.items[0].seq).toBeGreaterThan(all.items[1].seq);
    const page2 = (await t.call('auditor', 'GET', '/api/v1/audit?limit=5&offset=5&order=asc')).json();
    expect(page2.items[0].seq).toBeLessThan(page2.items[1].seq);

    const transitions = (await t.call('auditor', 'GET', '/api/v1/audit?action=case.transition&limit=200')).json();
    expect(transitions.total).toBe(6);
    expect(transitions.items.every((e: { action: string }) => e.action === 'case.transition')).toBe(true);
    const family = (await t.call('auditor', 'GET', '/api/v1/audit?action=case.*&limit=200')).json();
    expect(new Set(family.items.map((e: { action: string }) => e.action))).toEqual(new Set(['case.create', 'case.transition', 'case.timeline.add']));
    const byActor = (await t.call('auditor', 'GET', '/api/v1/audit?actor=admin&limit=200')).json();
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e: { actorName: string }) => e.actorName === 'admin')).toBe(true);
    const byId = (await t.call('auditor', 'GET', `/api/v1/audit?actor=${t.users.admin.id}&limit=200`)).json();
    expect(byId.total).toBe(byActor.total);
    const oneCase = transitions.items[0].entityId;
    const entity = (await t.call('auditor', 'GET', `/api/v1/audit?entityType=case&entityId=${oneCase}`)).json();
    expect(entity.items.map((e: { action: string }) => e.action).sort()).toEqual(['case.create', 'case.timeline.add', 'case.transition']);
    const future = (await t.call('auditor', 'GET', `/api/v1/audit?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).json();
    expect(future.items).toEqual([]);
    const range = (await t.call('auditor', 'GET', `/api/v1/audit?from=${encodeURIComponent('2000-01-01T00:00:00Z')}&to=${encodeURIComponent(new Date().toISOString())}&limit=1`)).json();
    expect(range.total).toBeGreaterThan(30);
    expect((await t.call('auditor', 'GET', '/api/v1/audit?action=%27%3B%20DROP')).statusCode).toBe(400);
    const backwards = await t.call('auditor', 'GET', '/api/v1/audit?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('querystring.to');
    expect((await t.call('auditor', 'GET', '/api/v1/audit?sort=seq')).statusCode).toBe(400);

    const reads = (await t.call('auditor', 'GET', '/api/v1/audit?action=audit.read&limit=1')).json();
    expect(reads.total).toBeGreaterThan(5);
    expect(reads.items[0]).toMatchObject({ actorId: t.users.auditor.id, action: 'audit.read' });
    expect(reads.items[0].details.filters).toBeTruthy();
    expect((await verify()).ok).toBe(true);
  });
});
