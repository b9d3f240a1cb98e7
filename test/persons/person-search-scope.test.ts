import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { COMMON_NAME_NAMES, searchPersons } from '../../src/modules/persons/person.service.ts';
import { personVisibleTo } from '../../src/modules/persons/person.scope.ts';
import { nameKey } from '../../src/modules/persons/person.names.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/access/actor.ts';

// Issue 13 §5: person search for an investigator, supervisor or prosecutor is read from the caller's own records
// (the persons on their cases, the persons they recorded), then matched by name: the same persons, order, pages and
// totals as before (the analyst's matches limited by `personVisibleTo`), and a common name that thousands of
// persons the caller may not see also bear no longer makes the search read those persons or their names; a rare
// name is still searched from the few persons bearing it.
// Data: 1,500 persons named "Ayesha ..." on cases of branch B (which invA does not reach) and 1,500 more on no
// case; on invA's 6 team cases of branch A, 18 persons (some "Ayesha", one "Aisha" found by the spelling key, one
// merged away); 2 persons invA recorded on no case. Both engines.
const { engines } = await detectEngines();

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; 'Rows Removed by Index Recheck'?: number; Plans?: PlanNode[] }
/** Rows the scan nodes of one table read in all (returned + removed by a filter or recheck, times loops). */
function rowsRead(n: PlanNode, table: string): number {
  let sum = 0;
  const visit = (x: PlanNode) => {
    if (/Scan/.test(x['Node Type']) && x['Relation Name'] === table) {
      sum += (x['Actual Rows'] + (x['Rows Removed by Filter'] ?? 0) + (x['Rows Removed by Index Recheck'] ?? 0)) * x['Actual Loops'];
    }
    for (const c of x.Plans ?? []) visit(c);
  };
  visit(n);
  return sum;
}

const actorOf = (t: TestApp, key: UserKey): Actor => {
  const u = t.users[key];
  return { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null };
};

