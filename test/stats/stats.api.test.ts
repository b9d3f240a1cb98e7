import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { loadDemoIfEmpty, type DemoResult } from '../../src/demo/demo.loader.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { identityContext } from '../../src/platform/crypto/sealed-fields.ts';

// The statistics endpoint on the synthetic demo dataset. The expected numbers are the published ones
// (seed/nccia-figures.csv and the product brief), written out here; the test never reads the loader's
// constants, so a loader that drifted from the published figures fails.
const { engines } = await detectEngines();

type Summary = {
  scope: { from: string | null; to: string | null; province: string | null; branch: { id: number; district: string } | null; restrictedToBranch: boolean };
  firs: { childExploitation: number; all: number };
  arrests: { childExploitation: number; all: number };
  convictions: { persons: number; allOffences: number; sentenceMonths: { min: number | null; max: number | null }; sentenceYears: { min: number | null; max: number | null } };
  acquittals: { persons: number; allOffences: number };
  children: { identified: number; rescued: number; inCare: number; inCareByPlacement: Record<string, number> };
  casesByStatus: Array<{ status: string; all: number; childExploitation: number }>;
  byProvince: Array<{ province: string; firs: number; arrests: number; personsConvicted: number }>;
  published: { nationalScope: boolean; comparison: Array<{ figure: string; computed: number; published: { value: number; sources: string[] } }>; figures: unknown[] };
};

