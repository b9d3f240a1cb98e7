import { sql } from 'kysely';
import type { Tx } from './database.ts';
import { prepared } from './prepared.ts';

// Transaction-scoped advisory locks for decisions that no single row can be locked for: "is this number still
// free?" is a question about rows that do not exist yet. Each kind of decision has its own class (the first
// key; audit.ts and pseudonym.ts use 7_261_001 and 7_261_002); the second key is a hash of what is decided
// about, so different branches or years never wait for each other (a hash collision only serialises two
// unrelated decisions). Released when the transaction ends. Take these after the row locks a change needs
// and before the audit entry, whose chain lock is always the last one taken.
export const LOCK_CLASS = {
  /** FIR numbers: one per branch and year. */
  firNumber: 7_261_003,
  /** The set of enabled administrators (never left empty). */
  administrators: 7_261_004,
  /** Offence codes of the catalogue (create or update). */
  offenceCode: 7_261_005,
  /** Which branch covers which district (issue 12). */
  branchOffices: 7_261_023,
  /** What relates tip reports to each other (an identifier, a URL, a file hash): issue 11. */
  tipRelation: 7_261_024,
  /** All of tipRelation at once: shared before a few of those, exclusive instead of very many. */
  tipRelationAll: 7_261_025,
  /** Setting up the schema at start (migrations, reference data, grants, the job queue's schema): one process at a time. */
  schemaSetup: 7_261_026,
  /** A bulk load that dropped secondary indexes (`amaan generate` on PostgreSQL): held for its whole run (index-builds.ts). */
  bulkLoad: 7_261_027,
} as const;

export async function advisoryXactLock(tx: Tx, lockClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${lockClass}::int4, hashtext(${key}))`.execute(tx);
}

/**
 * Many locks of one class in one statement, always in ascending order of their second key (the hash), so two
 * transactions taking overlapping sets never wait on each other in a cycle (sorting the texts would not do: two
 * texts may share a hash). The subquery's ORDER BY keeps it from being flattened, so the locks are taken row by row
 * in that order.
 */
export async function advisoryXactLocks(tx: Tx, lockClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await sql`
    SELECT count(pg_advisory_xact_lock(${lockClass}::int4, h)) FROM (
      SELECT DISTINCT hashtext(k) AS h FROM unnest(${[...new Set(keys)]}::text[]) AS k ORDER BY h
    ) ordered`.execute(tx);
}

/**
 * One lock of `sharedClass` taken shared, then many of `lockClass` as advisoryXactLocks takes them (ascending hash
 * order), in one statement: the rows of the ordered subquery are locked one after another, the shared one first.
 */
export async function advisoryXactLocksUnderShared(
  tx: Tx, sharedClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], sharedKey: string, lockClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], keys: readonly string[],
): Promise<void> {
  await sql`${prepared}
    SELECT count(CASE WHEN o.shared THEN pg_advisory_xact_lock_shared(${sharedClass}::int4, hashtext(${sharedKey})) ELSE pg_advisory_xact_lock(${lockClass}::int4, o.h) END) FROM (
      SELECT true AS shared, 0 AS h
      UNION ALL SELECT false, h FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${[...new Set(keys)]}::text[]) AS k) d
      ORDER BY shared DESC, h
    ) o`.execute(tx);
}

/** Shared form of one lock: any number of holders at once, none while someone holds it exclusively. */
export async function advisoryXactLockShared(tx: Tx, lockClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${lockClass}::int4, hashtext(${key}))`.execute(tx);
}

/**
 * A session-scoped lock held while `work` runs, for start-up steps that are not one transaction: two processes
 * starting at once (two workers, a server and a worker) would otherwise run the same GRANTs together, and
 * PostgreSQL refuses the second with "tuple concurrently updated". The session must be a single connection
 * (a pool of one), or the unlock could go to another connection than the lock.
 */
export async function withSessionLock<T>(query: (text: string) => Promise<unknown>, lockClass: (typeof LOCK_CLASS)[keyof typeof LOCK_CLASS], key: string, work: () => Promise<T>): Promise<T> {
  await query(`SELECT pg_advisory_lock(${lockClass}, hashtext('${key.replace(/'/g, "''")}'))`);
  try {
    return await work();
  } finally {
    await query(`SELECT pg_advisory_unlock(${lockClass}, hashtext('${key.replace(/'/g, "''")}'))`).catch(() => undefined);
  }
}
