import { CompiledQuery, sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, detectEngines, type TestApp, type UserKey } from '../support/harness.ts';
import { caseStatusCounts, listCases } from '../../src/modules/cases/case.service.ts';
import { caseVisibleTo } from '../../src/platform/access/case-scope.ts';
import type { ServiceContext } from '../../src/platform/context.ts';
import type { Actor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/database.ts';

// Issue 13 §5: an investigator's case list and home status counts, and a supervisor's, are read from the caller's
// own cases (team rows; the branch's cases), not by filtering every case: same rows, order, paging and totals as
// the one predicate `caseVisibleTo`, and no statement reads more rows of `cases` than the caller may see (the status
// counts read them once, not once per status).
// Data: 120 cases in branch A, 4,000 in branch B; invA on the team of 20 of A and 4 of B; supA (branch A) on the
// team of 3 of B; the rest is what they must not reach. Both engines.
const { engines } = await detectEngines();

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; 'Rows Removed by Filter'?: number; 'Rows Removed by Index Recheck'?: number; Plans?: PlanNode[] }
/** The rows the scan nodes of `cases` read in all (returned + removed by a filter, times loops). */
function casesRowsRead(n: PlanNode): number {
  let most = 0;
  const visit = (x: PlanNode) => {
    if (/Scan/.test(x['Node Type']) && x['Relation Name'] === 'cases') {
      most += (x['Actual Rows'] + (x['Rows Removed by Filter'] ?? 0) + (x['Rows Removed by Index Recheck'] ?? 0)) * x['Actual Loops'];
    }
    for (const c of x.Plans ?? []) visit(c);
  };
  visit(n);
  return most;
}

const actorOf = (t: TestApp, key: UserKey): Actor => {
  const u = t.users[key];
  return { id: u.id, username: u.username, displayName: u.username, role: u.role, branchId: u.branchId, ip: null };
};

describe.each(engines)('case lists bounded by the caller\'s own cases on %s', (engine) => {
  it('same rows, order, pages and totals as caseVisibleTo; no statement reads more cases than the caller may see', async () => {
    const t = await createTestApp(engine);
    try {
      await t.asOwner(async (db) => {
        const statuses = ['complaint_received', 'fir_registered', 'under_investigation'];
        for (const [branch, n, prefix] of [[t.branchA, 120, 'Alder'], [t.branchB, 4000, 'Birch']] as const) {
          // updated_at spread and repeated (ties ordered by id), statuses mixed.
          await sql`INSERT INTO cases (branch_id, title, summary, status, updated_at)
            SELECT ${branch}, ${prefix} || ' synthetic case ' || g, 'synthetic', (${statuses}::text[])[1 + g % 3], now() - ((g % 97) || ' hours')::interval
            FROM generate_series(1, ${n}) g`.execute(db);
        }
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${t.users.invA.id} FROM cases WHERE title LIKE 'Alder synthetic case %' ORDER BY title LIMIT 20`.execute(db);
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${t.users.invA.id} FROM cases WHERE title LIKE 'Birch synthetic case %' ORDER BY title LIMIT 4`.execute(db);
        await sql`INSERT INTO case_team (case_id, user_id) SELECT id, ${t.users.supA.id} FROM cases WHERE title LIKE 'Birch synthetic case %' ORDER BY title DESC LIMIT 3`.execute(db);
        await sql`INSERT INTO case_team (case_id, user_id, team_role) SELECT id, ${t.users.prosecutor.id}, 'prosecutor' FROM cases WHERE title LIKE 'Birch synthetic case 1%' ORDER BY title LIMIT 2`.execute(db);
        await sql`ANALYZE`.execute(db);
      });

      // What each actor may see, by the one predicate, in the list's order.
      const truth = (a: Actor) => t.asOwner(async (db: Db) =>
        (await db.selectFrom('cases').select(['cases.id', 'cases.status']).where(caseVisibleTo(a)).orderBy('cases.updated_at', 'desc').orderBy('cases.id').execute()));
      const ctxOf = (a: Actor, db = t.ctx.db): ServiceContext => ({ ...t.ctx, db, actor: a } as ServiceContext);

      for (const key of ['invA', 'invB', 'supA', 'supB', 'prosecutor', 'analyst', 'prot', 'leadership'] as UserKey[]) {
        const a = actorOf(t, key);
        const want = await truth(a);
        // Every page, in order.
        const got: string[] = [];
        for (let offset = 0; ; offset += 50) {
          const page = await listCases(ctxOf(a), { limit: 50, offset } as never);
          expect(page.total, key).toBe(Math.min(want.length, 10_000));
          got.push(...page.items.map((c) => c.id));
          if (page.items.length < 50 || offset > 200) break;
        }
        expect(got, key).toEqual(want.slice(0, got.length).map((c) => c.id));
        // A status filter, and the status counts.
        const fir = await listCases(ctxOf(a), { status: 'fir_registered', limit: 100, offset: 0 } as never);
        expect(fir.items.map((c) => c.id), key).toEqual(want.filter((c) => c.status === 'fir_registered').slice(0, 100).map((c) => c.id));
        const counts = await caseStatusCounts(ctxOf(a), {});
        for (const c of counts.counts) expect(c.count, `${key} ${c.status}`).toBe(want.filter((w) => w.status === c.status).length);
        // Past a small bound (the per-status statement): a count is "more than" the bound.
        const small = await caseStatusCounts(ctxOf(a), {}, 5);
        for (const c of small.counts) {
          const n = want.filter((w) => w.status === c.status).length;
          expect(c, `${key} ${c.status} bound 5`).toEqual({ status: c.status, count: Math.min(n, 5), exact: n <= 5 });
        }
        // One branch of the caller's view (a supervisor's de-confliction grant in another branch stays visible).
        const inB = await caseStatusCounts(ctxOf(a), { branchId: t.branchB });
        expect(inB.total, key).toBe((await t.asOwner((db) => db.selectFrom('cases').select('id').where(caseVisibleTo(a)).where('branch_id', '=', t.branchB).execute())).length);
      }
      // The reference itself: invA reaches 4 of branch B's 4,000 cases, supA 3 of them, invB (branch B) none of these.
      const birch = async (key: UserKey) => t.asOwner(async (db) => (await db.selectFrom('cases').select('id').where('title', 'like', 'Birch %').where(caseVisibleTo(actorOf(t, key))).execute()).length);
      expect([await birch('invA'), await birch('supA'), await birch('invB')]).toEqual([4, 3, 0]);

      // The plans: capture each statement the reads issue, run it under EXPLAIN ANALYZE, and find the widest scan of cases.
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
        const visible = (await truth(a)).length;
        const reads: Array<[string, () => Promise<unknown>]> = [
          ['page 2', () => listCases(ctxOf(a, watched), { limit: 50, offset: 50 } as never)],
          ['status filter', () => listCases(ctxOf(a, watched), { status: 'fir_registered', limit: 100, offset: 0 } as never)],
          ['status counts', () => caseStatusCounts(ctxOf(a, watched), {})],
        ];
        for (const [label, run] of reads) {
          captured.length = 0;
          await run();
          expect(captured.length, label).toBeGreaterThan(0);
          for (const q of captured) {
            const plan = await t.asOwner(async (db) => (await db.executeQuery(CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, [...q.parameters]))).rows[0] as Record<string, unknown>);
            const json = plan['QUERY PLAN'];
            const root = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{ Plan: PlanNode }>;
            expect(casesRowsRead(root[0]!.Plan), `${key} ${label}: ${q.sql}`).toBeLessThanOrEqual(visible);
          }
        }
      }
    } finally {
      await t.close();
    }
  }, 300_000);
});
