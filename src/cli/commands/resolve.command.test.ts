// `amaan resolve` as a user runs it: a real process on a small file, no database and no data folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/amaan.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'amaan-resolve-cli-'));
const dataDir = join(dir, 'data-must-not-exist');

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [bin, 'resolve', ...args], {
    cwd: dir, encoding: 'utf8', timeout: 120_000, input,
    env: { ...process.env, AMAAN_DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
  });
}

const records = [
  { id: 'p1', names: ['Mohd Asif Malik'], dateOfBirth: '1987-03-14', district: 'Lahore', phones: ['0300-1234567'], cnic: '35202-1234567-1' },
  { id: 'p2', names: ['Zarghoon Tareen'], handles: ['@zar_t'], dateOfBirth: '1979-06-02' },
  { id: 'p3', names: ['حافظ محمد آصف'], dateOfBirth: '14/03/1987', phones: ['+92 300 1234567'], cnic: '3520212345671', district: 'لاہور' },
  { id: 'p4', names: ['Kamran Niazi'], dateOfBirth: '1990-01-01' },
  { id: 'p5', names: ['زرغون ترین'], handles: ['ZAR_T'] },
  { id: 'p6', names: ['Muhammad Ali'], dateOfBirth: '1970' },
  { id: 'p7', names: ['Muhammad Ali'], dateOfBirth: '1999' },
];
const file = join(dir, 'records.jsonl');
writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

// Each case starts several processes; on a busy machine a start alone can take seconds.
describe('amaan resolve', { timeout: 300_000 }, () => {
  it('prints one JSON line per proposed pair on stdout, with reasons, and nothing else', () => {
    const r = run(['--records', file, '--format', 'jsonl']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const pairs = lines.map((l) => JSON.parse(l));
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['p1-p3', 'p2-p5']);
    for (const p of pairs) {
      expect(Object.keys(p)).toEqual(['a', 'b', 'score', 'reasons']);
      expect(p.score).toBeCloseTo(p.reasons.reduce((t: number, x: { weight: number }) => t + x.weight, 0), 5);
      expect(p.score).toBeGreaterThanOrEqual(0);
    }
    expect(pairs[0].reasons.map((x: { field: string }) => x.field)).toEqual(expect.arrayContaining(['name', 'cnic', 'phone', 'dateOfBirth', 'district']));
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['records.jsonl']);
  });

  it('gives the same answer on worker threads, and honours --threshold', () => {
    const one = run(['--records', file]);
    const two = run(['--records', file, '--jobs', '2']);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const all = run(['--records', file, '--threshold', '-1000']);
    expect(all.stdout.trimEnd().split('\n').length).toBeGreaterThan(one.stdout.trimEnd().split('\n').length);
    const none = run(['--records', file, '--threshold', '1000']);
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
  });

  it('reads standard input with --records -', () => {
    const r = run(['--records', '-'], records.map((x) => JSON.stringify(x)).join('\n'));
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('refuses a bad line with its number and field, exit code 2, no stack trace and no output', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(records[0])}\n${JSON.stringify({ id: 'x', names: ['Ali'], phones: ['0300-1234567', 'not a phone'] })}\n`);
    for (const jobs of ['1', '2']) {
      const r = run(['--records', bad, '--jobs', jobs]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^amaan: --records .*bad\.jsonl: line 2: phones\[1\]: "not a phone" is not a phone number/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const notJson = join(dir, 'not-json.jsonl');
    writeFileSync(notJson, '{"id":"a","names":["Ali"]}\n{"id":"b","names":\n');
    const r = run(['--records', notJson]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 2: \(line\): not valid JSON/);
    for (const p of [bad, notJson]) rmSync(p);
  });

  it('explains usage errors: a missing file, a bad threshold, a missing --records', () => {
    const missing = run(['--records', join(dir, 'nope.jsonl')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read: no such file/);
    const th = run(['--records', file, '--threshold', 'high']);
    expect(th.status).toBe(2);
    expect(th.stderr).toMatch(/--threshold must be a number/);
    const none = run([]);
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/--records/);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--threshold/);
    expect(help.stdout).toMatch(/dateOfBirth/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
