import { z } from 'zod';
import { isoDate, isoDay } from '../../platform/http/schema-kit.ts';
import { caseStatuses } from '../cases/case.lifecycle.ts';
import { documentTypes } from '../documents/document.schema.ts';
import { warrantKind, warrantStatus } from '../warrants/warrant.schema.ts';

// A case bundle: one case and everything hanging off it, as a versioned JSON document for moving a case
// between branches or installations. Records refer to each other by their ids in the source (re-issued on
// import); users by username; victims only by pseudonym and non-identifying fields, never an identity.
// Every object is strict, so a field this version does not know is refused rather than silently dropped.
export const BUNDLE_FORMAT = 'amaan.case-bundle';
/** 2: signed by the exporting installation (signature), persons/victims matched only within need-to-know. */
export const BUNDLE_VERSION = 2;

const ts = isoDate;
const uuid = z.uuid({ message: 'must be a UUID' });
/** A user, by username in the source installation; null for the system or a record with no author. */
const user = z.string().min(1).max(100).nullable();
const text = (max: number) => z.string().max(max);
const offenceCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and dashes');
const gender = z.enum(['female', 'male', 'other', 'unknown']).nullable();
const accusedStatus = z.enum(['at_large', 'arrested', 'physical_remand', 'judicial_remand', 'on_bail', 'proclaimed_offender', 'convicted', 'acquitted']);
const accusedRoles = new Set(['suspect', 'ringleader', 'facilitator', 'complicit_family']);

const bundleCase = z.strictObject({
  id: uuid,
  title: text(500).min(1),
  summary: text(100_000),
  status: z.enum(caseStatuses),
  firNumber: z.number().int().positive().max(999_999).nullable(),
  firYear: z.number().int().min(1947).max(2100).nullable(),
  firRegisteredAt: ts.nullable(),
  challanSubmittedAt: ts.nullable(),
  reportedAt: ts,
  createdAt: ts,
  updatedAt: ts,
  createdBy: user,
});

const person = z.strictObject({
  id: uuid,
  displayName: text(200).min(1),
  gender,
  dateOfBirth: isoDay.nullable(),
  estimatedAge: z.number().int().min(0).max(120).nullable(),
  nationality: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code').nullable(),
  cnic: z.string().regex(/^[1-9][0-9]{4}-[0-9]{7}-[0-9]$/, 'CNIC as #####-#######-#').nullable(),
  passport: z.string().regex(/^[A-Z0-9]{6,20}$/, '6 to 20 capital letters and digits').nullable(),
  notes: text(100_000),
  createdAt: ts,
  updatedAt: ts,
  createdBy: user,
  names: z.array(z.strictObject({ name: text(200).min(1), script: z.enum(['latin', 'urdu', 'other']), kind: z.enum(['primary', 'alias', 'variant']) })).max(200),
  identifiers: z.array(z.strictObject({ kind: z.enum(['phone', 'email', 'handle', 'bank_account', 'wallet', 'crypto_address', 'device', 'other']), value: text(300).min(1), platform: text(100).nullable() })).max(200),
});

const personRole = z.strictObject({
  personId: uuid,
  role: z.enum(['suspect', 'ringleader', 'facilitator', 'guardian', 'complicit_family', 'witness', 'informant']),
  accusedStatus: accusedStatus.nullable(),
  foreignWarrantRequested: z.boolean(),
  addedAt: ts,
});

const victim = z.strictObject({
  id: uuid,
  pseudonym: z.string().regex(/^V-[0-9]{4}-[0-9]{4,}$/, 'a pseudonym V-YYYY-NNNN'),
  gender,
  ageAtIdentification: z.number().int().min(0).max(25).nullable(),
  state: z.enum(['identified', 'recovered', 'placed', 'closed']),
  identifiedAt: ts,
  recoveredAt: ts.nullable(),
  placedAt: ts.nullable(),
  closedAt: ts.nullable(),
  addedAt: ts,
});

const operation = z.strictObject({
  id: uuid,
  name: text(300).min(1),
  status: z.enum(['planned', 'approved', 'executed', 'cancelled']),
  plannedFor: ts,
  place: text(500),
  agencies: z.array(text(200)).max(50),
  approvedBy: user,
  approvedAt: ts.nullable(),
  executedAt: ts.nullable(),
  durationMinutes: z.number().int().positive().max(100_000).nullable(),
  notes: text(100_000),
  createdBy: user,
  createdAt: ts,
  cancelledAt: ts.nullable(),
  cancelledBy: user,
  cancelReason: text(2000).nullable(),
});

