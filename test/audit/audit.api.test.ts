import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';
import { appendAudit, entryHash } from '../../src/platform/audit/audit.ts';
import type { Db } from '../../src/platform/db/database.ts';

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
  const withTriggerOff = (work: (db: Db) => Promise<unknown>) =>
    // What a database administrator (or an intruder with their rights) would do first.
    t.asOwner(async (db) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
      try {
        await work(db);
      } finally {
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db);
      }
    });

  it('only the auditor reads and verifies the trail', async () => {
    for (const key of Object.keys(fixtureUsers) as UserKey[]) {
      if (key === 'auditor') continue;
      expect((await t.call(key, 'GET', '/api/v1/audit')).statusCode, key).toBe(403);
      expect((await t.call(key, 'POST', '/api/v1/audit/verify', {})).statusCode, key).toBe(403);
    }
  });

  it('verifies an intact busy trail that starts with its genesis entry, and records the verification', async () => {
    const rows = await seqs();
    expect(rows.length).toBeGreaterThan(30);
    const genesis = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').limit(1).executeTakeFirstOrThrow();
    expect(genesis).toMatchObject({ seq: 1, v: 2, action: 'audit.genesis', prev_hash: '0'.repeat(64) });
    expect(genesis.details).toMatchObject({ signingKeyId: expect.stringMatching(/^[0-9a-f]{16}$/), auditKeyId: expect.stringMatching(/^[0-9a-f]{16}$/), legacyHead: null });
    const res = await verify();
    expect(res).toMatchObject({ ok: true, problems: [], problemCount: 0, legacyEntries: 0 });
    expect(res.entries).toBe(rows.length);
    expect(res.headHash).toBe(rows.at(-1)!.hash);
    expect(res.headSeq).toBe(rows.at(-1)!.seq);
    // Keyed entries are numbered without gaps.
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const last = (await seqs()).at(-1)!;
    const entry = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', last.seq).executeTakeFirstOrThrow();
    expect(entry.action).toBe('audit.verify');
    expect(entry.actor_id).toBe(t.users.auditor.id);
    expect(entry.details).toMatchObject({ ok: true, entries: rows.length, problemCount: 0 });
    // The verification entry itself chains on.
    expect((await verify()).ok).toBe(true);
  });

  it('names the credential of every entry: the token, the session, the system', async () => {
    const created = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.create').orderBy('seq').executeTakeFirstOrThrow();
    const token = await t.ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', t.users.invA.id).executeTakeFirstOrThrow();
    expect(created).toMatchObject({ credential_kind: 'token', credential_id: token.id });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'inva2', password: 'correct horse battery staple' } });
    const cookie = login.cookies.find((c) => c.name === 'amaan_session')!;
    const viaSession = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie: `amaan_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken }, payload: { branchId: t.branchA, title: 'Made in a session', offenceCodes: ['PECA-22'] } });
    expect(viaSession.statusCode, viaSession.body).toBe(201);
    const sessionEntry = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.create').where('entity_id', '=', viaSession.json().id).executeTakeFirstOrThrow();
    expect(sessionEntry.credential_kind).toBe('session');
    expect(sessionEntry.credential_id).toMatch(/^[0-9a-f]{8,}$/);
    const genesis = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(genesis).toMatchObject({ credential_kind: 'system', credential_id: null });
    // The credential is inside the keyed body: changing it is an edit.
    const listed = (await t.call('auditor', 'GET', `/api/v1/audit?entityType=case&entityId=${viaSession.json().id}`)).json();
    expect(listed.items[0]).toMatchObject({ credentialKind: 'session', v: 2 });
    await withTriggerOff((db) => sql`UPDATE audit_log SET credential_id = 'someone-elses' WHERE seq = ${sessionEntry.seq}`.execute(db));
    expect((await verify()).problems).toMatchObject([{ seq: sessionEntry.seq, kind: 'edited', detail: expect.stringContaining('credential_id') }]);
    await withTriggerOff((db) => sql`UPDATE audit_log SET credential_id = ${sessionEntry.credential_id} WHERE seq = ${sessionEntry.seq}`.execute(db));
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a lone surrogate at sign-in (400 naming the field), and an entry with one, NUL or jsonb-normalised JSON still verifies', async () => {
    // Issue 8: this one unauthenticated request used to break the chain for good.
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"\\ud800x","password":"whatever password"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.username');
    const viaQuery = await t.call('auditor', 'GET', '/api/v1/audit?actor=%ED%A0%80');
    expect(viaQuery.statusCode).not.toBe(500);
    // Whatever reaches the trail by other paths is stored and hashed the same way.
    await t.ctx.db.transaction().execute((tx) =>
      appendAudit(tx, {
        actorId: null,
        actorName: '\ud800x\u0000y\udc00',
        action: 'test.odd_text',
        entityType: 'test',
        entityId: 'e\ud83d',
        // eslint-disable-next-line no-loss-of-precision -- numbers jsonb would rewrite, on purpose
        details: { z: 1, a: [1.0, 1e2, -0, 12345678901234567890, 1e21, 5e-324, 0.1 + 0.2], '\udfff': 'k', nested: { b: '\u202eevil', a: null, u: undefined }, when: new Date(0), big: 10n },
      }),
    );
    const odd = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'test.odd_text').executeTakeFirstOrThrow();
    expect(odd.actor_name).toBe('\ufffdx\ufffdy\ufffd');
    expect(odd.entity_id).toBe('e\ufffd');
    expect(odd.details).toMatchObject({ '\ufffd': 'k', when: '1970-01-01T00:00:00.000Z', big: '10', nested: { b: '\u202eevil', a: null } });
    expect((await verify()).ok).toBe(true);
    // A name cut to 100 characters in the middle of a surrogate pair (emoji) is stored whole-characters only.
    const cut = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `${'a'.repeat(99)}😀`, password: 'wrong password!!' } });
    expect(cut.statusCode).toBe(401);
    expect((await verify()).ok).toBe(true);
  });

  it('the application role may not UPDATE, DELETE or TRUNCATE the trail; the owner meets the triggers', async () => {
    const [first] = await seqs();
    await expect(sql`UPDATE audit_log SET actor_name = 'x' WHERE seq = ${first!.seq}`.execute(t.ctx.db)).rejects.toThrow(/permission denied/);
    await expect(sql`DELETE FROM audit_log WHERE seq = ${first!.seq}`.execute(t.ctx.db)).rejects.toThrow(/permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(t.ctx.db)).rejects.toThrow(/permission denied/);
    await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(t.ctx.db)).rejects.toThrow(/must be owner/);
    const { rows } = await sql<{ u: string }>`SELECT current_user AS u`.execute(t.ctx.db);
    expect(rows[0]!.u).toBe('amaan_app');
    await t.asOwner(async (db) => {
      await expect(sql`UPDATE audit_log SET details = '{"x":1}'::jsonb WHERE seq = ${first!.seq}`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log WHERE seq = ${first!.seq}`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('lists every edited entry, not only the first, and restoring them restores the trail', async () => {
    const victims = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'case.transition').orderBy('seq').limit(3).execute();
    await withTriggerOff(async (db) => {
      await sql`UPDATE audit_log SET details = jsonb_set(details, '{reason}', '"nothing to see"') WHERE seq = ${victims[0]!.seq}`.execute(db);
      await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = ${victims[1]!.seq}`.execute(db);
      await sql`UPDATE audit_log SET body = replace(body, 'cognizable', 'cognisable') WHERE seq = ${victims[2]!.seq}`.execute(db);
    });
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad.problems).toMatchObject([
      { seq: victims[0]!.seq, kind: 'edited', action: 'case.transition', detail: expect.stringContaining('details') },
      { seq: victims[1]!.seq, kind: 'edited', actorName: 'someone else', detail: expect.stringContaining('actor_name') },
      { seq: victims[2]!.seq, kind: 'edited', detail: expect.stringContaining('keyed hash') },
    ]);
    expect(bad.problemCount).toBe(3);
    expect(bad.entries).toBe((await seqs()).length - 1);
    const logged = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'audit.verify').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(logged.details).toMatchObject({ ok: false, problemCount: 3, problems: [{ seq: victims[0]!.seq, kind: 'edited' }, {}, {}] });
    await withTriggerOff(async (db) => {
      for (const v of victims) await sql`UPDATE audit_log SET details = ${JSON.stringify(v.details)}::jsonb, actor_name = ${v.actor_name}, body = ${v.body} WHERE seq = ${v.seq}`.execute(db);
    });
    expect((await verify()).ok).toBe(true);
  });

  it('names a deleted entry as missing, and a forged entry (unkeyed hash) as edited', async () => {
    const rows = await seqs();
    const gone = rows[10]!;
    const saved = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', gone.seq).executeTakeFirstOrThrow();
    await withTriggerOff((db) => sql`DELETE FROM audit_log WHERE seq = ${gone.seq}`.execute(db));
    const bad = await verify();
    expect(bad.problems).toMatchObject([{ seq: gone.seq, kind: 'missing' }]);
    // Put it back exactly: the chain is whole again.
    await t.asOwner((db) => db.insertInto('audit_log').values({ ...saved, details: JSON.stringify(saved.details) } as never).execute());
    expect((await verify()).ok).toBe(true);
    // A forged entry appended with the old, unkeyed hash: computable by anyone, refused after the trail is keyed.
    const head = (await seqs()).at(-1)!;
    const forgedSeq = head.seq + 1;
    const fields = { at: new Date(), actor_id: null, actor_name: 'intruder', action: 'case.delete', entity_type: 'case', entity_id: 'x', ip: null, details: {} };
    await t.asOwner((db) => db.insertInto('audit_log').values({ seq: forgedSeq, v: 1, ...fields, details: '{}', prev_hash: head.hash, hash: entryHash(head.hash, forgedSeq, fields) } as never).execute());
    const forged = await verify();
    expect(forged.problems).toMatchObject([{ seq: forgedSeq, kind: 'edited', actorName: 'intruder', detail: expect.stringContaining('unkeyed') }]);
    await withTriggerOff((db) => sql`DELETE FROM audit_log WHERE seq >= ${forgedSeq}`.execute(db));
  });

  it('checks an anchor kept from an earlier verification like a checkpoint', async () => {
    const anchor = await verify();
    const anchorSeq = anchor.headSeq as number;
    expect((await verify({ anchor: { seq: anchorSeq, hash: anchor.headHash } })).ok).toBe(true);
    const wrong = await verify({ anchor: { seq: 1, hash: 'f'.repeat(64) } });
    expect(wrong.problems).toMatchObject([{ seq: 1, kind: 'checkpoint_mismatch' }]);
    const ahead = await verify({ anchor: { seq: anchorSeq + 1000, hash: 'f'.repeat(64) } });
    expect(ahead.problems).toMatchObject([{ seq: anchorSeq + 1000, kind: 'cut_back' }]);
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
