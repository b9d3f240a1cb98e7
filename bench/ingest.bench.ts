// Ingest throughput against the coreutils digests, side by side in one run.
//   node --import tsx bench/ingest.bench.ts [--files 10000] [--rounds 2] [--dir /tmp/amaan-bench-media] [--postgres URL] [--write-docs [--section HEADING]]
//     [--baseline DIR] [--db-prefix NAME] [--no-tools]
// --baseline runs the `amaan ingest` of another checkout (its bin/amaan.js, its own node_modules) as one more
// contender in every round, beside this one: before/after side by side under the same load. --db-prefix names the
// PostgreSQL databases it creates (default amaan_bench_). --no-tools leaves out the coreutils and hashdeep.
// Builds (once, seeded) a folder of mixed files: synthetic photos, documents and large binaries; warms the
// page cache; times `md5sum`, `sha1sum`, `sha256sum` one after the other over it, then `amaan ingest`
// (MD5+SHA-1+SHA-256 of every file, PDQ of every picture, matching, database rows) on PGlite and PostgreSQL; and,
// where it is installed, Debian's forensic multi-hash tool `hashdeep -c md5,sha1,sha256 -r` (it uses every core).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeDocsSection } from './docs-section.ts';
import { folderSize, rng, writeNonPhoto } from './media-mix.ts';
import { openDatabase, migrateToLatest } from '../src/platform/db/database.ts';
import { seedReferenceData } from '../src/modules/reference/reference.seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const FILES = Number(arg('files', '10000'));
const DIR = arg('dir', join(tmpdir(), `amaan-bench-media-${FILES}`));
const PG = arg('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const repo = new URL('../', import.meta.url).pathname;
const BASELINE = process.argv.includes('--baseline') ? arg('baseline', '') : null;
const DB_PREFIX = arg('db-prefix', 'amaan_bench_');
if (!/^[a-z_][a-z0-9_]*$/.test(DB_PREFIX)) throw new Error('--db-prefix: lower-case letters, digits and _ only');
const TOOLS_TOO = !process.argv.includes('--no-tools');


async function build() {
  if (existsSync(join(DIR, '.complete'))) return;
  rmSync(DIR, { recursive: true, force: true });
  const r = rng(42);
  for (let i = 0; i < FILES; i++) {
    const dir = join(DIR, `d${i % 50}`, `s${i % 7}`);
    mkdirSync(dir, { recursive: true });
    const k = i % 50;
    if (k < 15) {
      // 30 %: photos, 640x480, PNG or JPEG
      const w = 640, h = 480;
      const px = Buffer.alloc(w * h * 3);
      const a = Math.floor(r() * 255), b = Math.floor(r() * 13) + 1;
      for (let p = 0; p < px.length; p += 3) {
        const x = (p / 3) % w, y = Math.floor(p / 3 / w);
        px[p] = (x * b + a) & 255; px[p + 1] = (y * 3 + a * 2) & 255; px[p + 2] = ((x ^ y) + a) & 255;
      }
      const img = sharp(px, { raw: { width: w, height: h, channels: 3 } });
      writeFileSync(join(dir, `IMG_${i}.${k % 2 ? 'jpg' : 'png'}`), k % 2 ? await img.jpeg({ quality: 85 }).toBuffer() : await img.png({ compressionLevel: 3 }).toBuffer());
    } else writeNonPhoto(dir, i, r);
  }
  writeFileSync(join(DIR, '.complete'), '');
}

interface Timing { seconds: number; cpu: number | null }

/** Wall-clock seconds of a command, and its CPU seconds (user + system, children included) via /usr/bin/time. */
function time(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Timing {
  const cpuFile = join(tmpdir(), `amaan-bench-time-${process.pid}`);
  const timed = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: env ? { ...process.env, ...env } : process.env, maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: env ? { ...process.env, ...env } : process.env, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(-500)}`);
  let cpu: number | null = null;
  if (timed) {
    const [u, sys] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
    cpu = u + sys;
    rmSync(cpuFile, { force: true });
  }
  return { seconds, cpu };
}

async function newCase(url: string | undefined, dataDir: string): Promise<string> {
  const d = await openDatabase({ url, dataDir: url ? undefined : join(dataDir, 'pglite') });
  await migrateToLatest(d.db);
  await seedReferenceData(d.db);
  const b = await d.db.selectFrom('branches').select('id').limit(1).executeTakeFirstOrThrow();
  await d.db.insertInto('users').values({ username: 'bench.custodian', display_name: 'Bench custodian', role: 'analyst', branch_id: null, password_hash: 'x' }).execute();
  const c = await d.db.insertInto('cases').values({ branch_id: b.id, title: 'bench', status: 'complaint_received' }).returning('id').executeTakeFirstOrThrow();
  await d.close();
  return c.id;
}

const ROUNDS = Math.max(1, Number(arg('rounds', '2')));
const WRITE_DOCS = process.argv.includes('--write-docs');
const SECTION = arg('section', '## Ingest (issue 3)');
const HASHDEEP = spawnSync('hashdeep', ['-V'], { stdio: 'ignore' }).status === 0;

await build();
const { files, bytes } = folderSize(DIR);
const engines: Array<{ name: string; url?: string }> = [{ name: 'PGlite' }];
try {
  execFileSync('psql', [PG, '-qc', 'select 1'], { stdio: 'ignore' });
  engines.push({ name: 'PostgreSQL', url: PG });
} catch {
  console.warn(`no PostgreSQL at ${PG}: PostgreSQL run skipped`);
}

function gitHead(dir: string): string {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() + (execFileSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() ? ' with uncommitted changes' : '');
  } catch {
    return '?';
  }
}

async function ingest(e: { name: string; url?: string }, from = repo): Promise<Timing> {
  const work = mkdtempSync(join(tmpdir(), 'amaan-bench-ingest-'));
  let url = e.url;
  let dbName: string | undefined;
  if (url) {
    dbName = `${DB_PREFIX}${process.pid}`;
    execFileSync('psql', [url, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, '-c', `CREATE DATABASE ${dbName}`]);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  try {
    const caseId = await newCase(url, work);
    return time(process.execPath, [join(from, 'bin/amaan.js'), 'ingest', '--case', caseId, '--custodian', 'bench.custodian', DIR], { AMAAN_DATA_DIR: work, DATABASE_URL: url ?? '', AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64') });
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (dbName) execFileSync('psql', [e.url!, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
  }
}

// Rounds interleave the contenders, so a burst of other work on the machine hits them alike; the page
// cache is warmed before each round (every contender reads the same cached bytes).
const TOOLS = ['md5sum', 'sha1sum', 'sha256sum'];
const runs = new Map<string, Timing[]>();
const note = (what: string, t: Timing) => runs.set(what, [...(runs.get(what) ?? []), t]);
const loadBefore = loadavg();
for (let r = 0; r < ROUNDS; r++) {
  execFileSync('sh', ['-c', `find "${DIR}" -type f -print0 | xargs -0 cat > /dev/null`]);
  if (TOOLS_TOO) {
    const tools = TOOLS.map((tool) => time('sh', ['-c', `find "${DIR}" -type f ! -name .complete -print0 | xargs -0 ${tool} > /dev/null`]));
    tools.forEach((t, i) => note(TOOLS[i], t));
    note('three', { seconds: tools.reduce((a, t) => a + t.seconds, 0), cpu: tools.every((t) => t.cpu !== null) ? tools.reduce((a, t) => a + t.cpu!, 0) : null });
    if (HASHDEEP) note('hashdeep', time('hashdeep', ['-c', 'md5,sha1,sha256', '-r', DIR]));
  }
  for (const e of engines) {
    // Which of the two goes first alternates from round to round.
    const order = BASELINE ? (r % 2 ? [BASELINE, repo] : [repo, BASELINE]) : [repo];
    for (const from of order) note(from === repo ? `amaan ingest (${e.name})` : `amaan ingest, baseline (${e.name})`, await ingest(e, from));
  }
}
const loadAfter = loadavg();

const mb = bytes / 1e6;
const best = (what: string): Timing => runs.get(what)!.reduce((a, b) => (b.seconds < a.seconds ? b : a));
const median = (what: string): number => {
  const s = runs.get(what)!.map((t) => t.seconds).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const all = (what: string): string => runs.get(what)!.map((t) => t.seconds.toFixed(1)).join(', ');
const three = TOOLS_TOO ? best('three') : null;
const medianCpu = (what: string): number | null => {
  const c = runs.get(what)!.map((t) => t.cpu);
  if (c.some((x) => x === null)) return null;
  const s = (c as number[]).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const lines: string[] = [];
const say = (x = ''): void => { lines.push(x); console.log(x); };
say(SECTION);
say();
say(`Machine: ${cpus()[0]?.model} x ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. ` +
  `Command: \`node --import tsx bench/ingest.bench.ts ${process.argv.slice(2).join(' ')}\` (add \`--postgres URL\` for another server).`);
say(`Folder (built once, seeded): ${files} files, ${mb.toFixed(0)} MB: 30 % photos 640x480 PNG/JPEG, 4 % binaries of 4-16 MB, ` +
  '66 % documents of 2-200 kB. Each round warms the page cache, then times `md5sum`, `sha1sum` and `sha256sum` one after the ' +
  'other over the folder (`find | xargs`), then `amaan ingest` into a new case on each engine. Ingest does more than the three ' +
  'tools: MD5, SHA-1 and SHA-256 of every file in one read, the type sniffed from content, PDQ of every picture, matching, ' +
  'and a database row per file.' + (BASELINE ? ` The baseline is the \`amaan ingest\` of ${BASELINE} (its git commit ${gitHead(BASELINE)}; this one ${gitHead(repo)}), run beside this one in every round, the two in alternating order.` : ''));
say(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')} ` +
  '(2 cores; other work on the machine slows every contender).');
say();
say('| run | seconds (best of rounds) | median | all rounds | CPU seconds (of the best) | CPU seconds (median) | MB/s | files/s | speed vs the three tools together | speed vs hashdeep (medians) |');
say('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const line = (label: string, key: string, ratio: string, vsHashdeep = '') => {
  const t = best(key);
  const mc = medianCpu(key);
  say(`| ${label} | ${t.seconds.toFixed(2)} | ${median(key).toFixed(2)} | ${all(key)} | ${t.cpu === null ? '-' : t.cpu.toFixed(1)} | ${mc === null ? '-' : mc.toFixed(1)} | ${(mb / t.seconds).toFixed(0)} | ${(files / t.seconds).toFixed(0)} | ${ratio} | ${vsHashdeep} |`);
};
if (three) {
  for (const tool of TOOLS) line(tool, tool, '');
  line('md5sum + sha1sum + sha256sum, one after the other', 'three', '1.00');
  if (HASHDEEP) line('hashdeep -c md5,sha1,sha256 -r (all cores)', 'hashdeep', `${(three.seconds / best('hashdeep').seconds).toFixed(2)}x`, '1.00');
}
for (const e of engines) {
  for (const k of [`amaan ingest (${e.name})`, ...(BASELINE ? [`amaan ingest, baseline (${e.name})`] : [])]) {
    line(k, k, three ? `${(three.seconds / best(k).seconds).toFixed(2)}x` : '', three && HASHDEEP ? `${(median('hashdeep') / median(k)).toFixed(2)}x` : '');
  }
}
if (BASELINE) {
  say();
  say('Side by side, this checkout against the baseline (baseline time / this time; above 1 means this one is faster):');
  say();
  say('| engine | wall, medians | wall, best | CPU, medians | rounds |');
  say('| --- | ---: | ---: | ---: | ---: |');
  for (const e of engines) {
    const a = `amaan ingest (${e.name})`, b = `amaan ingest, baseline (${e.name})`;
    const ca = medianCpu(a), cb = medianCpu(b);
    say(`| ${e.name} | ${(median(b) / median(a)).toFixed(2)}x | ${(best(b).seconds / best(a).seconds).toFixed(2)}x | ${ca && cb ? `${(cb / ca).toFixed(2)}x` : '-'} | ${ROUNDS} |`);
  }
}

if (WRITE_DOCS) writeDocsSection(SECTION, lines.join('\n'));
