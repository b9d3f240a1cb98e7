import { timeOrderedUuid } from '../../platform/db/time-ordered-id.ts';
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
import { prepared } from '../../platform/db/prepared.ts';

// Intake as a group commit (issue 11, benchmark): reports that arrive together are filed together, in ONE
// transaction with a fixed number of statements whatever their number (ten: begin; the tips; their entities,
// inserted and read in one statement in a fixed order; their identifiers, links, URLs and files in one statement of
// data-modifying CTEs; the relation locks; one read of everything triage needs (related reports, exact hash
// matches, identifiers already in a case, the priority rules); one write of relations, matches, priorities and
// routes; the audit chain's lock with its head (one statement since migration 0050), and insert; commit) and ONE step of the audit chain holding one entry per
// report, each keyed to the one before it exactly as if appended alone (appendAuditEntries). Each report keeps everything the one-by-one
// path gave it: its tip row, identifiers as the graph's entities, links with the tip as source, URLs, files, hash
// matches, related reports (earlier ones, in the database or earlier in the same batch), priority, routing, and
// its own audit entry naming the key and address it came with, committed with it or not at all.
//
// Why: filed one by one, every report's transaction took the audit chain's lock and held it across its last round
// trips and its commit's WAL flush, so reports were written one flush at a time (about 50 reports/s on the loaded
// 2-core machine, p50 580 ms with 32 clients: see docs/benchmarks.md), and every report cost some 30 statements.
// Batched, the lock is taken once per batch and a batch of n costs ten statements and one flush (it was about 23
// until the statements were merged: see docs/benchmarks.md, "Tip intake: fewer statements").
//
// `runIntakeBatch` throws when any statement of the batch fails; the callers (IntakeBatcher for the API and the
// public form, importReports for `amaan tips import`) then file it again in halves (fileInHalves), so one report
// the database refuses never takes the others down with it.

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

/** The kinds of link triage records between a report's identifiers (carryOver reads them back by these). */
export const TIP_LINK_KINDS = ['uses', 'holds', 'communicated'] as const;
type Link = { kind: (typeof TIP_LINK_KINDS)[number]; from: string; to: string };

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
/** The tips columns of type jsonb: their values are JSON texts (written into the batch's JSON as they are). */
const JSONB_TIP_COLUMNS = new Set(['location', 'annotations', 'routing', 'priority_reasons', 'raw']);
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

/** One report's outcome when its batch was filed in halves: its result, or the error of the report filed alone. */
export type Outcome = { ok: BatchResult } | { error: unknown };

/**
 * Files `items` in one transaction (runIntakeBatch). When the database refuses that transaction (one report it
 * will not take, or a key another transaction committed meanwhile), nothing of it is written, and the first half is
 * filed again and then the second, each the same way, down to single reports: a bad report among n costs about
 * 2·log2(n) more transactions (filed one by one again it cost n), and the others are filed in their order, so each
 * later report still names the earlier ones it shares something with. A report filed alone that fails gets its
 * own error; every other report its result, exactly as if its batch had not failed.
 */
export async function fileInHalves(app: AppContext, items: BatchItem[], deps: BatchDeps): Promise<Outcome[]> {
  try {
    return (await runIntakeBatch(app, items, deps)).map((ok) => ({ ok }));
  } catch (error) {
    if (items.length === 1) return [{ error }];
    const mid = Math.ceil(items.length / 2);
    const first = await fileInHalves(app, items.slice(0, mid), deps);
    return [...first, ...await fileInHalves(app, items.slice(mid), deps)];
  }
}

