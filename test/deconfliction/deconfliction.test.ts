import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { addPerson, openCase, setTeam } from '../operations/case-fixtures.ts';
import { inTransaction, type ServiceContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import { checkDeconfliction, decideAlert, type DeconflictionInput } from '../../src/modules/deconfliction/deconfliction.service.ts';

// De-confliction (issue 9, part 3). Case X (branch A, invA leads, invA2 a member) and case Y (branch B, invB
// leads, invB2 a member, the prosecutor on its team) share an identifier. invA records it in X, cannot read Y:
// exactly the four kinds of people are told (X's lead, A's supervisor, Y's lead, B's supervisor) and nobody
// else; invA's side learns "another case holds this identifier" and nothing of Y; B's supervisor grants or
// dismisses. Rows of the entity tables are written directly here; the entity services call checkDeconfliction
// the same way, in their own transaction.
const { engines } = await detectEngines();

describe.each(engines)('de-confliction on %s', (engine) => {
  let t: TestApp;
  const extra: Record<'invB2' | 'supC', { id: string; branchId: number }> = {} as never;
  let X: string;
  let Y: string;
  let Z: string;
  let personX: string;
  let phone: string;
  const Y_TITLE = 'Zebra ring hidden case';
  const Y_PERSON = 'Zarghoon Testkhan';
  const Z_TITLE = 'Quokka handle hidden case';

  const actor = (key: UserKey | keyof typeof extra): Actor => {
    if (key === 'invB2' || key === 'supC') return { id: extra[key].id, username: key, displayName: key, role: key === 'supC' ? 'supervisor' : 'investigator', branchId: extra[key].branchId, ip: null };
    const u = t.users[key];
    return { id: u.id, username: u.username, displayName: `Test ${key}`, role: u.role, branchId: u.branchId, ip: null, credential: { kind: 'token', id: null } };
  };
  const entity = async (kind: 'phone' | 'account' | 'wallet', key: string) =>
    (await t.ctx.db.insertInto('entities').values({ kind, key, display: key }).returning('id').executeTakeFirstOrThrow()).id;
  /** A link "person uses entity" recorded in a case (or on the person's form: caseId null), then the check, in one transaction. */
  const record = async (user: UserKey, caseId: string | null, personId: string, entityId: string, extraInput: Partial<DeconflictionInput> = {}) => {
    const ctx: ServiceContext = { ...t.ctx, actor: actor(user) };
    return inTransaction(ctx, async (tx) => {
      await tx.insertInto('links').values({ kind: 'uses', from_type: 'person', from_id: personId, to_type: 'entity', to_id: entityId, case_id: caseId, source_type: 'manual', source_id: randomUUID(), recorded_by: ctx.actor.id }).execute();
      return checkDeconfliction(tx, ctx, { entityIds: [entityId], caseId, ...extraInput });
    });
  };
  const told = async (alertId: string) =>
    (await t.ctx.db.selectFrom('notifications').select(['user_id', 'side', 'kind']).where('alert_id', '=', alertId).execute());
  const alertsOf = (entityId: string) => t.ctx.db.selectFrom('deconfliction_alerts').selectAll().where('entity_id', '=', entityId).execute();
  const get = async (user: UserKey, url: string, status = 200) => {
    const res = await t.call(user, 'GET', url);
    expect(res.statusCode, `${user} ${url}: ${res.body.slice(0, 300)}`).toBe(status);
    return res;
  };
  /** Nothing of the hidden case in a response: its id, title, FIR number, persons, branch. */
  const noTraceOf = (body: string, hiddenCase: string, title: string, where: string) => {
    for (const secret of [hiddenCase, title, 'FIR 4711', '4711/2026', Y_PERSON, 'Lahore']) expect(body.includes(secret), `${where} shows "${secret}"`).toBe(false);
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const branchC = (await t.ctx.db.selectFrom('branches').select('id').where('id', 'not in', [t.branchA, t.branchB]).orderBy('id').executeTakeFirstOrThrow()).id;
    const hash = (await t.ctx.db.selectFrom('users').select('password_hash').where('id', '=', t.users.invB.id).executeTakeFirstOrThrow()).password_hash;
    for (const [key, role, branchId] of [['invB2', 'investigator', t.branchB], ['supC', 'supervisor', branchC]] as const) {
      const row = await t.ctx.db.insertInto('users').values({ username: key.toLowerCase(), display_name: `Test ${key}`, role, branch_id: branchId, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
      extra[key] = { id: row.id, branchId };
    }
    X = await openCase(t, 'Alpha local grooming case', 'invA');
    await setTeam(t, X, ['invA', 'invA2'], 'supA');
    personX = await addPerson(t, X, 'Asif Testwala');
    Y = await openCase(t, Y_TITLE, 'invB');
    await setTeam(t, Y, ['invB', 'prosecutor'], 'supB');
    await t.ctx.db.insertInto('case_team').values({ case_id: Y, user_id: extra.invB2.id, team_role: 'member' }).execute();
    await t.ctx.db.updateTable('cases').set({ fir_number: 4711, fir_year: 2026 }).where('id', '=', Y).execute();
    const personY = await addPerson(t, Y, Y_PERSON);
    phone = await entity('phone', '+923009876543');
    await t.ctx.db.insertInto('links').values({ kind: 'uses', from_type: 'person', from_id: personY, to_type: 'entity', to_id: phone, case_id: Y, source_type: 'manual', recorded_by: t.users.invB.id }).execute();
    Z = await openCase(t, Z_TITLE, 'supB');
  }, 120_000);
  afterAll(async () => t?.close());

  let alertY: string;

  it('recording an identifier held by a hidden case of another branch tells exactly both leads and both supervisors', async () => {
    const auditBefore = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'deconfliction.alert').executeTakeFirstOrThrow();
    const result = await record('invA', X, personX, phone);
    expect(result).toEqual({ heldElsewhere: [phone], alertsOpened: 1 });
    const [alert, ...more] = await alertsOf(phone);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ recorder_case_id: X, holder_case_id: Y, triggered_by: t.users.invA.id, status: 'open' });
    alertY = alert!.id;
    const byUser = Object.fromEntries((await told(alertY)).map((n) => [n.user_id, n.side]));
    expect(byUser).toEqual({ [t.users.invA.id]: 'recorder', [t.users.supA.id]: 'recorder', [t.users.invB.id]: 'holder', [t.users.supB.id]: 'holder' });
    // Not told: X's other member, Y's other member and prosecutor, the analyst, another branch's supervisor.
    for (const id of [t.users.invA2.id, extra.invB2.id, t.users.prosecutor.id, t.users.analyst.id, extra.supC.id]) expect(byUser[id]).toBeUndefined();
    const auditAfter = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'deconfliction.alert').executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n) + 1);
  });

  it('the recording side learns "another case holds this identifier" and nothing of the hidden case', async () => {
    for (const user of ['invA', 'supA'] as const) {
      const notes = await get(user, '/api/v1/notifications');
      const n = notes.json();
      expect(n.unread).toBe(1);
      expect(n.items[0]).toMatchObject({ kind: 'deconfliction.alert', alert: { id: alertY, side: 'recorder', status: 'open', holderCase: null, identifier: { entityId: phone, display: '+923009876543' }, recordedIn: { id: X }, canDecide: false, decidedBy: null } });
      noTraceOf(notes.body, Y, Y_TITLE, `${user} notifications`);
      for (const url of ['/api/v1/deconfliction/alerts', `/api/v1/deconfliction/alerts/${alertY}`, '/api/v1/cases?limit=200', `/api/v1/persons?q=${encodeURIComponent('Zarghoon')}`, '/api/v1/persons?limit=200']) {
        noTraceOf((await get(user, url)).body, Y, Y_TITLE, `${user} ${url}`);
      }
      await get(user, `/api/v1/cases/${Y}`, 404);
    }
  });

  it('the holding side learns which of its cases is concerned and whom to call, not the recording case', async () => {
    for (const user of ['invB', 'supB'] as const) {
      const res = await get(user, `/api/v1/deconfliction/alerts/${alertY}`);
      expect(res.json()).toMatchObject({ side: 'holder', holderCase: { id: Y, title: Y_TITLE, firLabel: 'FIR 4711/2026' }, recordedIn: null, recordedBy: { userId: t.users.invA.id, displayName: 'Test invA', district: 'Muzaffargarh' }, canDecide: user === 'supB' });
      expect(res.body.includes(X)).toBe(false);
      expect(res.body.includes('Alpha local grooming case')).toBe(false);
      const notes = (await get(user, '/api/v1/notifications')).json();
      expect(notes.items.map((i: { alert: { id: string } }) => i.alert.id)).toEqual([alertY]);
    }
  });

  it('never repeats an alert: the same identifier again in the same case, by anyone, tells nobody twice', async () => {
    const before = (await told(alertY)).length;
    expect(await record('invA', X, personX, phone)).toEqual({ heldElsewhere: [phone], alertsOpened: 0 });
    expect(await record('invA2', X, personX, phone)).toEqual({ heldElsewhere: [phone], alertsOpened: 0 });
    expect(await alertsOf(phone)).toHaveLength(1);
    expect(await told(alertY)).toHaveLength(before);
  });

  it('two recordings at once raise one alert and tell each person once', async () => {
    const email = await entity('account', 'forum:twin_recording');
    const personY = (await t.ctx.db.selectFrom('case_persons').select('person_id').where('case_id', '=', Y).executeTakeFirstOrThrow()).person_id;
    await t.ctx.db.insertInto('links').values({ kind: 'uses', from_type: 'person', from_id: personY, to_type: 'entity', to_id: email, case_id: Y, source_type: 'manual', recorded_by: t.users.invB.id }).execute();
    const results = await Promise.all([record('invA', X, personX, email), record('supA', X, personX, email)]);
    expect(results.map((r) => r.alertsOpened).sort()).toEqual([0, 1]);
    const [alert, ...more] = await alertsOf(email);
    expect(more).toEqual([]);
    const notes = await told(alert!.id);
    expect(new Set(notes.map((n) => n.user_id)).size).toBe(notes.length);
  });

  it('refuses bad input naming the field, and a decision without the permission', async () => {
    const long = await t.call('supB', 'POST', `/api/v1/deconfliction/alerts/${alertY}/dismiss`, { note: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { field: string }) => e.field)).toContain('body.note');
    const extraField = await t.call('supB', 'POST', `/api/v1/deconfliction/alerts/${alertY}/grant`, { userId: t.users.invA2.id });
    expect(extraField.statusCode).toBe(400);
    expect((await t.call('supB', 'GET', '/api/v1/deconfliction/alerts/not-a-uuid')).statusCode).toBe(400);
    expect((await t.call('supB', 'GET', '/api/v1/deconfliction/alerts?status=maybe')).statusCode).toBe(400);
    expect((await t.call('invA', 'GET', '/api/v1/notifications?limit=0')).statusCode).toBe(400);
    for (const user of ['analyst', 'leadership', 'admin', 'prot'] as const) {
      expect((await t.call(user, 'GET', '/api/v1/deconfliction/alerts')).statusCode, user).toBe(403);
      expect((await t.call(user, 'GET', '/api/v1/notifications')).statusCode, user).toBe(200);
    }
    expect((await t.ctx.db.selectFrom('deconfliction_alerts').select('status').where('id', '=', alertY).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('raises nothing when the recorder may read every case holding the identifier', async () => {
    const handle = await entity('account', 'telegram:quiet_otter');
    const Y2 = await openCase(t, 'Second case of branch B', 'invB');
    const p2 = await addPerson(t, Y2, 'Kamran Testabadi');
    await t.ctx.db.insertInto('links').values({ kind: 'uses', from_type: 'person', from_id: p2, to_type: 'entity', to_id: handle, case_id: Y2, source_type: 'manual', recorded_by: t.users.invB.id }).execute();
    const pY = (await t.ctx.db.selectFrom('case_persons').select('person_id').where('case_id', '=', Y).executeTakeFirstOrThrow()).person_id;
    // invB leads Y and Y2; supB reads every case of branch B.
    expect(await record('invB', Y, pY, handle)).toEqual({ heldElsewhere: [], alertsOpened: 0 });
    expect(await record('supB', Y, pY, handle)).toEqual({ heldElsewhere: [], alertsOpened: 0 });
    expect(await alertsOf(handle)).toEqual([]);
  });

  it('an identifier typed on a person form counts the cases of that person; payments and communications hold theirs', async () => {
    const wallet = await entity('wallet', 'jazzcash:+923001112223');
    const other = await entity('wallet', 'easypaisa:+923004445556');
    await t.ctx.db.insertInto('payments').values({ case_id: Z, from_entity_id: other, to_entity_id: wallet, amount: 5000, currency: 'PKR', paid_at: new Date('2026-01-02T10:00:00Z'), recorded_by: t.users.supB.id }).execute();
    const result = await record('invA', null, personX, wallet);
    expect(result).toEqual({ heldElsewhere: [wallet], alertsOpened: 1 });
    const [alert] = await alertsOf(wallet);
    expect(alert).toMatchObject({ recorder_case_id: X, holder_case_id: Z });
    // Z was opened by supB, who leads it: B's supervisor (also Z's lead) once; invB is not told.
    const byUser = Object.fromEntries((await told(alert!.id)).map((n) => [n.user_id, n.side]));
    expect(byUser).toEqual({ [t.users.invA.id]: 'recorder', [t.users.supA.id]: 'recorder', [t.users.supB.id]: 'holder' });

    const host = await entity('account', 'forum:hidden_host');
    const comm = (await t.ctx.db.insertInto('communications').values({ case_id: Z, kind: 'live_stream', started_at: new Date('2026-01-03T20:00:00Z'), recorded_by: t.users.supB.id }).returning('id').executeTakeFirstOrThrow()).id;
    await t.ctx.db.insertInto('communication_participants').values({ communication_id: comm, entity_id: host, role: 'host' }).execute();
    expect(await record('invA', X, personX, host)).toEqual({ heldElsewhere: [host], alertsOpened: 1 });
  });

  it('shows alerts and notifications only to their own people: anyone else gets 404', async () => {
    const [wallet] = await t.ctx.db.selectFrom('entities').select('id').where('key', '=', 'jazzcash:+923001112223').execute();
    const [zAlert] = await alertsOf(wallet!.id);
    // invA2 (X's member, not told), invB (not on Z): 404 exactly as for a missing id.
    const missing = await t.call('invA2', 'GET', `/api/v1/deconfliction/alerts/${randomUUID()}`);
    for (const [user, id] of [['invA2', alertY], ['invB', zAlert!.id], ['invA2', zAlert!.id]] as const) {
      const res = await t.call(user, 'GET', `/api/v1/deconfliction/alerts/${id}`);
      expect(res.statusCode, `${user} ${id}`).toBe(404);
      expect({ ...res.json(), correlationId: null }).toEqual({ ...missing.json(), correlationId: null });
    }
    expect((await get('invA2', '/api/v1/deconfliction/alerts')).json().total).toBe(0);
    expect((await get('invA2', '/api/v1/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
    // Marking another user's notification read: 404, and it stays unread.
    const invANote = (await t.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', t.users.invA.id).where('alert_id', '=', alertY).executeTakeFirstOrThrow()).id;
    for (const user of ['invA2', 'supB', 'admin', 'analyst'] as const) expect((await t.call(user, 'POST', `/api/v1/notifications/${invANote}/read`)).statusCode, user).toBe(404);
    expect((await t.ctx.db.selectFrom('notifications').select('read_at').where('id', '=', invANote).executeTakeFirstOrThrow()).read_at).toBeNull();
    expect((await t.call('invA', 'POST', `/api/v1/notifications/${invANote}/read`)).statusCode).toBe(200);
    expect((await get('invA', '/api/v1/notifications?unread=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(invANote);
  });

  it('through the entities API: the write answers, the entity and the case lists show nothing of the hidden case', async () => {
    const personY = (await t.ctx.db.selectFrom('case_persons').select('person_id').where('case_id', '=', Y).executeTakeFirstOrThrow()).person_id;
    const held = await t.call('invB', 'POST', `/api/v1/cases/${Y}/links`, { kind: 'uses', from: { node: `person:${personY}` }, to: { kind: 'account', value: '@Shadow_Broker_77', platform: 'Telegram' } });
    expect(held.statusCode, held.body).toBe(201);
    const write = await t.call('invA', 'POST', `/api/v1/cases/${X}/links`, { kind: 'uses', from: { node: `person:${personX}` }, to: { kind: 'account', value: 'shadow_broker_77', platform: 'telegram' } });
    expect(write.statusCode, write.body).toBe(201);
    noTraceOf(write.body, Y, Y_TITLE, 'the write');
    const account = (await t.ctx.db.selectFrom('entities').select('id').where('kind', '=', 'account').where('key', 'like', '%shadow_broker_77%').executeTakeFirstOrThrow()).id;
    const [alert] = await alertsOf(account);
    expect(alert).toMatchObject({ recorder_case_id: X, holder_case_id: Y, triggered_by: t.users.invA.id });
    for (const url of [`/api/v1/entities/${account}`, '/api/v1/entities?q=shadow_broker_77', `/api/v1/cases/${X}/entities`, '/api/v1/notifications', `/api/v1/deconfliction/alerts/${alert!.id}`]) {
      noTraceOf((await get('invA', url)).body, Y, Y_TITLE, `invA ${url}`);
    }
  });

  it('through the person form: an identifier typed on a person of X, or on a person in no case, raises the alert', async () => {
    const personY = (await t.ctx.db.selectFrom('case_persons').select('person_id').where('case_id', '=', Y).executeTakeFirstOrThrow()).person_id;
    for (const value of ['hidden.courier@example.org', 'night.ferry@example.org']) {
      const held = await t.call('invB', 'POST', `/api/v1/cases/${Y}/links`, { kind: 'uses', from: { node: `person:${personY}` }, to: { kind: 'email', value } });
      expect(held.statusCode, held.body).toBe(201);
    }
    const entityOf = async (key: string) => (await t.ctx.db.selectFrom('entities').select('id').where('kind', '=', 'email').where('key', '=', key).executeTakeFirstOrThrow()).id;
    const edit = await t.call('invA', 'PATCH', `/api/v1/persons/${personX}`, { identifiers: [{ kind: 'email', value: 'Hidden.Courier@Example.org' }] });
    expect(edit.statusCode, edit.body).toBe(200);
    noTraceOf(edit.body, Y, Y_TITLE, 'the person edit');
    const [onX] = await alertsOf(await entityOf('hidden.courier@example.org'));
    expect(onX).toMatchObject({ recorder_case_id: X, holder_case_id: Y, triggered_by: t.users.invA.id });

    const created = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Test Person Delta', identifiers: [{ kind: 'email', value: 'night.ferry@example.org' }] });
    expect(created.statusCode, created.body).toBe(201);
    noTraceOf(created.body, Y, Y_TITLE, 'the new person');
    const [alone] = await alertsOf(await entityOf('night.ferry@example.org'));
    expect(alone).toMatchObject({ recorder_case_id: null, holder_case_id: Y, triggered_by: t.users.invA.id });
    const byUser = Object.fromEntries((await told(alone!.id)).map((n) => [n.user_id, n.side]));
    expect(byUser).toEqual({ [t.users.invA.id]: 'recorder', [t.users.supA.id]: 'recorder', [t.users.invB.id]: 'holder', [t.users.supB.id]: 'holder' });
  });

  it('only a supervisor of the holding branch decides; dismiss leaves the case hidden, grant opens it; both audited and shown to both sides', async () => {
    const [wallet] = await t.ctx.db.selectFrom('entities').select('id').where('key', '=', 'jazzcash:+923001112223').execute();
    const [zAlert] = await alertsOf(wallet!.id);
    expect((await t.call('supA', 'POST', `/api/v1/deconfliction/alerts/${alertY}/grant`, {})).statusCode).toBe(403);
    expect((await t.call('invB', 'POST', `/api/v1/deconfliction/alerts/${alertY}/grant`, {})).statusCode).toBe(403);
    // A supervisor of a third branch does not even see it.
    await expect(decideAlert({ ...t.ctx, actor: actor('supC') }, alertY, 'grant')).rejects.toMatchObject({ code: 'not_found' });

    const dismissed = await t.call('supB', 'POST', `/api/v1/deconfliction/alerts/${zAlert!.id}/dismiss`, { note: 'undercover operation under way; call me' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', decidedBy: 'Test supB', decisionNote: 'undercover operation under way; call me', canDecide: false });
    await get('invA', `/api/v1/cases/${Z}`, 404);
    const seenByA = (await get('invA', `/api/v1/deconfliction/alerts/${zAlert!.id}`));
    expect(seenByA.json()).toMatchObject({ status: 'dismissed', side: 'recorder', holderCase: null, decidedBy: null, decisionNote: null });
    noTraceOf(seenByA.body, Z, Z_TITLE, 'dismissed alert');
    expect((await t.call('supB', 'POST', `/api/v1/deconfliction/alerts/${zAlert!.id}/grant`, {})).statusCode).toBe(409);

    await get('invA', `/api/v1/cases/${Y}`, 404);
    const granted = await t.call('supB', 'POST', `/api/v1/deconfliction/alerts/${alertY}/grant`, {});
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decidedBy: 'Test supB' });
    const team = await t.ctx.db.selectFrom('case_team').select(['user_id', 'team_role']).where('case_id', '=', Y).where('user_id', '=', t.users.invA.id).execute();
    expect(team).toEqual([{ user_id: t.users.invA.id, team_role: 'member' }]);
    expect((await get('invA', `/api/v1/cases/${Y}`)).json().title).toBe(Y_TITLE);
    expect((await get('invA', `/api/v1/deconfliction/alerts/${alertY}`)).json()).toMatchObject({ status: 'granted', side: 'holder', holderCase: { id: Y } });
    // A's supervisor learns the outcome, still without the case.
    const supANotes = await get('supA', '/api/v1/notifications');
    expect(supANotes.json().items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['deconfliction.granted', 'deconfliction.dismissed']));
    noTraceOf(supANotes.body, Y, Y_TITLE, 'supA notifications after the grant');
    const invANotes = (await get('invA', '/api/v1/notifications')).json().items.map((i: { kind: string; alert: { id: string } }) => `${i.kind} ${i.alert.id}`);
    expect(invANotes).toEqual(expect.arrayContaining([`deconfliction.granted ${alertY}`, `deconfliction.dismissed ${zAlert!.id}`]));
    const actions = (await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', 'in', ['deconfliction.grant', 'deconfliction.dismiss', 'case.team.add']).execute()).map((a) => `${a.action} ${a.entity_id}`);
    expect(actions.sort()).toEqual([`case.team.add ${Y}`, `deconfliction.dismiss ${zAlert!.id}`, `deconfliction.grant ${alertY}`].sort());
  });
});
