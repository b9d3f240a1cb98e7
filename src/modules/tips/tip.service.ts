import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { systemActor, userIdOf, type Actor } from '../../platform/access/actor.ts';
import { requireCaseAccess } from '../../platform/access/case-scope.ts';
import { inTransaction, type ServiceContext, type AppContext } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { LinkKind, NodeType, TipChannel } from '../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { toStoredJson } from '../../platform/text/well-formed.ts';
import { reporterActor, type Reporter } from '../../platform/auth/reporter-keys.ts';
import { recordEntityLink } from '../entities/entity.service.ts';
import { idempotencyKey, normalisePublic, normaliseReport, parseReport, type FieldProblem, type NormalTip } from './tip.normalise.ts';
import { checkIdentifiers, fileInHalves, IntakeBatcher, TIP_LINK_KINDS, type BatchItem } from './tip.intake-batch.ts';
import { createPersonBody } from '../persons/person.schema.ts';
import { linkPerson } from '../persons/case-persons.service.ts';
import { scoreTip, type PriorityReason, type RuleSetting } from './tip.rules.ts';
import { tipVisibleTo } from './tip.scope.ts';
import { tipRuleCodes, type ListTipsQuery, type PublicTipInput, type TipDetail, type TipRuleCode, type TipSummary } from './tip.schema.ts';
import { historyReason, recordCaseEvent } from '../cases/case-events.ts';

// Intake and triage of tips (issue 11). A report is checked whole before anything is written; then, in one
// transaction: the tip row (one per idempotency key: a repeat answers the first receipt), its identifiers as the
// graph's entities with links whose source is the tip, its URLs and files, related tips, hash matches, priority
// and routing, and the audit entry. Analysts and the branch's supervisors work the queue: route, convert to a
// case or attach to one (entities and file hashes carried over), or close.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U
export function newReceipt(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(32)]).join('');
  return `TIP-${part()}-${part()}-${part()}`;
}

