import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform, type Started } from '../../src/platform/bootstrap.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { openOwnerDatabase } from '../support/owner-db.ts';
import { type CliRun, expectNoStack, runAmaan, withPlatform } from '../support/cli.ts';

// The administration verbs end to end: `node bin/amaan.js ...` on an embedded data folder and on a
// PostgreSQL scratch database, with the same configuration variables a deployment uses.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-admin-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Every verb is a fresh Node process opening the database: allow for a loaded CI machine.
const SLOW = 240_000;

type Run = CliRun;
const amaan = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> => runAmaan(work, args, env, input);
const noStack = expectNoStack;

describe('amaan --help', () => {
  it.each([[[]], [['migrate']], [['user', 'create']], [['user', 'token']], [['demo', 'load']], [['export']], [['import']], [['audit', 'verify']]])('%j --help', async (args) => {
    const r = await amaan([...args, '--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: amaan/);
  }, SLOW);
});

describe.each(engines)('administration verbs on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);
  /** The same database in this process, between CLI runs (the data folder takes one process at a time). */
  const withDb = <T,>(work: (s: Started) => Promise<T>): Promise<T> => withPlatform(env, work);

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    const url = scratch.url;
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 3).toString('base64'), DATABASE_URL: url ?? '' };
  });
  afterAll(async () => drop?.());

  it('migrate applies every migration once, then has nothing to do', async () => {
    const first = await amaan(['migrate'], env);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('applied 0001_core');
    expect(first.out).toContain('applied 0004_admin');
    const second = await amaan(['migrate'], env);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/nothing to apply/);
  }, SLOW);

  it('user create refuses a bad role, a missing branch and a short password with exit 2 and no stack trace', async () => {
    const badRole = await amaan(['user', 'create', '--username', 'x.one', '--role', 'superuser', '--password-stdin'], env, 'a long enough password\n');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/^amaan: --role must be one of investigator, supervisor/);
    noStack(badRole);
    const noBranch = await amaan(['user', 'create', '--username', 'x.one', '--role', 'investigator', '--password-stdin'], env, 'a long enough password\n');
    expect(noBranch.code).toBe(2);
    expect(noBranch.err).toContain('--branch is required');
    const shortPw = await amaan(['user', 'create', '--username', 'x.one', '--role', 'analyst', '--password-stdin'], env, 'short\n');
    expect(shortPw.code).toBe(2);
    expect(shortPw.err).toMatch(/password must be at least 12 characters/);
    const badBranch = await amaan(['user', 'create', '--username', 'x.one', '--role', 'investigator', '--branch', 'Atlantis', '--password-stdin'], env, 'a long enough password\n');
    expect(badBranch.code).toBe(2);
    expect(badBranch.err).toContain('--branch Atlantis: no such branch');
    noStack(badBranch);
    const badName = await amaan(['user', 'create', '--username', 'Bad Name', '--role', 'analyst', '--password-stdin'], env, 'a long enough password\n');
    expect(badName.code).toBe(2);
    expect(badName.err).toContain('--username');
    const noTty = await amaan(['user', 'create', '--username', 'x.one', '--role', 'analyst'], env);
    expect(noTty.code).toBe(2);
    expect(noTty.err).toContain('--password-stdin');
  }, SLOW);

  it('user create and user token work, audited as the CLI operator', async () => {
    const inv = await amaan(['user', 'create', '--username', 'inv.cli', '--role', 'investigator', '--branch', 'Muzaffargarh', '--display-name', 'Insp. CLI', '--password-stdin'], env, 'a long enough password\n');
    expect(inv.code, inv.err).toBe(0);
    expect(inv.out).toMatch(/created investigator inv\.cli in Muzaffargarh/);
    const dup = await amaan(['user', 'create', '--username', 'inv.cli', '--role', 'analyst', '--password-stdin'], env, 'a long enough password\n');
    expect(dup.code).toBe(2);
    expect(dup.err).toContain('taken');
    noStack(dup);
    // A person gets no token from the CLI (nobody acts as someone else); a service account does.
    const personal = await amaan(['user', 'token', '--username', 'inv.cli', '--name', 'script'], env);
    expect(personal.code).toBe(2);
    expect(personal.err).toContain('only to service accounts');
    const weak = await amaan(['user', 'create', '--username', 'weak.pw', '--role', 'analyst', '--password-stdin'], env, 'password1234\n');
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('too common');
    const bot = await amaan(['user', 'create', '--username', 'intake.bot', '--role', 'investigator', '--branch', 'Muzaffargarh', '--service-account'], env);
    expect(bot.code, bot.err).toBe(0);
    expect(bot.out).toContain('created service account investigator intake.bot');
    const token = await amaan(['user', 'token', '--username', 'intake.bot', '--name', 'script'], env);
    expect(token.code, token.err).toBe(0);
    expect(token.out.trim()).toMatch(/^amaan_[A-Za-z0-9_-]{40,}$/);
    expect(token.err).toContain('shown once');
    const ghost = await amaan(['user', 'token', '--username', 'nobody.here', '--name', 'x'], env);
    expect(ghost.code).toBe(3);
    expect(ghost.err).toContain('user nobody.here not found');
    await withDb(async ({ ctx }) => {
      const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', 'inv.cli').executeTakeFirstOrThrow();
      expect(user).toMatchObject({ display_name: 'Insp. CLI', role: 'investigator', is_demo: false, is_service_account: false });
      expect((await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', user.id).execute()).map((e) => e.action)).toEqual(['user.create']);
      expect(await ctx.db.selectFrom('api_tokens').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
      const service = await ctx.db.selectFrom('users').selectAll().where('username', '=', 'intake.bot').executeTakeFirstOrThrow();
      expect(service.is_service_account).toBe(true);
      const entries = await ctx.db.selectFrom('audit_log').select(['action', 'actor_name', 'actor_id']).where('entity_id', '=', service.id).orderBy('seq').execute();
      expect(entries.map((e) => e.action)).toEqual(['user.create', 'api_token.create']);
      expect(entries[0]!.actor_name).toMatch(/^cli:/);
      const tokens = await ctx.db.selectFrom('api_tokens').select('token_hash').where('user_id', '=', service.id).execute();
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.token_hash).not.toContain(token.out.trim());
    });
  }, SLOW);

  it('export and import a case: progress shown, FIR clash and bad files refused with exit 2', async () => {
    const caseId = await withDb(async ({ ctx }) => {
      const branch = await ctx.db.selectFrom('branches').select('id').where('district', '=', 'Muzaffargarh').executeTakeFirstOrThrow();
      const inv = await ctx.db.selectFrom('users').select('id').where('username', '=', 'inv.cli').executeTakeFirstOrThrow();
      const c = await ctx.db.insertInto('cases').values({ branch_id: branch.id, title: 'CLI bundle case', status: 'fir_registered', fir_number: 42, fir_year: 2025, fir_registered_at: '2025-05-20T00:00:00Z', reported_at: '2025-05-19T00:00:00Z', created_by: inv.id }).returning('id').executeTakeFirstOrThrow();
      await ctx.db.insertInto('case_offences').values({ case_id: c.id, offence_code: 'PECA-22' }).execute();
      await ctx.db.insertInto('case_team').values({ case_id: c.id, user_id: inv.id, team_role: 'lead' }).execute();
      await ctx.db.insertInto('case_status_history').values([
        { case_id: c.id, from_status: null, to_status: 'complaint_received', reason: 'complaint', actor_id: inv.id, at: '2025-05-19T00:00:00Z' },
        { case_id: c.id, from_status: 'complaint_received', to_status: 'fir_registered', reason: 'cognizable', actor_id: inv.id, at: '2025-05-20T00:00:00Z' },
      ]).execute();
      const p = await ctx.db.insertInto('persons').values({ display_name: 'Suspect Example', cnic: '35202-7654321-3' }).returning('id').executeTakeFirstOrThrow();
      await ctx.db.insertInto('case_persons').values({ case_id: c.id, person_id: p.id, role: 'suspect', accused_status: 'at_large' }).execute();
      return c.id;
    });
    const file = join(work, `bundle-${engine}.json`);
    const out = await amaan(['export', '--case', caseId, '--out', file], env);
    expect(out.code, out.err).toBe(0);
    expect(out.out).toMatch(/exported case .* \(FIR 42\/2025, Muzaffargarh\)/);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    expect(bundle).toMatchObject({ format: 'amaan.case-bundle', version: 2, case: { id: caseId }, signature: { algorithm: 'ed25519' } });
    expect(out.out).toContain(`signed by this installation (key ${bundle.signature.keyId})`);
    const again = await amaan(['export', '--case', caseId, '--out', file], env);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect((await amaan(['export', '--case', 'not-a-uuid', '--out', join(work, 'x.json')], env)).code).toBe(2);
    const missing = await amaan(['export', '--case', '6f1c2b9e-4d3a-4c5b-9e8f-0a1b2c3d4e5f', '--out', join(work, 'y.json')], env);
    expect(missing.code).toBe(3);
    expect(existsSync(join(work, 'y.json'))).toBe(false);

    const imported = await amaan(['import', '--branch', 'Lahore', file], env);
    expect(imported.code, imported.err).toBe(0);
    // The CLI links nothing it cannot vouch for: the CNIC holder is created anew and suggested for review.
    expect(imported.out).toMatch(/imported case .* \(FIR 42\/2025\) into Lahore, signed by this installation \(key [0-9a-f]{16}\): 1 persons \(0 already recorded, linked by CNIC\)/);
    expect(imported.out).toContain('case team not carried over (assign it in the branch): inv.cli (lead)');
    expect(imported.err).toMatch(/\d+\/9/); // the progress bar
    const clash = await amaan(['import', '--branch', 'Lahore', file], env);
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/^amaan: import failed, nothing was stored: FIR 42\/2025 already exists in Lahore/m);
    noStack(clash);
    const tampered = join(work, `tampered-${engine}.json`);
    writeFileSync(tampered, JSON.stringify({ ...bundle, case: { ...bundle.case, title: 'changed' } }));
    const bad = await amaan(['import', '--branch', 'Multan', tampered], env);
    expect(bad.code).toBe(4);
    expect(bad.err).toContain('signature: does not match the content: the bundle was altered after this installation');
    noStack(bad);
    const unsigned = join(work, `unsigned-${engine}.json`);
    writeFileSync(unsigned, JSON.stringify({ ...bundle, signature: undefined }));
    const noSig = await amaan(['import', '--branch', 'Multan', unsigned], env);
    expect(noSig.code).toBe(4);
    expect(noSig.err).toContain('the bundle is not signed');
    const notJson = join(work, 'not.json');
    writeFileSync(notJson, '{"format": "amaan.case-bundle", ');
    const broken = await amaan(['import', '--branch', 'Multan', notJson], env);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('is not a JSON case bundle');
    noStack(broken);
    expect((await amaan(['import', '--branch', 'Nowhere', file], env)).code).toBe(2);
    await withDb(async ({ ctx }) => {
      const cases = await ctx.db.selectFrom('cases').select('branch_id').where('title', '=', 'CLI bundle case').execute();
      expect(cases).toHaveLength(2);
      const actions = await ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['case.export', 'case.import']).execute();
      expect(actions.map((a) => a.action).sort()).toEqual(['case.export', 'case.import']);
    });
  }, SLOW);

  it('between two installations: refused (exit 4) until an administrator trusts the sender with `amaan keys trust add`', async () => {
    const caseId = await withDb(async ({ ctx }) => (await ctx.db.selectFrom('cases').select('id').where('title', '=', 'CLI bundle case').orderBy('created_at').executeTakeFirstOrThrow()).id);
    const file = join(work, `bundle-b-${engine}.json`);
    expect((await amaan(['export', '--case', caseId, '--out', file], env)).code).toBe(0);
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    const envB = { AMAAN_DATA_DIR: join(work, `other-${engine}`), AMAAN_DATA_KEY: Buffer.alloc(32, 4).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    try {
      expect((await amaan(['migrate'], envB)).code).toBe(0);
      // The bundle names its users by username: the receiving installation has its own account for them.
      const b = await startPlatform(loadConfig({ ...envB, NODE_ENV: 'test' }));
      try {
        await b.ctx.db.insertInto('users').values({ username: 'inv.cli', display_name: 'CLI investigator', role: 'investigator', password_hash: 'x', disabled: true }).execute();
      } finally {
        await b.database.close();
      }
      const unknown = await amaan(['import', '--branch', 'Multan', file], envB);
      expect(unknown.code).toBe(4);
      expect(unknown.err).toMatch(/signature\.keyId: signed by installation [0-9a-f]{16}, which this installation does not trust/);
      noStack(unknown);

      const pub = await amaan(['keys', 'public'], env);
      expect(pub.code, pub.err).toBe(0);
      const keyId = /# key id ([0-9a-f]{16})/.exec(pub.out)![1]!;
      const pemFile = join(work, `a-${engine}.pem`);
      writeFileSync(pemFile, pub.out);
      const wrongId = await amaan(['keys', 'trust', 'add', '--name', 'Installation A', '--key-id', '0123456789abcdef', pemFile], envB);
      expect(wrongId.code).toBe(2);
      expect(wrongId.err).toContain(`has key id ${keyId}`);
      const added = await amaan(['keys', 'trust', 'add', '--name', 'Installation A', '--key-id', keyId, pemFile], envB);
      expect(added.code, added.err).toBe(0);
      expect((await amaan(['keys', 'trust', 'list'], envB)).out).toContain(`${keyId}  Installation A`);

      const imported = await amaan(['import', '--branch', 'Multan', file], envB);
      expect(imported.code, imported.err).toBe(0);
      expect(imported.out).toContain(`signed by Installation A (key ${keyId})`);

      expect((await amaan(['keys', 'trust', 'remove', keyId], envB)).code).toBe(0);
      const removed = await amaan(['import', '--branch', 'Lahore', file], envB);
      expect(removed.code).toBe(4);
      const started = await startPlatform(loadConfig({ ...envB, NODE_ENV: 'test' }));
      try {
        const trail = await started.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['trust.add', 'trust.remove', 'case.import']).orderBy('seq').execute();
        expect(trail.map((a) => a.action)).toEqual(['trust.add', 'case.import', 'trust.remove']);
      } finally {
        await started.database.close();
      }
    } finally {
      await scratch.drop?.();
    }
  }, SLOW);

  it('demo load runs through the same configuration', async () => {
    const r = await amaan(['demo', 'load'], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('demo dataset not loaded');
  }, SLOW);

  it('audit verify exits 0 on an intact trail and 1 listing the bad entries', async () => {
    const ok = await amaan(['audit', 'verify'], env);
    expect(ok.code, ok.err).toBe(0);
    const head = /head (\d+):([0-9a-f]{64})/.exec(ok.out);
    expect(head).not.toBeNull();
    expect((await amaan(['audit', 'verify', '--anchor', `${head![1]}:${head![2]}`], env)).code).toBe(0);
    expect((await amaan(['audit', 'verify', '--anchor', 'nonsense'], env)).code).toBe(2);
    // The application's role may not touch the trail: the owner (as a database administrator) does it.
    const owner = await openOwnerDatabase(env);
    const seq = await (async () => {
      const row = await owner.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.create').orderBy('seq').executeTakeFirstOrThrow();
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(owner.db);
      await sql`UPDATE audit_log SET details = '{"username":"someone-else"}'::jsonb WHERE seq = ${row.seq}`.execute(owner.db);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(owner.db);
      return row.seq;
    })().finally(() => owner.close());
    const broken = await amaan(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`entry ${seq}: edited: stored details no longer match the keyed entry`);
    expect(broken.out).toContain('user.create');
    const json = await amaan(['audit', 'verify', '--json'], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, problems: [{ seq, kind: 'edited' }] });
  }, SLOW);

  it.runIf(engine === 'pglite')('refuses to open a data folder another process holds, and takes over a stale lock', async () => {
    // This process holds the folder, as a running server would.
    await withDb(async () => {
      const r = await amaan(['audit', 'verify'], env);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/data folder .* is in use by process \d+/);
      noStack(r);
    });
    // A lock left by a process that is gone (killed) does not block.
    writeFileSync(join(dataDir, 'amaan.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), command: 'serve', since: new Date().toISOString() }));
    const after = await amaan(['migrate'], env);
    expect(after.code, after.err).toBe(0);
    expect(existsSync(join(dataDir, 'amaan.lock'))).toBe(false);
  }, SLOW);
});

