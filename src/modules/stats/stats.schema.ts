import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';

// Aggregates only: no schema here carries a name, a pseudonym or the id of a person or victim.
export const summaryQuery = z.strictObject({
  /** First day of the period (UTC), inclusive; applies to each figure's own date (see `definitions`). */
  from: isoDay.optional(),
  /** Last day of the period (UTC), inclusive. */
  to: isoDay.optional(),
  province: z.string().trim().min(2).max(100).optional(),
  branchId: z.coerce.number().int().positive().optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const count = z.number().int().min(0);
const pair = z.object({ childExploitation: count, all: count });
const range = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export const publishedFigure = z.object({
  period: z.string(),
  metric: z.string(),
  value: z.number(),
  sources: z.array(z.string()),
  note: z.string(),
});

export const statsSummary = z.object({
  scope: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    province: z.string().nullable(),
    branch: z.object({ id: z.number(), code: z.string(), district: z.string(), province: z.string() }).nullable(),
    /** True when the caller may only see one branch (a supervisor), whatever was asked. */
    restrictedToBranch: z.boolean(),
  }),
  firs: pair,
  arrests: pair,
  convictions: z.object({
    /** Persons convicted in child-exploitation cases. */
    persons: count,
    allOffences: count,
    sentenceMonths: range,
    sentenceYears: range,
  }),
  acquittals: z.object({ persons: count, allOffences: count }),
  children: z.object({
    identified: count,
    rescued: count,
    inCare: count,
    inCareByPlacement: z.object({ child_protection_bureau: count, family: count, shelter: count }),
  }),
  casesByStatus: z.array(z.object({ status: z.string(), all: count, childExploitation: count })),
  byProvince: z.array(z.object({ province: z.string(), firs: count, arrests: count, personsConvicted: count })),
  published: z.object({
    /** True when the computed figures cover the whole country (no province or branch filter). */
    nationalScope: z.boolean(),
    comparison: z.array(z.object({ figure: z.string(), computed: z.number(), published: publishedFigure })),
    figures: z.array(publishedFigure),
  }),
  definitions: z.record(z.string(), z.string()),
  generatedAt: z.string(),
});
export type StatsSummary = z.infer<typeof statsSummary>;
