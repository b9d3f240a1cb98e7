import { sql } from 'kysely';
import { userIdOf, type Actor } from '../../platform/access/actor.ts';
import { caseVisibleTo, requireCaseAccess } from '../../platform/access/case-scope.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { EntityKind, LinkKind, LinkSourceType, NodeType, ParticipantRole } from '../../platform/db/schema.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { checkDeconfliction } from '../deconfliction/deconfliction.service.ts';
import { personVisibleTo } from '../persons/person.scope.ts';
import { victimVisibleTo } from '../victims/victim.scope.ts';
import { entityKey, entityValues, tidy } from './entity.keys.ts';
import { communicationVisibleTo, entityVisibleTo, linkVisibleTo, nodeVisible, paymentVisibleTo } from './entity.scope.ts';
import type {
  CaseEntities, EntityInput, EntitySummary, LinkView, NodeInput, RecordCommunicationInput, RecordLinkInput, RecordPaymentInput, SearchEntitiesQuery,
} from './entity.schema.ts';

// Entities (identifiers and things that are not persons or cases), links between any two nodes with their
// provenance, payments and communications. The same value typed anywhere is one entity row: every writer
// goes through upsertEntity, which inserts under the (kind, key) unique constraint or finds the row there.
// Other modules record identifiers with recordEntityLink in their own transaction.

export interface Node {
  type: NodeType;
  id: string;
}
export const nodeString = (n: Node) => `${n.type}:${n.id}`;

export function parseNode(value: string): Node | null {
  const i = value.indexOf(':');
  if (i < 1) return null;
  return { type: value.slice(0, i) as NodeType, id: value.slice(i + 1) };
}

// ---------------------------------------------------------------------------------------------------------
// Writing.

/**
 * The entity of a value, recorded unless it exists (one row per kind and key, safe under concurrency).
 * `field` names the input in the 400 when the value does not normalise. With `unverified`, a value that does not
 * normalise is still kept, keyed by its trimmed text and marked `{ unverified: true }` (migration, bundles).
 */
export async function upsertEntity(
  tx: Tx,
  actorId: string | null,
  input: { kind: EntityKind; value: string; platform?: string | null },
  opts: { field?: string; unverified?: boolean } = {},
): Promise<{ id: string; created: boolean; kind: EntityKind }> {
  const v = entityValues(input.kind, input.value, input.platform ?? null, { unverified: opts.unverified });
  if ('ok' in v) throw invalid(opts.field ?? 'value', v.reason);
  const { kind, key, display, platform, attributes } = v;
  const inserted = await tx.insertInto('entities')
    .values({ kind, key, display, platform, attributes: JSON.stringify(attributes), created_by: actorId })
    .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true, kind };
  const row = await tx.selectFrom('entities').select('id').where('kind', '=', kind).where('key', '=', key).executeTakeFirstOrThrow();
  return { id: row.id, created: false, kind };
}

export interface NewLink {
  kind: LinkKind;
  from: Node;
  to: Node;
  caseId: string | null;
  sourceType: LinkSourceType;
  sourceId: string | null;
  observedFrom?: Date | null;
  observedTo?: Date | null;
  confidence?: number;
  notes?: string;
}

/**
 * Records one link (the same fact from the same source is one row) and tells de-confliction about the entities
 * it touches. Call inside the caller's transaction; the caller checks the nodes and audits its own action.
 */
