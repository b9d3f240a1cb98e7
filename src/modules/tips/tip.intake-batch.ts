import { sql } from 'kysely';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
import { madeBy } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { EntityKind, TipRelationReason } from '../../platform/db/schema.ts';
import { appendAuditEntries, type AuditEntryInput } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/http/errors.ts';
import { advisoryXactLock, advisoryXactLocks, advisoryXactLockShared, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { entityValues, personLinkKind } from '../entities/entity.keys.ts';
import { afterEntityLinked } from '../entities/entity.service.ts';
import type { NormalTip } from './tip.normalise.ts';
import { routeTip } from './tip.routing.ts';
import { knownPdqNear } from '../hashsets/known-index.ts';
import { scoreTip, type RuleSetting } from './tip.rules.ts';

// Intake as a group commit (issue 11, benchmark): reports that arrive together are filed together, in ONE
// transaction with a fixed number of statements whatever their number (one multi-row insert of the tips, one of
// their entities in a fixed order, one of the links, of the files, one query per kind of related-report hit, one
// update of priorities and routes) and ONE step of the audit chain holding one entry per report, each keyed to the
// one before it exactly as if appended alone (appendAuditEntries). Each report keeps everything the one-by-one
// path gave it: its tip row, identifiers as the graph's entities, links with the tip as source, URLs, files, hash
// matches, related reports (earlier ones, in the database or earlier in the same batch), priority, routing, and
// its own audit entry naming the key and address it came with, committed with it or not at all.
//
// Why: filed one by one, every report's transaction took the audit chain's lock and held it across its last round
// trips and its commit's WAL flush, so reports were written one flush at a time (about 50 reports/s on the loaded
// 2-core machine, p50 580 ms with 32 clients: see docs/benchmarks.md), and every report cost some 30 statements.
// Batched, the lock is taken once per batch and a batch of n costs about 20 statements and one flush.
//
// `runIntakeBatch` throws when any statement of the batch fails; the caller (IntakeBatcher) then files each report
// of it on its own, so one report the database refuses never takes the others down with it.

export interface BatchItem {
  ctx: ServiceContext;
  /** The idempotency key (also in `values`). */
  key: string;
  tip: NormalTip;
  /** The tips row to insert. */
  values: Record<string, unknown> & { channel: string };
  /** For the audit entry: the organisation and key it came with. */
  organisation: string | null;
  keyId: string | null;
}

export interface BatchDeps {
  rules: readonly RuleSetting[];
  branches: ReadonlyMap<string, number>;
}

export interface BatchResult {
  id: string;
  receipt: string;
  created: boolean;
}

/** The identifiers' entity values, checked before any batch (a bad one is that report's 400, not the batch's). */
export function checkIdentifiers(tip: NormalTip): void {
  for (const ident of tip.identifiers) {
    const v = entityValues(ident.kind, ident.value, ident.platform);
    if ('ok' in v) throw invalid(ident.field, v.reason);
  }
}

type Link = { kind: 'uses' | 'holds' | 'communicated'; from: string; to: string };

/** The links triage records between one report's identifiers (as recordTipLinks without a case). */
export function tipLinks(tip: Pick<NormalTip, 'identifiers'>, entityOf: (i: number) => string, kindOf: (i: number) => EntityKind): Link[] {
  const out: Link[] = [];
  const groups = new Map<number, number[]>();
  tip.identifiers.forEach((ident, i) => groups.set(ident.person, [...(groups.get(ident.person) ?? []), i]));
  const hubs = new Map<number, string>();
  for (const [person, idxs] of groups) {
    const hubIdx = idxs.find((i) => tip.identifiers[i]!.kind === 'account') ?? idxs[0]!;
    const hub = entityOf(hubIdx);
    hubs.set(person, hub);
    for (const i of idxs) {
      if (i === hubIdx) continue;
      const e = entityOf(i);
      if (e !== hub) out.push({ kind: personLinkKind(kindOf(i)) === 'holds' ? 'holds' : 'uses', from: hub, to: e });
    }
  }
  const reported = [...groups.keys()].filter((p) => p < 1000).map((p) => hubs.get(p)!);
  const recipients = [...groups.keys()].filter((p) => p >= 1000 && p < 2000).map((p) => hubs.get(p)!);
  for (const r of reported) for (const q of recipients) if (r !== q) out.push({ kind: 'communicated', from: r, to: q });
  return out;
}

interface FileMatch { kind: 'hash_set' | 'case_media'; label: string; caseId: string | null; by: string; distance?: number }
/** Exact matches against hash sets and media; PDQ is matched within the media radius below, not exactly. */
const EXACT = ['md5', 'sha1', 'sha256'] as const;
const HASHES = ['md5', 'sha1', 'sha256', 'pdq'] as const;
/** Hits read per value for related reports: enough for the 200 a report keeps, whatever the batch. */
const RELATED_CAP = 200;

const relationReason = (kind: EntityKind): TipRelationReason =>
  kind === 'account' || kind === 'phone' || kind === 'ip_address' || kind === 'email' || kind === 'device' || kind === 'wallet' ? kind : 'other_identifier';

/** Distinct relation keys above which a batch locks them all at once (bounds the lock table: see relationLocks). */
const MAX_RELATION_LOCKS = 256;

/**
 * Two reports sharing an identifier, a URL or a file hash, filed at the same moment in two transactions, must still
 * be related: with nothing more, each would look for the other before the other committed and both would miss.
 * So each batch, after writing its rows and before looking for related reports, takes a transaction-scoped lock
 * per normalised key it holds (advisory-lock.ts, in ascending order, so no two batches wait on each other in a
 * cycle): of two batches sharing a key, the later waits until the earlier commits and then sees its rows (each
 * statement reads what is committed when it starts). Every row write of the batch comes before these locks and
 * only the audit chain's lock after them, so a batch waiting here holds nothing a lock holder will wait for.
 * A batch with very many keys takes the class's global lock exclusively instead (every other batch takes it
 * shared first), so the shared lock table never fills up.
 */
async function relationLocks(tx: Tx, keys: string[]): Promise<void> {
  const distinct = [...new Set(keys)];
  if (!distinct.length) return;
  if (distinct.length > MAX_RELATION_LOCKS) {
    await advisoryXactLock(tx, LOCK_CLASS.tipRelationAll, 'all');
    return;
  }
  await advisoryXactLockShared(tx, LOCK_CLASS.tipRelationAll, 'all');
  await advisoryXactLocks(tx, LOCK_CLASS.tipRelation, distinct);
}

export async function runIntakeBatch(app: AppContext, items: BatchItem[], deps: BatchDeps): Promise<BatchResult[]> {
  return app.db.transaction().execute(async (tx) => fileBatch(app.db, tx, items, deps));
}

async function fileBatch(db: AppContext['db'], tx: Tx, items: BatchItem[], deps: BatchDeps): Promise<BatchResult[]> {
  // 1. The tips: one row per idempotency key; a key already stored (or earlier in this batch) is a repeat.
  // Inserted in key order: two batches holding the same two keys never wait on each other's row in a cycle.
  const byIdempotency = [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inserted = await tx.insertInto('tips').values(byIdempotency.map((it) => it.values as never))
    .onConflict((oc) => oc.column('idempotency_key').doNothing()).returning(['id', 'receipt', 'idempotency_key']).execute();
  const byKey = new Map(inserted.map((r) => [r.idempotency_key, r]));
  const missing = [...new Set(items.map((it) => it.key).filter((k) => !byKey.has(k)))];
  const earlier = missing.length ? await tx.selectFrom('tips').select(['id', 'receipt', 'idempotency_key']).where('idempotency_key', 'in', missing).execute() : [];
  const before = new Map(earlier.map((r) => [r.idempotency_key, r]));
  const claimed = new Set<string>();
  const results: BatchResult[] = [];
  const fresh: Array<{ item: BatchItem; id: string; order: number }> = [];
  for (const it of items) {
    const row = byKey.get(it.key);
    if (row && !claimed.has(it.key)) {
      claimed.add(it.key);
      results.push({ id: row.id, receipt: row.receipt, created: true });
      fresh.push({ item: it, id: row.id, order: fresh.length });
    } else {
      const first = row ?? before.get(it.key);
      if (!first) throw new Error('intake batch: a repeated report whose first tip is not visible');
      results.push({ id: first.id, receipt: first.receipt, created: false });
    }
  }
  const orderOf = new Map(fresh.map((f) => [f.id, f.order]));

  // 2. Entities, in one fixed order (kind, key) so concurrent batches never wait on each other in a cycle.
  const wanted = new Map<string, { kind: EntityKind; key: string; display: string; platform: string | null; attributes: string }>();
  for (const { item } of fresh) {
    for (const ident of item.tip.identifiers) {
      const v = entityValues(ident.kind, ident.value, ident.platform);
      if ('ok' in v) throw invalid(ident.field, v.reason);
      const k = `${v.kind}\u0000${v.key}`;
      if (!wanted.has(k)) wanted.set(k, { kind: v.kind, key: v.key, display: v.display, platform: v.platform, attributes: JSON.stringify(v.attributes) });
    }
  }
  const sorted = [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  const entityId = new Map<string, { id: string; kind: EntityKind; display: string }>();
  if (sorted.length) {
    await tx.insertInto('entities').values(sorted.map((e) => ({ ...e, created_by: null }))).onConflict((oc) => oc.columns(['kind', 'key']).doNothing()).execute();
    const rows = await tx.selectFrom('entities').select(['id', 'kind', 'key', 'display'])
      .where(sql<boolean>`(kind, key) IN (${sql.join(sorted.map((e) => sql`(${e.kind}, ${e.key})`))})`).execute();
    for (const r of rows) entityId.set(`${r.kind}\u0000${r.key}`, { id: r.id, kind: r.kind as EntityKind, display: r.display });
  }
  const identOf = (tip: NormalTip, i: number) => {
    const ident = tip.identifiers[i]!;
    const e = entityId.get(`${ident.kind}\u0000${ident.key}`);
    if (!e) throw new Error(`intake batch: entity ${ident.kind} not found after upsert`);
    return e;
  };

  // 3. Identifiers of each tip, links between them (the tip as source), URLs and files.
  const identRows: Array<{ tip_id: string; entity_id: string; role: string }> = [];
  const linkRows: Array<Record<string, unknown>> = [];
  const urlRows: Array<{ tip_id: string; url: string; url_key: string }> = [];
  const fileRows: Array<Record<string, unknown>> = [];
  const entitiesOfTip = new Map<string, string[]>();
  for (const { item, id } of fresh) {
    const tip = item.tip;
    const seen = new Set<string>();
    tip.identifiers.forEach((ident, i) => {
      const e = identOf(tip, i);
      const k = `${e.id}|${ident.role}`;
      if (!seen.has(k)) {
        seen.add(k);
        identRows.push({ tip_id: id, entity_id: e.id, role: ident.role });
      }
    });
    entitiesOfTip.set(id, [...new Set(tip.identifiers.map((_, i) => identOf(tip, i).id))]);
    const recorder = item.ctx.actor.id === '00000000-0000-0000-0000-000000000000' ? null : item.ctx.actor.id;
    for (const l of tipLinks(tip, (i) => identOf(tip, i).id, (i) => identOf(tip, i).kind)) {
      linkRows.push({
        kind: l.kind, from_type: 'entity', from_id: l.from, to_type: 'entity', to_id: l.to, case_id: null, source_type: 'tip', source_id: id,
        observed_from: null, observed_to: null, confidence: 1, notes: '', recorded_by: recorder, recorded_at: sql<Date>`clock_timestamp()`,
      });
    }
    for (const u of tip.urls) urlRows.push({ tip_id: id, url: u.url, url_key: u.key });
    for (const f of tip.files) {
      fileRows.push({
        tip_id: id, file_name: f.name, md5: f.md5, sha1: f.sha1, sha256: f.sha256, pdq: f.pdq, viewed_by_esp: f.viewedByEsp, publicly_available: f.publiclyAvailable,
        classification: f.classification, annotations: JSON.stringify(f.annotations), matches: '[]',
      });
    }
  }
  if (identRows.length) await tx.insertInto('tip_identifiers').values(identRows as never).onConflict((oc) => oc.doNothing()).execute();
  const made = linkRows.length ? await tx.insertInto('links').values(linkRows as never).onConflict((oc) => oc.doNothing()).returning(['source_id', 'from_id', 'to_id']).execute() : [];
  if (urlRows.length) await tx.insertInto('tip_urls').values(urlRows).onConflict((oc) => oc.doNothing()).execute();
  const files = fileRows.length ? await tx.insertInto('tip_files').values(fileRows as never).returning(['id', 'tip_id', 'md5', 'sha1', 'sha256', 'pdq']).execute() : [];

  // 3b. What relates these reports to others, locked before anyone looks (relationLocks).
  await relationLocks(tx, [
    ...sorted.map((e) => `entity:${e.kind}:${e.key}`),
    ...urlRows.map((u) => `url:${u.url_key}`),
    ...files.flatMap((f) => HASHES.filter((col) => f[col]).map((col) => `${col}:${f[col]}`)),
  ]);

  // De-confliction for each report's new links, as recordEntityLink does (nothing for a system actor). After the
  // relation locks: it may append to the audit chain, whose lock is always the last one taken.
  const linked = new Map<string, Set<string>>();
  for (const m of made) {
    const set = linked.get(m.source_id!) ?? new Set<string>();
    set.add(m.from_id);
    set.add(m.to_id);
    linked.set(m.source_id!, set);
  }
  for (const { item, id } of fresh) {
    const ids = linked.get(id);
    if (ids?.size) await afterEntityLinked(tx, item.ctx, { entityIds: [...ids], caseId: null });
  }

  // 4. Related reports: an earlier tip (stored before, or earlier in this batch) with the same entity, URL or hash.
  const relations = new Map<string, Array<{ tip_id: string; related_tip_id: string; reason: TipRelationReason; value: string }>>();
  const relate = (tipId: string, other: string, reason: TipRelationReason, value: string) => {
    if (other === tipId) return;
    const mine = orderOf.get(tipId)!;
    const theirs = orderOf.get(other);
    if (theirs !== undefined && theirs > mine) return; // later in this batch: it will name this one
    const list = relations.get(tipId) ?? [];
    if (list.length < RELATED_CAP) list.push({ tip_id: tipId, related_tip_id: other, reason, value: value.slice(0, 300) });
    relations.set(tipId, list);
  };
  const allEntities = [...new Set([...entitiesOfTip.values()].flat())];
  const cap = RELATED_CAP + fresh.length;
  if (allEntities.length) {
    const hits = await sql<{ tip_id: string; entity_id: string }>`
      SELECT tip_id, entity_id FROM (
        SELECT tip_id, entity_id, row_number() OVER (PARTITION BY entity_id ORDER BY tip_id) AS n
        FROM tip_identifiers WHERE entity_id IN (${sql.join(allEntities)})
      ) h WHERE n <= ${cap}`.execute(tx);
    const byEntity = new Map<string, string[]>();
    for (const h of hits.rows) byEntity.set(h.entity_id, [...(byEntity.get(h.entity_id) ?? []), h.tip_id]);
    const kindDisplay = new Map([...entityId.values()].map((e) => [e.id, e]));
    for (const { id } of fresh) {
      for (const e of entitiesOfTip.get(id) ?? []) {
        const ent = kindDisplay.get(e)!;
        for (const other of byEntity.get(e) ?? []) relate(id, other, relationReason(ent.kind), ent.display);
      }
    }
  }
  if (urlRows.length) {
    const keys = [...new Set(urlRows.map((u) => u.url_key))];
    const hits = await sql<{ tip_id: string; url_key: string }>`
      SELECT tip_id, url_key FROM (
        SELECT tip_id, url_key, row_number() OVER (PARTITION BY url_key ORDER BY tip_id) AS n FROM tip_urls WHERE url_key IN (${sql.join(keys)})
      ) h WHERE n <= ${cap}`.execute(tx);
    const byKey2 = new Map<string, string[]>();
    for (const h of hits.rows) byKey2.set(h.url_key, [...(byKey2.get(h.url_key) ?? []), h.tip_id]);
    for (const u of urlRows) for (const other of byKey2.get(u.url_key) ?? []) relate(u.tip_id, other, 'url', u.url_key);
  }
  for (const col of HASHES) {
    const values = [...new Set(files.map((f) => f[col]).filter((v): v is string => !!v))];
    if (!values.length) continue;
    const hits = await sql<{ tip_id: string; value: string }>`
      SELECT tip_id, value FROM (
        SELECT tip_id, ${sql.ref(col)} AS value, row_number() OVER (PARTITION BY ${sql.ref(col)} ORDER BY tip_id) AS n FROM tip_files WHERE ${sql.ref(col)} IN (${sql.join(values)})
      ) h WHERE n <= ${cap}`.execute(tx);
    const byValue = new Map<string, string[]>();
    for (const h of hits.rows) byValue.set(h.value, [...(byValue.get(h.value) ?? []), h.tip_id]);
    for (const f of files) {
      const v = f[col];
      if (v) for (const other of byValue.get(v) ?? []) relate(f.tip_id, other, 'hash', `${col}:${v}`);
    }
  }
  const relationRows = [...relations.values()].flat();
  if (relationRows.length) await tx.insertInto('tip_relations').values(relationRows).onConflict((oc) => oc.doNothing()).execute();

  // 5. Hash matches: hash sets (known material) and every case's media.
  const matches = new Map<number, FileMatch[]>();
  for (const col of EXACT) {
    const values = [...new Set(files.map((f) => f[col]).filter((v): v is string => !!v))];
    if (!values.length) continue;
    const setHits = await tx.selectFrom('hash_set_entries').innerJoin('hash_sets', 'hash_sets.id', 'hash_set_entries.hash_set_id')
      .select([`hash_set_entries.${col} as value`, 'hash_sets.name']).where(`hash_set_entries.${col}`, 'in', values).limit(1000 * fresh.length).execute();
    const mediaHits = await tx.selectFrom('media_files').select([`media_files.${col} as value`, 'media_files.case_id', 'media_files.id']).where(`media_files.${col}`, 'in', values).limit(1000 * fresh.length).execute();
    if (!setHits.length && !mediaHits.length) continue;
    for (const f of files) {
      const v = f[col];
      if (!v) continue;
      const list = matches.get(Number(f.id)) ?? [];
      for (const h of setHits) if (h.value === v && !list.some((m) => m.kind === 'hash_set' && m.label === h.name)) list.push({ kind: 'hash_set', label: h.name, caseId: null, by: col });
      for (const h of mediaHits) if (h.value === v && !list.some((m) => m.kind === 'case_media' && m.caseId === h.case_id)) list.push({ kind: 'case_media', label: `media file ${h.id}`, caseId: h.case_id, by: col });
      if (list.length) matches.set(Number(f.id), list);
    }
  }
  // PDQ within the radius media ingest uses (nearest hit per hash set or case kept).
  const withPdq = files.filter((f) => f.pdq);
  if (withPdq.length) {
    const near = await knownPdqNear(db, tx, withPdq.map((f) => f.pdq!), { media: true });
    for (const [i, hits] of near) {
      const f = withPdq[i]!;
      const list = matches.get(Number(f.id)) ?? [];
      for (const h of hits.slice(0, 1000)) { // nearest first
        if (h.kind === 'hash_set' && !list.some((m) => m.kind === 'hash_set' && m.label === h.setName)) list.push({ kind: 'hash_set', label: h.setName!, caseId: null, by: 'pdq', distance: h.distance });
        if (h.kind === 'case_media' && !list.some((m) => m.kind === 'case_media' && m.caseId === h.ownerId)) list.push({ kind: 'case_media', label: `media file ${h.id}`, caseId: h.ownerId, by: 'pdq', distance: h.distance });
      }
      if (list.length) matches.set(Number(f.id), list);
    }
  }
  for (const [fileId, list] of matches) await tx.updateTable('tip_files').set({ matches: JSON.stringify(list) }).where('id', '=', fileId).execute();

  // 6. Identifiers already in a case (a link recorded in one, a payment, a communication).
  const inCaseIds = new Set<string>();
  if (allEntities.length) {
    const rows = await tx.selectFrom('entities').select('entities.id').where('entities.id', 'in', allEntities).where((eb) => eb.or([
      eb.exists(eb.selectFrom('links').select(sql`1`.as('one')).where('links.case_id', 'is not', null).where('links.from_type', '=', 'entity').where(sql<string>`links.from_id`, '=', sql<string>`entities.id::text`)),
      eb.exists(eb.selectFrom('links').select(sql`1`.as('one')).where('links.case_id', 'is not', null).where('links.to_type', '=', 'entity').where(sql<string>`links.to_id`, '=', sql<string>`entities.id::text`)),
      eb.exists(eb.selectFrom('communication_participants').select(sql`1`.as('one')).whereRef('communication_participants.entity_id', '=', 'entities.id')),
      eb.exists(eb.selectFrom('payments').select(sql`1`.as('one')).where((p) => p.or([p('payments.from_entity_id', '=', p.ref('entities.id')), p('payments.to_entity_id', '=', p.ref('entities.id'))]))),
    ])).execute();
    for (const r of rows) inCaseIds.add(r.id);
  }

  // 7. Priority and routing of each, in one statement.
  const filesOf = new Map<string, number[]>();
  for (const f of files) filesOf.set(f.tip_id, [...(filesOf.get(f.tip_id) ?? []), Number(f.id)]);
  const updates = fresh.map(({ item, id }) => {
    const tip = item.tip;
    const lists = (filesOf.get(id) ?? []).map((f) => matches.get(f)).filter((l): l is FileMatch[] => !!l);
    const scored = scoreTip({
      escalate: tip.escalate, incidentType: tip.incidentType, annotations: tip.annotations,
      knownMaterial: lists.filter((l) => l.some((m) => m.kind === 'hash_set')).length,
      caseMedia: lists.filter((l) => l.some((m) => m.kind === 'case_media')).length,
      inCase: (entitiesOfTip.get(id) ?? []).filter((e) => inCaseIds.has(e)).length,
      related: new Set((relations.get(id) ?? []).map((r) => r.related_tip_id)).size,
    }, deps.rules);
    const phones: string[] = [];
    if (tip.location.phone) {
      const v = entityValues('phone', tip.location.phone, null);
      if (!('ok' in v)) phones.push(v.key);
    }
    for (const ident of tip.identifiers) if (ident.kind === 'phone') phones.push(ident.key);
    const routing = routeTip({ district: tip.location.district, city: tip.location.city, province: tip.location.province, phones,
      latitude: tip.location.latitude, longitude: tip.location.longitude,
      // A CyberTipline report's location is the platform's estimate (estimatedLocation, usually from an IP address).
      coordinatesSource: tip.format === 'cybertipline' ? 'estimated' : 'reported' }, deps.branches);
    return { id, priority: scored.priority, reasons: scored.reasons, branch_id: routing.branchId, routing: { method: routing.method, detail: routing.detail } };
  });
  if (updates.length) {
    await sql`
      UPDATE tips SET priority = u.priority, priority_reasons = u.reasons, branch_id = u.branch_id, routing = u.routing, triaged_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u(id uuid, priority integer, reasons jsonb, branch_id integer, routing jsonb)
      WHERE tips.id = u.id`.execute(tx);
  }

  // 8. One entry per report (a repeat too), in the order received, as one step of the chain.
  const entries: AuditEntryInput[] = items.map((it, i) => {
    const r = results[i]!;
    const who = madeBy(it.ctx);
    const channel = it.values.channel;
    return r.created
      ? { ...who, action: 'tip.receive', entityType: 'tip', entityId: r.id, details: { channel, format: it.tip.format, organisation: it.organisation, keyId: it.keyId, externalId: it.tip.externalId } }
      : { ...who, action: 'tip.receive_repeat', entityType: 'tip', entityId: r.id, details: { channel, organisation: it.organisation, keyId: it.keyId } };
  });
  await appendAuditEntries(tx, entries);
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// The group commit: reports wait only while earlier batches are being written.

/** Batches written at once (each its own transaction and connection); more waiting reports join the next. */
const MAX_RUNNING = 4;
/** Reports per batch at most. */
const MAX_BATCH = 64;

interface Waiting { item: BatchItem; resolve: (r: BatchResult) => void; reject: (e: unknown) => void }

/**
 * One per database handle. A report is written at once when fewer than MAX_RUNNING batches are being written
 * (so a lone report waits for nothing); otherwise it waits and goes with the reports that arrived meanwhile, in
 * one transaction. A batch that fails is written again report by report, each answering its own outcome.
 */
export class IntakeBatcher {
  #queue: Waiting[] = [];
  #running = 0;
  constructor(private readonly app: AppContext, private readonly deps: () => Promise<BatchDeps>) {}

  submit(item: BatchItem): Promise<BatchResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#kick();
    });
  }

  #kick(): void {
    while (this.#running < MAX_RUNNING && this.#queue.length) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      this.#running++;
      void this.#run(batch).finally(() => {
        this.#running--;
        this.#kick();
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    let deps: BatchDeps;
    try {
      deps = await this.deps();
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    try {
      const results = await runIntakeBatch(this.app, batch.map((w) => w.item), deps);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const w of batch) {
        try {
          w.resolve((await runIntakeBatch(this.app, [w.item], deps))[0]!);
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }
}
