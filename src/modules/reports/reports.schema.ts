import { z } from 'zod';
import { isoDay } from '../../platform/http/schema-kit.ts';

export const briefingQuery = z
  .strictObject({
    from: isoDay,
    to: isoDay,
    province: z.string().trim().min(2).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type BriefingQuery = z.infer<typeof briefingQuery>;
