// Capacity planning (issue 12 §6): the queueing model, pure (no database, no I/O). The model and every
// assumption are written out in docs/planning.md; this file is that text in code.
//
// A unit (a branch office, or a district when every district has its own branch) receives cases for
// investigation (FIRs) at `lambda` per month, at random (Poisson). It has `c` investigators; each closes
// `mu` investigations a month (observed: challans plus cancellations per investigator-month) and works up to
// `K` cases at once, so a case under investigation takes K / mu months of elapsed time. The unit is an
// M/M/s queue with s = c*K "desk places", each serving at nu = mu / K: a case waits for a place (the wait
// before investigation starts), then is investigated. Erlang's C formula gives the probability of waiting
// and the mean wait; Little's law the number waiting. The backlog above what the desks hold (B - c*K) is
// worked down by the spare capacity c*mu - lambda (a fluid approximation).

export interface Assumptions {
  /** Investigations one investigator closes per month (observed, or set). */
  throughputPerInvestigatorMonth: number;
  /** Cases an investigator works at once (observed, or set). */
  workingCaseload: number;
  /** Target utilisation lambda / (c*mu) that staffing should not exceed. */
  targetUtilisation: number;
  /** Target mean wait before investigation starts, days. */
  targetWaitDays: number;
  /** The backlog above the working caseload cleared within this many months. */
  backlogClearMonths: number;
  /** Fewest investigators an office has. */
  minInvestigatorsPerOffice: number;
  /** Annual cost of one investigator (PKR, fully loaded), or null: costs in investigator-years only. */
  investigatorCostPerYear: number | null;
}

export const DAYS_PER_MONTH = 30.4375;

export interface UnitInput {
  key: string;
  name: string;
  /** Cases entering investigation per month. */
  lambda: number;
  investigators: number;
  /** Open investigations now (the backlog). */
  backlog: number;
}

export interface UnitProjection {
  key: string;
  name: string;
  lambda: number;
  investigators: number;
  backlog: number;
  /** Capacity c*mu, cases per month. */
  capacity: number;
  utilisation: number;
  overloaded: boolean;
  /** Probability that a new case waits for an investigator (Erlang C); 1 when overloaded. */
  probabilityOfWaiting: number;
  /** Mean wait before investigation starts, days (Infinity when overloaded). */
  waitDays: number;
  /** Open cases of the unit: in steady state lambda*(K/mu + Wq) (Little's law); the backlog when overloaded. */
  openCases: number;
  /** Open cases per investigator (Infinity with no investigator and open cases). */
  caseloadPerInvestigator: number;
  /** Mean days from FIR to the end of investigation: wait + K/mu. */
  daysToChallan: number;
  /** Months to clear the backlog above the working caseload (0: nothing to clear; Infinity: never). */
  monthsToClearBacklog: number;
  /** Cases the backlog grows by per month when overloaded (0 otherwise). */
  backlogGrowthPerMonth: number;
  /** Fewest investigators meeting the targets. */
  investigatorsNeeded: number;
}

/**
 * Erlang C: probability that an arrival waits in an M/M/s queue with offered load a = lambda/nu (< s).
 * Computed through Erlang B's recurrence B(k) = a B(k-1) / (k + a B(k-1)), stable for thousands of servers.
 */
export function erlangC(s: number, a: number): number {
  if (s <= 0) return 1;
  if (a <= 0) return 0;
  if (a >= s) return 1;
  let b = 1;
  for (let k = 1; k <= s; k++) b = (a * b) / (k + a * b);
  return (s * b) / (s - a * (1 - b));
}

/** Mean wait in months of an M/M/s queue (servers s of rate nu) with arrivals lambda; Infinity when overloaded. */
export function meanWaitMonths(s: number, nu: number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (s <= 0 || lambda >= s * nu) return Infinity;
  return erlangC(s, lambda / nu) / (s * nu - lambda);
}

function check(a: Assumptions) {
  if (!(a.throughputPerInvestigatorMonth > 0)) throw new RangeError('throughput per investigator-month must be positive');
  if (!(a.workingCaseload >= 1)) throw new RangeError('working caseload must be at least 1');
  if (!(a.targetUtilisation > 0 && a.targetUtilisation < 1)) throw new RangeError('target utilisation must be between 0 and 1');
}

