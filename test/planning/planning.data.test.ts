import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { computePlan, planCsv, planTables, producePlanFile } from '../../src/modules/planning/planning.service.ts';
import { DAYS_PER_MONTH } from '../../src/modules/planning/planning.model.ts';

// Capacity planning over seeded synthetic records whose answers are worked out by hand. Window: 2025 in
// Asia/Karachi (UTC+5), 365 days = 365 / 30.4375 months.
//
// Muzaffargarh office (3 investigator posts filled, 5 sanctioned), covering its own district and Testabad
// (a district with no office of its own, population 500,000):
//   a1  FIR 2024-12-31 20:00 UTC (= 1 January 01:00 local: in 2025), investigation started +1 d, challan +10 d
//   a2  FIR 2025-02-01, started +2 d, challan +20 d
//   a3  FIR 2025-03-01, started +3 d, challan +30 d
//   a4  FIR 2025-04-01, started +4 d, challan +40 d
//   a5  FIR 2025-05-01, started +5 d, still under investigation
//   a6  FIR 2025-06-01, FIR registered only
//   a7  FIR 2025-07-01 in Testabad, FIR registered only
//   a8  FIR 2025-02-01, a fraud offence only: not child exploitation, not counted
//   a9  FIR 2024-06-01 (before the window), under investigation since 2024-06-11
//   a10 FIR 2025-12-31 20:00 UTC (= 1 January 2026 local): after the window
//   tips: 2 received in the window, 1 before it
// Lahore office (no posts recorded: its 1 investigator account):
//   b1  FIR 2025-03-01, started +1 d, cancelled +61 d
//   b2  FIR 2025-08-01, started +1 d, still under investigation
const { engines } = await detectEngines();
const MONTHS = 365 / DAYS_PER_MONTH;
const DAY = 86_400_000;

