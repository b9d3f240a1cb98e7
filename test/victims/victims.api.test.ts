import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, fixtureUsers, type TestApp, type UserKey } from '../support/harness.ts';

const { engines } = await detectEngines();
const allUsers = Object.keys(fixtureUsers) as UserKey[];

// Invented identities; every value is searched for in every response body.
const identityOne = {
  fullName: 'Zarmeena Testchild',
  urduName: 'زرمینہ ٹیسٹ',
  dateOfBirth: '2015-03-04',
  guardianName: 'Gulnaz Testguardian',
  guardianContact: '0300-7654321 (aunt)',
  address: 'House 12, Imaginary Street, Testpur',
  cnicOrBForm: '3230412345671',
  notes: 'Synthetic identity note one',
};
const secretsOne = ['Zarmeena', 'زرمینہ', '2015-03-04', 'Gulnaz', '7654321', 'Imaginary Street', '32304-1234567-1', '3230412345671', 'identity note one'];
const identityTwo = { fullName: 'Parveen Testchild', guardianName: 'Rukhsana Testguardian', address: 'Flat 9, Fictional Road' };
const secretsTwo = ['Parveen', 'Rukhsana', 'Fictional Road'];
const leaked = (body: string, secrets: string[]) => secrets.filter((s) => body.includes(s));

