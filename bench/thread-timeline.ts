// Per-thread timeline of a command (Linux): which threads of its process tree had work, and when. Meant for
// `amaan ingest` on a shared machine (issue 14 §3, "both cores busy"): from /proc/<pid>/task/<tid>/schedstat it
// takes, per thread, the time on a CPU and the time runnable but waiting for one (run-queue delay). Their sum is
// the time the thread *had work*; the rest it slept (waiting for a message, a read, a lock). That split holds
// under load, where wall-clock does not: a thread starved by other work on the machine shows as waiting, not
// idle.
//   node --import tsx bench/thread-timeline.ts [--interval-ms 50] [--bucket-ms 500] [--also REGEX] [--rows N] -- CMD ARGS...
// --also REGEX: also sample processes outside the tree whose command line matches (e.g. the PostgreSQL backend
// of the bench's database: `--also 'postgres: .*amaan_s8'`). Threads are labelled: the main thread (tid = pid),
// the ingest's hash workers (from the "thread <tid>" they print with AMAAN_TIMING=1), the decoder children, and
// the rest of each process by its name ("node" for V8's and libuv's helper threads).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
if (dash < 0 || dash === argv.length - 1) throw new Error('usage: thread-timeline.ts [options] -- CMD ARGS...');
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i < dash ? argv[i + 1]! : fallback;
};
const INTERVAL = Number(opt('interval-ms', '50'));
const BUCKET = Number(opt('bucket-ms', '500'));
const ROWS = Number(opt('rows', '60'));
const ALSO = opt('also', '') ? new RegExp(opt('also', '')) : null;
const [cmd, ...args] = argv.slice(dash + 1);