describe.each(engines)('person search read from the caller\'s own records on %s', (engine) => {
  it('same persons, order, pages and totals; a common name borne by persons out of reach reads none of them', async () => {
    const t = await createTestApp(engine);
    try {
      const firstNames = ['Ayesha', 'Ayesha', 'Aisha', 'Zainab', 'Bilal', 'Hina'];
      await t.asOwner(async (db) => {
        // Out of reach: 1,500 on 300 cases of branch B, 1,500 on no case (recorded by supB).
        await sql`INSERT INTO cases (branch_id, title, summary, status) SELECT ${t.branchB}, 'Birch synthetic case ' || g, 'synthetic', 'complaint_received' FROM generate_series(1, 300) g`.execute(db);
        await sql`INSERT INTO persons (display_name, created_by) SELECT 'Ayesha Birchperson ' || g, ${t.users.supB.id} FROM generate_series(1, 3000) g`.execute(db);
        await sql`INSERT INTO person_names (person_id, name, script, kind, name_key) SELECT id, display_name, 'latin', 'primary', ${nameKey('Ayesha Birchperson')} FROM persons WHERE display_name LIKE 'Ayesha Birchperson %'`.execute(db);
        await sql`INSERT INTO case_persons (case_id, person_id, role)
          SELECT c.id, p.id, 'witness' FROM (SELECT id, row_number() OVER (ORDER BY id) AS r FROM cases WHERE title LIKE 'Birch synthetic case %') c
          JOIN (SELECT id, row_number() OVER (ORDER BY id) AS r FROM persons WHERE display_name LIKE 'Ayesha Birchperson %') p ON p.r <= 1500 AND (p.r - 1) % 300 + 1 = c.r`.execute(db);
        // Within reach: invA's 6 team cases of branch A, 3 persons each.
        await sql`INSERT INTO cases (branch_id, title, summary, status) SELECT ${t.branchA}, 'Alder synthetic case ' || g, 'synthetic', 'complaint_received' FROM generate_series(1, 6) g`.execute(db);
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${t.users.invA.id} FROM cases WHERE title LIKE 'Alder synthetic case %'`.execute(db);
        for (let i = 0; i < 18; i++) {
          const name = `${firstNames[i % firstNames.length]} Alderperson ${i}`;
          const p = await sql<{ id: string }>`INSERT INTO persons (display_name) VALUES (${name}) RETURNING id`.execute(db);
          const id = p.rows[0]!.id;
          await sql`INSERT INTO person_names (person_id, name, script, kind, name_key) VALUES (${id}, ${name}, 'latin', 'primary', ${nameKey(name)})`.execute(db);
          if (i === 4) await sql`INSERT INTO person_names (person_id, name, script, kind, name_key) VALUES (${id}, 'Ayesha Alias', 'latin', 'alias', ${nameKey('Ayesha Alias')})`.execute(db);
          await sql`INSERT INTO case_persons (case_id, person_id, role) SELECT id, ${id}, 'suspect' FROM cases WHERE title = ${`Alder synthetic case ${1 + (i % 6)}`}`.execute(db);
        }
        // A person merged into another stays out of every search.
        await sql`UPDATE persons SET merged_into = (SELECT id FROM persons WHERE display_name = 'Ayesha Alderperson 1') WHERE display_name = 'Ayesha Alderperson 0'`.execute(db);
        // Recorded by invA, on no case.
        for (const name of ['Ayesha Recorded One', 'Hina Recorded Two']) {
          const p = await sql<{ id: string }>`INSERT INTO persons (display_name, created_by) VALUES (${name}, ${t.users.invA.id}) RETURNING id`.execute(db);
          await sql`INSERT INTO person_names (person_id, name, script, kind, name_key) VALUES (${p.rows[0]!.id}, ${name}, 'latin', 'primary', ${nameKey(name)})`.execute(db);
        }
        await sql`ANALYZE`.execute(db);
      });
      const ctxOf = (a: Actor, db = t.ctx.db): ServiceContext => ({ ...t.ctx, db, actor: a } as ServiceContext);
      type Page = { items: Array<{ id: string }>; total: number; totalExact: boolean };
      const search = async (a: Actor, q: string, limit: number, offset: number, db = t.ctx.db) => (await searchPersons(ctxOf(a, db), { q, limit, offset } as never)) as Page;

      for (const q of ['Ayesha', 'aisha', 'alderperson 1', 'Hina']) {
        // Every match, as the analyst finds them (no visibility), then each actor's share by the one predicate.
        const everyone = await search(actorOf(t, 'analyst'), q, 5000, 0);
        for (const key of ['invA', 'invB', 'supA', 'supB', 'prosecutor', 'prot'] as UserKey[]) {
          const a = actorOf(t, key);
          const visible = new Set((await t.asOwner((db) => db.selectFrom('persons').select('persons.id').where(personVisibleTo(a)).execute())).map((p) => p.id));
          const want = everyone.items.map((p) => p.id).filter((id) => visible.has(id));
          const got: string[] = [];
          let total = -1;
          for (let offset = 0; offset < 400; offset += 7) {
            const page = await search(a, q, 7, offset);
            total = page.total;
            got.push(...page.items.map((p) => p.id));
            if (page.items.length < 7) break;
          }
          expect(got, `${key} "${q}"`).toEqual(want.slice(0, got.length));
          if (want.length <= 400) expect(got.length, `${key} "${q}"`).toBe(want.length);
          expect(total, `${key} "${q}"`).toBe(Math.min(want.length, 10_000));
        }
      }
      // What invA finds, spelled out: the Ayesha/Aisha persons of their cases (not the merged one), the alias, the one they recorded.
      const mine = await search(actorOf(t, 'invA'), 'Ayesha', 50, 0);
      const names = await t.asOwner((db) => db.selectFrom('persons').select('display_name').where('id', 'in', mine.items.map((p) => p.id)).orderBy('display_name').execute());
      expect(names.map((n) => n.display_name)).toEqual(['Aisha Alderperson 14', 'Aisha Alderperson 2', 'Aisha Alderperson 8', 'Ayesha Alderperson 1', 'Ayesha Alderperson 12', 'Ayesha Alderperson 13', 'Ayesha Alderperson 6', 'Ayesha Alderperson 7', 'Ayesha Recorded One', 'Bilal Alderperson 4'].sort());
      expect((await search(actorOf(t, 'invB'), 'Ayesha', 50, 0)).total).toBe(0);

      // The plans: invA's and supA's search for the common name reads only their own persons and those persons' names.
      const captured: CompiledQuery[] = [];
      const capture: KyselyPlugin = {
        transformQuery: (args) => {
          captured.push(t.ctx.db.getExecutor().compileQuery(args.node, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const watched = t.ctx.db.withPlugin(capture);
      for (const key of ['invA', 'supA'] as UserKey[]) {
        const a = actorOf(t, key);
        const visible = (await t.asOwner((db) => db.selectFrom('persons').select('persons.id').where(personVisibleTo(a)).execute())).map((p) => p.id);
        const theirNames = (await t.asOwner((db) => db.selectFrom('person_names').select('id').where('person_id', 'in', visible).execute())).length;
        captured.length = 0;
        await search(a, 'Ayesha', 20, 0, watched);
        expect(captured.length).toBeGreaterThan(0);
        for (const q of captured) {
          const plan = await t.asOwner(async (db) => (await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, [...q.parameters]))).rows[0] as Record<string, unknown>);
          const json = plan['QUERY PLAN'];
          const root = ((typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PlanNode }>)[0]!.Plan;
          // The probe that tells a common name from a rare one counts names up to COMMON_NAME_NAMES + 1, and no further.
          // (Captured twice: the statement, and its inner query, which Kysely hands to plugins on its own.)
          if (!q.sql.includes('"persons"') && /^(select count\(\*\) as "n" from \()?select 1 as "one" from "person_names"/.test(q.sql)) {
            expect(rowsRead(root, 'person_names')).toBeLessThanOrEqual(COMMON_NAME_NAMES + 1);
            continue;
          }
          // Persons read: the caller's (each once by primary key; the ids are gathered from case_persons and persons_created_by).
          expect(rowsRead(root, 'persons'), `${key} persons: ${q.sql}`).toBeLessThanOrEqual(2 * visible.length);
          // Names read: those of the caller's persons, for the match and again for a page row's other names (x3: EXPLAIN
          // gives per-loop averages rounded to whole rows). Reading the 3,000 "Ayesha" persons out of reach is far above.
          expect(rowsRead(root, 'person_names'), `${key} names: ${q.sql}`).toBeLessThanOrEqual(3 * theirNames);
        }
      }
      // A rare name is searched from the persons bearing it: supB may see 3,000 persons (1,500 on branch B's cases,
      // 1,500 recorded), and a search for "Hina" (3 names in all) reads a handful of persons, not those 3,000.
      const supB = actorOf(t, 'supB');
      captured.length = 0;
      await search(supB, 'Hina', 20, 0, watched);
      for (const q of captured) {
        const plan = await t.asOwner(async (db) => (await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, [...q.parameters]))).rows[0] as Record<string, unknown>);
        const json = plan['QUERY PLAN'];
        const root = ((typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PlanNode }>)[0]!.Plan;
        expect(rowsRead(root, 'persons'), `supB "Hina" persons: ${q.sql}`).toBeLessThanOrEqual(100);
      }
    } finally {
      await t.close();
    }
  }, 300_000);
});