describe.each(engines)('victims API on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let victimOne: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase('invA', t.branchA, 'Victim safeguarding case');
    victimOne = (await newVictim('invA', caseA, { gender: 'female', ageAtIdentification: 9, identity: identityOne })).id;
    const assign = await t.call('supA', 'POST', `/api/v1/victims/${victimOne}/assignments`, { userId: t.users.prot.id });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(leaked(assign.body, secretsOne)).toEqual([]);
  });
  afterAll(async () => t?.close());

  async function openCase(user: UserKey, branchId: number, title: string) {
    const res = await t.call(user, 'POST', '/api/v1/cases', { branchId, title, summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }
  async function newVictim(user: UserKey, caseId: string, body: object = {}) {
    const res = await t.call(user, 'POST', `/api/v1/cases/${caseId}/victims`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const tables = ['victims', 'victim_identities', 'case_victims', 'victim_assignments', 'victim_state_history', 'placements', 'followups', 'audit_log', 'case_events'] as const;
  const counts = async () => Object.fromEntries(await Promise.all(tables.map(async (n) => [n, Number((await t.ctx.db.selectFrom(n).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)])));
  const identityReads = async (victimId: string) => (await t.ctx.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'victim.identity.read').where('entity_id', '=', victimId).execute());
  const assign = (victimId: string, user: UserKey = 'prot') => t.call('supA', 'POST', `/api/v1/victims/${victimId}/assignments`, { userId: t.users[user].id });

  it('never shows the identity to any role but the assigned protection officer, on any read endpoint', async () => {
    const reads = [
      '/api/v1/victims?limit=200',
      '/api/v1/victims?assigned=me',
      `/api/v1/victims?caseId=${caseA}`,
      `/api/v1/victims/${victimOne}`,
      `/api/v1/victims/${victimOne}/identity`,
      `/api/v1/cases/${caseA}/persons`,
      `/api/v1/cases/${caseA}/timeline`,
      `/api/v1/cases/${caseA}`,
    ];
    const identityStatus: Record<string, number> = {};
    for (const user of allUsers) {
      for (const url of reads) {
        const before = (await identityReads(victimOne)).length;
        const res = await t.call(user, 'GET', url);
        const isIdentity = url.endsWith('/identity');
        if (isIdentity) identityStatus[user] = res.statusCode;
        if (user === 'prot' && isIdentity) {
          expect(res.statusCode).toBe(200);
          expect(leaked(res.body, secretsOne)).toEqual(secretsOne.filter((s) => s !== '3230412345671'));
          expect((await identityReads(victimOne)).length).toBe(before + 1);
        } else {
          expect(leaked(res.body, secretsOne), `${user} GET ${url}`).toEqual([]);
          expect((await identityReads(victimOne)).length, `${user} GET ${url} audited a read`).toBe(before);
        }
      }
    }
    expect(identityStatus).toEqual({ invA: 403, invA2: 403, invB: 403, supA: 403, supB: 403, analyst: 403, prot: 200, prot2: 404, prosecutor: 403, leadership: 403, admin: 403, auditor: 403 });
  });

  it('never echoes the identity from any write endpoint, whoever calls it', async () => {
    const caseA2 = await openCase('invA', t.branchA, 'Second safeguarding case');
    const v = (await newVictim('invA', caseA, { identity: identityTwo })).id;
    expect((await assign(v)).statusCode).toBe(200);
    const writes: Array<[string, string, object]> = [
      ['PATCH', `/api/v1/victims/${v}/identity`, { notes: 'Synthetic amended note' }],
      ['POST', `/api/v1/victims/${v}/transitions`, { to: 'recovered', reason: 'rescued in raid' }],
      ['POST', `/api/v1/victims/${v}/placements`, { kind: 'shelter', facility: 'Test Shelter Home' }],
      ['POST', `/api/v1/victims/${v}/followups`, { kind: 'psychosocial', dueAt: '2030-01-01T09:00:00+05:00' }],
      ['PUT', `/api/v1/cases/${caseA2}/victims/${v}`, {}],
      ['POST', `/api/v1/cases/${caseA}/victims`, { identity: { fullName: 'Parveen Testchild' } }],
      ['POST', `/api/v1/victims/${v}/assignments`, { userId: t.users.prot2.id }],
    ];
    for (const user of allUsers) {
      for (const [method, url, body] of writes) {
        const res = await t.call(user, method as 'POST', url, method === 'PUT' ? undefined : body);
        expect(leaked(res.body, [...secretsOne, ...secretsTwo]), `${user} ${method} ${url}`).toEqual([]);
      }
    }
    // The writes the rules allow did happen: the investigation's, the supervisor's, and both officers' once assigned.
    const detail = (await t.call('prot', 'GET', `/api/v1/victims/${v}`)).json();
    expect(detail.state).toBe('placed');
    expect(detail.care.followups).toHaveLength(2);
    expect(detail.care.placements).toHaveLength(2);
    expect(detail.assignedOfficers.map((o: { userId: string }) => o.userId).sort()).toEqual([t.users.prot.id, t.users.prot2.id].sort());
    const identity = (await t.call('prot', 'GET', `/api/v1/victims/${v}/identity`)).json();
    expect(identity).toMatchObject({ fullName: 'Parveen Testchild', notes: 'Synthetic amended note' });
  });

  it('shows the identity to the assigned officer with one audit entry per read, and keeps it out of the trail and the table', async () => {
    const before = (await identityReads(victimOne)).length;
    for (let i = 0; i < 3; i++) {
      const res = await t.call('prot', 'GET', `/api/v1/victims/${victimOne}/identity`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ...identityOne, victimId: victimOne, cnicOrBForm: '32304-1234567-1', pseudonym: expect.stringMatching(/^V-\d{4}-\d{4}$/) });
    }
    const reads = await identityReads(victimOne);
    expect(reads).toHaveLength(before + 3);
    expect(reads.every((r) => r.actor_id === t.users.prot.id)).toBe(true);
    // Neither the audit trail nor the stored row holds the identity in clear.
    const trail = JSON.stringify(await t.ctx.db.selectFrom('audit_log').selectAll().execute());
    expect(leaked(trail, [...secretsOne, ...secretsTwo])).toEqual([]);
    const stored = await t.ctx.db.selectFrom('victim_identities').selectAll().where('victim_id', '=', victimOne).executeTakeFirstOrThrow();
    expect(stored.key_id).toBe(t.ctx.crypto.keyId);
    const blob = Buffer.from(stored.ciphertext);
    for (const s of secretsOne) expect(blob.includes(Buffer.from(s))).toBe(false);
  });

  it('refuses a second, unassigned protection officer everywhere, and the assigned one once unassigned', async () => {
    const v = (await newVictim('invA', caseA, { identity: { fullName: 'Zarmeena Testchild' } })).id;
    expect((await assign(v)).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['GET', `/api/v1/victims/${v}`, undefined],
      ['GET', `/api/v1/victims/${v}/identity`, undefined],
      ['PATCH', `/api/v1/victims/${v}/identity`, { notes: 'x' }],
      ['POST', `/api/v1/victims/${v}/followups`, { kind: 'medical', dueAt: '2030-01-01T00:00:00Z' }],
      ['POST', `/api/v1/victims/${v}/transitions`, { to: 'recovered', reason: 'not mine' }],
    ] as const) {
      const res = await t.call('prot2', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(leaked(res.body, secretsOne)).toEqual([]);
    }
    expect((await t.call('prot2', 'GET', '/api/v1/victims?limit=200')).json().items.map((i: { id: string }) => i.id)).not.toContain(v);
    expect((await identityReads(v)).length).toBe(0);

    expect((await t.call('supA', 'DELETE', `/api/v1/victims/${v}/assignments/${t.users.prot.id}`)).statusCode).toBe(200);
    expect((await t.call('prot', 'GET', `/api/v1/victims/${v}/identity`)).statusCode).toBe(404);
    expect((await t.call('supA', 'DELETE', `/api/v1/victims/${v}/assignments/${t.users.prot.id}`)).statusCode).toBe(404);
  });

  it('lets the investigation write the identity but never read it back; merges fields', async () => {
    const v = await newVictim('invA', caseA, { gender: 'male', identity: { fullName: 'Zarmeena Testchild' } });
    expect(v.hasIdentity).toBe(true);
    expect(leaked(JSON.stringify(v), secretsOne)).toEqual([]);
    const write = await t.call('invA', 'PATCH', `/api/v1/victims/${v.id}/identity`, { guardianName: 'Gulnaz Testguardian', cnicOrBForm: '32304-1234567-1' });
    expect(write.statusCode).toBe(200);
    expect(Object.keys(write.json()).sort()).toEqual(['ok', 'updatedAt']);
    expect((await t.call('invA', 'GET', `/api/v1/victims/${v.id}/identity`)).statusCode).toBe(403);
    expect((await t.call('supA', 'PATCH', `/api/v1/victims/${v.id}/identity`, { fullName: null })).statusCode).toBe(200);
    for (const [user, status] of [['analyst', 403], ['prosecutor', 403], ['invA2', 404], ['invB', 404], ['admin', 403], ['leadership', 403]] as const) {
      expect((await t.call(user, 'PATCH', `/api/v1/victims/${v.id}/identity`, { notes: 'x' })).statusCode, user).toBe(status);
    }
    const bad = await t.call('invA', 'PATCH', `/api/v1/victims/${v.id}/identity`, { cnicOrBForm: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.cnicOrBForm');
    await assign(v.id);
    const identity = (await t.call('prot', 'GET', `/api/v1/victims/${v.id}/identity`)).json();
    expect(identity).toMatchObject({ fullName: null, guardianName: 'Gulnaz Testguardian', cnicOrBForm: '32304-1234567-1', address: null });
  });

  it('numbers pseudonyms V-YYYY-NNNN uniquely and consecutively under 10 concurrent registrations', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.call('invA', 'POST', `/api/v1/cases/${caseA}/victims`, { ageAtIdentification: 8 })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const codes = results.map((r) => r.json().pseudonym as string);
    const year = new Date().getUTCFullYear();
    for (const c of codes) expect(c).toMatch(new RegExp(`^V-${year}-\\d{4}$`));
    expect(new Set(codes).size).toBe(10);
    const numbers = codes.map((c) => Number(c.slice(7))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => numbers[0]! + i));
    const all = await t.ctx.db.selectFrom('victims').select('pseudonym').execute();
    expect(new Set(all.map((r) => r.pseudonym)).size).toBe(all.length);
  });

  it('walks the safeguarding states with their timestamps and refuses the wrong steps, storing nothing', async () => {
    const v = (await newVictim('invA', caseA, { gender: 'female', ageAtIdentification: 7, identifiedAt: '2025-05-20T10:00:00+05:00' })).id;
    const step = (user: UserKey, to: string, extra: object = {}) => t.call(user, 'POST', `/api/v1/victims/${v}/transitions`, { to, reason: `to ${to}`, ...extra });
    const refused = async <R extends { statusCode: number; body: string }>(status: number, call: () => Promise<R>): Promise<R> => {
      const before = await counts();
      const res = await call();
      expect(res.statusCode, res.body).toBe(status);
      expect(await counts()).toEqual(before);
      return res;
    };
    const placement = (user: UserKey, body: object) => t.call(user, 'POST', `/api/v1/victims/${v}/placements`, body);

    await refused(409, () => step('invA', 'placed'));
    await refused(409, () => step('invA', 'closed'));
    await refused(403, () => step('analyst', 'recovered'));
    await refused(404, () => step('invA2', 'recovered'));
    await refused(404, () => step('prot', 'recovered'));
    await refused(400, () => step('invA', 'recovered', { at: '2025-05-19T00:00:00Z' }));
    await assign(v);
    await refused(409, () => placement('prot', { kind: 'shelter', facility: 'Too Early Shelter' }));

    const recovered = await step('invA', 'recovered', { at: '2025-05-23T11:00:00+05:00' });
    expect(recovered.statusCode).toBe(200);
    expect(recovered.json()).toMatchObject({ state: 'recovered', recoveredAt: '2025-05-23T06:00:00.000Z', allowedNextStates: [] });
    await refused(409, () => step('invA', 'recovered'));
    const noPlacement = await refused(409, () => step('prot', 'placed'));
    expect(noPlacement.json().detail).toContain('placement');
    await refused(403, () => placement('invA', { kind: 'shelter', facility: 'Wrong Writer' }));
    await refused(400, () => placement('prot', { kind: 'orphanage', facility: 'Unknown Kind' }));

    const first = await placement('prot', { kind: 'shelter', facility: 'Test Shelter Home', startedAt: '2025-05-23T18:00:00+05:00' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ state: 'placed', placedAt: '2025-05-23T13:00:00.000Z', currentPlacement: { kind: 'shelter', facility: 'Test Shelter Home' } });
    await refused(400, () => placement('prot', { kind: 'family', facility: 'Backdated Family', startedAt: '2025-05-22T00:00:00Z' }));
    const second = await placement('prot', { kind: 'child_protection_bureau', facility: 'CPB Test Centre', startedAt: '2025-06-01T10:00:00+05:00' });
    expect(second.statusCode).toBe(201);
    const placements = second.json().care.placements;
    expect(placements).toEqual([
      expect.objectContaining({ kind: 'shelter', endedAt: '2025-06-01T05:00:00.000Z' }),
      expect.objectContaining({ kind: 'child_protection_bureau', facility: 'CPB Test Centre', endedAt: null }),
    ]);
    expect(second.json().state).toBe('placed');

    const later = await t.call('prot', 'POST', `/api/v1/victims/${v}/followups`, { kind: 'education', dueAt: '2030-03-01T09:00:00+05:00' });
    const sooner = await t.call('prot', 'POST', `/api/v1/victims/${v}/followups`, { kind: 'medical', dueAt: '2030-02-01T09:00:00+05:00', notes: 'check-up' });
    expect([later.statusCode, sooner.statusCode]).toEqual([201, 201]);
    const medical = sooner.json().care.followups.find((f: { kind: string }) => f.kind === 'medical');
    const done = await t.call('prot', 'POST', `/api/v1/victims/${v}/followups/${medical.id}/done`, { notes: 'seen, well' });
    expect(done.statusCode).toBe(200);
    await refused(409, () => t.call('prot', 'POST', `/api/v1/victims/${v}/followups/${medical.id}/done`, {}));

    // The officer's home: placement with facility and the next open follow-up.
    const home = (await t.call('prot', 'GET', '/api/v1/victims?assigned=me&limit=200')).json();
    expect(home.items.find((i: { id: string }) => i.id === v)).toMatchObject({ state: 'placed', assignedToMe: true, currentPlacement: { kind: 'child_protection_bureau', facility: 'CPB Test Centre' }, nextFollowupDue: '2030-03-01T04:00:00.000Z' });
    expect(home.items.every((i: { assignedToMe: boolean }) => i.assignedToMe)).toBe(true);
    // Others see the state and placement kind, not where the child is or the care records.
    const forInvestigator = (await t.call('invA', 'GET', `/api/v1/victims/${v}`)).json();
    expect(forInvestigator).toMatchObject({ state: 'placed', currentPlacement: { kind: 'child_protection_bureau', facility: null }, nextFollowupDue: null, care: null });
    expect(JSON.stringify(forInvestigator)).not.toContain('CPB Test Centre');

    const closed = await step('prot', 'closed', { at: '2025-09-01T10:00:00+05:00' });
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: '2025-09-01T05:00:00.000Z', currentPlacement: null, allowedNextStates: [] });
    expect(closed.json().care.placements[1].endedAt).toBe('2025-09-01T05:00:00.000Z');
    await refused(409, () => step('prot', 'recovered'));
    await refused(409, () => placement('prot', { kind: 'family', facility: 'After Close' }));
    await refused(409, () => t.call('prot', 'POST', `/api/v1/victims/${v}/followups`, { kind: 'other', dueAt: '2030-01-01T00:00:00Z' }));
    expect(closed.json().history.map((h: { to: string }) => h.to)).toEqual(['identified', 'recovered', 'placed', 'closed']);
    expect(closed.json().history[1]).toMatchObject({ from: 'identified', actor: 'Test invA', reason: 'to recovered' });
  });

  it('scopes victims to those who may see a linked case, links across cases, and assigns officers by the branch supervisor', async () => {
    const v = await newVictim('invA', caseA, { ageAtIdentification: 10 });
    for (const user of ['invA', 'supA', 'analyst'] as const) expect((await t.call(user, 'GET', `/api/v1/victims/${v.id}`)).statusCode, user).toBe(200);
    for (const user of ['invA2', 'invB', 'supB', 'prosecutor', 'prot', 'prot2'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/victims/${v.id}`)).statusCode, user).toBe(404);
      expect((await t.call(user, 'GET', '/api/v1/victims?limit=200')).json().items.map((i: { id: string }) => i.id), user).not.toContain(v.id);
    }
    for (const user of ['leadership', 'admin', 'auditor'] as const) expect((await t.call(user, 'GET', `/api/v1/victims/${v.id}`)).statusCode, user).toBe(403);
    expect((await t.call('invA', 'GET', '/api/v1/victims/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const caseB = await openCase('invB', t.branchB, 'Other district case');
    const before = await counts();
    const guess = await t.call('invB', 'PUT', `/api/v1/cases/${caseB}/victims/${v.id}`);
    expect(guess.statusCode).toBe(404);
    expect(guess.json().errors[0].field).toBe('victimId');
    expect((await t.call('invA', 'PUT', `/api/v1/cases/${caseB}/victims/${v.id}`)).statusCode).toBe(404);
    expect((await t.call('invB', 'POST', `/api/v1/cases/${caseA}/victims`, {})).statusCode).toBe(404);
    expect((await t.call('analyst', 'POST', `/api/v1/cases/${caseA}/victims`, {})).statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const caseA2 = await openCase('invA', t.branchA, 'Linked case');
    const linked = await t.call('invA', 'PUT', `/api/v1/cases/${caseA2}/victims/${v.id}`);
    expect(linked.statusCode).toBe(200);
    expect(linked.json().cases.map((c: { caseId: string }) => c.caseId)).toEqual([caseA, caseA2]);
    expect((await t.call('invA', 'PUT', `/api/v1/cases/${caseA2}/victims/${v.id}`)).statusCode).toBe(409);
    const onCase = (await t.call('invA', 'GET', `/api/v1/cases/${caseA2}/persons`)).json();
    expect(onCase.victims).toEqual([{ id: v.id, pseudonym: v.pseudonym, state: 'identified', gender: null, ageAtIdentification: 10 }]);
    expect((await t.call('invA', 'GET', `/api/v1/victims?caseId=${caseA2}`)).json().items.map((i: { id: string }) => i.id)).toEqual([v.id]);
    expect((await t.call('invB', 'GET', `/api/v1/victims?caseId=${caseA2}`)).statusCode).toBe(404);

    // Assignment: the supervisor of the victim's branch, of a protection officer, once.
    expect((await assign(v.id, 'invA2')).json().errors[0].field).toBe('userId');
    for (const user of ['invA', 'admin', 'analyst', 'prot'] as const) expect((await t.call(user, 'POST', `/api/v1/victims/${v.id}/assignments`, { userId: t.users.prot.id })).statusCode, user).toBe(403);
    expect((await t.call('supB', 'POST', `/api/v1/victims/${v.id}/assignments`, { userId: t.users.prot.id })).statusCode).toBe(404);
    const ok = await assign(v.id);
    expect(ok.json().assignedOfficers).toEqual([{ userId: t.users.prot.id, displayName: 'Test prot' }]);
    expect((await assign(v.id)).statusCode).toBe(409);
    expect((await t.call('prot', 'GET', `/api/v1/victims/${v.id}`)).json()).toMatchObject({ pseudonym: v.pseudonym, cases: [], assignedToMe: true });
  });

  it('refuses malformed registrations as 400 naming the field, storing nothing', async () => {
    const before = await counts();
    for (const [body, field] of [
      [{ identity: { cnicOrBForm: '12345' } }, 'body.identity.cnicOrBForm'],
      [{ ageAtIdentification: 30 }, 'body.ageAtIdentification'],
      [{ identity: { dateOfBirth: '04/03/2015' } }, 'body.identity.dateOfBirth'],
      [{ gender: 'female', identifiedAt: '2999-01-01T00:00:00Z' }, 'identifiedAt'],
      // An empty form registers no one.
      [{}, 'body.gender'],
      [{ gender: 'girl' }, 'body.gender'],
    ] as const) {
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/victims`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('describes the victim routes in the OpenAPI document without identity fields outside the identity routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/victims', '/api/v1/victims/{id}', '/api/v1/victims/{id}/identity', '/api/v1/cases/{id}/victims']) expect(doc.paths[path], path).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/victims/{id}'].get.responses)).not.toContain('fullName');
  });
});
