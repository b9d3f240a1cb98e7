// The duplicate-person index and the batch read every person a page at a time (personRecordPages, keyset on
// (created_at, id)): every person exactly once, in the order recorded, whatever the page size, including persons
// recorded in the same microsecond (one statement) and persons with several names and identifiers; merged persons
// are left out. The records equal those read by id (the incremental path).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { personRecordPages, personRecords } from '../../src/modules/resolution/suggestion.service.ts';

const { engines } = await detectEngines();

describe.each(engines)('persons read page by page for the duplicate-person index (%s)', (engine) => {
  let t: TestApp;
  let caseA: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Synthetic paging case', summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
    expect(res.statusCode, res.body).toBe(201);
    caseA = res.json().id;
    const people = [
      { displayName: 'Bilal Ahmed Gondal', dateOfBirth: '1990-05-01', phones: ['0300-1111111'] },
      { displayName: 'Sana Iqbal', names: [{ name: 'ثنا اقبال', kind: 'variant' }] },
      { displayName: 'Kamran Yousaf', cnic: '35202-1234567-1' },
      { displayName: 'Nadeem Gujjar', phones: ['0321-2222222', '0345-3333333'] },
    ];
    for (const person of people) {
      const r = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons`, { person, role: 'suspect' });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Five persons recorded in one statement: the same created_at to the microsecond (ties broken by id).
    await t.asOwner(async (owner) => {
      const ids = (await sql<{ id: string }>`
        INSERT INTO persons (display_name, created_by) SELECT 'Tied Person ' || g, (SELECT id FROM users LIMIT 1) FROM generate_series(1, 5) g RETURNING id`.execute(owner)).rows;
      for (const { id } of ids) await sql`INSERT INTO person_names (person_id, name, script, kind) VALUES (${id}::uuid, (SELECT display_name FROM persons WHERE id = ${id}::uuid), 'latin', 'primary')`.execute(owner);
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('reads every person once, in the order recorded, at any page size, equal to the records read by id', async () => {
    const order = (await sql<{ id: string }>`SELECT id FROM persons WHERE merged_into IS NULL ORDER BY created_at, id`.execute(t.ctx.db)).rows.map((r) => r.id);
    expect(order.length).toBeGreaterThanOrEqual(9);
    const byId = await personRecords(t.ctx, order);
    expect(byId.length).toBeGreaterThanOrEqual(9);
    for (const size of [1, 2, 3, 4, 1000]) {
      const read = [];
      for await (const page of personRecordPages(t.ctx, size)) {
        expect(page.length).toBeLessThanOrEqual(size);
        read.push(...page);
      }
      expect(read.map((r) => r.id), `page size ${size}`).toEqual(byId.map((r) => r.id));
      expect(read, `page size ${size}`).toEqual(byId);
    }
    expect(await personRecords(t.ctx)).toEqual(byId);
    // A merged person is left out.
    await t.asOwner((owner) => sql`UPDATE persons SET merged_into = ${order[1]!}::uuid WHERE id = ${order[0]!}::uuid`.execute(owner));
    const after = [];
    for await (const page of personRecordPages(t.ctx, 2)) after.push(...page);
    expect(after.map((r) => r.id)).not.toContain(order[0]);
    expect(after).toHaveLength(byId.length - 1);
  });
});