const problemError = (problems: FieldProblem[]) =>
  new AppError('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

export interface IntakeSource {
  channel: TipChannel;
  /** The reporting organisation (and the key it used, over the API; none for an import from the CLI). */
  reporter: Reporter | null;
  ip: string | null;
}

export interface IntakeResult {
  id: string;
  receipt: string;
  created: boolean;
}

/** Checks one report (either shape); throws 400 naming the fields, before anything is stored. */
export function checkReport(body: unknown, prefix = 'body'): { tip: NormalTip; raw: unknown } {
  const parsed = parseReport(body, prefix);
  if (!parsed.ok) throw problemError(parsed.problems);
  const normal = normaliseReport(parsed, prefix);
  if (!normal.ok) throw problemError(normal.problems);
  return { tip: normal.tip, raw: parsed.raw };
}

/** Files one report from a reporting organisation (API or import). */
export async function receiveReport(app: AppContext, source: IntakeSource, body: unknown): Promise<IntakeResult> {
  const { tip, raw } = checkReport(body);
  return storeTip(app, source, tip, raw);
}

/** Files one report of the public form. */
export async function receivePublicTip(app: AppContext, input: PublicTipInput, ip: string | null): Promise<IntakeResult> {
  const normal = normalisePublic(input);
  if (!normal.ok) throw problemError(normal.problems);
  return storeTip(app, { channel: 'public', reporter: null, ip }, normal.tip, input);
}

function intakeActor(source: IntakeSource): Actor {
  if (source.reporter && source.channel === 'api') return reporterActor(source.reporter, source.ip);
  if (source.reporter) return { ...systemActor(`tips-import:${source.reporter.organisation}`), ip: source.ip };
  return { ...systemActor(source.channel === 'public' ? 'public-form' : 'tips-import'), ip: source.ip };
}

const batchers = new WeakMap<object, IntakeBatcher>();
/** The group commit of this database handle (tip.intake-batch.ts). */
function batcherOf(app: AppContext): IntakeBatcher {
  let b = batchers.get(app.db);
  if (!b) {
    b = new IntakeBatcher(app, async () => ({ branches: await branchesByDistrict(app.db) }));
    batchers.set(app.db, b);
  }
  return b;
}

/**
 * Stores one report with its triage and audit entry (one transaction, possibly shared with reports that arrived
 * at the same moment: tip.intake-batch.ts). A repeat (same idempotency key) answers the first receipt.
 */
async function storeTip(app: AppContext, source: IntakeSource, tip: NormalTip, raw: unknown): Promise<IntakeResult> {
  return batcherOf(app).submit(batchItemOf(app, source, tip, raw));
}

/** A checked report as the batch writer files it (throws 400 naming the field for an identifier it cannot key). */
function batchItemOf(app: AppContext, source: IntakeSource, tip: NormalTip, raw: unknown): BatchItem {
  checkIdentifiers(tip);
  const orgId = source.reporter?.organisationId ?? null;
  const key = idempotencyKey(orgId, tip.externalId, raw);
  const ctx: ServiceContext = { ...app, actor: intakeActor(source) };
  return {
    ctx, key, tip,
    values: {
      receipt: newReceipt(), channel: source.channel, format: tip.format, organisation_id: orgId, key_id: source.channel === 'api' ? source.reporter?.keyId ?? null : null,
      external_id: tip.externalId, idempotency_key: key, incident_type: tip.incidentType, incident_at: tip.incidentAt, escalate: tip.escalate,
      summary: tip.summary, location: JSON.stringify(toStoredJson(tip.location)), annotations: JSON.stringify(tip.annotations), branch_id: null,
      routing: '{}', priority_reasons: '[]', raw: JSON.stringify(toStoredJson(raw)),
    },
    organisation: source.reporter?.organisation ?? null,
    keyId: source.reporter?.keyId ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Triage (the batched writing is in tip.intake-batch.ts).

let branchCache: { at: number; map: Map<string, number> } | null = null;
async function branchesByDistrict(db: Db | Tx): Promise<Map<string, number>> {
  if (branchCache && branchCache.at > Date.now() - 60_000) return branchCache.map;
  const rows = await db.selectFrom('branches').select(['id', 'district']).execute();
  const map = new Map(rows.map((r) => [r.district.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' '), r.id]));
  branchCache = { at: Date.now(), map };
  return map;
}

export async function readRules(db: Db | Tx): Promise<RuleSetting[]> {
  const rows = await db.selectFrom('tip_rules').select(['code', 'weight', 'enabled']).execute();
  return rows.filter((r) => (tipRuleCodes as readonly string[]).includes(r.code)).map((r) => ({ code: r.code as TipRuleCode, weight: r.weight, enabled: r.enabled }));
}

interface FileMatch { kind: 'hash_set' | 'case_media'; label: string; caseId: string | null; by: string }

export interface ImportOutcome {
  received: number;
  created: number;
  repeats: number;
  refused: Array<{ item: number; problems: FieldProblem[] }>;
}

/** Reports per transaction of an import, by default (importReports). */
export const IMPORT_BATCH = 500;
/** Transactions of one import written at once: while one waits on the database, the next is being written. */
const IMPORT_RUNNING = 2;

/**
 * Why the database refused a report filed alone (a report that passed every check but broke a rule of the
 * database), for the import's list; undefined for a failure that is not the report's (a lost connection, a
 * deadlock, a server shutting down): the import then stops, and what it filed stays filed (run it again: the
 * reports already filed answer as repeats).
 */
function refusedByDatabase(err: unknown): FieldProblem | undefined {
  const e = err as { code?: unknown; constraint?: unknown; column?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || !/^2[23]/.test(e.code)) return undefined;
  const what = e.code === '23505' ? 'a record with these values already exists'
    : e.code === '23503' ? 'a record it refers to does not exist'
    : 'a value is out of range or malformed';
  const where = [e.column, e.constraint].filter((x): x is string => typeof x === 'string' && x.length > 0).join(', ');
  return { field: 'body', message: `the database refused it: ${what} (${e.code}${where ? `, ${where}` : ''})` };
}

/**
 * Files a batch for an organisation (`amaan tips import`). Each report is checked as the API checks it (a bad one
 * is refused with its reasons and the rest go on), then the checked reports are filed `batch` at a time (default
 * IMPORT_BATCH), each batch in ONE transaction with the same triage, idempotency and one audit entry per report as
 * the API's group commit (tip.intake-batch.ts), two batches at a time. A batch the database refuses leaves nothing
 * written and is filed again in halves (fileInHalves), so a report the database refuses is listed with the reason
 * and every other report is filed whole. `onProgress` gets the number of reports done (filed or refused) as it grows.
 *
 * `concurrency` (reports in flight, the CLI's older option) sets the batch to half of it when `batch` is not given.
 */
export async function importReports(app: AppContext, organisation: { id: string; name: string }, reports: AsyncIterable<{ item: number; body: unknown } | { item: number; error: string }>, opts: { batch?: number; concurrency?: number; onProgress?: (done: number) => void } = {}): Promise<ImportOutcome> {
  const size = Math.max(1, Math.floor(opts.batch ?? (opts.concurrency !== undefined ? Math.ceil(opts.concurrency / 2) : IMPORT_BATCH)));
  const out: ImportOutcome = { received: 0, created: 0, repeats: 0, refused: [] };
  const source: IntakeSource = { channel: 'import', reporter: { keyId: '', organisationId: organisation.id, organisation: organisation.name }, ip: null };
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done);
  };
  const running = new Set<Promise<void>>();
  let failed: unknown = null;
  const write = (group: Array<{ item: number; batchItem: BatchItem }>) => {
    const p = (async () => {
      const deps = { branches: await branchesByDistrict(app.db) };
      const outcomes = await fileInHalves(app, group.map((g) => g.batchItem), deps);
      outcomes.forEach((o, i) => {
        if ('ok' in o) {
          out.received++;
          if (o.ok.created) out.created++;
          else out.repeats++;
          return;
        }
        const problem = refusedByDatabase(o.error);
        if (!problem) throw o.error;
        out.refused.push({ item: group[i]!.item, problems: [problem] });
      });
      progress(group.length);
    })().catch((err: unknown) => {
      failed ??= err;
    }).finally(() => running.delete(p));
    running.add(p);
  };
  let group: Array<{ item: number; batchItem: BatchItem }> = [];
  for await (const r of reports) {
    if (failed) break;
    if ('error' in r) {
      out.refused.push({ item: r.item, problems: [{ field: 'body', message: r.error }] });
      progress(1);
      continue;
    }
    try {
      const { tip, raw } = checkReport(r.body);
      group.push({ item: r.item, batchItem: batchItemOf(app, source, tip, raw) });
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'internal') throw err;
      out.refused.push({ item: r.item, problems: err.errors.length ? err.errors : [{ field: 'body', message: err.message }] });
      progress(1);
      continue;
    }
    if (group.length >= size) {
      write(group);
      group = [];
      // The next batch is read and checked while these are written; never more than IMPORT_RUNNING at once.
      while (running.size >= IMPORT_RUNNING) await Promise.race(running);
    }
  }
  if (group.length && !failed) write(group);
  await Promise.all(running);
  if (failed) throw failed;
  out.refused.sort((a, b) => a.item - b.item);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Receipts (the reporting organisation's own).

export async function readReceipt(app: AppContext, reporter: Reporter, ip: string | null, receipt: string) {
  const row = await app.db.selectFrom('tips').select(['id', 'receipt', 'received_at', 'status']).where('receipt', '=', receipt).where('organisation_id', '=', reporter.organisationId).executeTakeFirst();
  const ctx: ServiceContext = { ...app, actor: reporterActor(reporter, ip) };
  await inTransaction(ctx, (_tx, audit) => audit({ action: 'tip.receipt_read', entityType: 'tip', entityId: row?.id ?? null, details: { receipt, found: !!row } }));
  if (!row) throw notFound('receipt');
  const status = row.status === 'new' ? 'received' : row.status === 'closed' ? 'closed' : 'acted_on';
  return { receipt: row.receipt, receivedAt: row.received_at.toISOString(), status: status as 'received' | 'acted_on' | 'closed' };
}

// ---------------------------------------------------------------------------------------------------------
// The queue and a tip.

const ageHours = (d: Date) => Math.round(((Date.now() - d.getTime()) / 3_600_000) * 10) / 10;

function tipBase(db: Db | Tx, actor: Actor) {
  return db.selectFrom('tips')
    .leftJoin('branches', 'branches.id', 'tips.branch_id')
    .leftJoin('tip_organisations', 'tip_organisations.id', 'tips.organisation_id')
    .where(tipVisibleTo(actor));
}

const summaryColumns = [
  'tips.id', 'tips.receipt', 'tips.channel', 'tips.format', 'tip_organisations.name as organisation', 'tips.incident_type', 'tips.incident_at', 'tips.escalate', 'tips.priority',
  'tips.priority_reasons', 'tips.branch_id', 'branches.district as branch', 'tips.status', 'tips.case_id', 'tips.received_at',
] as const;

type SummaryRow = {
  id: string; receipt: string; channel: TipSummary['channel']; format: TipSummary['format']; organisation: string | null; incident_type: string; incident_at: Date | null; escalate: boolean;
  priority: number; priority_reasons: unknown; branch_id: number | null; branch: string | null; status: TipSummary['status']; case_id: string | null; received_at: Date;
};

function toSummary(r: SummaryRow, related: number): TipSummary {
  return {
    id: r.id, receipt: r.receipt, channel: r.channel, format: r.format, organisation: r.organisation, incidentType: r.incident_type, incidentAt: r.incident_at?.toISOString() ?? null,
    escalate: r.escalate, priority: r.priority, reasons: (r.priority_reasons as PriorityReason[]) ?? [], branchId: r.branch_id, branch: r.branch, status: r.status, caseId: r.case_id,
    receivedAt: r.received_at.toISOString(), ageHours: ageHours(r.received_at), related,
  };
}

async function relatedCounts(db: Db | Tx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await sql<{ id: string; n: string }>`
    SELECT id, count(DISTINCT other)::text AS n FROM (
      SELECT tip_id AS id, related_tip_id AS other FROM tip_relations WHERE tip_id IN (${sql.join(ids)})
      UNION ALL SELECT related_tip_id AS id, tip_id AS other FROM tip_relations WHERE related_tip_id IN (${sql.join(ids)})
    ) r GROUP BY id`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, Number(r.n)]));
}

