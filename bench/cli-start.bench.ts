// The fixed cost of `amaan ingest` before the first file (issue 14): a 30-file folder, where hashing is a small
// part, ingested with the CLI as it was (TypeScript through tsx: AMAAN_NO_COMPILE=1) and precompiled
// (scripts/cli-compiled.mjs), rounds interleaved so a burst of other work hits both alike; beside them `node -e 0`
// (Node's own start on this machine at this moment) and `amaan ingest --help` (the CLI's modules loaded, no database).
//   node --import tsx bench/cli-start.bench.ts [--rounds 5] [--postgres URL] [--write-docs]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeDocsSection } from './docs-section.ts';
import { buildCompiled } from '../scripts/cli-compiled.mjs';
import { openDatabase, migrateToLatest } from '../src/platform/db/database.ts';
import { seedReferenceData } from '../src/modules/reference/reference.seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ROUNDS = Math.max(1, Number(arg('rounds', '5')));
const PG = arg('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const repo = new URL('../', import.meta.url).pathname;
const SECTION = '## CLI start and the fixed cost of ingest (issue 14)';

// 30 files: 10 photos 640x480, 20 documents of 2-60 kB.
const folder = mkdtempSync(join(tmpdir(), 'amaan-bench-start-'));
mkdirSync(join(folder, 'DCIM'));
for (let i = 0; i < 10; i++) {
  const w = 640, h = 480, px = Buffer.alloc(w * h * 3);
  for (let p = 0; p < px.length; p += 3) { const x = (p / 3) % w, y = Math.floor(p / 3 / w); px[p] = (x * (i + 1)) & 255; px[p + 1] = (y * 3 + i * 20) & 255; px[p + 2] = (x ^ y) & 255; }
  writeFileSync(join(folder, 'DCIM', `IMG_${i}.jpg`), await sharp(px, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 85 }).toBuffer());
}
for (let i = 0; i < 20; i++) writeFileSync(join(folder, `doc_${i}.dat`), Buffer.alloc(2048 + i * 3000, i));

const compiled = await buildCompiled();
if (!compiled) throw new Error('the CLI could not be precompiled (is esbuild installed?)');

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

/** Phase lines of the last runs with AMAAN_TIMING=1 (precompiled ingests), by engine: phase -> ms since start. */
const phases = new Map<string, Map<string, number[]>>();

