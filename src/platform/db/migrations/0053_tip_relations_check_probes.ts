import { sql, type Kysely } from 'kysely';

// Tip intake (issue 11; docs/benchmarks.md, "Tip intake: session 13"): the check that every new tip relation names
// existing tips (migration 0046's statement trigger) probes `tips`' primary key once per named tip, whatever the
// statistics.
//
// PL/pgSQL keeps the plan of each statement of a function for the session. Written as an anti-join (NOT EXISTS),
// the check was planned once per connection from `tips`' statistics of that moment: on a new database, or before
// autovacuum first analysed the table, a hash anti-join over a sequential scan of all of `tips`, kept while the
// table grew, so every intake statement that wrote relations read every tip. With OFFSET 0 the NOT EXISTS stays
// a subplan run once per distinct named tip (PostgreSQL does not pull a subquery with OFFSET up into a join), and
// a subplan run per row probes the primary key. Same guarantee, same error, same lock as 0046.
const LOCK = `7261025, hashtext('all')`; // LOCK_CLASS.tipRelationAll, key 'all' (advisory-lock.ts)

const checkFunction = (probe: string) => `
    CREATE OR REPLACE FUNCTION tip_relations_check_tips() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      bad record;
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${LOCK});
      IF current_setting('transaction_isolation') <> 'read committed' THEN
        PERFORM 1 FROM tips WHERE id IN (SELECT tip_id FROM tip_relations_new UNION SELECT related_tip_id FROM tip_relations_new) FOR KEY SHARE;
      END IF;
      -- Each tip named once (a new tip names its many related ones, and is named by each of its rows).
      SELECT x.id INTO bad FROM (SELECT tip_id AS id FROM tip_relations_new UNION SELECT related_tip_id FROM tip_relations_new) x
      WHERE NOT EXISTS (${probe})
      LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "tip_relations" names a tip that does not exist'
          USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (tip_id or related_tip_id)=(%s) is not present in table "tips".', bad.id),
                TABLE = 'tip_relations';
      END IF;
      RETURN NULL;
    END
    $fn$
  `;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(checkFunction('SELECT 1 FROM tips t WHERE t.id = x.id OFFSET 0')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(checkFunction('SELECT 1 FROM tips t WHERE t.id = x.id')).execute(db);
}