export async function recordEntityLink(tx: Tx, ctx: ServiceContext, link: NewLink): Promise<{ id: string; created: boolean }> {
  const inserted = await tx.insertInto('links')
    .values({
      kind: link.kind, from_type: link.from.type, from_id: link.from.id, to_type: link.to.type, to_id: link.to.id,
      case_id: link.caseId, source_type: link.sourceType, source_id: link.sourceId,
      observed_from: link.observedFrom ?? null, observed_to: link.observedTo ?? null,
      confidence: link.confidence ?? 1, notes: link.notes ?? '', recorded_by: userIdOf(ctx.actor),
      // The moment of the statement, not of the transaction: links recorded together keep their order.
      recorded_at: sql<Date>`clock_timestamp()`,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await tx.selectFrom('links').select('id')
      .where('kind', '=', link.kind).where('from_type', '=', link.from.type).where('from_id', '=', link.from.id)
      .where('to_type', '=', link.to.type).where('to_id', '=', link.to.id)
      .where(sql<string>`coalesce(case_id::text, '')`, '=', link.caseId ?? '')
      .where(sql<string>`coalesce(source_type, '')`, '=', link.sourceType)
      .where(sql<string>`coalesce(source_id, '')`, '=', link.sourceId ?? '')
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  const entityIds = [link.from, link.to].filter((n) => n.type === 'entity').map((n) => n.id);
  if (entityIds.length) await afterEntityLinked(tx, ctx, { entityIds, caseId: link.caseId });
  return { id: inserted.id, created: true };
}

/** Hook after an identifier is linked: de-confliction (another case holding the same identifier). */
export async function afterEntityLinked(tx: Tx, ctx: ServiceContext, input: { entityIds: string[]; caseId: string | null }): Promise<void> {
  await checkDeconfliction(tx, ctx, input);
}

/** A node of the input: an existing node the caller may see (400 naming the field otherwise), or an entity by value. */
async function resolveNode(tx: Tx, ctx: ServiceContext, input: NodeInput, field: string, opts: { entityOnly?: boolean } = {}): Promise<Node & { created?: boolean }> {
  if (input.node !== undefined) {
    const node = parseNode(input.node)!;
    if (opts.entityOnly && node.type !== 'entity') throw invalid(`${field}.node`, 'must be an entity (entity:<id>) or an identifier given by kind and value');
    if (!(await nodeVisible(tx, ctx.actor, node.type, node.id))) throw invalid(`${field}.node`, `no such ${node.type} you may see`);
    return node;
  }
  const e = await upsertEntity(tx, userIdOf(ctx.actor), { kind: input.kind!, value: input.value!, platform: input.platform }, { field: `${field}.value` });
  return { type: 'entity', id: e.id, created: e.created };
}

async function checkEvidence(tx: Tx, caseId: string, evidenceId: string | undefined): Promise<void> {
  if (!evidenceId) return;
  const row = await tx.selectFrom('evidence_items').select('id').where('id', '=', evidenceId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw invalid('evidenceId', 'no such evidence item in this case');
}

const date = (s: string | undefined) => (s ? new Date(s) : null);

/** Records (or finds) an entity by value; it is visible to its recorder until a link shows it to others. */
export async function recordEntity(ctx: ServiceContext, input: EntityInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    const e = await upsertEntity(tx, userIdOf(ctx.actor), input, { field: 'value' });
    if (e.created) await audit({ action: 'entity.record', entityType: 'entity', entityId: e.id, details: { kind: input.kind } });
    return e.id;
  });
}

export async function recordLink(ctx: ServiceContext, caseId: string, input: RecordLinkInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    await checkEvidence(tx, caseId, input.evidenceId);
    const observedFrom = date(input.observedFrom);
    const observedTo = date(input.observedTo);
    if (observedFrom && observedTo && observedTo < observedFrom) throw invalid('observedTo', 'must not be before observedFrom');
    const from = await resolveNode(tx, ctx, input.from, 'from');
    const to = await resolveNode(tx, ctx, input.to, 'to');
    if (from.type === to.type && from.id === to.id) throw invalid('to', 'a link joins two different nodes');
    const link = await recordEntityLink(tx, ctx, {
      kind: input.kind, from, to, caseId,
      sourceType: input.evidenceId ? 'evidence' : 'case', sourceId: input.evidenceId ?? caseId,
      observedFrom, observedTo, confidence: input.confidence, notes: input.notes,
    });
    for (const n of [from, to]) if (n.created) await audit({ action: 'entity.record', entityType: 'entity', entityId: n.id, details: { caseId } });
    if (link.created) await audit({ action: 'link.record', entityType: 'link', entityId: link.id, details: { caseId, kind: input.kind, from: nodeString(from), to: nodeString(to), evidenceId: input.evidenceId ?? null } });
    return link.id;
  });
}

