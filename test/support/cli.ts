// Runs the `amaan` command line as an operator would: a fresh Node process in `cwd`, the given
// configuration variables, optional standard input; collects exit code and both outputs.
import { spawn } from 'node:child_process';
import { expect } from 'vitest';

const bin = new URL('../../bin/amaan.js', import.meta.url).pathname;

export type CliRun = { code: number | null; out: string; err: string };

export function runAmaan(cwd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, ...env, NODE_ENV: 'test', AMAAN_DEBUG: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

/** No stack trace, no internal path, no raw error class in what the operator sees. */
export function expectNoStack(r: CliRun): void {
  expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|Error:/);
}
