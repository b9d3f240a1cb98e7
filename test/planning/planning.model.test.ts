import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, erlangC, investigatorsNeeded, meanWaitMonths, project, summarise, type Assumptions } from '../../src/modules/planning/planning.model.ts';

// The queueing model of docs/planning.md on small cases worked by hand.
const base: Assumptions = {
  throughputPerInvestigatorMonth: 1, workingCaseload: 1, targetUtilisation: 0.85, targetWaitDays: 7, backlogClearMonths: 12,
  minInvestigatorsPerOffice: 1, investigatorCostPerYear: null,
};

describe('Erlang C and the mean wait', () => {
  it('M/M/1: the probability of waiting is the utilisation; the wait rho / (mu - lambda)', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(meanWaitMonths(1, 2, 1)).toBeCloseTo(0.5, 12);
  });
  it('M/M/2 with a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(meanWaitMonths(2, 1, 1)).toBeCloseTo(1 / 3, 12);
  });
  it('M/M/5 with a = 4: C = (4^5/5! * 5) / (1 + 4 + 8 + 32/3 + 32/3 + 4^5/5! * 5) = 42.667 / 77', () => {
    expect(erlangC(5, 4)).toBeCloseTo((1024 / 120) * 5 / (1 + 4 + 8 + 32 / 3 + 32 / 3 + (1024 / 120) * 5), 12);
    expect(erlangC(5, 4)).toBeCloseTo(0.554113, 6);
  });
  it('an overloaded queue waits for ever; no arrivals never wait; thousands of servers stay finite', () => {
    expect(meanWaitMonths(2, 1, 2)).toBe(Infinity);
    expect(meanWaitMonths(2, 1, 0)).toBe(0);
    const c = erlangC(5000, 4900);
    expect(Number.isFinite(c) && c > 0 && c < 1).toBe(true);
  });
});

describe('one office projected', () => {
  it('one investigator, one case at a time (M/M/1): lambda 1, mu 2', () => {
    const p = project({ key: 'b', name: 'B', lambda: 1, investigators: 1, backlog: 0 }, { ...base, throughputPerInvestigatorMonth: 2 });
    expect(p.utilisation).toBe(0.5);
    expect(p.probabilityOfWaiting).toBeCloseTo(0.5, 12);
    expect(p.waitDays).toBeCloseTo(0.5 * DAYS_PER_MONTH, 9);
    // Little's law: L = rho / (1 - rho) = 1 case.
    expect(p.openCases).toBeCloseTo(1, 12);
    expect(p.daysToChallan).toBeCloseTo(1 * DAYS_PER_MONTH, 9);
    expect(p.monthsToClearBacklog).toBe(0);
  });

  it('a working caseload of 2: 2 desk places at mu/K each, so a = 1, C = 1/3, investigation takes K/mu = 1 month', () => {
    const p = project({ key: 'b', name: 'B', lambda: 1, investigators: 1, backlog: 0 }, { ...base, throughputPerInvestigatorMonth: 2, workingCaseload: 2 });
    expect(p.probabilityOfWaiting).toBeCloseTo(1 / 3, 12);
    expect(p.waitDays).toBeCloseTo((1 / 3) * DAYS_PER_MONTH, 9);
    expect(p.daysToChallan).toBeCloseTo((1 / 3 + 1) * DAYS_PER_MONTH, 9);
    expect(p.caseloadPerInvestigator).toBeCloseTo(1 + 1 / 3, 12);
  });

  it('the backlog above the working caseload is worked down by the spare capacity: (13 - 1) / (2 - 1) = 12 months', () => {
    const p = project({ key: 'b', name: 'B', lambda: 1, investigators: 1, backlog: 13 }, { ...base, throughputPerInvestigatorMonth: 2 });
    expect(p.monthsToClearBacklog).toBeCloseTo(12, 12);
    // Cleared within 6 months needs 2 investigators: (13 - 2) / (4 - 1) = 3.7 months.
    expect(investigatorsNeeded({ key: 'b', name: 'B', lambda: 1, investigators: 1, backlog: 13 }, { ...base, throughputPerInvestigatorMonth: 2, targetWaitDays: 30, backlogClearMonths: 6 })).toBe(2);
    expect(investigatorsNeeded({ key: 'b', name: 'B', lambda: 1, investigators: 1, backlog: 13 }, { ...base, throughputPerInvestigatorMonth: 2, targetWaitDays: 30, backlogClearMonths: 12 })).toBe(1);
  });

  it('overloaded: intake 3 a month against 2 investigators closing 1 each; the backlog grows by 1 a month and is never cleared', () => {
    const p = project({ key: 'b', name: 'B', lambda: 3, investigators: 2, backlog: 10 }, base);
    expect(p.overloaded).toBe(true);
    expect(p.utilisation).toBe(1.5);
    expect(p.waitDays).toBe(Infinity);
    expect(p.backlogGrowthPerMonth).toBe(1);
    expect(p.monthsToClearBacklog).toBe(Infinity);
    expect(p.caseloadPerInvestigator).toBe(5);
  });
});

describe('investigators needed', () => {
  const office = { key: 'b', name: 'B', lambda: 4, investigators: 1, backlog: 0 };
  it('utilisation: 4 / (c * 1) <= 0.85 needs 5; the wait at 5 is 0.554 months (16.9 days), at 6 it is 0.285 / 2 months (4.3 days)', () => {
    expect(investigatorsNeeded(office, { ...base, targetWaitDays: 20 })).toBe(5);
    expect(investigatorsNeeded(office, { ...base, targetWaitDays: 7 })).toBe(6);
    expect(meanWaitMonths(6, 1, 4) * DAYS_PER_MONTH).toBeCloseTo(4.3337, 3);
    expect(investigatorsNeeded(office, { ...base, targetWaitDays: 1 })).toBe(8);
  });
  it('an office with no intake gets the fewest an office has', () => {
    expect(investigatorsNeeded({ ...office, lambda: 0 }, { ...base, minInvestigatorsPerOffice: 2 })).toBe(2);
  });
  it('refuses assumptions that mean nothing', () => {
    expect(() => investigatorsNeeded(office, { ...base, targetUtilisation: 1 })).toThrow(/utilisation/);
    expect(() => investigatorsNeeded(office, { ...base, throughputPerInvestigatorMonth: 0 })).toThrow(/throughput/);
  });
});

describe('a scenario summed over offices', () => {
  it('sums staff and intake, weights waits by intake over offices not overloaded, and takes the slowest backlog', () => {
    const a = { ...base, throughputPerInvestigatorMonth: 2, investigatorCostPerYear: 1_000_000 };
    const units = [
      project({ key: 'x', name: 'X', lambda: 1, investigators: 1, backlog: 13 }, a),
      project({ key: 'y', name: 'Y', lambda: 3, investigators: 1, backlog: 4 }, a),
    ];
    const s = summarise('baseline', 'As things are', '-', units, a);
    expect(s.intakePerMonth).toBe(4);
    expect(s.investigators).toBe(2);
    expect(s.overloadedOffices).toBe(1);
    expect(s.waitDays).toBeCloseTo(0.5 * DAYS_PER_MONTH, 9);
    expect(s.monthsToClearBacklog).toBe(Infinity);
    expect(s.caseloadPerInvestigator).toBeCloseTo((1 + 4) / 2, 12);
    expect(s.costPkr).toBe(2_000_000);
    expect(s.investigatorsNeeded).toBe(units[0]!.investigatorsNeeded + units[1]!.investigatorsNeeded);
  });
});
