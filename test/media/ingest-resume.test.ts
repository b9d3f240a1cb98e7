import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest } from '../../src/platform/db/database.ts';
import { seedReferenceData } from '../../src/modules/reference/reference.seed.ts';
import { buildMediaFolder, type MediaFolder } from '../support/media-fixtures.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';

// The CLI end to end: `amaan ingest` killed with SIGKILL part-way, then run again, must end with exactly one
// row per file. When the tests run as root the CLI runs as `nobody`, so a chmod-000 file really is unreadable.
const { engines, postgresUrl } = await detectEngines();
const repo = new URL('../../', import.meta.url).pathname;
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const work = mkdtempSync(join(tmpdir(), 'amaan-resume-'));
chmodSync(work, 0o777);
let folder: MediaFolder;
const canRunAsNobody = asRoot && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(repo, 'bin/amaan.js'))})`], { uid: NOBODY, gid: NOBODY }).status === 0;

beforeAll(async () => {
  folder = await buildMediaFolder(join(work, 'seized'), { images: 250 });
  spawnSync('chmod', ['-R', 'a+rX', folder.root]);
  chmodSync(join(folder.root, folder.unreadable!), 0o000);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function amaan(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(repo, 'bin/amaan.js'), ...args], {
    cwd: work,
    env: { ...process.env, ...env, NODE_ENV: 'test', AMAAN_PROGRESS_MS: '100' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(canRunAsNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

function finish(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
}

describe.each(engines)('amaan ingest killed and resumed on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let caseId: string;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    const url = scratch.url;
    drop = scratch.drop;
    const d = await openDatabase({ url, dataDir: url ? undefined : join(dataDir, 'pglite') });
    await migrateToLatest(d.db);
    await seedReferenceData(d.db);
    const branch = await d.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
    await d.db.insertInto('users').values({ username: 'custodian', display_name: 'Evidence custodian', role: 'analyst', branch_id: null, password_hash: 'x' }).execute();
    caseId = (await d.db.insertInto('cases').values({ branch_id: branch.id, title: 'Resume test', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow()).id;
    await d.close();
    spawnSync('chmod', ['-R', 'a+rwX', work]);
    chmodSync(join(folder.root, folder.unreadable!), 0o000);
    env = { AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), ...(url ? { DATABASE_URL: url } : { DATABASE_URL: '' }) };
  });
  afterAll(async () => drop?.());

  it('ends with exactly one row per file after SIGKILL and a rerun', async () => {
    const first = amaan(['ingest', '--case', caseId, '--custodian', 'custodian', '--concurrency', '1', '--batch-files', '5', folder.root], env);
    const firstDone = finish(first);
    // Kill once some batches have been committed (the bar reports files as they are stored).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 150_000);
      first.stderr!.on('data', (d: Buffer) => {
        const m = /\| (\d+)\/\d+ files/.exec(String(d));
        if (m && Number(m[1]) >= 5) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    first.kill('SIGKILL');
    const killed = await firstDone;
    expect(killed.signal).toBe('SIGKILL');
    const partial = await openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.DATABASE_URL ? undefined : join(dataDir, 'pglite') });
    const stored = Number((await partial.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await partial.close();
    spawnSync('chmod', ['-R', 'a+rwX', dataDir]);
    // The kill landed part-way: some files stored, not all.
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(folder.expected.length);

    // The rerun also prints its phase times (AMAAN_TIMING=1), in the order they happen.
    const second = await finish(amaan(['ingest', '--case', caseId, '--custodian', 'custodian', '--json', folder.root], { ...env, AMAAN_TIMING: '1' }));
    expect(second.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(second.code).toBe(0);
    const phases = [...second.err.matchAll(/^amaan timing: (.+?) \d+ ms \(at (\d+) ms\)$/gm)].map((m) => ({ phase: m[1]!, at: Number(m[2]) }));
    const order = ['modules (Node start and the CLI loaded)', 'database open', 'case and evidence item', 'job open', 'ready to hash', 'first file hashed', 'all files hashed', 'job closed', 'close (workers stopped, database closed)', 'process exit'];
    // PostgreSQL with migrations on start opens an owner connection, then the application's pool: "database open (...)".
    const seen = order.map((name) => phases.find((p) => p.phase === name || p.phase.startsWith(`${name} (`)));
    expect(seen.map((p, i) => (p ? order[i] : p))).toEqual(order);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.at).toBeGreaterThanOrEqual(seen[i - 1]!.at);
    expect(phases.filter((p) => /^hash worker \d+ ready( \(thread \d+\))?$/.test(p.phase)).length).toBeGreaterThan(0);
    expect(killed.err).not.toMatch(/amaan timing:/); // without AMAAN_TIMING nothing is printed
    const summary = JSON.parse(second.out.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ filesTotal: folder.expected.length, filesDone: folder.expected.length, aborted: false });

    const d = await openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.DATABASE_URL ? undefined : join(dataDir, 'pglite') });
    try {
      const rows = await d.db.selectFrom('media_files').select(['rel_path', 'error', 'media_kind']).where('case_id', '=', caseId).execute();
      expect(rows.map((r) => r.rel_path).sort()).toEqual(folder.expected);
      expect(new Set(rows.map((r) => r.rel_path)).size).toBe(rows.length);
      const jobs = await d.db.selectFrom('ingest_jobs').selectAll().where('case_id', '=', caseId).execute();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ status: 'done', files_done: folder.expected.length });
      if (canRunAsNobody || !asRoot) {
        const locked = rows.find((r) => r.rel_path === folder.unreadable)!;
        expect(locked.media_kind).toBe('unreadable');
        expect(locked.error).toMatch(/permission denied/);
      } else {
        console.warn('[tests] running as root without a usable `nobody`: the unreadable-file case is not exercised here');
      }
    } finally {
      await d.close();
      spawnSync('chmod', ['-R', 'a+rwX', dataDir]); // files this (root) process wrote stay usable by the CLI
    }
  }, 180_000);

  it('answers bad arguments with a message and exit code 2, never a stack trace', async () => {
    const r = await finish(amaan(['ingest', '--case', 'not-a-uuid', folder.root], env));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--case must be a case id/);
    const missing = await finish(amaan(['ingest', '--case', caseId, join(work, 'nope')], env));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such folder/);
    const other = join(work, 'seized', 'DCIM');
    const noCustodian = await finish(amaan(['ingest', '--case', caseId, other], env));
    expect(noCustodian.code).toBe(2);
    expect(noCustodian.err).toMatch(/--custodian/);
  });
});
