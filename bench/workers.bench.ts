// Ingest throughput with 1, 2 and 4 `amaan worker` processes against one PostgreSQL (issue 13 §5).
//   node --import tsx bench/workers.bench.ts [--files 800] [--workers 1,2,4] [--jobs 4] [--rounds 3]
//        [--dir /tmp/amaan-bench-workers-800] [--postgres URL] [--write-docs]
// Builds (once, seeded) a folder of mixed files (photos, documents, a few large binaries) split into --jobs
// sub-folders; each sub-folder is one evidence item and one `media.ingest` job. Per measurement: a fresh scratch
// database (migrated, reference data), N worker processes started and waited for ("taking jobs"), then every job
// enqueued at once and the clock runs until every job's row is `done`. Every worker count runs the SAME jobs on
// the same folder (the job count does not change with N), so the runs differ only in how many processes take them.
// Rounds rotate the order of the worker counts, so a burst of other work on a shared machine falls on each alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeDocsSection } from './docs-section.ts';
import { folderSize, rng, writeNonPhoto } from './media-mix.ts';
import { syntheticImage } from '../test/support/media-fixtures.ts';
import { createScratchDatabase } from '../test/support/engines.ts';
import { loadConfig } from '../src/platform/config.ts';
import { startPlatform } from '../src/platform/bootstrap.ts';
import { systemActor } from '../src/platform/access/actor.ts';
import { queueFor, stopQueueFor } from '../src/platform/jobs/queue.ts';
import '../src/modules/media/media.jobs.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const FILES = Number(arg('files', '800'));
const JOBS = Number(arg('jobs', '4'));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);
const ROUNDS = Math.max(1, Number(arg('rounds', '3')));
const DIR = arg('dir', join(tmpdir(), `amaan-bench-workers-${FILES}-${JOBS}`));
const PG = arg('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const WRITE_DOCS = process.argv.includes('--write-docs');
const SECTION = '## Ingest with 1, 2 and 4 worker processes (issue 13 §5)';
const repo = new URL('../', import.meta.url).pathname;
if (!WORKERS.every((n) => Number.isInteger(n) && n >= 1 && n <= 16) || !Number.isInteger(JOBS) || JOBS < 1 || !(FILES >= JOBS)) throw new Error('bad --workers, --jobs or --files');

/** The same mix as bench/ingest.bench.ts (30 % photos 640x480, 4 % binaries 4-16 MB, 66 % documents 2-200 kB), in JOBS parts. */
async function build(): Promise<void> {
  if (existsSync(join(DIR, '.complete'))) return;
  rmSync(DIR, { recursive: true, force: true });
  const r = rng(42);
  for (let i = 0; i < FILES; i++) {
    const dir = join(DIR, `part${i % JOBS}`, `d${i % 7}`);
    mkdirSync(dir, { recursive: true });
    if (!writeNonPhoto(dir, i, r)) writeFileSync(join(dir, `IMG_${i}.${i % 2 ? 'jpg' : 'png'}`), await syntheticImage(i, 640, 480, i % 2 ? 'jpeg' : 'png'));
  }
  writeFileSync(join(DIR, '.complete'), '');
}

/** CPU seconds of a process and its reaped children (utime + stime + cutime + cstime), from /proc. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return fields.slice(11, 15).reduce((s, v) => s + Number(v), 0) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

type Worker = ChildProcess & { log: () => string };
function startWorker(env: NodeJS.ProcessEnv, cwd: string): Worker {
  const child = spawn(process.execPath, [join(repo, 'bin/amaan.js'), 'worker'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return Object.assign(child, { log: () => log });
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms: number, workers: Worker[]): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${workers.map((w) => `worker ${w.pid}: ${w.log().slice(-1500)}`).join('\n')}`);
}

interface Run { workers: number; seconds: number; files: number; cpu: number; load: number }

async function measure(n: number): Promise<Run> {
  const scratch = await createScratchDatabase(PG);
  const work = mkdtempSync(join(tmpdir(), 'amaan-bench-workers-run-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test', DATABASE_URL: scratch.url, AMAAN_DATA_DIR: join(work, 'data'), AMAAN_INDEX_DIR: join(work, 'index'),
    AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), AMAAN_JOB_POLL_SECONDS: '0.5', AMAAN_LOG: '0',
  };
  const started = await startPlatform(loadConfig({ ...process.env, ...env }));
  const { ctx } = started;
  const workers: Worker[] = [];
  try {
    const branch = await ctx.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
    const caseId = (await ctx.db.insertInto('cases').values({ branch_id: branch.id, title: 'Workers bench', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow()).id;
    const evidence: string[] = [];
    for (let j = 0; j < JOBS; j++) {
      evidence.push((await ctx.db.insertInto('evidence_items').values({ case_id: caseId, label: `Seized drive ${j + 1}`, kind: 'media_folder' }).returning('id').executeTakeFirstOrThrow()).id);
    }
    for (let i = 0; i < n; i++) workers.push(startWorker(env, work));
    await until(`${n} workers to start`, () => workers.every((w) => /taking jobs/.test(w.log())), 300_000, workers);
    // This process only enqueues.
    const queue = await queueFor(ctx, { concurrency: 0 });
    const cpu0 = workers.reduce((s, w) => s + cpuOf(w.pid!), 0);
    const t0 = performance.now();
    const ids: string[] = [];
    for (let j = 0; j < JOBS; j++) {
      ids.push(await queue.enqueue({ ...ctx, actor: systemActor('bench') }, 'media.ingest', { caseId, evidenceId: evidence[j]!, root: join(DIR, `part${j}`), threshold: 31 }));
    }
    let failed = '';
    await until('every job to finish', async () => {
      const rows = await ctx.db.selectFrom('background_jobs').select(['state', 'error']).where('id', 'in', ids).execute();
      failed = rows.filter((r) => r.state === 'failed').map((r) => r.error ?? '?').join('; ');
      return !!failed || rows.every((r) => r.state === 'done');
    }, 3_600_000, workers);
    const seconds = (performance.now() - t0) / 1000;
    if (failed) throw new Error(`a job failed: ${failed}`);
    const cpu = workers.reduce((s, w) => s + cpuOf(w.pid!), 0) - cpu0;
    const files = Number((await ctx.db.selectFrom('media_files').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n);
    return { workers: n, seconds, files, cpu, load: loadavg()[0]! };
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    // A worker that has not stopped 60 s after SIGTERM is killed (it would hold the scratch database open).
    await Promise.all(workers.map((w) => (w.exitCode !== null || w.signalCode !== null ? undefined : new Promise<void>((r) => {
      const kill = setTimeout(() => w.kill('SIGKILL'), 60_000);
      w.once('exit', () => { clearTimeout(kill); r(); });
    }))));
    await stopQueueFor(ctx.db);
    await started.database.close();
    await scratch.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

await build();
const { files, bytes } = folderSize(DIR);
const mb = bytes / 1e6;
const loadBefore = loadavg();
const startedAt = new Date();
const runs: Run[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = WORKERS.map((_, i) => WORKERS[(i + round) % WORKERS.length]!);
  for (const n of order) {
    const r = await measure(n);
    if (r.files !== files) throw new Error(`${n} workers stored ${r.files} files of ${files}`);
    runs.push(r);
    console.log(`round ${round + 1}: ${n} worker(s) ${r.seconds.toFixed(1)} s, ${(files / r.seconds).toFixed(1)} files/s, worker CPU ${r.cpu.toFixed(1)} s, load ${r.load.toFixed(1)}`);
  }
}
const loadAfter = loadavg();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const lines: string[] = [];
const say = (x = ''): void => { lines.push(x); console.log(x); };
say(SECTION);
say();
say(`Machine: ${cpus()[0]?.model} x ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL on 127.0.0.1 (same machine). ` +
  `Run ${startedAt.toISOString().slice(0, 16)} UTC. Command: \`node --import tsx bench/workers.bench.ts --files ${FILES} --jobs ${JOBS} --workers ${WORKERS.join(',')} --rounds ${ROUNDS}\`.`);
say(`Folder (built once, seeded; the mix of "Ingest (issue 3)"): ${files} files, ${mb.toFixed(0)} MB, in ${JOBS} sub-folders = ${JOBS} evidence items = ${JOBS} \`media.ingest\` jobs, ` +
  'the same jobs for every worker count. Each measurement: a fresh scratch database, the workers started and ready, then the jobs ' +
  'enqueued at once; time = from the first enqueue to every job `done` (workers\' start not included). Worker CPU = user + system ' +
  'seconds of the worker processes over that time (hash threads and reaped decoder children included; PostgreSQL not included).');
say(`Load average (1/5/15 min) before: ${loadBefore.map((x) => x.toFixed(1)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(1)).join(', ')}.`);
say();
say('| worker processes | median s | all rounds, s | files/s | MB/s | speed vs 1 worker | worker CPU s (median) | 1-min load at the end of each run |');
say('| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |');
const base = median(runs.filter((r) => r.workers === WORKERS[0]).map((r) => r.seconds));
for (const n of WORKERS) {
  const mine = runs.filter((r) => r.workers === n);
  const m = median(mine.map((r) => r.seconds));
  say(`| ${n} | ${m.toFixed(1)} | ${mine.map((r) => r.seconds.toFixed(1)).join(', ')} | ${(files / m).toFixed(1)} | ${(mb / m).toFixed(1)} | ${(base / m).toFixed(2)}x | ${median(mine.map((r) => r.cpu)).toFixed(1)} | ${mine.map((r) => r.load.toFixed(1)).join(', ')} |`);
}
if (WRITE_DOCS) writeDocsSection(SECTION, lines.join('\n'));
process.exit(0);
