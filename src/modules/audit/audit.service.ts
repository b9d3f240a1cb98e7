import type { ServiceContext } from '../../platform/context.ts';
import { auditRead } from '../../platform/context.ts';
import { verifyAuditChain, type Anchor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { ListAuditQuery, VerifyAuditResult } from './audit.schema.ts';
import { escapeLike } from '../../platform/db/like.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A page of the trail. Reading it is itself recorded (who looked at what), after the read. */
export async function listAudit(ctx: ServiceContext, q: ListAuditQuery) {
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw invalid('querystring.to', 'must not be before from');
  let query = ctx.db.selectFrom('audit_log');
  if (q.actor) {
    const actor = q.actor;
    query = UUID.test(actor) ? query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)])) : query.where('actor_name', '=', actor);
  }
  if (q.action) query = q.action.endsWith('*') ? query.where('action', 'like', `${escapeLike(q.action.slice(0, -1))}%`) : query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<=', new Date(q.to));
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('seq', q.order).limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const filters = Object.fromEntries(Object.entries({ actor: q.actor, action: q.action, entityType: q.entityType, entityId: q.entityId, from: q.from, to: q.to }).filter(([, v]) => v !== undefined));
  await auditRead(ctx, { action: 'audit.read', entityType: 'audit_log', entityId: null, details: { filters, limit: q.limit, offset: q.offset, returned: rows.length } });
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      ip: r.ip,
      details: (r.details ?? {}) as Record<string, unknown>,
      credentialKind: (r.credential_kind as 'session' | 'token' | 'system' | null) ?? null,
      credentialId: r.credential_id,
      v: r.v,
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    total: Number(total.n),
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * Walks the whole trail (see verifyAuditChain): every bad entry with its kind, every signed checkpoint
 * checked, and, when given, an anchor recorded earlier by the caller (seq and hash) checked like one.
 */
export async function checkAuditTrail(db: Db, anchor?: Anchor): Promise<VerifyAuditResult> {
  const result = await verifyAuditChain(db, anchor ? [anchor] : []);
  // What each named entry says now (action, time, actor), for the reader.
  const seqs = [...new Set(result.problems.map((p) => p.seq).filter((s): s is number => s !== null))];
  const found = new Map<number, { action: string; at: Date; actor_name: string }>();
  for (let i = 0; i < seqs.length; i += 1000) {
    const rows = await db.selectFrom('audit_log').select(['seq', 'action', 'at', 'actor_name']).where('seq', 'in', seqs.slice(i, i + 1000)).execute();
    for (const r of rows) found.set(r.seq, r);
  }
  return {
    ok: result.ok,
    entries: result.entries,
    legacyEntries: result.legacyEntries,
    headHash: result.headHash,
    headSeq: result.headSeq,
    checkpoints: result.checkpoints,
    problems: result.problems.map((p) => {
      const row = p.seq === null ? undefined : found.get(p.seq);
      return { ...p, action: row?.action ?? null, at: row ? row.at.toISOString() : null, actorName: row?.actor_name ?? null };
    }),
    problemCount: result.problemCount,
  };
}

/** Verification on request, recorded in the trail with its outcome (counts and the first problems). */
export async function verifyAudit(ctx: ServiceContext, anchor?: Anchor): Promise<VerifyAuditResult> {
  const result = await checkAuditTrail(ctx.db, anchor);
  await auditRead(ctx, {
    action: 'audit.verify',
    entityType: 'audit_log',
    entityId: null,
    details: {
      ok: result.ok,
      entries: result.entries,
      headSeq: result.headSeq,
      headHash: result.headHash,
      problemCount: result.problemCount,
      problems: result.problems.slice(0, 20).map((p) => ({ kind: p.kind, seq: p.seq })),
      anchor: anchor ?? null,
    },
  });
  return result;
}
