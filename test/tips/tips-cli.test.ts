import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoStack, runAmaan } from '../support/cli.ts';

// `amaan tips key create` prints the token once on stdout (stored only as its hash); `amaan tips import` files a
// batch of JSON lines with a summary of what was refused and why. Embedded engine, a data folder of its own.
describe('amaan tips', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amaan-tips-cli-'));
    env = { AMAAN_DATA_DIR: join(dir, 'data'), AMAAN_KEY_DIR: join(dir, 'keys'), DATABASE_URL: '' };
    expect((await runAmaan(dir, ['migrate'], env)).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a key: the token on stdout alone, once', async () => {
    const r = await runAmaan(dir, ['tips', 'key', 'create', '--organisation', 'CLI Test Platform'], env);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^amaantip_[A-Za-z0-9_-]{43}\n$/);
    expect(r.err).toContain('shown once');
    const list = await runAmaan(dir, ['tips', 'key', 'list'], env);
    expect(list.out).toContain('CLI Test Platform');
    expect(list.out).not.toContain(r.out.trim());
  }, 120_000);

  it('imports JSON lines: repeats are one tip, refusals listed with their reasons', async () => {
    const file = join(dir, 'batch.jsonl');
    const report = (id: string, extra = {}) => JSON.stringify({ reportId: id, incident: { type: 'distribution' }, reported: [{ accounts: [{ platform: 'Telegram', handle: `cli_${id}` }] }], ...extra });
    writeFileSync(file, [report('A'), report('B', { reported: [{ phones: ['not a phone'] }] }), 'not json', '', report('A')].join('\n'));
    const r = await runAmaan(dir, ['tips', 'import', file, '--organisation', 'CLI Test Platform'], env);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 received (1 new tips, 1 sent before), 2 refused');
    expect(r.out).toMatch(/refused item 2: body\.reported\.0\.phones\.0: /);
    expect(r.out).toMatch(/refused item 3: body: line 3 is not valid JSON/);
  }, 120_000);

  it('files in batches of --batch reports, and refuses a batch size out of range before reading anything', async () => {
    const file = join(dir, 'batches.jsonl');
    const report = (id: string) => JSON.stringify({ reportId: id, incident: { type: 'distribution' }, reported: [{ accounts: [{ platform: 'Telegram', handle: 'cli_batches_shared' }] }] });
    writeFileSync(file, ['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => report(id)).join('\n'));
    const r = await runAmaan(dir, ['tips', 'import', file, '--organisation', 'CLI Test Platform', '--batch', '2'], env);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.out).toContain('5 received (5 new tips, 0 sent before), 0 refused');
    const bad = await runAmaan(dir, ['tips', 'import', file, '--organisation', 'CLI Test Platform', '--batch', '0'], env);
    expectNoStack(bad);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--batch must be from 1 to 2000');
  }, 120_000);
});
