import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, addVictim, openCase, setTeam, toTrial } from '../operations/case-fixtures.ts';
import { carryOverWarrantFlags } from '../../src/modules/warrants/warrant.carry-over.ts';

const { engines } = await detectEngines();

// Corrections (issue 10, item 3): every correction keeps the earlier value; need-to-know holds (another
// branch's records answer 404); bad input is refused naming the field and stores nothing.
describe.each(engines)('corrections API on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseA2: string;
  let caseB: string;
  let accusedA: string;
  let accusedB: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase(t, 'Corrections case A', 'invA');
    caseA2 = await openCase(t, 'Corrections case A second', 'invA');
    caseB = await openCase(t, 'Corrections case B', 'invB');
    accusedA = await addPerson(t, caseA, 'Kashif Invented Rana', 'suspect', 'at_large');
    accusedB = await addPerson(t, caseB, 'Babar Invented Lodhi', 'suspect', 'at_large');
  }, 60_000);
  afterAll(async () => t?.close());

  const corrections = async (url: string) => {
    const res = await t.call('invA', 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<{ recordKind: string; field: string; before: unknown; after: unknown; actor: string | null; labels?: Record<string, string> }>;
  };
  const count = async (table: 'record_corrections' | 'warrants') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('a corrected case keeps its earlier title and offences', async () => {
    const res = await t.call('invA', 'PATCH', `/api/v1/cases/${caseA}`, { title: 'Corrections case A (corrected)', offenceCodes: ['PECA-22'] });
    expect(res.statusCode, res.body).toBe(200);
    const list = await corrections(`/api/v1/cases/${caseA}/corrections`);
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ recordKind: 'case', field: 'title', before: 'Corrections case A', after: 'Corrections case A (corrected)', actor: expect.any(String) }),
      expect.objectContaining({ recordKind: 'case', field: 'offenceCodes', before: ['PECA-22', 'PPC-377B'], after: ['PECA-22'] }),
    ]));
    // An unchanged value is not recorded as a correction.
    const again = await t.call('invA', 'PATCH', `/api/v1/cases/${caseA}`, { title: 'Corrections case A (corrected)' });
    expect(again.statusCode).toBe(200);
    expect((await corrections(`/api/v1/cases/${caseA}/corrections`)).filter((c) => c.field === 'title')).toHaveLength(1);
  });

  it('another branch\'s case, its corrections and its warrants answer 404; bad input names the field and stores nothing', async () => {
    expect((await t.call('invA', 'PATCH', `/api/v1/cases/${caseB}`, { title: 'Not mine' })).statusCode).toBe(404);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseB}/corrections`)).statusCode).toBe(404);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseB}/warrants`)).statusCode).toBe(404);
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseB}/persons/${accusedB}/warrants`, { kind: 'arrest_warrant' })).statusCode).toBe(404);
    const before = await count('record_corrections');
    const bad = await t.call('invA', 'PATCH', `/api/v1/cases/${caseA}`, { title: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('title');
    const unknown = await t.call('invA', 'PATCH', `/api/v1/cases/${caseA}`, { title: 'Fine title', offenceCodes: ['NO-SUCH-CODE'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toContain('offenceCodes');
    expect(await count('record_corrections')).toBe(before);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseA}`)).json().title).toBe('Corrections case A (corrected)');
  });

  it('a corrected person keeps the earlier names, identifiers and date of birth; a future date of birth is refused', async () => {
    const created = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons`, {
      role: 'suspect',
      person: { displayName: 'Tariq Invented Mahmood', names: [{ name: 'Tariqa', kind: 'alias' }], dateOfBirth: '1990-04-01', identifiers: [{ kind: 'handle', value: 'tariq_invented', platform: 'Telegram' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const personId = created.json().persons.find((p: { displayName: string }) => p.displayName === 'Tariq Invented Mahmood').personId as string;
    const res = await t.call('invA', 'PATCH', `/api/v1/persons/${personId}`, {
      names: [{ name: 'Tariq M.', kind: 'variant' }], dateOfBirth: '1991-04-01', identifiers: [{ kind: 'handle', value: 'tariq_invented2', platform: 'Telegram' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = await corrections(`/api/v1/persons/${personId}/corrections`);
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ recordKind: 'person', field: 'dateOfBirth', before: '1990-04-01', after: '1991-04-01' }),
      expect.objectContaining({ field: 'names', before: ['Tariqa (alias)'], after: ['Tariq M. (variant)'] }),
      expect.objectContaining({ field: 'identifiers', before: [expect.stringContaining('tariq_invented')], after: [expect.stringContaining('tariq_invented2')] }),
    ]));
    const before = await count('record_corrections');
    const future = await t.call('invA', 'PATCH', `/api/v1/persons/${personId}`, { dateOfBirth: '2999-01-01', displayName: 'Should Not Stick' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toEqual(expect.objectContaining({ field: 'dateOfBirth', message: 'cannot be in the future' }));
    expect(await count('record_corrections')).toBe(before);
    expect((await t.call('invA', 'GET', `/api/v1/persons/${personId}`)).json().displayName).toBe('Tariq Invented Mahmood');
    expect((await t.call('invA', 'GET', `/api/v1/persons/${accusedB}/corrections`)).statusCode).toBe(404);
  });

  it('a planned operation takes officers and serves several cases; its correction keeps the earlier place and officers', async () => {
    const plan = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/operations`, {
      name: 'Operation Invented Dawn', plannedFor: '2026-01-05T05:00:00+05:00', place: 'Testpur market', officerIds: [t.users.invA.id], caseIds: [caseA2],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const op = plan.json();
    expect(op.officers).toEqual([expect.objectContaining({ id: t.users.invA.id })]);
    expect(op.servedCases).toEqual([expect.objectContaining({ id: caseA2 })]);
    // Listed on the further case too.
    const onSecond = (await t.call('invA', 'GET', `/api/v1/cases/${caseA2}/operations`)).json();
    expect(onSecond.items.map((o: { id: string }) => o.id)).toContain(op.id);
    // Another branch's case cannot be served; another branch's officer cannot take part.
    const foreignCase = await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { caseIds: [caseB] });
    expect(foreignCase.statusCode).toBe(400);
    expect(foreignCase.json().errors[0].field).toContain('caseIds');
    const foreignOfficer = await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { officerIds: [t.users.invB.id] });
    expect(foreignOfficer.statusCode).toBe(400);
    expect(foreignOfficer.json().errors[0].field).toContain('officerIds');
    // An analyst (branch-less, not an officer) is refused by the service, naming the element.
    const notOfficer = await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { officerIds: [t.users.invA.id, t.users.analyst.id] });
    expect(notOfficer.statusCode).toBe(400);
    expect(notOfficer.json().errors[0].field).toBe('officerIds.1');
    const fix = await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { place: 'Testpur bus stand', officerIds: [t.users.invA.id, t.users.invA2.id] });
    expect(fix.statusCode, fix.body).toBe(200);
    const list = await corrections(`/api/v1/cases/${caseA}/corrections?kind=operation`);
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ recordKind: 'operation', field: 'place', before: 'Testpur market', after: 'Testpur bus stand' }),
      expect.objectContaining({ field: 'officerIds', before: [t.users.invA.id], after: [t.users.invA.id, t.users.invA2.id].sort() }),
    ]));
    // Ids are named for the reader: officers by name, cases by FIR and title, and a case the reader may not
    // see by nothing at all (its id is left unnamed, so nothing about it shows).
    const officers = list.find((c) => c.field === 'officerIds');
    expect(officers?.labels).toEqual({ [t.users.invA.id]: 'Test invA', [t.users.invA2.id]: 'Test invA2' });
    expect((await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { caseIds: [] })).statusCode).toBe(200);
    const served = (await corrections(`/api/v1/cases/${caseA}/corrections?kind=operation`)).find((c) => c.field === 'caseIds');
    expect(served).toMatchObject({ before: [caseA2], after: [] });
    expect(served?.labels?.[caseA2]).toContain('Corrections case A second');
    await t.ctx.db.insertInto('case_team').values({ case_id: caseA, user_id: t.users.invA2.id, team_role: 'member' }).execute();
    const seenByOther = (await t.call('invA2', 'GET', `/api/v1/cases/${caseA}/corrections?kind=operation`)).json().items.find((c: { field: string }) => c.field === 'caseIds');
    expect(seenByOther.before).toEqual([caseA2]);
    expect(seenByOther.labels).toEqual({});
    const bad = await t.call('invA', 'PATCH', `/api/v1/operations/${op.id}`, { plannedFor: '1900-01-01T00:00:00+05:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('plannedFor');
  });

  it('warrants replace the single flag: recorded, corrected with the earlier value kept, the flag follows', async () => {
    const created = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons/${accusedA}/warrants`, { kind: 'interpol_red_notice', status: 'requested', country: 'ae', reference: 'A-1234/5-2025' });
    expect(created.statusCode, created.body).toBe(201);
    const w = created.json().items[0];
    expect(w).toEqual(expect.objectContaining({ kind: 'interpol_red_notice', country: 'AE', personName: 'Kashif Invented Rana' }));
    const flagged = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/persons`)).json().persons.find((p: { personId: string }) => p.personId === accusedA);
    expect(flagged.foreignWarrantRequested).toBe(true);
    // Issued needs its date; a date in the future is refused; nothing stored.
    const before = await count('record_corrections');
    const noDate = await t.call('invA', 'PATCH', `/api/v1/warrants/${w.id}`, { status: 'issued' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0].field).toBe('issuedOn');
    const future = await t.call('invA', 'PATCH', `/api/v1/warrants/${w.id}`, { status: 'issued', issuedOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('issuedOn');
    const badCountry = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons/${accusedA}/warrants`, { kind: 'foreign_arrest_warrant' });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().errors[0].field).toBe('country');
    expect(await count('record_corrections')).toBe(before);
    const issued = await t.call('invA', 'PATCH', `/api/v1/warrants/${w.id}`, { status: 'issued', issuedOn: '2025-03-01', reference: 'A-1234/5-2025-RN' });
    expect(issued.statusCode, issued.body).toBe(200);
    const withdrawn = await t.call('invA', 'PATCH', `/api/v1/warrants/${w.id}`, { status: 'withdrawn' });
    expect(withdrawn.statusCode).toBe(200);
    const again = await t.call('invA', 'PATCH', `/api/v1/warrants/${w.id}`, { status: 'issued' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('status');
    const list = await corrections(`/api/v1/cases/${caseA}/corrections?kind=warrant`);
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'reference', before: 'A-1234/5-2025', after: 'A-1234/5-2025-RN' }),
      expect.objectContaining({ field: 'status', before: 'issued', after: 'withdrawn' }),
    ]));
    const unflagged = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/persons`)).json().persons.find((p: { personId: string }) => p.personId === accusedA);
    expect(unflagged.foreignWarrantRequested).toBe(false);
    // Another branch's warrant: 404 (invB records one on their own case).
    const theirs = (await t.call('invB', 'POST', `/api/v1/cases/${caseB}/persons/${accusedB}/warrants`, { kind: 'proclamation' })).json().items[0].id;
    expect((await t.call('invA', 'PATCH', `/api/v1/warrants/${theirs}`, { status: 'withdrawn' })).statusCode).toBe(404);
  });

  it('the older warrant switch is written as a warrant', async () => {
    const other = await addPerson(t, caseA, 'Nadeem Invented Shah', 'facilitator', 'at_large');
    const res = await t.call('invA', 'PATCH', `/api/v1/cases/${caseA}/persons/${other}`, { foreignWarrantRequested: true, reason: 'believed abroad' });
    expect(res.statusCode, res.body).toBe(200);
    const warrants = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/warrants`)).json().items.filter((w: { personId: string }) => w.personId === other);
    expect(warrants).toEqual([expect.objectContaining({ kind: 'foreign_request', status: 'requested' })]);
  });

  it('a flag written straight to the table (demo, bundle) becomes one warrant, once', async () => {
    const flagged = await addPerson(t, caseA, 'Imran Invented Qureshi', 'suspect', 'at_large');
    await t.ctx.db.updateTable('case_persons').set({ foreign_warrant_requested: true }).where('person_id', '=', flagged).execute();
    for (let i = 0; i < 2; i++) await t.ctx.db.transaction().execute((tx) => carryOverWarrantFlags(tx, [caseA]));
    const warrants = (await t.call('invA', 'GET', `/api/v1/cases/${caseA}/warrants`)).json().items.filter((w: { personId: string }) => w.personId === flagged);
    expect(warrants).toEqual([expect.objectContaining({ kind: 'foreign_request', status: 'requested' })]);
  });

  it('links a victim to a further case the officer may see; another branch\'s case or victim answers 404', async () => {
    const victim = await addVictim(t, caseA);
    const theirs = await addVictim(t, caseB);
    expect((await t.call('invA', 'PUT', `/api/v1/cases/${caseB}/victims/${victim.id}`)).statusCode).toBe(404);
    expect((await t.call('invA', 'PUT', `/api/v1/cases/${caseA2}/victims/${theirs.id}`)).statusCode).toBe(404);
    const res = await t.call('invA', 'PUT', `/api/v1/cases/${caseA2}/victims/${victim.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([caseA, caseA2].sort());
    const again = await t.call('invA', 'PUT', `/api/v1/cases/${caseA2}/victims/${victim.id}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('victimId');
  });

  it('a corrected hearing keeps its earlier court and date', async () => {
    const c = await openCase(t, 'Corrections trial case', 'invA');
    await setTeam(t, c, ['invA', 'prosecutor']);
    await toTrial(t, c);
    const h = (await t.call('prosecutor', 'POST', `/api/v1/cases/${c}/hearings`, { court: 'Sessions Court Testpur', scheduledFor: '2025-09-01T09:00:00+05:00', purpose: 'framing of charges' })).json().hearings[0];
    const res = await t.call('prosecutor', 'PATCH', `/api/v1/hearings/${h.id}`, { court: 'Sessions Court Testabad', scheduledFor: '2025-09-02T09:00:00+05:00' });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t.call('prosecutor', 'GET', `/api/v1/cases/${c}/corrections?kind=hearing`)).json().items;
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'court', before: 'Sessions Court Testpur', after: 'Sessions Court Testabad' }),
      expect.objectContaining({ field: 'scheduledFor', before: '2025-09-01T04:00:00.000Z', after: '2025-09-02T04:00:00.000Z' }),
    ]));
  });

  it('a corrected offence of the catalogue keeps its earlier title (administrator only)', async () => {
    const current = (await t.call('admin', 'GET', '/api/v1/offences/PECA-22')).json();
    const { code: _code, ...fields } = current;
    expect((await t.call('invA', 'PUT', '/api/v1/offences/PECA-22', { ...fields, title: 'Not allowed' })).statusCode).toBe(403);
    const res = await t.call('admin', 'PUT', '/api/v1/offences/PECA-22', { ...fields, title: `${current.title} (corrected)` });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await t.call('admin', 'GET', '/api/v1/offences/PECA-22/corrections')).json().items;
    expect(list).toEqual([expect.objectContaining({ recordKind: 'offence', field: 'title', before: current.title, after: `${current.title} (corrected)` })]);
    const bad = await t.call('admin', 'PUT', '/api/v1/offences/PECA-22', { ...fields, title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('title');
  });
});
