import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { publishRows } from '../../src/modules/stats/figures/figures.service.ts';
import { figureById } from '../../src/modules/stats/figures/registry.ts';

// Two agreements of the published figures (issue 12):
// (a) "cases by status" has a part per status but declares none: its published view (leadership's map and
//     figures, the export) must suppress its small cells as "<5", never show them as 0;
// (b) /stats/summary counts a case in the province of its offence district, as the figure registry does,
//     not in its handling branch's.
//
//   cases  branch        offence district   status (FIR in 2025)
//   3      Muzaffargarh  Muzaffargarh       fir_registered
//   2      Muzaffargarh  (a Sindh district) under_investigation
//   6      Lahore        Lahore             fir_registered
const { engines } = await detectEngines();

type Row = { group: string | null; part: string | null; values: Record<string, number | null>; display?: Record<string, string> };

it('publishRows: an open-part figure publishes each part and the group total (part null), small cells as "<5"', () => {
  const def = figureById('cases_by_status')!;
  const rows = [
    { group: 'Lahore', part: 'fir_registered', values: { n: 6 } },
    { group: 'Lahore', part: 'under_investigation', values: { n: 7 } },
    { group: 'Muzaffargarh', part: 'fir_registered', values: { n: 3 } },
    { group: 'Muzaffargarh', part: 'under_investigation', values: { n: 9 } },
  ];
  const out = publishRows(def, rows, 'district');
  const cell = (g: string, p: string | null) => out.find((r) => r.group === g && r.part === p)!;
  expect(cell('Muzaffargarh', 'fir_registered').display!.n).toBe('<5');
  expect(cell('Muzaffargarh', 'fir_registered').values.n).toBeNull();
  // The row total would give the small cell away with its neighbour: at least one more cell of the row is hidden.
  expect([cell('Muzaffargarh', 'under_investigation').display!.n, cell('Muzaffargarh', null).display!.n]).toContain('x');
  expect(cell('total', null).display!.n).toBe('25');
  expect(out.every((r) => r.display!.n !== '0')).toBe(true);
  // One status only: the group's total is still published as part null.
  expect(publishRows(def, [{ group: null, part: 'fir_registered', values: { n: 2 } }], 'none')).toEqual([
    { group: null, part: 'fir_registered', values: { n: null }, display: { n: '<5' } },
    { group: null, part: null, values: { n: null }, display: { n: '<5' } },
  ]);
});

describe.each(engines)('published cases by status and the province of a case (%s)', (engine) => {
  let t: TestApp;
  let sindh: { id: number; name: string };
  const get = async (user: 'analyst' | 'leadership', url: string) => {
    const res = await t.call(user, 'GET', `/api/v1${url}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const period = 'from=2025-01-01&to=2025-12-31';

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    const district = async (name: string) => (await db.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    sindh = await db.selectFrom('districts').select(['id', 'name']).where('province', '=', 'Sindh').orderBy('name').limit(1).executeTakeFirstOrThrow();
    let k = 0;
    const mk = async (n: number, branch: number, districtId: number, status: string) => {
      for (let i = 0; i < n; i++) {
        k += 1;
        const fir = `2025-03-${String(k).padStart(2, '0')}T06:00:00Z`;
        const c = await db.insertInto('cases').values({
          branch_id: branch, district_id: districtId, title: `Area case ${k}`, status, reported_at: fir, fir_registered_at: fir, fir_number: 500 + k, fir_year: 2025, created_by: t.users.invA.id,
        }).returning('id').executeTakeFirstOrThrow();
        await db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
        await db.insertInto('case_status_history').values({ case_id: c.id, from_status: null, to_status: status, at: fir, reason: 'fixture' }).execute();
      }
    };
    await mk(3, t.branchA, await district('Muzaffargarh'), 'fir_registered');
    await mk(2, t.branchA, sindh.id, 'under_investigation');
    await mk(6, t.branchB, await district('Lahore'), 'fir_registered');
  });
  afterAll(async () => t?.close());

  it('(a) leadership sees small cells of cases by status as "<5" on the map and in the figure, not 0', async () => {
    const map = (await get('leadership', `/dashboard/figures/cases_by_status/map?${period}`)) as { published: boolean; districts: Array<{ name: string; value: number | null; display: string }> };
    expect(map.published).toBe(true);
    const on = (name: string) => map.districts.find((d) => d.name === name)!;
    expect(on('Muzaffargarh')).toMatchObject({ value: null, display: '<5' });
    expect(on(sindh.name)).toMatchObject({ value: null, display: '<5' });
    expect(on('Lahore').display).not.toBe('0');
    expect(on('Quetta')).toMatchObject({ value: 0, display: '0' });
    const fig = (await get('leadership', `/dashboard/figures/cases_by_status?${period}&groupBy=district`)) as { rows: Row[] };
    expect(fig.rows.find((r) => r.group === 'Muzaffargarh' && r.part === 'fir_registered')!.display!.n).toBe('<5');
    expect(fig.rows.find((r) => r.group === 'total' && r.part === null)!.display!.n).toBe('11');
    // The exact view (analyst) keeps the exact counts.
    const exact = (await get('analyst', `/dashboard/figures/cases_by_status/map?${period}`)) as typeof map;
    expect(exact.districts.find((d) => d.name === 'Muzaffargarh')).toMatchObject({ value: 3, display: '3' });
  });

  it('(b) /stats/summary counts a case in its offence district\'s province, as the figure registry does', async () => {
    const s = await get('analyst', `/stats/summary?${period}`);
    const byProvince = new Map((s.byProvince as Array<{ province: string; firs: number }>).map((p) => [p.province, p.firs]));
    expect(byProvince.get('Punjab')).toBe(9);
    expect(byProvince.get('Sindh')).toBe(2);
    const fig = (await get('analyst', `/dashboard/figures/firs?${period}&groupBy=province`)) as { rows: Row[] };
    for (const r of fig.rows) expect(byProvince.get(r.group!), r.group!).toBe(r.values.n);
    expect((await get('analyst', `/stats/summary?${period}&province=Sindh`)).firs.childExploitation).toBe(2);
    expect((await get('analyst', `/stats/summary?${period}&province=Punjab`)).firs.childExploitation).toBe(9);
    // One branch's summary lists the provinces where its cases' offences happened.
    const own = await get('analyst', `/stats/summary?${period}&branchId=${t.branchA}`);
    expect(own.byProvince).toEqual(expect.arrayContaining([expect.objectContaining({ province: 'Punjab', firs: 3 }), expect.objectContaining({ province: 'Sindh', firs: 2 })]));
    expect(s.definitions.byProvince).toContain('offence district');
  });
});
