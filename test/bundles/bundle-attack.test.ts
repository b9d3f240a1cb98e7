import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { bundleDigest } from '../../src/modules/bundles/bundle.service.ts';
import { installationKeyOf, signBundle } from '../../src/modules/bundles/bundle.signing.ts';
import type { CaseBundle } from '../../src/modules/bundles/bundle.schema.ts';
import { IDENTITY_NAME, richCase } from './bundle-fixture.ts';

// Issue 8 item 3: a supervisor of branch B holding a crafted bundle (here signed by a trusted key, as a
// compromised or careless partner installation would) must not reach branch A's records through the import:
// not a person found by CNIC, not a victim named by record id; no identity overwritten, no officer of their
// choice assigned. On the code before the fix every step of this attack succeeded.
const { engines } = await detectEngines();

describe.each(engines)('crafted bundle against another branch on %s', (engine) => {
  let t: TestApp;
  let sourceCase: string;
  let hidden: { personId: string; cnic: string; passport: string; victims: Array<{ id: string; pseudonym: string }> };
  let identityBefore: unknown[];
  let assignmentsBefore: unknown[];
  let result: Record<string, unknown> & { caseId: string };
  let responseBody: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    sourceCase = await richCase(t, 31);
    // Branch A's child is looked after by an assigned protection officer.
    const victims = await t.ctx.db.selectFrom('case_victims').innerJoin('victims', 'victims.id', 'case_victims.victim_id').select(['victims.id', 'victims.pseudonym']).where('case_id', '=', sourceCase).orderBy('victims.pseudonym').execute();
    for (const v of victims) await t.ctx.db.insertInto('victim_assignments').values({ victim_id: v.id, user_id: t.users.prot.id }).execute();
    const bundle = (await t.call('analyst', 'GET', `/api/v1/cases/${sourceCase}/export`)).json() as CaseBundle;
    const holder = bundle.persons.find((p) => p.cnic)!;
    const traveller = bundle.persons.find((p) => p.passport)!;
    hidden = { personId: holder.id, cnic: holder.cnic!, passport: traveller.passport!, victims };
    identityBefore = await Promise.all(victims.map(async (v) => (await t.call('prot', 'GET', `/api/v1/victims/${v.id}/identity`)).json()));
    assignmentsBefore = await t.ctx.db.selectFrom('victim_assignments').selectAll().orderBy('victim_id').execute();

    // The crafted bundle: branch B's "own" case naming branch A's CNIC holder and children by id, with an
    // officer of the attacker's choice on the team, signed by a key this installation trusts.
    const crafted: Omit<CaseBundle, 'digest' | 'signature'> = {
      ...bundle,
      case: { ...bundle.case, title: 'Crafted (synthetic)', firNumber: 991 },
      team: [{ username: 'invb', teamRole: 'lead', addedAt: bundle.case.createdAt }, { username: 'inva', teamRole: 'member', addedAt: bundle.case.createdAt }],
      persons: bundle.persons.map((p) => (p.id === holder.id ? { ...p, displayName: 'Planted Name', names: [{ name: 'Planted Name', script: 'latin', kind: 'primary' }] } : p)),
    };
    delete (crafted as Partial<CaseBundle>).digest;
    delete (crafted as Partial<CaseBundle>).signature;
    const signed = signBundle(installationKeyOf(t.ctx.config), { ...crafted, digest: bundleDigest(crafted as CaseBundle) } as Record<string, unknown>);
    const res = await t.call('supB', 'POST', `/api/v1/bundles/import?branchId=${t.branchB}`, signed);
    expect(res.statusCode, res.body).toBe(201);
    responseBody = res.body;
    result = res.json();
  });
  afterAll(async () => t?.close());

  it('links nothing the importer could not see and says nothing of it', () => {
    expect(result).toMatchObject({ personsMatchedByCnic: 0, victimsLinked: 0 });
    expect(responseBody).not.toContain(hidden.personId);
    for (const v of hidden.victims) expect(responseBody).not.toContain(v.id);
    expect(responseBody).not.toMatch(/suggest/i);
  });

  it('creates new person and victim records for the imported case', async () => {
    const persons = await t.ctx.db.selectFrom('case_persons').select('person_id').where('case_id', '=', result.caseId).execute();
    expect(persons.map((p) => p.person_id)).not.toContain(hidden.personId);
    const victims = await t.ctx.db.selectFrom('case_victims').select('victim_id').where('case_id', '=', result.caseId).execute();
    expect(victims).toHaveLength(2);
    for (const v of hidden.victims) expect(victims.map((x) => x.victim_id)).not.toContain(v.id);
    // branch A's children are still on branch A's case only
    for (const v of hidden.victims) {
      expect((await t.ctx.db.selectFrom('case_victims').select('case_id').where('victim_id', '=', v.id).execute()).map((r) => r.case_id)).toEqual([sourceCase]);
    }
  });

  it("the importer still cannot read, overwrite or assign branch A's records", async () => {
    expect((await t.call('supB', 'GET', `/api/v1/persons/${hidden.personId}`)).statusCode).toBe(404);
    const byCnic = (await t.call('supB', 'GET', `/api/v1/persons?cnic=${hidden.cnic}`)).json();
    expect(byCnic.items.map((p: { id: string }) => p.id)).not.toContain(hidden.personId);
    expect(JSON.stringify(byCnic)).not.toContain('Muhammad Testname');
    for (const v of hidden.victims) {
      expect((await t.call('supB', 'GET', `/api/v1/victims/${v.id}`)).statusCode).toBe(404);
      expect((await t.call('supB', 'PATCH', `/api/v1/victims/${v.id}/identity`, { fullName: 'Overwritten Name' })).statusCode).toBe(404);
      expect((await t.call('supB', 'POST', `/api/v1/victims/${v.id}/assignments`, { userId: t.users.prot2.id })).statusCode).toBe(404);
    }
    const listed = (await t.call('supB', 'GET', '/api/v1/victims?limit=200')).json();
    for (const v of hidden.victims) expect(JSON.stringify(listed)).not.toContain(v.id);
  });

  it("branch A's children keep their identity and their officers", async () => {
    const after = await Promise.all(hidden.victims.map(async (v) => (await t.call('prot', 'GET', `/api/v1/victims/${v.id}/identity`)).json()));
    expect(after.map((i) => ({ ...i, updatedAt: null }))).toEqual(identityBefore.map((i) => ({ ...(i as object), updatedAt: null })));
    expect(JSON.stringify(after)).toContain(IDENTITY_NAME);
    expect(await t.ctx.db.selectFrom('victim_assignments').selectAll().orderBy('victim_id').execute()).toEqual(assignmentsBefore);
    const planted = await t.ctx.db.selectFrom('person_names').select('name').where('person_id', '=', hidden.personId).execute();
    expect(planted.map((n) => n.name)).not.toContain('Planted Name');
  });

  it('names no officer: the bundle team is not applied', async () => {
    expect(await t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', result.caseId).execute()).toEqual([]);
    expect(result.teamNotApplied).toEqual([{ username: 'invb', teamRole: 'lead' }, { username: 'inva', teamRole: 'member' }]);
  });

  it('records match suggestions that only someone who sees both records is shown', async () => {
    const mine = (await t.call('supB', 'GET', '/api/v1/bundles/match-suggestions')).json();
    expect(mine).toMatchObject({ items: [], total: 0 });
    const supA = (await t.call('supA', 'GET', '/api/v1/bundles/match-suggestions')).json();
    expect(supA.total).toBe(0); // sees the existing records, not branch B's new ones
    const analyst = (await t.call('analyst', 'GET', `/api/v1/bundles/match-suggestions?status=open`)).json();
    const ours = analyst.items.filter((s: { importedCaseId: string }) => s.importedCaseId === result.caseId);
    expect(ours.map((s: { recordType: string; reason: string; existingId: string }) => `${s.recordType}:${s.reason}:${s.existingId}`).sort()).toEqual([
      `person:same_cnic:${hidden.personId}`,
      expect.stringMatching(/^person:same_passport:/),
      ...hidden.victims.map((v) => `victim:same_victim_record:${v.id}`),
    ].sort((a, b) => String(a).localeCompare(String(b))));
    const one = ours[0];
    expect((await t.call('supB', 'PATCH', `/api/v1/bundles/match-suggestions/${one.id}`, { status: 'dismissed' })).statusCode).toBe(404);
    const decided = await t.call('analyst', 'PATCH', `/api/v1/bundles/match-suggestions/${one.id}`, { status: 'confirmed' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await t.call('analyst', 'PATCH', `/api/v1/bundles/match-suggestions/${one.id}`, { status: 'dismissed' })).statusCode).toBe(409);
    const trail = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'import.suggestion.decide').execute();
    expect(trail).toHaveLength(1);
  });

  it('refuses the same crafted bundle signed by a key nobody trusts, writing nothing', async () => {
    const stranger = installationKeyOf({ keyDir: '/nonexistent', signingKey: (await import('node:crypto')).generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
    const bundle = (await t.call('analyst', 'GET', `/api/v1/cases/${sourceCase}/export`)).json() as CaseBundle;
    const body = signBundle(stranger, { ...bundle, case: { ...bundle.case, firNumber: 992 }, signature: undefined } as Record<string, unknown>);
    const cases = await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.call('supB', 'POST', `/api/v1/bundles/import?branchId=${t.branchB}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('signature.keyId');
    expect((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toEqual(cases.n);
  });
});
