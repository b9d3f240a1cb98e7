import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../platform/context.ts';
import { auditRead } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import { auditHead, currentCatalogue, recordPublication } from '../stats/figures/figures.service.ts';
import { suppressTable } from '../stats/figures/suppress.ts';
import { toCsv } from '../reports/export.tables.ts';
import { planPdf } from './planning.pdf.ts';
import { reportTexts, type ReportLang } from '../../platform/text/report-texts.schema.ts';
import { planTableNames, type PlanAnswer, type PlanFileQuery, type PlanQuery } from './planning.schema.ts';
import { civilSocietyCount, observe, referralGrowth, type Observations } from './planning.data.ts';
import { DAYS_PER_MONTH, investigatorsNeeded, project, summarise, type Assumptions, type ScenarioSummary, type UnitInput } from './planning.model.ts';

// Capacity planning (issue 12 §6): observations from the records, the stated assumptions (each observed,
// derived from an external count, or set), the scenarios projected by the queueing model
// (planning.model.ts), and the tables the CLI prints and the CSV/XLSX files carry. Files leave the agency:
// counts of cases of 1 to 4 are shown as "<5" (with complements), and what is derived from such a count is
// not shown. docs/planning.md explains the model.

export interface PlanOptions {
  /** Observation window: local days, inclusive. Default: the 12 months up to `to` (default today). */
  from?: string | null;
  to?: string | null;
  offences?: 'child_exploitation' | 'all';
  throughput?: number | null;
  workingCaseload?: number | null;
  targetUtilisation?: number;
  targetWaitDays?: number;
  backlogClearMonths?: number;
  minInvestigatorsPerOffice?: number;
  investigatorCostPerYear?: number | null;
  staffFactor?: number;
  growth?: number | null;
  horizonYears?: number;
  latentShare?: number;
  /** The "a branch in every district" scenario (default on). */
  everyDistrict?: boolean;
}

export interface AssumptionLine {
  name: string;
  value: string;
  basis: 'observed' | 'external' | 'set' | 'default';
  note: string;
}

