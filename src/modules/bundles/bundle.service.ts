import { createHash } from 'node:crypto';
import { carryOverWarrantFlags } from '../warrants/warrant.carry-over.ts';
import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { auditRead, inTransaction } from '../../platform/context.ts';
import { isSystemActor, userIdOf } from '../../platform/access/actor.ts';
import { requireCaseAccess } from '../../platform/access/case-scope.ts';
import { canonicalJson } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../platform/http/errors.ts';
import { nameKey } from '../persons/person.names.ts';
import { nextPseudonym } from '../victims/pseudonym.ts';
import { addPersonIdentifiers, readIdentifiersOf } from '../entities/person-identifiers.service.ts';
import { randomUUID } from 'node:crypto';
import { guardDecrypt } from '../../platform/crypto/sealed-fields.ts';
import { cnicIndexes, openPersonNumbers, passportIndexes, sealPersonNumbers } from '../persons/person.sealed.ts';
import { personVisibleTo } from '../persons/person.scope.ts';
import { victimVisibleTo } from '../victims/victim.scope.ts';
import { installationKeyOf, signBundle, verifyBundleSignature, type Signer } from './bundle.signing.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, caseBundle, type CaseBundle, type ImportResult } from './bundle.schema.ts';
import { advisoryXactLock, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { suggestQuietly } from '../resolution/suggestion.service.ts';
import { discardStaged, exportCaseDocuments, insertBundleDocuments, stageBundleDocuments, type StagedDocuments } from '../documents/document.bundle.ts';
import { insertInChunks } from '../../platform/db/insert-chunks.ts';
import { historyReason, recordCaseEvents } from '../cases/case-events.ts';
import { checkEventParams, isEventCode, type EventParams } from '../../platform/text/event-texts.schema.ts';


/** A bundle row's code and values, kept when this version knows the code and its placeholders; else the body alone. */
function importedText(code: string | null | undefined, params: EventParams | null | undefined): { code: string | null; params: EventParams | null } {
  if (!code || !params || !isEventCode(code)) return { code: null, params: null };
  try {
    checkEventParams(code, params);
    return { code, params };
  } catch {
    return { code: null, params: null };
  }
}

// Export and import of one case as a JSON bundle (bundle.schema.ts). The bundle is built from the core
// record model (migration 0001) plus the columns the database needs to accept it back (operation
// cancellation from 0003, the placed-at time of 0002). Deliberately NOT carried, listed in every bundle:
export const NOT_INCLUDED = [
  'victim identities (never leave the installation)',
  'case-team assignments and protection-officer assignments: the receiving branch assigns its own officers',
  'victim safeguarding: state history, placements, follow-ups, protection-officer assignments',
  'seized-media ingest results (files, hashes, matches): re-ingest from the evidence',
  "the source installation's audit trail (the export is audited there, the import here)",
  "documents of persons and victims' care documents (the documents of the case, its operations and hearings are included, each version with its SHA-256)",
] as const;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** SHA-256 over the canonical JSON of the bundle without its digest and signature. */
export function bundleDigest(bundle: Omit<CaseBundle, 'digest'> | CaseBundle): string {
  const { digest: _ignored, signature: _signature, ...rest } = bundle as CaseBundle;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

async function usernames(db: Db, ids: Array<string | null>): Promise<(id: string | null) => string | null> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length ? await db.selectFrom('users').select(['id', 'username']).where('id', 'in', wanted).execute() : [];
  const map = new Map(rows.map((r) => [r.id, r.username]));
  return (id) => (id ? map.get(id) ?? null : null);
}

/** The case and everything hanging off it, as a bundle. Visible cases only; the export is audited. */
type BundleIdentifierKind = CaseBundle['persons'][number]['identifiers'][number]['kind'];
const bundleIdentifierKinds: readonly string[] = ['phone', 'email', 'handle', 'bank_account', 'wallet', 'crypto_address', 'device', 'other'];
const bundleIdentifierKind = (kind: string): BundleIdentifierKind => (bundleIdentifierKinds.includes(kind) ? kind : 'other') as BundleIdentifierKind;

export async function exportCase(ctx: ServiceContext, caseId: string): Promise<CaseBundle> {
  return guardDecrypt(ctx, { type: 'case', id: caseId }, () => exportCaseUnguarded(ctx, caseId));
}

async function exportCaseUnguarded(ctx: ServiceContext, caseId: string): Promise<CaseBundle> {
  const db = ctx.db;
  if (isSystemActor(ctx.actor)) {
    if (!(await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('case');
  } else {
    await requireCaseAccess(db, ctx.actor, caseId);
  }
  const c = await db.selectFrom('cases').innerJoin('branches', 'branches.id', 'cases.branch_id').selectAll('cases').select(['branches.code', 'branches.district', 'branches.province']).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
  const [offences, team, history, events, roles, accused, operations, arrests, rescues, evidence, charges, hearings, verdicts, caseVictims] = await Promise.all([
    db.selectFrom('case_offences').select('offence_code').where('case_id', '=', caseId).orderBy('offence_code').execute(),
    db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select(['users.username', 'case_team.team_role', 'case_team.added_at']).where('case_id', '=', caseId).orderBy('users.username').execute(),
    db.selectFrom('case_status_history').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('occurred_at').orderBy('id').execute(),
    db.selectFrom('case_persons').selectAll().where('case_id', '=', caseId).orderBy('added_at').orderBy('person_id').orderBy('role').execute(),
    db.selectFrom('accused_status_history').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute(),
    db.selectFrom('operations').selectAll().where('case_id', '=', caseId).orderBy('planned_for').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('arrests').selectAll().where('case_id', '=', caseId).orderBy('arrested_at').orderBy('id').execute(),
    db.selectFrom('rescues').innerJoin('operations', 'operations.id', 'rescues.operation_id').select(['rescues.operation_id', 'rescues.victim_id', 'rescues.rescued_at']).where('operations.case_id', '=', caseId).orderBy('rescues.rescued_at').orderBy('rescues.id').execute(),
    db.selectFrom('evidence_items').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('charges').selectAll().where('case_id', '=', caseId).orderBy('framed_at').orderBy('id').execute(),
    db.selectFrom('hearings').selectAll().where('case_id', '=', caseId).orderBy('scheduled_for').orderBy('id').execute(),
    db.selectFrom('verdicts').selectAll().where('case_id', '=', caseId).orderBy('decided_at').orderBy('id').execute(),
    db.selectFrom('case_victims').selectAll().where('case_id', '=', caseId).orderBy('added_at').orderBy('victim_id').execute(),
  ]);
  const evidenceIds = evidence.map((e) => e.id);
  const verdictIds = verdicts.map((v) => v.id);
  const personIds = [...new Set([...roles, ...accused, ...arrests, ...charges, ...verdicts].map((r) => r.person_id))];
  const victimAdded = new Map<string, Date>(caseVictims.map((v) => [v.victim_id, v.added_at]));
  for (const r of rescues) if (!victimAdded.has(r.victim_id)) victimAdded.set(r.victim_id, r.rescued_at);
  const victimIds = [...victimAdded.keys()];
  const warrants = await db.selectFrom('warrants').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  const [custody, appeals, persons, names, identifiers, victims] = await Promise.all([
    evidenceIds.length ? db.selectFrom('custody_transfers').selectAll().where('evidence_id', 'in', evidenceIds).orderBy('at').orderBy('id').execute() : [],
    verdictIds.length ? db.selectFrom('appeals').selectAll().where('verdict_id', 'in', verdictIds).orderBy('filed_at').orderBy('id').execute() : [],
    personIds.length ? db.selectFrom('persons').selectAll().where('id', 'in', personIds).orderBy('created_at').orderBy('id').execute() : [],
    personIds.length ? db.selectFrom('person_names').select(['person_id', 'name', 'script', 'kind']).where('person_id', 'in', personIds).orderBy('id').execute() : [],
    readIdentifiersOf(db, personIds),
    // Non-identifying fields only: the identity lives in victim_identities and is never read here.
    victimIds.length ? db.selectFrom('victims').select(['id', 'pseudonym', 'gender', 'age_at_identification', 'state', 'identified_at', 'recovered_at', 'placed_at', 'closed_at']).where('id', 'in', victimIds).orderBy('pseudonym').execute() : [],
  ]);
  const u = await usernames(db, [
    c.created_by,
    ...history.map((h) => h.actor_id), ...events.map((e) => e.actor_id), ...accused.map((a) => a.actor_id),
    ...persons.map((p) => p.created_by),
    ...operations.flatMap((o) => [o.approved_by, o.created_by, o.cancelled_by]),
    ...arrests.map((a) => a.created_by),
    ...evidence.flatMap((e) => [e.custodian_id, e.created_by]),
    ...custody.flatMap((t) => [t.from_user_id, t.to_user_id, t.recorded_by]),
    ...charges.map((x) => x.created_by), ...hearings.map((x) => x.created_by), ...verdicts.map((x) => x.created_by), ...appeals.map((x) => x.created_by),
    ...warrants.map((w) => w.created_by),
  ]);

  const body: Omit<CaseBundle, 'digest'> = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy: ctx.actor.username,
    source: { caseId: c.id, branchCode: c.code, district: c.district, province: c.province },
    notIncluded: [...NOT_INCLUDED],
    case: {
      id: c.id, title: c.title, summary: c.summary, status: c.status as CaseBundle['case']['status'], firNumber: c.fir_number, firYear: c.fir_year,
      firRegisteredAt: isoOrNull(c.fir_registered_at), challanSubmittedAt: isoOrNull(c.challan_submitted_at), reportedAt: iso(c.reported_at),
      createdAt: iso(c.created_at), updatedAt: iso(c.updated_at), createdBy: u(c.created_by),
    },
    offences: offences.map((o) => o.offence_code),
    team: team.map((t) => ({ username: t.username, teamRole: t.team_role, addedAt: iso(t.added_at) })),
    statusHistory: history.map((h) => ({ from: h.from_status as CaseBundle['statusHistory'][number]['from'], to: h.to_status as CaseBundle['statusHistory'][number]['to'], reason: h.reason, code: h.code, params: h.params, actor: u(h.actor_id), at: iso(h.at) })),
    timeline: events.map((e) => ({ kind: e.kind, body: e.body, code: e.code, params: e.params, occurredAt: iso(e.occurred_at), actor: u(e.actor_id), createdAt: iso(e.created_at) })),
    persons: persons.map((p) => ({
      id: p.id, displayName: p.display_name, gender: p.gender, dateOfBirth: p.date_of_birth, estimatedAge: p.estimated_age, nationality: p.nationality,
      ...openPersonNumbers(ctx.crypto, p), notes: p.notes, createdAt: iso(p.created_at), updatedAt: iso(p.updated_at), createdBy: u(p.created_by),
      names: names.filter((n) => n.person_id === p.id).map((n) => ({ name: n.name, script: n.script, kind: n.kind })),
      identifiers: identifiers.filter((i) => i.person_id === p.id).map((i) => ({ kind: bundleIdentifierKind(i.kind), value: i.value, platform: i.platform })),
    })),
    personRoles: roles.map((r) => ({ personId: r.person_id, role: r.role, accusedStatus: r.accused_status, foreignWarrantRequested: r.foreign_warrant_requested, addedAt: iso(r.added_at) })),
    accusedHistory: accused.map((a) => ({ personId: a.person_id, from: a.from_status as CaseBundle['accusedHistory'][number]['from'], to: a.to_status as CaseBundle['accusedHistory'][number]['to'], reason: a.reason, actor: u(a.actor_id), at: iso(a.at) })),
    victims: victims.map((v) => ({
      id: v.id, pseudonym: v.pseudonym, gender: v.gender, ageAtIdentification: v.age_at_identification, state: v.state,
      identifiedAt: iso(v.identified_at), recoveredAt: isoOrNull(v.recovered_at), placedAt: isoOrNull(v.placed_at), closedAt: isoOrNull(v.closed_at), addedAt: iso(victimAdded.get(v.id)!),
    })),
    operations: operations.map((o) => ({
      id: o.id, name: o.name, status: o.status, plannedFor: iso(o.planned_for), place: o.place, agencies: o.agencies, approvedBy: u(o.approved_by), approvedAt: isoOrNull(o.approved_at),
      executedAt: isoOrNull(o.executed_at), durationMinutes: o.duration_minutes, notes: o.notes, createdBy: u(o.created_by), createdAt: iso(o.created_at),
      cancelledAt: isoOrNull(o.cancelled_at), cancelledBy: u(o.cancelled_by), cancelReason: o.cancel_reason,
    })),
    arrests: arrests.map((a) => ({ personId: a.person_id, operationId: a.operation_id, arrestedAt: iso(a.arrested_at), place: a.place, createdBy: u(a.created_by) })),
    rescues: rescues.map((r) => ({ operationId: r.operation_id, victimId: r.victim_id, rescuedAt: iso(r.rescued_at) })),
    evidence: evidence.map((e) => ({
      id: e.id, label: e.label, kind: e.kind, description: e.description, operationId: e.operation_id, seizedAt: isoOrNull(e.seized_at), custodian: u(e.custodian_id),
      createdBy: u(e.created_by), createdAt: iso(e.created_at),
      custody: custody.filter((t) => t.evidence_id === e.id).map((t) => ({ from: u(t.from_user_id), to: u(t.to_user_id) ?? '', reason: t.reason, code: t.code, params: t.params, at: iso(t.at), recordedBy: u(t.recorded_by) })),
    })),
    charges: charges.map((x) => ({ personId: x.person_id, offenceCode: x.offence_code, court: x.court, framedAt: iso(x.framed_at), createdBy: u(x.created_by) })),
    hearings: hearings.map((h) => ({ court: h.court, scheduledFor: iso(h.scheduled_for), purpose: h.purpose, outcome: h.outcome, createdBy: u(h.created_by) })),
    verdicts: verdicts.map((v) => ({
      id: v.id, personId: v.person_id, outcome: v.outcome, court: v.court, decidedAt: iso(v.decided_at), sentenceMonths: v.sentence_months, fineRupees: v.fine_rupees, createdBy: u(v.created_by),
      appeals: appeals.filter((a) => a.verdict_id === v.id).map((a) => ({ court: a.court, filedAt: iso(a.filed_at), filedBy: a.filed_by, status: a.status, decidedAt: isoOrNull(a.decided_at), createdBy: u(a.created_by) })),
    })),
  };
  // Documents with their bytes and SHA-256, under the signature; the field only when there are any, so a case
  // without documents still makes a bundle older installations read.
  const documents = await exportCaseDocuments(ctx, caseId, operations.map((o) => o.id), hearings.map((h) => h.id));
  if (documents.length) body.documents = documents;
  if (warrants.length) {
    body.warrants = warrants.map((w) => ({
      personId: w.person_id, kind: w.kind, status: w.status, issuedOn: w.issued_on, country: w.country, reference: w.reference, notes: w.notes,
      createdBy: u(w.created_by), createdAt: iso(w.created_at), updatedAt: iso(w.updated_at),
    }));
  }
  const signer = installationKeyOf(ctx.config);
  const bundle: CaseBundle = signBundle(signer, { ...body, digest: bundleDigest(body) });
  await auditRead(ctx, {
    action: 'case.export',
    entityType: 'case',
    entityId: caseId,
    details: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, digest: bundle.digest, signerKeyId: signer.keyId, persons: bundle.persons.length, victims: bundle.victims.length, evidence: bundle.evidence.length, documents: documents.length },
  });
  return bundle;
}

/** Parses and checks a bundle (schema, cross-references, digest); errors name the field. */
export function parseBundle(raw: unknown): CaseBundle {
  if (!raw || typeof raw !== 'object') throw invalid('bundle', 'not a JSON object');
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT) throw invalid('format', `not an Amaan case bundle (format must be "${BUNDLE_FORMAT}")`);
  if (head.version === 1) throw invalid('version', `version 1 bundles are not signed and are no longer imported: export the case again from an installation that signs its bundles (version ${BUNDLE_VERSION})`);
  if (head.version !== BUNDLE_VERSION) throw invalid('version', `bundle version ${String(head.version)} is not supported; this installation reads version ${BUNDLE_VERSION}`);
  const parsed = caseBundle.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.join('.') || 'bundle', message: i.message }));
    throw new AppError('validation_failed', `the bundle is not valid: ${errors.slice(0, 5).map((e) => `${e.field}: ${e.message}`).join('; ')}${errors.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : ''}`, errors);
  }
  const bundle = parsed.data;
  if (bundleDigest(bundle) !== bundle.digest) throw invalid('digest', 'does not match the content: the bundle was altered after export');
  return bundle;
}

