import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { addPerson, openCase } from '../operations/case-fixtures.ts';

const { engines } = await detectEngines();

describe.each(engines)('entities API on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  let caseB: string;
  let personA: string;
  let personB: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    caseA = await openCase(t, 'Synthetic live-stream case A', 'invA');
    caseB = await openCase(t, 'Synthetic live-stream case B', 'invB');
    personA = await addPerson(t, caseA, 'Test Suspect Alpha');
    personB = await addPerson(t, caseB, 'Test Suspect Bravo');
  }, 60_000);
  afterAll(async () => t?.close());

  const count = async (table: 'entities' | 'links' | 'payments' | 'communications' | 'communication_participants' | 'audit_log') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ entities: await count('entities'), links: await count('links'), payments: await count('payments'), communications: await count('communications'), audit: await count('audit_log') });

  it('one entity per value however it is typed, across the person form, the case panel and search', async () => {
    const person = await t.call('invA', 'POST', '/api/v1/persons', { displayName: 'Test Person Charlie', phones: ['0300-1112223'], identifiers: [{ kind: 'handle', value: '@Night_Owl', platform: 'Telegram' }] });
    expect(person.statusCode, person.body).toBe(201);
    const link = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/links`, { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'phone', value: '+92 300 111 2223' }, confidence: 0.8, observedFrom: '2025-03-01T00:00:00+05:00' });
    expect(link.statusCode, link.body).toBe(201);
    const phones = await t.ctx.db.selectFrom('entities').selectAll().where('kind', '=', 'phone').where('key', '=', '+923001112223').execute();
    expect(phones).toHaveLength(1);
    const account = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/links`, { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'account', value: 'https://t.me/night_owl' } });
    expect(account.statusCode, account.body).toBe(201);
    expect(await t.ctx.db.selectFrom('entities').select('id').where('kind', '=', 'account').where('key', '=', 'telegram:night_owl').execute()).toHaveLength(1);

    const found = (await t.call('invA', 'GET', '/api/v1/entities?q=0300-1112223')).json();
    expect(found.items.map((e: { id: string }) => e.id)).toEqual([phones[0]!.id]);
    const detail = (await t.call('invA', 'GET', `/api/v1/entities/${phones[0]!.id}`)).json();
    expect(detail).toMatchObject({ kind: 'phone', display: '+923001112223', cases: [{ id: caseA }] });
    expect(detail.links).toHaveLength(2);
    const inCase = detail.links.find((l: { caseId: string | null }) => l.caseId === caseA);
    expect(inCase).toMatchObject({ kind: 'uses', confidence: 0.8, sourceType: 'case', from: { type: 'person', label: 'Test Suspect Alpha' }, observedFrom: '2025-02-28T19:00:00.000Z' });
  });

  it('payments and live streams are records and edges; the case panel lists them', async () => {
    const pay = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/payments`, {
      from: { kind: 'account', value: 'viewer_one', platform: 'PayPal' }, to: { kind: 'wallet', value: '0300-4445556', platform: 'JazzCash' },
      amount: '150.50', currency: 'eur', paidAt: '2025-04-01T20:00:00Z', reference: 'TX-1',
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const stream = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/communications`, {
      kind: 'live_stream', platform: 'Synthetic Stream', startedAt: '2025-04-01T19:00:00Z', endedAt: '2025-04-01T21:00:00Z',
      participants: [
        { role: 'host', entity: { kind: 'account', value: 'host_x', platform: 'Synthetic Stream' } },
        { role: 'viewer', entity: { kind: 'account', value: 'viewer_one', platform: 'Synthetic Stream' } },
        { role: 'viewer', entity: { kind: 'account', value: 'viewer_two', platform: 'Synthetic Stream' } },
        { role: 'payer', entity: { kind: 'account', value: 'viewer_one', platform: 'PayPal' } },
      ],
    });
    expect(stream.statusCode, stream.body).toBe(201);
    const panel = stream.json();
    expect(panel.payments).toHaveLength(1);
    expect(panel.payments[0]).toMatchObject({ amount: expect.stringMatching(/^150\.5/), currency: 'EUR', to: { kind: 'wallet', key: 'jazzcash:+923004445556' } });
    expect(panel.communications[0].participants).toHaveLength(4);
    const kinds = panel.links.map((l: { kind: string }) => l.kind);
    expect(kinds).toEqual(expect.arrayContaining(['paid', 'hosted', 'viewed']));
    const payer = panel.payments[0].from.id;
    const detail = (await t.call('invA', 'GET', `/api/v1/entities/${payer}`)).json();
    expect(detail.payments).toHaveLength(1);
    expect(detail.communications).toHaveLength(1);
  });

  it('another branch\'s records are invisible: 404 on read, 400 naming the field on link, never in lists', async () => {
    const b = await t.call('invB', 'POST', `/api/v1/cases/${caseB}/links`, { kind: 'uses', from: { node: `person:${personB}` }, to: { kind: 'email', value: 'Bravo.Secret@Example.org' } });
    expect(b.statusCode, b.body).toBe(201);
    const secret = b.json().entities.find((e: { kind: string }) => e.kind === 'email');
    expect((await t.call('invA', 'GET', `/api/v1/entities/${secret.id}`)).statusCode).toBe(404);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${caseB}/entities`)).statusCode).toBe(404);
    const search = await t.call('invA', 'GET', '/api/v1/entities?q=bravo.secret@example.org');
    expect(search.json().items).toEqual([]);
    expect(search.body.includes(secret.id)).toBe(false);
    const before = await counts();
    const viaNode = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/links`, { kind: 'uses', from: { node: `person:${personA}` }, to: { node: `entity:${secret.id}` } });
    expect(viaNode.statusCode).toBe(400);
    expect(viaNode.json().errors).toEqual([expect.objectContaining({ field: 'to.node' })]);
    const hiddenPerson = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/links`, { kind: 'uses', from: { node: `person:${personB}` }, to: { kind: 'phone', value: '0300-9998887' } });
    expect(hiddenPerson.statusCode).toBe(400);
    expect(hiddenPerson.json().errors).toEqual([expect.objectContaining({ field: 'from.node' })]);
    expect(await counts()).toEqual(before);
    // The analyst sees everything; leadership has no graph.
    expect((await t.call('analyst', 'GET', `/api/v1/entities/${secret.id}`)).statusCode).toBe(200);
    expect((await t.call('leadership', 'GET', '/api/v1/entities')).statusCode).toBe(403);
    // Typing the same value in case A is the same entity (de-confliction is told), and from then on A sees only A's link.
    const again = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/links`, { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'email', value: 'bravo.secret@example.org' } });
    expect(again.statusCode).toBe(201);
    const seen = (await t.call('invA', 'GET', `/api/v1/entities/${secret.id}`)).json();
    expect(seen.links.map((l: { caseId: string }) => l.caseId)).toEqual([caseA]);
    expect(seen.cases.map((c: { id: string }) => c.id)).toEqual([caseA]);
    expect(JSON.stringify(seen).includes(caseB)).toBe(false);
    expect(JSON.stringify(seen).includes('Bravo')).toBe(false);
  });

  it('bad input: 400 naming the field, nothing written', async () => {
    const before = await counts();
    const bad: Array<[string, object, string]> = [
      ['links', { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'crypto_address', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' } }, 'to.value'],
      ['links', { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'phone' } }, 'body.to.value'],
      ['links', { kind: 'uses', from: { node: 'person:nope' }, to: { kind: 'phone', value: '03001234567' } }, 'from.node'],
      ['links', { kind: 'uses', from: { node: `person:${personA}` }, to: { kind: 'phone', value: '03001234567' }, confidence: 2 }, 'body.confidence'],
      ['payments', { from: { node: `person:${personA}` }, to: { kind: 'phone', value: '03001234567' }, amount: 1, currency: 'PKR', paidAt: '2025-01-01T00:00:00Z' }, 'from.node'],
      ['payments', { from: { kind: 'account', value: 'a', platform: 'x' }, to: { kind: 'account', value: 'a', platform: 'x' }, amount: 1, currency: 'PKR', paidAt: '2025-01-01T00:00:00Z' }, 'to'],
      ['payments', { from: { kind: 'account', value: 'a', platform: 'x' }, to: { kind: 'account', value: 'b', platform: 'x' }, amount: '-1', currency: 'PKR', paidAt: '2025-01-01T00:00:00Z' }, 'body.amount'],
      ['communications', { kind: 'live_stream', startedAt: '2025-01-02T00:00:00Z', endedAt: '2025-01-01T00:00:00Z', participants: [{ role: 'host', entity: { kind: 'account', value: 'h', platform: 'x' } }] }, 'endedAt'],
      ['communications', { kind: 'live_stream', startedAt: '2025-01-02T00:00:00Z', participants: [] }, 'body.participants'],
      ['communications', { kind: 'call', startedAt: '2025-01-02T00:00:00Z', participants: [{ role: 'sender', entity: { kind: 'device', value: '490154203237519' } }] }, 'participants.0.entity.value'],
    ];
    for (const [path, body, field] of bad) {
      const res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/${path}`, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), res.body).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});
