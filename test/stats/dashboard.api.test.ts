import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';

// Dashboards (issue 12, part 3) on both engines: the figure each reader is shown, the district map, and
// the records behind a figure (drill-down) through the need-to-know scoping of case-scope.ts. Also: the
// offence district on the case API (create, edit, corrections) and /stats/summary in the agency time zone.
//
//   case  branch        offence district  team   FIR (UTC)
//   D1    Muzaffargarh  Muzaffargarh      invA   2025-02-01 06:00
//   D2    Muzaffargarh  Muzaffargarh      invA2  2025-02-02 06:00
//   D3    Muzaffargarh  Lahore            invA   2025-03-01 06:00
//   D4    Lahore        Lahore            invB   2025-03-02 06:00
//   D5    Muzaffargarh  Muzaffargarh      invA   2024-12-31 21:00  (02:00 on 1 January 2025 in Pakistan)
const { engines } = await detectEngines();

type Row = { group: string | null; part: string | null; values: Record<string, number | null>; display?: Record<string, string> };
type Answer = { published: boolean; drillDown: boolean; scope: { casesOnly?: boolean; branchId: number | null }; rows: Row[] };
type Drill = { total: number; items: Array<{ caseId: string; title: string; district: string; branch: string; at: string | null }> };

describe.each(engines)('dashboards and drill-down (%s)', (engine) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let lahoreDistrict: number;
  let mzgDistrict: number;
  const get = async (user: UserKey, url: string, status = 200) => {
    const res = await t.call(user, 'GET', `/api/v1${url}`);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const n = (a: Answer, group: string | null = null) => a.rows.find((r) => r.group === group)?.values.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    const district = async (name: string) => (await db.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    mzgDistrict = await district('Muzaffargarh');
    lahoreDistrict = await district('Lahore');
    const mk = async (title: string, branch: number, districtId: number, team: UserKey, fir: string, firNo: number) => {
      const c = await db.insertInto('cases').values({
        branch_id: branch, district_id: districtId, title, status: 'fir_registered', reported_at: fir, fir_registered_at: fir,
        fir_number: firNo, fir_year: 2025, created_by: t.users[team].id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
      await db.insertInto('case_team').values({ case_id: c.id, user_id: t.users[team].id, team_role: 'lead' }).execute();
      await db.insertInto('case_status_history').values({ case_id: c.id, from_status: null, to_status: 'fir_registered', at: fir, reason: 'fixture' }).execute();
      ids[title] = c.id;
    };
    await mk('D1', t.branchA, mzgDistrict, 'invA', '2025-02-01T06:00:00Z', 101);
    await mk('D2', t.branchA, mzgDistrict, 'invA2', '2025-02-02T06:00:00Z', 102);
    await mk('D3', t.branchA, lahoreDistrict, 'invA', '2025-03-01T06:00:00Z', 103);
    await mk('D4', t.branchB, lahoreDistrict, 'invB', '2025-03-02T06:00:00Z', 104);
    await mk('D5', t.branchA, mzgDistrict, 'invA', '2024-12-31T21:00:00Z', 105);
  }, 300_000); // creating the app under a loaded machine can take minutes
  afterAll(async () => t?.close());

  const period = 'from=2025-01-01&to=2025-12-31';

  it('an analyst sees exact national figures by district and may list the records behind each', async () => {
    const a = (await get('analyst', `/dashboard/figures/firs?${period}&groupBy=district`)) as Answer;
    expect(a.published).toBe(false);
    expect(a.drillDown).toBe(true);
    expect(n(a, 'Muzaffargarh')).toBe(3);
    expect(n(a, 'Lahore')).toBe(2);
    const d = (await get('analyst', `/dashboard/figures/firs/records?${period}&groupBy=district&group=Muzaffargarh`)) as Drill;
    expect(d.total).toBe(3);
    expect(d.items.map((i) => i.title).sort()).toEqual(['D1', 'D2', 'D5']);
    // Lahore: the offence district, whichever branch handles it.
    const l = (await get('analyst', `/dashboard/figures/firs/records?${period}&groupBy=district&group=Lahore`)) as Drill;
    expect(l.items.map((i) => [i.title, i.branch]).sort()).toEqual([['D3', 'Muzaffargarh'], ['D4', 'Lahore']]);
  });

  it('an investigator is shown figures over their own cases only, and the drill-down lists exactly those', async () => {
    const a = (await get('invA', `/dashboard/figures/firs?${period}`)) as Answer;
    expect(a.scope.casesOnly).toBe(true);
    expect(a.drillDown).toBe(true);
    expect(n(a)).toBe(3); // D1, D3, D5: not D2 (invA2's) nor D4 (another branch)
    const d = (await get('invA', `/dashboard/figures/firs/records?${period}`)) as Drill;
    expect(d.total).toBe(n(a));
    expect(d.items.map((i) => i.title).sort()).toEqual(['D1', 'D3', 'D5']);
    expect(d.items.map((i) => i.caseId)).not.toContain(ids.D2);
    // By district: the count per district shown to invA matches the list for each.
    const byDistrict = (await get('invA', `/dashboard/figures/firs?${period}&groupBy=district`)) as Answer;
    for (const row of byDistrict.rows) {
      const list = (await get('invA', `/dashboard/figures/firs/records?${period}&groupBy=district&group=${encodeURIComponent(row.group!)}`)) as Drill;
      expect(list.total, row.group!).toBe(row.values.n);
    }
    expect(n(byDistrict, 'Muzaffargarh')).toBe(2);
    // The other investigator of the branch sees a different figure from the same records.
    const other = (await get('invA2', `/dashboard/figures/firs?${period}`)) as Answer;
    expect(n(other)).toBe(1);
    const theirs = (await get('invA2', `/dashboard/figures/firs/records?${period}`)) as Drill;
    expect(theirs.items.map((i) => i.caseId)).toEqual([ids.D2]);
  });

  it('a supervisor sees their branch, exact, with drill-down; another branch is refused', async () => {
    const a = (await get('supA', `/dashboard/figures/firs?${period}`)) as Answer;
    expect(a.scope.branchId).toBe(t.branchA);
    expect(n(a)).toBe(4);
    const d = (await get('supA', `/dashboard/figures/firs/records?${period}`)) as Drill;
    expect(d.total).toBe(4);
    expect(d.items.map((i) => i.caseId)).not.toContain(ids.D4);
    const refused = await get('supA', `/dashboard/figures/firs/records?${period}&branchId=${t.branchB}`, 403);
    expect(JSON.stringify(refused)).toContain('branchId');
  });

  it('leadership gets the published view (small counts "<5") and no drill-down, nor may an analyst drill into it', async () => {
    const a = (await get('leadership', `/dashboard/figures/firs?${period}&groupBy=district`)) as Answer;
    expect(a.published).toBe(true);
    expect(a.drillDown).toBe(false);
    const mzg = a.rows.find((r) => r.group === 'Muzaffargarh')!;
    expect(mzg.values.n).toBeNull();
    expect(mzg.display!.n).toBe('<5');
    const refused = await get('leadership', `/dashboard/figures/firs/records?${period}&groupBy=district&group=Muzaffargarh`, 403);
    expect(JSON.stringify(refused)).not.toContain('D1');
    const pub = (await get('analyst', `/dashboard/figures/firs?${period}&groupBy=district&published=true`)) as Answer;
    expect(pub.drillDown).toBe(false);
    const r = await get('analyst', `/dashboard/figures/firs/records?${period}&groupBy=district&group=Muzaffargarh&published=true`, 403);
    expect(r.errors?.[0]?.field ?? r.fieldErrors?.[0]?.field ?? JSON.stringify(r)).toContain('published');
    // Roles without the dashboard: refused.
    await get('admin', `/dashboard/figures/firs?${period}`, 403);
    await get('prot', `/dashboard/figures/firs/records?${period}`, 403);
  });

  it('refuses bad drill-down requests with a problem naming the field', async () => {
    const noGroup = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/firs/records?${period}&groupBy=district`);
    expect(noGroup.statusCode).toBe(400);
    expect(noGroup.headers['content-type']).toContain('application/problem+json');
    expect(noGroup.body).toContain('group');
    const badPart = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/cases_by_status/records?${period}&part=nonsense`);
    expect(badPart.statusCode).toBe(400);
    expect(badPart.body).toContain('part');
    const noPart = await t.call('analyst', 'GET', `/api/v1/dashboard/figures/fir_to_challan/records?${period}&part=all_of_them`);
    expect(noPart.statusCode).toBe(400);
    expect(noPart.body).toContain('part');
    expect((await t.call('analyst', 'GET', `/api/v1/dashboard/figures/nothing_here/records`)).statusCode).toBe(404);
    expect((await t.call('analyst', 'GET', `/api/v1/dashboard/figures/firs/records?limit=0`)).statusCode).toBe(400);
  });

  it('cases by status: the cell of one status lists the cases in it at the end of the period', async () => {
    const a = (await get('invA', `/dashboard/figures/cases_by_status?${period}`)) as Answer;
    const firRegistered = a.rows.find((r) => r.part === 'fir_registered')!.values.n;
    const d = (await get('invA', `/dashboard/figures/cases_by_status/records?${period}&part=fir_registered`)) as Drill;
    expect(d.total).toBe(firRegistered);
    expect(d.total).toBe(3);
  });

  it('the district map: values joined to outlines, districts the outline lacks listed, suppressed for leadership', async () => {
    const m = await get('analyst', `/dashboard/figures/firs/map?${period}`);
    const mzg = m.districts.find((d: { name: string }) => d.name === 'Muzaffargarh');
    expect(mzg).toMatchObject({ shape: 'muzaffargarh', value: 3, display: '3', districtId: mzgDistrict });
    expect(m.districts.find((d: { name: string }) => d.name === 'Lahore')).toMatchObject({ shape: 'lahore', value: 2 });
    expect(m.max).toBe(3);
    expect(m.outline).toMatchObject({ package: '@svg-maps/pakistan.districts', licence: expect.stringContaining('Unlicense') });
    const missing = m.missing.map((d: { name: string }) => d.name);
    expect(missing).toContain('Karachi East');
    expect(missing).not.toContain('Lahore');
    expect(m.districts.length).toBe(await t.ctx.db.selectFrom('districts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)));
    const lm = await get('leadership', `/dashboard/figures/firs/map?${period}`);
    expect(lm.drillDown).toBe(false);
    expect(lm.districts.find((d: { name: string }) => d.name === 'Muzaffargarh')).toMatchObject({ value: null, display: '<5' });
    // An investigator's map counts their own cases only.
    const im = await get('invA', `/dashboard/figures/firs/map?${period}`);
    expect(im.districts.find((d: { name: string }) => d.name === 'Muzaffargarh').value).toBe(2);
    expect(im.districts.find((d: { name: string }) => d.name === 'Lahore').value).toBe(1);
  });

  it('the case API sets and corrects the offence district, validated and kept in the corrections', async () => {
    const created = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Offence elsewhere', offenceCodes: ['PPC-377B'], districtId: lahoreDistrict });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.offenceDistrict).toMatchObject({ id: lahoreDistrict, name: 'Lahore', province: 'Punjab' });
    expect(c.district).toBe('Muzaffargarh'); // the handling branch's
    const dflt = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Offence at the seat', offenceCodes: ['PPC-377B'] });
    expect(dflt.json().offenceDistrict.id).toBe(mzgDistrict);
    const bad = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Nowhere', offenceCodes: ['PPC-377B'], districtId: 999999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors ?? bad.json()).toBeTruthy();
    expect(bad.body).toContain('districtId');
    const badType = await t.call('invA', 'POST', '/api/v1/cases', { branchId: t.branchA, title: 'Nowhere', offenceCodes: ['PPC-377B'], districtId: 'Lahore' });
    expect(badType.statusCode).toBe(400);
    expect(badType.body).toContain('districtId');
    const edited = await t.call('invA', 'PATCH', `/api/v1/cases/${c.id}`, { districtId: mzgDistrict });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().offenceDistrict.id).toBe(mzgDistrict);
    const badEdit = await t.call('invA', 'PATCH', `/api/v1/cases/${c.id}`, { districtId: 999999 });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.body).toContain('districtId');
    const corrections = (await get('invA', `/cases/${c.id}/corrections`)) as { items: Array<{ field: string; before: unknown; after: unknown }> };
    expect(corrections.items.filter((i) => i.field === 'districtId').map((i) => [i.before, i.after])).toEqual([[lahoreDistrict, mzgDistrict]]);
    // Another investigator cannot move someone else's case.
    expect((await t.call('invB', 'PATCH', `/api/v1/cases/${c.id}`, { districtId: lahoreDistrict })).statusCode).toBe(404);
  });

  it('/stats/summary counts days of the agency time zone: an FIR at 02:00 local on 1 January is in the new year', async () => {
    const jan = await get('analyst', '/stats/summary?from=2025-01-01&to=2025-01-31');
    expect(jan.firs.childExploitation).toBe(1); // D5 only
    const dec = await get('analyst', '/stats/summary?from=2024-12-01&to=2024-12-31');
    expect(dec.firs.childExploitation).toBe(0);
    expect(jan.definitions.period).toContain('time zone');
  });
});