/** Projects one unit with c investigators. */
export function project(u: UnitInput, a: Assumptions): UnitProjection {
  check(a);
  const mu = a.throughputPerInvestigatorMonth;
  const K = Math.max(1, Math.round(a.workingCaseload));
  const c = u.investigators;
  const capacity = c * mu;
  const utilisation = capacity > 0 ? u.lambda / capacity : u.lambda > 0 ? Infinity : 0;
  const overloaded = u.lambda > 0 && u.lambda >= capacity;
  const s = c * K;
  const nu = mu / K;
  const waitMonths = meanWaitMonths(s, nu, u.lambda);
  const pWait = overloaded ? 1 : erlangC(s, u.lambda / nu);
  // Little's law: in service lambda*K/mu, waiting lambda*Wq.
  const inSystem = overloaded ? u.backlog : u.lambda * (K / mu) + u.lambda * waitMonths;
  const excess = Math.max(0, u.backlog - s);
  const months = excess === 0 ? 0 : overloaded || capacity - u.lambda <= 0 ? Infinity : excess / (capacity - u.lambda);
  return {
    key: u.key, name: u.name, lambda: u.lambda, investigators: c, backlog: u.backlog, capacity, utilisation, overloaded,
    probabilityOfWaiting: pWait,
    waitDays: waitMonths * DAYS_PER_MONTH,
    openCases: inSystem,
    caseloadPerInvestigator: c > 0 ? inSystem / c : inSystem > 0 ? Infinity : 0,
    daysToChallan: (waitMonths + K / mu) * DAYS_PER_MONTH,
    monthsToClearBacklog: months,
    backlogGrowthPerMonth: overloaded ? u.lambda - capacity : 0,
    investigatorsNeeded: investigatorsNeeded(u, a),
  };
}

/**
 * The fewest investigators c (at least the office minimum) with utilisation at most the target, a mean wait
 * before investigation at most the target, and the backlog above c*K cleared within the target months.
 */
export function investigatorsNeeded(u: UnitInput, a: Assumptions): number {
  check(a);
  const mu = a.throughputPerInvestigatorMonth;
  const K = Math.max(1, Math.round(a.workingCaseload));
  const ok = (c: number) => {
    const capacity = c * mu;
    if (u.lambda > 0 && u.lambda / capacity > a.targetUtilisation) return false;
    if (meanWaitMonths(c * K, mu / K, u.lambda) * DAYS_PER_MONTH > a.targetWaitDays) return false;
    const excess = Math.max(0, u.backlog - c * K);
    if (excess > 0 && excess / (capacity - u.lambda) > a.backlogClearMonths) return false;
    return true;
  };
  let c = Math.max(1, Math.ceil(a.minInvestigatorsPerOffice));
  // Utilisation alone gives a lower bound; step up from there.
  if (u.lambda > 0) c = Math.max(c, Math.ceil(u.lambda / (mu * a.targetUtilisation) - 1e-9));
  while (!ok(c)) c += 1;
  return c;
}

export interface ScenarioSummary {
  id: string;
  title: string;
  /** What the scenario changes, in words. */
  change: string;
  offices: number;
  intakePerMonth: number;
  investigators: number;
  capacityPerMonth: number;
  utilisation: number;
  overloadedOffices: number;
  /** Intake-weighted mean wait before investigation starts over the offices not overloaded (days). */
  waitDays: number;
  /** Open cases per investigator (all offices). */
  caseloadPerInvestigator: number;
  /** Intake-weighted mean days from FIR to challan over the offices not overloaded. */
  daysToChallan: number;
  /** The longest time any office takes to clear its backlog (Infinity if one never does). */
  monthsToClearBacklog: number;
  investigatorsNeeded: number;
  /** Staff cost per year of the scenario's investigators, in investigator-years and PKR when a cost is given. */
  costInvestigatorYears: number;
  costPkr: number | null;
  costNeededPkr: number | null;
  units: UnitProjection[];
}

export function summarise(id: string, title: string, change: string, units: UnitProjection[], a: Assumptions): ScenarioSummary {
  const sum = (f: (u: UnitProjection) => number) => units.reduce((t, u) => t + f(u), 0);
  const fine = units.filter((u) => !u.overloaded);
  const fineIntake = fine.reduce((t, u) => t + u.lambda, 0);
  const weighted = (f: (u: UnitProjection) => number) => (fineIntake > 0 ? fine.reduce((t, u) => t + u.lambda * f(u), 0) / fineIntake : 0);
  const investigators = sum((u) => u.investigators);
  const needed = sum((u) => u.investigatorsNeeded);
  const openCases = sum((u) => u.openCases);
  return {
    id, title, change,
    offices: units.length,
    intakePerMonth: sum((u) => u.lambda),
    investigators,
    capacityPerMonth: sum((u) => u.capacity),
    utilisation: investigators > 0 ? sum((u) => u.lambda) / sum((u) => u.capacity) : Infinity,
    overloadedOffices: units.filter((u) => u.overloaded).length,
    waitDays: weighted((u) => u.waitDays),
    caseloadPerInvestigator: investigators > 0 ? openCases / investigators : Infinity,
    daysToChallan: weighted((u) => u.daysToChallan),
    monthsToClearBacklog: units.reduce((m, u) => Math.max(m, u.monthsToClearBacklog), 0),
    investigatorsNeeded: needed,
    costInvestigatorYears: investigators,
    costPkr: a.investigatorCostPerYear === null ? null : investigators * a.investigatorCostPerYear,
    costNeededPkr: a.investigatorCostPerYear === null ? null : needed * a.investigatorCostPerYear,
    units,
  };
}
