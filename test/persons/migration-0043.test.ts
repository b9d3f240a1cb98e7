import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { createScratchDatabase, detectEngines } from '../support/engines.ts';

// Migration 0043: trigram indexes for person search by name (issue 13 §5). Both engines: the indexes exist, the
// planner can answer the search's two name predicates (infix text, word start by key) from them, and the migration
// runs again on a database that already has pg_trgm (and the indexes) without failing.
const { engines, postgresUrl } = await detectEngines();

const plan = async (db: Db, query: string) => db.transaction().execute(async (tx) => {
  // Without a sequential scan to fall back on, a predicate no index serves costs 1e10 and is planned as a Seq Scan.
  await sql`SET LOCAL enable_seqscan = off`.execute(tx);
  const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`).execute(tx);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
});

describe.each(engines)('migration 0043 (person name trigrams) on %s', (engine) => {
  it('indexes the searched name expressions and re-runs where pg_trgm is present', async () => {
    const scratch = engine === 'postgres' ? await createScratchDatabase(postgresUrl!) : undefined;
    const { db, close } = await openDatabase({ url: scratch?.url, poolSize: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
      expect((await migrator.migrateTo('0040_tip_intake_writes')).error).toBeUndefined();
      // pg_trgm is already there (0005): the ordinary case on an existing installation.
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db)).rows[0]!.n).toBe(1);
      await sql`INSERT INTO persons (id, display_name) SELECT gen_random_uuid(), 'Person ' || g FROM generate_series(1, 3000) g`.execute(db);
      await sql`INSERT INTO person_names (person_id, name, script, kind, name_key)
        SELECT id, display_name || ' Khokhar', 'latin', 'primary', 'prsn khkr' FROM persons`.execute(db);
      await migrateToLatest(db);
      const names = async () => (await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'person_names' AND indexname LIKE '%trgm' ORDER BY 1`.execute(db)).rows.map((r) => r.indexname);
      expect(await names()).toEqual(['person_names_key_trgm', 'person_names_lower_trgm']);
      await sql`ANALYZE person_names`.execute(db);
      // The predicates as person.service.ts writes them (searchPersonsUnguarded).
      const byText = await plan(db, `SELECT person_id FROM person_names WHERE lower(person_names.name) LIKE '%son 12%'`);
      expect(byText).toContain('person_names_lower_trgm');
      expect(byText).not.toContain('Seq Scan');
      const byKey = await plan(db, `SELECT person_id FROM person_names WHERE ' ' || person_names.name_key LIKE '% khk%'`);
      expect(byKey).toContain('person_names_key_trgm');
      const either = await plan(db, `SELECT person_id FROM person_names WHERE lower(person_names.name) LIKE '%son 12%' OR ' ' || person_names.name_key LIKE '% khk%'`);
      expect(either).toMatch(/BitmapOr/);
      // Run again (say, after a restore of a database migrated by this version): nothing fails, nothing doubles.
      await sql`DELETE FROM kysely_migration WHERE name = '0043_name_trigrams_index_builds'`.execute(db);
      expect(await migrateToLatest(db)).toEqual(['0043_name_trigrams_index_builds']);
      expect(await names()).toEqual(['person_names_key_trgm', 'person_names_lower_trgm']);
      // And the search answers the same rows through the index as without it.
      const hits = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person_names WHERE lower(name) LIKE '%son 12%'`.execute(db);
      expect(hits.rows[0]!.n).toBe(111); // Person 12, 120-129, 1200-1299
    } finally {
      await close();
      await scratch?.drop();
    }
  }, 120_000);
});
