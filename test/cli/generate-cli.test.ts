import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform, type Started } from '../../src/platform/bootstrap.ts';
import { caseStatuses, nextStatuses, statusesWithFir, type CaseStatus } from '../../src/modules/cases/case.lifecycle.ts';
import { entityKey } from '../../src/modules/entities/entity.keys.ts';
import { phoneOf } from '../../src/modules/generate/generate.plan.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { expectNoStack, runAmaan, type CliRun } from '../support/cli.ts';

// `amaan generate` as an operator runs it: a small national dataset (2,000 cases) on each engine, checked for
// its distributions (every district, in proportion to population; statuses reached by legal steps; persons
// linked to cases and identifiers), the same data for the same seed (on both engines, whatever the batch size),
// another for another seed, one audit entry, and bad flags refused with the option named and exit code 2.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-generate-cli-'));
const drops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const d of drops) await d();
  rmSync(work, { recursive: true, force: true });
});
const SLOW = 600_000;
const KEY = Buffer.alloc(32, 9).toString('base64');
let n = 0;

async function freshEnv(engine: 'pglite' | 'postgres'): Promise<NodeJS.ProcessEnv> {
  const scratch = await scratchDatabaseFor(engine, postgresUrl);
  if (scratch.drop) drops.push(scratch.drop);
  const env = { AMAAN_DATA_DIR: join(work, `data-${engine}-${++n}`), AMAAN_KEY_DIR: join(work, `keys-${engine}-${n}`), AMAAN_DATA_KEY: KEY, DATABASE_URL: scratch.url ?? '' };
  const m = await runAmaan(work, ['migrate'], env);
  expect(m.code, m.err).toBe(0);
  return env;
}

async function withDb<T>(env: NodeJS.ProcessEnv, fn: (s: Started) => Promise<T>): Promise<T> {
  const started = await startPlatform(loadConfig({ ...process.env, ...env, NODE_ENV: 'test' }));
  try {
    return await fn(started);
  } finally {
    await started.database.close();
  }
}

/** Runs queries on the database as its owner (PostgreSQL only), on one connection. */
async function withOwner<T>(env: NodeJS.ProcessEnv, fn: (q: <R>(text: string) => Promise<{ rows: R[] }>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(async <R,>(text: string) => (await client.query(text)) as unknown as { rows: R[] });
  } finally {
    await client.end();
  }
}

/** One digest of the generated rows that matter (ids, names, statuses, dates, links, hashes). */
async function digest(env: NodeJS.ProcessEnv): Promise<string> {
  return withDb(env, async ({ ctx }) => (await sql<{ d: string }>`
    SELECT md5(string_agg(x, '|' ORDER BY x)) AS d FROM (
      SELECT id::text || title || status || district_id || coalesce(fir_number::text, '') || extract(epoch FROM reported_at)::bigint AS x FROM cases
      UNION ALL SELECT person_id::text || name || kind FROM person_names
      UNION ALL SELECT case_id::text || person_id::text || role || coalesce(accused_status, '') FROM case_persons
      UNION ALL SELECT kind || ':' || key FROM entities
      UNION ALL SELECT kind || from_id || to_id || coalesce(case_id::text, '') FROM links
      UNION ALL SELECT pseudonym FROM victims
      UNION ALL SELECT case_id::text || rel_path || sha256 || coalesce(pdq, '') FROM media_files
    ) t`.execute(ctx.db)).rows[0]!.d);
}

const generate = (env: NodeJS.ProcessEnv, args: string[]): Promise<CliRun> => runAmaan(work, ['generate', ...args], env);
const digests = new Map<string, string>();