/** Signature (signer known and trusted, content unaltered) first, then schema, cross-references and digest. */
export async function checkBundle(ctx: ServiceContext, raw: unknown): Promise<{ bundle: CaseBundle; signer: Signer }> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('bundle', 'not a JSON object');
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT) throw invalid('format', `not an Amaan case bundle (format must be "${BUNDLE_FORMAT}")`);
  if (head.version === 1) parseBundle(raw); // the clear "version 1 is unsigned" refusal
  const signer = await verifyBundleSignature(ctx.db, ctx.config, raw as Record<string, unknown>);
  return { bundle: parseBundle(raw), signer };
}

/**
 * Imports a signed bundle into a branch in ONE transaction: new ids for the case and everything on it; users
 * matched by username. Need-to-know holds across the import: a person is linked only when the importer may
 * already see a person with the same CNIC/passport (keyed blind index), a victim only when the importer may
 * already see that victim record; anything else is created anew, and where it may be a record already here
 * an import match suggestion is stored for someone who may see both (import-suggestions.service.ts) —
 * never a word of it in the importer's answer. A bundle never changes an existing victim (identity,
 * assignments, state) and cannot name officers: its case team is reported, not applied.
 * Any problem (bad signature, unknown user or offence, FIR number taken) stores nothing.
 */