export async function recordPayment(ctx: ServiceContext, caseId: string, input: RecordPaymentInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    await checkEvidence(tx, caseId, input.evidenceId);
    const from = await resolveNode(tx, ctx, input.from, 'from', { entityOnly: true });
    const to = await resolveNode(tx, ctx, input.to, 'to', { entityOnly: true });
    if (from.id === to.id) throw invalid('to', 'the payer and the payee are the same identifier');
    const paidAt = new Date(input.paidAt);
    const row = await tx.insertInto('payments').values({
      case_id: caseId, from_entity_id: from.id, to_entity_id: to.id, amount: input.amount, currency: input.currency, paid_at: paidAt,
      reference: input.reference, evidence_id: input.evidenceId ?? null, recorded_by: userIdOf(ctx.actor),
    }).returning('id').executeTakeFirstOrThrow();
    // The payment is also an edge with its provenance: the payer paid the payee, established by this record.
    await recordEntityLink(tx, ctx, {
      kind: 'paid', from, to, caseId, sourceType: 'payment', sourceId: row.id, observedFrom: paidAt, observedTo: paidAt,
      notes: `${input.amount} ${input.currency}${input.reference ? ` (${input.reference})` : ''}`,
    });
    for (const n of [from, to]) if (n.created) await audit({ action: 'entity.record', entityType: 'entity', entityId: n.id, details: { caseId } });
    await audit({ action: 'payment.record', entityType: 'payment', entityId: row.id, details: { caseId, amount: input.amount, currency: input.currency, from: from.id, to: to.id } });
    return row.id;
  });
}

const participantLink: Record<ParticipantRole, LinkKind> = { host: 'hosted', viewer: 'viewed', payer: 'paid', sender: 'communicated', recipient: 'communicated', participant: 'communicated' };

