import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { fieldMessages } from '../../src/platform/http/field-messages.schema.ts';
import { en } from '../../src/web/i18n/en.ts';
import { ur } from '../../src/web/i18n/ur.ts';

const { engines } = await detectEngines();

describe('field messages', () => {
  it('has every code in English (the same words) and in Urdu', () => {
    const english = en.messages as Record<string, string>;
    const urdu = ur.messages as Record<string, string>;
    for (const [code, text] of Object.entries(fieldMessages)) {
      expect(english[code], code).toBe(text);
      expect(urdu[code], code).toBeTruthy();
      // The Urdu keeps the same placeholders.
      expect(urdu[code]!.match(/\{\{\w+\}\}/g)?.sort() ?? [], code).toEqual(text.match(/\{\{\w+\}\}/g)?.sort() ?? []);
    }
  });
});

// Refusals are written for officers and carry a code the web app translates; an FIR is accepted as shown.
describe.each(engines)('refusals in officers\' words on %s', (engine) => {
  let t: TestApp;
  const reportedAt = '2025-03-01T09:00:00+05:00';
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t?.close());
  const newCase = async (title: string) => {
    const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title, offenceCodes: ['PECA-22'], reportedAt });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const register = (id: string, firNumber: unknown, at = '2025-04-02T10:00:00+05:00') =>
    t.call('invA', 'POST', `/api/v1/cases/${id}/transitions`, { to: 'fir_registered', reason: 'registered at the station', firNumber, at });

  it('accepts the FIR as the app shows it ("77/2025", "FIR 78/2025") and as a number', async () => {
    const a = await newCase('FIR typed as shown');
    const res = await register(a, '77/2025');
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.call('invA', 'GET', `/api/v1/cases/${a}`)).json()).toMatchObject({ firNumber: 77, firYear: 2025, firLabel: 'FIR 77/2025' });
    const b = await newCase('FIR with its prefix');
    expect((await register(b, 'FIR 78/2025')).statusCode).toBe(200);
    const c = await newCase('FIR as a number');
    expect((await register(c, 79)).statusCode).toBe(200);
    // The year must be the year of registration; a clash is named on the field; nothing stored.
    const d = await newCase('FIR of another year');
    const wrongYear = await register(d, '80/2024');
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().errors).toEqual([{ field: 'firNumber', code: 'firYear', params: { year: '2025' }, message: 'the FIR is registered in 2025: give its number with that year, or the number alone' }]);
    const clash = await register(d, 'FIR 77/2025');
    expect(clash.statusCode).toBe(409);
    const garbled = await register(d, '77-2025');
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().errors[0]).toMatchObject({ field: 'body.firNumber', code: 'firFormat' });
    expect((await t.call('invA', 'GET', `/api/v1/cases/${d}`)).json()).toMatchObject({ status: 'complaint_received', firNumber: null });
  });

  it('names each refused field with a code and words an officer reads, never a developer\'s', async () => {
    const missing = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, offenceCodes: ['PECA-22'], reportedAt: 'yesterday' });
    expect(missing.statusCode).toBe(400);
    const errors = missing.json().errors as Array<{ field: string; code: string; message: string }>;
    expect(errors).toEqual(expect.arrayContaining([
      { field: 'body.title', code: 'required', message: 'required' },
      { field: 'body.reportedAt', code: 'isoDate', message: 'enter a valid date and time' },
    ]));
    const badId = await t.call('invA', 'GET', '/api/v1/cases/not-a-record');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([{ field: 'params.id', code: 'uuid', message: 'choose an entry from the list' }]);
    const short = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'ab', offenceCodes: ['PECA-22'] });
    expect(short.json().errors).toEqual([{ field: 'body.title', code: 'min3', message: 'at least 3 characters' }]);
    const future = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Dated ahead', offenceCodes: ['PECA-22'], reportedAt: '2999-01-01T00:00:00Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'reportedAt', code: 'future', message: 'cannot be in the future' });
    const bodies = [missing, badId, short, future].map((r) => r.body).join('\n');
    expect(bodies).not.toMatch(/UUID|ISO 8601|expected string|received undefined/);
  });
});
