import type { Config } from './config.ts';
import type { Db, Engine, Tx } from './db/database.ts';
import type { FieldCrypto } from './crypto/field-crypto.ts';
import type { Actor } from './access/actor.ts';
import { appendAudit, type AuditEntryInput } from './audit/audit.ts';

/** Everything a service needs, built once at start and passed down; no globals. */
export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  crypto: FieldCrypto;
  /** The time now; tests replace it (deadlines, re-notice schedules). Read through `nowOf(ctx)`. */
  clock?: () => Date;
  /** A read replica (DATABASE_REPLICA_URL) for read-only statistics and search; read through `readerOf(ctx)`. Never written to. */
  readDb?: Db;
  /** PostgreSQL pools' connections now, for metrics (primary, replica). */
  poolStats?: () => Array<{ name: string; total: number; idle: number; waiting: number }>;
}

/** Where a read-only statistic or search runs: the replica when one is configured, else the primary. */
export const readerOf = (ctx: { db: Db; readDb?: Db }): Db => ctx.readDb ?? ctx.db;

/** The context's clock, or the wall clock. */
export const nowOf = (ctx: { clock?: () => Date }): Date => (ctx.clock ? ctx.clock() : new Date());

/** A service call: the app plus who is acting. */
export interface ServiceContext extends AppContext {
  actor: Actor;
}

export type AuditEvent = Omit<AuditEntryInput, 'actorId' | 'actorName' | 'ip' | 'credential'>;

/** Who made an entry: the acting user and the credential (session or token) the request came with. */
export const madeBy = (ctx: ServiceContext) => ({ actorId: ctx.actor.id, actorName: ctx.actor.username, ip: ctx.actor.ip, credential: ctx.actor.credential ?? { kind: 'system' as const, id: null } });

/**
 * Runs a change in one transaction and appends its audit entries in the same transaction, so a change
 * is never stored without its trail and a failed change leaves nothing behind.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: Tx, audit: (event: AuditEvent) => Promise<void>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => work(tx, auditInto(ctx, tx)));
}

/**
 * The audit writer of a transaction someone else opened: a helper that takes `(tx, ctx)` from a caller's
 * inTransaction (de-confliction checks inside an entity write) audits its own changes in that transaction.
 */
export function auditInto(ctx: ServiceContext, tx: Tx): (event: AuditEvent) => Promise<void> {
  return (event: AuditEvent) => appendAudit(tx, { ...event, ...madeBy(ctx) });
}

/** Records a read (victim identity, export) in the trail, outside any write transaction. */
export async function auditRead(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await ctx.db.transaction().execute((tx) => appendAudit(tx, { ...event, ...madeBy(ctx) }));
}
