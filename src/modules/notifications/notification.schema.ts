import { z } from 'zod';
import { pageQuery } from '../../platform/http/schema-kit.ts';
import { alertView } from '../deconfliction/deconfliction.schema.ts';
import { legalRequestSummary } from '../requests/legal-request.schema.ts';

// A user's own notifications. The wording is the web app's (English, Urdu), from `kind` and the alert as the
// reader may see it: nothing in a notification is more than the reader may read elsewhere.
export const notificationKinds = ['deconfliction.alert', 'deconfliction.granted', 'deconfliction.dismissed', 'legal_request.deadline', 'safeguarding.unassigned', 'safeguarding.overdue', 'media.known_match'] as const;

export const notificationView = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  alert: alertView.nullable(),
  /** A legal request whose deadline is near (kind legal_request.deadline), as the reader may read it now. */
  legalRequest: legalRequestSummary.nullable(),
  /** kind media.known_match: a hash set imported later matched this many files of a case on the reader's team;
   *  case id and title null once the reader may no longer read that case. */
  knownMatch: z.object({ caseId: z.string().nullable(), caseTitle: z.string().nullable(), hashSetId: z.string(), hashSet: z.string(), files: z.number().int() }).nullable(),
  /**
   * A rescued child without a protection officer (safeguarding.unassigned) or a follow-up overdue
   * (safeguarding.overdue), by pseudonym only; resolvedAt once an officer is assigned or the follow-up done.
   */
  safeguarding: z.object({
    victimId: z.string(),
    pseudonym: z.string(),
    followupId: z.string().nullable(),
    dueAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  }).nullable().optional(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const listNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  ...pageQuery,
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

export const notificationPage = z.object({
  items: z.array(notificationView),
  total: z.number().int(),
  unread: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
