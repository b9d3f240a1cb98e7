import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { openCase } from '../operations/case-fixtures.ts';

const { engines } = await detectEngines();

type Entry = { field: string; before: unknown; after: unknown; masked?: boolean };

// Issue 10, item 3: a corrected CNIC or passport number keeps its earlier value in full, encrypted at rest
// like the person's own numbers; shown in full to those who may see identifiers in full (the person's case
// officers), masked to others who may read the person (an analyst).
describe.each(engines)('corrected identifiers on %s', (engine) => {
  let t: TestApp;
  let personId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const caseId = await openCase(t, 'Identifier corrections case', 'invA');
    const created = await t.call('invA', 'POST', `/api/v1/cases/${caseId}/persons`, {
      role: 'suspect',
      person: { displayName: 'Zubair Invented Qureshi', cnic: '35202-1111111-1', passport: 'AB1234567' },
    });
    expect(created.statusCode, created.body).toBe(201);
    personId = created.json().persons.find((p: { displayName: string }) => p.displayName === 'Zubair Invented Qureshi').personId as string;
    const res = await t.call('invA', 'PATCH', `/api/v1/persons/${personId}`, { cnic: '35202-2222222-2', passport: 'CD7654321' });
    expect(res.statusCode, res.body).toBe(200);
  }, 60_000);
  afterAll(async () => t?.close());

  const list = async (user: UserKey) => {
    const res = await t.call(user, 'GET', `/api/v1/persons/${personId}/corrections`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Entry[];
  };

  it('the case officer sees the earlier CNIC and passport in full', async () => {
    const items = await list('invA');
    expect(items.find((i) => i.field === 'cnic')).toEqual(expect.objectContaining({ before: '35202-1111111-1', after: '35202-2222222-2', masked: false }));
    expect(items.find((i) => i.field === 'passport')).toEqual(expect.objectContaining({ before: 'AB1234567', after: 'CD7654321', masked: false }));
  });

  it('an analyst, who may read the person, sees them masked', async () => {
    const items = await list('analyst');
    const cnic = items.find((i) => i.field === 'cnic')!;
    expect(cnic).toEqual(expect.objectContaining({ masked: true }));
    expect(cnic.before).toBe('••••••••••••1-1');
    expect(cnic.after).toBe('••••••••••••2-2');
    expect(JSON.stringify(items)).not.toContain('1111111');
    expect(JSON.stringify(items)).not.toContain('AB1234567');
  });

  it('the full values are stored only encrypted, bound to their row', async () => {
    const rows = await t.ctx.db.selectFrom('record_corrections').select(['id', 'field', 'before', 'after', 'sealed', 'sealed_key_id'])
      .where('record_kind', '=', 'person').where('record_id', '=', personId).orderBy('id').execute();
    const sealed = rows.filter((r) => r.field === 'cnic' || r.field === 'passport');
    expect(sealed).toHaveLength(2);
    for (const r of sealed) {
      expect(r.sealed).not.toBeNull();
      expect(r.sealed_key_id).toBe(t.ctx.crypto.keyId);
      const plain = JSON.stringify([r.before, r.after]) + Buffer.from(r.sealed!).toString('latin1');
      expect(plain).not.toContain('1111111');
      expect(plain).not.toContain('AB1234567');
    }
    // A sealed value copied onto another row does not open: the list answers 409, never the value.
    const [a, b] = sealed;
    await t.ctx.db.updateTable('record_corrections').set({ sealed: a!.sealed }).where('id', '=', b!.id).execute();
    const res = await t.call('invA', 'GET', `/api/v1/persons/${personId}/corrections`);
    expect(res.statusCode).toBe(409);
    await t.ctx.db.updateTable('record_corrections').set({ sealed: b!.sealed }).where('id', '=', b!.id).execute();
    expect((await t.call('invA', 'GET', `/api/v1/persons/${personId}/corrections`)).statusCode).toBe(200);
  });
});
