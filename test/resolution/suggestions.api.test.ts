// Duplicate-person suggestions in the database: found incrementally when a person is recorded, and by the
// batch; listed only to those who may see both persons; merged (everything pointing at the absorbed person
// moves) and undone exactly, or refused with 409 when a later change makes that impossible.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { PERSON_POINTERS } from '../../src/modules/resolution/merge.service.ts';
import { resolveAllPersons } from '../../src/modules/resolution/suggestion.service.ts';
import type { ServiceContext } from '../../src/platform/context.ts';

const { engines } = await detectEngines();

describe.each(engines)('duplicate-person suggestions on %s', (engine) => {
  let t: TestApp;
  let caseA: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const res = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Synthetic resolution case', summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
    expect(res.statusCode, res.body).toBe(201);
    caseA = res.json().id;
  }, 60_000);
  afterAll(async () => t?.close());

  const linkNew = async (user: UserKey, caseId: string, person: object, role = 'suspect') => {
    const res = await t.call(user, 'POST', `/api/v1/cases/${caseId}/persons`, { person, role });
    expect(res.statusCode, res.body).toBe(201);
    const list = await t.ctx.db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id').select('persons.id')
      .where('case_id', '=', caseId).where('persons.display_name', '=', (person as { displayName: string }).displayName).executeTakeFirstOrThrow();
    return list.id;
  };
  const suggestionsOf = async (user: UserKey, status = 'open') => {
    const res = await t.call(user, 'GET', `/api/v1/person-suggestions?status=${status}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Array<{ id: string; a: { id: string }; b: { id: string }; score: number; reasons: Array<{ field: string; weight: number }> }>;
  };
  const pairOf = (items: Awaited<ReturnType<typeof suggestionsOf>>, x: string, y: string) => items.find((s) => (s.a.id === x && s.b.id === y) || (s.a.id === y && s.b.id === x));

  /** Every row of every table a merge may touch, as JSON, sorted: equal snapshots mean nothing differs. */
  const snapshot = async () => {
    const tables = [...new Set(['persons', ...PERSON_POINTERS.map((p) => p.table)])];
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await sql<{ r: unknown }>`SELECT to_jsonb(x) AS r FROM ${sql.table(table)} AS x`.execute(t.ctx.db);
      out[table] = rows.rows.map((r) => JSON.stringify(r.r)).sort();
    }
    return out;
  };

  let p1: string, p2: string, p3: string, suggestion12: string;

  it('a person recorded under another spelling and script is suggested as a duplicate when created', async () => {
    p1 = await linkNew('invA', caseA, { displayName: 'Muhammad Asif Malik', dateOfBirth: '1987-03-14', phones: ['0300-1234567'], cnic: '35202-1234567-1' });
    p2 = await linkNew('invA', caseA, { displayName: 'محمد آصف', names: [{ name: 'Mohd Asif', kind: 'variant' }], dateOfBirth: '1987-03-14', phones: ['+92 300 1234567'] }, 'facilitator');
    const items = await suggestionsOf('analyst');
    const s = pairOf(items, p1, p2);
    expect(s, JSON.stringify(items)).toBeDefined();
    suggestion12 = s!.id;
    // the score is the sum of its reasons, field by field
    // both are in a case of the Muzaffargarh branch: the district is supporting evidence, as in `amaan resolve`
    expect(s!.reasons.map((r) => r.field)).toEqual(expect.arrayContaining(['prior', 'name', 'phone', 'dateOfBirth', 'district']));
    expect(s!.score).toBeCloseTo(s!.reasons.reduce((x, r) => x + r.weight, 0), 1);
    const detail = (await t.call('analyst', 'GET', `/api/v1/person-suggestions/${s!.id}`)).json();
    expect(detail.a.names.length + detail.b.names.length).toBeGreaterThanOrEqual(3);
    expect(detail.status).toBe('open');
  });

  it('an investigator sees only suggestions whose two persons they may see, and may not decide any', async () => {
    // Branch B's investigator records the same man in their own case: invA may not see that person.
    const res = await t.call('invB', 'POST', '/api/v1/cases', { branchId: t.branchB, title: 'Synthetic case B', summary: 'Synthetic test case', offenceCodes: ['PECA-22'] });
    const caseB = res.json().id as string;
    p3 = await linkNew('invB', caseB, { displayName: 'Mohammad Asif', dateOfBirth: '1987-03-14', phones: ['03001234567'] });
    const analystItems = await suggestionsOf('analyst');
    const hidden = pairOf(analystItems, p1, p3) ?? pairOf(analystItems, p2, p3);
    expect(hidden).toBeDefined();
    const invA = await suggestionsOf('invA');
    expect(invA.some((s) => s.a.id === p3 || s.b.id === p3)).toBe(false);
    expect(pairOf(invA, p1, p2)).toBeDefined();
    expect((await t.call('invA', 'GET', `/api/v1/person-suggestions/${hidden!.id}`)).statusCode).toBe(404);
    expect((await t.call('invA', 'POST', `/api/v1/person-suggestions/${hidden!.id}/reject`)).statusCode).toBe(403);
    expect((await t.call('invA', 'POST', `/api/v1/person-suggestions/${suggestion12}/merge`, { keep: 'a' })).statusCode).toBe(403);
    expect((await t.call('supA', 'POST', `/api/v1/person-suggestions/${suggestion12}/merge`, { keep: 'a' })).statusCode).toBe(403);
    // leadership: no persons at all
    expect((await t.call('leadership', 'GET', '/api/v1/person-suggestions')).statusCode).toBe(403);
  });

  it('merge moves names, identifiers, case roles, accused history and links; undo restores every row exactly', async () => {
    // history on the absorbed person: an arrest (status history + arrest row), a link to an entity, and a
    // case role the kept person already has (same case, same role: removed by the merge, put back by undo)
    const keep = (await t.ctx.db.selectFrom('person_merge_suggestions').select(['person_a', 'person_b']).where('id', '=', suggestion12).executeTakeFirstOrThrow());
    const absorbed = keep.person_a === p1 ? p2 : p1;
    const kept = absorbed === p1 ? p2 : p1;
    const side = keep.person_a === kept ? 'a' : 'b';
    let res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons/${absorbed}/status`, { to: 'arrested', reason: 'arrested at the bus stand' });
    expect(res.statusCode, res.body).toBe(200);
    res = await t.call('invA', 'POST', `/api/v1/cases/${caseA}/persons`, { personId: absorbed, role: 'suspect' });
    if (absorbed === p2) expect(res.statusCode, res.body).toBe(201);
    const entity = await t.ctx.db.insertInto('entities').values({ kind: 'account', key: 'telegram:asif_test', display: '@asif_test', platform: 'telegram' }).returning('id').executeTakeFirstOrThrow();
    await t.ctx.db.insertInto('links').values({ kind: 'uses', from_type: 'person', from_id: absorbed, to_type: 'entity', to_id: entity.id, case_id: caseA, recorded_by: t.users.invA.id } as never).execute();
    const before = await snapshot();

    res = await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/merge`, { keep: side });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ keptId: kept, absorbedId: absorbed });
    const after = await snapshot();
    expect(after).not.toEqual(before);
    const pointing = await t.ctx.db.selectFrom('case_persons').select('person_id').where('person_id', '=', absorbed).execute();
    expect(pointing).toEqual([]);
    const names = await t.ctx.db.selectFrom('person_names').select(['name', 'kind']).where('person_id', '=', kept).execute();
    expect(names.filter((n) => n.kind === 'primary')).toHaveLength(1);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const link = await t.ctx.db.selectFrom('links').select('from_id').where('to_id', '=', entity.id).executeTakeFirstOrThrow();
    expect(link.from_id).toBe(kept);
    const absorbedRow = await t.ctx.db.selectFrom('persons').select('merged_into').where('id', '=', absorbed).executeTakeFirstOrThrow();
    expect(absorbedRow.merged_into).toBe(kept);
    // the absorbed person is no longer found by search; the kept one is, by the absorbed person's name
    const search = (await t.call('analyst', 'GET', `/api/v1/persons?q=${encodeURIComponent('Mohd Asif')}`)).json();
    expect(search.items.map((p: { id: string }) => p.id)).toContain(kept);
    expect(search.items.map((p: { id: string }) => p.id)).not.toContain(absorbed);
    // audited with what moved
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'person.merge').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('case_persons');
    // deciding twice is a conflict
    expect((await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/merge`, { keep: side })).statusCode).toBe(409);

    res = await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/undo`);
    expect(res.statusCode, res.body).toBe(200);
    const undone = await snapshot();
    expect(undone).toEqual(before);
    expect((await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/undo`)).statusCode).toBe(409);
    expect((await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'person.merge.undo').execute())).toHaveLength(1);
  });

  it('an undo that later changes make impossible is refused with 409 and changes nothing', async () => {
    const s = await t.ctx.db.selectFrom('person_merge_suggestions').select(['person_a', 'person_b']).where('id', '=', suggestion12).executeTakeFirstOrThrow();
    const absorbedNames = await t.ctx.db.selectFrom('person_names').select('id').where('person_id', '=', s.person_b).execute();
    let res = await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/merge`, { keep: 'a' });
    expect(res.statusCode, res.body).toBe(200);
    // someone removes a name that came over with the merge
    await t.ctx.db.deleteFrom('person_names').where('id', '=', absorbedNames[0]!.id).execute();
    const before = await snapshot();
    res = await t.call('analyst', 'POST', `/api/v1/person-suggestions/${suggestion12}/undo`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail ?? res.json().title).toMatch(/person_names/);
    expect(await snapshot()).toEqual(before);
  });

  it('reject closes a suggestion once; bad input is refused naming the field', async () => {
    const items = await suggestionsOf('analyst');
    const other = items.find((x) => x.id !== suggestion12)!;
    expect(other).toBeDefined();
    expect((await t.call('analyst', 'POST', `/api/v1/person-suggestions/${other.id}/reject`)).statusCode).toBe(200);
    expect((await t.call('analyst', 'POST', `/api/v1/person-suggestions/${other.id}/reject`)).statusCode).toBe(409);
    expect((await suggestionsOf('analyst', 'rejected')).map((x) => x.id)).toContain(other.id);
    let res = await t.call('analyst', 'POST', `/api/v1/person-suggestions/${other.id}/merge`, { keep: 'c' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('keep');
    res = await t.call('analyst', 'GET', '/api/v1/person-suggestions?status=maybe');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('status');
    expect((await t.call('analyst', 'GET', '/api/v1/person-suggestions/not-a-uuid')).statusCode).toBe(400);
    expect((await t.call('analyst', 'POST', '/api/v1/person-suggestions/00000000-0000-4000-8000-000000000000/merge', { keep: 'a' })).statusCode).toBe(404);
  });

  it('the batch finds pairs among persons written without the incremental path', async () => {
    const ids: string[] = [];
    for (const name of ['Zarghoon Khattak', 'زرغون خٹک']) {
      const p = await t.ctx.db.insertInto('persons').values({ display_name: name, date_of_birth: '1979-06-02', created_by: t.users.analyst.id }).returning('id').executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('person_names').values({ person_id: p.id, name, kind: 'primary', script: /[a-z]/i.test(name) ? 'latin' : 'urdu' }).execute();
      ids.push(p.id);
    }
    const u = t.users.analyst;
    const sctx: ServiceContext = { ...t.ctx, actor: { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null } };
    const r = await resolveAllPersons(sctx);
    expect(r.persons).toBeGreaterThanOrEqual(4);
    const items = await suggestionsOf('analyst');
    expect(pairOf(items, ids[0]!, ids[1]!)).toBeDefined();
  });

  it('every column that points at a person is one a merge moves', async () => {
    const fks = await sql<{ table: string; column: string }>`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'persons'::regclass`.execute(t.ctx.db);
    const handled = new Set(PERSON_POINTERS.map((p) => `${p.table}.${p.column}`));
    // person_score_queue: a scoring still due names the record it was queued for and stays with it (scoring skips a
    // merged person; an undone merge leaves it due again), so a merge does not move it.
    const bookkeeping = new Set(['persons.merged_into', 'person_merge_suggestions.person_a', 'person_merge_suggestions.person_b', 'person_merges.kept_id', 'person_merges.absorbed_id', 'person_score_queue.person_id']);
    const missing = fks.rows.map((r) => `${r.table}.${r.column}`).filter((k) => !handled.has(k) && !bookkeeping.has(k));
    expect(missing).toEqual([]);
  });
});
