import { z } from 'zod';
import { isoDay } from '../../../platform/http/schema-kit.ts';

// The figures API (shared with the web app): one figure by id, for a period, area, offence scope and grouping.
export const groupingValues = ['none', 'province', 'district', 'branch', 'category', 'month', 'year'] as const;

export const figureQuery = z.strictObject({
  /** First day of the period in the agency's time zone, inclusive. */
  from: isoDay.optional(),
  /** Last day of the period in the agency's time zone, inclusive. */
  to: isoDay.optional(),
  province: z.string().trim().min(2).max(100).optional(),
  districtId: z.coerce.number().int().positive().optional(),
  branchId: z.coerce.number().int().positive().optional(),
  category: z.string().trim().regex(/^[a-z_]{2,60}$/, 'an offence category of the catalogue').optional(),
  offences: z.enum(['child_exploitation', 'all']).default('child_exploitation'),
  groupBy: z.enum(groupingValues).default('none'),
  /** The suppressed view, as it would leave the agency (always so for leadership). */
  published: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type FigureQuery = z.infer<typeof figureQuery>;

export const figureIdParam = z.strictObject({ id: z.string().regex(/^[a-z_]{2,40}$/, 'a figure id') });

export const figureDefinition = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  description: z.string(),
  unit: z.string(),
  kind: z.enum(['flow', 'stock']),
  measures: z.array(z.string()),
  count: z.string(),
  parts: z.array(z.string()).nullable(),
  limit: z.object({ days: z.number(), rule: z.string(), legalBasis: z.string(), source: z.string() }).nullable(),
});

export const figureRow = z.object({
  group: z.string().nullable(),
  part: z.string().nullable(),
  values: z.record(z.string(), z.number().nullable()),
  /** Published view: what is printed for each measure ("<5", "x", "—" or the number). */
  display: z.record(z.string(), z.string()).optional(),
});

export const figureAnswer = z.object({
  figure: figureDefinition,
  scope: z.object({
    from: z.string().nullable(), to: z.string().nullable(), timeZone: z.string(), province: z.string().nullable(), districtId: z.number().nullable(),
    branchId: z.number().nullable(), category: z.string().nullable(), offences: z.string(), groupBy: z.string(), restrictedToBranch: z.boolean(),
    /** Figures over the cases the reader may see only (investigators, prosecutors: their teams' cases). */
    casesOnly: z.boolean().optional(),
  }),
  catalogueVersion: z.string(),
  published: z.boolean(),
  /** Whether the reader may list the records behind a cell (GET /dashboard/figures/:id/records): exact views only. */
  drillDown: z.boolean().optional(),
  rows: z.array(figureRow),
  generatedAt: z.string(),
});
export type FigureAnswer = z.infer<typeof figureAnswer>;
