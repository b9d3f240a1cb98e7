import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { openCase, addPerson, addVictim } from '../operations/case-fixtures.ts';
import { eventText } from '../../src/platform/text/event-texts.schema.ts';

// Server sentences are written by code and values (src/platform/text/event-texts.schema.ts) through one helper
// (src/modules/cases/case-events.ts); the API gives code and params beside the English body.

const { engines } = await detectEngines();

describe('case_events has one writer', () => {
  it('no file under src/ but the helper (and migrations) inserts into case_events', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
    });
    const offenders = files('src').filter((f) => !f.endsWith('src/modules/cases/case-events.ts') && !f.includes('/migrations/'))
      .filter((f) => /insertInto\(\s*['"`]case_events['"`]\s*\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe.each(engines)('server sentences by code on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 120_000);
  afterAll(async () => t?.close());

  type Item = { kind: string; body: string; code: string | null; params: Record<string, string | number> | null };
  const timeline = async (caseId: string) => (await t.call('invA', 'GET', `/api/v1/cases/${caseId}/timeline?limit=100`)).json().items as Item[];
  const find = (items: Item[], code: string) => items.find((i) => i.code === code);

  it('a status change, a person added, an operation, evidence and a victim step carry code and params', async () => {
    const caseId = await openCase(t, 'Coded sentences case');
    // Status history: the server's own reason is coded, an officer's reason is not.
    const fir = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/transitions`, { to: 'fir_registered', reason: 'FIR lodged at the station', at: '2025-01-03T10:00:00+05:00', firNumber: 81234 });
    expect(fir.statusCode, fir.body).toBe(200);
    const detail = (await t.call('invA', 'GET', `/api/v1/cases/${caseId}`)).json();
    expect(detail.history[0]).toMatchObject({ to: 'complaint_received', reason: 'complaint received', code: 'statusComplaintReceived', params: {} });
    expect(detail.history[1]).toMatchObject({ to: 'fir_registered', reason: 'FIR lodged at the station', code: null, params: null });

    // A person added: role kept as its value, shown by label in the web app.
    const added = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, { role: 'suspect', person: { displayName: 'Qasim Invented Test' } });
    expect(added.statusCode, added.body).toBe(201);
    // An accused's step.
    const accusedId = await addPerson(t, caseId, 'Nadir Invented Test', 'suspect', 'at_large');
    const moved = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons/${accusedId}/status`, { to: 'proclaimed_offender', reason: 'absconding', at: '2025-01-05T10:00:00+05:00' });
    // An operation planned and approved.
    const plan = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, { name: 'Op Coded', plannedFor: '2025-05-23T04:00:00+05:00', place: 'Testpur (synthetic)', agencies: [], notes: '' });
    expect(plan.statusCode, plan.body).toBe(201);
    expect((await t.call('supA', 'POST', `/api/v1/operations/${plan.json().id}/approve`, { at: '2025-05-22T18:00:00+05:00' })).statusCode).toBe(200);
    // Evidence.
    const ev = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/evidence`, { label: 'EV-CODED-1', kind: 'media_folder', seizedAt: '2025-02-01T10:00:00+05:00' });
    expect(ev.statusCode, ev.body).toBe(201);
    // An officer's own custody reason: no code.
    const evChain = (await t.call('invA', 'GET', `/api/v1/evidence/${ev.json().id}`)).json().chain;
    expect(evChain[0]).toMatchObject({ code: null, params: null });
    // A victim identified.
    const victim = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/victims`, { gender: 'female', ageAtIdentification: 10 });
    expect(victim.statusCode, victim.body).toBe(201);

    const items = await timeline(caseId);
    expect(find(items, 'personAdded')).toMatchObject({ kind: 'person', params: { person: 'Qasim Invented Test', role: 'suspect' }, body: 'Qasim Invented Test added as suspect' });
    expect(moved.statusCode, moved.body).toBeLessThan(300);
    expect(find(items, 'accusedStep')).toMatchObject({ params: { person: 'Nadir Invented Test', from: 'at_large', to: 'proclaimed_offender', reason: 'absconding' } });
    const planned = find(items, 'operationPlanned')!;
    expect(planned.params).toEqual({ name: 'Op Coded', at: '2025-05-22T23:00:00.000Z', place: 'Testpur (synthetic)' });
    expect(planned.body).toBe(eventText('operationPlanned', planned.params!));
    expect(find(items, 'operationApproved')).toMatchObject({ kind: 'operation', params: { name: 'Op Coded' }, body: 'Operation Op Coded approved' });
    expect(find(items, 'evidenceRecorded')).toMatchObject({ kind: 'evidence', params: { label: 'EV-CODED-1', kind: 'media_folder' }, body: 'Evidence item EV-CODED-1 (media folder) recorded' });
    const identified = find(items, 'victimIdentified')!;
    expect(identified.params!.pseudonym).toMatch(/^V-/);
    // The victim's safeguarding history: the server's reason coded.
    const v = (await t.call('invA', 'GET', `/api/v1/victims/${victim.json().id}`)).json();
    expect(v.history[0]).toMatchObject({ to: 'identified', reason: 'identified', code: 'identified', params: {} });

    // An officer's own note: no code, shown as written.
    expect((await t.call('invA', 'POST', `/api/v1/cases/${caseId}/timeline`, { kind: 'note', body: 'Operation Op Coded approved' })).statusCode).toBe(201);
    const note = (await timeline(caseId)).find((i) => i.kind === 'note')!;
    expect(note).toMatchObject({ code: null, params: null, body: 'Operation Op Coded approved' });

    // Every coded row's body is the catalogue's English for its values.
    for (const i of await timeline(caseId)) if (i.code) expect(i.body, i.code).toBe(eventText(i.code as never, i.params!));
  }, 120_000);

  it('a rescue in an executed operation codes the child\'s safeguarding step and the operation line', async () => {
    const caseId = await openCase(t, 'Coded rescue case');
    const child = await addVictim(t, caseId, 'identified');
    const op = (await t.call('invA', 'POST', `/api/v1/cases/${caseId}/operations`, { name: 'Op Rescue', plannedFor: '2025-05-23T04:00:00+05:00', place: 'Testpur', agencies: [], notes: '' })).json().id as string;
    expect((await t.call('supA', 'POST', `/api/v1/operations/${op}/approve`, { at: '2025-05-22T18:00:00+05:00' })).statusCode).toBe(200);
    const ex = await t.call('invA', 'POST', `/api/v1/operations/${op}/execute`, { executedAt: '2025-05-23T09:00:00+05:00', durationMinutes: 90, arrestedPersonIds: [], rescuedVictimIds: [child.id], seizedItems: [{ label: 'EV-RESCUE-PHONE', kind: 'phone' }] });
    expect(ex.statusCode, ex.body).toBe(200);
    expect(find(await timeline(caseId), 'operationExecuted')!.params).toEqual({ name: 'Op Rescue', hours: 1.5, arrested: 0, rescued: 1, items: 1 });
    // The seized item's chain of custody starts with the server's reason, coded.
    const seized = await t.ctx.db.selectFrom('evidence_items').select('id').where('case_id', '=', caseId).where('label', '=', 'EV-RESCUE-PHONE').executeTakeFirstOrThrow();
    const chain = (await t.call('invA', 'GET', `/api/v1/evidence/${seized.id}`)).json().chain;
    expect(chain[0]).toMatchObject({ reason: 'seized in operation Op Rescue', code: 'custodySeizedInOperation', params: { name: 'Op Rescue' } });
    const rows = await t.ctx.db.selectFrom('victim_state_history').select(['reason', 'code', 'params']).where('victim_id', '=', child.id).execute();
    expect(rows).toContainEqual({ reason: 'rescued in operation Op Rescue', code: 'rescuedInOperation', params: { name: 'Op Rescue' } });
  }, 120_000);
});
