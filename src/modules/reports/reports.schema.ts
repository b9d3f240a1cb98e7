import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';
import { reportLanguages } from '../../platform/text/report-texts.schema.ts';

export const briefingQuery = z
  .strictObject({
    from: isoDay,
    to: isoDay,
    province: z.string().trim().min(2).max(100).optional(),
    /** The language of the report: English (default) or Urdu (right to left). */
    lang: z.enum(reportLanguages).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type BriefingQuery = z.infer<typeof briefingQuery>;