interface Sample { t: number; run: number; wait: number }
interface Thread { pid: number; tid: number; label: string; proc: string; samples: Sample[] }
const threads = new Map<string, Thread>();
const workerTids = new Map<number, string>();

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The pids of the tree under `root` (and those matching --also), from every process's parent pid. */
function tree(root: number): Array<{ pid: number; name: string }> {
  const parent = new Map<number, number>();
  const info = new Map<number, { name: string; cmdline: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const stat = read(`/proc/${d}/stat`);
    if (!stat) continue;
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    parent.set(Number(d), ppid);
    info.set(Number(d), { name: stat.slice(stat.indexOf('(') + 1, close), cmdline: ALSO ? (read(`/proc/${d}/cmdline`) ?? '').replace(/\0/g, ' ') : '' });
  }
  const out: Array<{ pid: number; name: string }> = [];
  for (const [pid, inf] of info) {
    let p: number | undefined = pid;
    while (p && p !== root) p = parent.get(p);
    const cmdline = inf.cmdline || (read(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
    if (p === root) out.push({ pid, name: /decoder-child/.test(cmdline) ? 'decoder' : /ffmpeg|ffprobe/.test(cmdline) ? 'ffmpeg' : inf.name });
    else if (pid !== process.pid && ALSO?.test(inf.cmdline)) out.push({ pid, name: 'also: ' + inf.name });
  }
  return out;
}

const child = spawn(cmd!, args, { stdio: ['ignore', 'inherit', 'pipe'] });
const rootPid = child.pid!;
let stderr = '';
child.stderr.on('data', (d: Buffer) => {
  process.stderr.write(d);
  stderr += d.toString();
  for (const m of stderr.matchAll(/hash worker (\d+) ready \(thread (\d+)\)/g)) workerTids.set(Number(m[2]), `hash worker ${m[1]}`);
});
const t0 = performance.now();
let procs: Array<{ pid: number; name: string }> = [{ pid: rootPid, name: 'root' }];
let lastTree = 0;

function sample(): void {
  const t = performance.now() - t0;
  if (t - lastTree > 250) {
    procs = tree(rootPid);
    procs.push({ pid: rootPid, name: 'root' });
    lastTree = t;
  }
  for (const p of procs) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${p.pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const s = read(`/proc/${p.pid}/task/${tid}/schedstat`);
      if (!s) continue;
      const [run, wait] = s.split(' ').map(Number);
      const key = `${p.pid}/${tid}`;
      let th = threads.get(key);
      if (!th) {
        const comm = (read(`/proc/${p.pid}/task/${tid}/comm`) ?? '?').trim();
        th = { pid: p.pid, tid: Number(tid), label: comm, proc: p.name, samples: [] };
        threads.set(key, th);
      }
      th.samples.push({ t, run: run! / 1e6, wait: wait! / 1e6 });
    }
  }
}

function labelOf(th: Thread): string {
  const proc = th.proc;
  if (th.pid === rootPid) {
    if (th.tid === rootPid) return 'main thread';
    return workerTids.get(th.tid) ?? `main process: other (${th.label})`;
  }
  if (proc === 'decoder') return 'decoder children';
  if (proc.startsWith('also: ')) return proc;
  return `child: ${proc}`;
}

const timer = setInterval(sample, INTERVAL);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
clearInterval(timer);
const end = performance.now() - t0;
// The last samples of threads that ended with the process are what was read before its exit (up to one interval short).

// Per label: ms on CPU and ms waiting, per bucket.
const buckets = Math.ceil(end / BUCKET);
const groups = new Map<string, { run: number[]; wait: number[]; totalRun: number; totalWait: number; threads: number }>();
for (const th of threads.values()) {
  const label = labelOf(th);
  let g = groups.get(label);
  if (!g) groups.set(label, (g = { run: new Array(buckets).fill(0), wait: new Array(buckets).fill(0), totalRun: 0, totalWait: 0, threads: 0 }));
  g.threads++;
  let prev: Sample = { t: th.samples[0]!.t - INTERVAL, run: 0, wait: 0 };
  // A thread already running when first seen: its first sample's counts go to the interval before it.
  for (const s of th.samples) {
    const b = Math.min(buckets - 1, Math.floor(s.t / BUCKET));
    g.run[b]! += s.run - prev.run;
    g.wait[b]! += s.wait - prev.wait;
    g.totalRun += s.run - prev.run;
    g.totalWait += s.wait - prev.wait;
    prev = s;
  }
}
const order = [...groups.entries()].sort((a, b) => b[1].totalRun - a[1].totalRun);
const fmt = (x: number) => (x / 1000).toFixed(2);
console.log(`\nthread timeline of: ${[cmd, ...args].join(' ')} (exit ${code})`);
console.log(`wall ${fmt(end)} s; load average at end ${(read('/proc/loadavg') ?? '').split(' ').slice(0, 3).join(' ')}`);
console.log('\n| threads | count | CPU s | waiting for a CPU s | had work (CPU + waiting), share of the wall time |');
console.log('| --- | ---: | ---: | ---: | ---: |');
let allRun = 0;
for (const [label, g] of order) {
  allRun += g.totalRun;
  console.log(`| ${label} | ${g.threads} | ${fmt(g.totalRun)} | ${fmt(g.totalWait)} | ${(((g.totalRun + g.totalWait) / end) * 100).toFixed(0)} % (per thread ${(((g.totalRun + g.totalWait) / end / g.threads) * 100).toFixed(0)} %) |`);
}
console.log(`| all | ${threads.size} | ${fmt(allRun)} | | cores busy on average ${(allRun / end).toFixed(2)} |`);
const total = (th: Thread) => th.samples.at(-1)!.run;
console.log(`\nBusiest threads: ${[...threads.values()].sort((a, b) => total(b) - total(a)).slice(0, 12).map((th) => `${labelOf(th)} ${th.tid} ${fmt(total(th))} s`).join('; ')}`);
// Timeline: per bucket, cores' worth of CPU (and of waiting) for the main groups.
const shown = order.slice(0, 6);
const step = Math.max(1, Math.ceil(buckets / ROWS));
console.log(`\nTimeline (per ${BUCKET * step} ms: cores' worth of CPU, + waiting for a CPU, per group)\n`);
console.log(`| t (s) | ${shown.map(([l]) => l).join(' | ')} | all CPU | all had work |`);
console.log(`| ---: | ${shown.map(() => '---:').join(' | ')} | ---: | ---: |`);
for (let b = 0; b < buckets; b += step) {
  const span = Math.min(step, buckets - b) * BUCKET;
  const sum = (arr: number[]) => arr.slice(b, b + step).reduce((a, x) => a + x, 0);
  let all = 0, work = 0;
  for (const g of groups.values()) {
    all += sum(g.run);
    work += sum(g.run) + sum(g.wait);
  }
  console.log(`| ${((b * BUCKET) / 1000).toFixed(1)} | ${shown.map(([, g]) => `${(sum(g.run) / span).toFixed(2)} +${(sum(g.wait) / span).toFixed(2)}`).join(' | ')} | ${(all / span).toFixed(2)} | ${(work / span).toFixed(2)} |`);
}
process.exitCode = code;
