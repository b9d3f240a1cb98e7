import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';

const { engines } = await detectEngines();

describe.each(engines)('persons API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const openCase = async (user: UserKey, branchId: number, title = 'Synthetic grooming case') => {
    const res = await t.call(user, 'POST', '/api/v1/cases', { branchId, title, summary: 'Synthetic test case', offenceCodes: ['PECA-22'], reportedAt: '2025-01-02T10:00:00+05:00' });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const newPerson = async (user: UserKey, body: object) => {
    const res = await t.call(user, 'POST', '/api/v1/persons', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const count = async (table: 'persons' | 'person_names' | 'links' | 'case_persons' | 'accused_status_history' | 'arrests' | 'audit_log' | 'case_events') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Object.fromEntries(await Promise.all((['persons', 'person_names', 'links', 'case_persons', 'accused_status_history', 'arrests', 'audit_log', 'case_events'] as const).map(async (n) => [n, await count(n)])));

  it('records a person with Urdu and Latin names, normalised CNIC, phones and identifiers; Urdu round-trips', async () => {
    const urdu = 'محمد عاصف چوہدری';
    const p = await newPerson('invA', {
      displayName: 'Muhammad Asif Chaudhry',
      names: [{ name: urdu, kind: 'variant' }, { name: 'Asif Bhai', kind: 'alias' }, { name: 'M. Asif', kind: 'variant', script: 'latin' }],
      gender: 'male',
      estimatedAge: 34,
      nationality: 'pk',
      cnic: '3520212345671',
      passport: 'ab1234567',
      phones: ['0300-1234567', '+44 20 7946 0958'],
      identifiers: [{ kind: 'handle', value: '@Asif_Games', platform: 'Telegram' }, { kind: 'email', value: 'Asif.Test@Example.org' }, { kind: 'wallet', value: '03001234567', platform: 'JazzCash' }],
    });
    expect(p).toMatchObject({ displayName: 'Muhammad Asif Chaudhry', cnic: '35202-1234567-1', passport: 'AB1234567', nationality: 'PK', nationalityName: 'Pakistan', estimatedAge: 34, phones: ['+923001234567', '+442079460958'] });
    expect(p.names).toEqual([
      expect.objectContaining({ name: 'Muhammad Asif Chaudhry', kind: 'primary', script: 'latin' }),
      expect.objectContaining({ name: urdu, kind: 'variant', script: 'urdu' }),
      expect.objectContaining({ name: 'Asif Bhai', kind: 'alias', script: 'latin' }),
      expect.objectContaining({ name: 'M. Asif', kind: 'variant', script: 'latin' }),
    ]);
    expect(p.identifiers).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'handle', value: 'Asif_Games', platform: 'telegram', entityId: expect.any(String) }),
      expect.objectContaining({ kind: 'email', value: 'asif.test@example.org' }),
    ]));
    const again = (await t.call('invA', 'GET', `/api/v1/persons/${p.id}`)).json();
    expect(again.names.map((n: { name: string }) => n.name)).toContain(urdu);
    expect(Buffer.from(JSON.stringify(again)).includes(Buffer.from(urdu))).toBe(true);
  });

  it.each([
    ['cnic', { cnic: '35202-123456-71' }, 'body.cnic'],
    ['cnic letters', { cnic: 'ABCDE-1234567-1' }, 'body.cnic'],
    ['passport', { passport: 'AB 12' }, 'body.passport'],
    ['phone', { phones: ['0300-1234567', 'call me maybe'] }, 'body.phones.1'],
    ['short phone', { phones: ['0300-12345'] }, 'body.phones.0'],
    ['nationality', { nationality: 'Pakistan' }, 'body.nationality'],
    ['e-mail', { identifiers: [{ kind: 'email', value: 'nope' }] }, 'body.identifiers.0.value'],
  ])('refuses a malformed %s as 400 problem+json naming the field, storing nothing', async (_what, extra, field) => {
    const before = await counts();
    const res = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Invalid Input Person', ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('validation_failed');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown fields', async () => {
    const res = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Unknown Field', religion: 'x' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toContain('religion');
  });

  it('refuses a date of birth together with an estimated age, and a birth date in the future', async () => {
    const both = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Both Ages', dateOfBirth: '1990-01-01', estimatedAge: 30 });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('estimatedAge');
    const future = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Future Born', dateOfBirth: '2999-01-01' });
    expect(future.json().errors[0].field).toBe('dateOfBirth');
  });

  it('finds a person by any spelling of a name, Urdu text, CNIC, passport, phone and handle', async () => {
    const p = await newPerson('invA', {
      displayName: 'Mohammed Tariq Qureshi',
      names: [{ name: 'مُحَمَّد طارق', kind: 'variant' }, { name: 'Tiger', kind: 'alias' }],
      cnic: '42101-7654321-3',
      passport: 'XY7654321',
      phones: ['0321 7654321'],
      identifiers: [{ kind: 'handle', value: 'tiger_tq', platform: 'Discord' }],
    });
    const find = async (query: string) => (await t.call('invA', 'GET', `/api/v1/persons?${query}`)).json().items.map((i: { id: string }) => i.id);
    for (const q of ['Muhammad Tariq', 'mohamad', 'Muhamed Qureshi', 'Kureshi', 'tiger', 'TARIQ', 'محمد', 'طارق'])
      expect(await find(`q=${encodeURIComponent(q)}`), q).toContain(p.id);
    expect(await find(`q=${encodeURIComponent('Mahmood')}`)).not.toContain(p.id);
    expect(await find('cnic=4210176543213')).toEqual([p.id]);
    expect(await find('cnic=42101-7654321-3')).toEqual([p.id]);
    expect(await find('passport=xy7654321')).toEqual([p.id]);
    expect(await find(`phone=${encodeURIComponent('+92 321 7654321')}`)).toEqual([p.id]);
    expect(await find('phone=03217654321')).toEqual([p.id]);
    expect(await find(`handle=${encodeURIComponent('@TIGER_TQ')}`)).toEqual([p.id]);
    const list = (await t.call('invA', 'GET', '/api/v1/persons?q=tariq')).json();
    expect(list.items.find((i: { id: string }) => i.id === p.id).otherNames).toEqual(['مُحَمَّد طارق', 'Tiger']);
    const bad = await t.call('invA', 'GET', '/api/v1/persons?cnic=123');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.cnic');
    expect(await find(`q=${encodeURIComponent("%' OR 1=1 --")}`)).toEqual([]);
  });

  it('shows a person only to those who may see a linked case, the creator and analysts; 404 by guessing the id', async () => {
    const p = await newPerson('invA', { displayName: 'Need To Know Person', cnic: '11111-2222222-3' });
    const seesIt = async (user: UserKey) => {
      const byId = await t.call(user, 'GET', `/api/v1/persons/${p.id}`);
      const byCnic = (await t.call(user, 'GET', '/api/v1/persons?cnic=11111-2222222-3')).json();
      expect(byCnic.items?.length ?? 0, user).toBe(byId.statusCode === 200 ? 1 : 0);
      return byId.statusCode;
    };
    // Unlinked: only its creator and analysts.
    expect(await seesIt('invA')).toBe(200);
    expect(await seesIt('analyst')).toBe(200);
    for (const u of ['invA2', 'invB', 'supA', 'supB', 'prosecutor'] as const) expect(await seesIt(u), u).toBe(404);
    for (const u of ['prot', 'prot2', 'leadership', 'admin', 'auditor'] as const) expect((await t.call(u, 'GET', `/api/v1/persons/${p.id}`)).statusCode, u).toBe(403);

    const caseA = await openCase('invA', t.branchA, 'Visibility case A');
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons`, { personId: p.id, role: 'suspect' })).statusCode).toBe(201);
    // Linked to a branch A case: the branch supervisor now sees them, other teams and branches still do not.
    expect(await seesIt('supA')).toBe(200);
    for (const u of ['invA2', 'invB', 'supB', 'prosecutor'] as const) expect(await seesIt(u), u).toBe(404);
    // Guessing the id does not let another branch link or edit the person.
    const caseB = await openCase('invB', t.branchB, 'Visibility case B');
    const guess = await t.call('invB', 'POST', `/api/v1/cases/${caseB}/persons`, { personId: p.id, role: 'suspect' });
    // A body field naming a record you may not see is refused centrally like a missing one: 400 naming it.
    expect(guess.statusCode).toBe(400);
    expect(guess.json().errors[0].field).toBe('personId');
    expect((await t.call('invB', 'PATCH', `/api/v1/persons/${p.id}`, { notes: 'x' })).statusCode).toBe(404);
    expect((await t.call('invB', 'GET', '/api/v1/persons/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    // A person in cases of two branches: each sees only the cases they may see.
    await t.ctx.db.insertInto('case_persons').values({ case_id: caseB, person_id: p.id, role: 'witness' }).execute();
    const casesOf = async (user: UserKey) => (await t.call(user, 'GET', `/api/v1/persons/${p.id}`)).json().cases.map((c: { caseId: string }) => c.caseId).sort();
    expect(await casesOf('invA')).toEqual([caseA]);
    expect(await casesOf('invB')).toEqual([caseB]);
    expect(await casesOf('analyst')).toEqual([caseA, caseB].sort());
    const forA = (await t.call('invA', 'GET', `/api/v1/persons/${p.id}`)).json();
    expect(forA.cases[0]).toMatchObject({ title: 'Visibility case A', roles: ['suspect'], accusedStatus: 'at_large', foreignWarrantRequested: false });
  });

  it('edits a person: fields, replaced names and phones; refuses analysts', async () => {
    const p = await newPerson('invA', { displayName: 'Edit Me', names: [{ name: 'Old Alias' }], phones: ['0300-1111111'] });
    const res = await t.call('invA', 'PATCH', `/api/v1/persons/${p.id}`, { displayName: 'Edited Person', names: [{ name: 'نیا نام' }], phones: ['0333-2222222'], gender: 'female', nationality: 'DE' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ displayName: 'Edited Person', gender: 'female', nationality: 'DE', nationalityName: 'Germany', phones: ['+923332222222'], otherNames: ['نیا نام'] });
    expect(body.names[0]).toMatchObject({ name: 'Edited Person', kind: 'primary' });
    expect(body.names[1]).toMatchObject({ name: 'نیا نام', kind: 'alias', script: 'urdu' });
    expect((await t.call('invA', 'GET', '/api/v1/persons?q=old%20alias')).json().items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await t.call('invA', 'PATCH', `/api/v1/persons/${p.id}`, { gender: null })).json().gender).toBeNull();
    expect((await t.call('analyst', 'PATCH', `/api/v1/persons/${p.id}`, { notes: 'x' })).statusCode).toBe(403);
    const bad = await t.call('invA', 'PATCH', `/api/v1/persons/${p.id}`, { phones: ['12'] });
    expect(bad.json().errors[0].field).toBe('body.phones.0');
  });

  it('links persons to a case in roles and lists persons and roles in one call', async () => {
    const caseId = await openCase('invA', t.branchA, 'Roles case');
    const suspect = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { person: { displayName: 'Ring Leader Test', nationality: 'DE' }, role: 'ringleader', foreignWarrantRequested: true });
    expect(suspect.statusCode, suspect.body).toBe(201);
    const leaderId = suspect.json().persons[0].personId;
    const witness = await newPerson('invA', { displayName: 'Witness Test' });
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'witness' })).statusCode).toBe(201);
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'guardian' })).statusCode).toBe(201);
    const dup = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'witness' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('role');
    const warrantOnWitness = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'informant', foreignWarrantRequested: true });
    expect(warrantOnWitness.json().errors[0].field).toBe('foreignWarrantRequested');
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { role: 'witness' })).json().errors[0].field).toBe('personId');
    expect((await t.call('analyst', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'informant' })).statusCode).toBe(403);
    expect((await t.call('invA2', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: witness.id, role: 'informant' })).statusCode).toBe(404);

    const before = await counts();
    const badNew = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { person: { displayName: 'Bad CNIC', cnic: '1' }, role: 'suspect' });
    expect(badNew.json().errors[0].field).toBe('body.person.cnic');
    expect(await counts()).toEqual(before);

    const list = (await t.call('supA', 'GET', `/api/v1/cases/${caseId}/persons`)).json();
    expect(list.persons).toEqual([
      expect.objectContaining({ personId: leaderId, displayName: 'Ring Leader Test', roles: ['ringleader'], accused: true, accusedStatus: 'at_large', foreignWarrantRequested: true, allowedNextStatuses: ['arrested', 'proclaimed_offender'] }),
      expect.objectContaining({ personId: witness.id, roles: ['witness', 'guardian'], accused: false, accusedStatus: null, allowedNextStatuses: [] }),
    ]);
    expect(list.victims).toEqual([]);
    expect((await t.call('analyst', 'GET', `/api/v1/cases/${caseId}/persons`)).statusCode).toBe(200);
    for (const u of ['invA2', 'invB', 'supB', 'prosecutor'] as const) expect((await t.call(u, 'GET', `/api/v1/cases/${caseId}/persons`)).statusCode, u).toBe(404);

    const withdraw = await t.call('invA', 'PATCH', `/api/v1/cases/${caseId}/persons/${leaderId}`, { foreignWarrantRequested: false, reason: 'red notice refused' });
    expect(withdraw.statusCode).toBe(200);
    expect((await t.call('invA', 'PATCH', `/api/v1/cases/${caseId}/persons/${witness.id}`, { foreignWarrantRequested: true, reason: 'not accused' })).statusCode).toBe(404);
    const timeline = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/timeline`)).json().items.map((e: { body: string }) => e.body);
    expect(timeline).toEqual(expect.arrayContaining(['Ring Leader Test added as ringleader', 'Witness Test added as witness']));
  });

  it('moves an accused along the rules with history, records arrests, and refuses illegal steps leaving nothing behind', async () => {
    const caseId = await openCase('invA', t.branchA, 'Custody case');
    const link = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { person: { displayName: 'Custody Test Suspect' }, role: 'suspect' });
    const pid = link.json().persons[0].personId;
    // A second accused role shares the one status.
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { personId: pid, role: 'facilitator' })).statusCode).toBe(201);
    const step = (user: UserKey, to: string, extra: object = {}) => t.call(user, 'POST', `/api/v1/cases/${caseId}/persons/${pid}/status`, { to, reason: `moving to ${to}`, ...extra });
    const arrests = () => t.ctx.db.selectFrom('arrests').selectAll().where('case_id', '=', caseId).execute();

    const refused = async (user: UserKey, to: string, status: number, extra: object = {}) => {
      const before = await counts();
      const res = await step(user, to, extra);
      expect(res.statusCode, `${user} -> ${to}: ${res.body}`).toBe(status);
      expect(await counts()).toEqual(before);
      return res;
    };
    const remandEarly = await refused('invA', 'physical_remand', 409);
    expect(remandEarly.json()).toMatchObject({ code: 'illegal_transition', errors: [{ field: 'to' }] });
    await refused('invA', 'convicted', 409);
    await refused('invA', 'at_large', 409);
    await refused('invA', 'proclaimed_offender', 400, { place: 'nowhere' });
    await refused('invA', 'arrested', 400, { at: '2999-01-01T00:00:00Z' });
    await refused('invA2', 'arrested', 404);
    await refused('analyst', 'arrested', 403);

    const arrested = await step('invA', 'arrested', { at: '2025-05-23T06:00:00+05:00', place: 'Muzaffargarh' });
    expect(arrested.statusCode, arrested.body).toBe(200);
    const entry = arrested.json().persons.find((p: { personId: string }) => p.personId === pid);
    expect(entry).toMatchObject({ roles: ['suspect', 'facilitator'], accusedStatus: 'arrested', allowedNextStatuses: ['physical_remand', 'judicial_remand', 'on_bail', 'at_large'] });
    expect(await arrests()).toEqual([expect.objectContaining({ person_id: pid, operation_id: null, place: 'Muzaffargarh', created_by: t.users.invA.id })]);
    // A status change cannot be dated before the previous one.
    await refused('invA', 'physical_remand', 400, { at: '2025-05-22T00:00:00Z' });
    for (const to of ['physical_remand', 'judicial_remand', 'on_bail']) expect((await step('invA', to)).statusCode, to).toBe(200);
    await refused('invA', 'physical_remand', 409);
    // Bail cancelled: a second arrest is a second arrest row.
    expect((await step('supA', 'arrested')).statusCode).toBe(200);
    expect(await arrests()).toHaveLength(2);
    expect((await step('invA', 'judicial_remand')).statusCode).toBe(200);

    // Verdicts belong to the prosecution, who must be on the team.
    await refused('invA', 'convicted', 409);
    await refused('prosecutor', 'convicted', 404);
    await t.call('supA', 'PUT', `/api/v1/cases/${caseId}/team`, { members: [{ userId: t.users.invA.id, teamRole: 'lead' }, { userId: t.users.prosecutor.id, teamRole: 'prosecutor' }] });
    await refused('prosecutor', 'on_bail', 409);
    // Nobody enters a verdict's outcome by hand: the verdict on the prosecution tab moves the accused and the case.
    const byHand = await refused('prosecutor', 'convicted', 409);
    expect(byHand.json().errors[0]).toMatchObject({ field: 'to', message: expect.stringContaining('prosecution tab') });

    const final = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/persons`)).json().persons[0];
    expect(final.accusedStatus).toBe('judicial_remand');
    expect(final.statusHistory.map((h: { to: string }) => h.to)).toEqual(['at_large', 'arrested', 'physical_remand', 'judicial_remand', 'on_bail', 'arrested', 'judicial_remand']);
    expect(final.statusHistory[1]).toMatchObject({ from: 'at_large', reason: 'moving to arrested', actor: 'Test invA', at: '2025-05-23T01:00:00.000Z' });
    const rows = await t.ctx.db.selectFrom('case_persons').select(['role', 'accused_status']).where('case_id', '=', caseId).where('person_id', '=', pid).execute();
    expect(rows.map((r) => r.accused_status)).toEqual(['judicial_remand', 'judicial_remand']);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_id', '=', pid).where('action', '=', 'case.person.status').execute();
    expect(audit).toHaveLength(6);
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons/00000000-0000-4000-8000-000000000000/status`, { to: 'arrested', reason: 'guess' })).statusCode).toBe(404);
  });

  it('describes the person routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/v1/persons', '/api/v1/persons/{id}', '/api/v1/cases/{id}/persons', '/api/v1/cases/{id}/persons/{personId}/status']) expect(doc.paths[path], path).toBeDefined();
    expect(JSON.stringify(doc.paths['/api/v1/persons'].post)).toContain('35202-1234567-1');
  });
});
