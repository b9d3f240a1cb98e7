// The command line loads only the verb it runs; help and mistyped verbs still see every verb.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/amaan.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
const VERBS = ['serve', 'ingest', 'hashset', 'match', 'vpdq', 'hash', 'migrate', 'user', 'demo', 'export', 'import', 'audit', 'keys', 'generate'];

describe('amaan verbs', () => {
  it('lists every verb in the overall help', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    for (const verb of VERBS) expect(r.stdout).toMatch(new RegExp(`^  ${verb}\\b`, 'm'));
  });

  it('runs one verb with only its own module (its help and options work)', () => {
    const r = run('match', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--threshold');
    const sub = run('user', 'create', '--help');
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain('Usage: amaan user create');
  });

  it('suggests the verb meant when one is mistyped, and fails', () => {
    const r = run('hsah', 'x.jpg');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command 'hsah'[\s\S]*Did you mean hash\?/);
  });
});
