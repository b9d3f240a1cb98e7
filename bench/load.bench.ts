// Load: 200 concurrent users (issue 13 §5). The real server (`amaan serve`, a child process) on loopback over
// PostgreSQL, holding a national dataset written by `amaan generate`; N virtual users, each with its own signed-in
// session (staff of several branches and roles: investigators, supervisors, prosecutors, analysts) over
// keep-alive HTTP connections, run a realistic mix of reads (case list, case page, case persons, person page,
// dashboard figure), searches (cases by word, persons by name) and writes (notes, status changes, new persons on a
// case) for a fixed time. Two phases, reported apart because they answer different questions:
//   (a) users: USERS people working, each pausing a think time drawn uniformly from --think-s (default 1-5 s)
//       between actions. This is "200 concurrent users": the offered load is about USERS / (mean think + latency)
//       requests/s, and p50/p99 per kind are what a person waits. The aim (reads p99 < 50 ms) is judged here.
//       Why 1-5 s (chosen before measuring, not tuned): a person reads a case list or a case page for several
//       seconds before the next click; 1-5 s (mean 3 s) is a brisk, conservative pace (heavier than most real use,
//       where think times of 5-30 s are usual), so an aim met here holds for a calmer crowd too.
//   (b) saturation: --saturation-users (default 32) users in a closed loop with NO think time (each sends its next
//       request as soon as the last is answered). This measures the most requests/s the server gives; latency there
//       is queueing (Little's law: latency ~ users / throughput), not the cost of a request, and says nothing about
//       the aim. 32 keeps every database connection (pool 10) and both cores busy; more users only lengthen the
//       queue.
// Reported per phase and kind: requests, requests/s, p50/p99 latency and errors.
//
//   node --import tsx bench/load.bench.ts [--cases 100000] [--persons <5 x cases>] [--media-per-case 1]
//       [--users 200] [--seconds 60] [--warmup 10] [--think-s 1-5] [--saturation-users 32]
//       [--phases users,saturation] [--pg-url postgres://postgres@127.0.0.1:5432/test]
//       [--db-url <a database generated before: skips generation>] [--keep-db] [--db-prefix amaan_load]
//       [--server-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"] [--write-docs]
//
// National size (1,000,000 cases, 5,000,000 persons): --cases 1000000 --keep-db once (the URL is printed), then
// --db-url <that URL> for further runs. The generation's own time is reported too (rows/s of `amaan generate`).
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { writeDocsSection } from './docs-section.ts';
import { createScratchDatabase, peakRss, repoRoot as root, signIn, startServer, stopServer, type Server } from './server-support.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const flag = (name: string) => args.includes(name);
const CASES = Number(arg('--cases', '100000'));
const PERSONS = Number(arg('--persons', String(CASES * 5)));
const MEDIA = Number(arg('--media-per-case', '1'));
const USERS = Number(arg('--users', '200'));
const SECONDS = Number(arg('--seconds', '60'));
const WARMUP = Number(arg('--warmup', '10'));
// Think time of phase (a): each user pauses a uniformly drawn time between actions (see the header for the choice).
const THINK = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(arg('--think-s', '1-5'));
if (!THINK) throw new Error('--think-s takes seconds, e.g. 1-5 (or 3 for a fixed pause)');
const THINK_MIN_MS = Number(THINK[1]) * 1000;
const THINK_MAX_MS = Number(THINK[2] ?? THINK[1]) * 1000;
if (!(THINK_MAX_MS > 0)) throw new Error('--think-s must be above 0: the closed loop without think time is phase "saturation"');
const SAT_USERS = Number(arg('--saturation-users', '32'));
const PHASES = arg('--phases', 'users,saturation').split(',').map((x) => x.trim());
if (!PHASES.length || PHASES.some((p) => p !== 'users' && p !== 'saturation')) throw new Error('--phases takes users, saturation or both (comma-separated)');
const PG_URL = arg('--pg-url', process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const REUSE = arg('--db-url', '');
const DB_PREFIX = arg('--db-prefix', 'amaan_load');
const SERVER_NODE_ARGS = arg('--server-node-args', '').split(' ').filter(Boolean);
const PASSWORD = 'load-bench-password-2026';
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

// ------------------------------------------------------------------------------------- processes

function runCli(cliArgs: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/amaan.js', ...cliArgs], { cwd: root, env: { ...process.env, NODE_ENV: 'development', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`amaan ${cliArgs.join(' ')} exited with ${code}`))));
  });
}

