import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';
import { eventTextFields } from '../../platform/text/event-texts.schema.ts';

// One set of schemas drives validation, the OpenAPI document and the web app's forms.
export const evidenceKinds = ['phone', 'computer', 'storage', 'document', 'media_folder', 'other'] as const;
export const evidenceKind = z.enum(evidenceKinds);

export const evidenceLabel = z.string().trim().min(1, 'required').max(120);
export const evidenceDescription = z.string().trim().max(5000);

/** One item as written at seizure, alone or as part of an operation's outcome. */
export const seizedItemFields = {
  label: evidenceLabel,
  kind: evidenceKind,
  description: evidenceDescription.default(''),
  /** Who takes the item first; the recording user when absent. Must be able to see the case. */
  custodianId: z.uuid({ message: 'must be a UUID' }).optional(),
};

export const createEvidenceBody = z.strictObject({
  ...seizedItemFields,
  /** The executed operation of this case that seized it, if any. */
  operationId: z.uuid({ message: 'must be a UUID' }).optional(),
  /** When it was seized; the operation's execution time when from an operation, else now. */
  seizedAt: isoDate.optional(),
});
export type CreateEvidenceInput = z.infer<typeof createEvidenceBody>;

export const transferBody = z.strictObject({
  toUserId: z.uuid({ message: 'must be a UUID' }),
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
  /** When the hand-over happened; now when absent. Not before the previous hand-over. */
  at: isoDate.optional(),
});
export type TransferInput = z.infer<typeof transferBody>;

export const listEvidenceQuery = z.strictObject({
  kind: evidenceKind.optional(),
  operationId: z.uuid({ message: 'must be a UUID' }).optional(),
  custodianId: z.uuid({ message: 'must be a UUID' }).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuery>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const evidenceSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  label: z.string(),
  kind: evidenceKind,
  description: z.string(),
  seizedAt: z.string().nullable(),
  operation: z.object({ id: z.string(), name: z.string() }).nullable(),
  custodian: userRef.nullable(),
  createdAt: z.string(),
});

export const custodyEntry = z.object({
  id: z.number(),
  from: userRef.nullable(),
  to: userRef,
  reason: z.string(),
  ...eventTextFields,
  at: z.string(),
  recordedBy: userRef.nullable(),
});

export const evidenceDetail = evidenceSummary.extend({
  /** Every hand-over in order; the first is the seizure (from nobody). */
  chain: z.array(custodyEntry),
  /** Media triage hangs off the item (ingest jobs and hashed files); here only its size. */
  media: z.object({ ingestJobs: z.number().int(), files: z.number().int() }),
  /** Whether the caller may record a hand-over now. */
  canTransfer: z.boolean(),
});