export async function recordCommunication(ctx: ServiceContext, caseId: string, input: RecordCommunicationInput): Promise<string> {
  return inTransaction(ctx, async (tx, audit) => {
    await requireCaseAccess(tx, ctx.actor, caseId);
    await checkEvidence(tx, caseId, input.evidenceId);
    const startedAt = new Date(input.startedAt);
    const endedAt = date(input.endedAt);
    if (endedAt && endedAt < startedAt) throw invalid('endedAt', 'must not be before startedAt');
    const participants: Array<{ role: ParticipantRole; node: Node & { created?: boolean } }> = [];
    for (const [i, p] of input.participants.entries()) participants.push({ role: p.role, node: await resolveNode(tx, ctx, p.entity, `participants.${i}.entity`, { entityOnly: true }) });
    const row = await tx.insertInto('communications').values({
      case_id: caseId, kind: input.kind, platform: input.platform ?? null, started_at: startedAt, ended_at: endedAt, notes: input.notes,
      evidence_id: input.evidenceId ?? null, recorded_by: userIdOf(ctx.actor),
    }).returning('id').executeTakeFirstOrThrow();
    const seen = new Set<string>();
    const rows = participants.filter((p) => !seen.has(`${p.node.id}:${p.role}`) && seen.add(`${p.node.id}:${p.role}`));
    await tx.insertInto('communication_participants').values(rows.map((p) => ({ communication_id: row.id, entity_id: p.node.id, role: p.role }))).execute();
    // Each participant is also an edge to the communication node (host hosted, viewer viewed, payer paid).
    for (const p of rows) {
      await recordEntityLink(tx, ctx, {
        kind: participantLink[p.role], from: p.node, to: { type: 'communication', id: row.id }, caseId, sourceType: 'communication', sourceId: row.id,
        observedFrom: startedAt, observedTo: endedAt ?? startedAt,
      });
      if (p.node.created) await audit({ action: 'entity.record', entityType: 'entity', entityId: p.node.id, details: { caseId } });
    }
    await audit({ action: 'communication.record', entityType: 'communication', entityId: row.id, details: { caseId, kind: input.kind, participants: rows.length } });
    return row.id;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading.

type EntityRow = { id: string; kind: EntityKind; key: string; display: string; platform: string | null; attributes: Record<string, unknown>; created_at: Date };
const entityColumns = ['entities.id', 'entities.kind', 'entities.key', 'entities.display', 'entities.platform', 'entities.attributes', 'entities.created_at'] as const;

export function toEntitySummary(r: EntityRow): EntitySummary {
  return {
    id: r.id, node: `entity:${r.id}`, kind: r.kind, key: r.key, display: r.display, platform: r.platform,
    attributes: typeof r.attributes === 'string' ? JSON.parse(r.attributes) : (r.attributes ?? {}), createdAt: r.created_at.toISOString(),
  };
}

/** Labels of nodes, each only as far as the actor may see it (a victim only by pseudonym; hidden nodes unlabelled). */
async function labelNodes(db: Db | Tx, actor: Actor, nodes: Node[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byType = new Map<NodeType, string[]>();
  for (const n of nodes) byType.set(n.type, [...(byType.get(n.type) ?? []), n.id]);
  const uuids = (xs: string[] | undefined) => [...new Set((xs ?? []).filter((x) => /^[0-9a-f-]{36}$/i.test(x)))];
  const set = (type: NodeType, rows: Array<{ id: string | number; label: string }>) => { for (const r of rows) out.set(`${type}:${r.id}`, r.label); };
  const ids = {
    person: uuids(byType.get('person')), entity: uuids(byType.get('entity')), case: uuids(byType.get('case')), victim: uuids(byType.get('victim')),
    communication: uuids(byType.get('communication')), operation: uuids(byType.get('operation')), evidence: uuids(byType.get('evidence')),
  };
  if (ids.person.length) set('person', await db.selectFrom('persons').select(['persons.id as id', 'persons.display_name as label']).where('persons.id', 'in', ids.person).where(personVisibleTo(actor)).execute());
  if (ids.entity.length) set('entity', await db.selectFrom('entities').select(['id', 'display as label']).where('id', 'in', ids.entity).execute());
  if (ids.case.length) set('case', await db.selectFrom('cases').select(['cases.id as id', 'cases.title as label']).where('cases.id', 'in', ids.case).where(caseVisibleTo(actor)).execute());
  if (ids.victim.length) set('victim', await db.selectFrom('victims').select(['victims.id as id', 'victims.pseudonym as label']).where('victims.id', 'in', ids.victim).where(victimVisibleTo(actor)).execute());
  if (ids.operation.length) set('operation', await db.selectFrom('operations').innerJoin('cases', 'cases.id', 'operations.case_id').select(['operations.id as id', 'operations.name as label']).where('operations.id', 'in', ids.operation).where(caseVisibleTo(actor)).execute());
  if (ids.evidence.length) set('evidence', await db.selectFrom('evidence_items').innerJoin('cases', 'cases.id', 'evidence_items.case_id').select(['evidence_items.id as id', 'evidence_items.label as label']).where('evidence_items.id', 'in', ids.evidence).where(caseVisibleTo(actor)).execute());
  if (ids.communication.length) {
    const rows = await db.selectFrom('communications').select(['id', 'kind', 'platform', 'started_at']).where('id', 'in', ids.communication).where(communicationVisibleTo(actor)).execute();
    set('communication', rows.map((r) => ({ id: r.id, label: `${r.kind.replace('_', ' ')}${r.platform ? ` on ${r.platform}` : ''}, ${r.started_at.toISOString().slice(0, 16).replace('T', ' ')}` })));
  }
  for (const n of nodes) if (n.type === 'media' && !out.has(nodeString(n))) out.set(nodeString(n), `media #${n.id}`);
  return out;
}

type LinkRow = {
  id: string; kind: LinkKind; from_type: NodeType; from_id: string; to_type: NodeType; to_id: string; case_id: string | null; source_type: string | null; source_id: string | null;
  observed_from: Date | null; observed_to: Date | null; confidence: number; notes: string; recorded_by_name: string | null; recorded_at: Date;
};

async function linkViews(db: Db | Tx, actor: Actor, rows: LinkRow[]): Promise<LinkView[]> {
  const labels = await labelNodes(db, actor, rows.flatMap((r) => [{ type: r.from_type, id: r.from_id }, { type: r.to_type, id: r.to_id }]));
  const ref = (type: NodeType, id: string) => ({ node: `${type}:${id}`, type, id, label: labels.get(`${type}:${id}`) ?? '' });
  return rows.map((r) => ({
    id: r.id, kind: r.kind, from: ref(r.from_type, r.from_id), to: ref(r.to_type, r.to_id), caseId: r.case_id, sourceType: r.source_type, sourceId: r.source_id,
    observedFrom: r.observed_from?.toISOString() ?? null, observedTo: r.observed_to?.toISOString() ?? null, confidence: Number(r.confidence), notes: r.notes,
    recordedBy: r.recorded_by_name, recordedAt: r.recorded_at.toISOString(),
  }));
}

function linksQuery(db: Db | Tx, actor: Actor) {
  return db.selectFrom('links').leftJoin('users', 'users.id', 'links.recorded_by')
    .select(['links.id', 'links.kind', 'links.from_type', 'links.from_id', 'links.to_type', 'links.to_id', 'links.case_id', 'links.source_type', 'links.source_id',
      'links.observed_from', 'links.observed_to', 'links.confidence', 'links.notes', 'users.display_name as recorded_by_name', 'links.recorded_at'])
    .where(linkVisibleTo(actor))
    .orderBy('links.recorded_at').orderBy('links.id');
}

async function entitiesById(db: Db | Tx, ids: string[]): Promise<Map<string, EntitySummary>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('entities').select(entityColumns).where('entities.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, toEntitySummary(r)]));
}

async function paymentViews(db: Db | Tx, rows: Array<{ id: string; case_id: string; from_entity_id: string; to_entity_id: string; amount: string; currency: string; paid_at: Date; reference: string; evidence_id: string | null; recorded_at: Date }>) {
  const entities = await entitiesById(db, rows.flatMap((r) => [r.from_entity_id, r.to_entity_id]));
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, from: entities.get(r.from_entity_id)!, to: entities.get(r.to_entity_id)!, amount: String(r.amount), currency: r.currency,
    paidAt: r.paid_at.toISOString(), reference: r.reference, evidenceId: r.evidence_id, recordedAt: r.recorded_at.toISOString(),
  }));
}

async function communicationViews(db: Db | Tx, rows: Array<{ id: string; case_id: string; kind: 'live_stream' | 'call' | 'message'; platform: string | null; started_at: Date; ended_at: Date | null; notes: string; evidence_id: string | null; recorded_at: Date }>) {
  if (!rows.length) return [];
  const parts = await db.selectFrom('communication_participants').select(['communication_id', 'entity_id', 'role']).where('communication_id', 'in', rows.map((r) => r.id)).orderBy('role').execute();
  const entities = await entitiesById(db, parts.map((p) => p.entity_id));
  return rows.map((r) => ({
    id: r.id, caseId: r.case_id, kind: r.kind, platform: r.platform, startedAt: r.started_at.toISOString(), endedAt: r.ended_at?.toISOString() ?? null, notes: r.notes,
    evidenceId: r.evidence_id, recordedAt: r.recorded_at.toISOString(),
    participants: parts.filter((p) => p.communication_id === r.id).map((p) => ({ role: p.role, entity: entities.get(p.entity_id)! })),
  }));
}

const paymentColumns = ['payments.id', 'payments.case_id', 'payments.from_entity_id', 'payments.to_entity_id', 'payments.amount', 'payments.currency', 'payments.paid_at', 'payments.reference', 'payments.evidence_id', 'payments.recorded_at'] as const;
const communicationColumns = ['communications.id', 'communications.case_id', 'communications.kind', 'communications.platform', 'communications.started_at', 'communications.ended_at', 'communications.notes', 'communications.evidence_id', 'communications.recorded_at'] as const;

/** Everything the actor may see about one entity: links with provenance, the cases they may see, payments, communications. */
export async function getEntity(ctx: ServiceContext, id: string) {
  const db = ctx.db;
  const row = await db.selectFrom('entities').select(entityColumns).where('entities.id', '=', id).where(entityVisibleTo(ctx.actor)).executeTakeFirst();
  if (!row) throw notFound('entity');
  const [links, payments, comms] = await Promise.all([
    linksQuery(db, ctx.actor).where((eb) => eb.or([eb.and([eb('links.from_type', '=', 'entity'), eb('links.from_id', '=', id)]), eb.and([eb('links.to_type', '=', 'entity'), eb('links.to_id', '=', id)])])).execute(),
    db.selectFrom('payments').select(paymentColumns).where((eb) => eb.or([eb('payments.from_entity_id', '=', id), eb('payments.to_entity_id', '=', id)])).where(paymentVisibleTo(ctx.actor)).orderBy('payments.paid_at').execute(),
    db.selectFrom('communications').select(communicationColumns)
      .where((eb) => eb.exists(eb.selectFrom('communication_participants').select(sql`1`.as('one')).whereRef('communication_participants.communication_id', '=', 'communications.id').where('communication_participants.entity_id', '=', id)))
      .where(communicationVisibleTo(ctx.actor)).orderBy('communications.started_at').execute(),
  ]);
  const caseIds = [...new Set([...links.map((l) => l.case_id), ...payments.map((p) => p.case_id), ...comms.map((c) => c.case_id)].filter((x): x is string => x !== null))];
  const cases = caseIds.length ? await db.selectFrom('cases').select(['cases.id', 'cases.title']).where('cases.id', 'in', caseIds).where(caseVisibleTo(ctx.actor)).orderBy('cases.created_at').execute() : [];
  return {
    ...toEntitySummary(row),
    links: await linkViews(db, ctx.actor, links),
    cases,
    payments: await paymentViews(db, payments),
    communications: await communicationViews(db, comms),
  };
}

/** Candidate (kind, key) pairs of a typed value: normalised per kind, so "0300-1234567" finds +923001234567. */
export function searchKeys(q: string, kind?: EntityKind): Array<{ kind: EntityKind; key: string }> {
  const kinds: EntityKind[] = kind ? [kind] : ['account', 'phone', 'email', 'bank_account', 'crypto_address', 'device', 'ip_address', 'organisation', 'place', 'other'];
  const out: Array<{ kind: EntityKind; key: string }> = [];
  for (const k of kinds) {
    const r = entityKey(k, q);
    if (r.ok) out.push({ kind: k, key: r.key });
  }
  return out;
}

export async function searchEntities(ctx: ServiceContext, q: SearchEntitiesQuery) {
  let query = ctx.db.selectFrom('entities').where(entityVisibleTo(ctx.actor));
  if (q.kind) query = query.where('entities.kind', '=', q.kind);
  const text = q.q;
  if (text) {
    const keys = searchKeys(text, q.kind);
    const like = `%${escapeLike(tidy(text).toLowerCase().replace(/^@/, ''))}%`;
    // Wallets are keyed provider:E.164; accounts platform:handle: the number or handle alone finds them too.
    const phone = entityKey('phone', text);
    const suffixes = [phone.ok ? phone.key : null, tidy(text).toLowerCase().replace(/^@+/, '')].filter((s): s is string => Boolean(s));
    query = query.where((eb) => eb.or([
      ...keys.map((k) => eb.and([eb('entities.kind', '=', k.kind), eb('entities.key', '=', k.key)])),
      ...suffixes.map((s) => eb.and([eb('entities.kind', 'in', ['wallet', 'account']), eb('entities.key', 'like', `%:${escapeLike(s)}`)])),
      eb(eb.fn('lower', ['entities.display']), 'like', like),
      eb('entities.key', 'like', like),
    ]));
  }
  const [rows, total] = await Promise.all([
    query.select(entityColumns).orderBy('entities.display').orderBy('entities.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toEntitySummary), total: Number(total.n), limit: q.limit, offset: q.offset };
}

/**
 * The entities, links, payments and communications of a case: records made in the case, and the identifiers
 * (person-form links) of the persons on the case the actor may see.
 */
export async function listCaseEntities(ctx: ServiceContext, caseId: string): Promise<CaseEntities> {
  const db = ctx.db;
  await requireCaseAccess(db, ctx.actor, caseId);
  const [links, payments, comms] = await Promise.all([
    linksQuery(db, ctx.actor).where((eb) => eb.or([
      eb('links.case_id', '=', caseId),
      eb.and([
        eb('links.case_id', 'is', null),
        eb('links.from_type', '=', 'person'),
        eb.exists(eb.selectFrom('case_persons').select(sql`1`.as('one')).where('case_persons.case_id', '=', caseId).where(sql<string>`case_persons.person_id::text`, '=', sql.ref<string>('links.from_id'))),
      ]),
    ])).execute(),
    db.selectFrom('payments').select(paymentColumns).where('payments.case_id', '=', caseId).orderBy('payments.paid_at').orderBy('payments.id').execute(),
    db.selectFrom('communications').select(communicationColumns).where('communications.case_id', '=', caseId).orderBy('communications.started_at').orderBy('communications.id').execute(),
  ]);
  const paymentList = await paymentViews(db, payments);
  const commList = await communicationViews(db, comms);
  const entityIds = [
    ...links.flatMap((l) => [l.from_type === 'entity' ? l.from_id : null, l.to_type === 'entity' ? l.to_id : null]).filter((x): x is string => x !== null),
    ...payments.flatMap((p) => [p.from_entity_id, p.to_entity_id]),
    ...commList.flatMap((c) => c.participants.map((p) => p.entity.id)),
  ];
  const entities = [...(await entitiesById(db, entityIds)).values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.display.localeCompare(b.display));
  return { entities, links: await linkViews(db, ctx.actor, links), payments: paymentList, communications: commList };
}