describe.each(engines)('amaan generate on %s', (engine) => {
  let env: NodeJS.ProcessEnv;

  it('writes 2,000 cases over every district in proportion to its population, with linked persons, victims and media, audited once', async () => {
    env = await freshEnv(engine);
    const r = await generate(env, ['--cases', '2000', '--persons', '9000', '--seed', '7', '--media-per-case', '2', '--batch-cases', '700', '--json']);
    expect(r.code, r.err).toBe(0);
    expectNoStack(r);
    const summary = JSON.parse(r.out) as { aborted: boolean; casesWritten: number; rows: Record<string, number>; districts: number };
    expect(summary).toMatchObject({ aborted: false, casesWritten: 2000 });
    expect(summary.rows).toMatchObject({ cases: 2000, persons: 9000, media_files: 4000, ingest_jobs: 2000 });
    expect(summary.districts).toBeGreaterThanOrEqual(150);

    await withDb(env, async ({ ctx }) => {
      const db = ctx.db;
      // Districts: every one with a branch has cases; the counts follow the population.
      const perDistrict = (await sql<{ id: number; population: number; cases: number }>`
        SELECT d.id, coalesce(d.population_2023, 0)::float8 AS population, count(c.id)::int AS cases
        FROM districts d JOIN (SELECT DISTINCT district_id FROM branch_districts) bd ON bd.district_id = d.id
        LEFT JOIN cases c ON c.district_id = d.id GROUP BY d.id, d.population_2023`.execute(db)).rows;
      expect(perDistrict.length).toBe(summary.districts);
      expect(perDistrict.filter((d) => d.cases === 0)).toEqual([]);
      const totalPop = perDistrict.reduce((s, d) => s + Number(d.population), 0);
      const big = perDistrict.filter((d) => (2000 * d.population) / totalPop >= 20);
      expect(big.length).toBeGreaterThan(10);
      for (const d of big) {
        const expected = (2000 * d.population) / totalPop;
        expect(Math.abs(d.cases / expected - 1), `district ${d.id}: ${d.cases} cases, ${expected.toFixed(1)} expected`).toBeLessThan(0.15);
      }
      const mostPopulous = [...perDistrict].sort((a, b) => b.population - a.population)[0]!;
      const leastPopulous = [...perDistrict].sort((a, b) => a.population - b.population)[0]!;
      expect(mostPopulous.cases).toBeGreaterThan(10 * leastPopulous.cases);
      // Each case's branch covers its district.
      const wrongBranch = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM branch_districts bd WHERE bd.branch_id = c.branch_id AND bd.district_id = c.district_id)`.execute(db);
      expect(wrongBranch.rows[0]!.n).toBe(0);

      // Statuses: valid, spread, reached step by step, the last step being the case's status; FIR iff past the complaint stages.
      const cases = await db.selectFrom('cases').select(['id', 'status', 'fir_number', 'reported_at']).execute();
      const statusCounts = new Map<string, number>();
      for (const c of cases) statusCounts.set(c.status, (statusCounts.get(c.status) ?? 0) + 1);
      expect([...statusCounts.keys()].every((s) => (caseStatuses as readonly string[]).includes(s))).toBe(true);
      expect(statusCounts.size).toBeGreaterThanOrEqual(10);
      for (const c of cases) expect(c.fir_number !== null, `${c.id} ${c.status}`).toBe(statusesWithFir.has(c.status as CaseStatus));
      expect(new Set(cases.map((c) => new Date(c.reported_at).getUTCFullYear())).size).toBeGreaterThanOrEqual(8);
      const history = await db.selectFrom('case_status_history').select(['case_id', 'from_status', 'to_status', 'at']).orderBy('case_id').orderBy('at').orderBy('id').execute();
      const last = new Map<string, string>();
      for (const h of history) {
        const before = last.get(h.case_id) ?? null;
        expect(h.from_status).toBe(before);
        if (before) expect(nextStatuses(before as CaseStatus)).toContain(h.to_status);
        else expect(h.to_status).toBe('complaint_received');
        last.set(h.case_id, h.to_status);
      }
      for (const c of cases) expect(last.get(c.id)).toBe(c.status);
      const judged = cases.filter((c) => c.status === 'convicted' || c.status === 'acquitted').length;
      expect(Number((await db.selectFrom('verdicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(judged);

      // Persons: every one in a case, every case with a suspect, every person with a phone (a valid E.164 key).
      const unlinked = await sql<{ n: number }>`SELECT count(*)::int AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.person_id = p.id)`.execute(db);
      expect(unlinked.rows[0]!.n).toBe(0);
      const noSuspect = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = c.id AND cp.role = 'suspect')`.execute(db);
      expect(noSuspect.rows[0]!.n).toBe(0);
      const roles = (await sql<{ role: string }>`SELECT DISTINCT role FROM case_persons`.execute(db)).rows.map((r) => r.role).sort();
      expect(roles).toEqual(['facilitator', 'guardian', 'informant', 'suspect', 'witness']);
      const noPhone = await sql<{ n: number }>`SELECT count(*)::int AS n FROM persons p WHERE NOT EXISTS (
        SELECT 1 FROM links l JOIN entities e ON e.id::text = l.to_id WHERE l.from_type = 'person' AND l.from_id = p.id::text AND l.to_type = 'entity' AND e.kind = 'phone')`.execute(db);
      expect(noPhone.rows[0]!.n).toBe(0);
      const dangling = await sql<{ n: number }>`SELECT count(*)::int AS n FROM links l WHERE l.to_type = 'entity' AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id::text = l.to_id)`.execute(db);
      expect(dangling.rows[0]!.n).toBe(0);
      // Every identifier normalised as the person form would (none kept as unverified); wallets keyed by their phone.
      const entityKinds = (await sql<{ kind: string; n: number; unverified: number; withPhone: number }>`
        SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE attributes ? 'unverified')::int AS unverified, count(*) FILTER (WHERE attributes ? 'phone')::int AS "withPhone"
        FROM entities GROUP BY kind ORDER BY kind`.execute(db)).rows;
      expect(entityKinds.map((k) => k.kind)).toEqual(['account', 'email', 'phone', 'wallet']);
      expect(entityKinds.every((k) => k.unverified === 0)).toBe(true);
      expect(entityKinds.find((k) => k.kind === 'phone')!.n).toBe(9000);
      const wallets = entityKinds.find((k) => k.kind === 'wallet')!;
      expect(wallets.withPhone).toBe(wallets.n);
      const phones = await db.selectFrom('entities').select('key').where('kind', '=', 'phone').limit(50).execute();
      for (const p of phones) expect(entityKey('phone', p.key)).toMatchObject({ ok: true, key: p.key });
      // Some persons are in two cases, some phones shared across cases (the graph has something to find).
      const repeat = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT person_id FROM case_persons GROUP BY person_id HAVING count(DISTINCT case_id) > 1) x`.execute(db);
      expect(repeat.rows[0]!.n).toBeGreaterThan(10);
      // Victims by pseudonym only (no identity rows), media with hashes of the right shapes.
      expect(Number((await db.selectFrom('victim_identities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
      const media = await db.selectFrom('media_files').select(['md5', 'sha1', 'sha256', 'pdq', 'media_kind']).execute();
      for (const m of media) {
        expect(m.md5).toMatch(/^[0-9a-f]{32}$/);
        expect(m.sha1).toMatch(/^[0-9a-f]{40}$/);
        expect(m.sha256).toMatch(/^[0-9a-f]{64}$/);
        if (m.media_kind === 'image') expect(m.pdq).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(new Set(media.map((m) => m.sha256)).size).toBeLessThan(media.length); // a few files shared with earlier cases
      // What triggers keep is there, however the rows went in (PostgreSQL loads by COPY with the triggers skipped
      // and does their work per batch): the status spans equal the ones rebuilt from the history, the graph's
      // change log has something to apply, and every index of the migrations is back (search, links, names).
      const spanDiff = await sql<{ n: number }>`
        WITH want AS (
          SELECT id AS history_id, case_id, to_status AS status, at AS valid_from,
            coalesce(lead(at) OVER (PARTITION BY case_id ORDER BY at, id), 'infinity'::timestamptz) AS valid_to FROM case_status_history)
        SELECT count(*)::int AS n FROM (
          (SELECT * FROM want EXCEPT SELECT history_id, case_id, status, valid_from, valid_to FROM case_status_spans)
          UNION ALL (SELECT history_id, case_id, status, valid_from, valid_to FROM case_status_spans EXCEPT SELECT * FROM want)) d`.execute(db);
      expect(spanDiff.rows[0]!.n).toBe(0);
      expect(Number((await db.selectFrom('case_status_spans').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(history.length);
      // The figures' pre-aggregates count every generated case (their triggers were skipped too): each case has its
      // complaint among the flow events, and the stock rollup's changes sum to one current status per case.
      const flowCases = await sql<{ n: number }>`SELECT count(DISTINCT case_id)::int AS n FROM stat_flow`.execute(db);
      const caseCount = Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(flowCases.rows[0]!.n).toBe(caseCount);
      expect(Number((await db.selectFrom('graph_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
      const indexNames = (await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()`.execute(db)).rows.map((r) => r.name);
      expect(indexNames).toEqual(expect.arrayContaining(['cases_title_trgm', 'cases_updated', 'links_fact', 'links_from', 'links_to', 'person_names_key', 'person_names_lower', 'persons_name_lower', 'media_files_sha256', 'case_status_spans_at', 'case_status_history_latest']));
      // Vacuumed and analysed after the load (the figures' tables too, rebuilt from the records): a page left unmarked
      // all-visible makes every index-only scan read the heap. PostgreSQL keeps the times; PGlite has no statistics views.
      if (engine === 'postgres') {
        const unvacuumed = (await sql<{ relname: string }>`SELECT relname FROM pg_stat_user_tables
          WHERE relname IN ('cases', 'stat_stock_spans', 'stat_flow', 'stock_status_daily', 'stock_cohort_area_checkpoints') AND (last_vacuum IS NULL OR last_analyze IS NULL)`.execute(db)).rows;
        expect(unvacuumed).toEqual([]);
      }
      // One audit entry for the run.
      const entries = await db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'generate.run').execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.details).toMatchObject({ synthetic: true, seed: 7, cases: 2000, persons: 9000, mediaPerCase: 2 });
    });
    const verify = await runAmaan(work, ['audit', 'verify'], env);
    expect(verify.code, verify.out + verify.err).toBe(0);
    digests.set(engine, await digest(env));
  }, SLOW);

  it('refuses to write into a database that already holds cases, and unknown districts, with exit code 2', async () => {
    const again = await generate(env, ['--cases', '10']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds 2000 cases: amaan generate fills an empty database/);
    expectNoStack(again);
    const other = await freshEnv(engine);
    const bad = await generate(other, ['--cases', '10', '--districts', 'Lahore,Atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--districts: no district named Atlantis/);
    expectNoStack(bad);
    const some = await generate(other, ['--cases', '30', '--districts', 'Lahore, Muzaffargarh', '--media-per-case', '0']);
    expect(some.code, some.err).toBe(0);
    await withDb(other, async ({ ctx }) => {
      const names = (await sql<{ name: string; n: number }>`SELECT d.name, count(*)::int AS n FROM cases c JOIN districts d ON d.id = c.district_id GROUP BY d.name ORDER BY d.name`.execute(ctx.db)).rows;
      expect(names.map((r) => r.name)).toEqual(['Lahore', 'Muzaffargarh']);
      expect(names.find((r) => r.name === 'Lahore')!.n).toBeGreaterThan(names.find((r) => r.name === 'Muzaffargarh')!.n);
      expect(Number((await ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    });
  }, SLOW);
});

describe.each(engines)('a stopped run on %s', (engine) => {
  // Ctrl-C (SIGINT) ends the run after the batch being written; SIGKILL (PostgreSQL only: the embedded engine
  // is not meant to survive it) cuts it anywhere. Either way only whole batches are there.
  it(`keeps only whole batches (${engine === 'postgres' ? 'SIGKILL' : 'SIGINT'})${engine === 'postgres' ? '; the next start builds the indexes the killed load dropped' : ''}`, async () => {
    const env = await freshEnv(engine);
    // The secondary indexes before the run (the COPY load on PostgreSQL drops those of the tables it fills).
    const indexNames = async () => withOwner(env, async (q) => (await q<{ n: string }>(`SELECT indexname AS n FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`)).rows.map((r) => r.n));
    const before = engine === 'postgres' ? await indexNames() : [];
    const bin = new URL('../../bin/amaan.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'generate', '--cases', '500000', '--batch-cases', '40', '--media-per-case', '1'], {
      cwd: work, env: { ...process.env, ...env, NODE_ENV: 'test', AMAAN_PROGRESS_MS: '100' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal === 'SIGKILL' ? -9 : code)));
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/ (\d{3,})\/500000 cases/.test(err)) resolve();
    }));
    child.kill(engine === 'postgres' ? 'SIGKILL' : 'SIGINT');
    const code = await exited;
    expect(code, err).toBe(engine === 'postgres' ? -9 : 130);
    if (engine === 'postgres') {
      // Killed mid-load: indexes missing, and noted as such.
      const pending = await withOwner(env, async (q) => (await q<{ n: number }>('SELECT count(*)::int AS n FROM pending_index_builds')).rows[0]!.n);
      expect(pending).toBeGreaterThan(10);
      expect((await indexNames()).length).toBe(before.length - pending);
    }
    // The next start (as the owner, as `amaan migrate` and a development server do) builds them.
    await withDb(env, async ({ ctx }) => {
      const count = async (q: string) => (await sql<{ n: number }>`${sql.raw(q)}`.execute(ctx.db)).rows[0]!.n;
      const cases = await count('SELECT count(*)::int AS n FROM cases');
      expect(cases).toBeGreaterThan(0);
      expect(cases % 40).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = c.id AND cp.role = 'suspect')`)).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM media_files m WHERE m.case_id = c.id)`)).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM media_files')).toBe(cases);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'generate.run'`)).toBe(1);
    });
    if (engine === 'postgres') {
      expect(await indexNames()).toEqual(before);
      expect(await withOwner(env, async (q) => (await q<{ n: number }>('SELECT count(*)::int AS n FROM pending_index_builds')).rows[0]!.n)).toBe(0);
    }
  }, SLOW);
});

