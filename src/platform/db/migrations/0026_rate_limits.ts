import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Rate limits that hold across server processes (issue 11): the counters of @fastify/rate-limit (tip intake per
// reporting key, the public form per address, sign-in guessing per address) kept in the database instead of each
// process's memory, so two or more servers over one database share one limit. One row per route and key, a fixed
// window: `hits` in the window that ends at `window_ends`. Rows of ended windows are deleted from time to time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE rate_limit_counters (
      key text PRIMARY KEY CHECK (length(key) <= 600),
      hits integer NOT NULL CHECK (hits >= 0),
      window_ends timestamptz NOT NULL
    );
    CREATE INDEX rate_limit_counters_window_ends ON rate_limit_counters (window_ends);
  `);
}
