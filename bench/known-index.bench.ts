// Issue 13 §2 / issue 14 §2: 10 million known PDQ hashes answer the first query within 1 second of start.
// Writes an index file of N random hashes (one hash set) and a scratch PostgreSQL database holding what the
// catch-up reads (the audit trail's first entry naming the installation, the hash set, no newer rows), then starts
// fresh processes (bench/known-index-first-query.ts) that each open the file, catch up from the database and answer
// one query: time from the process's start (its own clock origin) and from the parent's spawn to the answer.
// Also, for comparison: an empty Node process started the same way, and what the SIMD planes then cost.
// The child starts as `amaan` does: precompiled (bundled here with scripts/cli-compiled.mjs's esbuild options into
// node_modules/.cache/amaan-bench/, packages external), unless --tsx (then through tsx's loader, as before).
//   node --import tsx bench/known-index.bench.ts [--hashes 10000000] [--runs 7] [--tsx] [--pg postgres://postgres@127.0.0.1:5432/postgres]
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bundleOptions } from '../scripts/cli-compiled.mjs';
import { writeIndexFile } from '../src/modules/hashsets/known-index-file.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('hashes', '10000000'));
const RUNS = Number(arg('runs', '7'));
const PG = arg('pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const DB = `bench_known_index_${process.pid}`;
const TSX = process.argv.includes('--tsx');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;

async function setUpDatabase(setId: string, genesisHash: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = PG.replace(/\/[^/]*$/, `/${DB}`);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  // Only the columns the catch-up reads, as in the real schema.
  await c.query(`CREATE TABLE audit_log (seq bigserial PRIMARY KEY, hash text NOT NULL);
    CREATE TABLE hash_sets (id uuid PRIMARY KEY);
    CREATE TABLE hash_set_entries (id serial PRIMARY KEY, hash_set_id uuid NOT NULL, pdq text);
    CREATE INDEX ON hash_set_entries (hash_set_id, id);
    CREATE TABLE media_files (id serial PRIMARY KEY, case_id uuid NOT NULL, pdq text, pdq_quality int, low_quality boolean NOT NULL DEFAULT false)`);
  await c.query('INSERT INTO audit_log (hash) VALUES ($1)', [genesisHash]);
  await c.query('INSERT INTO hash_sets (id) VALUES ($1)', [setId]);
  await c.end();
  return url;
}

async function dropDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.end();
}

/** The child precompiled (as `amaan` starts), or through tsx. Returns the script to run and its Node flags. */
async function childScript(): Promise<{ flags: string[]; script: string; cleanup: () => void }> {
  if (TSX) return { flags: ['--import', 'tsx'], script: 'bench/known-index-first-query.ts', cleanup: () => {} };
  const out = join(process.cwd(), 'node_modules', '.cache', 'amaan-bench', String(process.pid));
  mkdirSync(out, { recursive: true });
  const { build } = await import('esbuild');
  await build(bundleOptions({ 'known-index-first-query': 'bench/known-index-first-query.ts' }, out));
  return { flags: [], script: join(out, 'known-index-first-query.js'), cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

function runChild(flags: string[], args: string[]): Promise<{ wallMs: number; out: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [...flags, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let wallMs = 0;
    p.stdout.on('data', (d) => {
      out += String(d);
      if (!wallMs && out.includes('\n')) wallMs = performance.now() - t0; // the first line is the answer
    });
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}`));
      const lines = out.trim().split('\n');
      resolve({ wallMs, out: Object.assign({}, ...lines.map((l) => JSON.parse(l) as Record<string, number>)) });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'amaan-known-bench-'));
const file = join(dir, 'known-pdq.idx');
const setId = randomUUID();
const genesis = randomBytes(32).toString('hex');
const installation = createHash('sha256').update(Buffer.from(genesis, 'utf8')).digest();
const load = loadavg().map((x) => x.toFixed(2)).join(', ');
console.log(`# ${N.toLocaleString('en')} hashes, ${RUNS} fresh processes; ${cpus().length} x ${cpus()[0]?.model}; Node ${process.version}; load average ${load}`);
const t = performance.now();
{
  const hashes = new Uint8Array(N * 32);
  for (let off = 0; off < hashes.length; off += 1 << 16) hashes.set(randomBytes(Math.min(1 << 16, hashes.length - off)), off);
  const ids = new Uint32Array(N);
  for (let i = 0; i < N; i++) ids[i] = i + 1;
  const ownerIds = Buffer.from(setId.replace(/-/g, ''), 'hex');
  await writeIndexFile(file, {
    count: N, lastMediaId: 0, installation, hashes, ids: new Uint8Array(ids.buffer), owners: new Uint8Array(N * 4),
    ownerKinds: new Uint8Array(1), ownerIds,
  });
}
console.log(`# file written: ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const url = await setUpDatabase(setId, genesis);
const child = await childScript();
console.log(`# child: ${TSX ? 'through tsx' : 'precompiled (esbuild bundle, as amaan runs)'}`);
try {
  const empty: number[] = [];
  const emptyCpu: number[] = [];
  const firstCpu: number[] = [];
  const first: number[] = [];
  const wall: number[] = [];
  const phases: Array<Record<string, number>> = [];
  for (let r = 0; r < RUNS; r++) {
    // Alternate the empty process and the real one, so both see the same load.
    const e = await runChild(child.flags, [child.script, '--empty']);
    empty.push(e.out.readyMs!);
    emptyCpu.push(e.out.cpuMs!);
    const res = await runChild(child.flags, [child.script, file, url]);
    first.push(res.out.readyMs!);
    firstCpu.push(res.out.cpuMs!);
    wall.push(res.wallMs);
    phases.push(res.out);
  }
  const m = (k: string) => median(phases.map((p) => p[k]!));
  console.log(`| hashes | empty Node process (same start): start to ready | first query answered: from process start | from spawn (parent) | of which: modules loaded | file read and checked | catch-up from PostgreSQL | first query (scan) | hits | then: SIMD planes built | 100 queries with the planes | 100 by plain scan (from 8) |`);
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  console.log(`| ${N.toLocaleString('en')} | ${median(empty).toFixed(0)} ms (${spread(empty)}) | **${median(first).toFixed(0)} ms** (${spread(first)}) | ${median(wall).toFixed(0)} ms (${spread(wall)}) | ${m('modulesMs').toFixed(0)} ms | ${m('readMs').toFixed(0)} ms | ${m('catchUpMs').toFixed(0)} ms | ${m('queryMs').toFixed(1)} ms | ${m('hits')} | ${(m('buildMs') / 1000).toFixed(2)} s | ${m('mih100Ms').toFixed(0)} ms | ${m('scan100Ms').toFixed(0)} ms |`);
  console.log(`# CPU time of the process up to the answer (user + system, less affected by other work): empty ${median(emptyCpu).toFixed(0)} ms (${spread(emptyCpu)}), first query ${median(firstCpu).toFixed(0)} ms (${spread(firstCpu)})`);
  console.log(`# runs (first query from process start, ms): ${first.map((x) => x.toFixed(0)).join(', ')}; load average at end ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
} finally {
  await dropDatabase();
  child.cleanup();
  rmSync(dir, { recursive: true, force: true });
}