// Probe plans. The batch's statements are prepared once per connection (prepared.ts) and PostgreSQL keeps a generic
// plan for them, made from the statistics of the moment it was first planned. Written `col = ANY($1)`, a look-up
// planned while a table was small or never analysed (a new database: autovacuum analyses a table only after 50 +
// 10% of its rows changed, and not within its first minute) became a sequential scan of the whole table, kept for
// the connection's life however large the table grew: in a 15 s run of the intake benchmark, every batch scanned
// `tips`, `tip_files`, `tip_identifiers` and `hash_set_entries` whole (docs/benchmarks.md, "Tip intake: session
// 13"). So every look-up by key here is written as one probe per distinct key: `unnest($1) AS q(k) CROSS JOIN
// LATERAL (... WHERE col = q.k ORDER BY ... LIMIT n)` (or OFFSET 0), a subquery PostgreSQL never pulls up into a
// join, so the only plans it can make are a parameterised index probe per key (or a scan per key, which costs more
// than the probe whatever the table's size). Same rows as before: per key, the same first `n` by tip id.
async function fileBatch(db: AppContext['db'], tx: Tx, items: BatchItem[], deps: BatchDeps): Promise<BatchResult[]> {
  // 1. One statement: the entities of every report, inserted (the new ones) and read (the others) in one fixed
  // order (kind, key) so concurrent batches never wait on each other in a cycle, and the tips already stored under
  // these reports' idempotency keys (a report whose key is stored, or earlier in this batch, is a repeat). An
  // entity another transaction committed while this one waited on its row is not in that statement's snapshot,
  // so it is read again afterwards (rare). The existing entities are read one index probe each (LATERAL with
  // LIMIT): joined, the planner took the input for 100 rows and scanned the whole table.
  const wanted = new Map<string, { kind: EntityKind; key: string; display: string; platform: string | null; attributes: unknown }>();
  for (const item of items) {
    for (const ident of item.tip.identifiers) {
      const v = entityValues(ident.kind, ident.value, ident.platform);
      if ('ok' in v) throw invalid(ident.field, v.reason);
      const k = `${v.kind}\u0000${v.key}`;
      if (!wanted.has(k)) wanted.set(k, { kind: v.kind, key: v.key, display: v.display, platform: v.platform, attributes: v.attributes });
    }
  }
  const sorted = [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  const idempotencyKeys = [...new Set(items.map((it) => it.key))];
  const entityId = new Map<string, { id: string; kind: EntityKind; display: string }>();
  const stored = new Map<string, { id: string; receipt: string }>();
  {
    // One probe of the key's unique index per key (LATERAL with LIMIT, never a scan: see probe plans above fileBatch).
    const parts: RawBuilder<unknown>[] = [sql`SELECT 't' AS t, s.id::text AS id, s.receipt AS a, s.idempotency_key AS b, NULL::text AS c
        FROM unnest(${idempotencyKeys}::text[]) AS q(k) CROSS JOIN LATERAL (SELECT id, receipt, idempotency_key FROM tips WHERE tips.idempotency_key = q.k LIMIT 1) s`];
    let withInput = sql``;
    if (sorted.length) {
      withInput = sql`WITH input AS (
          SELECT * FROM jsonb_to_recordset(${JSON.stringify(sorted.map((e, o) => ({ ...e, o })))}::jsonb) AS i(kind text, key text, display text, platform text, attributes jsonb, o integer)
        ), made AS (
          INSERT INTO entities (kind, key, display, platform, attributes, created_by)
          SELECT kind, key, display, platform, attributes, NULL FROM input ORDER BY o
          ON CONFLICT (kind, key) DO NOTHING RETURNING id, kind, key, display
        ) `;
      parts.push(sql`SELECT 'e', id::text, kind, key, display FROM made`);
      parts.push(sql`SELECT 'e', e.id::text, e.kind, e.key, e.display FROM input i
          CROSS JOIN LATERAL (SELECT id, kind, key, display FROM entities WHERE entities.kind = i.kind AND entities.key = i.key LIMIT 1) e`);
    }
    const rows = (await sql<{ t: 't' | 'e'; id: string; a: string; b: string; c: string | null }>`${prepared}${withInput}${sql.join(parts, sql` UNION ALL `)}`.execute(tx)).rows;
    for (const r of rows) {
      if (r.t === 't') stored.set(r.b, { id: r.id, receipt: r.a });
      else entityId.set(`${r.a}\u0000${r.b}`, { id: r.id, kind: r.a as EntityKind, display: r.c! });
    }
    const late = sorted.filter((e) => !entityId.has(`${e.kind}\u0000${e.key}`));
    if (late.length) {
      const again = await tx.selectFrom('entities').select(['id', 'kind', 'key', 'display'])
        .where(sql<boolean>`(kind, key) IN (${sql.join(late.map((e) => sql`(${e.kind}, ${e.key})`))})`).execute();
      for (const r of again) entityId.set(`${r.kind}\u0000${r.key}`, { id: r.id, kind: r.kind as EntityKind, display: r.display });
    }
  }

  // Which reports are new: the first of each idempotency key not stored yet. The new tips' ids are made here;
  // their rows are written in the batch's last statement, with their triage (one write per tip: written first
  // and updated with its triage, every tip was two heap tuples and a second entry in each of its six indexes).
  const claimed = new Map<string, { id: string; receipt: string }>();
  const results: BatchResult[] = [];
  const fresh: Array<{ item: BatchItem; id: string; order: number }> = [];
  for (const it of items) {
    const first = stored.get(it.key) ?? claimed.get(it.key);
    if (first) {
      results.push({ id: first.id, receipt: first.receipt, created: false });
      continue;
    }
    const id = timeOrderedUuid();
    const receipt = String(it.values.receipt);
    claimed.set(it.key, { id, receipt });
    results.push({ id, receipt, created: true });
    fresh.push({ item: it, id, order: fresh.length });
  }
  const orderOf = new Map(fresh.map((f) => [f.id, f.order]));
  const identOf = (tip: NormalTip, i: number) => {
    const ident = tip.identifiers[i]!;
    const e = entityId.get(`${ident.kind}\u0000${ident.key}`);
    if (!e) throw new Error(`intake batch: entity ${ident.kind} not found after upsert`);
    return e;
  };

  // 2. Each new tip's identifiers, links between them (the tip as source), URLs and files, as rows to write.
  const identRows: Array<{ tip_id: string; entity_id: string; role: string }> = [];
  const linkRows: Array<Record<string, unknown>> = [];
  const urlRows: Array<{ tip_id: string; url: string; url_key: string }> = [];
  const files: Array<{ tip_id: string; md5: string | null; sha1: string | null; sha256: string | null; pdq: string | null; row: Record<string, unknown> }> = [];
  const entitiesOfTip = new Map<string, string[]>();
  const lockKeys: string[] = [];
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
      lockKeys.push(`entity:${ident.kind}:${ident.key}`);
    });
    entitiesOfTip.set(id, [...new Set(tip.identifiers.map((_, i) => identOf(tip, i).id))]);
    const recorder = item.ctx.actor.id === '00000000-0000-0000-0000-000000000000' ? null : item.ctx.actor.id;
    for (const l of tipLinks(tip, (i) => identOf(tip, i).id, (i) => identOf(tip, i).kind)) {
      linkRows.push({ kind: l.kind, from_id: l.from, to_id: l.to, source_id: id, recorded_by: recorder });
    }
    const urlSeen = new Set<string>();
    for (const u of tip.urls) {
      if (urlSeen.has(u.key)) continue; // one row per (tip, url_key), as the table's key keeps
      urlSeen.add(u.key);
      urlRows.push({ tip_id: id, url: u.url, url_key: u.key });
      lockKeys.push(`url:${u.key}`);
    }
    for (const f of tip.files) {
      files.push({
        tip_id: id, md5: f.md5, sha1: f.sha1, sha256: f.sha256, pdq: f.pdq,
        row: { tip_id: id, file_name: f.name, md5: f.md5, sha1: f.sha1, sha256: f.sha256, pdq: f.pdq, viewed_by_esp: f.viewedByEsp, publicly_available: f.publiclyAvailable, classification: f.classification, annotations: f.annotations },
      });
      for (const col of HASHES) if (f[col]) lockKeys.push(`${col}:${f[col]}`);
    }
  }

  // 3. What relates these reports to others, locked before anyone looks (relationLocks). Of two batches sharing a
  // key, the later looks only after the earlier has committed its rows (written below, before its commit).
  await relationLocks(tx, lockKeys);

  // 4. One statement reads what triage needs: related reports (an earlier tip, stored and committed, with the same
  // entity, URL or hash; those earlier in this batch are added below), exact hash matches against hash sets and
  // every case's media, which identifiers are already in a case, and the priority rules as they are now (an
  // analyst's change applies to the next batch).
  const allEntities = [...new Set([...entitiesOfTip.values()].flat())];
  const cap = RELATED_CAP;
  const urlKeys = [...new Set(urlRows.map((u) => u.url_key))];
  const valuesOf = (col: (typeof HASHES)[number]) => [...new Set(files.map((f) => f[col]).filter((v): v is string => !!v))];
  const reads: RawBuilder<unknown>[] = [];
  if (fresh.length) reads.push(sql`SELECT 'rule', code, weight::text, enabled::text FROM tip_rules`);
  if (allEntities.length) {
    reads.push(sql`SELECT 'entity' AS t, q.e::text AS a, h.tip_id::text AS b, NULL::text AS c
        FROM unnest(${allEntities}::uuid[]) AS q(e) CROSS JOIN LATERAL (
          SELECT tip_id FROM tip_identifiers WHERE tip_identifiers.entity_id = q.e ORDER BY tip_id LIMIT ${cap}
        ) h`);
    // Each end looked up by its own index (links_from_in_case, links_to_in_case: links recorded in a case only).
    reads.push(sql`SELECT DISTINCT 'in_case', x.id, NULL::text, NULL::text FROM (
        SELECT from_id AS id FROM links WHERE case_id IS NOT NULL AND from_type = 'entity' AND from_id = ANY(${allEntities}::text[])
        UNION ALL SELECT to_id FROM links WHERE case_id IS NOT NULL AND to_type = 'entity' AND to_id = ANY(${allEntities}::text[])
        UNION ALL SELECT entity_id::text FROM communication_participants WHERE entity_id = ANY(${allEntities}::uuid[])
        UNION ALL SELECT from_entity_id::text FROM payments WHERE from_entity_id = ANY(${allEntities}::uuid[])
        UNION ALL SELECT to_entity_id::text FROM payments WHERE to_entity_id = ANY(${allEntities}::uuid[])
      ) x`);
  }
  if (urlKeys.length) {
    reads.push(sql`SELECT 'url', q.k, h.tip_id::text, NULL::text FROM unnest(${urlKeys}::text[]) AS q(k) CROSS JOIN LATERAL (
        SELECT tip_id FROM tip_urls WHERE tip_urls.url_key = q.k ORDER BY tip_id LIMIT ${cap}
      ) h`);
  }
  for (const col of HASHES) {
    const values = valuesOf(col);
    if (!values.length) continue;
    reads.push(sql`SELECT ${`hash:${col}`}::text, q.v, h.tip_id::text, NULL::text FROM unnest(${values}::text[]) AS q(v) CROSS JOIN LATERAL (
        SELECT tip_id FROM tip_files WHERE ${sql.ref(`tip_files.${col}`)} = q.v ORDER BY tip_id LIMIT ${cap}
      ) h`);
    if (col === 'pdq') continue; // PDQ is matched within a radius below, not exactly
    // OFFSET 0 keeps each LATERAL a probe per value (a subquery with OFFSET is never pulled up into a join).
    reads.push(sql`(SELECT ${`set:${col}`}::text, x.v, x.name, NULL::text FROM unnest(${values}::text[]) AS q(v) CROSS JOIN LATERAL (
        SELECT ${sql.ref(`hash_set_entries.${col}`)} AS v, hash_sets.name FROM hash_set_entries JOIN hash_sets ON hash_sets.id = hash_set_entries.hash_set_id
        WHERE ${sql.ref(`hash_set_entries.${col}`)} = q.v OFFSET 0
      ) x LIMIT ${1000 * fresh.length})`);
    reads.push(sql`(SELECT ${`media:${col}`}::text, x.v, x.case_id, x.id FROM unnest(${values}::text[]) AS q(v) CROSS JOIN LATERAL (
        SELECT ${sql.ref(`media_files.${col}`)} AS v, media_files.case_id::text AS case_id, media_files.id::text AS id FROM media_files
        WHERE ${sql.ref(`media_files.${col}`)} = q.v OFFSET 0
      ) x LIMIT ${1000 * fresh.length})`);
  }
  const hits = reads.length ? (await sql<{ t: string; a: string; b: string | null; c: string | null }>`${prepared}SELECT * FROM (${sql.join(reads, sql` UNION ALL `)}) AS r(t, a, b, c)`.execute(tx)).rows : [];
  // The hits by kind, then by value (one pass; each list grown in place: a batch of hundreds of reports reads
  // thousands of hits, and copying a list per hit made this quadratic in the hits per value).
  const hitsOf = new Map<string, Map<string, string[]>>();
  for (const h of hits) {
    let m = hitsOf.get(h.t);
    if (!m) hitsOf.set(h.t, (m = new Map()));
    const list = m.get(h.a);
    if (list) list.push(h.b!);
    else m.set(h.a, [h.b!]);
  }
  const group = (t: string) => hitsOf.get(t) ?? new Map<string, string[]>();
  /** Adds the reports of this batch to the stored ones (relate() keeps only those earlier in the batch). */
  const withBatch = (m: Map<string, string[]>, pairs: Iterable<[string, string]>) => {
    for (const [value, tipId] of pairs) {
      const list = m.get(value);
      if (list) list.push(tipId);
      else m.set(value, [tipId]);
    }
    return m;
  };

  // Related reports: at most RELATED_CAP per report, each (other report, reason, value) once, in the order found.
  const relations = new Map<string, Array<{ tip_id: string; related_tip_id: string; reason: TipRelationReason; value: string }>>();
  const relationKeys = new Map<string, Set<string>>();
  const relate = (tipId: string, other: string, reason: TipRelationReason, value: string) => {
    if (other === tipId) return;
    const mine = orderOf.get(tipId)!;
    const theirs = orderOf.get(other);
    if (theirs !== undefined && theirs > mine) return; // later in this batch: it will name this one
    let list = relations.get(tipId);
    let keys = relationKeys.get(tipId);
    if (!list || !keys) {
      relations.set(tipId, (list = []));
      relationKeys.set(tipId, (keys = new Set()));
    }
    if (list.length >= RELATED_CAP) return;
    const v = value.slice(0, 300);
    const k = `${other}\u0000${reason}\u0000${v}`;
    if (keys.has(k)) return;
    keys.add(k);
    list.push({ tip_id: tipId, related_tip_id: other, reason, value: v });
  };
  const byEntity = withBatch(group('entity'), [...entitiesOfTip].flatMap(([tipId, es]) => es.map((e): [string, string] => [e, tipId])));
  const kindDisplay = new Map([...entityId.values()].map((e) => [e.id, e]));
  for (const { id } of fresh) {
    for (const e of entitiesOfTip.get(id) ?? []) {
      const ent = kindDisplay.get(e)!;
      for (const other of byEntity.get(e) ?? []) relate(id, other, relationReason(ent.kind), ent.display);
    }
  }
  const byUrl = withBatch(group('url'), urlRows.map((u): [string, string] => [u.url_key, u.tip_id]));
  for (const u of urlRows) for (const other of byUrl.get(u.url_key) ?? []) relate(u.tip_id, other, 'url', u.url_key);
  for (const col of HASHES) {
    const byValue = withBatch(group(`hash:${col}`), files.filter((f) => f[col]).map((f): [string, string] => [f[col]!, f.tip_id]));
    for (const f of files) {
      const v = f[col];
      if (v) for (const other of byValue.get(v) ?? []) relate(f.tip_id, other, 'hash', `${col}:${v}`);
    }
  }

  // Hash matches of each file (by its place in `files`): hash sets (known material) and every case's media.
  const matches = new Map<number, FileMatch[]>();
  for (const col of EXACT) {
    const setHits = hits.filter((h) => h.t === `set:${col}`);
    const mediaHits = hits.filter((h) => h.t === `media:${col}`);
    if (!setHits.length && !mediaHits.length) continue;
    files.forEach((f, fi) => {
      const v = f[col];
      if (!v) return;
      const list = matches.get(fi) ?? [];
      for (const h of setHits) if (h.a === v && !list.some((m) => m.kind === 'hash_set' && m.label === h.b)) list.push({ kind: 'hash_set', label: h.b!, caseId: null, by: col });
      for (const h of mediaHits) if (h.a === v && !list.some((m) => m.kind === 'case_media' && m.caseId === h.b)) list.push({ kind: 'case_media', label: `media file ${h.c}`, caseId: h.b, by: col });
      if (list.length) matches.set(fi, list);
    });
  }
  // PDQ within the radius media ingest uses (nearest hit per hash set or case kept).
  const withPdq = files.map((f, fi) => ({ f, fi })).filter(({ f }) => f.pdq);
  if (withPdq.length) {
    const near = await knownPdqNear(db, tx, withPdq.map(({ f }) => f.pdq!), { media: true });
    for (const [i, found] of near) {
      const { fi } = withPdq[i]!;
      const list = matches.get(fi) ?? [];
      for (const h of found.slice(0, 1000)) { // nearest first
        if (h.kind === 'hash_set' && !list.some((m) => m.kind === 'hash_set' && m.label === h.setName)) list.push({ kind: 'hash_set', label: h.setName!, caseId: null, by: 'pdq', distance: h.distance });
        if (h.kind === 'case_media' && !list.some((m) => m.kind === 'case_media' && m.caseId === h.ownerId)) list.push({ kind: 'case_media', label: `media file ${h.id}`, caseId: h.ownerId, by: 'pdq', distance: h.distance });
      }
      if (list.length) matches.set(fi, list);
    }
  }

  // Identifiers already in a case (a link recorded in one, a payment, a communication).
  const inCaseIds = new Set(hits.filter((h) => h.t === 'in_case').map((h) => h.a));
  const rules: RuleSetting[] = hits.filter((h) => h.t === 'rule' && (tipRuleCodes as readonly string[]).includes(h.a))
    .map((h) => ({ code: h.a as TipRuleCode, weight: Number(h.b), enabled: h.c === 'true' }));

  // 5. Priority and routing of each.
  const filesOf = new Map<string, number[]>();
  files.forEach((f, fi) => filesOf.set(f.tip_id, [...(filesOf.get(f.tip_id) ?? []), fi]));
  const tipRows = fresh.map(({ item, id }) => {
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
    return {
      ...item.values, id, priority: scored.priority, priority_reasons: JSON.stringify(scored.reasons), branch_id: routing.branchId,
      routing: JSON.stringify({ method: routing.method, detail: routing.detail, facts: routing.facts }),
    } as Record<string, unknown>;
  });

  // 6. One statement writes every new tip with its triage, its identifiers, links, URLs, files (with their hash
  // matches) and related reports. The tips are inserted in idempotency-key order; a key another transaction
  // committed meanwhile fails the statement (unique), and the batch is then filed report by report (the repeat
  // answers the first receipt). Every row written here is checked against its tip at the end of the statement.
  // The identifiers, URLs and relations are rows of NEW tips, each made once above (per tip: an entity and role
  // once, a URL key once, an other report, reason and value once), so no stored row can share their keys: they
  // are inserted plainly, not ON CONFLICT DO NOTHING (a speculative insertion costs PostgreSQL a probe of the key
  // before the row and a confirmation record in the WAL after it, for some 20 rows per report at 32,000 tips).
  // Their keys still hold: a duplicate would fail the statement, as any broken key does. Links keep ON CONFLICT:
  // two identifiers of one report may name the same link.
  const made: Array<{ source_id: string; from_id: string; to_id: string }> = [];
  if (tipRows.length) {
    tipRows.sort((a, b) => (String(a.idempotency_key) < String(b.idempotency_key) ? -1 : String(a.idempotency_key) > String(b.idempotency_key) ? 1 : 0));
    const columns = Object.keys(tipRows[0]!);
    const json = (rows: Array<Record<string, unknown>>) => JSON.stringify(rows.map((r, o) => ({ ...r, o })));
    const fileRows = files.map((f, fi) => ({ ...f.row, matches: matches.get(fi) ?? [] }));
    const relationRows = [...relations.values()].flat();
    // The tips as one JSON array (one parameter, so the statement's text is the same whatever the batch's size and
    // is prepared once per connection: prepared.ts), in this order; the jsonb columns' values are JSON texts
    // already and go in as they are.
    const tipsJson = `[${tipRows.map((r) => `{${columns.map((c) => `${JSON.stringify(c)}:${JSONB_TIP_COLUMNS.has(c) && typeof r[c] === 'string' ? r[c] as string : JSON.stringify(r[c] ?? null)}`).join(',')}}`).join(',')}]`;
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    const out = await sql<{ source_id: string; from_id: string; to_id: string }>`${prepared}
      WITH new_tips AS (
        INSERT INTO tips (${cols}, triaged_at)
        SELECT ${sql.join(columns.map((c) => sql.ref(`t.${c}`)))}, now()
        FROM jsonb_array_elements(${tipsJson}::jsonb) WITH ORDINALITY AS e(j, o) CROSS JOIN LATERAL jsonb_populate_record(NULL::tips, e.j) AS t
        ORDER BY e.o
      ), idents AS (
        INSERT INTO tip_identifiers (tip_id, entity_id, role)
        SELECT tip_id, entity_id, role FROM jsonb_to_recordset(${json(identRows)}::jsonb) AS x(tip_id uuid, entity_id uuid, role text)
      ), made_links AS (
        INSERT INTO links (kind, from_type, from_id, to_type, to_id, case_id, source_type, source_id, observed_from, observed_to, confidence, notes, recorded_by, recorded_at)
        SELECT kind, 'entity', from_id, 'entity', to_id, NULL, 'tip', source_id, NULL, NULL, 1, '', recorded_by, clock_timestamp()
        FROM jsonb_to_recordset(${json(linkRows)}::jsonb) AS x(kind text, from_id text, to_id text, source_id text, recorded_by uuid, o integer) ORDER BY o
        ON CONFLICT DO NOTHING RETURNING source_id, from_id, to_id
      ), urls AS (
        INSERT INTO tip_urls (tip_id, url, url_key)
        SELECT tip_id, url, url_key FROM jsonb_to_recordset(${json(urlRows)}::jsonb) AS x(tip_id uuid, url text, url_key text)
      ), made_files AS (
        INSERT INTO tip_files (tip_id, file_name, md5, sha1, sha256, pdq, viewed_by_esp, publicly_available, classification, annotations, matches)
        SELECT tip_id, file_name, md5, sha1, sha256, pdq, viewed_by_esp, publicly_available, classification, annotations, matches
        FROM jsonb_to_recordset(${json(fileRows)}::jsonb)
          AS x(tip_id uuid, file_name text, md5 text, sha1 text, sha256 text, pdq text, viewed_by_esp boolean, publicly_available boolean, classification text, annotations jsonb, matches jsonb, o integer)
        ORDER BY o
      ), related AS (
        INSERT INTO tip_relations (tip_id, related_tip_id, reason, value)
        SELECT tip_id, related_tip_id, reason, value FROM jsonb_to_recordset(${JSON.stringify(relationRows)}::jsonb) AS r(tip_id uuid, related_tip_id uuid, reason text, value text)
      )
      SELECT source_id, from_id, to_id FROM made_links`.execute(tx);
    made.push(...out.rows);
  }

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

  // 7. One entry per report (a repeat too), in the order received, as one step of the chain.
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
 * Batches written at once (each its own transaction and connection). A batch costs the same ten statements
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
 * batch starts beside the first when SECOND_BATCH_AT reports wait). A batch that fails is written again in halves
 * (fileInHalves), each report answering its own outcome.
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
    const outcomes = await fileInHalves(this.app, batch.map((w) => w.item), deps);
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if ('ok' in o) w.resolve(o.ok);
      else w.reject(o.error);
    });
  }
}