describe.each(engines)('capacity planning over seeded records (%s)', (engine) => {
  let t: TestApp;
  const window = { from: '2025-01-01', to: '2025-12-31' };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.ctx.db;
    const A = t.branchA;
    const B = t.branchB;
    const seatOf = async (b: number) => (await db.selectFrom('branches').select('seat_district_id').where('id', '=', b).executeTakeFirstOrThrow()).seat_district_id;
    const [mz, lhr] = [await seatOf(A), await seatOf(B)];
    await t.asOwner(async (owner) => {
      const d = await owner.insertInto('districts').values({ code: 'TST', name: 'Testabad', province: 'Punjab', population_2023: 500_000 }).returning('id').executeTakeFirstOrThrow();
      await owner.insertInto('branch_districts').values({ branch_id: A, district_id: d.id }).execute();
      await owner.insertInto('branch_posts').values({ branch_id: A, post: 'investigator', sanctioned: 5, filled: 3 }).execute();
    });
    const testabad = (await db.selectFrom('districts').select('id').where('code', '=', 'TST').executeTakeFirstOrThrow()).id;
    const at = (iso: string, plusDays = 0) => new Date(Date.parse(iso) + plusDays * DAY).toISOString();
    let n = 0;
    const mk = async (o: { branch: number; district: number; fir: string; start?: number; challan?: number; cancel?: number; offence?: string }) => {
      n += 1;
      const status = o.challan !== undefined ? 'challan_submitted' : o.cancel !== undefined ? 'cancelled_or_discharged' : o.start !== undefined ? 'under_investigation' : 'fir_registered';
      const c = await db.insertInto('cases').values({
        branch_id: o.branch, district_id: o.district, title: `Planning ${n}`, status, reported_at: at(o.fir, -1), fir_registered_at: at(o.fir),
        challan_submitted_at: o.challan !== undefined ? at(o.fir, o.challan) : null, fir_number: n, fir_year: 2025, created_by: t.users.invA.id,
      }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('case_offences').values({ case_id: c.id, offence_code: o.offence ?? 'PPC-377B' }).execute();
      const h: Array<{ case_id: string; from_status: string | null; to_status: string; at: string; reason: string }> = [{ case_id: c.id, from_status: null, to_status: 'fir_registered', at: at(o.fir), reason: 'fixture' }];
      if (o.start !== undefined) h.push({ case_id: c.id, from_status: 'fir_registered', to_status: 'under_investigation', at: at(o.fir, o.start), reason: 'fixture' });
      if (o.challan !== undefined) h.push({ case_id: c.id, from_status: 'under_investigation', to_status: 'challan_submitted', at: at(o.fir, o.challan), reason: 'fixture' });
      if (o.cancel !== undefined) h.push({ case_id: c.id, from_status: 'under_investigation', to_status: 'cancelled_or_discharged', at: at(o.fir, o.cancel), reason: 'fixture' });
      await db.insertInto('case_status_history').values(h).execute();
    };
    await mk({ branch: A, district: mz, fir: '2024-12-31T20:00:00Z', start: 1, challan: 10 });
    await mk({ branch: A, district: mz, fir: '2025-02-01T05:00:00Z', start: 2, challan: 20 });
    await mk({ branch: A, district: mz, fir: '2025-03-01T05:00:00Z', start: 3, challan: 30 });
    await mk({ branch: A, district: mz, fir: '2025-04-01T05:00:00Z', start: 4, challan: 40 });
    await mk({ branch: A, district: mz, fir: '2025-05-01T05:00:00Z', start: 5 });
    await mk({ branch: A, district: mz, fir: '2025-06-01T05:00:00Z' });
    await mk({ branch: A, district: testabad, fir: '2025-07-01T05:00:00Z' });
    await mk({ branch: A, district: mz, fir: '2025-02-01T05:00:00Z', start: 1, offence: 'PPC-420' });
    await mk({ branch: A, district: mz, fir: '2024-06-01T05:00:00Z', start: 10 });
    await mk({ branch: A, district: mz, fir: '2025-12-31T20:00:00Z' });
    await mk({ branch: B, district: lhr, fir: '2025-03-01T05:00:00Z', start: 1, cancel: 61 });
    await mk({ branch: B, district: lhr, fir: '2025-08-01T05:00:00Z', start: 1 });
    for (const [i, received] of ['2025-03-01T05:00:00Z', '2025-09-01T05:00:00Z', '2024-09-01T05:00:00Z'].entries()) {
      await db.insertInto('tips').values({ receipt: `PLAN-${i}`, channel: 'public', format: 'public', idempotency_key: `plan-${i}`, raw: '{}', branch_id: A, received_at: received }).execute();
    }
  });
  afterAll(async () => t?.close());

  it('observes intake, finished investigations, times, backlog and its age, staff and tips per office and district', async () => {
    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', window);
    const o = plan.observations;
    expect(o.months).toBeCloseTo(MONTHS, 9);
    const A = o.branches.find((b) => b.id === t.branchA)!;
    expect(A).toMatchObject({
      name: 'Muzaffargarh', investigators: 3, investigatorsSource: 'posts', sanctionedInvestigators: 5, districts: 2,
      firs: 7, completions: 4, medianDaysToEnd: 25, challans: 4, challansWithinLimit: 1, medianDaysToStart: 3, backlog: 4, tips: 2,
    });
    // Ages at the end of 31 December 2025 local (19:00 UTC): 244.58, 213.58, 183.58 and 578.58 days.
    expect(A.medianBacklogAgeDays).toBe(229.1);
    const B = o.branches.find((b) => b.id === t.branchB)!;
    expect(B).toMatchObject({ investigators: 1, investigatorsSource: 'accounts', sanctionedInvestigators: null, firs: 2, completions: 1, medianDaysToEnd: 61, challans: 0, backlog: 1, tips: 0 });
    expect(o.national).toEqual({ firs: 9, completions: 5, medianDaysToEnd: 30, backlog: 5 });
    const testabad = o.districts.find((d) => d.name === 'Testabad')!;
    expect(testabad).toMatchObject({ firs: 1, backlog: 1, hasOffice: false, coveringBranch: 'Muzaffargarh', population: 500_000 });
    expect(o.districts.find((d) => d.name === 'Muzaffargarh')).toMatchObject({ firs: 6, backlog: 3, hasOffice: true });
    expect(o.districts.filter((d) => !d.hasOffice).map((d) => d.name)).toEqual(['Testabad']);
    // Stays that ended in 2025: under investigation a1..a4 (9, 18, 27, 36 days) and b1 (60).
    expect(o.stages.find((s) => s.status === 'under_investigation')).toEqual({ status: 'under_investigation', stays: 5, medianDays: 27, meanDays: 30 });
    // In UTC a1 and a10 swap years: a1 leaves 2025, a10 enters it.
    const utc = await computePlan(t.ctx.db, 'UTC', window);
    expect(utc.observations.branches.find((b) => b.id === t.branchA)!.firs).toBe(7);
    expect((await computePlan(t.ctx.db, 'Asia/Karachi', { from: '2025-01-01', to: '2025-01-01' })).observations.national.firs).toBe(1);
    expect((await computePlan(t.ctx.db, 'UTC', { from: '2025-01-01', to: '2025-01-01' })).observations.national.firs).toBe(0);
  });

  it('derives throughput and working caseload, and states every assumption with its basis', async () => {
    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', window);
    // 5 finished / (4 investigators x 11.99 months); working caseload round(0.104 x 30 / 30.4375) -> at least 1.
    expect(plan.assumptions.throughputPerInvestigatorMonth).toBeCloseTo(5 / (4 * MONTHS), 9);
    expect(plan.assumptions.workingCaseload).toBe(1);
    const names = plan.assumptionLines.map((l) => l.name);
    expect(names).toEqual(expect.arrayContaining(['window', 'throughput', 'working caseload', 'target utilisation', 'target wait', 'backlog cleared within', 'fewest investigators per office', 'investigator cost', 'staff', 'staff factor', 'referral growth', 'latent demand']));
    expect(plan.assumptionLines.find((l) => l.name === 'throughput')).toMatchObject({ basis: 'observed' });
    // Growth from NCMEC: (5,400,000 / 3 / 1,158,390)^(1/2) - 1.
    expect(plan.assumptionLines.find((l) => l.name === 'referral growth')!.value).toMatch(/^24\.7% a year for 3 years/);
  });

  it('projects the scenarios: staff needed per office under set assumptions, worked by hand', async () => {
    const set = { ...window, throughput: 2, workingCaseload: 1, minInvestigatorsPerOffice: 1, staffFactor: 2 };
    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', set);
    const base = plan.scenarios.find((s) => s.id === 'baseline')!;
    const A = base.units.find((u) => u.key === `branch:${t.branchA}`)!;
    const lambda = 7 / MONTHS;
    expect(A.lambda).toBeCloseTo(lambda, 9);
    expect(A.utilisation).toBeCloseTo(lambda / 6, 9);
    // 1 investigator: M/M/1, wait rho / (mu - lambda) = (lambda/2) / (2 - lambda) months = 6.27 days, under 7; backlog (4 - 1) / (2 - lambda) = 2.1 months.
    expect(A.investigatorsNeeded).toBe(1);
    const tighter = await computePlan(t.ctx.db, 'Asia/Karachi', { ...set, targetWaitDays: 5 });
    expect(tighter.scenarios[0]!.units.find((u) => u.key === `branch:${t.branchA}`)!.investigatorsNeeded).toBe(2);
    const staff = plan.scenarios.find((s) => s.id === 'staff_x')!;
    expect(staff.units.find((u) => u.key === `branch:${t.branchA}`)!.investigators).toBe(6);
    expect(staff.units.find((u) => u.key === `branch:${t.branchB}`)!.investigators).toBe(2);
    // A branch in every district: Testabad gets an office of its own, staffed as needed (1), and its intake (1 FIR) leaves Muzaffargarh (6 left).
    const every = plan.scenarios.find((s) => s.id === 'every_district')!;
    expect(every.change).toMatch(/^1 new offices/);
    const tst = every.units.find((u) => u.name === 'Testabad')!;
    expect(tst).toMatchObject({ investigators: 1, backlog: 1 });
    expect(tst.lambda).toBeCloseTo(1 / MONTHS, 9);
    expect(every.units.find((u) => u.name === 'Muzaffargarh')!.lambda).toBeCloseTo(6 / MONTHS, 9);
    expect(every.units.find((u) => u.name === 'Muzaffargarh')!.investigators).toBe(3);
    const growth = plan.scenarios.find((s) => s.id === 'growth')!;
    expect(growth.intakePerMonth).toBeCloseTo(base.intakePerMonth * 1.247 ** 3, 9);
    // Latent demand: 3,364 a year spread by population; Lahore (13.0 million people) far above its recorded intake.
    const latent = plan.scenarios.find((s) => s.id === 'latent')!;
    const population = plan.observations.districts.reduce((s, d) => s + (d.population ?? 0), 0);
    const lahorePop = plan.observations.districts.find((d) => d.id === plan.observations.branches.find((b) => b.id === t.branchB)!.seatDistrictId)!.population!;
    expect(latent.units.find((u) => u.key === `branch:${t.branchB}`)!.lambda).toBeCloseTo((3364 / 12) * (lahorePop / population), 9);
  });

  it('published files suppress small counts with a complement, hide what is derived from them, and are audited', async () => {
    const plan = await computePlan(t.ctx.db, 'Asia/Karachi', window);
    const exact = planTables(plan, false).find((x) => x.name === 'offices')!;
    const pub = planTables(plan, true).find((x) => x.name === 'offices')!;
    const row = (tb: typeof pub, name: string) => tb.rows.find((r) => r[0] === name)!;
    const col = (name: string) => pub.columns.indexOf(name);
    expect(row(exact, 'Lahore')[col('firs')]).toBe('2');
    // Lahore's 2 FIRs are "<5"; with the total (9) printed, Muzaffargarh's 7 is hidden too, or 9 - 7 would give 2.
    expect(row(pub, 'Lahore')[col('firs')]).toBe('<5');
    expect(row(pub, 'Muzaffargarh')[col('firs')]).toBe('x');
    expect(row(pub, 'total')[col('firs')]).toBe('9');
    expect(row(pub, 'Lahore')[col('intake_per_month')]).toBe('—');
    expect(row(pub, 'Muzaffargarh')[col('intake_per_month')]).toBe('—');
    const csv = planCsv(planTables(plan, true), 'offices').toString('utf8');
    expect(csv).toMatch(/^office,province,/);
    expect(csv).toMatch(/\r\n\r\nassumption,value,basis,note\r\n/);
    expect(csv).not.toMatch(/Lahore,Punjab,[^\r]*,2,0\.17/);

    const ctx = { ...t.ctx, actor: systemActor('cli:test') };
    const r = await producePlanFile(ctx, 'xlsx', 'scenarios', window);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['scenarios', 'staff_needed', 'offices', 'districts_without_office', 'stages', 'offices_by_scenario', 'assumptions']);
    const offices = wb.getWorksheet('offices')!;
    const lahore = offices.getRows(1, offices.rowCount)!.find((x) => x.getCell(1).value === 'Lahore')!;
    expect(lahore.getCell(7).value).toBe('<5');
    const assumptions = wb.getWorksheet('assumptions')!.getColumn(1).values;
    expect(assumptions).toEqual(expect.arrayContaining(['throughput', 'working caseload', 'publication']));
    const report = await t.ctx.db.selectFrom('published_reports').selectAll().where('id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ kind: 'export', output_sha256: r.sha256 });
    const entry = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', '=', r.reportId).executeTakeFirstOrThrow();
    expect(entry.action).toBe('report.export');
  });

  it('refuses bad assumptions naming the field', async () => {
    await expect(computePlan(t.ctx.db, 'Asia/Karachi', { ...window, targetUtilisation: 1.5 })).rejects.toMatchObject({ errors: [{ field: 'targetUtilisation' }] });
    await expect(computePlan(t.ctx.db, 'Asia/Karachi', { from: '2025-02-01', to: '2025-01-01' })).rejects.toMatchObject({ errors: [{ field: 'to' }] });
    await expect(computePlan(t.ctx.db, 'Asia/Karachi', { ...window, minInvestigatorsPerOffice: 1.5 })).rejects.toMatchObject({ errors: [{ field: 'minInvestigatorsPerOffice' }] });
  });
});
