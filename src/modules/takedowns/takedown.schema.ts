import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';

// Takedowns (issue 11, part 3): one schema drives validation, the OpenAPI document and the web app's forms.
export const takedownTargetKinds = ['url', 'onion', 'account'] as const;
export const takedownStatuses = ['requested', 'acknowledged', 'removed', 'refused', 'reappeared'] as const;
export const takedownTargetKind = z.enum(takedownTargetKinds);
export const takedownStatus = z.enum(takedownStatuses);
/** Statuses in which the provider is still re-noticed on schedule. */
export const openTakedownStatuses = ['requested', 'acknowledged', 'reappeared'] as const;

const uuid = z.uuid({ message: 'must be a UUID' });
const text = (max: number) => z.string().trim().max(max);

export const createTakedownBody = z.strictObject({
  /** What is to be removed: a web address, a Tor onion service, or an account on a platform. */
  targetKind: takedownTargetKind,
  /** The URL, the onion address, or the account's handle or profile URL. Left out when `entityId` names the account. */
  target: z.string().trim().min(1, 'required').max(2000).optional(),
  /** For an account: the platform it is on (Facebook, TikTok...). */
  platform: text(100).optional(),
  /** An account or onion service the case already records (an entity of the graph). */
  entityId: uuid.optional(),
  /** The platform or host asked to remove it. */
  provider: z.string().trim().min(2, 'at least 2 characters').max(200),
  providerContact: text(500).default(''),
  /** The provider's reference number for the request, if it gave one. */
  reference: text(200).default(''),
  /** When the first notice was sent. */
  requestedAt: isoDate,
  /** Hours between repeat notices until the material is removed (Project Arachnid: 24). */
  renoticeHours: z.number().int().min(1, 'at least 1 hour').max(720, 'at most 30 days').default(24),
  notes: text(20_000).default(''),
}).meta({
  examples: [
    { targetKind: 'url', target: 'https://video-host.example/watch?v=synthetic1', provider: 'VideoHost Example', reference: 'VH-2025-1001', requestedAt: '2025-06-01T10:00:00+05:00', renoticeHours: 24 },
    { targetKind: 'account', target: '@synthetic_uploader', platform: 'Facebook', provider: 'Meta Platforms', requestedAt: '2025-06-01T10:00:00+05:00' },
  ],
});
export type CreateTakedownInput = z.infer<typeof createTakedownBody>;

export const takedownStatusBody = z.strictObject({
  status: z.enum(['acknowledged', 'removed', 'refused', 'reappeared']),
  /** When it happened (the provider's answer, the check that found it removed or back). */
  at: isoDate,
  /** A reference number the provider gave with this answer. */
  reference: text(200).default(''),
  note: text(2000).default(''),
});
export type TakedownStatusInput = z.infer<typeof takedownStatusBody>;

export const listTakedownsQuery = z.strictObject({
  status: takedownStatus.optional(),
  provider: text(200).optional(),
  /** true: only those whose next notice is due now. */
  due: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type ListTakedownsQuery = z.infer<typeof listTakedownsQuery>;

export const listCaseTakedownsQuery = z.strictObject({ status: takedownStatus.optional(), ...pageQuery });
export type ListCaseTakedownsQuery = z.infer<typeof listCaseTakedownsQuery>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const takedownSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  targetKind: takedownTargetKind,
  target: z.string(),
  entityId: z.string().nullable(),
  provider: z.string(),
  reference: z.string(),
  status: takedownStatus,
  renoticeHours: z.number().int(),
  firstRequestedAt: z.string(),
  requestedAt: z.string(),
  lastNoticeAt: z.string(),
  nextNoticeAt: z.string().nullable(),
  noticesSent: z.number().int(),
  removedAt: z.string().nullable(),
  /** Hours from the request (or the reappearance) to removal. */
  hoursToRemoval: z.number().nullable(),
  /** The next notice is due (at or before now). */
  due: z.boolean(),
});
export type TakedownSummary = z.infer<typeof takedownSummary>;

export const takedownDetail = takedownSummary.extend({
  providerContact: z.string(),
  notes: z.string(),
  createdBy: userRef.nullable(),
  createdAt: z.string(),
  history: z.array(z.object({ fromStatus: takedownStatus.nullable(), toStatus: takedownStatus, at: z.string(), reference: z.string(), note: z.string(), actor: userRef.nullable() })),
  notices: z.array(z.object({ number: z.number().int(), sentAt: z.string(), actor: userRef.nullable() })),
  allowedStatuses: z.array(takedownStatus),
});
export type TakedownDetail = z.infer<typeof takedownDetail>;

export const renoticeResult = z.object({ sent: z.number().int(), takedownIds: z.array(z.string()) });

export const providerFigures = z.object({
  provider: z.string(),
  /** Takedowns asked of this provider. */
  count: z.number().int(),
  removed: z.number().int(),
  refused: z.number().int(),
  /** Still up: requested, acknowledged or reappeared. */
  open: z.number().int(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  noticesSent: z.number().int(),
});
export const takedownReport = z.object({ providers: z.array(providerFigures), generatedAt: z.string() });
export type TakedownReport = z.infer<typeof takedownReport>;