describe.each(engines)('statistics on the demo dataset (%s)', (engine) => {
  let t: TestApp;
  let demo: DemoResult;
  let mzgBranch: number;
  const get = async (user: UserKey, query = '') => {
    const res = await t.call(user, 'GET', `/api/v1/stats/summary${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Summary;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    demo = await loadDemoIfEmpty(t.ctx);
    mzgBranch = t.branchA;
  });
  afterAll(async () => t?.close());

  it('loads the demo into a database that already has users (the fixtures), with one sign-in per role', async () => {
    expect(demo.loaded).toBe(true);
    expect(demo.users.map((u) => u.role).sort()).toEqual(['administrator', 'analyst', 'auditor', 'investigator', 'leadership', 'prosecutor', 'protection_officer', 'supervisor']);
    const demoUsers = await t.ctx.db.selectFrom('users').select(['username', 'is_demo']).where('username', 'like', 'demo.%').execute();
    expect(demoUsers).toHaveLength(8);
    expect(demoUsers.every((u) => u.is_demo)).toBe(true);
    const login = await t.call(null, 'POST', '/api/v1/auth/login', { username: demo.users[0]!.username, password: demo.users[0]!.password });
    expect(login.statusCode).toBe(200);
  });

  it('computes the national figures from the records: 178 FIRs, 198 arrests, 14 convicted at 4-10 years', async () => {
    const s = await get('leadership');
    expect(s.firs.childExploitation).toBe(178);
    expect(s.arrests.childExploitation).toBe(198);
    expect(s.convictions.persons).toBe(14);
    expect(s.convictions.sentenceMonths).toEqual({ min: 48, max: 120 });
    expect(s.convictions.sentenceYears).toEqual({ min: 4, max: 10 });
    // Non-child cases and cases still before an FIR exist, and do not count.
    expect(s.firs.all).toBeGreaterThan(178);
    expect(s.arrests.all).toBeGreaterThan(198);
    expect(s.convictions.allOffences).toBeGreaterThan(14);
    const statuses = new Map(s.casesByStatus.map((r) => [r.status, r]));
    for (const early of ['complaint_received', 'inquiry_open', 'inquiry_closed']) expect(statuses.get(early)?.childExploitation ?? 0).toBeGreaterThan(0);
    expect(s.casesByStatus.reduce((sum, r) => sum + r.all, 0)).toBe(Number((await t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
    expect(s.acquittals.persons).toBeGreaterThan(0);
    expect(s.children.identified).toBeGreaterThanOrEqual(50);
    expect(s.children.rescued).toBeGreaterThanOrEqual(10);
    expect(s.children.inCare).toBeGreaterThanOrEqual(10);
    // Without a period the live totals are not set beside figures published for 3 June 2025: the published
    // figures are listed on their own, cited (publisher, headline, date, address), never with the research notes.
    expect(s.published.nationalScope).toBe(true);
    expect(s.published.comparison).toEqual([]);
    const listed = s.published.figures as Array<{ metric: string; covers: unknown; citations: Array<{ publisher: string; title: string | null; publishedOn: string | null; url: string }> }>;
    const firsListed = listed.find((p) => /^FIRs registered/.test(p.metric))!;
    expect(firsListed.covers).toEqual({ from: null, to: '2025-06-03' });
    expect(firsListed.citations[0]).toEqual({ publisher: 'The Nation', title: 'NCCIA busts international racket involved in child sexual exploitation', publishedOn: '2025-06-04', url: expect.stringMatching(/^https:\/\/www\.nation\.com\.pk\//) });
    expect(JSON.stringify(s.published)).not.toMatch(/conflicting|seed article|Talal/);
    // For the published period (everything up to 3 June 2025), the computed figures sit beside the published ones.
    const asOf = await get('leadership', '?to=2025-06-03');
    const firs = asOf.published.comparison.find((c) => c.figure === 'firs.childExploitation')!;
    expect(firs).toMatchObject({ computed: 178, published: { value: 178 } });
    expect(firs.published.sources[0]).toMatch(/^https:\/\//);
    expect(asOf.published.comparison.find((c) => c.figure === 'convictions.persons')).toMatchObject({ computed: 14, published: { value: 14 } });
    // Another period, or one province: nothing is compared.
    expect((await get('leadership', '?from=2025-01-01&to=2025-06-03')).published.comparison).toEqual([]);
    expect((await get('leadership', '?to=2025-06-03&province=Punjab')).published.comparison).toEqual([]);
  });

  it('refuses a reversed period with a 400 naming the last day, and stores nothing', async () => {
    const res = await t.call('leadership', 'GET', '/api/v1/stats/summary?from=2025-06-03&to=2025-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'querystring.to', message: 'cannot be before the first day' })]);
  });

  it('holds the Muzaffargarh operation as records: 2 arrests, 10 rescued, 6 with the CPB, about 50 identified, ringleader at large', async () => {
    const db = t.ctx.db;
    const op = await db.selectFrom('operations').innerJoin('cases', 'cases.id', 'operations.case_id').innerJoin('users', 'users.id', 'operations.approved_by')
      .select(['operations.id', 'operations.case_id', 'operations.status', 'operations.executed_at', 'operations.duration_minutes', 'operations.agencies', 'operations.place', 'cases.branch_id', 'users.role', 'users.branch_id as approver_branch'])
      .where('cases.branch_id', '=', mzgBranch).where('operations.duration_minutes', '=', 300).execute();
    expect(op).toHaveLength(1);
    const o = op[0]!;
    expect(o.status).toBe('executed');
    expect(o.executed_at?.toISOString().slice(0, 10)).toBe('2025-05-23');
    expect(o.agencies).toEqual(expect.arrayContaining(['Punjab Police', 'Child Protection & Welfare Bureau']));
    expect(o.place).toMatch(/recreational facility/);
    expect(o).toMatchObject({ role: 'supervisor', approver_branch: mzgBranch });
    const offences = (await db.selectFrom('case_offences').select('offence_code').where('case_id', '=', o.case_id).execute()).map((r) => r.offence_code);
    expect(offences).toEqual(expect.arrayContaining(['PECA-22', 'PECA-22B', 'PPC-377B', 'PTPA-3-child']));

    const arrests = await db.selectFrom('arrests').select('person_id').where('operation_id', '=', o.id).execute();
    expect(arrests).toHaveLength(2);
    const rescued = await db.selectFrom('rescues').innerJoin('victims', 'victims.id', 'rescues.victim_id').select(['victims.id', 'victims.state', 'victims.recovered_at']).where('rescues.operation_id', '=', o.id).execute();
    expect(rescued).toHaveLength(10);
    expect(rescued.every((v) => v.recovered_at !== null && v.state === 'placed')).toBe(true);
    const placements = await db.selectFrom('placements').select(['kind']).where('victim_id', 'in', rescued.map((v) => v.id)).where('ended_at', 'is', null).execute();
    expect(placements.filter((p) => p.kind === 'child_protection_bureau')).toHaveLength(6);
    expect(placements.filter((p) => p.kind === 'family')).toHaveLength(4);

    const victims = await db.selectFrom('case_victims').innerJoin('victims', 'victims.id', 'case_victims.victim_id').select(['victims.id', 'pseudonym', 'age_at_identification']).where('case_id', '=', o.case_id).execute();
    expect(victims.length).toBeGreaterThanOrEqual(45);
    expect(victims.length).toBeLessThanOrEqual(55);
    expect(victims.every((v) => /^V-2025-\d{4}$/.test(v.pseudonym) && v.age_at_identification! >= 6 && v.age_at_identification! <= 10)).toBe(true);

    // Identities are stored encrypted and the rescued children are assigned to the demo protection officer.
    const identity = await db.selectFrom('victim_identities').select(['key_id', 'ciphertext']).where('victim_id', '=', rescued[0]!.id).executeTakeFirstOrThrow();
    expect(Buffer.from(identity.ciphertext).toString('utf8')).not.toMatch(/fullName/);
    const plain = t.ctx.crypto.decryptJson<{ fullName: string; notes: string }>(identity.key_id, identity.ciphertext, identityContext(rescued[0]!.id));
    expect(plain.notes).toMatch(/invented/);
    expect(plain.fullName.length).toBeGreaterThan(3);
    const assigned = await db.selectFrom('victim_assignments').innerJoin('users', 'users.id', 'victim_assignments.user_id').select(['victim_id', 'users.role', 'users.username']).where('victim_id', 'in', rescued.map((v) => v.id)).execute();
    expect(assigned).toHaveLength(10);
    expect(assigned.every((a) => a.role === 'protection_officer' && a.username === 'demo.protection')).toBe(true);

    const accused = await db.selectFrom('case_persons').innerJoin('persons', 'persons.id', 'case_persons.person_id').select(['role', 'accused_status', 'foreign_warrant_requested', 'nationality']).where('case_id', '=', o.case_id).execute();
    const ringleader = accused.filter((a) => a.role === 'ringleader');
    expect(ringleader).toEqual([{ role: 'ringleader', accused_status: 'proclaimed_offender', foreign_warrant_requested: true, nationality: 'DE' }]);
    expect(accused.filter((a) => a.role !== 'ringleader' && a.role !== 'complicit_family' && a.accused_status === 'at_large')).toHaveLength(3);
    expect(accused.filter((a) => a.role === 'complicit_family').length).toBeGreaterThan(0);
    const kinds = await db.selectFrom('links').innerJoin('case_persons', (j) => j.on(sql<string>`case_persons.person_id::text`, '=', sql.ref<string>('links.from_id')))
      .innerJoin('entities', (j) => j.on(sql<string>`entities.id::text`, '=', sql.ref<string>('links.to_id')))
      .select('entities.kind').distinct().where('links.from_type', '=', 'person').where('case_persons.case_id', '=', o.case_id).execute();
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['account', 'phone', 'crypto_address']));
    const seized = await db.selectFrom('evidence_items').select(['id']).where('operation_id', '=', o.id).execute();
    expect(seized.length).toBeGreaterThan(0);
    const custody = await db.selectFrom('custody_transfers').select(['evidence_id']).where('evidence_id', 'in', seized.map((e) => e.id)).execute();
    expect(new Set(custody.map((c) => c.evidence_id)).size).toBe(seized.length);
    const team = await db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('users.username').where('case_id', '=', o.case_id).execute();
    expect(team.map((m) => m.username)).toContain('demo.investigator');

    // The raid day in Muzaffargarh, as the statistics see it.
    const day = await get('analyst', `?branchId=${mzgBranch}&from=2025-05-23&to=2025-05-23`);
    expect(day.arrests.childExploitation).toBe(2);
    expect(day.children.rescued).toBe(10);
  });

  it('splits consistently: provinces add up to the nation, and so do periods', async () => {
    const national = await get('leadership');
    const provinces = national.byProvince.map((p) => p.province);
    expect(provinces).toEqual(expect.arrayContaining(['Punjab', 'Sindh', 'Khyber Pakhtunkhwa', 'Balochistan', 'Islamabad Capital Territory']));
    const sum = { firs: 0, arrests: 0, convicted: 0, firsAll: 0 };
    for (const province of provinces) {
      const p = await get('leadership', `?province=${encodeURIComponent(province)}`);
      expect(p.published.nationalScope).toBe(false);
      expect(p.byProvince).toEqual([national.byProvince.find((x) => x.province === province)]);
      sum.firs += p.firs.childExploitation;
      sum.arrests += p.arrests.childExploitation;
      sum.convicted += p.convictions.persons;
      sum.firsAll += p.firs.all;
    }
    expect(sum).toEqual({ firs: 178, arrests: 198, convicted: 14, firsAll: national.firs.all });
    const punjab = await get('leadership', '?province=Punjab');
    expect(punjab.firs.childExploitation).toBeGreaterThan(0);
    expect(punjab.firs.childExploitation).toBeLessThan(178);

    const y2024 = await get('leadership', '?from=2024-01-01&to=2024-12-31');
    const y2025 = await get('leadership', '?from=2025-01-01&to=2025-12-31');
    expect(y2024.firs.childExploitation).toBeGreaterThan(0);
    expect(y2025.firs.childExploitation).toBeGreaterThan(0);
    expect(y2024.firs.childExploitation + y2025.firs.childExploitation).toBe(178);
    expect(y2024.arrests.childExploitation + y2025.arrests.childExploitation).toBe(198);
    expect(y2024.convictions.persons + y2025.convictions.persons).toBe(14);
    expect(y2024.children.identified + y2025.children.identified).toBe(national.children.identified);
    // The published day: everything is on or before 3 June 2025.
    const asOf = await get('leadership', '?to=2025-06-03');
    expect([asOf.firs.childExploitation, asOf.arrests.childExploitation, asOf.convictions.persons]).toEqual([178, 198, 14]);
    const punjab2025 = await get('leadership', '?province=Punjab&from=2025-01-01');
    expect(punjab2025.firs.childExploitation).toBeLessThanOrEqual(punjab.firs.childExploitation);
    expect(punjab2025.firs.childExploitation).toBeLessThanOrEqual(y2025.firs.childExploitation);
  });

  it('shows a supervisor only their own branch', async () => {
    const own = await get('supA');
    expect(own.scope).toMatchObject({ restrictedToBranch: true, branch: { id: t.branchA, district: 'Muzaffargarh' } });
    const sameAsAnalyst = await get('analyst', `?branchId=${t.branchA}`);
    expect({ ...own, scope: null, generatedAt: null }).toEqual({ ...sameAsAnalyst, scope: null, generatedAt: null });
    expect(own.firs.childExploitation).toBeGreaterThanOrEqual(1);
    expect(own.firs.childExploitation).toBeLessThan(178);
    expect(own.children.inCareByPlacement.child_protection_bureau).toBeGreaterThanOrEqual(6);
    expect(own.byProvince.map((p) => p.province)).toEqual(['Punjab']);
    const other = await t.call('supA', 'GET', `/api/v1/stats/summary?branchId=${t.branchB}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().errors[0].field).toBe('branchId');
    const lahore = await get('supB');
    expect(lahore.scope.branch?.district).toBe('Lahore');
    expect(lahore.firs.childExploitation).toBe((await get('analyst', `?branchId=${t.branchB}`)).firs.childExploitation);
  });

  it('gives leadership aggregates only: no names, pseudonyms or ids in the answer', async () => {
    const bodies = await Promise.all(['', '?province=Punjab', `?branchId=${mzgBranch}`, '?from=2025-05-01&to=2025-06-03'].map(async (q) => (await t.call('leadership', 'GET', `/api/v1/stats/summary${q}`)).body));
    const db = t.ctx.db;
    const personal = [
      ...(await db.selectFrom('person_names').select('name as v').execute()),
      ...(await db.selectFrom('persons').select('display_name as v').execute()),
      ...(await db.selectFrom('users').select('display_name as v').execute()),
      ...(await db.selectFrom('users').select('username as v').execute()),
      ...(await db.selectFrom('victims').select('pseudonym as v').execute()),
      ...(await db.selectFrom('entities').select('display as v').execute()),
    ].map((r) => r.v);
    for (const id of await db.selectFrom('victim_identities').select(['victim_id', 'key_id', 'ciphertext']).execute()) {
      const identity = t.ctx.crypto.decryptJson<{ fullName: string; urduName: string; guardianName: string; address: string }>(id.key_id, id.ciphertext, identityContext(id.victim_id));
      personal.push(identity.fullName, identity.urduName, identity.guardianName, identity.address);
    }
    expect(personal.length).toBeGreaterThan(500);
    for (const body of bodies) {
      for (const value of personal) if (value.length > 4 && body.includes(value)) throw new Error(`statistics answer contains personal data: ${value}`);
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  it('refuses roles without stats.read and checks its parameters', async () => {
    for (const user of ['invA', 'prot', 'prosecutor', 'admin', 'auditor'] as const) {
      const res = await t.call(user, 'GET', '/api/v1/stats/summary');
      expect(res.statusCode, user).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.call(null, 'GET', '/api/v1/stats/summary')).statusCode).toBe(401);
    const reversed = await t.call('leadership', 'GET', '/api/v1/stats/summary?from=2025-02-01&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('querystring.to');
    const unknownProvince = await t.call('leadership', 'GET', '/api/v1/stats/summary?province=Atlantis');
    expect(unknownProvince.statusCode).toBe(400);
    expect(unknownProvince.json().errors[0].field).toBe('province');
    expect((await t.call('leadership', 'GET', '/api/v1/stats/summary?branchId=999999')).statusCode).toBe(400);
    expect((await t.call('leadership', 'GET', '/api/v1/stats/summary?from=yesterday')).statusCode).toBe(400);
    expect((await t.call('leadership', 'GET', '/api/v1/stats/summary?name=x')).statusCode).toBe(400);
  });

  it('does not load twice, and records the load as one audit entry on an intact chain', async () => {
    const count = async () => {
      const row = await sql<{ cases: number; users: number; victims: number; arrests: number }>`
        SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM victims) AS victims, (SELECT count(*) FROM arrests) AS arrests`.execute(t.ctx.db);
      return row.rows[0];
    };
    const before = await count();
    const again = await loadDemoIfEmpty(t.ctx);
    expect(again.loaded).toBe(false);
    expect(await count()).toEqual(before);
    // Still prints working demo sign-ins on a loaded database.
    expect(again.users.map((u) => u.username).sort()).toEqual(demo.users.map((u) => u.username).sort());
    const entries = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'demo.load').execute();
    expect(entries).toHaveLength(1);
    expect((entries[0]!.details as { rows: Record<string, number> }).rows.cases).toBe(before!.cases);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    expect((await get('leadership')).firs.childExploitation).toBe(178);
  });
});
