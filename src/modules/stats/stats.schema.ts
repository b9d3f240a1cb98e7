import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';

// Aggregates only: no schema here carries a name, a pseudonym or the id of a person or victim.
export const summaryQuery = z.strictObject({
  /** First day of the period (agency time zone, AMAAN_TIME_ZONE), inclusive; applies to each figure's own date (see `definitions`). */
  from: isoDay.optional(),
  /** Last day of the period (agency time zone), inclusive. */
  to: isoDay.optional(),
  province: z.string().trim().min(2).max(100).optional(),
  branchId: z.coerce.number().int().positive().optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'cannot be before the first day', path: ['to'], when: (payload) => payload.issues.length === 0 });
export type SummaryQuery = z.infer<typeof summaryQuery>;

const count = z.number().int().min(0);
const pair = z.object({ childExploitation: count, all: count });
const range = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export const citation = z.object({
  publisher: z.string(),
  title: z.string().nullable(),
  /** YYYY-MM-DD when known. */
  publishedOn: z.string().nullable(),
  url: z.string(),
});

/** A figure as published, cited: publisher, headline, date and address of each source. */
export const publishedFigure = z.object({
  period: z.string(),
  /** The days the figure covers when its period is exact (`from` null: since records began), else null. */
  covers: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
  metric: z.string(),
  value: z.number(),
  sources: z.array(z.string()),
  citations: z.array(citation),
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
    /** Only figures published for exactly the selected period (and national scope); empty otherwise. */
    comparison: z.array(z.object({ figure: z.string(), computed: z.number(), published: publishedFigure })),
    figures: z.array(publishedFigure),
  }),
  definitions: z.record(z.string(), z.string()),
  generatedAt: z.string(),
});
export type StatsSummary = z.infer<typeof statsSummary>;
