import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';

const { engines } = await detectEngines();

describe.each(engines)('cases API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());

  const newCase = (branchId: number, title = 'Sextortion of a minor via gaming chat') => ({ branchId, title, summary: 'Synthetic test case', offenceCodes: ['PECA-22', 'PPC-384'] });

  it('opens a case in the investigator own branch with the creator as lead', async () => {
    const res = await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe('complaint_received');
    expect(body.offenceCodes).toEqual(['PECA-22', 'PPC-384']);
    expect(body.team).toEqual([expect.objectContaining({ userId: t.users.invA.id, teamRole: 'lead' })]);
    expect(body.allowedNextSteps).toEqual(['inquiry_open', 'fir_registered']);
  });

  it('refuses opening a case in another branch', async () => {
    const res = await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchB));
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe('branchId');
  });

  it('walks the legal workflow, timestamps each step with actor and reason, and refuses illegal steps', async () => {
    const id = (await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA, 'Workflow case'))).json().id;
    const step = (user: 'invA' | 'prosecutor', to: string, extra: object = {}) => t.call(user, 'POST', `/api/v1/cases/${id}/transitions`, { to, reason: `moving to ${to}`, ...extra });

    const skip = await step('invA', 'challan_submitted');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('illegal_transition');

    const noFir = await step('invA', 'fir_registered');
    expect(noFir.statusCode).toBe(400);
    expect(noFir.json().errors[0].field).toBe('firNumber');

    const fir = await step('invA', 'fir_registered', { firNumber: 4711 });
    expect(fir.statusCode).toBe(200);
    expect(fir.json().firLabel).toMatch(/^FIR 4711\/\d{4}$/);

    // Same FIR number in the same branch and year is refused.
    const other = (await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA, 'Second case'))).json().id;
    const dup = await t.call('invA', 'POST', `/api/v1/cases/${other}/transitions`, { to: 'fir_registered', reason: 'dup', firNumber: 4711 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('firNumber');

    for (const to of ['under_investigation', 'challan_submitted']) expect((await step('invA', to)).statusCode).toBe(200);
    // Court stages belong to the prosecution; the prosecutor must be on the team first.
    expect((await step('invA', 'in_trial')).statusCode).toBe(409);
    expect((await step('prosecutor', 'in_trial')).statusCode).toBe(404);
    const team = await t.call('supA', 'PUT', `/api/v1/cases/${id}/team`, { members: [{ userId: t.users.invA.id, teamRole: 'lead' }, { userId: t.users.prosecutor.id, teamRole: 'prosecutor' }] });
    expect(team.statusCode).toBe(200);
    for (const to of ['in_trial', 'charge_framed', 'evidence']) expect((await step('prosecutor', to)).statusCode).toBe(200);
    expect((await step('prosecutor', 'in_trial')).statusCode).toBe(409);
    // A judgment is recorded as a verdict (which moves the accused with the case), never as a bare step.
    const byHand = await step('prosecutor', 'convicted');
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().errors[0]).toMatchObject({ field: 'to', message: expect.stringContaining('record the verdict') });

    const detail = (await t.call('invA', 'GET', `/api/v1/cases/${id}`)).json();
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['complaint_received', 'fir_registered', 'under_investigation', 'challan_submitted', 'in_trial', 'charge_framed', 'evidence']);
    expect(detail.history[1]).toMatchObject({ from: 'complaint_received', reason: 'moving to fir_registered', actor: 'Test invA' });
    expect(detail.challanSubmittedAt).not.toBeNull();
  });

  it('hides cases outside the team or branch as not found, in lists and by id', async () => {
    const id = (await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA, 'Team-only case'))).json().id;
    for (const user of ['invA2', 'invB', 'supB', 'prosecutor'] as const) {
      expect((await t.call(user, 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(404);
      const list = (await t.call(user, 'GET', '/api/v1/cases?limit=200')).json();
      expect(list.items.map((c: { id: string }) => c.id)).not.toContain(id);
    }
    for (const user of ['invA', 'supA', 'analyst'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(200);
    for (const user of ['leadership', 'admin', 'auditor', 'prot'] as const) expect((await t.call(user, 'GET', `/api/v1/cases/${id}`)).statusCode).toBe(403);
    // A random id and a guessed one answer the same.
    expect((await t.call('invB', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('searches by title and FIR number, filters and pages', async () => {
    const id = (await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA, 'Wallet trail Ωmega اردو'))).json().id;
    await t.call('invA', 'POST', `/api/v1/cases/${id}/transitions`, { to: 'fir_registered', reason: 'cognizable', firNumber: 9001 });
    const byTitle = (await t.call('invA', 'GET', `/api/v1/cases?q=${encodeURIComponent('اردو')}`)).json();
    expect(byTitle.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const byFir = (await t.call('supA', 'GET', '/api/v1/cases?q=FIR%209001')).json();
    expect(byFir.items.map((c: { id: string }) => c.id)).toEqual([id]);
    const filtered = (await t.call('supA', 'GET', '/api/v1/cases?status=fir_registered&offence=PECA-22')).json();
    expect(filtered.items.every((c: { status: string }) => c.status === 'fir_registered')).toBe(true);
    const page = (await t.call('supA', 'GET', '/api/v1/cases?limit=1&offset=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    const wild = (await t.call('supA', 'GET', `/api/v1/cases?q=${encodeURIComponent("%' OR 1=1 --")}`)).json();
    expect(wild.items).toEqual([]);
  });

  it('keeps a timeline of notes and events', async () => {
    const id = (await t.call('invA', 'POST', '/api/v1/cases', newCase(t.branchA, 'Timeline case'))).json().id;
    expect((await t.call('invA', 'POST', `/api/v1/cases/${id}/timeline`, { kind: 'event', body: 'Platform preservation request sent', occurredAt: '2025-05-20T10:00:00+05:00' })).statusCode).toBe(201);
    expect((await t.call('invA', 'POST', `/api/v1/cases/${id}/timeline`, { body: 'نوٹ: متاثرہ کی حفاظت' })).statusCode).toBe(201);
    expect((await t.call('analyst', 'POST', `/api/v1/cases/${id}/timeline`, { body: 'x' })).statusCode).toBe(403);
    const tl = (await t.call('invA', 'GET', `/api/v1/cases/${id}/timeline`)).json();
    expect(tl.items.map((e: { body: string }) => e.body)).toEqual(['نوٹ: متاثرہ کی حفاظت', 'Platform preservation request sent']);
  });
});
