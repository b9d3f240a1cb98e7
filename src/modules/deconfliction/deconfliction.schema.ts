import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';

// De-confliction alerts as each reader may see them. A case appears only to whoever may read it: the side
// that recorded the identifier learns that "another case holds this identifier" and nothing of that case
// (no id, title, FIR number, branch, persons); the side holding it learns which of its cases is concerned and
// who recorded the identifier (name and branch), so it knows whom to call.
export const alertStatuses = ['open', 'granted', 'dismissed'] as const;
export const alertStatus = z.enum(alertStatuses);
export type AlertStatus = z.infer<typeof alertStatus>;

export const caseRef = z.object({ id: z.string(), title: z.string(), firLabel: z.string().nullable() });

export const alertView = z.object({
  id: z.string(),
  status: alertStatus,
  /** Which side the reader stands on: 'holder' when they may read the case that already held the identifier. */
  side: z.enum(['recorder', 'holder']),
  /** The identifier itself: both sides already know it. */
  identifier: z.object({ entityId: z.string(), kind: z.string(), display: z.string(), platform: z.string().nullable() }),
  /** The case it was recorded in, when the reader may read it. */
  recordedIn: caseRef.nullable(),
  /** The case that already held it, only for readers who may read that case. */
  holderCase: caseRef.nullable(),
  /** Who recorded it: the contact for the holding side. */
  recordedBy: z.object({ userId: z.string(), displayName: z.string(), district: z.string().nullable() }),
  /** Who decided, for the holding side only (the recording side learns the outcome, not who in the other branch decided). */
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  /** True for a supervisor of the holding case's branch while the alert is open. */
  canDecide: z.boolean(),
});
export type AlertView = z.infer<typeof alertView>;

export const listAlertsQuery = z.strictObject({
  status: alertStatus.optional(),
  ...pageQuery,
});
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const decideBody = z.strictObject({
  note: z.string().trim().max(2000).optional().describe('why; shown to the holding side only'),
});
export type DecideBody = z.infer<typeof decideBody>;
