import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';

// Corrections keep the earlier value: one entry per changed field, with before and after, who and when.
export const correctedKinds = ['case', 'person', 'operation', 'hearing', 'warrant', 'offence'] as const;
export const correctedKind = z.enum(correctedKinds);

export const correctionEntry = z.object({
  id: z.number().int(),
  recordKind: correctedKind,
  recordId: z.string(),
  field: z.string(),
  /** The value before the correction (null: empty). */
  before: z.unknown(),
  after: z.unknown(),
  /** A CNIC or passport number: true when shown masked (the caller may not see identifiers in full). */
  masked: z.boolean().optional(),
  /**
   * Names for the ids in before/after (officers, cases, districts), keyed by the id as text, so no officer reads
   * an id. An id absent from the labels names a record the caller may not read.
   */
  labels: z.record(z.string(), z.string()).optional(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type CorrectionEntry = z.infer<typeof correctionEntry>;

export const correctionsQuery = z.strictObject({
  kind: correctedKind.optional(),
  ...pageQuery,
});
export type CorrectionsQuery = z.infer<typeof correctionsQuery>;
