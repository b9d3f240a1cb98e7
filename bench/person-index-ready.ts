// The duplicate-person index at national size (issue 13 §5): `amaan serve` against a generated database builds it in
// the background at start (src/modules/resolution, reported by /ready's checks.personIndex). This starts the real
// server, polls /ready every 2 s, and prints every 30 s the elapsed time, the server's resident memory (VmRSS) and
// its peak (VmHWM), and its CPU time (user + system, from /proc), until the index is ready, failed, or --max-s passed.
// Read only as far as this script goes (the server itself may write its own bookkeeping, as at any start).
//
//   node --import tsx bench/person-index-ready.ts --db-url postgres://postgres@127.0.0.1:5432/<generated> [--max-s 1800]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopServer } from './server-support.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const URL_ = arg('--db-url', '');
if (!URL_) throw new Error('--db-url is required');
const MAX_S = Number(arg('--max-s', '1800'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const mib = (kb: number) => (kb / 1024).toFixed(0);

function proc(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const cpuS = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), cpuS };
}

const work = mkdtempSync(join(tmpdir(), 'amaan-index-'));
const env = { DATABASE_URL: URL_, AMAAN_DATA_DIR: join(work, 'data'), AMAAN_KEY_DIR: join(work, 'keys'), AMAAN_DATA_KEY: Buffer.alloc(32, 3).toString('base64') };
console.log(`load average at start: ${load()}`);
const t0 = performance.now();
const server = await startServer(env);
const pid = server.child.pid!;
console.log(`server listening after ${(server.readyMs / 1000).toFixed(1)} s (pid ${pid})`);
let state: string;
let lastPrint = 0;
try {
  for (;;) {
    const elapsed = (performance.now() - t0) / 1000;
    const res = await fetch(new URL('/ready', server.url)).catch(() => null);
    const body = res ? ((await res.json().catch(() => null)) as { checks?: { personIndex?: string } } | null) : null;
    state = body?.checks?.personIndex ?? 'absent';
    const p = proc(pid);
    if (elapsed - lastPrint >= 30 || state !== 'loading') {
      console.log(`${elapsed.toFixed(0)} s: personIndex ${state}; RSS ${mib(p.rss)} MiB, peak ${mib(p.hwm)} MiB; server CPU ${p.cpuS.toFixed(0)} s; load ${load()}`);
      lastPrint = elapsed;
    }
    if (state !== 'loading' && state !== 'absent' && state !== 'unknown') break;
    if (elapsed > MAX_S) {
      console.log(`not ready after ${MAX_S} s: stopped`);
      break;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
} finally {
  await stopServer(server);
  rmSync(work, { recursive: true, force: true });
  console.log(`load average at end: ${load()}`);
}
