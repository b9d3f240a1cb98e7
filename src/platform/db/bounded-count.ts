import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.ts';
import type { Db, Tx } from './database.ts';
import { COUNT_BOUND } from '../http/schema-kit.ts';

/**
 * Counts the rows `query` would return, but reads at most bound + 1 of them: an exact count(*) of a list over
 * national-size tables reads every matching row (1.2 s at 100,000 cases under load, docs/benchmarks.md "Load: why
 * reads are slow") while the page itself reads 50. The query keeps all its filters, access control included, so
 * the count never includes a record the caller may not read.
 */
export async function boundedCount<TB extends keyof DB, O>(db: Db | Tx, query: SelectQueryBuilder<DB, TB, O>, bound = COUNT_BOUND): Promise<{ total: number; totalExact: boolean }> {
  const { n } = await db
    .selectFrom(query.clearSelect().select(sql<number>`1`.as('one')).clearOrderBy().limit(bound + 1).as('bounded'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const count = Number(n);
  return count > bound ? { total: bound, totalExact: false } : { total: count, totalExact: true };
}