export async function importBundle(ctx: ServiceContext, branchId: number, raw: unknown, onProgress?: (step: string) => void): Promise<ImportResult> {
  const { actor } = ctx;
  if (!isSystemActor(actor) && actor.role !== 'administrator' && actor.role !== 'supervisor') throw forbidden('only a supervisor or an administrator imports cases');
  if (!isSystemActor(actor) && actor.role === 'supervisor' && actor.branchId !== branchId) {
    throw new AppError('forbidden', 'you can import cases only into your own branch', [{ field: 'branchId', message: 'not your branch' }]);
  }
  const { bundle: b, signer } = await checkBundle(ctx, raw);
  const step = (s: string) => onProgress?.(s);
  // Bundled documents are checked (SHA-256, kind, hash sets) and stored first; removed again if the import fails.
  const staged = await stageBundleDocuments(ctx, b);
  let result: ImportResult;
  try {
    result = await importChecked(ctx, branchId, b, signer, step, staged);
  } catch (err) {
    await discardStaged(ctx, staged);
    throw err;
  }
  // Never merged silently: the imported persons are scored against everyone here once committed, and likely
  // duplicates become suggestions for an analyst (besides the same-CNIC import match suggestions).
  const imported = await ctx.db.selectFrom('case_persons').select('person_id').distinct().where('case_id', '=', result.caseId).execute();
  await suggestQuietly(ctx, imported.map((r) => r.person_id), 'import');
  return result;
}

