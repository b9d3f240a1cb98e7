import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { Credential } from '../access/actor.ts';

export const GENESIS_HASH = '0'.repeat(64);
// Any constant serves: it serialises writers of the chain across processes and server replicas.
const AUDIT_LOCK_KEY = 7_261_001;

export interface AuditEntryInput {
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** The session or token the actor came with (stored by the audit trail's credential columns). */
  credential?: Credential;
}

interface ChainFields {
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: unknown;
}

/** JSON with sorted keys, so the hash does not depend on how jsonb orders an object. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, seq: number, e: ChainFields): string {
  const body = canonicalJson({
    seq,
    at: e.at.toISOString(),
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    ip: e.ip,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends one entry to the chain. Call inside the transaction of the change it records. */
export async function appendAudit(tx: Tx, input: AuditEntryInput): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ seq: number }>`SELECT nextval('audit_log_seq_seq')::int8 AS seq`.execute(tx);
  const seq = Number(rows[0]!.seq);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so what we hash is exactly what jsonb will hand back.
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>;
  const fields: ChainFields = {
    at: new Date(),
    actor_id: input.actorId,
    actor_name: input.actorName,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId ?? null,
    ip: input.ip ?? null,
    details,
  };
  await tx
    .insertInto('audit_log')
    .values({
      seq,
      at: fields.at,
      actor_id: fields.actor_id,
      actor_name: fields.actor_name,
      action: fields.action,
      entity_type: fields.entity_type,
      entity_id: fields.entity_id,
      ip: fields.ip,
      details: JSON.stringify(details),
      prev_hash: prevHash,
      hash: entryHash(prevHash, seq, fields),
    } as never)
    .execute();
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headHash: string;
  firstBad?: { seq: number; problem: 'hash_mismatch' | 'chain_broken' };
}

/** Walks the whole chain in order; names the first entry whose hash or link is wrong. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const r of rows) {
      entries++;
      if (r.prev_hash !== prev) return { ok: false, entries, headHash: prev, firstBad: { seq: r.seq, problem: 'chain_broken' } };
      const expected = entryHash(prev, r.seq, { ...r, details: r.details });
      if (expected !== r.hash) return { ok: false, entries, headHash: prev, firstBad: { seq: r.seq, problem: 'hash_mismatch' } };
      prev = r.hash;
      after = r.seq;
    }
    if (rows.length < batchSize) return { ok: true, entries, headHash: prev };
  }
}
