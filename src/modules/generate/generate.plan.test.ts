import { describe, expect, it } from 'vitest';
import { allocateDistricts, newPlanState, planBatch, planStaff, type DistrictRef, type GeneratePlanInput } from './generate.plan.ts';
import { nextStatuses, type CaseStatus } from '../cases/case.lifecycle.ts';

// The generator's rows without a database: districts shared out by population, the same rows whatever the
// batches, statuses reached by allowed steps.
const districts: DistrictRef[] = [
  { id: 1, name: 'Big', population: 10_000_000, branchId: 1 },
  { id: 2, name: 'Middle', population: 1_000_000, branchId: 2 },
  { id: 3, name: 'Small', population: 10_000, branchId: 2 },
  { id: 4, name: 'Unknown', population: 0, branchId: 3 },
];
const offences = [{ code: 'PPC-377B', childExploitation: true }, { code: 'PPC-420', childExploitation: false }];
const input = (over: Partial<GeneratePlanInput> = {}): GeneratePlanInput => ({ seed: 5, cases: 300, persons: 1400, mediaPerCase: 1, districts, offences, ...over });

describe('allocateDistricts', () => {
  it('gives every district a case, the rest by population, and adds up', () => {
    const a = allocateDistricts(5, 1000, districts);
    const counts = [0, 0, 0, 0];
    for (const d of a) counts[d]!++;
    expect(counts.reduce((s, c) => s + c, 0)).toBe(1000);
    expect(counts.every((c) => c >= 1)).toBe(true);
    expect(counts[0]! / counts[1]!).toBeCloseTo(10, 0);
    expect(counts[3]).toBe(1);
  });

  it('is the same for the same seed and shuffled differently for another', () => {
    expect(allocateDistricts(5, 500, districts)).toEqual(allocateDistricts(5, 500, districts));
    expect(allocateDistricts(6, 500, districts)).not.toEqual(allocateDistricts(5, 500, districts));
  });

  it('with fewer cases than districts, goes by population only', () => {
    const a = allocateDistricts(1, 2, districts);
    expect([...a].sort()).toEqual([0, 0]);
  });
});

describe('planBatch', () => {
  const plan = (batch: number, over: Partial<GeneratePlanInput> = {}) => {
    const i = input(over);
    const allocation = allocateDistricts(i.seed, i.cases, i.districts);
    const { staff } = planStaff(i, allocation);
    const state = newPlanState();
    const all: Record<string, unknown[]> = {};
    for (let from = 0; from < i.cases; from += batch) {
      for (const [t, rows] of Object.entries(planBatch(i, allocation, staff, state, from, Math.min(i.cases, from + batch)))) (all[t] ??= []).push(...rows);
    }
    return all;
  };

  it('gives the same rows whatever the batch size, other rows for another seed', () => {
    const whole = plan(300);
    expect(plan(7)).toEqual(whole);
    expect(plan(300, { seed: 6 }).cases).not.toEqual(whole.cases);
    expect(whole.cases).toHaveLength(300);
    expect(whole.persons).toHaveLength(1400);
    expect(whole.media_files).toHaveLength(300);
  });

  it('reaches every status by allowed steps, and numbers FIRs per branch and year without repeats', () => {
    const rows = plan(300, { cases: 2000, persons: 2000, mediaPerCase: 0 });
    const history = rows.case_status_history as Array<{ case_id: string; from_status: CaseStatus | null; to_status: CaseStatus }>;
    for (const h of history) if (h.from_status) expect(nextStatuses(h.from_status)).toContain(h.to_status);
    const cases = rows.cases as Array<{ status: string; branch_id: number; fir_number: number | null; fir_year: number | null }>;
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(12);
    const firs = cases.filter((c) => c.fir_number !== null).map((c) => `${c.branch_id}/${c.fir_year}/${c.fir_number}`);
    expect(new Set(firs).size).toBe(firs.length);
  });
});
