// Runs the `amaan` command line as an operator would: a fresh Node process in `cwd`, the given
// configuration variables, optional standard input; collects exit code and both outputs.
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { loadConfig } from '../../src/platform/config.ts';
import { startPlatform, type Started } from '../../src/platform/bootstrap.ts';

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

/** Opens the platform as a CLI run with `env` would (its database, its key), runs `work`, and closes it again. */
export async function withPlatform<T>(env: NodeJS.ProcessEnv, work: (s: Started) => Promise<T>): Promise<T> {
  const started = await startPlatform(loadConfig({ ...env, NODE_ENV: 'test' }));
  try {
    return await work(started);
  } finally {
    await started.database.close();
  }
}