// ------------------------------------------------------------------------------------- HTTP client

const agent = new Agent({ keepAlive: true, maxSockets: Math.max(USERS, SAT_USERS) + 8 });
let base = '';

interface Session { cookie: string; csrf: string; role: string; username: string }
interface Answer { status: number; body: unknown; ms: number; cookie?: string }

function call(method: string, path: string, session: Session | null, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  const url = new URL(path, base);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, method, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON */
        }
        const set = res.headers['set-cookie']?.map((c) => c.split(';')[0]!).find((c) => c.startsWith('amaan_session='));
        resolve({ status: res.statusCode ?? 0, body: parsed, ms, cookie: set });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

// ------------------------------------------------------------------------------------- the mix

type Kind = 'case list' | 'case page' | 'case persons' | 'person page' | 'dashboard figure' | 'search cases' | 'search persons' | 'write note' | 'write status' | 'write new person';
const kinds: Kind[] = ['case list', 'case page', 'case persons', 'person page', 'dashboard figure', 'search cases', 'search persons', 'write note', 'write status', 'write new person'];
const readKinds = new Set<Kind>(['case list', 'case page', 'case persons', 'person page', 'dashboard figure']);
const writers = new Set(['investigator', 'supervisor']);
const mixFor = (role: string): Array<[Kind, number]> => [
  ['case list', 20], ['case page', 20], ['case persons', 10], ['person page', 10], ['dashboard figure', role === 'analyst' ? 6 : 3],
  ['search cases', 10], ['search persons', 7],
  ...(writers.has(role) ? ([['write note', 8], ['write status', 3], ['write new person', 3]] as Array<[Kind, number]>) : []),
];
const words = ['Sextortion', 'grooming', 'Live-streamed', 'Phishing', 'Blackmail', 'Lahore', 'Karachi', 'Muzaffargarh', 'forum', 'marketplace'];
const names = ['Muhammad Imran', 'Ayesha', 'Bilal Khokhar', 'Qasim', 'Mohammad Asad', 'Saima Cheema', 'Usman', 'Farhan Awan', 'Rizwan Malik', 'Shahid'];
const figures = ['complaints', 'firs', 'cases_by_status', 'arrests', 'convictions'];

interface Stats { ms: number[]; errors: number; samples: string[] }
const freshStats = () => new Map<Kind, Stats>(kinds.map((k) => [k, { ms: [], errors: 0, samples: [] }]));
let stats = freshStats();
let measuring = false;