describe('the same seed gives the same data', () => {
  it.skipIf(engines.length < 2)('on PGlite and PostgreSQL', () => {
    expect(digests.get('pglite')).toBeDefined();
    expect(digests.get('pglite')).toBe(digests.get('postgres'));
  });

  it('whatever the batch size; another seed gives other data', async () => {
    const run = async (seed: string, batch: string) => {
      const env = await freshEnv('pglite');
      const r = await generate(env, ['--cases', '250', '--seed', seed, '--batch-cases', batch]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/^generate done: 250 cases over \d+ districts in [\d.]+ s; rows: users \d+, cases 250, /);
      return digest(env);
    };
    const a = await run('11', '1000');
    expect(await run('11', '37')).toBe(a);
    expect(await run('12', '1000')).not.toBe(a);
  }, SLOW);

  it('gives every person a distinct valid Pakistani mobile number', () => {
    const seen = new Set<string>();
    for (let p = 0; p < 20_000; p++) {
      const phone = phoneOf(7, p);
      expect(entityKey('phone', phone)).toMatchObject({ ok: true, key: phone });
      seen.add(phone);
    }
    expect(seen.size).toBe(20_000);
  });
});

describe('bad flags', () => {
  it('are refused before anything is opened, naming the option, with exit code 2 (a missing --cases: commander\'s 1)', async () => {
    const env = { AMAAN_DATA_DIR: join(work, 'never-created'), DATABASE_URL: '' };
    const bad: Array<[string[], RegExp, number]> = [
      [['--cases', '0'], /--cases must be a whole number from 1 to 10,000,000 \(got "0"\)/, 2],
      [['--cases', 'many'], /--cases must be a whole number/, 2],
      [['--cases', '1.5'], /--cases must be a whole number/, 2],
      [['--cases', '20', '--persons', '10'], /--persons must be at least --cases/, 2],
      [['--cases', '20', '--seed', '-1'], /--seed must be a whole number from 0 to 4,294,967,295/, 2],
      [['--cases', '20', '--media-per-case', 'x'], /--media-per-case must be a whole number from 0 to 1,000/, 2],
      [['--cases', '20', '--batch-cases', '0'], /--batch-cases must be a whole number from 1 to 20,000/, 2],
      [['--cases', '20', '--districts', ' '], /--districts must be "all" or district names/, 2],
      [[], /required option '--cases <n>' not specified/, 1],
    ];
    for (const [args, message, code] of bad) {
      const r = await generate(env, args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err, args.join(' ')).toMatch(message);
      expectNoStack(r);
    }
    const noDb = await generate(env, ['--cases', '20']);
    expect(noDb.code).toBe(2);
    expect(noDb.err).toMatch(/no Amaan database in/);
  }, SLOW);
});
