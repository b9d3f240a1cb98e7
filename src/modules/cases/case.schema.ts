import { z } from 'zod';
import { caseStatuses } from './case.lifecycle.ts';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';
import { fieldMessages } from '../../platform/http/field-messages.schema.ts';
import { eventTextFields } from '../../platform/text/event-texts.schema.ts';

// One set of schemas drives validation, the OpenAPI document and the web app's forms.
export const caseStatus = z.enum(caseStatuses);
const offenceCodes = z.array(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'unknown offence code')).min(1, 'at least one offence').max(20);

export const createCaseBody = z.strictObject({
  branchId: z.number().int().positive(),
  title: z.string().trim().min(3, 'at least 3 characters').max(200),
  summary: z.string().trim().max(10_000).default(''),
  offenceCodes,
  reportedAt: isoDate.optional(),
  /** Where the offence happened (a district of GET /districts); the handling branch's seat district when absent. */
  districtId: z.number().int().positive().optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseBody>;

export const updateCaseBody = z.strictObject({
  title: z.string().trim().min(3, 'at least 3 characters').max(200).optional(),
  summary: z.string().trim().max(10_000).optional(),
  offenceCodes: offenceCodes.optional(),
  /** Where the offence happened (a district of GET /districts); the earlier district stays in the corrections. */
  districtId: z.number().int().positive().optional(),
});

/** An FIR as typed: "77", "77/2025" or "FIR 77/2025". */
export const firPattern = /^(?:FIR\s*)?([1-9]\d{0,5})(?:\s*\/\s*(\d{4}))?$/i;

/** The number and (when typed) year of an FIR given as a number or as the app shows it. */
export function parseFir(value: number | string): { number: number; year: number | null } | null {
  if (typeof value === 'number') return { number: value, year: null };
  const m = firPattern.exec(value.trim());
  return m ? { number: Number(m[1]), year: m[2] ? Number(m[2]) : null } : null;
}

export const transitionBody = z.strictObject({
  to: caseStatus,
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
  /**
   * Required when registering the FIR: the number (77), or as the app shows it ("77/2025", "FIR 77/2025"),
   * whose year must then be the year of registration.
   */
  firNumber: z.union([
    z.number().int().positive().max(999_999),
    z.string().trim().regex(firPattern, fieldMessages.firFormat),
  ], { error: fieldMessages.firFormat }).optional(),
  at: isoDate.optional(),
});

export const listCasesQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: caseStatus.optional(),
  branchId: z.coerce.number().int().positive().optional(),
  province: z.string().max(100).optional(),
  offence: z.string().max(40).optional(),
  firYear: z.coerce.number().int().min(1947).max(2100).optional(),
  ...pageQuery,
});
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

/** Cases per status are counted up to this many each (the home page's figures); beyond it "more than". */
export const STATUS_COUNT_BOUND = 100_000;
export const statusCountsQuery = z.strictObject({
  branchId: z.coerce.number().int().positive().optional(),
});
export type StatusCountsQuery = z.infer<typeof statusCountsQuery>;
export const statusCounts = z.object({
  counts: z.array(z.object({
    status: caseStatus,
    count: z.number().int().describe(`cases in this status you may see: exact when exact is true; otherwise more than this many (${STATUS_COUNT_BOUND.toLocaleString('en-US')})`),
    exact: z.boolean(),
  })),
  total: z.number().int().describe('the sum of the counts'),
  totalExact: z.boolean().describe('false when any count stopped at the bound'),
  bound: z.number().int().describe('the most cases counted per status'),
});

export const teamBody = z.strictObject({
  members: z.array(z.strictObject({ userId: z.uuid(), teamRole: z.enum(['lead', 'member', 'prosecutor']) })).max(50),
});

export const noteBody = z.strictObject({
  kind: z.enum(['note', 'event']).default('note'),
  body: z.string().trim().min(1, 'required').max(20_000),
  occurredAt: isoDate.optional(),
});

export const caseSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: caseStatus,
  firNumber: z.number().nullable(),
  firYear: z.number().nullable(),
  firLabel: z.string().nullable(),
  branchId: z.number(),
  district: z.string(),
  province: z.string(),
  offenceCodes: z.array(z.string()),
  reportedAt: z.string(),
  updatedAt: z.string(),
});

export const caseDetail = caseSummary.extend({
  summary: z.string(),
  /** Where the offence happened (issue 12); `district`/`province` above are the handling branch's. */
  offenceDistrict: z.object({ id: z.number(), name: z.string(), province: z.string() }),
  firRegisteredAt: z.string().nullable(),
  challanSubmittedAt: z.string().nullable(),
  team: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string(), teamRole: z.string() })),
  history: z.array(z.object({ from: z.string().nullable(), to: z.string(), reason: z.string(), ...eventTextFields, actor: z.string().nullable(), at: z.string() })),
  allowedNextSteps: z.array(caseStatus),
});

export const timelineEntry = z.object({
  id: z.number(),
  kind: z.string(),
  body: z.string(),
  ...eventTextFields,
  occurredAt: z.string(),
  actor: z.string().nullable(),
});
