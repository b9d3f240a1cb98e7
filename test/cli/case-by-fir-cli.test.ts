import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadConfig } from '../../src/platform/config.ts';
import { type Started } from '../../src/platform/bootstrap.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { type CliRun, expectNoStack, runAmaan, withPlatform } from '../support/cli.ts';
import { drawPicture } from '../../src/demo/demo.media.ts';
import sharp from 'sharp';

// The CLI names a case the way the web app shows it (FIR 77/2025, with the branch when FIR numbers of two
// branches coincide) as well as by its id; and it opens the server's database or refuses, never a new one.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-fir-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 240_000;
const amaan = (args: string[], env: NodeJS.ProcessEnv, cwd = work, input?: string): Promise<CliRun> => runAmaan(cwd, args, env, input);

describe('the data folder', () => {
  const installData = fileURLToPath(new URL('../../data', import.meta.url));

  it('defaults to the installation\'s data folder, whatever the current folder', () => {
    expect(DEFAULT_DATA_DIR).toBe(installData);
    expect(loadConfig({ NODE_ENV: 'test' }).dataDir).toBe(installData);
    expect(loadConfig({ NODE_ENV: 'test', AMAAN_DATA_DIR: '/srv/amaan' }).dataDir).toBe('/srv/amaan');
  });

  it('a verb on a folder without a database refuses and creates nothing', async () => {
    const empty = join(work, 'empty-data');
    const r = await amaan(['ingest', '--case', '77/2025', '--custodian', 'x', work], { AMAAN_DATA_DIR: empty, DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`no Amaan database in ${empty} (AMAAN_DATA_DIR=${empty}); nothing was created`);
    expect(r.err).toMatch(/npm start.*amaan migrate/);
    expectNoStack(r);
    expect(existsSync(join(empty, 'pglite'))).toBe(false);
  }, SLOW);

  // Only where the installation has no database yet (a fresh checkout, CI): never touches a real one.
  it.skipIf(existsSync(join(installData, 'pglite')))('without AMAAN_DATA_DIR, run from another folder, it looks in the installation\'s folder and refuses', async () => {
    const elsewhere = join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const r = await amaan(['hashset', 'list'], { AMAAN_DATA_DIR: '', DATABASE_URL: '' }, elsewhere);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`no Amaan database in ${installData} (AMAAN_DATA_DIR unset: the installation's data folder, the one \`npm start\` uses)`);
    expect(existsSync(join(elsewhere, 'data'))).toBe(false);
    expect(existsSync(join(installData, 'pglite'))).toBe(false);
  }, SLOW);
});

describe.each(engines)('cases by FIR number on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);
  const folder = join(work, `seized-${engine}`);
  const ids: Record<string, string> = {};
  const withDb = <T,>(fn: (s: Started) => Promise<T>): Promise<T> => withPlatform(env, fn);

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: dataDir, AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'IMG_0001.png'), await sharp(drawPicture(21), { raw: { width: 320, height: 240, channels: 3 } }).png().toBuffer());
    expect((await amaan(['migrate'], env)).code).toBe(0);
    const made = await amaan(['user', 'create', '--username', 'sup.lahore', '--role', 'supervisor', '--branch', 'Lahore', '--password-stdin'], env, work, 'a long enough password\n');
    expect(made.code, made.err).toBe(0);
    await withDb(async ({ ctx }) => {
      const branch = async (d: string) => (await ctx.db.selectFrom('branches').select('id').where('district', '=', d).executeTakeFirstOrThrow()).id;
      const add = async (key: string, district: string, fir: number) => {
        ids[key] = (await ctx.db.insertInto('cases').values({ branch_id: await branch(district), title: `FIR test ${key}`, status: 'fir_registered', fir_number: fir, fir_year: 2025, fir_registered_at: new Date('2025-03-01T10:00:00Z'), challan_submitted_at: null, created_by: null })
          .returning('id').executeTakeFirstOrThrow()).id;
      };
      await add('lahore77', 'Lahore', 77);
      await add('multan77', 'Multan', 77);
      await add('lahore79', 'Lahore', 79);
    });
  }, SLOW);
  afterAll(async () => drop?.());

  it('an ambiguous FIR number names the branches and asks for --branch; an unknown one exits 3', async () => {
    const ambiguous = await amaan(['ingest', '--case', '77/2025', '--custodian', 'sup.lahore', folder], env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('FIR 77/2025 is registered in 2 branches (Lahore, Multan): add --branch <district>, or give the case id');
    expectNoStack(ambiguous);
    const unknown = await amaan(['ingest', '--case', 'FIR 78/2025', '--custodian', 'sup.lahore', folder], env);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('no case with FIR 78/2025');
    const wrongBranch = await amaan(['ingest', '--case', '79/2025', '--branch', 'Multan', '--custodian', 'sup.lahore', folder], env);
    expect(wrongBranch.code).toBe(3);
    expect(wrongBranch.err).toContain('no case with FIR 79/2025 in Multan');
    const garbage = await amaan(['ingest', '--case', 'seventy-seven', folder], env);
    expect(garbage.code).toBe(2);
    expect(garbage.err).toContain('--case must be a case id (UUID) or a FIR number as the app shows it, e.g. 77/2025');
    expect(await withDb(({ ctx }) => ctx.db.selectFrom('media_files').select('id').execute())).toEqual([]);
  }, SLOW);

  it('ingest takes "FIR 77/2025" with --branch, as the app displays it; the id still works', async () => {
    const r = await amaan(['ingest', '--case', 'FIR 77/2025', '--branch', 'Lahore', '--custodian', 'sup.lahore', '--json', folder], env);
    expect(r.code, r.err).toBe(0);
    const byCase = await withDb(({ ctx }) => ctx.db.selectFrom('media_files').select(['case_id', 'rel_path']).execute());
    expect(byCase).toEqual([{ case_id: ids.lahore77, rel_path: 'IMG_0001.png' }]);
    const byId = await amaan(['ingest', '--case', ids.lahore77!, '--label', `media: ${folder}`, folder], env);
    expect(byId.code, byId.err).toBe(0);
  }, SLOW);

  it('export takes a FIR number too', async () => {
    const out = join(work, `bundle-${engine}.json`);
    const r = await amaan(['export', '--case', '79/2025', '--out', out], env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('(FIR 79/2025, Lahore)');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { case: { id: string } }).case.id).toBe(ids.lahore79);
    const ambiguous = await amaan(['export', '--case', '77/2025', '--out', join(work, `other-${engine}.json`)], env);
    expect(ambiguous.code).toBe(2);
    expect(existsSync(join(work, `other-${engine}.json`))).toBe(false);
  }, SLOW);
});
