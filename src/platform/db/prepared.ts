// Statements PostgreSQL parses once per connection (issue 11, tip intake).
//
// Kysely sends every statement unnamed, so PostgreSQL parses, analyses and plans it again each time. For the small
// statements every report pays (the reporting key's lookup, the rate-limit counter, the audit chain's lock and head)
// and the batch statements of the group commit, that was a large share of the database's CPU per report (measured
// with log_statement_stats: docs/benchmarks.md, "Tip intake: fourth pass"). A statement whose text starts with
// PREPARED (write it as sql`${prepared}SELECT ...`) is sent as a named prepared statement instead, named by its text:
// parsed once per connection, and after a few executions PostgreSQL may keep a generic plan. Only fixed texts
// should be marked (parameters in arrays, not IN lists whose length varies), or each connection would keep a
// statement per variant; the names kept are bounded below all the same.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

export const PREPARED_MARK = '/* prepared */ ';
/** Put first in a sql`` template: the statement is prepared once per connection (PostgreSQL; PGlite ignores it). */
export const prepared = sql.raw(PREPARED_MARK);

/** Distinct marked texts named at most (a guard against a marked text that varies): beyond it, sent unnamed. */
const MAX_NAMES = 500;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `amaan_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

type QueryFn = (...args: unknown[]) => unknown;

/** Makes a pooled client send marked statements as named prepared statements (pool.on('connect')). */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query as unknown as QueryFn;
  const wrapped: QueryFn = function (this: unknown, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text === 'string' && text.startsWith(PREPARED_MARK)) {
      const name = nameOf(text);
      if (name) return query.call(this, { name, text, values }, ...args.slice(2));
    }
    return query.apply(this, args);
  };
  (client as unknown as { query: QueryFn }).query = wrapped;
}
