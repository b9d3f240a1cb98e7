import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';

// Tip intake and triage (issue 11): the shapes of the API and the web app (pure zod). A report comes in
// Amaan's own shape (`amaanReport`, strict) or in the NCMEC CyberTipline shape (`cyberTiplineReport`, every
// field it does not read kept: the raw JSON is stored whole). Lists may hold at most a few hundred items and
// strings a few thousand characters; the service refuses deeper nesting and larger bodies before this runs.

const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const hex = (len: number, name: string) => z.string().regex(new RegExp(`^[0-9A-Fa-f]{${len}}$`), `must be ${len} hexadecimal digits (${name})`);
export const md5Hex = hex(32, 'MD5');
export const sha1Hex = hex(40, 'SHA-1');
export const sha256Hex = hex(64, 'SHA-256');
export const pdqHex = hex(64, 'PDQ');
const list = <T extends z.ZodType>(item: T, max = 100) => z.array(item).max(max, `at most ${max} items`);

export const tipAnnotations = ['child_in_danger', 'live_streaming', 'sextortion', 'self_produced', 'minor_to_minor', 'physical_harm', 'generative_ai'] as const;

// ---------------------------------------------------------------------------------------------------------
// Amaan's own shape.

const amaanAccount = z.strictObject({
  platform: text(100).min(1, 'required'),
  handle: text(300).optional(),
  url: text(2000).optional(),
});
const amaanIp = z.strictObject({ address: text(100).min(1, 'required'), event: text(50).optional(), at: isoDate.optional(), port: z.number().int().min(0).max(65535).optional() });
const amaanWallet = z.strictObject({ provider: text(100).min(1, 'required'), number: text(100).min(1, 'required') });

export const amaanPerson = z.strictObject({
  name: text(300).optional(),
  accounts: list(amaanAccount).optional(),
  phones: list(text(100)).optional(),
  emails: list(text(320)).optional(),
  ips: list(amaanIp).optional(),
  devices: list(text(200)).optional(),
  wallets: list(amaanWallet).optional(),
  cryptoAddresses: list(text(200)).optional(),
  ageEstimate: z.number().int().min(0).max(120).optional(),
});
export type AmaanPerson = z.infer<typeof amaanPerson>;

export const amaanFile = z.strictObject({
  name: text(500).optional(),
  md5: md5Hex.optional(),
  sha1: sha1Hex.optional(),
  sha256: sha256Hex.optional(),
  pdq: pdqHex.optional(),
  viewedByEsp: z.boolean().optional(),
  publiclyAvailable: z.boolean().optional(),
  classification: z.enum(['A1', 'A2', 'B1', 'B2']).optional(),
  annotations: list(z.enum(tipAnnotations), 20).optional(),
});

export const tipLocation = z.strictObject({
  district: text(100).optional(),
  city: text(100).optional(),
  province: text(100).optional(),
  country: text(100).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  /** A landline or mobile number tied to the place (a caller's landline names its district by area code). */
  phone: text(100).optional(),
});
export type TipLocation = z.infer<typeof tipLocation>;

export const amaanReport = z.strictObject({
  /** The reporter's own id for this report: sending the same id again is the same tip. */
  reportId: text(200).min(1).optional(),
  incident: z.strictObject({
    type: text(200).min(1, 'required'),
    at: isoDate.optional(),
    summary: text(20_000).optional(),
    escalate: z.boolean().optional(),
    annotations: list(z.enum(tipAnnotations), 20).optional(),
  }),
  location: tipLocation.optional(),
  reported: list(amaanPerson, 50).optional(),
  recipient: amaanPerson.optional(),
  victim: amaanPerson.optional(),
  urls: list(text(2000), 200).optional(),
  files: list(amaanFile, 500).optional(),
  /** Anything else the reporter wants kept: stored as sent. */
  extra: z.record(z.string().max(200), z.unknown()).optional(),
});
export type AmaanReport = z.infer<typeof amaanReport>;

// ---------------------------------------------------------------------------------------------------------
// The CyberTipline shape (../shared/docs/interchange.md). Loose objects: fields not read here are kept.

const flag = z.union([z.boolean(), z.enum(['true', 'false', 'Y', 'N', 'yes', 'no'])]);
const annotationsShape = z.union([list(text(100), 50), z.record(text(100), z.union([z.boolean(), z.string().max(200)]))]);

