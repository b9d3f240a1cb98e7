import type { ServiceContext } from '../../platform/context.ts';
import { auditRead } from '../../platform/context.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
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
      prevHash: r.prev_hash,
      hash: r.hash,
    })),
    total: Number(total.n),
    limit: q.limit,
    offset: q.offset,
  };
}

/**
 * Walks the whole chain (see verifyAuditChain) and, when given an anchor recorded earlier, checks that the
 * entry it names still has that hash: the chain alone cannot see a trail cut back at its end or rewritten
 * from some point on with fresh hashes, an anchor kept off-line can.
 */
export async function checkAuditTrail(db: Db, anchor?: { seq: number; hash: string }): Promise<VerifyAuditResult> {
  const result = await verifyAuditChain(db);
  const head = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const describe = async (seq: number, problem: NonNullable<VerifyAuditResult['firstBad']>['problem']) => {
    const row = await db.selectFrom('audit_log').select(['action', 'at', 'actor_name']).where('seq', '=', seq).executeTakeFirst();
    return { seq, problem, action: row?.action ?? null, at: row ? row.at.toISOString() : null, actorName: row?.actor_name ?? null };
  };
  const base = { entries: result.entries, headHash: result.headHash, headSeq: head?.seq ?? null };
  if (!result.ok && result.firstBad) return { ok: false, ...base, firstBad: await describe(result.firstBad.seq, result.firstBad.problem) };
  if (anchor) {
    const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', anchor.seq).executeTakeFirst();
    if (!row) return { ok: false, ...base, firstBad: { seq: anchor.seq, problem: 'anchor_missing', action: null, at: null, actorName: null } };
    if (row.hash !== anchor.hash) return { ok: false, ...base, firstBad: await describe(anchor.seq, 'anchor_mismatch') };
  }
  return { ok: true, ...base, firstBad: null };
}

/** Verification on request, recorded in the trail with its outcome. */
export async function verifyAudit(ctx: ServiceContext, anchor?: { seq: number; hash: string }): Promise<VerifyAuditResult> {
  const result = await checkAuditTrail(ctx.db, anchor);
  await auditRead(ctx, {
    action: 'audit.verify',
    entityType: 'audit_log',
    entityId: null,
    details: { ok: result.ok, entries: result.entries, headSeq: result.headSeq, headHash: result.headHash, firstBad: result.firstBad, anchor: anchor ?? null },
  });
  return result;
}