function seconds(args: string[], env: Record<string, string>, cmd = process.execPath, phasesOf?: string): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr?.toString().slice(-500)}`);
  const secs = (performance.now() - t) / 1000;
  if (phasesOf) {
    const byPhase = phases.get(phasesOf) ?? new Map<string, number[]>();
    phases.set(phasesOf, byPhase);
    for (const m of r.stderr.toString().matchAll(/^amaan timing: (.+?) (\d+) ms \(at (\d+) ms\)$/gm)) {
      byPhase.set(m[1]!, [...(byPhase.get(m[1]!) ?? []), Number(m[3])]);
      byPhase.set(`${m[1]!}\0own`, [...(byPhase.get(`${m[1]!}\0own`) ?? []), Number(m[2])]);
    }
  }
  return secs;
}

const engines: Array<{ name: string; url?: string }> = [{ name: 'PGlite' }];
try {
  execFileSync('psql', [PG, '-qc', 'select 1'], { stdio: 'ignore' });
  engines.push({ name: 'PostgreSQL', url: PG });
} catch {
  console.warn(`no PostgreSQL at ${PG}: PostgreSQL run skipped`);
}

async function ingest(e: { name: string; url?: string }, tsx: boolean): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'amaan-bench-start-db-'));
  let url = e.url;
  let dbName: string | undefined;
  if (url) {
    dbName = `amaan_bench_start_${process.pid}`;
    execFileSync('psql', [url, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, '-c', `CREATE DATABASE ${dbName}`]);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  try {
    const caseId = await newCase(url, work);
    // The precompiled runs print their phase times (AMAAN_TIMING=1: a few lines to stderr, nothing measurable).
    return seconds([join(repo, 'bin/amaan.js'), 'ingest', '--case', caseId, '--custodian', 'bench.custodian', folder],
      { AMAAN_DATA_DIR: work, DATABASE_URL: url ?? '', AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64'), AMAAN_NO_COMPILE: tsx ? '1' : '0', AMAAN_TIMING: tsx ? '0' : '1' },
      process.execPath, tsx ? undefined : e.name);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (dbName) execFileSync('psql', [e.url!, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
  }
}

const runs = new Map<string, number[]>();
const note = (k: string, s: number) => runs.set(k, [...(runs.get(k) ?? []), s]);
const loadBefore = loadavg();
const hashdeep = spawnSync('hashdeep', ['-V'], { stdio: 'ignore' }).status === 0;
for (let r = 0; r < ROUNDS; r++) {
  note('node -e 0', seconds(['-e', '0'], {}));
  // The forensic tools on the same 30 files (page cache warm after the first round).
  if (hashdeep) note('hashdeep -c md5,sha1,sha256 -r', seconds(['-c', 'md5,sha1,sha256', '-r', folder], {}, 'hashdeep'));
  note('md5sum + sha1sum + sha256sum, in turn', ['md5sum', 'sha1sum', 'sha256sum'].reduce((a, tool) => a + seconds(['-c', `find "${folder}" -type f -print0 | xargs -0 ${tool} > /dev/null`], {}, 'sh'), 0));
  for (const tsx of [true, false]) {
    const mode = tsx ? 'tsx' : 'precompiled';
    note(`amaan ingest --help (${mode})`, seconds([join(repo, 'bin/amaan.js'), 'ingest', '--help'], { AMAAN_NO_COMPILE: tsx ? '1' : '0' }));
    for (const e of engines) note(`amaan ingest, 30 files, ${e.name} (${mode})`, await ingest(e, tsx));
  }
}
const loadAfter = loadavg();
rmSync(folder, { recursive: true, force: true });

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const lines: string[] = [];
const say = (x = ''): void => { lines.push(x); console.log(x); };
say(SECTION);
say();
say(`Machine: ${cpus()[0]?.model} x ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. ` +
  `Command: \`node --import tsx bench/cli-start.bench.ts --rounds ${ROUNDS}\`. Each round runs every line once, in turn (fresh processes).`);
say('Folder: 30 files (10 photos 640x480 JPEG, 20 documents of 2-60 kB), so nearly all the time is the fixed cost: Node and the ' +
  'CLI\'s modules, the database opened and its migrations checked, the hash workers started, the known hashes loaded, the job opened and closed. ' +
  '"tsx" is the CLI as it was (AMAAN_NO_COMPILE=1: TypeScript through tsx\'s loader); "precompiled" is scripts/cli-compiled.mjs.');
say(`Load average before: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; after: ${loadAfter.map((x) => x.toFixed(2)).join(', ')} ` +
  '(2 cores shared with other engineers\' work: every figure is slowed, `node -e 0` shows by how much).');
say();
say('| run | median s | min-max s | rounds | tsx / precompiled |');
say('| --- | ---: | --- | ---: | ---: |');
for (const [k, xs] of runs) {
  const other = k.endsWith('(precompiled)') ? runs.get(k.replace('(precompiled)', '(tsx)')) : undefined;
  say(`| ${k} | ${median(xs).toFixed(2)} | ${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)} | ${xs.length} | ${other ? `${(median(other) / median(xs)).toFixed(2)}x` : ''} |`);
}
for (const [engine, byPhase] of phases) {
  say();
  say(`Phases of the precompiled ingest on ${engine} (AMAAN_TIMING=1, medians over ${ROUNDS} rounds): "at" is milliseconds since the ` +
    'process started when the phase ended; "own" is the time since the previous mark, except for the steps that overlap ' +
    'others: "hash worker N ready" counts from the workers\' creation (modules loaded in the thread, its decoder process ' +
    'spawned), and the three loads before hashing (files already done, known hashes, known video frames) from their own start.');
  say();
  say('| phase | at ms | own ms |');
  say('| --- | ---: | ---: |');
  const rows = [...byPhase.entries()].filter(([k]) => !k.endsWith('\0own')).sort((a, b) => median(a[1]) - median(b[1]));
  for (const [k, at] of rows) say(`| ${k} | ${median(at).toFixed(0)} | ${median(byPhase.get(`${k}\0own`)!).toFixed(0)} |`);
}
if (process.argv.includes('--write-docs')) writeDocsSection(SECTION, lines.join('\n'));