const ctPhone = z.union([text(100), z.looseObject({ number: text(100).optional(), phoneNumber: text(100).optional(), type: text(50).optional() })]);
const ctEmail = z.union([text(320), z.looseObject({ email: text(320).optional(), value: text(320).optional() })]);
const ctPerson = z.looseObject({
  firstName: text(200).optional(),
  lastName: text(200).optional(),
  phone: list(ctPhone, 50).optional(),
  email: list(ctEmail, 50).optional(),
  age: z.union([z.number().int().min(0).max(120), text(20)]).optional(),
});
const ctIpEvent = z.looseObject({
  ipAddress: text(100).min(1, 'required'),
  eventName: text(50).optional(),
  dateTime: isoDate.optional(),
  possibleProxy: flag.optional(),
  port: z.number().int().min(0).max(65535).optional(),
});
const ctDevice = z.union([text(200), z.looseObject({ idType: text(50).optional(), idValue: text(200).min(1, 'required') })]);
const ctLocation = z.looseObject({
  city: text(100).optional(),
  region: text(100).optional(),
  countryCode: text(10).optional(),
  country: text(100).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export const ctUser = z.looseObject({
  personOrUserReportedPerson: ctPerson.optional(),
  victimPerson: ctPerson.optional(),
  intendedRecipientPerson: ctPerson.optional(),
  espIdentifier: text(300).optional(),
  espService: text(100).optional(),
  screenName: text(300).optional(),
  displayName: list(text(300), 20).optional(),
  profileUrl: list(text(2000), 20).optional(),
  ipCaptureEvent: list(ctIpEvent, 200).optional(),
  deviceId: list(ctDevice, 50).optional(),
  estimatedLocation: ctLocation.optional(),
  priorCTReports: list(z.union([text(50), z.number()]), 100).optional(),
  groupIdentifier: list(text(300), 50).optional(),
});
const ctHash = z.looseObject({ hashType: text(20).min(1, 'required'), value: text(200).min(1, 'required') });
export const ctFile = z.looseObject({
  fileName: text(500).optional(),
  fileViewedByEsp: flag.optional(),
  exifViewedByEsp: flag.optional(),
  publiclyAvailable: flag.optional(),
  fileRelevance: text(100).optional(),
  fileAnnotations: annotationsShape.optional(),
  industryClassification: z.enum(['A1', 'A2', 'B1', 'B2']).optional(),
  originalFileHash: list(ctHash, 10).optional(),
  pdq: pdqHex.optional(),
});
const ctInternet = z.looseObject({
  webPageIncident: z.looseObject({ url: list(text(2000), 100).optional() }).optional(),
  url: list(text(2000), 100).optional(),
});

export const cyberTiplineReport = z.looseObject({
  reportId: z.union([text(200), z.number().int()]).optional(),
  incidentSummary: z.looseObject({
    incidentType: text(200).min(1, 'required'),
    escalateToHighPriority: flag.optional(),
    incidentDateTime: isoDate.optional(),
    incidentDateTimeDescription: text(2000).optional(),
    annotations: annotationsShape.optional(),
  }),
  internetDetails: list(ctInternet, 50).optional(),
  reporter: z.looseObject({}).optional(),
  personOrUserReported: list(ctUser, 50).optional(),
  intendedRecipient: list(ctUser, 50).optional(),
  victim: list(ctUser, 50).optional(),
  additionalInfo: text(20_000).optional(),
  files: list(ctFile, 500).optional(),
});
export type CyberTiplineReport = z.infer<typeof cyberTiplineReport>;

/** The body of POST /tips: one report in either shape (a CyberTipline report has `incidentSummary`). */
export const tipReport = z.union([amaanReport, cyberTiplineReport]);

export const tipReceipt = z.object({
  receipt: z.string(),
  /** False when this report was received before (same report id, or the same content): the first receipt. */
  created: z.boolean(),
});

export const receiptStatus = z.object({
  receipt: z.string(),
  receivedAt: z.string(),
  status: z.enum(['received', 'in_review', 'acted_on', 'closed']),
});

// ---------------------------------------------------------------------------------------------------------
// The public form: no account, no files.

export const publicTipBody = z.strictObject({
  incident: z.enum(['abuse_material', 'grooming', 'sextortion', 'live_streaming', 'trafficking', 'other']),
  where: text(300).optional(),
  district: text(100).optional(),
  urls: list(text(2000), 20).optional(),
  whatTheySaw: text(5000).min(10, 'tell us in a few words what you saw (at least 10 characters)'),
  childInDanger: z.boolean().optional(),
  language: z.enum(['en', 'ur']).optional(),
});
export type PublicTipInput = z.infer<typeof publicTipBody>;
export const publicTipAnswer = z.object({ receipt: z.string() });

// ---------------------------------------------------------------------------------------------------------
// Analysts' views.

export const tipStatuses = ['new', 'converted', 'attached', 'closed'] as const;

export const listTipsQuery = z.strictObject({
  status: z.enum(tipStatuses).optional(),
  /** A branch id; `unrouted` for tips no branch was found for. */
  branch: z.union([z.coerce.number().int().min(1), z.literal('unrouted')]).optional(),
  ...pageQuery,
});
export type ListTipsQuery = z.infer<typeof listTipsQuery>;

export const priorityReason = z.object({ rule: z.string(), weight: z.number().int(), detail: z.string() });
export const tipSummary = z.object({
  id: z.string(),
  receipt: z.string(),
  channel: z.enum(['api', 'import', 'public']),
  format: z.enum(['amaan', 'cybertipline', 'public']),
  organisation: z.string().nullable(),
  incidentType: z.string(),
  incidentAt: z.string().nullable(),
  escalate: z.boolean(),
  priority: z.number().int(),
  reasons: z.array(priorityReason),
  branchId: z.number().int().nullable(),
  branch: z.string().nullable(),
  status: z.enum(tipStatuses),
  caseId: z.string().nullable(),
  receivedAt: z.string(),
  ageHours: z.number(),
  related: z.number().int(),
});
export type TipSummary = z.infer<typeof tipSummary>;

/** What routed a tip, as values (src/modules/tips/tip.routing.ts, RoutingFacts): the web app says it in English or Urdu. */
export const routingFacts = z.object({
  district: z.string().optional(),
  named: z.string().optional(),
  coordinates: z.object({
    latitude: z.number(), longitude: z.number(), estimated: z.boolean(), district: z.string().nullable(), outline: z.string().optional(),
    unused: z.enum(['whole_degrees', 'outside']).nullable(), covers: z.array(z.string()), agrees: z.boolean().nullable(), consistent: z.boolean().optional(), noBranch: z.boolean().optional(),
    near: z.object({ edgeKm: z.number(), marginKm: z.number(), nearby: z.array(z.object({ name: z.string(), km: z.number() })) }).optional(),
    alone: z.boolean().optional(),
  }).optional(),
  place: z.object({ name: z.string(), agrees: z.boolean().nullable() }).optional(),
  landline: z.object({ phone: z.string(), areaCode: z.string(), district: z.string(), confirmed: z.boolean(), source: z.string(), agrees: z.boolean().optional() }).optional(),
}).describe('What routed the tip and what was weighed beside it, as values; `detail` says the same in English');
export type RoutingFactsBody = z.infer<typeof routingFacts>;

export const tipDetail = tipSummary.extend({
  summary: z.string(),
  annotations: z.array(z.string()),
  location: z.record(z.string(), z.unknown()),
  routing: z.object({ method: z.string(), detail: z.string(), facts: routingFacts }).partial(),
  identifiers: z.array(z.object({ entityId: z.string(), kind: z.string(), display: z.string(), platform: z.string().nullable(), role: z.string(), cases: z.number().int() })),
  urls: z.array(z.string()),
  files: z.array(z.object({
    id: z.number().int(), name: z.string(), md5: z.string().nullable(), sha1: z.string().nullable(), sha256: z.string().nullable(), pdq: z.string().nullable(),
    viewedByEsp: z.boolean().nullable(), publiclyAvailable: z.boolean().nullable(), classification: z.string().nullable(), annotations: z.array(z.string()),
    matches: z.array(z.object({ kind: z.enum(['hash_set', 'case_media']), label: z.string(), caseId: z.string().nullable(), by: z.string(), distance: z.number().int().optional().describe('PDQ Hamming distance (0-256) of a perceptual match') })),
  })),
  relatedTips: z.array(z.object({ id: z.string(), receipt: z.string(), reasons: z.array(z.object({ reason: z.string(), value: z.string() })), status: z.enum(tipStatuses) })),
  raw: z.unknown(),
});
export type TipDetail = z.infer<typeof tipDetail>;

export const convertTipBody = z.strictObject({
  title: text(300).min(3, 'at least 3 characters').optional(),
  offenceCodes: list(text(50), 20).min(1, 'at least one offence').optional(),
});
export const attachTipBody = z.strictObject({ caseId: z.uuid({ message: 'must be a UUID' }) });
export const closeTipBody = z.strictObject({ reason: text(2000).min(3, 'say why (at least 3 characters)') });
export const tipDecision = z.object({ caseId: z.string().nullable(), status: z.enum(tipStatuses), entities: z.number().int(), files: z.number().int() });

export const tipRuleCodes = ['child_in_danger', 'live_streaming', 'known_material', 'sextortion_self_produced', 'known_in_case', 'case_media_match', 'related_reports'] as const;
export type TipRuleCode = (typeof tipRuleCodes)[number];
export const tipRule = z.object({ code: z.enum(tipRuleCodes), weight: z.number().int(), enabled: z.boolean(), updatedAt: z.string(), updatedBy: z.string().nullable() });
export const tipRulesAnswer = z.object({ items: z.array(tipRule) });
export const updateTipRuleBody = z.strictObject({ weight: z.number().int().min(0).max(1000).optional(), enabled: z.boolean().optional() });
export const ruleParam = z.strictObject({ code: z.enum(tipRuleCodes) });

// Reporting organisations and keys (administrators).
export const createOrganisationBody = z.strictObject({ name: text(200).trim().min(2, 'at least 2 characters') });
export const organisationView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), tips: z.number().int(), activeKeys: z.number().int() });
export const createTipKeyBody = z.strictObject({
  label: text(200).optional(),
  /** When the key stops working; at most two years ahead; default 365 days. */
  expiresAt: isoDate.optional(),
});
export const tipKeyView = z.object({
  id: z.string(), organisationId: z.string(), organisation: z.string(), label: z.string(), prefix: z.string(),
  createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable(), tips: z.number().int(), active: z.boolean(),
});
export const tipKeyCreated = tipKeyView.extend({ token: z.string() });
