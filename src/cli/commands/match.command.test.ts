import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.ts';
import { type MatchOptions, runMatch } from './match.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'amaan-match-'));
const file = (name: string, lines: string[]): string => {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n'));
  return p;
};
const Z = '0'.repeat(64);
const flip = (hex: string, nibbles: number): string => 'f'.repeat(nibbles) + hex.slice(nibbles); // 4 bits per nibble

async function run(opts: Partial<MatchOptions>): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  await runMatch({ index: '', queries: '', threshold: '31', format: 'jsonl', engine: 'mih', ...opts }, out);
  return text;
}

describe('amaan match', () => {
  const known = file('known.txt', [flip(Z, 8), Z, flip(Z, 2), 'f'.repeat(64), flip(Z, 7), '', '']);
  const queries = file('queries.txt', ['f'.repeat(64), Z]);

  it('prints one JSON line per match, in query order, then distance, then match (0-based lines)', async () => {
    for (const engine of ['mih', 'flat']) {
      const lines = (await run({ index: known, queries, engine })).trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { query: 0, match: 3, distance: 0 },
        { query: 1, match: 1, distance: 0 },
        { query: 1, match: 2, distance: 8 },
        { query: 1, match: 4, distance: 28 },
      ]);
    }
    expect(await run({ index: known, queries, threshold: '8', format: 'tsv' })).toBe('query\tmatch\tdistance\n0\t3\t0\n1\t1\t0\n1\t2\t8\n');
  });

  it('refuses bad input with a clear message', async () => {
    const bad = file('bad.txt', [Z, Z.slice(2)]);
    await expect(run({ index: bad, queries })).rejects.toThrow(new CliError(`${bad}:2: expected 64 hex characters, got 62`));
    await expect(run({ index: join(dir, 'nope.txt'), queries })).rejects.toThrow(/cannot read .*nope\.txt: no such file/);
    await expect(run({ index: known, queries, threshold: '-1' })).rejects.toThrow(/--threshold must be an integer from 0 to 256/);
    await expect(run({ index: known, queries, threshold: '257' })).rejects.toThrow(/--threshold/);
    await expect(run({ index: known, queries, format: 'csv' })).rejects.toThrow(/--format must be one of jsonl, tsv/);
  });

  it('exits with code 2 and names file and line from the command line', () => {
    const bin = fileURLToPath(new URL('../../../bin/amaan.js', import.meta.url));
    const bad = file('bad2.txt', [Z, '', Z]);
    const r = spawnSync(process.execPath, [bin, 'match', '--index', known, '--queries', bad], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`amaan: ${bad}:2: blank line`);
    const ok = spawnSync(process.execPath, [bin, 'match', '--index', known, '--queries', queries, '--threshold', '0'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('{"query":0,"match":3,"distance":0}\n{"query":1,"match":1,"distance":0}\n');
  });
});
