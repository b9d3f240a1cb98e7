import { z } from 'zod';
import { isoDate, pageQuery } from '../../platform/http/schema-kit.ts';

// The entity graph's API shapes (shared with the web app: pure zod). Values are checked and reduced to their
// key by the service (entity.keys.ts), which answers 400 naming the field when a value does not normalise.

export const entityKinds = ['account', 'phone', 'email', 'bank_account', 'wallet', 'crypto_address', 'device', 'ip_address', 'organisation', 'place', 'other'] as const;
export const nodeTypes = ['person', 'entity', 'case', 'victim', 'operation', 'evidence', 'media', 'communication'] as const;
export const linkKinds = ['uses', 'owns', 'holds', 'paid', 'family_of', 'associate_of', 'member_of', 'works_at', 'located_at', 'viewed', 'hosted',
  'communicated', 'seized_in', 'found_on', 'appears_in', 'same_as', 'other'] as const;
export const communicationKinds = ['live_stream', 'call', 'message'] as const;
export const participantRoles = ['host', 'viewer', 'payer', 'sender', 'recipient', 'participant'] as const;

/** A typed node id as the graph and the API write it: `entity:5b1c...`, `person:...`, `media:42`. */
export const nodeId = z.string().regex(/^(person|entity|case|victim|operation|evidence|media|communication):[0-9A-Za-z-]{1,64}$/, 'must be a node id such as person:<uuid> or entity:<uuid>');

const entityValue = {
  kind: z.enum(entityKinds),
  value: z.string().trim().min(1, 'required').max(1000),
  /** Account: platform (Telegram, a forum); wallet: provider (JazzCash); bank: the bank; device: the maker. */
  platform: z.string().trim().min(1).max(100).optional(),
};

/** An identifier given by value (recorded, or found when it exists: one row per kind and key). */
export const entityInput = z.strictObject(entityValue);
export type EntityInput = z.infer<typeof entityInput>;

/** A node: an existing one by typed id, or an entity by value. */
export const nodeInput = z.strictObject({
  node: nodeId.optional(),
  kind: entityValue.kind.optional(),
  value: entityValue.value.optional(),
  platform: entityValue.platform,
}).superRefine((n, ctx) => {
  if (n.node !== undefined) {
    if (n.kind !== undefined || n.value !== undefined) ctx.addIssue({ code: 'custom', path: ['node'], message: 'give a node id, or a kind and a value, not both' });
    return;
  }
  if (n.kind === undefined) ctx.addIssue({ code: 'custom', path: ['kind'], message: 'required (or give a node id)' });
  if (n.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'required (or give a node id)' });
});
export type NodeInput = z.infer<typeof nodeInput>;

const provenance = {
  /** The evidence item (of this case) that established the fact. */
  evidenceId: z.uuid({ message: 'must be a UUID' }).optional(),
  observedFrom: isoDate.optional(),
  observedTo: isoDate.optional(),
  confidence: z.number().gt(0, 'must be above 0').max(1, 'at most 1').optional(),
  notes: z.string().trim().max(2000).optional(),
};

export const recordLinkBody = z.strictObject({
  kind: z.enum(linkKinds),
  from: nodeInput,
  to: nodeInput,
  ...provenance,
});
export type RecordLinkInput = z.infer<typeof recordLinkBody>;

export const recordEntityBody = entityInput;

export const recordPaymentBody = z.strictObject({
  from: nodeInput,
  to: nodeInput,
  /** A decimal amount (up to 8 decimal places). */
  amount: z.union([z.number().nonnegative('must not be negative'), z.string().trim().regex(/^\d{1,12}(\.\d{1,8})?$/, 'must be a decimal amount such as 150.00')]).transform(String),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,10}$/, 'must be a currency code such as PKR, EUR or BTC'),
  paidAt: isoDate,
  reference: z.string().trim().max(300).default(''),
  evidenceId: provenance.evidenceId,
  notes: provenance.notes,
});
export type RecordPaymentInput = z.infer<typeof recordPaymentBody>;

export const recordCommunicationBody = z.strictObject({
  kind: z.enum(communicationKinds),
  platform: z.string().trim().min(1).max(100).optional(),
  startedAt: isoDate,
  endedAt: isoDate.optional(),
  notes: z.string().trim().max(2000).default(''),
  evidenceId: provenance.evidenceId,
  participants: z.array(z.strictObject({ role: z.enum(participantRoles), entity: nodeInput })).min(1, 'at least one participant').max(500),
});
export type RecordCommunicationInput = z.infer<typeof recordCommunicationBody>;

export const searchEntitiesQuery = z.strictObject({
  /** Typed as seen: normalised per kind first, so "0300-1234567" finds +923001234567. */
  q: z.string().trim().min(1).max(300).optional(),
  kind: z.enum(entityKinds).optional(),
  ...pageQuery,
});
export type SearchEntitiesQuery = z.infer<typeof searchEntitiesQuery>;

export const entitySummary = z.object({
  id: z.string(),
  node: z.string(),
  kind: z.enum(entityKinds),
  key: z.string(),
  display: z.string(),
  platform: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type EntitySummary = z.infer<typeof entitySummary>;

export const nodeRef = z.object({ node: z.string(), type: z.enum(nodeTypes), id: z.string(), label: z.string() });

export const linkView = z.object({
  id: z.string(),
  kind: z.enum(linkKinds),
  from: nodeRef,
  to: nodeRef,
  caseId: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  observedFrom: z.string().nullable(),
  observedTo: z.string().nullable(),
  confidence: z.number(),
  notes: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type LinkView = z.infer<typeof linkView>;

export const paymentView = z.object({
  id: z.string(),
  caseId: z.string(),
  from: entitySummary,
  to: entitySummary,
  amount: z.string(),
  currency: z.string(),
  paidAt: z.string(),
  reference: z.string(),
  evidenceId: z.string().nullable(),
  recordedAt: z.string(),
});

export const communicationView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(communicationKinds),
  platform: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  notes: z.string(),
  evidenceId: z.string().nullable(),
  participants: z.array(z.object({ role: z.enum(participantRoles), entity: entitySummary })),
  recordedAt: z.string(),
});

export const entityDetail = entitySummary.extend({
  links: z.array(linkView),
  /** Only the cases the caller may see that hold a record of this entity. */
  cases: z.array(z.object({ id: z.string(), title: z.string() })),
  payments: z.array(paymentView),
  communications: z.array(communicationView),
});

export const caseEntitiesResponse = z.object({
  entities: z.array(entitySummary),
  links: z.array(linkView),
  payments: z.array(paymentView),
  communications: z.array(communicationView),
});
export type CaseEntities = z.infer<typeof caseEntitiesResponse>;
