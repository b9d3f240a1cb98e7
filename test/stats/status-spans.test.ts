import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../src/platform/db/database.ts';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { scratchDatabaseFor, detectEngines } from '../support/engines.ts';

// case_status_spans (migration 0037) is each case's status history as intervals, read by the stock figures, their
// drill-downs and the capacity plan. It must say, for every case and every instant, what the history says: the
// status of the latest change (by at, then id) strictly before the instant. Checked after the migration's
// backfill and after every kind of write the triggers keep it through (several rows in one statement, ties at
// one instant, a backdated row, an update moving a row in time or to another case, deletes, a case deleted with
// its history), on both engines. And nothing in src/ writes the table but the migration's triggers.
const { engines, postgresUrl } = await detectEngines();

/** For every case and every instant at, just before and just after each history row: spans and history agree. */
async function expectSpansMatchHistory(db: Db): Promise<number> {
  const { rows } = await sql<{ case_id: string; t: string; from_history: string | null; from_spans: string | null; spans: number }>`
    WITH probes AS (
      SELECT DISTINCT h.case_id, t.t FROM case_status_history h
      CROSS JOIN LATERAL (VALUES (h.at), (h.at - interval '1 millisecond'), (h.at + interval '1 millisecond')) t(t)
    )
    SELECT p.case_id, p.t::text AS t,
      (SELECT h.to_status FROM case_status_history h WHERE h.case_id = p.case_id AND h.at < p.t ORDER BY h.at DESC, h.id DESC LIMIT 1) AS from_history,
      (SELECT s.status FROM case_status_spans s WHERE s.case_id = p.case_id AND s.valid_from < p.t AND s.valid_to >= p.t) AS from_spans,
      (SELECT count(*)::int FROM case_status_spans s WHERE s.case_id = p.case_id AND s.valid_from < p.t AND s.valid_to >= p.t) AS spans
    FROM probes p`.execute(db);
  const wrong = rows.filter((r) => r.from_history !== r.from_spans || r.spans > 1);
  expect(wrong.slice(0, 5)).toEqual([]);
  // No spans of cases without history, none left of deleted rows.
  const orphans = await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_spans s WHERE NOT EXISTS (SELECT 1 FROM case_status_history h WHERE h.id = s.history_id AND h.case_id = s.case_id)`.execute(db);
  expect(orphans.rows[0]!.n).toBe(0);
  // One span per history row, each to the next row of its case (by at, then id), the last to infinity.
  const next = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM case_status_history h JOIN case_status_spans s ON s.history_id = h.id
    WHERE s.case_id = h.case_id AND s.status = h.to_status AND s.valid_from = h.at
      AND s.valid_to = coalesce((SELECT h2.at FROM case_status_history h2 WHERE h2.case_id = h.case_id AND (h2.at, h2.id) > (h.at, h.id) ORDER BY h2.at, h2.id LIMIT 1), 'infinity')`.execute(db);
  const all = await sql<{ h: number; s: number }>`SELECT (SELECT count(*)::int FROM case_status_history) AS h, (SELECT count(*)::int FROM case_status_spans) AS s`.execute(db);
  expect([all.rows[0]!.s, next.rows[0]!.n]).toEqual([all.rows[0]!.h, all.rows[0]!.h]);
  return rows.length;
}

