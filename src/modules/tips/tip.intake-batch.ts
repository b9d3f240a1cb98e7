import { sql, type RawBuilder } from 'kysely';
import type { AppContext, ServiceContext } from '../../platform/context.ts';
import { madeBy } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { EntityKind, TipRelationReason } from '../../platform/db/schema.ts';
import { appendAuditEntries, type AuditEntryInput } from '../../platform/audit/audit.ts';
import { invalid } from '../../platform/http/errors.ts';
import { advisoryXactLock, advisoryXactLocksUnderShared, LOCK_CLASS } from '../../platform/db/advisory-lock.ts';
import { entityValues, personLinkKind } from '../entities/entity.keys.ts';
import { afterEntityLinked } from '../entities/entity.service.ts';
import type { NormalTip } from './tip.normalise.ts';
import { routeTip } from './tip.routing.ts';
import { knownPdqNear } from '../hashsets/known-index.ts';
import { scoreTip, type RuleSetting } from './tip.rules.ts';
import { tipRuleCodes, type TipRuleCode } from './tip.schema.ts';

// Intake as a group commit (issue 11, benchmark): reports that arrive together are filed together, in ONE
// transaction with a fixed number of statements whatever their number (eleven: begin; the tips; their entities,
// inserted and read in one statement in a fixed order; their identifiers, links, URLs and files in one statement of
// data-modifying CTEs; the relation locks; one read of everything triage needs (related reports, exact hash
// matches, identifiers already in a case, the priority rules); one write of relations, matches, priorities and
// routes; the audit chain's lock, head and insert; commit) and ONE step of the audit chain holding one entry per
// report, each keyed to the one before it exactly as if appended alone (appendAuditEntries). Each report keeps everything the one-by-one
// path gave it: its tip row, identifiers as the graph's entities, links with the tip as source, URLs, files, hash
// matches, related reports (earlier ones, in the database or earlier in the same batch), priority, routing, and
// its own audit entry naming the key and address it came with, committed with it or not at all.
//
// Why: filed one by one, every report's transaction took the audit chain's lock and held it across its last round
// trips and its commit's WAL flush, so reports were written one flush at a time (about 50 reports/s on the loaded
// 2-core machine, p50 580 ms with 32 clients: see docs/benchmarks.md), and every report cost some 30 statements.
// Batched, the lock is taken once per batch and a batch of n costs eleven statements and one flush (it was about 23
// until the statements were merged: see docs/benchmarks.md, "Tip intake: fewer statements").
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
  /** Branch ids by normalised district name (routing). The priority rules are read in the batch's transaction. */
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
  await advisoryXactLocksUnderShared(tx, LOCK_CLASS.tipRelationAll, 'all', LOCK_CLASS.tipRelation, distinct);
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

  // 2. Entities, in one fixed order (kind, key) so concurrent batches never wait on each other in a cycle. One
  // statement inserts the new ones and reads the others; an entity another transaction committed while this one
  // waited on its row is not in that statement's snapshot, so it is read again afterwards (rare).
  const wanted = new Map<string, { kind: EntityKind; key: string; display: string; platform: string | null; attributes: unknown }>();
  for (const { item } of fresh) {
    for (const ident of item.tip.identifiers) {
      const v = entityValues(ident.kind, ident.value, ident.platform);
      if ('ok' in v) throw invalid(ident.field, v.reason);
      const k = `${v.kind}\u0000${v.key}`;
      if (!wanted.has(k)) wanted.set(k, { kind: v.kind, key: v.key, display: v.display, platform: v.platform, attributes: v.attributes });
    }
  }
  const sorted = [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  const entityId = new Map<string, { id: string; kind: EntityKind; display: string }>();
  if (sorted.length) {
    const found = await sql<{ id: string; kind: EntityKind; key: string; display: string }>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(sorted.map((e, o) => ({ ...e, o })))}::jsonb) AS i(kind text, key text, display text, platform text, attributes jsonb, o integer)
      ), made AS (
        INSERT INTO entities (kind, key, display, platform, attributes, created_by)
        SELECT kind, key, display, platform, attributes, NULL FROM input ORDER BY o
        ON CONFLICT (kind, key) DO NOTHING RETURNING id, kind, key, display
      )
      SELECT id, kind, key, display FROM made
      UNION ALL SELECT e.id, e.kind, e.key, e.display FROM entities e JOIN input i ON e.kind = i.kind AND e.key = i.key`.execute(tx);
    for (const r of found.rows) entityId.set(`${r.kind}\u0000${r.key}`, { id: r.id, kind: r.kind, display: r.display });
    const late = sorted.filter((e) => !entityId.has(`${e.kind}\u0000${e.key}`));
    if (late.length) {
      const rows = await tx.selectFrom('entities').select(['id', 'kind', 'key', 'display'])
        .where(sql<boolean>`(kind, key) IN (${sql.join(late.map((e) => sql`(${e.kind}, ${e.key})`))})`).execute();
      for (const r of rows) entityId.set(`${r.kind}\u0000${r.key}`, { id: r.id, kind: r.kind as EntityKind, display: r.display });
    }
  }
  const identOf = (tip: NormalTip, i: number) => {
    const ident = tip.identifiers[i]!;
    const e = entityId.get(`${ident.kind}\u0000${ident.key}`);
    if (!e) throw new Error(`intake batch: entity ${ident.kind} not found after upsert`);
    return e;
  };

  // 3. Identifiers of each tip, links between them (the tip as source), URLs and files: one statement.
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
      linkRows.push({ kind: l.kind, from_id: l.from, to_id: l.to, source_id: id, recorded_by: recorder });
    }
    for (const u of tip.urls) urlRows.push({ tip_id: id, url: u.url, url_key: u.key });
    for (const f of tip.files) {
      fileRows.push({
        tip_id: id, file_name: f.name, md5: f.md5, sha1: f.sha1, sha256: f.sha256, pdq: f.pdq, viewed_by_esp: f.viewedByEsp, publicly_available: f.publiclyAvailable,
        classification: f.classification, annotations: f.annotations,
      });
    }
  }
  const made: Array<{ source_id: string; from_id: string; to_id: string }> = [];
  const files: Array<{ id: string; tip_id: string; md5: string | null; sha1: string | null; sha256: string | null; pdq: string | null }> = [];
  if (identRows.length || linkRows.length || urlRows.length || fileRows.length) {
    // Each row numbered: inserted in the order built (so concurrent batches take row locks in one order).
    const json = (rows: Array<Record<string, unknown>>) => JSON.stringify(rows.map((r, o) => ({ ...r, o })));
    const out = await sql<{ t: 'link' | 'file'; a: string; b: string; c: string | null; d: string | null; e: string | null; f: string | null }>`
      WITH idents AS (
        INSERT INTO tip_identifiers (tip_id, entity_id, role)
        SELECT tip_id, entity_id, role FROM jsonb_to_recordset(${json(identRows)}::jsonb) AS x(tip_id uuid, entity_id uuid, role text)
        ON CONFLICT DO NOTHING
      ), made_links AS (
        INSERT INTO links (kind, from_type, from_id, to_type, to_id, case_id, source_type, source_id, observed_from, observed_to, confidence, notes, recorded_by, recorded_at)
        SELECT kind, 'entity', from_id, 'entity', to_id, NULL, 'tip', source_id, NULL, NULL, 1, '', recorded_by, clock_timestamp()
        FROM jsonb_to_recordset(${json(linkRows)}::jsonb) AS x(kind text, from_id text, to_id text, source_id text, recorded_by uuid, o integer) ORDER BY o
        ON CONFLICT DO NOTHING RETURNING source_id, from_id, to_id
      ), urls AS (
        INSERT INTO tip_urls (tip_id, url, url_key)
        SELECT tip_id, url, url_key FROM jsonb_to_recordset(${json(urlRows)}::jsonb) AS x(tip_id uuid, url text, url_key text)
        ON CONFLICT DO NOTHING
      ), made_files AS (
        INSERT INTO tip_files (tip_id, file_name, md5, sha1, sha256, pdq, viewed_by_esp, publicly_available, classification, annotations, matches)
        SELECT tip_id, file_name, md5, sha1, sha256, pdq, viewed_by_esp, publicly_available, classification, annotations, '[]'::jsonb
        FROM jsonb_to_recordset(${json(fileRows)}::jsonb)
          AS x(tip_id uuid, file_name text, md5 text, sha1 text, sha256 text, pdq text, viewed_by_esp boolean, publicly_available boolean, classification text, annotations jsonb, o integer)
        ORDER BY o
        RETURNING id, tip_id, md5, sha1, sha256, pdq
      )
      SELECT 'link' AS t, source_id AS a, from_id AS b, to_id AS c, NULL AS d, NULL AS e, NULL AS f FROM made_links
      UNION ALL SELECT 'file', id::text, tip_id::text, md5, sha1, sha256, pdq FROM made_files`.execute(tx);
    for (const r of out.rows) {
      if (r.t === 'link') made.push({ source_id: r.a, from_id: r.b, to_id: r.c! });
      else files.push({ id: r.a, tip_id: r.b, md5: r.c, sha1: r.d, sha256: r.e, pdq: r.f });
    }
    files.sort((x, y) => Number(x.id) - Number(y.id));
  }

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
    const set = linked.get(m.source_id) ?? new Set<string>();
    set.add(m.from_id);
    set.add(m.to_id);
    linked.set(m.source_id, set);
  }
  for (const { item, id } of fresh) {
    const ids = linked.get(id);
    if (ids?.size) await afterEntityLinked(tx, item.ctx, { entityIds: [...ids], caseId: null });
  }

  // 4-6. One statement reads what triage needs: related reports (an earlier tip, stored before or earlier in this
  // batch, with the same entity, URL or hash; after the locks above), exact hash matches against hash sets and
  // every case's media, and which identifiers are already in a case.
  const allEntities = [...new Set([...entitiesOfTip.values()].flat())];
  const cap = RELATED_CAP + fresh.length;
  const urlKeys = [...new Set(urlRows.map((u) => u.url_key))];
  const valuesOf = (col: (typeof HASHES)[number]) => [...new Set(files.map((f) => f[col]).filter((v): v is string => !!v))];
  const reads: RawBuilder<unknown>[] = [];
  // The priority rules as they are now (an analyst's change applies to the next batch).
  if (fresh.length) reads.push(sql`SELECT 'rule', code, weight::text, enabled::text FROM tip_rules`);
  if (allEntities.length) {
    reads.push(sql`SELECT 'entity' AS t, entity_id::text AS a, tip_id::text AS b, NULL::text AS c FROM (
        SELECT tip_id, entity_id, row_number() OVER (PARTITION BY entity_id ORDER BY tip_id) AS n
        FROM tip_identifiers WHERE entity_id IN (${sql.join(allEntities)})
      ) h WHERE n <= ${cap}`);
    reads.push(sql`SELECT 'in_case', e.id::text, NULL::text, NULL::text FROM entities e WHERE e.id IN (${sql.join(allEntities)}) AND (
        EXISTS (SELECT 1 FROM links WHERE links.case_id IS NOT NULL AND links.from_type = 'entity' AND links.from_id = e.id::text)
        OR EXISTS (SELECT 1 FROM links WHERE links.case_id IS NOT NULL AND links.to_type = 'entity' AND links.to_id = e.id::text)
        OR EXISTS (SELECT 1 FROM communication_participants cp WHERE cp.entity_id = e.id)
        OR EXISTS (SELECT 1 FROM payments p WHERE p.from_entity_id = e.id OR p.to_entity_id = e.id))`);
  }
  if (urlKeys.length) {
    reads.push(sql`SELECT 'url', url_key, tip_id::text, NULL::text FROM (
        SELECT tip_id, url_key, row_number() OVER (PARTITION BY url_key ORDER BY tip_id) AS n FROM tip_urls WHERE url_key IN (${sql.join(urlKeys)})
      ) h WHERE n <= ${cap}`);
  }
  for (const col of HASHES) {
    const values = valuesOf(col);
    if (!values.length) continue;
    reads.push(sql`SELECT ${`hash:${col}`}::text, value, tip_id::text, NULL::text FROM (
        SELECT tip_id, ${sql.ref(col)} AS value, row_number() OVER (PARTITION BY ${sql.ref(col)} ORDER BY tip_id) AS n FROM tip_files WHERE ${sql.ref(col)} IN (${sql.join(values)})
      ) h WHERE n <= ${cap}`);
    if (col === 'pdq') continue; // PDQ is matched within a radius below, not exactly
    reads.push(sql`(SELECT ${`set:${col}`}::text, ${sql.ref(`hash_set_entries.${col}`)}, hash_sets.name, NULL::text FROM hash_set_entries JOIN hash_sets ON hash_sets.id = hash_set_entries.hash_set_id
        WHERE ${sql.ref(`hash_set_entries.${col}`)} IN (${sql.join(values)}) LIMIT ${1000 * fresh.length})`);
    reads.push(sql`(SELECT ${`media:${col}`}::text, ${sql.ref(`media_files.${col}`)}, media_files.case_id::text, media_files.id::text FROM media_files
        WHERE ${sql.ref(`media_files.${col}`)} IN (${sql.join(values)}) LIMIT ${1000 * fresh.length})`);
  }
  const hits = reads.length ? (await sql<{ t: string; a: string; b: string | null; c: string | null }>`SELECT * FROM (${sql.join(reads, sql` UNION ALL `)}) AS r(t, a, b, c)`.execute(tx)).rows : [];
  const group = (t: string) => {
    const m = new Map<string, string[]>();
    for (const h of hits) if (h.t === t) m.set(h.a, [...(m.get(h.a) ?? []), h.b!]);
    return m;
  };

  // Related reports.
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
  const byEntity = group('entity');
  const kindDisplay = new Map([...entityId.values()].map((e) => [e.id, e]));
  for (const { id } of fresh) {
    for (const e of entitiesOfTip.get(id) ?? []) {
      const ent = kindDisplay.get(e)!;
      for (const other of byEntity.get(e) ?? []) relate(id, other, relationReason(ent.kind), ent.display);
    }
  }
  const byUrl = group('url');
  for (const u of urlRows) for (const other of byUrl.get(u.url_key) ?? []) relate(u.tip_id, other, 'url', u.url_key);
  for (const col of HASHES) {
    const byValue = group(`hash:${col}`);
    for (const f of files) {
      const v = f[col];
      if (v) for (const other of byValue.get(v) ?? []) relate(f.tip_id, other, 'hash', `${col}:${v}`);
    }
  }

  // Hash matches: hash sets (known material) and every case's media.
  const matches = new Map<number, FileMatch[]>();
  for (const col of EXACT) {
    const setHits = hits.filter((h) => h.t === `set:${col}`);
    const mediaHits = hits.filter((h) => h.t === `media:${col}`);
    if (!setHits.length && !mediaHits.length) continue;
    for (const f of files) {
      const v = f[col];
      if (!v) continue;
      const list = matches.get(Number(f.id)) ?? [];
      for (const h of setHits) if (h.a === v && !list.some((m) => m.kind === 'hash_set' && m.label === h.b)) list.push({ kind: 'hash_set', label: h.b!, caseId: null, by: col });
      for (const h of mediaHits) if (h.a === v && !list.some((m) => m.kind === 'case_media' && m.caseId === h.b)) list.push({ kind: 'case_media', label: `media file ${h.c}`, caseId: h.b, by: col });
      if (list.length) matches.set(Number(f.id), list);
    }
  }
  // PDQ within the radius media ingest uses (nearest hit per hash set or case kept).
  const withPdq = files.filter((f) => f.pdq);
  if (withPdq.length) {
    const near = await knownPdqNear(db, tx, withPdq.map((f) => f.pdq!), { media: true });
    for (const [i, found] of near) {
      const f = withPdq[i]!;
      const list = matches.get(Number(f.id)) ?? [];
      for (const h of found.slice(0, 1000)) { // nearest first
        if (h.kind === 'hash_set' && !list.some((m) => m.kind === 'hash_set' && m.label === h.setName)) list.push({ kind: 'hash_set', label: h.setName!, caseId: null, by: 'pdq', distance: h.distance });
        if (h.kind === 'case_media' && !list.some((m) => m.kind === 'case_media' && m.caseId === h.ownerId)) list.push({ kind: 'case_media', label: `media file ${h.id}`, caseId: h.ownerId, by: 'pdq', distance: h.distance });
      }
      if (list.length) matches.set(Number(f.id), list);
    }
  }

  // Identifiers already in a case (a link recorded in one, a payment, a communication).
  const inCaseIds = new Set(hits.filter((h) => h.t === 'in_case').map((h) => h.a));
  const rules: RuleSetting[] = hits.filter((h) => h.t === 'rule' && (tipRuleCodes as readonly string[]).includes(h.a))
    .map((h) => ({ code: h.a as TipRuleCode, weight: Number(h.b), enabled: h.c === 'true' }));

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
    }, rules);
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
  // Related reports, hash matches, priority and routing: one statement.
  const relationRows = [...relations.values()].flat();
  const matchRows = [...matches].map(([id, list]) => ({ id, matches: list }));
  if (updates.length) {
    await sql`
      WITH related AS (
        INSERT INTO tip_relations (tip_id, related_tip_id, reason, value)
        SELECT tip_id, related_tip_id, reason, value FROM jsonb_to_recordset(${JSON.stringify(relationRows)}::jsonb) AS r(tip_id uuid, related_tip_id uuid, reason text, value text)
        ON CONFLICT DO NOTHING
      ), matched AS (
        UPDATE tip_files SET matches = m.matches FROM jsonb_to_recordset(${JSON.stringify(matchRows)}::jsonb) AS m(id bigint, matches jsonb) WHERE tip_files.id = m.id
      )
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

/**
 * Batches written at once (each its own transaction and connection). A batch costs the same eleven statements
 * whatever its size, so the fewer run at once the larger they are and the less each report costs: one batch runs
 * whenever reports wait, a second only when at least SECOND_BATCH_AT reports wait (a load at which a second
 * pipeline of statements keeps the database busy while the first waits for its commit's flush). Measured:
 * docs/benchmarks.md, "Tip intake: fewer statements" (4 at once, as before, cost 2.8 statements per report).
 */
const MAX_RUNNING = 2;
const SECOND_BATCH_AT = 16;
/** Reports per batch at most. */
const MAX_BATCH = 64;

interface Waiting { item: BatchItem; resolve: (r: BatchResult) => void; reject: (e: unknown) => void }

/**
 * One per database handle. A report is written at once when no batch is being written (so a lone report waits
 * for nothing); otherwise it waits and goes with the reports that arrived meanwhile, in one transaction (a second
 * batch starts beside the first when SECOND_BATCH_AT reports wait). A batch that fails is written again report by report, each answering its own outcome.
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
    while (this.#queue.length && (this.#running === 0 || (this.#running < MAX_RUNNING && this.#queue.length >= SECOND_BATCH_AT))) {
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
