import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';

// Legal and cooperation requests (issue 11, part 4).
export const legalRequestKinds = ['preservation', 'emergency_disclosure', 'production_order', 'mutual_legal_assistance', 'interpol_notice'] as const;
export const interpolColours = ['red', 'blue', 'green', 'yellow', 'black', 'orange', 'purple', 'diffusion'] as const;
export const legalRequestStatuses = ['sent', 'acknowledged', 'fulfilled', 'refused', 'withdrawn'] as const;
export const legalFollowupKinds = ['follow_up', 'extension', 'acknowledged', 'fulfilled', 'refused', 'withdrawn'] as const;
export const legalRequestKind = z.enum(legalRequestKinds);
export const interpolColour = z.enum(interpolColours);
export const legalRequestStatus = z.enum(legalRequestStatuses);
export const legalFollowupKind = z.enum(legalFollowupKinds);

/**
 * How long before a deadline the case team is told, by kind, when the request does not say (hours). A preservation
 * under 18 U.S.C. § 2703(f) lasts 90 days: a week's warning leaves time to renew it or serve a production order.
 * An emergency disclosure is answered in hours.
 */
export const defaultAlertLeadHours: Record<(typeof legalRequestKinds)[number], number> = {
  preservation: 7 * 24,
  emergency_disclosure: 2,
  production_order: 3 * 24,
  mutual_legal_assistance: 30 * 24,
  interpol_notice: 7 * 24,
};

/** The rule stored with a request when none is typed (see docs on deadlines). */
export const defaultLegalBasis: Partial<Record<(typeof legalRequestKinds)[number], string>> = {
  preservation: '18 U.S.C. § 2703(f): records kept 90 days, extendable once by another 90 on renewed request',
  emergency_disclosure: 'Voluntary disclosure where there is danger of death or serious physical injury',
};

const uuid = z.uuid({ message: 'must be a UUID' });
const text = (max: number) => z.string().trim().max(max);

export const createLegalRequestBody = z.strictObject({
  kind: legalRequestKind,
  /** Only for an Interpol notice: its colour, or a diffusion. */
  interpolColour: interpolColour.optional(),
  /** To whom: the platform, the foreign central authority, Interpol's NCB. */
  recipient: z.string().trim().min(2, 'at least 2 characters').max(300),
  /** What or whom the request is about: accounts, the records asked for, the person sought. */
  subject: z.string().trim().min(2, 'at least 2 characters').max(1000),
  /** The suspect (Interpol notices, mutual legal assistance). */
  personId: uuid.optional(),
  /** The account or identifier the request is about. */
  entityId: uuid.optional(),
  reference: text(200).default(''),
  /** The rule the deadline follows (it differs by country and provider). */
  legalBasis: text(2000).optional(),
  sentAt: isoDate,
  /** The deadline for an answer, or the date the preserved data will be released. Mutual legal assistance may have none. */
  deadlineAt: isoDate.optional(),
  /** How many hours before the deadline the case team is told (default by kind: preservation 7 days). */
  alertLeadHours: z.number().int().min(0).max(2160, 'at most 90 days').optional(),
  notes: text(20_000).default(''),
}).meta({
  examples: [
    { kind: 'preservation', recipient: 'Meta Platforms (law enforcement response)', subject: 'Subscriber records and messages of account synthetic_uploader', reference: 'PRES-2025-0001', sentAt: '2025-06-01T10:00:00+05:00' },
    { kind: 'interpol_notice', interpolColour: 'red', recipient: 'INTERPOL NCB Islamabad', subject: 'Red Notice for the ringleader, believed to be in Germany', sentAt: '2025-06-05T10:00:00+05:00' },
  ],
});
export type CreateLegalRequestInput = z.infer<typeof createLegalRequestBody>;

export const legalFollowupBody = z.strictObject({
  /** A follow-up sent, an extension granted (with the new deadline), or the answer: acknowledged, fulfilled, refused; or withdrawn. */
  kind: legalFollowupKind,
  at: isoDate,
  note: text(20_000).default(''),
  /** Only with an extension: the new deadline or expiry. */
  newDeadlineAt: isoDate.optional(),
});
export type LegalFollowupInput = z.infer<typeof legalFollowupBody>;

export const listLegalRequestsQuery = z.strictObject({
  kind: legalRequestKind.optional(),
  status: legalRequestStatus.optional(),
  /** true: only requests whose deadline passed while they were open. */
  lapsed: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type ListLegalRequestsQuery = z.infer<typeof listLegalRequestsQuery>;
export const listCaseLegalRequestsQuery = z.strictObject({ kind: legalRequestKind.optional(), status: legalRequestStatus.optional(), ...pageQuery });

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const legalRequestSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  kind: legalRequestKind,
  interpolColour: interpolColour.nullable(),
  recipient: z.string(),
  subject: z.string(),
  reference: z.string(),
  status: legalRequestStatus,
  sentAt: z.string(),
  deadlineAt: z.string().nullable(),
  alertLeadHours: z.number().int(),
  alertSentAt: z.string().nullable(),
  /** Open with its deadline passed. */
  lapsed: z.boolean(),
  /** Hours left before the deadline (negative once passed); null without a deadline or once closed. */
  hoursLeft: z.number().nullable(),
});
export type LegalRequestSummary = z.infer<typeof legalRequestSummary>;

export const legalRequestDetail = legalRequestSummary.extend({
  person: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  entity: z.object({ id: z.string(), kind: z.string(), display: z.string() }).nullable(),
  legalBasis: z.string(),
  answer: z.string(),
  answeredAt: z.string().nullable(),
  notes: z.string(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  followups: z.array(z.object({ kind: legalFollowupKind, at: z.string(), note: z.string(), previousDeadlineAt: z.string().nullable(), newDeadlineAt: z.string().nullable(), actor: userRef.nullable() })),
  allowedFollowups: z.array(legalFollowupKind),
});
export type LegalRequestDetail = z.infer<typeof legalRequestDetail>;

export const legalRequestFigures = z.object({
  total: z.number().int(),
  open: z.number().int(),
  /** Open requests whose deadline passed: the data may be gone. */
  lapsed: z.number().int(),
  /** Open requests whose deadline falls within their alert lead time. */
  dueSoon: z.number().int(),
  byKind: z.array(z.object({ kind: legalRequestKind, total: z.number().int(), open: z.number().int(), lapsed: z.number().int() })),
});
export type LegalRequestFigures = z.infer<typeof legalRequestFigures>;

export const deadlineAlertResult = z.object({ alerted: z.number().int(), notified: z.number().int() });