async function importChecked(ctx: ServiceContext, branchId: number, b: CaseBundle, signer: Signer, step: (s: string) => void, staged: StagedDocuments): Promise<ImportResult> {
  const { actor } = ctx;
  return guardDecrypt(ctx, { type: 'case', id: null }, () => inTransaction(ctx, async (tx, audit) => {
    step('checking');
    const branch = await tx.selectFrom('branches').select(['id', 'district']).where('id', '=', branchId).executeTakeFirst();
    if (!branch) throw invalid('branchId', 'unknown branch');
    if (b.case.firNumber !== null && b.case.firYear !== null) {
      // Serialised with FIR registrations of the same branch and year (case.service.ts transitionCase).
      await advisoryXactLock(tx, LOCK_CLASS.firNumber, `${branchId}:${b.case.firYear}`);
      const clash = await tx.selectFrom('cases').select('id').where('branch_id', '=', branchId).where('fir_year', '=', b.case.firYear).where('fir_number', '=', b.case.firNumber).executeTakeFirst();
      if (clash) throw conflict(`FIR ${b.case.firNumber}/${b.case.firYear} already exists in ${branch.district}: nothing was imported`, 'case.firNumber');
    }
    const userOf = await resolveUsers(tx, b);
    await assertOffences(tx, [...b.offences, ...b.charges.map((c) => c.offenceCode)]);
    const by = userIdOf(actor);

    step('case');
    const c = b.case;
    const { id: caseId } = await tx.insertInto('cases').values({
      branch_id: branchId, title: c.title, summary: c.summary, status: c.status, fir_number: c.firNumber, fir_year: c.firYear,
      fir_registered_at: c.firRegisteredAt, challan_submitted_at: c.challanSubmittedAt, reported_at: c.reportedAt, created_by: userOf(c.createdBy),
      created_at: c.createdAt, updated_at: c.updatedAt,
    }).returning('id').executeTakeFirstOrThrow();
    if (b.offences.length) await tx.insertInto('case_offences').values(b.offences.map((code) => ({ case_id: caseId, offence_code: code }))).execute();
    // The bundle's team is NOT applied: who works a case here is this branch's decision (case team page).
    const teamNotApplied = b.team.map((m) => ({ username: m.username, teamRole: m.teamRole }));
    for (const h of b.statusHistory) {
      const coded = importedText(h.code, h.params);
      await tx.insertInto('case_status_history').values({ case_id: caseId, from_status: h.from, to_status: h.to, reason: h.reason, code: coded.code, params: coded.params && JSON.stringify(coded.params), actor_id: userOf(h.actor), at: h.at }).execute();
    }
    step('timeline');
    for (const chunk of chunks(b.timeline, 500)) {
      await recordCaseEvents(tx, chunk.map((e) => ({
        caseId, kind: e.kind, text: { imported: { body: e.body, ...importedText(e.code, e.params) } }, occurredAt: new Date(e.occurredAt), actorId: userOf(e.actor), createdAt: new Date(e.createdAt),
      })));
    }

    step('persons');
    const personMap = new Map<string, string>();
    const suggestions: Array<{ record_type: 'person' | 'victim'; new_id: string; existing_id: string; reason: 'same_cnic' | 'same_passport' | 'same_victim_record' }> = [];
    let personsMatchedByCnic = 0;
    for (const p of b.persons) {
      // Same CNIC / passport by blind index (under every loaded key). Only a person the importer may already
      // see is linked; the others are never read, only named in a suggestion for someone who sees both.
      const matches = p.cnic || p.passport
        ? await tx.selectFrom('persons').select('persons.id')
          .select((eb) => sql<boolean>`${personVisibleTo(actor)(eb)}`.as('visible'))
          .select(p.cnic ? sql<boolean>`persons.cnic_bidx IN (${sql.join(cnicIndexes(ctx.crypto, p.cnic))})`.as('same_cnic') : sql<boolean>`false`.as('same_cnic'))
          .where((eb) => eb.or([
            ...(p.cnic ? [eb('persons.cnic_bidx', 'in', cnicIndexes(ctx.crypto, p.cnic))] : []),
            ...(p.passport ? [eb('persons.passport_bidx', 'in', passportIndexes(ctx.crypto, p.passport))] : []),
          ]))
          .orderBy('persons.created_at').orderBy('persons.id').execute()
        : [];
      const existing = isSystemActor(actor) ? undefined : matches.find((m) => Boolean(m.visible));
      if (existing) {
        personsMatchedByCnic++;
        personMap.set(p.id, existing.id);
        // Add what the bundle knows and this record lacks; change nothing that is there.
        const haveNames = await tx.selectFrom('person_names').select(['name', 'kind']).where('person_id', '=', existing.id).execute();
        const names = p.names.filter((n) => n.kind !== 'primary' && !haveNames.some((h) => h.name === n.name));
        if (names.length) await tx.insertInto('person_names').values(names.map((n) => ({ person_id: existing.id, name: n.name, script: n.script, kind: n.kind, name_key: nameKey(n.name) }))).execute();
        // Identifiers are entities: the same value is the same entity; the bundle's link is added beside any other.
        await addPersonIdentifiers(tx, ctx, existing.id, p.identifiers, { field: (i) => `persons.${p.id}.identifiers.${i}`, unverified: true, sourceType: 'bundle', sourceId: caseId });
        continue;
      }
      const id = randomUUID();
      await tx.insertInto('persons').values({
        id, display_name: p.displayName, gender: p.gender, date_of_birth: p.dateOfBirth, estimated_age: p.estimatedAge, nationality: p.nationality,
        ...sealPersonNumbers(ctx.crypto, id, { cnic: p.cnic, passport: p.passport }),
        notes: p.notes, created_by: userOf(p.createdBy), created_at: p.createdAt, updated_at: p.updatedAt,
      }).execute();
      personMap.set(p.id, id);
      for (const m of matches) suggestions.push({ record_type: 'person', new_id: id, existing_id: m.id, reason: m.same_cnic ? 'same_cnic' : 'same_passport' });
      if (p.names.length) await tx.insertInto('person_names').values(p.names.map((n) => ({ person_id: id, name: n.name, script: n.script, kind: n.kind, name_key: nameKey(n.name) }))).execute();
      // Identifiers as entities linked to the new person (source 'bundle'): a value already known here is the
      // same entity, which links the two records in the graph without merging the persons.
      await addPersonIdentifiers(tx, ctx, id, p.identifiers, { field: (i) => `persons.${p.id}.identifiers.${i}`, unverified: true, sourceType: 'bundle', sourceId: caseId });
    }
    const person = (id: string) => personMap.get(id)!;
    for (const r of b.personRoles) {
      await tx.insertInto('case_persons').values({ case_id: caseId, person_id: person(r.personId), role: r.role, accused_status: r.accusedStatus, foreign_warrant_requested: r.foreignWarrantRequested, added_at: r.addedAt }).execute();
    }
    // Warrants one by one when the bundle carries them; a "foreign warrant requested" mark with no foreign
    // warrant beside it (a bundle from before warrants) still becomes one.
    for (const w of b.warrants ?? []) {
      await tx.insertInto('warrants').values({
        case_id: caseId, person_id: person(w.personId), kind: w.kind, status: w.status, issued_on: w.issuedOn, country: w.country, reference: w.reference,
        notes: w.notes, created_by: userOf(w.createdBy), created_at: w.createdAt, updated_at: w.updatedAt,
      }).execute();
    }
    await carryOverWarrantFlags(tx, [caseId]);
    for (const h of b.accusedHistory) {
      await tx.insertInto('accused_status_history').values({ case_id: caseId, person_id: person(h.personId), from_status: h.from, to_status: h.to, reason: h.reason, actor_id: userOf(h.actor), at: h.at }).execute();
    }

    step('victims');
    const victimMap = new Map<string, string>();
    let victimsLinked = 0;
    const pseudonymsChanged: Array<{ from: string; to: string }> = [];
    // A new victim record always gets a new id (keeping the bundle's id only when unknown here would tell the
    // importer whether a hidden record with that id exists).
    const insertVictim = async (v: CaseBundle['victims'][number], id: string, pseudonym: string) => {
      await tx.insertInto('victims').values({
        id, pseudonym, gender: v.gender, age_at_identification: v.ageAtIdentification, state: v.state, identified_at: v.identifiedAt,
        recovered_at: v.recoveredAt, placed_at: v.placedAt, closed_at: v.closedAt, created_by: by,
      }).execute();
      await tx.insertInto('victim_state_history').values({ victim_id: id, from_state: null, to_state: v.state, ...historyReason('importedWithBundle', { digest: b.digest.slice(0, 12) }), actor_id: by, at: new Date() }).execute();
      victimMap.set(v.id, id);
    };
    // Two passes: victims keeping their pseudonym first, so a renumbered one never takes a code the bundle uses.
    const renumber: Array<{ v: CaseBundle['victims'][number]; id: string }> = [];
    for (const [i, v] of b.victims.entries()) {
      const same = await tx.selectFrom('victims').select(['id', 'pseudonym'])
        .select((eb) => (isSystemActor(actor) ? sql<boolean>`false` : sql<boolean>`${victimVisibleTo(actor)(eb)}`).as('visible'))
        .where('id', '=', v.id).executeTakeFirst();
      if (same && same.visible) {
        if (same.pseudonym !== v.pseudonym) throw invalid(`victims.${i}.pseudonym`, 'this victim record is known here under another pseudonym');
        // Linked to the new case only: its identity, assignments and state are not touched.
        victimsLinked++;
        victimMap.set(v.id, same.id);
        continue;
      }
      const id = randomUUID();
      if (same) suggestions.push({ record_type: 'victim', new_id: id, existing_id: same.id, reason: 'same_victim_record' });
      const taken = await tx.selectFrom('victims').select('id').where('pseudonym', '=', v.pseudonym).executeTakeFirst();
      if (taken) renumber.push({ v, id });
      else await insertVictim(v, id, v.pseudonym);
    }
    for (const { v, id } of renumber) {
      const pseudonym = await nextPseudonym(tx, new Date(v.identifiedAt));
      pseudonymsChanged.push({ from: v.pseudonym, to: pseudonym });
      await insertVictim(v, id, pseudonym);
    }
    for (const v of b.victims) await tx.insertInto('case_victims').values({ case_id: caseId, victim_id: victimMap.get(v.id)!, added_at: v.addedAt }).execute();

    step('operations');
    const operationMap = new Map<string, string>();
    for (const o of b.operations) {
      const { id } = await tx.insertInto('operations').values({
        case_id: caseId, name: o.name, status: o.status, planned_for: o.plannedFor, place: o.place, agencies: o.agencies, approved_by: userOf(o.approvedBy),
        approved_at: o.approvedAt, executed_at: o.executedAt, duration_minutes: o.durationMinutes, notes: o.notes, created_by: userOf(o.createdBy), created_at: o.createdAt,
        cancelled_at: o.cancelledAt, cancelled_by: userOf(o.cancelledBy), cancel_reason: o.cancelReason,
      }).returning('id').executeTakeFirstOrThrow();
      operationMap.set(o.id, id);
    }
    const operation = (id: string | null) => (id === null ? null : operationMap.get(id)!);
    for (const a of b.arrests) {
      await tx.insertInto('arrests').values({ case_id: caseId, person_id: person(a.personId), operation_id: operation(a.operationId), arrested_at: a.arrestedAt, place: a.place, created_by: userOf(a.createdBy) }).execute();
    }
    for (const r of b.rescues) {
      await tx.insertInto('rescues').values({ operation_id: operation(r.operationId)!, victim_id: victimMap.get(r.victimId)!, rescued_at: r.rescuedAt }).execute();
    }

    step('evidence');
    for (const e of b.evidence) {
      const { id } = await tx.insertInto('evidence_items').values({
        case_id: caseId, label: e.label, kind: e.kind, description: e.description, operation_id: operation(e.operationId), seized_at: e.seizedAt,
        custodian_id: userOf(e.custodian), created_by: userOf(e.createdBy), created_at: e.createdAt,
      }).returning('id').executeTakeFirstOrThrow();
      for (const t of e.custody) {
        const coded = importedText(t.code, t.params);
        await tx.insertInto('custody_transfers').values({ evidence_id: id, from_user_id: userOf(t.from), to_user_id: userOf(t.to)!, reason: t.reason, code: coded.code, params: coded.params && JSON.stringify(coded.params), at: t.at, recorded_by: userOf(t.recordedBy) }).execute();
      }
    }

    step('prosecution');
    for (const x of b.charges) {
      await tx.insertInto('charges').values({ case_id: caseId, person_id: person(x.personId), offence_code: x.offenceCode, court: x.court, framed_at: x.framedAt, created_by: userOf(x.createdBy) }).execute();
    }
    const hearingIds: string[] = [];
    for (const h of b.hearings) {
      const { id } = await tx.insertInto('hearings').values({ case_id: caseId, court: h.court, scheduled_for: h.scheduledFor, purpose: h.purpose, outcome: h.outcome, created_by: userOf(h.createdBy) })
        .returning('id').executeTakeFirstOrThrow();
      hearingIds.push(id);
    }
    for (const v of b.verdicts) {
      const { id } = await tx.insertInto('verdicts').values({
        case_id: caseId, person_id: person(v.personId), outcome: v.outcome, court: v.court, decided_at: v.decidedAt, sentence_months: v.sentenceMonths, fine_rupees: v.fineRupees, created_by: userOf(v.createdBy),
      }).returning('id').executeTakeFirstOrThrow();
      for (const a of v.appeals) {
        await tx.insertInto('appeals').values({ verdict_id: id, court: a.court, filed_at: a.filedAt, filed_by: a.filedBy, status: a.status, decided_at: a.decidedAt, created_by: userOf(a.createdBy) }).execute();
      }
    }

    step('documents');
    const documents = await insertBundleDocuments(tx, b, staged, { caseId, operation: (id) => operationMap.get(id)!, hearingIds, userOf });

    const counts = {
      offences: b.offences.length, team: b.team.length, statusHistory: b.statusHistory.length, timeline: b.timeline.length, persons: b.persons.length,
      personRoles: b.personRoles.length, accusedHistory: b.accusedHistory.length, victims: b.victims.length, operations: b.operations.length, arrests: b.arrests.length,
      rescues: b.rescues.length, evidence: b.evidence.length, custody: b.evidence.reduce((n, e) => n + e.custody.length, 0), charges: b.charges.length,
      hearings: b.hearings.length, verdicts: b.verdicts.length, appeals: b.verdicts.reduce((n, v) => n + v.appeals.length, 0),
      documents,
    };
    if (suggestions.length) {
      await insertInChunks(suggestions.map((x) => ({ ...x, bundle_digest: b.digest, signer_key_id: signer.keyId, imported_case_id: caseId, created_by: by })), (chunk) => tx.insertInto('import_match_suggestions').values(chunk).execute());
    }
    await audit({
      action: 'case.import',
      entityType: 'case',
      entityId: caseId,
      details: { branchId, sourceCaseId: b.source.caseId, sourceBranch: b.source.branchCode, digest: b.digest, signer, exportedAt: b.exportedAt, exportedBy: b.exportedBy, counts, personsMatchedByCnic, victimsLinked, pseudonymsChanged, teamNotApplied: teamNotApplied.length },
    });
    step('done');
    return { caseId, branchId, firLabel: c.firNumber === null ? null : `FIR ${c.firNumber}/${c.firYear}`, counts, personsMatchedByCnic, victimsLinked, pseudonymsChanged, signer, teamNotApplied };
  }));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every username the bundle names must exist here; all missing ones are reported together. */
async function resolveUsers(tx: Tx, b: CaseBundle): Promise<(name: string | null) => string | null> {
  const names = new Set<string>();
  const add = (n: string | null) => {
    if (n) names.add(n.toLowerCase());
  };
  add(b.case.createdBy);
  b.statusHistory.forEach((h) => add(h.actor));
  b.timeline.forEach((e) => add(e.actor));
  b.persons.forEach((p) => add(p.createdBy));
  b.accusedHistory.forEach((h) => add(h.actor));
  b.operations.forEach((o) => [o.approvedBy, o.createdBy, o.cancelledBy].forEach(add));
  b.arrests.forEach((a) => add(a.createdBy));
  b.evidence.forEach((e) => [e.custodian, e.createdBy, ...e.custody.flatMap((t) => [t.from, t.to, t.recordedBy])].forEach(add));
  [...b.charges, ...b.hearings, ...b.verdicts, ...b.verdicts.flatMap((v) => v.appeals)].forEach((x) => add(x.createdBy));
  const wanted = [...names];
  const rows = wanted.length ? await tx.selectFrom('users').select(['id', 'username']).where(sql`lower(username)`, 'in', wanted).execute() : [];
  const map = new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
  const missing = wanted.filter((n) => !map.has(n)).sort();
  if (missing.length) throw invalid('usernames', `the bundle names users who do not exist here: ${missing.join(', ')}; create them (they may be disabled) and import again`);
  return (name) => (name ? map.get(name.toLowerCase())! : null);
}

async function assertOffences(tx: Tx, codes: string[]) {
  const unique = [...new Set(codes)];
  if (!unique.length) return;
  const found = await tx.selectFrom('offences').select('code').where('code', 'in', unique).execute();
  const known = new Set(found.map((f) => f.code));
  const missing = unique.filter((c) => !known.has(c)).sort();
  if (missing.length) throw invalid('offences', `unknown offence code(s) in this installation: ${missing.join(', ')}`);
}