/**
 * A server sentence's code and values (src/platform/text/event-texts.schema.ts) beside its English words. Optional:
 * bundles made before migration 0031 have none; a code this version does not know is dropped on import.
 */
const serverText = {
  code: z.string().min(1).max(64).nullable().optional(),
  params: z.record(z.string().min(1).max(64), z.union([z.string().max(100_000), z.number()])).nullable().optional(),
};

const evidence = z.strictObject({
  id: uuid,
  label: text(300).min(1),
  kind: z.enum(['phone', 'computer', 'storage', 'document', 'media_folder', 'other']),
  description: text(100_000),
  operationId: uuid.nullable(),
  seizedAt: ts.nullable(),
  custodian: user,
  createdBy: user,
  createdAt: ts,
  custody: z.array(z.strictObject({ from: user, to: z.string().min(1).max(100), reason: text(2000), ...serverText, at: ts, recordedBy: user })).max(1000),
});

const verdict = z.strictObject({
  id: uuid,
  personId: uuid,
  outcome: z.enum(['convicted', 'acquitted']),
  court: text(300),
  decidedAt: ts,
  sentenceMonths: z.number().int().min(0).max(1200).nullable(),
  fineRupees: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
  createdBy: user,
  appeals: z.array(z.strictObject({
    court: text(300),
    filedAt: ts,
    filedBy: z.enum(['prosecution', 'defence']),
    status: z.enum(['pending', 'allowed', 'dismissed', 'withdrawn']),
    decidedAt: ts.nullable(),
    createdBy: user,
  })).max(50),
});

/**
 * A document of the case, one of its operations or one of its hearings (hearings have no id in a bundle: by
 * their place in `hearings`), each version with its bytes (base64) and the SHA-256 recorded at upload; the
 * import checks every version against its SHA-256 and size. Persons' documents and victims' care documents
 * are not carried.
 */
const bundleDocument = z.strictObject({
  id: uuid,
  attachedTo: z.enum(['case', 'operation', 'hearing']),
  operationId: uuid.nullable(),
  hearingIndex: z.number().int().min(0).max(9_999).nullable(),
  title: text(300).min(1),
  type: z.enum(documentTypes),
  documentDate: isoDay.nullable(),
  createdBy: user,
  createdAt: ts,
  versions: z.array(z.strictObject({
    version: z.number().int().min(1).max(100_000),
    fileName: text(255).min(1),
    mediaType: text(200).min(1),
    size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
    uploadedBy: user,
    uploadedAt: ts,
    content: z.base64({ message: 'the file, base64-encoded' }),
  })).min(1).max(1000),
});


const bundleShape = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: ts,
  exportedBy: z.string().max(100),
  /** SHA-256 over the canonical JSON of every field but digest and signature: names the bundle (suggestions, audit). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
  /**
   * Ed25519 signature of the exporting installation over the canonical JSON of every other field
   * (bundle.signing.ts). Checked on import against this installation's key and the trusted installations;
   * optional here only so a missing one is refused by the import with its own message.
   */
  signature: z.strictObject({
    algorithm: z.literal('ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/, '16 hex digits'),
    publicKey: z.string().max(2000),
    value: z.string().max(200),
  }).optional(),
  source: z.strictObject({ caseId: uuid, branchCode: text(50), district: text(200), province: text(200) }),
  /** What this version of the format does not carry (safeguarding records, media, identities). */
  notIncluded: z.array(text(300)).max(50),
  case: bundleCase,
  offences: z.array(offenceCode).max(100),
  team: z.array(z.strictObject({ username: z.string().min(1).max(100), teamRole: z.enum(['lead', 'member', 'prosecutor']), addedAt: ts })).max(200),
  statusHistory: z.array(z.strictObject({ from: z.enum(caseStatuses).nullable(), to: z.enum(caseStatuses), reason: text(2000), ...serverText, actor: user, at: ts })).max(1000),
  timeline: z.array(z.strictObject({ kind: z.enum(['note', 'event', 'status', 'person', 'operation', 'evidence', 'prosecution']), body: text(100_000), ...serverText, occurredAt: ts, actor: user, createdAt: ts })).max(100_000),
  persons: z.array(person).max(10_000),
  personRoles: z.array(personRole).max(20_000),
  accusedHistory: z.array(z.strictObject({ personId: uuid, from: accusedStatus.nullable(), to: accusedStatus, reason: text(2000), actor: user, at: ts })).max(20_000),
  victims: z.array(victim).max(10_000),
  operations: z.array(operation).max(1000),
  arrests: z.array(z.strictObject({ personId: uuid, operationId: uuid.nullable(), arrestedAt: ts, place: text(500), createdBy: user })).max(10_000),
  rescues: z.array(z.strictObject({ operationId: uuid, victimId: uuid, rescuedAt: ts })).max(10_000),
  evidence: z.array(evidence).max(10_000),
  charges: z.array(z.strictObject({ personId: uuid, offenceCode, court: text(300), framedAt: ts, createdBy: user })).max(10_000),
  hearings: z.array(z.strictObject({ court: text(300), scheduledFor: ts, purpose: text(2000), outcome: text(10_000).nullable(), createdBy: user })).max(10_000),
  verdicts: z.array(verdict).max(10_000),
  /** Added after version 2 was first issued: optional, so bundles without documents still import. */
  documents: z.array(bundleDocument).max(10_000).optional(),
  /** Warrants and notices of the accused, one by one (added after version 2 was issued, so optional). */
  warrants: z.array(z.strictObject({
    personId: uuid,
    kind: warrantKind,
    status: warrantStatus,
    issuedOn: isoDay.nullable(),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code').nullable(),
    reference: text(100).min(1).nullable(),
    notes: text(2000),
    createdBy: user,
    createdAt: ts,
    updatedAt: ts,
  })).max(10_000).optional(),
});

