import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error.ts';
import { type MatchOptions, runMatch } from './match.command.ts';
import { wordsToHex } from '../../pdq/matching/hex.ts';
import { flipBits, prng, randomHashes } from '../../pdq/matching/test-helpers.ts';

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
  await runMatch({ index: '', queries: '', threshold: '31', format: 'jsonl', engine: 'auto', ...opts }, out);
  return text;
}

describe('amaan match', () => {
  const known = file('known.txt', [flip(Z, 8), Z, flip(Z, 2), 'f'.repeat(64), flip(Z, 7), '', '']);
  const queries = file('queries.txt', ['f'.repeat(64), Z]);

  it('prints one JSON line per match, in query order, then distance, then match (0-based lines)', async () => {
    for (const engine of ['auto', 'scan', 'mih', 'flat']) {
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
    await expect(run({ index: known, queries, engine: 'faiss' })).rejects.toThrow(/--engine must be one of auto, scan, mih, flat/);
  });

  it('a batch large enough for the worker threads gives the same lines as the flat scan', async () => {
    const rnd = prng(31);
    const hay = randomHashes(40_000, rnd);
    const hex = (w: Uint32Array, i: number): string => wordsToHex(w.subarray(i * 8, i * 8 + 8));
    const big = file('big-known.txt', Array.from({ length: 40_000 }, (_, i) => hex(hay, i)));
    // 1,700 queries x 40,000 hashes: above the default minimum for going parallel (2^26 comparisons).
    const qs = file('big-queries.txt', Array.from({ length: 1_700 }, (_, i) => wordsToHex(i % 2 ? flipBits(hay, rnd() % 40_000, 25 + (rnd() % 12), rnd) : randomHashes(1, rnd))));
    const timings = { read: 0, build: 0, match: 0, matchCpu: 0 };
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    await runMatch({ index: big, queries: qs, threshold: '31', format: 'jsonl', engine: 'auto' }, out, timings);
    expect(text).toBe(await run({ index: big, queries: qs, engine: 'flat' }));
    expect(text.split('\n').length).toBeGreaterThan(400);
    expect(timings.match).toBeGreaterThan(0);
  }, 120_000);

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
