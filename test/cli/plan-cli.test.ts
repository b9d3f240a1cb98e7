import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStack, runAmaan, type CliRun } from '../support/cli.ts';

// `amaan plan` as an operator runs it, on the embedded database (PGlite) in a fresh data folder with the demo
// dataset loaded: the comparison and the assumptions printed, --json, the published CSV recorded, and bad
// flags refused with the option named and exit code 2, writing nothing.
const work = mkdtempSync(join(tmpdir(), 'amaan-plan-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 300_000;
const window = ['--from', '2024-06-04', '--to', '2025-06-03'];

describe('amaan plan on the embedded database', () => {
  const env: NodeJS.ProcessEnv = { AMAAN_DATA_DIR: join(work, 'data'), AMAAN_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), DATABASE_URL: '' };
  const amaan = (args: string[]): Promise<CliRun> => runAmaan(work, args, env);
  beforeAll(async () => {
    const loaded = await amaan(['demo', 'load']);
    expect(loaded.code, loaded.err).toBe(0);
  }, SLOW);

  it('prints the scenarios side by side, the staff per office and every assumption with its basis', async () => {
    const r = await amaan(['plan', ...window, '--staff-factor', '2']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Internal view: exact counts/);
    expect(r.out).toMatch(/Scenarios side by side\nmeasure\s+baseline\s+staff_x\s+every_district\s+growth\s+latent\n/);
    expect(r.out).toMatch(/\ninvestigators needed for the targets\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\n/);
    expect(r.out).toContain('- staff_x: every office\'s investigators x2 (rounded)');
    expect(r.out).toMatch(/\nAssumptions .*\n- window: 2024-06-04 to 2025-06-03 \([\d.]+ months\), days in Asia\/Karachi \[set\]\./);
    expect(r.out).toContain('- staff factor: x2 [set].');
    expect(r.out).toMatch(/- referral growth: 24\.7% a year for 3 years .* \[external\]/);
    expect(r.out).toMatch(/- throughput: [\d.]+ investigations closed per investigator per month \[(observed|default)\]/);
    expect(r.out).toContain('Investigators per office: now, and needed for the targets under each scenario');
    expectNoStack(r);
  }, SLOW);

  it('--json gives the model\'s figures; they agree with the printed comparison', async () => {
    const j = await amaan(['plan', ...window, '--json']);
    expect(j.code, j.err).toBe(0);
    const plan = JSON.parse(j.out) as { scenarios: Array<{ id: string; investigators: number; investigatorsNeeded: number }>; observations: { window: { from: string; to: string } } };
    expect(plan.observations.window).toMatchObject({ from: '2024-06-04', to: '2025-06-03' });
    expect(plan.scenarios.map((s) => s.id)).toEqual(['baseline', 'staff_x', 'every_district', 'growth', 'latent']);
    const text = await amaan(['plan', ...window]);
    const needed = /\ninvestigators needed for the targets\s+([\d\s]+)\n/.exec(text.out)![1]!.trim().split(/\s+/).map(Number);
    expect(needed).toEqual(plan.scenarios.map((s) => s.investigatorsNeeded));
    const staff = /\ninvestigators\s+([\d\s]+)\n/.exec(text.out)![1]!.trim().split(/\s+/).map(Number);
    expect(staff).toEqual(plan.scenarios.map((s) => s.investigators));
  }, SLOW);

  it('--out writes the published CSV (small counts suppressed), recorded and audited; never overwrites without --force', async () => {
    const out = join(work, 'offices.csv');
    const r = await amaan(['plan', ...window, '--out', out, '--table', 'offices']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/wrote .*offices\.csv \(table offices; published, small counts suppressed\), sha256 [0-9a-f]{64}; recorded as report [0-9a-f-]{36}; audited/);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toMatch(/^office,province,districts,population,investigators,/);
    expect(csv).toContain('<5');
    expect(csv).toMatch(/\r\n\r\nassumption,value,basis,note\r\n/);
    const again = await amaan(['plan', ...window, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists; use --force to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe(csv);
  }, SLOW);

  it('refuses bad flags naming the option, with exit code 2 and no file', async () => {
    const bad: Array<[string[], RegExp]> = [
      [['--staff-factor', 'lots'], /--staff-factor: a number/],
      [['--target-utilisation', '1.5'], /--target-utilisation: must be at most 0\.99/],
      [['--min-investigators', '1.5'], /--min-investigators: must be a whole number/],
      [['--from', '2025-06-03', '--to', '2024-01-01'], /--to: must not be before from/],
      [['--from', '3 June'], /--from: must be a day YYYY-MM-DD/],
      [['--out', join(work, 'plan.pdf')], /--out: a file ending \.csv or \.xlsx/],
      [['--out', join(work, 'plan.csv'), '--table', 'victims'], /--table: one of scenarios, /],
      [['--bogus'], /unknown option '--bogus'/],
    ];
    for (const [args, message] of bad) {
      const r = await amaan(['plan', ...args]);
      expect(r.code, args.join(' ')).toBe(args[0] === '--bogus' ? 1 : 2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out, args.join(' ')).toBe('');
      expectNoStack(r);
    }
    expect(existsSync(join(work, 'plan.pdf'))).toBe(false);
    expect(existsSync(join(work, 'plan.csv'))).toBe(false);
    writeFileSync(join(work, 'keep.csv'), 'keep');
    expect((await amaan(['plan', '--growth', 'fast', '--out', join(work, 'keep.csv'), '--force'])).code).toBe(2);
    expect(readFileSync(join(work, 'keep.csv'), 'utf8')).toBe('keep');
  }, SLOW);
});
