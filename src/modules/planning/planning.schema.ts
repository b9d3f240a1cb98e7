import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';
import { reportLanguages } from '../../platform/text/report-texts.schema.ts';

// Capacity planning over the API (issue 12 §6), shared with the web app: the scenario inputs as query
// parameters (the options of `amaan plan`, same names as PlanOptions and the same bounds as checkOptions),
// and the answer: the published view (small counts suppressed as in the CSV).

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const num = (min: number, max?: number) => (max === undefined ? z.coerce.number().min(min) : z.coerce.number().min(min).max(max));

export const planQueryShape = {
  /** Observation window, local days inclusive (default: the 12 months up to today). */
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Count every case, not only child-exploitation cases. */
  allOffences: flag.optional(),
  throughput: num(0.01, 1000).optional(),
  workingCaseload: num(1, 1000).optional(),
  targetUtilisation: num(0.05, 0.99).optional(),
  targetWaitDays: num(0.1, 3650).optional(),
  backlogClearMonths: num(0.1, 600).optional(),
  minInvestigatorsPerOffice: z.coerce.number().int().min(1).max(1000).optional(),
  investigatorCostPerYear: num(0).optional(),
  /** The staff x k scenario. */
  staffFactor: num(0.1, 100).optional(),
  /** Annual intake growth as a fraction (0.25 = 25 % a year). */
  growth: num(-0.99, 10).optional(),
  horizonYears: num(0, 50).optional(),
  latentShare: num(0, 1).optional(),
  /** The "a branch in every district" scenario on (default) or off. */
  everyDistrict: flag.optional(),
};

const window = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
export const planQuery = z.strictObject(planQueryShape).refine(window, { path: ['to'], message: 'must not be before from' });
export type PlanQuery = z.infer<typeof planQuery>;

export const planTableNames = ['scenarios', 'staff_needed', 'offices', 'districts_without_office', 'stages', 'offices_by_scenario', 'assumptions'] as const;

export const planFileQuery = z.strictObject({
  ...planQueryShape,
  format: z.enum(['csv', 'xlsx', 'pdf']),
  /** With csv: the table written (default scenarios). */
  table: z.enum(planTableNames).optional(),
  /** With pdf: its language, English (default) or Urdu (right to left). CSV and XLSX are English. */
  lang: z.enum(reportLanguages).optional(),
}).refine(window, { path: ['to'], message: 'must not be before from' });
export type PlanFileQuery = z.infer<typeof planFileQuery>;

/** A figure that is a number, or null: not shown (derived from a small count) when `hidden`, else unbounded (never, grows, no staff). */
const figure = z.number().nullable();

export const planUnit = z.object({
  key: z.string(),
  name: z.string(),
  /** Derived figures withheld: the office's intake or backlog is a count of 1 to 4 (or complement), as in the CSV. */
  hidden: z.boolean(),
  /** No staff, intake or backlog: left out of the page's table as the CLI leaves it out. */
  quiet: z.boolean(),
  arrivalsPerMonth: figure,
  investigators: z.number(),
  /** Desk places s = investigators x working caseload. */
  deskPlaces: z.number(),
  utilisation: figure,
  overloaded: z.boolean().nullable(),
  /** Erlang C: the probability that a new case waits for a desk place. */
  probabilityOfWaiting: figure,
  waitDays: figure,
  caseloadPerInvestigator: figure,
  daysToChallan: figure,
  monthsToClearBacklog: figure,
  investigatorsNeeded: z.number(),
});

export const planScenario = z.object({
  id: z.string(),
  title: z.string(),
  change: z.string(),
  offices: z.number(),
  intakePerMonth: z.number(),
  investigators: z.number(),
  deskPlaces: z.number(),
  capacityPerMonth: z.number(),
  utilisation: figure,
  overloadedOffices: z.number(),
  waitDays: z.number(),
  caseloadPerInvestigator: figure,
  daysToChallan: z.number(),
  monthsToClearBacklog: figure,
  investigatorsNeeded: z.number(),
  costInvestigatorYears: z.number(),
  costPkr: z.number().nullable(),
  costNeededPkr: z.number().nullable(),
  units: z.array(planUnit),
});

const cell = z.union([z.string(), z.number(), z.null()]);
export const planTable = z.object({ name: z.string(), title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(cell)) });

export const planAnswer = z.object({
  window: z.object({ from: z.string(), to: z.string(), months: z.number() }),
  timeZone: z.string(),
  challanLimitDays: z.number(),
  /** Always true: this is the view meant to leave the agency (small counts suppressed). */
  published: z.literal(true),
  legend: z.string(),
  assumptions: z.array(z.object({ name: z.string(), value: z.string(), basis: z.string(), note: z.string() })),
  /** The assumptions exactly as `amaan plan` prints them. */
  assumptionsText: z.string(),
  workingCaseload: z.number(),
  scenarios: z.array(planScenario),
  /** The published tables (as in the CSV and XLSX files): the comparison and the staff needed per office. */
  comparison: planTable,
  staffNeeded: planTable,
});
export type PlanAnswer = z.infer<typeof planAnswer>;
export type PlanUnit = z.infer<typeof planUnit>;
export type PlanScenarioView = z.infer<typeof planScenario>;