export interface Table {
  name: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface Plan {
  observations: Observations;
  assumptions: Assumptions;
  assumptionLines: AssumptionLine[];
  scenarios: ScenarioSummary[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in the time zone, YYYY-MM-DD. */
function today(tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function minusYear(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

function positive(field: string, v: number | null | undefined, opts: { min?: number; max?: number; integer?: boolean } = {}) {
  if (v === null || v === undefined) return;
  if (!Number.isFinite(v) || (opts.integer && !Number.isInteger(v))) throw invalid(field, opts.integer ? 'must be a whole number' : 'must be a number');
  if (opts.min !== undefined && v < opts.min) throw invalid(field, `must be at least ${opts.min}`);
  if (opts.max !== undefined && v > opts.max) throw invalid(field, `must be at most ${opts.max}`);
}

export function checkOptions(o: PlanOptions): void {
  for (const k of ['from', 'to'] as const) if (o[k] && (!DAY.test(o[k]!) || Number.isNaN(Date.parse(`${o[k]}T00:00:00Z`)))) throw invalid(k, 'must be a day YYYY-MM-DD');
  if (o.from && o.to && o.from > o.to) throw invalid('to', 'must not be before from');
  positive('throughput', o.throughput, { min: 0.01, max: 1000 });
  positive('workingCaseload', o.workingCaseload, { min: 1, max: 1000 });
  positive('targetUtilisation', o.targetUtilisation, { min: 0.05, max: 0.99 });
  positive('targetWaitDays', o.targetWaitDays, { min: 0.1, max: 3650 });
  positive('backlogClearMonths', o.backlogClearMonths, { min: 0.1, max: 600 });
  positive('minInvestigatorsPerOffice', o.minInvestigatorsPerOffice, { min: 1, max: 1000, integer: true });
  positive('investigatorCostPerYear', o.investigatorCostPerYear, { min: 0 });
  positive('staffFactor', o.staffFactor, { min: 0.1, max: 100 });
  positive('growth', o.growth, { min: -0.99, max: 10 });
  positive('horizonYears', o.horizonYears, { min: 0, max: 50 });
  positive('latentShare', o.latentShare, { min: 0, max: 1 });
}

/** Reads the records and projects every scenario. */
export async function computePlan(db: Db | Tx, timeZone: string, o: PlanOptions = {}): Promise<Plan> {
  checkOptions(o);
  const to = o.to ?? today(timeZone);
  const from = o.from ?? minusYear(to);
  if (from > to) throw invalid('from', 'must not be after to');
  const catalogue = await currentCatalogue(db);
  const obs = await observe(db, { from, to, timeZone, childExploitationCodes: (o.offences ?? 'child_exploitation') === 'all' ? null : catalogue.childExploitationCodes });
  const lines: AssumptionLine[] = [];
  const line = (name: string, value: string, basis: AssumptionLine['basis'], note: string) => lines.push({ name, value, basis, note });

  line('window', `${from} to ${to} (${r2(obs.months)} months), days in ${timeZone}`, o.from || o.to ? 'set' : 'default', 'the period the rates are observed over');
  line('offences', (o.offences ?? 'child_exploitation') === 'all' ? 'all cases' : 'cases with a child-exploitation offence', o.offences ? 'set' : 'default', 'which cases count (offence catalogue)');
  line('intake', 'FIRs registered in the window / months', 'observed', 'cases entering investigation, per office (handling branch) and per district (of the offence)');

  const investigators = obs.branches.reduce((t, b) => t + b.investigators, 0);
  const observedMu = investigators > 0 && obs.national.completions > 0 ? obs.national.completions / (investigators * obs.months) : null;
  const mu = o.throughput ?? observedMu ?? 2;
  line('throughput', `${r2(mu)} investigations closed per investigator per month`, o.throughput ? 'set' : observedMu !== null ? 'observed' : 'default',
    observedMu !== null ? `observed: ${obs.national.completions} investigations finished (challan or cancellation) / (${investigators} investigators x ${r2(obs.months)} months) = ${r2(observedMu)}` : 'nothing observed (no investigators or no finished investigations): a default of 2, set --throughput');

  const observedK = observedMu !== null && obs.national.medianDaysToEnd !== null ? Math.max(1, Math.round(observedMu * (obs.national.medianDaysToEnd / DAYS_PER_MONTH))) : null;
  const K = o.workingCaseload ?? observedK ?? 10;
  line('working caseload', `${K} cases an investigator works at once`, o.workingCaseload ? 'set' : observedK !== null ? 'observed' : 'default',
    observedK !== null ? `Little's law: throughput ${r2(observedMu!)} x median ${obs.national.medianDaysToEnd} days from FIR to end of investigation (${r2(obs.national.medianDaysToEnd! / DAYS_PER_MONTH)} months), rounded` : 'nothing observed: a default of 10, set --working-caseload');

  const a: Assumptions = {
    throughputPerInvestigatorMonth: mu, workingCaseload: K,
    targetUtilisation: o.targetUtilisation ?? 0.85, targetWaitDays: o.targetWaitDays ?? 7, backlogClearMonths: o.backlogClearMonths ?? 12,
    minInvestigatorsPerOffice: o.minInvestigatorsPerOffice ?? 2, investigatorCostPerYear: o.investigatorCostPerYear ?? null,
  };
  line('target utilisation', String(a.targetUtilisation), o.targetUtilisation ? 'set' : 'default', 'staff so that intake is at most this share of capacity (headroom for leave, court days, surges)');
  line('target wait', `${a.targetWaitDays} days`, o.targetWaitDays ? 'set' : 'default', `mean wait before investigation starts; the whole investigation has ${obs.challanLimitDays} days by s.173 CrPC (case-lifecycle.csv)`);
  line('backlog cleared within', `${a.backlogClearMonths} months`, o.backlogClearMonths ? 'set' : 'default', 'open investigations beyond the working caseload of the staff, worked down by the spare capacity');
  line('fewest investigators per office', String(a.minInvestigatorsPerOffice), o.minInvestigatorsPerOffice ? 'set' : 'default', 'an office is never staffed below this');
  line('investigator cost', a.investigatorCostPerYear === null ? 'not given: costs in investigator-years' : `PKR ${a.investigatorCostPerYear.toLocaleString('en-US')} a year`, a.investigatorCostPerYear === null ? 'default' : 'set', 'fully loaded cost of one investigator a year (no sourced figure in Amaan: the agency sets it)');
  line('staff', 'filled investigator posts of each branch where recorded, else its enabled investigator accounts', 'observed',
    `${investigators} investigators in ${obs.branches.length} offices: ${obs.branches.filter((b) => b.investigatorsSource === 'posts').length} offices from recorded posts, ${obs.branches.filter((b) => b.investigatorsSource === 'accounts').length} from accounts; ${obs.branches.filter((b) => b.investigators === 0).length} offices with none`);

  const branchUnits: UnitInput[] = obs.branches.map((b) => ({ key: `branch:${b.id}`, name: b.name, lambda: b.firs / obs.months, investigators: b.investigators, backlog: b.backlog }));
  const scenarios: ScenarioSummary[] = [];
  const run = (units: UnitInput[]) => units.map((u) => project(u, a));
  scenarios.push(summarise('baseline', 'As things are', 'observed intake, staff and backlog', run(branchUnits), a));

  const k = o.staffFactor ?? 3;
  line('staff factor', `x${k}`, o.staffFactor ? 'set' : 'default', "the agency's request: three times its staff");
  scenarios.push(summarise('staff_x', `Staff x${k}`, `every office's investigators x${k} (rounded)`, run(branchUnits.map((u) => ({ ...u, investigators: Math.round(u.investigators * k) }))), a));

  // A branch in every district: the district's own intake and backlog; an existing office keeps its staff in its seat district; a new office is staffed as the model needs.
  const districtUnits: UnitInput[] = obs.districts.map((d) => {
    const base = { key: `district:${d.id}`, name: d.name, lambda: d.firs / obs.months, investigators: 0, backlog: d.backlog };
    const seated = obs.branches.filter((b) => b.seatDistrictId === d.id);
    return { ...base, investigators: seated.length ? seated.reduce((t, b) => t + b.investigators, 0) : investigatorsNeeded(base, a) };
  });
  const withoutOffice = obs.districts.filter((d) => !d.hasOffice).length;
  if (o.everyDistrict !== false) scenarios.push(summarise('every_district', 'A branch in every district', `${withoutOffice} new offices, each staffed as the model needs; existing offices keep their staff and only their seat district's intake`, run(districtUnits), a));
  else line('a branch in every district', 'scenario left out', 'set', 'the every_district scenario was switched off');

  const growth = o.growth ?? referralGrowth().value;
  const h = o.horizonYears ?? 3;
  const factor = (1 + growth) ** h;
  const rg = referralGrowth();
  line('referral growth', `${r1(growth * 100)}% a year for ${h} years (intake x${r2(factor)})`, o.growth !== null && o.growth !== undefined ? 'set' : 'external', o.growth !== null && o.growth !== undefined ? 'set by --growth' : `${rg.derivation} (${rg.source}); assumes the agency's intake grows as platform referrals do`);
  scenarios.push(summarise('growth', `Referrals grow ${h} years`, `intake x${r2(factor)}, staff as now`, run(branchUnits.map((u) => ({ ...u, lambda: u.lambda * factor }))), a));

  const cs = civilSocietyCount();
  const share = o.latentShare ?? 1;
  const population = obs.districts.reduce((t, d) => t + (d.population ?? 0), 0);
  const latentOf = (pop: number | null) => (population > 0 ? ((cs.value * share) / 12) * ((pop ?? 0) / population) : 0);
  line('latent demand', `${cs.value.toLocaleString('en-US')} cases a year x share ${share}, spread over districts by 2023 population`, o.latentShare !== undefined ? 'set' : 'external',
    `${cs.derivation} (${cs.source}): a count from newspapers of all child abuse, including cases never reported to the agency; an office's intake becomes the larger of its recorded intake and the latent demand of the districts it covers`);
  const latentUnits = branchUnits.map((u, i) => {
    const b = obs.branches[i]!;
    const latent = obs.districts.filter((d) => d.coveringBranchId === b.id).reduce((t, d) => t + latentOf(d.population), 0);
    return { ...u, lambda: Math.max(u.lambda, latent) };
  });
  const uncovered = obs.districts.filter((d) => d.coveringBranchId === null).reduce((t, d) => t + latentOf(d.population), 0);
  scenarios.push(summarise('latent', 'Civil-society count as demand', `intake raised to the latent demand of each office's districts${uncovered > 0 ? ` (${r1(uncovered)} a month in districts no branch covers left out)` : ''}, staff as now`, run(latentUnits), a));

  return { observations: obs, assumptions: a, assumptionLines: lines, scenarios };
}

// ---------------------------------------------------------------------------------------------------------
// Tables

const fmt = (v: number, digits = 1): string => (v === Infinity ? 'never' : Number.isNaN(v) ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));
const fmtDays = (v: number) => (v === Infinity ? 'grows' : fmt(v));

/** Display of a column of counts: exact, or published (1-4 as "<5", complements "x", with the column total). */
function countColumn(values: number[], published: boolean): { cells: string[]; total: string; small: boolean[] } {
  const total = values.reduce((t, v) => t + v, 0);
  if (!published) return { cells: values.map(String), total: String(total), small: values.map(() => false) };
  if (!values.length) return { cells: [], total: '0', small: [] };
  const t = suppressTable({ cells: values.map((v) => [v]), rowTotals: false, columnTotals: true });
  return { cells: values.map((_, i) => t.display[i]![0]!), total: t.display[values.length]![0]!, small: values.map((_, i) => t.state[i]![0] !== 'shown' || values[i]! < 5) };
}

/**
 * Published output: whether an office's derived figures (intake a month, utilisation, waits, caseload, time
 * to clear) are withheld because its intake (FIRs) or backlog is a count of 1 to 4 or a complement hidden
 * with one. The CSV, XLSX, PDF and the API answer all use this one rule.
 */
export function publishedHidden(plan: Plan): (u: { key: string; lambda: number; backlog: number }) => boolean {
  const B = plan.observations.branches;
  const firs = countColumn(B.map((b) => b.firs), true);
  const backlog = countColumn(B.map((b) => b.backlog), true);
  const small = new Map(B.map((b, i) => [`branch:${b.id}`, firs.small[i]! || backlog.small[i]!]));
  return (u) => small.get(u.key) ?? (u.lambda * plan.observations.months < 5 || u.backlog < 5);
}

export function planTables(plan: Plan, published: boolean): Table[] {
  const obs = plan.observations;
  const hide = '—';
  const B = obs.branches;
  const firs = countColumn(B.map((b) => b.firs), published);
  const comps = countColumn(B.map((b) => b.completions), published);
  const backlog = countColumn(B.map((b) => b.backlog), published);
  const tips = countColumn(B.map((b) => b.tips), published);
  const within = countColumn(B.map((b) => b.challansWithinLimit), published);
  const challans = countColumn(B.map((b) => b.challans), published);
  const isHidden = published ? publishedHidden(plan) : () => false;
  const observed: Table = {
    name: 'offices', title: `Offices as observed, ${obs.window.from} to ${obs.window.to}`,
    columns: ['office', 'province', 'districts', 'population', 'investigators', 'sanctioned', 'firs', 'intake_per_month', 'finished', 'per_investigator_month', 'median_days_fir_to_end', 'challans', `within_${obs.challanLimitDays}_days`, 'median_days_to_start', 'backlog', 'median_backlog_age_days', 'tips'],
    rows: B.map((b, i) => {
      const pm = b.investigators > 0 ? b.completions / (b.investigators * obs.months) : null;
      return [
        b.name, b.province, b.districts, b.population, b.investigators, b.sanctionedInvestigators,
        firs.cells[i]!, published && firs.small[i] ? hide : r2(b.firs / obs.months),
        comps.cells[i]!, published && comps.small[i] ? hide : pm === null ? hide : r2(pm),
        (published && comps.small[i]) || b.medianDaysToEnd === null ? hide : b.medianDaysToEnd,
        challans.cells[i]!, within.cells[i]!,
        published && firs.small[i] ? hide : b.medianDaysToStart ?? hide,
        backlog.cells[i]!, (published && backlog.small[i]) || b.medianBacklogAgeDays === null ? hide : b.medianBacklogAgeDays,
        tips.cells[i]!,
      ];
    }),
  };
  observed.rows.push(['total', '', B.reduce((t, b) => t + b.districts, 0), B.reduce((t, b) => t + b.population, 0), B.reduce((t, b) => t + b.investigators, 0), '', firs.total, r2(B.reduce((t, b) => t + b.firs, 0) / obs.months), comps.total, '', '', challans.total, within.total, '', backlog.total, '', tips.total]);

  const noOffice = obs.districts.filter((d) => !d.hasOffice);
  const dFirs = countColumn(noOffice.map((d) => d.firs), published);
  const withoutOffice: Table = {
    name: 'districts_without_office', title: `Districts with no branch office of their own (${noOffice.length} of ${obs.districts.length})`,
    columns: ['district', 'province', 'population', 'covered_by', 'firs'],
    rows: noOffice.map((d, i) => [d.name, d.province, d.population, d.coveringBranch ?? '(no branch)', dFirs.cells[i]!]),
  };
  if (noOffice.length) withoutOffice.rows.push(['total', '', noOffice.reduce((t, d) => t + (d.population ?? 0), 0), '', dFirs.total]);

  const stageCounts = countColumn(obs.stages.map((s) => s.stays), published);
  const stages: Table = {
    name: 'stages', title: 'Time in each stage (stays that ended in the window)',
    columns: ['status', 'stays', 'median_days', 'mean_days'],
    rows: obs.stages.map((s, i) => [s.status, stageCounts.cells[i]!, published && stageCounts.small[i] ? hide : s.medianDays ?? hide, published && stageCounts.small[i] ? hide : s.meanDays ?? hide]),
  };

  const S = plan.scenarios;
  const comparison: Table = {
    name: 'scenarios', title: 'Scenarios side by side',
    columns: ['measure', ...S.map((s) => s.id)],
    rows: [
      ['scenario', ...S.map((s) => s.title)],
      ['change', ...S.map((s) => s.change)],
      ['offices', ...S.map((s) => s.offices)],
      ['intake per month', ...S.map((s) => fmt(s.intakePerMonth))],
      ['investigators', ...S.map((s) => s.investigators)],
      ['capacity per month', ...S.map((s) => fmt(s.capacityPerMonth))],
      ['utilisation', ...S.map((s) => (s.utilisation === Infinity ? 'no staff' : fmt(s.utilisation, 2)))],
      ['offices overloaded', ...S.map((s) => s.overloadedOffices)],
      ['wait before investigation, days (offices not overloaded)', ...S.map((s) => fmt(s.waitDays))],
      ['open cases per investigator', ...S.map((s) => fmt(s.caseloadPerInvestigator))],
      [`days FIR to challan (limit ${obs.challanLimitDays})`, ...S.map((s) => fmt(s.daysToChallan))],
      ['months to clear the backlog (slowest office)', ...S.map((s) => fmt(s.monthsToClearBacklog))],
      ['investigators needed for the targets', ...S.map((s) => s.investigatorsNeeded)],
      ['staff cost a year, investigator-years', ...S.map((s) => s.costInvestigatorYears)],
      ...(plan.assumptions.investigatorCostPerYear === null ? [] : [
        ['staff cost a year, PKR', ...S.map((s) => Math.round(s.costPkr!))],
        ['cost of the staff needed, PKR', ...S.map((s) => Math.round(s.costNeededPkr!))],
      ]),
    ],
  };

  const units: Table = {
    name: 'offices_by_scenario', title: 'Each office under each scenario (staff now, staff needed)',
    columns: ['scenario', 'office', 'intake_per_month', 'investigators', 'utilisation', 'wait_days', 'open_cases_per_investigator', 'days_fir_to_challan', 'months_to_clear_backlog', 'investigators_needed'],
    rows: S.flatMap((s) => s.units.map((u) => {
      const small = isHidden(u);
      // What is derived from a count shown as "<5" is not shown; the staff figures are.
      return small
        ? [s.id, u.name, hide, u.investigators, hide, hide, hide, hide, hide, u.investigatorsNeeded]
        : [s.id, u.name, r2(u.lambda), u.investigators, u.utilisation === Infinity ? 'no staff' : r2(u.utilisation), fmtDays(u.waitDays), fmt(u.caseloadPerInvestigator), fmtDays(u.daysToChallan), fmt(u.monthsToClearBacklog), u.investigatorsNeeded];
    })),
  };

  const baseline = S[0]!;
  const needed: Table = {
    name: 'staff_needed', title: 'Investigators per office: now, and needed for the targets under each scenario',
    columns: ['office', 'now', ...S.map((s) => `needed_${s.id}`)],
    rows: [
      ...baseline.units.map((u, i) => [u.name, u.investigators, ...S.map((s) => (s.id === 'every_district' ? '' : s.units[i]?.investigatorsNeeded ?? ''))]),
      ['total', baseline.investigators, ...S.map((s) => s.investigatorsNeeded)],
    ],
  };
  const districtsScenario = S.find((s) => s.id === 'every_district');
  if (districtsScenario) needed.title += '; a branch in every district: per district in offices_by_scenario';

  const assumptions: Table = { name: 'assumptions', title: 'Assumptions (every one printed with the figures; set them with the options of `amaan plan`)', columns: ['assumption', 'value', 'basis', 'note'], rows: plan.assumptionLines.map((l) => [l.name, l.value, l.basis, l.note]) };
  return [comparison, needed, observed, withoutOffice, stages, units, assumptions];
}

/** For the terminal: rows of offices with no staff, intake, backlog or tips left out (and said so). */
export function activeOnly(t: Table, plan: Plan): Table {
  if (t.name !== 'offices' && t.name !== 'staff_needed') return t;
  const quiet = new Set(plan.observations.branches.filter((b) => b.investigators === 0 && b.firs === 0 && b.backlog === 0 && b.tips === 0).map((b) => b.name));
  const rows = t.rows.filter((r) => !quiet.has(String(r[0])));
  const left = t.rows.length - rows.length;
  return left ? { ...t, rows, title: `${t.title} (${left} offices with no staff, intake, backlog or tips not shown)` } : t;
}

/** Plain-text table, columns padded; the assumptions as a list (never cut short). */
export function textTable(t: Table): string {
  if (t.name === 'assumptions') return [t.title, ...t.rows.map((r) => `- ${r[0]}: ${r[1]} [${r[2]}]. ${r[3]}`)].join('\n');
  if (t.name === 'scenarios') {
    const change = t.rows.find((r) => r[0] === 'change');
    const rest = { ...t, name: 'scenarios_table', rows: t.rows.filter((r) => r[0] !== 'change') };
    return `${textTable(rest)}\nWhat each scenario changes:\n${t.columns.slice(1).map((id, j) => `- ${id}: ${change?.[j + 1] ?? ''}`).join('\n')}`;
  }
  const cells = [t.columns, ...t.rows].map((r) => r.map((v) => (v === null ? '' : String(v))));
  const widths = t.columns.map((_, j) => Math.min(60, Math.max(...cells.map((r) => (r[j] ?? '').length))));
  const line = (r: string[]) => r.map((v, j) => (v.length > 60 ? `${v.slice(0, 57)}...` : v).padEnd(widths[j]!)).join('  ').trimEnd();
  return [`${t.title}`, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export { planTableNames };

/** One table as CSV, followed by the assumptions (a blank line, then their own header). */
export function planCsv(tables: Table[], name: string): Buffer {
  const t = tables.find((x) => x.name === name);
  if (!t) throw invalid('table', `one of ${planTableNames.join(', ')}`);
  const main = toCsv({ columns: t.columns, rows: t.rows, notes: [], records: [], catalogue: null });
  if (name === 'assumptions') return main;
  const a = tables.find((x) => x.name === 'assumptions')!;
  return Buffer.concat([main, Buffer.from('\r\n'), toCsv({ columns: a.columns, rows: a.rows, notes: [], records: [], catalogue: null })]);
}

export async function planXlsx(tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Amaan';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
    ws.columns.forEach((c) => { c.width = 16; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const PLAN_LEGEND = reportTexts.en.plan.legend;

/** Writes the plan as a published file (suppressed), recorded and audited as an export. */
export async function producePlanFile(ctx: ServiceContext, format: 'csv' | 'xlsx' | 'pdf', table: string, o: PlanOptions, lang: ReportLang = 'en'): Promise<{ bytes: Buffer; sha256: string; reportId: string; plan: Plan }> {
  if (format === 'csv' && !(planTableNames as readonly string[]).includes(table)) throw invalid('table', `one of ${planTableNames.join(', ')}`);
  const plan = await computePlan(ctx.db, ctx.config.timeZone, o);
  const tables = planTables(plan, true);
  tables.find((t) => t.name === 'assumptions')!.rows.push(['publication', 'small counts suppressed', 'set', PLAN_LEGEND]);
  const anchor = await auditHead(ctx.db);
  const bytes = format === 'csv' ? planCsv(tables, table)
    : format === 'xlsx' ? await planXlsx(tables)
      : await planPdf({ plan, tables: tables.map((t) => activeOnly(t, plan)), timeZone: ctx.config.timeZone, generatedAt: new Date(), anchor, legend: PLAN_LEGEND, lang });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const catalogue = await currentCatalogue(ctx.db);
  const reportId = await recordPublication(ctx, {
    kind: 'export', params: { product: 'capacity_plan', format, ...(format === 'pdf' ? { lang } : {}), table: format === 'csv' ? table : format === 'pdf' ? 'scenarios, staff_needed, assumptions' : 'all', options: o, assumptions: plan.assumptionLines.map((l) => `${l.name}: ${l.value}`) },
    from: plan.observations.window.from, to: plan.observations.window.to, catalogue, figures: [], outputSha256: sha256,
  }, anchor);
  return { bytes, sha256, reportId, plan };
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * The API's answer (the web page): the published view. Per office under each scenario the model's figures,
 * withheld (null, `hidden`) where the CSV shows "—"; unbounded figures (never, grows, no staff) are null too,
 * with `overloaded` saying which. National lines and staff figures are shown, as in the files.
 */
export function planView(plan: Plan, timeZone: string): PlanAnswer {
  const hidden = publishedHidden(plan);
  const K = Math.max(1, Math.round(plan.assumptions.workingCaseload));
  const tables = planTables(plan, true);
  const table = (name: string) => {
    const t = activeOnly(tables.find((x) => x.name === name)!, plan);
    return { name: t.name, title: t.title, columns: t.columns, rows: t.rows };
  };
  const obs = plan.observations;
  return {
    window: { from: obs.window.from, to: obs.window.to, months: obs.months },
    timeZone,
    challanLimitDays: obs.challanLimitDays,
    published: true,
    legend: PLAN_LEGEND,
    assumptions: plan.assumptionLines.map((l) => ({ ...l })),
    assumptionsText: textTable(tables.find((t) => t.name === 'assumptions')!),
    workingCaseload: K,
    scenarios: plan.scenarios.map((s) => ({
      id: s.id, title: s.title, change: s.change, offices: s.offices, intakePerMonth: s.intakePerMonth, investigators: s.investigators,
      deskPlaces: s.investigators * K, capacityPerMonth: s.capacityPerMonth, utilisation: finite(s.utilisation), overloadedOffices: s.overloadedOffices,
      waitDays: s.waitDays, caseloadPerInvestigator: finite(s.caseloadPerInvestigator), daysToChallan: s.daysToChallan,
      monthsToClearBacklog: finite(s.monthsToClearBacklog), investigatorsNeeded: s.investigatorsNeeded, costInvestigatorYears: s.costInvestigatorYears,
      costPkr: s.costPkr, costNeededPkr: s.costNeededPkr,
      units: s.units.map((u) => {
        const h = hidden(u);
        return {
          key: u.key, name: u.name, hidden: h, quiet: u.investigators === 0 && u.lambda === 0 && u.backlog === 0,
          arrivalsPerMonth: h ? null : u.lambda, investigators: u.investigators, deskPlaces: u.investigators * K,
          utilisation: h ? null : finite(u.utilisation), overloaded: h ? null : u.overloaded,
          probabilityOfWaiting: h ? null : u.probabilityOfWaiting, waitDays: h ? null : finite(u.waitDays),
          caseloadPerInvestigator: h ? null : finite(u.caseloadPerInvestigator), daysToChallan: h ? null : finite(u.daysToChallan),
          monthsToClearBacklog: h ? null : finite(u.monthsToClearBacklog), investigatorsNeeded: u.investigatorsNeeded,
        };
      }),
    })),
    comparison: table('scenarios'),
    staffNeeded: table('staff_needed'),
  };
}

// ---------------------------------------------------------------------------------------------------------
// What the routes call: the query turned into the CLI's options, then the same service as `amaan plan`.

function optionsOf(q: PlanQuery | PlanFileQuery): PlanOptions {
  const o: PlanOptions = { from: q.from ?? null, to: q.to ?? null };
  if (q.allOffences) o.offences = 'all';
  const keys = ['throughput', 'workingCaseload', 'targetUtilisation', 'targetWaitDays', 'backlogClearMonths', 'minInvestigatorsPerOffice',
    'investigatorCostPerYear', 'staffFactor', 'growth', 'horizonYears', 'latentShare'] as const;
  for (const k of keys) if (q[k] !== undefined) o[k] = q[k];
  if (q.everyDistrict !== undefined) o.everyDistrict = q.everyDistrict;
  return o;
}

/** The published view of the scenarios; audited as a read with its inputs. */
export async function planScenarios(ctx: ServiceContext, q: PlanQuery): Promise<PlanAnswer> {
  const o = optionsOf(q);
  const plan = await computePlan(ctx.db, ctx.config.timeZone, o);
  const view = planView(plan, ctx.config.timeZone);
  await auditRead(ctx, { action: 'report.plan.view', entityType: 'report', entityId: null, details: { options: o, window: plan.observations.window, scenarios: plan.scenarios.map((s) => s.id) } });
  return view;
}

const types = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** A published file, recorded and audited as `amaan plan --out` records it. */
export async function planFile(ctx: ServiceContext, q: PlanFileQuery) {
  const table = q.table ?? 'scenarios';
  const r = await producePlanFile(ctx, q.format, table, optionsOf(q), q.lang ?? 'en');
  const w = r.plan.observations.window;
  const fileName = `capacity-plan-${w.from}-to-${w.to}${q.format === 'csv' ? `-${table}` : ''}${q.format === 'pdf' && q.lang === 'ur' ? '-ur' : ''}.${q.format}`;
  return { bytes: r.bytes, contentType: types[q.format], fileName, reportId: r.reportId, sha256: r.sha256 };
}