type Shape = z.infer<typeof bundleShape>;

/** The rules the database keeps, checked up front so a bad bundle is refused naming the field. */
function checkConsistency(b: Shape, ctx: z.RefinementCtx) {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });
  const unique = <T>(items: T[], key: (t: T) => string, path: (i: number) => Array<string | number>, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) issue(path(i), `${what} repeats entry ${seen.get(k)}`);
      else seen.set(k, i);
    });
  };
  if ((b.case.firNumber === null) !== (b.case.firYear === null)) issue(['case', 'firYear'], 'firNumber and firYear come together');
  unique(b.offences, (c) => c, (i) => ['offences', i], 'offence');
  unique(b.team, (m) => m.username.toLowerCase(), (i) => ['team', i, 'username'], 'team member');

  const persons = new Set(b.persons.map((p) => p.id));
  const victims = new Set(b.victims.map((v) => v.id));
  const operations = new Set(b.operations.map((o) => o.id));
  unique(b.persons, (p) => p.id, (i) => ['persons', i, 'id'], 'person id');
  const cnics = new Map<string, number>();
  b.persons.forEach((p, i) => {
    if (!p.cnic) return;
    if (cnics.has(p.cnic)) issue(['persons', i, 'cnic'], `same CNIC as person entry ${cnics.get(p.cnic)}: merge the two persons before export`);
    else cnics.set(p.cnic, i);
  });
  unique(b.victims, (v) => v.id, (i) => ['victims', i, 'id'], 'victim id');
  unique(b.victims, (v) => v.pseudonym, (i) => ['victims', i, 'pseudonym'], 'pseudonym');
  unique(b.operations, (o) => o.id, (i) => ['operations', i, 'id'], 'operation id');
  unique(b.evidence, (e) => e.id, (i) => ['evidence', i, 'id'], 'evidence id');
  unique(b.evidence, (e) => e.label.toLowerCase(), (i) => ['evidence', i, 'label'], 'evidence label');
  unique(b.verdicts, (v) => v.id, (i) => ['verdicts', i, 'id'], 'verdict id');
  unique(b.verdicts, (v) => v.personId, (i) => ['verdicts', i, 'personId'], 'verdict for this person');
  unique(b.personRoles, (r) => `${r.personId}/${r.role}`, (i) => ['personRoles', i, 'role'], 'role of this person');
  unique(b.arrests, (a) => `${a.personId}/${Date.parse(a.arrestedAt)}`, (i) => ['arrests', i, 'arrestedAt'], 'arrest');
  unique(b.rescues, (r) => `${r.operationId}/${r.victimId}`, (i) => ['rescues', i, 'victimId'], 'rescue');
  unique(b.charges, (c) => `${c.personId}/${c.offenceCode}`, (i) => ['charges', i, 'offenceCode'], 'charge');

  const ref = (set: Set<string>, id: string | null, path: Array<string | number>, what: string) => {
    if (id !== null && !set.has(id)) issue(path, `no ${what} with this id in the bundle`);
  };
  b.personRoles.forEach((r, i) => {
    ref(persons, r.personId, ['personRoles', i, 'personId'], 'person');
    if (r.accusedStatus !== null && !accusedRoles.has(r.role)) issue(['personRoles', i, 'accusedStatus'], `only an accused role has an accused status, not ${r.role}`);
  });
  b.accusedHistory.forEach((h, i) => ref(persons, h.personId, ['accusedHistory', i, 'personId'], 'person'));
  b.arrests.forEach((a, i) => {
    ref(persons, a.personId, ['arrests', i, 'personId'], 'person');
    ref(operations, a.operationId, ['arrests', i, 'operationId'], 'operation');
  });
  b.rescues.forEach((r, i) => {
    ref(operations, r.operationId, ['rescues', i, 'operationId'], 'operation');
    ref(victims, r.victimId, ['rescues', i, 'victimId'], 'victim');
  });
  b.evidence.forEach((e, i) => ref(operations, e.operationId, ['evidence', i, 'operationId'], 'operation'));
  b.charges.forEach((c, i) => ref(persons, c.personId, ['charges', i, 'personId'], 'person'));
  b.operations.forEach((o, i) => {
    if ((o.status === 'executed') !== (o.executedAt !== null)) issue(['operations', i, 'executedAt'], 'an executed operation, and only one, has executedAt');
    if ((o.status === 'cancelled') !== (o.cancelledAt !== null)) issue(['operations', i, 'cancelledAt'], 'a cancelled operation, and only one, has cancelledAt');
  });
  (b.warrants ?? []).forEach((w, i) => ref(persons, w.personId, ['warrants', i, 'personId'], 'person'));
  unique(b.documents ?? [], (d) => d.id, (i) => ['documents', i, 'id'], 'document id');
  (b.documents ?? []).forEach((d, i) => {
    if ((d.attachedTo === 'operation') !== (d.operationId !== null)) issue(['documents', i, 'operationId'], 'an operation\'s document, and only one, names its operation');
    if ((d.attachedTo === 'hearing') !== (d.hearingIndex !== null)) issue(['documents', i, 'hearingIndex'], 'a hearing\'s document, and only one, names its hearing');
    ref(operations, d.operationId, ['documents', i, 'operationId'], 'operation');
    if (d.hearingIndex !== null && d.hearingIndex >= b.hearings.length) issue(['documents', i, 'hearingIndex'], 'no hearing at this place in the bundle');
    unique(d.versions, (v) => String(v.version), (j) => ['documents', i, 'versions', j, 'version'], 'version number');
  });
  b.verdicts.forEach((v, i) => {
    ref(persons, v.personId, ['verdicts', i, 'personId'], 'person');
    if (v.outcome !== 'convicted' && v.sentenceMonths !== null) issue(['verdicts', i, 'sentenceMonths'], 'only a conviction has a sentence');
    if (v.outcome !== 'convicted' && v.fineRupees !== null) issue(['verdicts', i, 'fineRupees'], 'only a conviction has a fine');
    v.appeals.forEach((a, j) => {
      if ((a.status === 'pending') !== (a.decidedAt === null)) issue(['verdicts', i, 'appeals', j, 'decidedAt'], 'a decided appeal, and only one, has decidedAt');
      if (a.decidedAt !== null && Date.parse(a.decidedAt) < Date.parse(a.filedAt)) issue(['verdicts', i, 'appeals', j, 'decidedAt'], 'decided before it was filed');
    });
  });
}

export const caseBundle = bundleShape.superRefine(checkConsistency);
export type CaseBundle = z.infer<typeof bundleShape>;

export const importQuery = z.strictObject({
  branchId: z.coerce.number().int().positive(),
});

export const importResult = z.object({
  caseId: z.string(),
  branchId: z.number().int(),
  firLabel: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** Persons already recorded here, visible to the importer, found by CNIC/passport (blind index) and linked instead of created. */
  personsMatchedByCnic: z.number().int(),
  /** Victims already recorded here (same record id), visible to the importer, linked instead of created. */
  victimsLinked: z.number().int(),
  /** The installation that signed the bundle ('this installation' or the trusted installation's name) and its key id. */
  signer: z.object({ keyId: z.string(), name: z.string() }),
  /** Case-team members named by the bundle: never applied (a bundle cannot name officers); the branch supervisor assigns the team. */
  teamNotApplied: z.array(z.object({ username: z.string(), teamRole: z.string() })),
  /** Pseudonyms already taken by another victim here: the victim got a new one. */
  pseudonymsChanged: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type ImportResult = z.infer<typeof importResult>;