describe.each(engines)('case status spans (migration 0037) on %s', (engine) => {
  it('equal the history after the backfill and after every kind of write', async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    const { db, close } = await openDatabase({ url: scratch.url, poolSize: 2 });
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
      expect((await migrator.migrateTo('0033_custody_codes')).error).toBeUndefined();
      await seedReferenceData(db);
      const branch = (await sql<{ id: number }>`SELECT id FROM branches ORDER BY id LIMIT 1`.execute(db)).rows[0]!.id;
      const newCase = async (title: string) => (await sql<{ id: string }>`INSERT INTO cases (branch_id, title, status) VALUES (${branch}, ${title}, 'in_trial') RETURNING id`.execute(db)).rows[0]!.id;
      const a = await newCase('Spans A');
      const b = await newCase('Spans B');
      const none = await newCase('Spans without history');
      // Before the migration: changes in order, two at one instant (the later id wins), one backdated last.
      await sql`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES
        (${a}, 'complaint_received', 't', '2024-01-01T00:00:00Z'), (${a}, 'fir_registered', 't', '2024-02-01T00:00:00Z'),
        (${a}, 'under_investigation', 't', '2024-02-01T00:00:00Z'), (${a}, 'challan_submitted', 't', '2024-06-01T00:00:00Z'),
        (${b}, 'complaint_received', 't', '2024-03-01T00:00:00Z'), (${b}, 'inquiry_closed', 't', '2024-12-31T19:00:00Z')`.execute(db);
      await sql`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES (${a}, 'inquiry_closed', 'backdated', '2024-03-01T00:00:00Z')`.execute(db);

      await migrateToLatest(db);
      expect(await expectSpansMatchHistory(db)).toBeGreaterThan(15);
      // One span per row; a tie gives the earlier row an empty span (in force at no instant): a's two rows at 2024-02-01.
      const spansOfA = await sql<{ status: string; empty: boolean }>`SELECT status, valid_from = valid_to AS empty FROM case_status_spans WHERE case_id = ${a} ORDER BY valid_from, history_id`.execute(db);
      expect(spansOfA.rows.map((r) => [r.status, r.empty])).toEqual([
        ['complaint_received', false], ['fir_registered', true], ['under_investigation', false], ['inquiry_closed', false], ['challan_submitted', false],
      ]);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_spans WHERE case_id = ${none}`.execute(db)).rows[0]!.n).toBe(0);

      // After: a row in the middle of a's history (backdated), a tie at its last instant, rows for two cases in one statement.
      await sql`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES (${a}, 'fir_registered', 'backdated', '2024-04-15T00:00:00Z')`.execute(db);
      await sql`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES (${a}, 'in_trial', 'tie', '2024-06-01T00:00:00Z'),
        (${b}, 'under_investigation', 'reopened', '2025-01-05T00:00:00Z'), (${none}, 'complaint_received', 'first', '2023-12-31T19:00:00Z')`.execute(db);
      await expectSpansMatchHistory(db);
      const inForce = async (id: string, t: string) => (await sql<{ status: string | null }>`SELECT (SELECT s.status FROM case_status_spans s WHERE s.case_id = ${id} AND s.valid_from < ${t}::timestamptz AND s.valid_to >= ${t}::timestamptz) AS status`.execute(db)).rows[0]!.status;
      expect(await inForce(a, '2024-06-01T00:00:00Z')).toBe('fir_registered'); // changes at the instant are not yet in force
      expect(await inForce(a, '2024-06-01T00:00:00.001Z')).toBe('in_trial'); // the later of the tie
      expect(await inForce(b, '2024-12-31T19:00:00Z')).toBe('complaint_received');
      expect(await inForce(b, '2025-01-01T00:00:00Z')).toBe('inquiry_closed');

      // Updates: one row moved in time, one moved to another case.
      await sql`UPDATE case_status_history SET at = '2024-08-01T00:00:00Z' WHERE case_id = ${a} AND reason = 'backdated' AND to_status = 'inquiry_closed'`.execute(db);
      await sql`UPDATE case_status_history SET case_id = ${none} WHERE case_id = ${b} AND to_status = 'under_investigation'`.execute(db);
      await expectSpansMatchHistory(db);
      expect(await inForce(a, '2024-09-01T00:00:00Z')).toBe('inquiry_closed');
      expect(await inForce(b, '2025-02-01T00:00:00Z')).toBe('inquiry_closed');

      // Deletes: the last row of a case (the one before it runs to infinity again), then a case with its history.
      await sql`DELETE FROM case_status_history WHERE case_id = ${b} AND to_status = 'inquiry_closed'`.execute(db);
      expect(await inForce(b, '2030-01-01T00:00:00Z')).toBe('complaint_received');
      await sql`DELETE FROM cases WHERE id = ${a}`.execute(db);
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_spans WHERE case_id = ${a}`.execute(db)).rows[0]!.n).toBe(0);
      await expectSpansMatchHistory(db);

      // A transaction rolled back leaves the spans as they were.
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_spans`.execute(db)).rows[0]!.n;
      await db.transaction().execute(async (tx) => {
        await sql`INSERT INTO case_status_history (case_id, to_status, reason, at) VALUES (${b}, 'convicted', 'undone', '2026-01-01T00:00:00Z')`.execute(tx);
        throw new Error('undo');
      }).catch((e: Error) => expect(e.message).toBe('undo'));
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_status_spans`.execute(db)).rows[0]!.n).toBe(before);
      await expectSpansMatchHistory(db);
    } finally {
      await close();
      await scratch.drop?.();
    }
  }, 120_000);
});

describe('case status spans have no writer but the triggers', () => {
  // The one other writer: `amaan generate`'s COPY load skips the row triggers for speed and writes each batch's
  // spans itself, in the batch's transaction, from that batch's history (test/cli/generate-cli.test.ts checks the
  // result equals the spans rebuilt from the history). Any new writer must be added here with such a check.
  it('no file in src/ inserts, updates or deletes case_status_spans except migration 0037 and the generator\'s COPY load', () => {
    const root = fileURLToPath(new URL('../../src', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|js|sql)$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const writes = /(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*['"`]case_status_spans|(INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE|COPY)\s+(TABLE\s+)?case_status_spans/i;
    const writers = files.filter((f) => writes.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(writers.sort()).toEqual(['modules/generate/generate.copy.ts', 'platform/db/migrations/0037_case_status_spans.ts']);
  });
});
