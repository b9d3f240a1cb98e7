import { sql, type Kysely } from 'kysely';
import { tipRelationsCheckFunction } from './0046_tip_relations_checked_per_statement.ts';

// Tip intake (issue 11; docs/benchmarks.md, "Tip intake: session 13"): the check that every new tip relation names
// existing tips (migration 0046's statement trigger) probes `tips`' primary key once per named tip, whatever the
// statistics.
//
// PL/pgSQL keeps the plan of each statement of a function for the session. Written as an anti-join (NOT EXISTS),
// the check was planned once per connection from `tips`' statistics of that moment: on a new database, or before
// autovacuum first analysed the table, a hash anti-join over a sequential scan of all of `tips`, kept while the
// table grew, so every intake statement that wrote relations read every tip. With OFFSET 0 the NOT EXISTS stays
// a subplan run once per distinct named tip (PostgreSQL does not pull a subquery with OFFSET up into a join), and
// a subplan run per row probes the primary key. Same guarantee, same error, same lock as 0046 (its function, built
// by 0046's own tipRelationsCheckFunction with another probe).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(tipRelationsCheckFunction('SELECT 1 FROM tips t WHERE t.id = x.id OFFSET 0', true)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(tipRelationsCheckFunction('SELECT 1 FROM tips t WHERE t.id = x.id', true)).execute(db);
}