function record(kind: Kind, a: Answer, ok: boolean): void {
  if (!measuring) return;
  const s = stats.get(kind)!;
  s.ms.push(a.ms);
  if (!ok) {
    s.errors++;
    if (s.samples.length < 3) s.samples.push(`${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
  }
}

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(Math.random() * xs.length)]!;
}
function weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
  let r = Math.random() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1]![0];
}

interface CaseItem { id: string; status: string }
const claimed = new Set<string>();
async function user(session: Session, until: number, think: { min: number; max: number } | null): Promise<void> {
  const mix = mixFor(session.role);
  let cases: CaseItem[] = [];
  let persons: string[] = [];
  const movable: CaseItem[] = [];
  const refresh = async () => {
    const a = await call('GET', `/api/v1/cases?limit=50&offset=${Math.floor(Math.random() * 4) * 50}`, session);
    record('case list', a, a.status === 200);
    if (a.status === 200) cases = (a.body as { items: CaseItem[] }).items;
  };
  await refresh();
  if (writers.has(session.role)) {
    for (const status of ['complaint_received', 'fir_registered']) {
      const a = await call('GET', `/api/v1/cases?status=${status}&limit=100`, session);
      if (a.status === 200) movable.push(...(a.body as { items: CaseItem[] }).items);
    }
  }
  while (performance.now() < until) {
    const kind = weighted(mix);
    const c = cases.length ? pick(cases) : null;
    switch (kind) {
      case 'case list':
        await refresh();
        break;
      case 'case page': {
        if (!c) break;
        const a = await call('GET', `/api/v1/cases/${c.id}`, session);
        record(kind, a, a.status === 200);
        break;
      }
      case 'case persons': {
        if (!c) break;
        const a = await call('GET', `/api/v1/cases/${c.id}/persons`, session);
        record(kind, a, a.status === 200);
        if (a.status === 200) persons = (a.body as { persons: Array<{ personId: string }> }).persons.map((p) => p.personId).concat(persons).slice(0, 50);
        break;
      }
      case 'person page': {
        if (!persons.length) break;
        const a = await call('GET', `/api/v1/persons/${pick(persons)}`, session);
        record(kind, a, a.status === 200);
        break;
      }
      case 'dashboard figure': {
        const a = await call('GET', `/api/v1/dashboard/figures/${pick(figures)}?from=2024-01-01&to=2024-12-31`, session);
        record(kind, a, a.status === 200);
        break;
      }
      case 'search cases': {
        const a = await call('GET', `/api/v1/cases?q=${encodeURIComponent(pick(words))}&limit=20`, session);
        record(kind, a, a.status === 200);
        break;
      }
      case 'search persons': {
        const a = await call('GET', `/api/v1/persons?q=${encodeURIComponent(pick(names))}&limit=20`, session);
        record(kind, a, a.status === 200);
        break;
      }
      case 'write note': {
        if (!c) break;
        const a = await call('POST', `/api/v1/cases/${c.id}/timeline`, session, { kind: 'note', body: `Load test note ${Date.now()}: statement recorded, follow-up planned.` });
        record(kind, a, a.status === 201 || a.status === 200);
        break;
      }
      case 'write status': {
        // Each case moves once: sessions of one account (and team members) see the same cases.
        let m = movable.pop();
        while (m && claimed.has(m.id)) m = movable.pop();
        if (!m) break;
        claimed.add(m.id);
        const to = m.status === 'complaint_received' ? 'inquiry_open' : 'under_investigation';
        const a = await call('POST', `/api/v1/cases/${m.id}/transitions`, session, { to, reason: 'load test: next step of the investigation' });
        record(kind, a, a.status === 200 || a.status === 201);
        break;
      }
      case 'write new person': {
        if (!c) break;
        const a = await call('POST', `/api/v1/cases/${c.id}/persons`, session, { role: 'witness', person: { displayName: `${pick(names)} Loadtest`, gender: 'male', estimatedAge: 30 } });
        record(kind, a, a.status === 201 || a.status === 200);
        break;
      }
    }
    // A pause is cut at the end of the run (a user thinking then sends nothing more): the phase ends on time.
    if (think) await new Promise((r) => setTimeout(r, Math.min(think.min + Math.random() * (think.max - think.min), Math.max(0, until - performance.now()))));
  }
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

// ------------------------------------------------------------------------------------- main

const work = mkdtempSync(join(tmpdir(), 'amaan-load-'));
const env: Record<string, string> = { AMAAN_DATA_DIR: join(work, 'data'), AMAAN_KEY_DIR: join(work, 'keys'), AMAAN_DATA_KEY: Buffer.alloc(32, 3).toString('base64') };
let dbUrl = REUSE;
let dropDb: (() => Promise<void>) | null = null;
let generateMs = NaN;
let server: Server | null = null;
const loadBefore = load();
try {
  if (!dbUrl) {
    const scratch = await createScratchDatabase(PG_URL, DB_PREFIX);
    dbUrl = scratch.url;
    if (!flag('--keep-db')) dropDb = scratch.drop;
    env.DATABASE_URL = dbUrl;
    console.log(`database ${dbUrl}${flag('--keep-db') ? ' (kept)' : ''}`);
    await runCli(['migrate'], env);
    generateMs = await runCli(['generate', '--cases', String(CASES), '--persons', String(PERSONS), '--media-per-case', String(MEDIA), '--seed', '1'], env);
  }
  env.DATABASE_URL = dbUrl;

  // Staff who sign in: the busiest branches' investigators and supervisors, prosecutors, national analysts.
  const owner = new pg.Client({ connectionString: dbUrl });
  await owner.connect();
  const counts = (await owner.query(`SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM links)::int AS links, (SELECT count(*) FROM media_files)::int AS media`)).rows[0] as Record<string, number>;
  const branches = (await owner.query(`SELECT branch_id FROM cases GROUP BY branch_id ORDER BY count(*) DESC LIMIT 12`)).rows.map((r) => Number(r.branch_id));
  const staff = (await owner.query(`
    SELECT username, role FROM users WHERE username LIKE 'gen.%' AND (
      (role = 'analyst') OR (branch_id = ANY($1::int[]) AND (role IN ('supervisor', 'prosecutor') OR username ~ '\\.inv[1-4]$')))`, [branches])).rows as Array<{ username: string; role: string }>;
  if (!REUSE) {
    // As a database that has been running would be (autovacuum): visibility map and statistics.
    const t = performance.now();
    await owner.query('VACUUM ANALYZE');
    console.log(`VACUUM ANALYZE in ${fmt((performance.now() - t) / 1000, 1)} s`);
  }
  const hash = await hashPassword(PASSWORD);
  await owner.query(`UPDATE users SET password_hash = $1 WHERE username = ANY($2::text[])`, [hash, staff.map((s) => s.username)]);
  await owner.end();
  const byRole = (role: string) => staff.filter((s) => s.role === role);
  // 200 users: 60 % investigators, 15 % supervisors, 10 % prosecutors, 15 % analysts (several sessions per account).
  const plan: Array<{ username: string; role: string }> = [];
  for (let i = 0; i < Math.max(USERS, SAT_USERS); i++) {
    const r = i % 20;
    const role = r < 12 ? 'investigator' : r < 15 ? 'supervisor' : r < 17 ? 'prosecutor' : 'analyst';
    plan.push(pick(byRole(role)));
  }

  server = await startServer(env, { nodeArgs: SERVER_NODE_ARGS });
  base = server.url;
  console.log(`server at ${base}; signing in ${USERS} sessions (${staff.length} accounts)`);
  const sessions: Session[] = [];
  for (let i = 0; i < plan.length; i += 8) {
    sessions.push(...(await Promise.all(plan.slice(i, i + 8).map(async (p) => ({ ...(await signIn(base, p.username, PASSWORD)), role: p.role, username: p.username })))));
  }

  // A server that has been running has its duplicate-person index (src/modules/resolution) built: `serve` builds it
  // in the background at start (reported by /ready), and that build takes both cores for a while at national size,
  // so the run waits for it; then one person is recorded (and timed) before the run.
  const tIndex = performance.now();
  for (;;) {
    const r = await call('GET', '/ready', null);
    const state = (r.body as { checks?: { personIndex?: string } } | null)?.checks?.personIndex;
    if (state === 'ready' || state === undefined) break;
    if (state === 'failed') throw new Error('the duplicate-person index was not built (see the server log)');
    await new Promise((res) => setTimeout(res, 1000));
  }
  const indexS = (performance.now() - tIndex) / 1000;
  console.log(`duplicate-person index ready ${fmt(indexS, 1)} s after the sessions were signed in`);
  const investigator = sessions.find((x) => x.role === 'investigator')!;
  const list = await call('GET', '/api/v1/cases?limit=1', investigator);
  const firstCase = (list.body as { items: CaseItem[] }).items[0]!;
  const first = await call('POST', `/api/v1/cases/${firstCase.id}/persons`, investigator, { role: 'witness', person: { displayName: 'Warm-up Witness Loadtest', gender: 'female', estimatedAge: 40 } });
  if (first.status !== 201 && first.status !== 200) throw new Error(`warm-up person not recorded: ${first.status} ${JSON.stringify(first.body)}`);
  const firstPersonMs = first.ms;
  console.log(`first new person after the index was ready: ${fmt(firstPersonMs, 1)} ms`);

  interface PhaseResult { name: 'users' | 'saturation'; users: number; think: { min: number; max: number } | null; stats: Map<Kind, Stats>; measuredS: number; loadBefore: string; loadAfter: string; loadDuring: string[] }
  const runPhase = async (name: 'users' | 'saturation', users: Session[], think: { min: number; max: number } | null): Promise<PhaseResult> => {
    stats = freshStats();
    measuring = false;
    const before = load();
    console.log(`phase ${name}: ${users.length} users${think ? `, think time ${think.min / 1000}-${think.max / 1000} s` : ', no think time'}, ${WARMUP} s warm-up + ${SECONDS} s measured (load average ${before})`);
    const t0 = performance.now();
    const until = t0 + (WARMUP + SECONDS) * 1000;
    const warm = setTimeout(() => (measuring = true), WARMUP * 1000);
    const loadDuring: string[] = [];
    const sampler = setInterval(() => loadDuring.push(loadavg()[0]!.toFixed(2)), 10_000);
    await Promise.all(users.map((x) => user(x, until, think)));
    clearInterval(sampler);
    clearTimeout(warm);
    measuring = false;
    return { name, users: users.length, think, stats, measuredS: (performance.now() - t0) / 1000 - WARMUP, loadBefore: before, loadAfter: load(), loadDuring };
  };
  const results: PhaseResult[] = [];
  for (const phase of PHASES) {
    results.push(phase === 'users'
      ? await runPhase('users', sessions.slice(0, USERS), { min: THINK_MIN_MS, max: THINK_MAX_MS })
      : await runPhase('saturation', sessions.slice(0, SAT_USERS), null));
  }
  const rss = peakRss(server.child.pid!);

  const heading = `## Load: ${USERS} users with think time, and saturation (issue 13 §5)`;
  const maxLoad = Math.max(Number(loadBefore.split(' ')[0]), ...results.flatMap((r) => [...r.loadDuring, r.loadAfter.split(' ')[0]!].map(Number)));
  say(heading);
  say();
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, PostgreSQL on loopback. ` +
    `**Load average ${loadBefore} (1/5/15 min) before the run. ` + results.map((r) => `Phase ${r.name}: 1-minute load every 10 s ${r.loadDuring.join(', ')}; ${r.loadAfter} after.`).join(' ') + '** ' +
    (maxLoad > 3 ? 'The machine was shared with other work while measured: the figures below are far from what it gives when idle; read them as an upper bound on latency.' : 'A quiet machine (load average under 3 throughout).'));
  say();
  say(`Command: \`node --import tsx bench/load.bench.ts ${args.join(' ')}\`` + (REUSE ? '' : ` (dataset written by \`amaan generate --cases ${CASES} --persons ${PERSONS} --media-per-case ${MEDIA} --seed 1\` on PostgreSQL in ${fmt(generateMs / 1000, 0)} s`));
  if (!REUSE) lines[lines.length - 1] += `: ${fmt(CASES / (generateMs / 1000), 0)} cases/s with their persons, links, victims and media).`;
  say();
  say(`Dataset: ${fmt(counts.cases!)} cases, ${fmt(counts.persons!)} persons, ${fmt(counts.links!)} links, ${fmt(counts.media!)} media files. Each user is its own session ` +
    `(${fmt(staff.length)} accounts of the ${branches.length} busiest branches: investigators, supervisors, prosecutors; and national analysts; 60/15/10/15 %). ` +
    `Each phase: ${WARMUP} s warm-up, then ${SECONDS} s of requests (the rates divide by the time until the last answer). Server: one \`amaan serve\` process (database pool ${process.env.DATABASE_POOL_MAX ?? 10} connections), peak RSS ${fmt(rss / 2 ** 20)} MiB; the load generator runs on the same machine. ` +
    `The duplicate-person index was ready ${fmt(indexS, 1)} s after sign-in (built in the background at start); a person recorded after it took ${fmt(firstPersonMs, 1)} ms.`);
  say();
  let totalErrors = 0;
  for (const r of results) {
    const meanThinkS = r.think ? (r.think.min + r.think.max) / 2000 : 0;
    say(r.name === 'users'
      ? `### (a) ${r.users} users, think time ${fmt(r.think!.min / 1000, 1)}-${fmt(r.think!.max / 1000, 1)} s uniform (mean ${fmt(meanThinkS, 1)} s), ${fmt(r.measuredS, 0)} s measured`
      : `### (b) Saturation: ${r.users} users in a closed loop, no think time, ${fmt(r.measuredS, 0)} s measured`);
    say();
    say('| kind | requests | requests/s | p50 ms | p99 ms | errors |');
    say('| --- | ---: | ---: | ---: | ---: | ---: |');
    let total = 0;
    let errors = 0;
    const all: number[] = [];
    const reads: number[] = [];
    for (const k of kinds) {
      const st = r.stats.get(k)!;
      const sorted = [...st.ms].sort((a, b) => a - b);
      total += sorted.length;
      errors += st.errors;
      all.push(...sorted);
      if (readKinds.has(k)) reads.push(...sorted);
      say(`| ${k} | ${fmt(sorted.length)} | ${fmt(sorted.length / r.measuredS, 1)} | ${fmt(pct(sorted, 50), 1)} | ${fmt(pct(sorted, 99), 1)} | ${st.errors} |`);
    }
    all.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    totalErrors += errors;
    const rate = total / r.measuredS;
    const mean = all.reduce((a, b) => a + b, 0) / Math.max(1, all.length);
    say(`| **reads (case list, case page, case persons, person page, figure)** | ${fmt(reads.length)} | ${fmt(reads.length / r.measuredS, 1)} | ${fmt(pct(reads, 50), 1)} | ${fmt(pct(reads, 99), 1)} | |`);
    say(`| **all** | ${fmt(total)} | ${fmt(rate, 1)} | ${fmt(pct(all, 50), 1)} | ${fmt(pct(all, 99), 1)} | ${errors} |`);
    say();
    if (r.name === 'users') {
      // What the users offer if the server keeps up: one request per (think + latency).
      const offered = r.users / (meanThinkS + mean / 1000);
      say(`Offered load at this think time: about ${fmt(offered, 1)} requests/s (${r.users} / (${fmt(meanThinkS, 1)} s + mean latency ${fmt(mean, 1)} ms)); served ${fmt(rate, 1)} requests/s. ` +
        (rate < 0.8 * offered ? '**The server did not keep up: requests queued, so this phase turned into a closed loop and its latencies are queueing.** ' : '') +
        `Aim (issue 13): p99 < 50 ms for reads, no errors. Reads p99 here: ${fmt(pct(reads, 99), 1)} ms (${pct(reads, 99) < 50 ? 'met' : 'not met'}); ${errors} errors.`);
    } else {
      say(`Saturation throughput: **${fmt(rate, 1)} requests/s** (mix as above). Mean latency ${fmt(mean, 1)} ms against Little's law's ${r.users} / ${fmt(rate, 1)} = ${fmt((r.users / rate) * 1000, 1)} ms: ` +
        'the latencies of this phase are waiting in the queue, not the cost of a request; they are not compared with the aim.');
    }
    say();
    const samples = kinds.flatMap((k) => r.stats.get(k)!.samples.map((m) => `${k}: ${m}`));
    if (samples.length) {
      say('Errors seen (first of each kind):');
      for (const m of samples) say(`- ${m}`);
      say();
    }
  }
  if (totalErrors) process.exitCode = 1;
  if (flag('--write-docs')) writeDocsSection(heading, lines.join('\n'));
} finally {
  await stopServer(server);
  agent.destroy();
  if (dropDb) await dropDb();
  rmSync(work, { recursive: true, force: true });
}
