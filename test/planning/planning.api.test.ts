import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { computePlan, planCsv, planTables } from '../../src/modules/planning/planning.service.ts';
import { project, DAYS_PER_MONTH } from '../../src/modules/planning/planning.model.ts';
import type { PlanAnswer } from '../../src/modules/planning/planning.schema.ts';

// Capacity planning over the API (issue 12 §6) on both engines: who may ask, bad input named, the figures
// the model gives, the same suppression as the CSV, and the files (CSV, XLSX, PDF) recorded and audited.
//
// Window 2025 (Asia/Karachi). Child-exploitation FIRs per office:
//   Muzaffargarh (A, investigators invA and invA2): 10 FIRs; 3 challans (20 days after the FIR), 7 still open
//   Lahore (B, invB): 2 FIRs, both open: "<5", so Lahore's figures are withheld
//   a third office (C, no investigators): 6 FIRs, all open: the complement hidden beside Lahore's 2
const { engines } = await detectEngines();
const DAY = 86_400_000;
const period = 'from=2025-01-01&to=2025-12-31';

const pdfText = async (pdf: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
};

describe.each(engines)('capacity planning API (%s)', (engine) => {
  let t: TestApp;
  let C: number;
  const get = async (user: UserKey, url: string, status = 200) => {
    const res = await t.call(user, 'GET', `/api/v1${url}`);
    expect(res.statusCode, res.body).toBe(status);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    const other = await db.selectFrom('branches').select(['id', 'seat_district_id']).where('id', 'not in', [t.branchA, t.branchB]).orderBy('id').executeTakeFirstOrThrow();
    C = other.id;
    const seat = async (b: number) => (await db.selectFrom('branches').select('seat_district_id').where('id', '=', b).executeTakeFirstOrThrow()).seat_district_id;
    const at = (iso: string, plus = 0) => new Date(Date.parse(iso) + plus * DAY).toISOString();
    let n = 0;
    const mk = async (branch: number, fir: string, challan?: number) => {
      n += 1;
      const c = await db.insertInto('cases').values({
        branch_id: branch, district_id: await seat(branch), title: `Plan API ${n}`, status: challan !== undefined ? 'challan_submitted' : 'under_investigation',
        reported_at: at(fir, -1), fir_registered_at: at(fir), challan_submitted_at: challan !== undefined ? at(fir, challan) : null, fir_number: n, fir_year: 2025, created_by: t.users.invA.id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PPC-377B' }).execute();
      const h = [
        { case_id: c.id, from_status: null, to_status: 'fir_registered', at: at(fir), reason: 'fixture' },
        { case_id: c.id, from_status: 'fir_registered', to_status: 'under_investigation', at: at(fir, 1), reason: 'fixture' },
      ];
      if (challan !== undefined) h.push({ case_id: c.id, from_status: 'under_investigation', to_status: 'challan_submitted', at: at(fir, challan), reason: 'fixture' });
      await db.insertInto('case_status_history').values(h).execute();
    };
    for (let i = 0; i < 10; i++) await mk(t.branchA, `2025-0${1 + (i % 9)}-0${1 + (i % 7)}T05:00:00Z`, i < 3 ? 20 : undefined);
    for (let i = 0; i < 2; i++) await mk(t.branchB, `2025-03-1${i}T05:00:00Z`);
    for (let i = 0; i < 6; i++) await mk(C, `2025-04-1${i}T05:00:00Z`);
  }, 120_000);
  afterAll(async () => t?.close());

  it('is refused to roles without planning.read (an investigator among them), for the view and the files', async () => {
    for (const u of ['invA', 'supA', 'prosecutor', 'admin', 'auditor'] as const) {
      const res = await get(u, `/planning/scenarios?${period}`, 403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      await get(u, `/planning/scenarios/file?${period}&format=pdf`, 403);
    }
    expect(await t.ctx.db.selectFrom('published_reports').select('id').execute()).toHaveLength(0);
    await get('leadership', `/planning/scenarios?${period}`);
    await get('analyst', `/planning/scenarios?${period}`);
  });

  it('refuses bad input with 400 problem+json naming the field, before anything is computed or recorded', async () => {
    const cases: Array<[string, string]> = [
      ['staffFactor=abc', 'staffFactor'],
      ['staffFactor=0', 'staffFactor'],
      ['growth=20', 'growth'],
      ['targetUtilisation=1.5', 'targetUtilisation'],
      ['minInvestigatorsPerOffice=1.5', 'minInvestigatorsPerOffice'],
      ['latentShare=2', 'latentShare'],
      ['everyDistrict=maybe', 'everyDistrict'],
      ['from=2025-13-01', 'from'],
      ['from=2025-06-01&to=2025-01-01', 'to'],
      ['colour=green', 'colour'],
    ];
    for (const [q, field] of cases) {
      const res = await get('leadership', `/planning/scenarios?${q}`, 400);
      expect(res.headers['content-type'], q).toContain('application/problem+json');
      const fields = (res.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field.replace(/^querystring\.?/, ''));
      expect(fields, q).toContain(field);
    }
    const format = await get('leadership', `/planning/scenarios/file?${period}&format=docx`, 400);
    expect((format.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([expect.stringMatching(/format$/)]);
    const table = await get('leadership', `/planning/scenarios/file?${period}&format=csv&table=victims`, 400);
    expect((table.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([expect.stringMatching(/table$/)]);
    expect(await t.ctx.db.selectFrom('published_reports').select('id').execute()).toHaveLength(0);
  });

  it('answers the model\'s figures, with the inputs applied, and audits the read', async () => {
    const before = (await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'report.plan.view').execute()).length;
    const a = (await get('leadership', `/planning/scenarios?${period}&staffFactor=2&growth=0.1&horizonYears=2&throughput=2`)).json() as PlanAnswer;
    expect((await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'report.plan.view').execute()).length).toBe(before + 1);
    expect(a.published).toBe(true);
    expect(a.window).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(a.scenarios.map((s) => s.id)).toEqual(['baseline', 'staff_x', 'every_district', 'growth', 'latent']);

    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', { from: '2025-01-01', to: '2025-12-31', staffFactor: 2, growth: 0.1, horizonYears: 2, throughput: 2 });
    const K = Math.round(plan.assumptions.workingCaseload);
    expect(a.workingCaseload).toBe(K);
    // Throughput set (2 a month, so that Muzaffargarh is not overloaded); the working caseload observed.
    expect(plan.assumptions.throughputPerInvestigatorMonth).toBe(2);
    for (const [i, s] of plan.scenarios.entries()) {
      const v = a.scenarios[i]!;
      expect(v).toMatchObject({ id: s.id, investigators: s.investigators, investigatorsNeeded: s.investigatorsNeeded, overloadedOffices: s.overloadedOffices, deskPlaces: s.investigators * K });
      expect(v.intakePerMonth).toBeCloseTo(s.intakePerMonth, 9);
      expect(v.waitDays).toBeCloseTo(s.waitDays, 9);
      for (const [j, u] of s.units.entries()) {
        const w = v.units[j]!;
        expect(w).toMatchObject({ key: u.key, investigators: u.investigators, investigatorsNeeded: u.investigatorsNeeded, deskPlaces: u.investigators * K });
        if (w.hidden) continue;
        expect(w.arrivalsPerMonth).toBeCloseTo(u.lambda, 9);
        expect(w.probabilityOfWaiting).toBeCloseTo(u.probabilityOfWaiting, 9);
        if (Number.isFinite(u.waitDays)) expect(w.waitDays).toBeCloseTo(u.waitDays, 9);
        else expect(w.waitDays).toBeNull();
      }
    }
    // Muzaffargarh under staff x2, from the model directly: 10 FIRs a year, 2 investigators x 2, backlog 7.
    const mzg = a.scenarios[1]!.units.find((u) => u.key === `branch:${t.branchA}`)!;
    expect(mzg.hidden).toBe(false);
    const direct = project({ key: 'x', name: 'x', lambda: 10 / (365 / DAYS_PER_MONTH), investigators: 4, backlog: 7 }, plan.assumptions);
    expect(direct.overloaded).toBe(false);
    expect(Number.isFinite(direct.waitDays)).toBe(true);
    expect(mzg.investigators).toBe(4);
    expect(mzg.deskPlaces).toBe(4 * K);
    expect(mzg.arrivalsPerMonth).toBeCloseTo(direct.lambda, 9);
    expect(mzg.utilisation).toBeCloseTo(direct.utilisation, 9);
    expect(mzg.probabilityOfWaiting).toBeCloseTo(direct.probabilityOfWaiting, 9);
    expect(mzg.waitDays).toBeCloseTo(direct.waitDays, 9);
    expect(mzg.caseloadPerInvestigator).toBeCloseTo(direct.caseloadPerInvestigator, 9);
    expect(mzg.monthsToClearBacklog).toBeCloseTo(direct.monthsToClearBacklog, 9);
    expect(mzg.investigatorsNeeded).toBe(direct.investigatorsNeeded);
    // Growth: intake x 1.1^2.
    expect(a.scenarios[3]!.intakePerMonth).toBeCloseTo(a.scenarios[0]!.intakePerMonth * 1.21, 9);
    // The assumptions as the CLI prints them.
    expect(a.assumptionsText).toMatch(/^Assumptions/);
    expect(a.assumptionsText).toContain('- staff factor: x2 [set].');
    expect(a.assumptionsText).toContain('- referral growth: 10% a year for 2 years (intake x1.21) [set].');

    // The branch in every district switched off.
    const off = (await get('analyst', `/planning/scenarios?${period}&everyDistrict=false`)).json() as PlanAnswer;
    expect(off.scenarios.map((s) => s.id)).toEqual(['baseline', 'staff_x', 'growth', 'latent']);
    expect(off.comparison.columns).toEqual(['measure', 'baseline', 'staff_x', 'growth', 'latent']);
  });

  it('withholds exactly what the CSV withholds: small counts and their complement', async () => {
    const a = (await get('leadership', `/planning/scenarios?${period}`)).json() as PlanAnswer;
    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', { from: '2025-01-01', to: '2025-12-31' });
    const csv = planCsv(planTables(plan, true), 'offices_by_scenario').toString('utf8').split('\r\n\r\n')[0]!.split('\r\n');
    const header = csv[0]!.split(',');
    const rows = csv.slice(1).map((l) => l.split(','));
    const intake = header.indexOf('intake_per_month');
    let hidden = 0;
    for (const s of a.scenarios) {
      for (const u of s.units) {
        const row = rows.find((r) => r[0] === s.id && r[1] === u.name);
        expect(row, `${s.id} ${u.name}`).toBeDefined();
        expect(row![intake] === '—', `${s.id} ${u.name}`).toBe(u.hidden);
        if (u.hidden) {
          hidden++;
          expect(u, `${s.id} ${u.name}`).toMatchObject({ arrivalsPerMonth: null, utilisation: null, probabilityOfWaiting: null, waitDays: null, caseloadPerInvestigator: null, daysToChallan: null, monthsToClearBacklog: null, overloaded: null });
        }
      }
    }
    expect(hidden).toBeGreaterThan(0);
    const base = a.scenarios[0]!.units;
    // Lahore's 2 FIRs are withheld, and the third office's 6 with them (the complement); Muzaffargarh's shown.
    expect(base.find((u) => u.key === `branch:${t.branchB}`)!.hidden).toBe(true);
    expect(base.find((u) => u.key === `branch:${C}`)!.hidden).toBe(true);
    expect(base.find((u) => u.key === `branch:${t.branchA}`)!.hidden).toBe(false);
    // Nothing in the answer carries Lahore's 2 as an intake a month.
    expect(JSON.stringify(a)).not.toContain(String(2 / plan.observations.months));
    expect(JSON.stringify(a.staffNeeded)).not.toMatch(/"2","1"/);
  });

  it('gives the files: CSV and XLSX as `amaan plan --out`, a PDF with the figures; each recorded and audited', async () => {
    const csv = await get('analyst', `/planning/scenarios/file?${period}&format=csv&table=offices`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="capacity-plan-2025-01-01-to-2025-12-31-offices.csv"');
    expect(csv.body).toMatch(/^office,province,/);
    expect(csv.body).toMatch(/\r\nLahore,Punjab,[^\r]*,<5,—,/);
    const xlsx = await get('leadership', `/planning/scenarios/file?${period}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('offices_by_scenario');

    const pdf = await get('leadership', `/planning/scenarios/file?${period}&format=pdf&staffFactor=2&investigatorCostPerYear=1200000`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    const a = (await get('leadership', `/planning/scenarios?${period}&staffFactor=2&investigatorCostPerYear=1200000`)).json() as PlanAnswer;
    expect(text).toContain('Capacity planning: scenarios side by side');
    expect(text).toContain('Staff x2 (staff_x)');
    const rowText = (label: string) => {
      const r = a.comparison.rows.find((x) => x[0] === label)!;
      return `${label} ${r.slice(1).join(' ')}`;
    };
    for (const label of ['investigators', 'intake per month', 'utilisation', 'investigators needed for the targets', 'staff cost a year, PKR']) expect(text, label).toContain(rowText(label));
    expect(text).toContain('- staff factor: x2 [set].'.slice(2));
    expect(text).toMatch(/Audit trail anchor: entry \d+, hash [0-9a-f]{64}/);

    const reports = await t.ctx.db.selectFrom('published_reports').select(['id', 'kind', 'params', 'output_sha256']).execute();
    expect(reports).toHaveLength(3);
    const pdfReport = reports.find((r) => JSON.stringify(r.params).includes('"format":"pdf"'))!;
    expect(pdfReport.id).toBe(pdf.headers['x-amaan-report-id']);
    const entry = await t.ctx.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', pdfReport.id).executeTakeFirstOrThrow();
    expect(entry.action).toBe('report.export');
  });
});
