import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { expectNoStack, runAmaan, type CliRun } from '../support/cli.ts';

// `amaan report briefing|export` as an operator runs them, on the demo dataset: the PDF's text carries the
// national figures and the Muzaffargarh operation; exports list their tables, refuse bad input before
// touching the database, and never overwrite a file without --force.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 300_000;

describe.each(engines)('amaan report on %s', (engine) => {
  let env: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const amaan = (args: string[]): Promise<CliRun> => runAmaan(work, args, env);
  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    drop = scratch.drop;
    env = { AMAAN_DATA_DIR: join(work, `data-${engine}`), AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64'), DATABASE_URL: scratch.url ?? '' };
    const loaded = await amaan(['demo', 'load']);
    expect(loaded.code, loaded.err).toBe(0);
  }, SLOW);
  afterAll(async () => drop?.());

  it('writes the briefing PDF with the national figures and the operation, showing progress', async () => {
    const out = join(work, `briefing-${engine}.pdf`);
    const r = await amaan(['report', 'briefing', '--from', '2024-01-01', '--to', '2025-06-03', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/briefing \[.*\] \d+\/\d+/);
    expect(r.out).toMatch(/wrote .*briefing-.*\.pdf .*Pakistan \(national\), 2024-01-01 to 2025-06-03; recorded as report [0-9a-f-]{36}; audit anchor \d+ [0-9a-f]{64}/);
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(out)) });
    const text = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    expect(text).toMatch(/178 FIRs registered/);
    expect(text).toMatch(/198 Arrests/);
    expect(text).toMatch(/14 Persons convicted \(sentences of 4 to 10 years\)/);
    expect(text).toMatch(/Operation of the period: Muzaffargarh, 2025-05-23/);
    // Not overwritten without --force; a bad period is refused naming the option.
    expect((await amaan(['report', 'briefing', '--from', '2024-01-01', '--to', '2025-06-03', '--out', out])).err).toMatch(/exists; use --force/);
    const bad = await amaan(['report', 'briefing', '--from', '2025-06-03', '--to', '2024-01-01', '--out', join(work, 'x.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--to: must not be before from/);
    expectNoStack(bad);
    expect(existsSync(join(work, 'x.pdf'))).toBe(false);
    // The language is en or ur, refused by name otherwise (the Urdu PDF itself: briefing-urdu.test.ts).
    const lang = await amaan(['report', 'briefing', '--from', '2024-01-01', '--to', '2025-06-03', '--lang', 'fr', '--out', join(work, 'x.pdf')]);
    expect(lang.code).toBe(2);
    expect(lang.err).toMatch(/--lang: /);
    expectNoStack(lang);
    expect(existsSync(join(work, 'x.pdf'))).toBe(false);
  }, SLOW);

  it('exports tables as CSV and XLSX; --help lists them; unknown tables and formats are refused', async () => {
    const help = await amaan(['report', 'export', '--help']);
    expect(help.out).toMatch(/firs_by_province\s+\[published, suppressed\]/);
    expect(help.out).toMatch(/districts\s+\[internal\]/);
    const csv = join(work, `firs-${engine}.csv`);
    const r = await amaan(['report', 'export', '--table', 'firs_by_province', '--format', 'csv', '--to', '2025-06-03', '--out', csv]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^province,n\r\n[\s\S]*total,178\r\n$/);
    const xlsx = join(work, `offices-${engine}.xlsx`);
    expect((await amaan(['report', 'export', '--table', 'branch_offices', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const unknown = await amaan(['report', 'export', '--table', 'victims', '--format', 'csv', '--out', join(work, 'v.csv')]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--table: no table victims/);
    const format = await amaan(['report', 'export', '--table', 'districts', '--format', 'pdf', '--out', join(work, 'v.csv')]);
    expect(format.err).toMatch(/--format: csv or xlsx/);
    writeFileSync(join(work, 'keep.csv'), 'keep');
    await amaan(['report', 'export', '--table', 'districts', '--format', 'csv', '--out', join(work, 'keep.csv')]);
    expect(readFileSync(join(work, 'keep.csv'), 'utf8')).toBe('keep');
  }, SLOW);
});
