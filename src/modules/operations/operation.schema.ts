import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';
import { evidenceKind, seizedItemFields } from '../evidence/evidence.schema.ts';
import { operationStatuses } from './operation.lifecycle.ts';

// One set of schemas drives validation, the OpenAPI document and the web app's forms.
export const operationStatus = z.enum(operationStatuses);

const name = z.string().trim().min(3, 'at least 3 characters').max(200);
const place = z.string().trim().min(2, 'at least 2 characters').max(500);
const agencies = z.array(z.string().trim().min(2, 'at least 2 characters').max(200)).max(30);
const notes = z.string().trim().max(20_000);

/** Duplicates in a list of ids are refused, naming the repeated element. */
function unique<T extends z.ZodType<string>>(item: T, max: number, what: string) {
  return z.array(item).max(max).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} listed twice` });
      seen.add(id);
    });
  });
}
const uuid = z.uuid({ message: 'must be a UUID' });
/** Officers taking part (investigators and supervisors). */
const officerIds = unique(uuid, 100, 'officer');
/** Further cases the operation serves, besides its own (one raid for several FIRs). */
const caseIds = unique(uuid, 20, 'case');

export const planOperationBody = z.strictObject({
  name,
  plannedFor: isoDate,
  place,
  agencies: agencies.default([]),
  notes: notes.default(''),
  officerIds: officerIds.default([]),
  caseIds: caseIds.default([]),
});
export type PlanOperationInput = z.infer<typeof planOperationBody>;

export const updateOperationBody = z.strictObject({
  name: name.optional(),
  plannedFor: isoDate.optional(),
  place: place.optional(),
  agencies: agencies.optional(),
  notes: notes.optional(),
  officerIds: officerIds.optional(),
  caseIds: caseIds.optional(),
});
export type UpdateOperationInput = z.infer<typeof updateOperationBody>;

export const seizedItem = z.strictObject(seizedItemFields);

export const executeOperationBody = z.strictObject({
  executedAt: isoDate,
  /** How long it took, in minutes (a five-hour raid is 300). */
  durationMinutes: z.number().int().min(1, 'at least one minute').max(7 * 24 * 60, 'at most a week'),
  /** Added to the operation's notes. */
  notes: notes.optional(),
  /** Accused persons of the case arrested in the operation. */
  arrestedPersonIds: unique(uuid, 200, 'person').default([]),
  /** Victims of the case rescued in the operation. */
  rescuedVictimIds: unique(uuid, 500, 'victim').default([]),
  /** Items seized; each becomes an evidence item of the case with its first custodian. */
  seizedItems: z.array(seizedItem).max(500).default([]).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const key = it.label.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: 'label used twice' });
      seen.add(key);
    });
  }),
});
export type ExecuteOperationInput = z.infer<typeof executeOperationBody>;

export const cancelOperationBody = z.strictObject({
  reason: z.string().trim().min(3, 'say why, at least 3 characters').max(2000),
});

export const listOperationsQuery = z.strictObject({
  status: operationStatus.optional(),
  ...pageQuery,
});
export type ListOperationsQuery = z.infer<typeof listOperationsQuery>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const operationSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  status: operationStatus,
  plannedFor: z.string(),
  place: z.string(),
  agencies: z.array(z.string()),
  approvedBy: userRef.nullable(),
  approvedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  counts: z.object({ arrests: z.number().int(), rescues: z.number().int(), seizures: z.number().int() }),
});

export const operationDetail = operationSummary.extend({
  notes: z.string(),
  /** Officers taking part. */
  officers: z.array(userRef),
  /** Further cases the operation serves, only those the caller may see. */
  servedCases: z.array(z.object({ id: z.string(), title: z.string(), firLabel: z.string().nullable() })),
  /** Arrested accused, by name. */
  arrests: z.array(z.object({ id: z.string(), personId: z.string(), displayName: z.string(), arrestedAt: z.string(), place: z.string() })),
  /** Rescued children, by pseudonym only: identities stay with the protection officers. */
  rescues: z.array(z.object({ id: z.string(), victimId: z.string(), pseudonym: z.string(), rescuedAt: z.string() })),
  seizures: z.array(z.object({ id: z.string(), label: z.string(), kind: evidenceKind, custodian: userRef.nullable() })),
  allowedActions: z.array(z.enum(['edit', 'approve', 'execute', 'cancel'])),
  /** Why the execution cannot be recorded yet (not approved, or before its planned time), for the page. */
  executeBlockedReason: z.string().nullable(),
});

/** Approving now, or (records entered afterwards) when the approval was given: not in the future, not before the complaint. */
export const approveOperationBody = z.strictObject({ at: isoDate.optional() }).nullish();
export type ApproveOperationInput = z.infer<typeof approveOperationBody>;