/** The queue: by priority, then the oldest first; a branch's (or the unrouted) tips. */
export async function listTips(ctx: ServiceContext, q: ListTipsQuery) {
  let base = tipBase(ctx.db, ctx.actor);
  if (q.status) base = base.where('tips.status', '=', q.status);
  if (q.branch === 'unrouted') base = base.where('tips.branch_id', 'is', null);
  else if (q.branch !== undefined) base = base.where('tips.branch_id', '=', q.branch);
  const [rows, total] = await Promise.all([
    base.select([...summaryColumns]).orderBy('tips.priority', 'desc').orderBy('tips.received_at', 'asc').orderBy('tips.id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const counts = await relatedCounts(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toSummary(r as SummaryRow, counts.get(r.id) ?? 0)), total: Number(total.n), limit: q.limit, offset: q.offset };
}

async function requireTip(db: Db | Tx, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  let q = db.selectFrom('tips').selectAll().where('tips.id', '=', id).where(tipVisibleTo(actor));
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('tip');
  return row;
}

export async function getTip(ctx: ServiceContext, id: string): Promise<TipDetail> {
  const r = await tipBase(ctx.db, ctx.actor).select([...summaryColumns, 'tips.summary', 'tips.annotations', 'tips.location', 'tips.routing', 'tips.raw']).where('tips.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('tip');
  const [idents, urls, files, rel1, rel2] = await Promise.all([
    ctx.db.selectFrom('tip_identifiers').innerJoin('entities', 'entities.id', 'tip_identifiers.entity_id')
      .select(['entities.id', 'entities.kind', 'entities.display', 'entities.platform', 'tip_identifiers.role',
        sql<string>`(SELECT count(DISTINCT l.case_id) FROM links l WHERE l.case_id IS NOT NULL AND ((l.from_type = 'entity' AND l.from_id = entities.id::text) OR (l.to_type = 'entity' AND l.to_id = entities.id::text)))::text`.as('cases')])
      .where('tip_identifiers.tip_id', '=', id).orderBy('tip_identifiers.role').orderBy('entities.kind').orderBy('entities.display').execute(),
    ctx.db.selectFrom('tip_urls').select('url').where('tip_id', '=', id).orderBy('url').execute(),
    ctx.db.selectFrom('tip_files').selectAll().where('tip_id', '=', id).orderBy('id').execute(),
    ctx.db.selectFrom('tip_relations').innerJoin('tips', 'tips.id', 'tip_relations.related_tip_id').select(['tips.id', 'tips.receipt', 'tips.status', 'tip_relations.reason', 'tip_relations.value']).where('tip_relations.tip_id', '=', id).where(tipVisibleTo(ctx.actor)).execute(),
    ctx.db.selectFrom('tip_relations').innerJoin('tips', 'tips.id', 'tip_relations.tip_id').select(['tips.id', 'tips.receipt', 'tips.status', 'tip_relations.reason', 'tip_relations.value']).where('tip_relations.related_tip_id', '=', id).where(tipVisibleTo(ctx.actor)).execute(),
  ]);
  const relatedMap = new Map<string, TipDetail['relatedTips'][number]>();
  for (const x of [...rel1, ...rel2]) {
    const e = relatedMap.get(x.id) ?? { id: x.id, receipt: x.receipt, status: x.status, reasons: [] };
    if (!e.reasons.some((y) => y.reason === x.reason && y.value === x.value)) e.reasons.push({ reason: x.reason, value: x.value });
    relatedMap.set(x.id, e);
  }
  // Who may see a case's media match: the file is named, the case only when the caller may read it.
  const caseIds = [...new Set(files.flatMap((f) => ((f.matches as FileMatch[]) ?? []).map((m) => m.caseId).filter((c): c is string => !!c)))];
  const visibleCases = new Set<string>();
  for (const c of caseIds) {
    try {
      await requireCaseAccess(ctx.db, ctx.actor, c);
      visibleCases.add(c);
    } catch { /* not theirs: the match is shown without the case */ }
  }
  const summary = toSummary(r as SummaryRow, relatedMap.size);
  return {
    ...summary,
    summary: r.summary, annotations: (r.annotations as string[]) ?? [], location: (r.location as Record<string, unknown>) ?? {}, routing: (r.routing as TipDetail['routing']) ?? {},
    identifiers: idents.map((i) => ({ entityId: i.id, kind: i.kind, display: i.display, platform: i.platform, role: i.role, cases: Number(i.cases) })),
    urls: urls.map((u) => u.url),
    files: files.map((f) => ({
      id: Number(f.id), name: f.file_name, md5: f.md5, sha1: f.sha1, sha256: f.sha256, pdq: f.pdq, viewedByEsp: f.viewed_by_esp, publiclyAvailable: f.publicly_available,
      classification: f.classification, annotations: (f.annotations as string[]) ?? [],
      matches: ((f.matches as FileMatch[]) ?? []).map((m) => ({ ...m, caseId: m.caseId && visibleCases.has(m.caseId) ? m.caseId : null })),
    })),
    relatedTips: [...relatedMap.values()],
    raw: r.raw,
  };
}

/** An analyst routes (or re-routes) a tip to a branch. */
export async function routeTipTo(ctx: ServiceContext, id: string, branchId: number): Promise<void> {
  await inTransaction(ctx, async (tx, audit) => {
    const tip = await requireTip(tx, ctx.actor, id, { lock: true });
    if (tip.status !== 'new') throw conflict('the tip has been dealt with already', 'status');
    const branch = await tx.selectFrom('branches').select(['id', 'district']).where('id', '=', branchId).executeTakeFirst();
    if (!branch) throw invalid('branchId', 'unknown branch');
    await tx.updateTable('tips').set({ branch_id: branchId, routing: JSON.stringify({ method: 'analyst', detail: `routed by ${ctx.actor.displayName} to ${branch.district}` }) }).where('id', '=', id).execute();
    await audit({ action: 'tip.route', entityType: 'tip', entityId: id, details: { from: tip.branch_id, to: branchId } });
  });
}

/** What a converted or attached tip carries into its case: every identifier (with its links) and file hash. */
async function carryOver(tx: Tx, ctx: ServiceContext, tipId: string, caseId: string, receipt: string): Promise<{ entities: number; files: number }> {
  const idents = await tx.selectFrom('tip_identifiers').innerJoin('entities', 'entities.id', 'tip_identifiers.entity_id')
    .select(['entities.id', 'entities.kind', 'tip_identifiers.role']).where('tip_id', '=', tipId).orderBy('entities.id').execute();
  // The links between the tip's identifiers, as triage recorded them without a case, recorded again in the case.
  // Read by their whole key in links_fact (kind, both ends among the tip's entities, no case, the tip as source):
  // no index leads with the source, and filtered by source alone the read scanned every link.
  const ents = [...new Set(idents.map((i) => i.id))];
  const links = ents.length ? (await sql<{ kind: LinkKind; from_type: NodeType; from_id: string; to_type: NodeType; to_id: string }>`
    SELECT kind, from_type, from_id, to_type, to_id FROM links
    WHERE kind = ANY(${[...TIP_LINK_KINDS]}::text[]) AND from_type = 'entity' AND from_id = ANY(${ents}::text[])
      AND to_type = 'entity' AND to_id = ANY(${ents}::text[]) AND coalesce(case_id::text, '') = ''
      AND coalesce(source_type, '') = 'tip' AND coalesce(source_id, '') = ${tipId}
    ORDER BY recorded_at, id`.execute(tx)).rows : [];
  for (const l of links) {
    await recordEntityLink(tx, ctx, { kind: l.kind, from: { type: l.from_type, id: l.from_id }, to: { type: l.to_type, id: l.to_id }, caseId, sourceType: 'tip', sourceId: tipId });
  }
  for (const e of new Set(idents.map((i) => i.id))) await recordEntityLink(tx, ctx, { kind: 'appears_in', from: { type: 'entity', id: e }, to: { type: 'case', id: caseId }, caseId, sourceType: 'tip', sourceId: tipId });
  const files = await tx.selectFrom('tip_files').select(['file_name', 'md5', 'sha1', 'sha256', 'pdq', 'viewed_by_esp']).where('tip_id', '=', tipId).orderBy('id').execute();
  const fileLines = files.map((f) => [f.file_name || '(no name)', f.md5 && `MD5 ${f.md5}`, f.sha1 && `SHA-1 ${f.sha1}`, f.sha256 && `SHA-256 ${f.sha256}`, f.pdq && `PDQ ${f.pdq}`, f.viewed_by_esp === null ? null : `viewed by the platform: ${f.viewed_by_esp ? 'yes' : 'no'}`].filter(Boolean).join(', '));
  const details = fileLines.map((l) => `\n- ${l}`).join('').slice(0, 9_000);
  await recordCaseEvent(tx, {
    caseId, kind: 'event', occurredAt: new Date(), actorId: userIdOf(ctx.actor),
    text: { code: 'tipCarried', params: { receipt, identifiers: new Set(idents.map((i) => i.id)).size, files: files.length, details } },
  });
  return { entities: new Set(idents.map((i) => i.id)).size, files: files.length };
}

const DEFAULT_OFFENCES = ['PECA-22'];

/**
 * Tips feed entity resolution, never merging: each reported person the report names becomes a suspect of the case
 * with the identifiers reported for them (linkPerson scores the new person against everyone, so a likely duplicate
 * is proposed on the suggestions page for an analyst to merge or reject). Never fails the decision already made.
 */
async function personsFromTip(ctx: ServiceContext, tipId: string, caseId: string): Promise<number> {
  try {
    const row = await ctx.db.selectFrom('tips').select(['raw', 'format']).where('id', '=', tipId).executeTakeFirstOrThrow();
    if (row.format === 'public') return 0;
    const parsed = parseReport(row.raw);
    if (!parsed.ok) return 0;
    const normal = normaliseReport(parsed);
    if (!normal.ok) return 0;
    let n = 0;
    for (const named of normal.tip.names) {
      // The reported person's identifiers (`person` numbers are unique across the report's roles).
      const own = normal.tip.identifiers.filter((i) => i.person === named.person);
      const body = createPersonBody.safeParse({
        displayName: named.name.slice(0, 200),
        phones: own.filter((i) => i.kind === 'phone').map((i) => i.key).slice(0, 20),
        identifiers: own.filter((i) => i.kind !== 'phone' && i.kind !== 'ip_address').map((i) => ({ kind: i.kind === 'account' ? 'handle' : i.kind === 'email' || i.kind === 'wallet' || i.kind === 'crypto_address' || i.kind === 'device' || i.kind === 'bank_account' ? i.kind : 'other', value: i.kind === 'wallet' ? i.display : i.value, ...(i.platform ? { platform: i.platform } : {}) })).slice(0, 50),
        notes: `From tip ${tipId}`,
      });
      if (!body.success) continue;
      await linkPerson(ctx, caseId, { role: 'suspect', person: body.data });
      n++;
    }
    return n;
  } catch (err) {
    process.emitWarning(`persons of tip ${tipId} not recorded: ${err instanceof Error ? err.message : String(err)}`);
    return 0;
  }
}

/** Opens a case in the tip's branch from the tip; the persons it names become suspects (duplicates proposed). */
export async function convertTip(ctx: ServiceContext, id: string, input: { title?: string; offenceCodes?: string[] }) {
  const decided = await convertInTransaction(ctx, id, input);
  await personsFromTip(ctx, id, decided.caseId);
  return decided;
}

async function convertInTransaction(ctx: ServiceContext, id: string, input: { title?: string; offenceCodes?: string[] }) {
  return inTransaction(ctx, async (tx, audit) => {
    const tip = await requireTip(tx, ctx.actor, id, { lock: true });
    if (tip.status !== 'new') throw conflict('the tip has been dealt with already', 'status');
    if (tip.branch_id === null) throw invalid('branchId', 'route the tip to a branch first');
    const codes = [...new Set(input.offenceCodes ?? DEFAULT_OFFENCES)];
    const known = new Set((await tx.selectFrom('offences').select('code').where('code', 'in', codes).execute()).map((o) => o.code));
    const missing = codes.filter((c) => !known.has(c));
    if (missing.length) throw invalid('offenceCodes', `unknown offence code(s): ${missing.join(', ')}`);
    const title = (input.title ?? `Tip ${tip.receipt}: ${tip.incident_type}`).slice(0, 300);
    const now = new Date();
    const c = await tx.insertInto('cases').values({ branch_id: tip.branch_id, title, summary: tip.summary.slice(0, 10_000), status: 'complaint_received', reported_at: tip.received_at, created_by: userIdOf(ctx.actor) })
      .returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('case_offences').values(codes.map((code) => ({ case_id: c.id, offence_code: code }))).execute();
    // The case's lead: whoever converts it from within the branch; else (an analyst) the branch's supervisors.
    const leads = ctx.actor.branchId === tip.branch_id
      ? [ctx.actor.id]
      : (await tx.selectFrom('users').select('id').where('branch_id', '=', tip.branch_id).where('role', '=', 'supervisor').where('disabled', '=', false).orderBy('username').execute()).map((u) => u.id);
    if (leads.length) await tx.insertInto('case_team').values(leads.map((u) => ({ case_id: c.id, user_id: u, team_role: 'lead' as const }))).execute();
    await tx.insertInto('case_status_history').values({ case_id: c.id, from_status: null, to_status: 'complaint_received', ...historyReason('statusFromTip', { receipt: tip.receipt }), actor_id: userIdOf(ctx.actor), at: tip.received_at }).execute();
    const carried = await carryOver(tx, ctx, id, c.id, tip.receipt);
    await tx.updateTable('tips').set({ status: 'converted', case_id: c.id, decided_by: userIdOf(ctx.actor), decided_at: now }).where('id', '=', id).execute();
    await audit({ action: 'case.create', entityType: 'case', entityId: c.id, details: { title, branchId: tip.branch_id, offenceCodes: codes, fromTip: id } });
    await audit({ action: 'tip.convert', entityType: 'tip', entityId: id, details: { caseId: c.id, ...carried } });
    return { caseId: c.id, status: 'converted' as const, ...carried };
  });
}

/** Attaches a tip to a case the caller may read; the persons it names become suspects (duplicates proposed). */
export async function attachTip(ctx: ServiceContext, id: string, caseId: string) {
  const decided = await attachInTransaction(ctx, id, caseId);
  await personsFromTip(ctx, id, caseId);
  return decided;
}

async function attachInTransaction(ctx: ServiceContext, id: string, caseId: string) {
  return inTransaction(ctx, async (tx, audit) => {
    // The case first (lock order), then the tip.
    await requireCaseAccess(tx, ctx.actor, caseId, { lock: true });
    const tip = await requireTip(tx, ctx.actor, id, { lock: true });
    if (tip.status !== 'new') throw conflict('the tip has been dealt with already', 'status');
    const carried = await carryOver(tx, ctx, id, caseId, tip.receipt);
    await tx.updateTable('tips').set({ status: 'attached', case_id: caseId, decided_by: userIdOf(ctx.actor), decided_at: new Date() }).where('id', '=', id).execute();
    await audit({ action: 'tip.attach', entityType: 'tip', entityId: id, details: { caseId, ...carried } });
    return { caseId, status: 'attached' as const, ...carried };
  });
}

export async function closeTip(ctx: ServiceContext, id: string, reason: string) {
  return inTransaction(ctx, async (tx, audit) => {
    const tip = await requireTip(tx, ctx.actor, id, { lock: true });
    if (tip.status !== 'new') throw conflict('the tip has been dealt with already', 'status');
    await tx.updateTable('tips').set({ status: 'closed', decided_by: userIdOf(ctx.actor), decided_at: new Date() }).where('id', '=', id).execute();
    await audit({ action: 'tip.close', entityType: 'tip', entityId: id, details: { reason } });
    return { caseId: null, status: 'closed' as const, entities: 0, files: 0 };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Rules.

export async function listRules(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('tip_rules').leftJoin('users', 'users.id', 'tip_rules.updated_by').select(['tip_rules.code', 'tip_rules.weight', 'tip_rules.enabled', 'tip_rules.updated_at', 'users.display_name']).execute();
  const order = new Map(tipRuleCodes.map((c, i) => [c as string, i]));
  return {
    items: rows.filter((r) => order.has(r.code)).sort((a, b) => order.get(a.code)! - order.get(b.code)!)
      .map((r) => ({ code: r.code as TipRuleCode, weight: r.weight, enabled: r.enabled, updatedAt: r.updated_at.toISOString(), updatedBy: r.display_name })),
  };
}

export async function updateRule(ctx: ServiceContext, code: TipRuleCode, input: { weight?: number; enabled?: boolean }) {
  if (input.weight === undefined && input.enabled === undefined) throw invalid('weight', 'give a weight or enabled');
  await inTransaction(ctx, async (tx, audit) => {
    const before = await tx.selectFrom('tip_rules').select(['weight', 'enabled']).where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw notFound('rule');
    await tx.updateTable('tip_rules').set({ ...(input.weight !== undefined ? { weight: input.weight } : {}), ...(input.enabled !== undefined ? { enabled: input.enabled } : {}), updated_by: userIdOf(ctx.actor), updated_at: new Date() })
      .where('code', '=', code).execute();
    await audit({ action: 'tip.rule.update', entityType: 'tip_rule', entityId: null, details: { code, before, after: input } });
  });
  return listRules(ctx);
}

/** Re-scores the open tips after a rule changed (the new weights apply to the queue at once). */
export async function rescoreOpenTips(ctx: ServiceContext): Promise<number> {
  const rules = await readRules(ctx.db);
  const open = await ctx.db.selectFrom('tips').select(['id', 'priority_reasons', 'escalate', 'incident_type', 'annotations']).where('status', '=', 'new').execute();
  let changed = 0;
  for (const t of open) {
    const old = (t.priority_reasons as PriorityReason[]) ?? [];
    const f = await factsOf(ctx.db, t.id, { escalate: t.escalate, incidentType: t.incident_type, annotations: (t.annotations as string[]) ?? [] });
    const s = scoreTip(f, rules);
    if (JSON.stringify(s.reasons) === JSON.stringify(old)) continue;
    await ctx.db.updateTable('tips').set({ priority: s.priority, priority_reasons: JSON.stringify(s.reasons) }).where('id', '=', t.id).execute();
    changed++;
  }
  return changed;
}

async function factsOf(db: Db, tipId: string, base: { escalate: boolean; incidentType: string; annotations: string[] }) {
  const files = await db.selectFrom('tip_files').select('matches').where('tip_id', '=', tipId).execute();
  const m = files.map((f) => (f.matches as FileMatch[]) ?? []);
  const related = await relatedCounts(db, [tipId]);
  const inCase = await db.selectFrom('tip_identifiers').select((eb) => eb.fn.count<string>('tip_identifiers.entity_id').distinct().as('n')).where('tip_identifiers.tip_id', '=', tipId)
    .where((eb) => eb.exists(eb.selectFrom('links').select(sql`1`.as('one')).where('links.case_id', 'is not', null).where((l) => l.or([
      l.and([l('links.from_type', '=', 'entity'), l(sql<string>`links.from_id`, '=', sql<string>`tip_identifiers.entity_id::text`)]),
      l.and([l('links.to_type', '=', 'entity'), l(sql<string>`links.to_id`, '=', sql<string>`tip_identifiers.entity_id::text`)]),
    ])))).executeTakeFirstOrThrow();
  return { ...base, knownMaterial: m.filter((l) => l.some((x) => x.kind === 'hash_set')).length, caseMedia: m.filter((l) => l.some((x) => x.kind === 'case_media')).length, inCase: Number(inCase.n), related: related.get(tipId) ?? 0 };
}

