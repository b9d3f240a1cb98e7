import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { searchPersons } from '../../src/modules/persons/person.service.ts';
import { personVisibleTo } from '../../src/modules/persons/person.scope.ts';
import { nameKeyTokens } from '../../src/modules/persons/person.names.ts';
import { escapeLike } from '../../src/platform/db/like.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/database.ts';

// Person search reads a rare name from its names and a common one otherwise (person.service.ts: the name side
// counted up to a cap; for someone who sees every person, persons walked in the page's order; for anyone else,
// from their own persons). Whatever the path, the same persons in the same order, pages and bounded totals as the
// single query it replaced (the reference below, that query as it was): for every role, including persons on
// cases of another branch, persons recorded by someone else, merged persons, aliases, Urdu names and infix-only
// matches. And the paths read what they should: the analyst's page of a common name does not read every person,
// a rare name's search reads only its candidates. Both engines.
const { engines } = await detectEngines();

const actorOf = (t: TestApp, key: UserKey): Actor => {
  const u = t.users[key];
  return { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null };
};

/** The single query person search was before (ids in order, and the total bounded at `bound`). */
async function reference(db: Db, actor: Actor, text: string, limit: number, offset: number, bound = 10_000) {
  const like = `%${escapeLike(text.toLowerCase())}%`;
  const keys = nameKeyTokens(text);
  const query = db.selectFrom('persons').where(personVisibleTo(actor)).where('persons.merged_into', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('person_names').select(sql`1`.as('one')).whereRef('person_names.person_id', '=', 'persons.id').where((n) => {
      const byText = n(n.fn('lower', ['person_names.name']), 'like', like);
      if (!keys.length) return byText;
      return n.or([byText, n.and(keys.map((k) => n(sql<string>`' ' || person_names.name_key`, 'like', `% ${escapeLike(k)}%`)))]);
    })));
  const all = await query.select('persons.id').orderBy('persons.display_name').orderBy('persons.id').execute();
  return { ids: all.slice(offset, offset + limit).map((r) => r.id), total: Math.min(all.length, bound), totalExact: all.length <= bound };
}

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] }
const personsRowsRead = (n: PlanNode): number =>
  (n['Relation Name'] === 'persons' && /Scan/.test(n['Node Type']) ? (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops'] : 0)
  + (n.Plans ?? []).reduce((s, c) => s + personsRowsRead(c), 0);

describe.each(engines)('person search paths on %s', (engine) => {
  it('finds the same persons in the same order as the single query, by every path, and reads what the path should', async () => {
    const t = await createTestApp(engine);
    try {
      const inv = t.users.invA.id;
      const other = t.users.invB.id;
      await t.asOwner(async (db) => {
        // 3 cases in branch A (invA on the team of the first two), 2 in branch B.
        await sql`INSERT INTO cases (branch_id, title, summary, status)
          SELECT CASE WHEN g <= 3 THEN ${t.branchA}::int ELSE ${t.branchB}::int END, 'Search case ' || g, 'synthetic', 'complaint_received' FROM generate_series(1, 5) g`.execute(db);
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${inv} FROM cases WHERE title IN ('Search case 1', 'Search case 2')`.execute(db);
        // 1,500 filler persons and 300 named like the searches (Latin and Urdu, first or second word, infix only,
        // aliases), some sharing a display name (the id breaks the tie); recorded by invA, invB or nobody.
        await sql`INSERT INTO persons (id, display_name, created_by)
          SELECT gen_random_uuid(),
            CASE WHEN g > 300 THEN 'Filler Person ' || g
                 WHEN g % 6 = 0 THEN 'Ayesha Khan'
                 WHEN g % 6 = 1 THEN 'Aisha Malik ' || g
                 WHEN g % 6 = 2 THEN 'Mayesha Noor ' || g
                 WHEN g % 6 = 3 THEN 'عائشہ خان ' || g
                 WHEN g % 6 = 4 THEN 'Bibi Ayesha ' || g
                 ELSE 'Zainab Khokhar ' || g END,
            CASE WHEN g % 7 = 0 THEN ${inv}::uuid WHEN g % 7 = 1 THEN ${other}::uuid END
          FROM generate_series(1, 1800) g`.execute(db);
        await sql`INSERT INTO person_names (person_id, name, script, kind, name_key)
          SELECT id, display_name, CASE WHEN display_name LIKE 'عائشہ%' THEN 'urdu' ELSE 'latin' END, 'primary', '' FROM persons WHERE display_name NOT LIKE 'Fixture%'`.execute(db);
        // Aliases: some fillers are also known as Ayesha.
        await sql`INSERT INTO person_names (person_id, name, script, kind, name_key)
          SELECT id, 'Ayesha Alias', 'latin', 'alias', '' FROM persons WHERE display_name LIKE 'Filler Person %' AND substr(display_name, 15)::int % 50 = 0`.execute(db);
        // Persons on cases: every 3rd named person and some fillers, spread over the 5 cases.
        await sql`INSERT INTO case_persons (case_id, person_id, role)
          SELECT c.id, p.id, 'witness' FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM persons WHERE display_name NOT LIKE 'Fixture%') p
          JOIN (SELECT id, row_number() OVER (ORDER BY title) AS r FROM cases WHERE title LIKE 'Search case %') c ON c.r = 1 + p.r % 5
          WHERE p.r % 3 = 0`.execute(db);
        // Two merged persons named Ayesha (not found; their survivor is).
        await sql`UPDATE persons SET merged_into = (SELECT id FROM persons WHERE display_name = 'Filler Person 400') WHERE id IN (SELECT id FROM persons WHERE display_name = 'Ayesha Khan' ORDER BY id LIMIT 2)`.execute(db);
      });
      // name_key as the service writes it.
      const { nameKey } = await import('../../src/modules/persons/person.names.ts');
      await t.asOwner(async (db) => {
        const rows = await db.selectFrom('person_names').select(['id', 'name']).where('name_key', '=', '').execute();
        for (const r of rows) await db.updateTable('person_names').set({ name_key: nameKey(r.name) }).where('id', '=', r.id).execute();
        await sql`ANALYZE`.execute(db);
      });

      const ctxOf = (a: Actor, db: Db = t.ctx.db) => ({ ...t.ctx, db, actor: a }) as unknown as ServiceContext;
      const keys: UserKey[] = ['analyst', 'invA', 'invB', 'supA', 'supB', 'prosecutor', 'prot', 'auditor'];
      const texts = ['Ayesha', 'aisha', 'yesha', 'Ayesha Khan', 'khan', 'عائشہ', 'Zainab Khok', 'nobody at all'];
      let compared = 0;
      for (const key of keys) {
        const a = actorOf(t, key);
        for (const text of texts) {
          for (const [limit, offset] of [[7, 0], [7, 14], [200, 0]] as const) {
            const want = await t.asOwner((db) => reference(db, a, text, limit, offset));
            // Every path: the default cap, a cap that makes every name here common, and one between.
            for (const cap of [undefined, 0, 40]) {
              const got = await searchPersons(ctxOf(a), { q: text, limit, offset }, cap);
              expect({ ids: got.items.map((i) => i.id), total: got.total, totalExact: got.totalExact }, `${key} "${text}" ${limit}@${offset} cap ${cap}`).toEqual(want);
              compared++;
            }
          }
        }
      }
      expect(compared).toBe(keys.length * texts.length * 9);
      // The reference reaches what it should: the analyst more than a supervisor or an investigator (each of whom
      // reaches some), those without person access nothing.
      const n = async (key: UserKey) => (await t.asOwner((db) => reference(db, actorOf(t, key), 'Ayesha', 1000, 0))).ids.length;
      const [an, sa, ia, pr] = [await n('analyst'), await n('supA'), await n('invA'), await n('prot')];
      expect(an).toBeGreaterThan(Math.max(sa, ia));
      expect(Math.min(sa, ia)).toBeGreaterThan(0);
      expect(pr).toBe(0);

      // The plans. Capture each statement a search issues and run it under EXPLAIN ANALYZE.
      const captured: CompiledQuery[] = [];
      const capture: KyselyPlugin = {
        transformQuery: (args) => {
          captured.push(t.ctx.db.getExecutor().compileQuery(args.node, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const watched = t.ctx.db.withPlugin(capture);
      const personsRead = async (a: Actor, text: string, cap?: number) => {
        captured.length = 0;
        await searchPersons(ctxOf(a, watched), { q: text, limit: 5, offset: 0 }, cap);
        const reads: Array<{ sql: string; rows: number }> = [];
        for (const q of captured) {
          const plan = await t.asOwner(async (db) => (await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, [...q.parameters]))).rows[0] as Record<string, unknown>);
          const json = plan['QUERY PLAN'];
          const root = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PlanNode }>;
          reads.push({ sql: q.sql, rows: personsRowsRead(root[0]!.Plan) });
        }
        return reads;
      };
      // A common name seen by the analyst: the page walks persons in its order and stops (the single query read
      // every person: a sequential scan hashed against the matching names).
      const common = await personsRead(actorOf(t, 'analyst'), 'Ayesha', 0);
      const pageRead = common.find((r) => /order by/i.test(r.sql));
      expect(pageRead, JSON.stringify(common)).toBeDefined();
      expect(pageRead!.rows, pageRead!.sql).toBeLessThan(200);
      // A rare name: no statement reads more persons than bear the name.
      for (const r of await personsRead(actorOf(t, 'supA'), 'Zainab Khok')) expect(r.rows, r.sql).toBeLessThanOrEqual(50);
    } finally {
      await t.close();
    }
  }, 600_000);
});
