import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/database.ts';

// Two cases ingested at the same moment must still find each other, and a hash set imported while an ingest
// runs must still be checked against every file. Each ingest batch matches its files against what is committed
// and then commits; with nothing more, two batches running side by side could each miss the other's files
// (neither committed when the other looked). So a batch takes this lock (held until it commits) before it
// looks, and so does a hash-set import before it commits: of any two, the later one sees the earlier one.
// Media file ids are also taken under the lock, so they grow in commit order: "files after id N" is exact.
const MATCH_LOCK = 0x616d61616e01; // "amaan" + 1

export async function takeMatchLock(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${MATCH_LOCK}::bigint)`.execute(tx);
}
