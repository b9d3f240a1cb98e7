import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';

// Victims are shown everywhere by a code V-YYYY-NNNN, numbered from 1 in each (UTC) year of registration.
// Numbering is serialised per year by a transaction-scoped advisory lock, so concurrent registrations never
// take the same number and a rolled-back registration leaves no gap; the unique index is the backstop.
const PSEUDONYM_LOCK = 7_261_002;
export const PSEUDONYM_PATTERN = /^V-\d{4}-\d{4,}$/;

export function formatPseudonym(year: number, n: number): string {
  return `V-${year}-${String(n).padStart(4, '0')}`;
}

/** The next free pseudonym for the year of `at`; call inside the transaction that inserts the victim. */
export async function nextPseudonym(tx: Tx, at: Date = new Date()): Promise<string> {
  const year = at.getUTCFullYear();
  await sql`SELECT pg_advisory_xact_lock(${PSEUDONYM_LOCK}::int4, ${year}::int4)`.execute(tx);
  const { rows } = await sql<{ n: number | null }>`
    SELECT max(substring(pseudonym from 8)::int8) AS n FROM victims WHERE pseudonym LIKE ${`V-${year}-%`}`.execute(tx);
  return formatPseudonym(year, Number(rows[0]?.n ?? 0) + 1);
}
