// What the HTTP benches share (bench/load.bench.ts, bench/spine.bench.ts): scratch PostgreSQL databases (the
// same helper as the tests', test/support/engines.ts), the real server as a child process on loopback, its peak
// memory, and signing a user in the way the web app does (session cookie and CSRF token).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createScratchDatabase } from '../test/support/engines.ts';

export { createScratchDatabase };

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** One statement on the admin connection (CREATE / DROP DATABASE ...). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** The URL of another database on the same server. */
export function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface Server {
  child: ChildProcess;
  url: string;
  readyMs: number;
  stdout: string;
}

/**
 * `amaan serve` (with `extraArgs`, e.g. --demo) on a free port of loopback, resolved when it says it is ready.
 * `nodeArgs` go to node itself (e.g. --cpu-prof to profile the server: NODE_OPTIONS may not carry it).
 */
export function startServer(env: Record<string, string>, opts: { extraArgs?: string[]; nodeArgs?: string[] } = {}): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'bin/amaan.js', 'serve', ...(opts.extraArgs ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Amaan is ready at (\S+)/.exec(stdout);
      if (m) resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1'), readyMs: performance.now() - t0, stdout });
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
}

export async function stopServer(s: Server | null): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => s.child.once('exit', () => resolve()));
  s.child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a process, from the kernel (VmHWM). */
export function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

export interface SignedIn { cookie: string; csrf: string }

/** Signs in with a password as the web app does: the session cookie and the CSRF token for writes. */
export async function signIn(base: string, username: string, password: string): Promise<SignedIn> {
  const res = await fetch(new URL('/api/v1/auth/login', base), {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('amaan_session='));
  if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie, csrf: body.csrfToken };
}
