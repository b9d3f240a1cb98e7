// Ingest throughput against the coreutils digests, side by side in one run.
//   node --import tsx bench/ingest.bench.ts [--files 10000] [--dir /tmp/amaan-bench-media] [--postgres URL]
// Builds (once, seeded) a folder of mixed files: synthetic photos, documents and large binaries; warms the
// page cache; times `md5sum`, `sha1sum`, `sha256sum` one after the other over it, then `amaan ingest`
// (MD5+SHA-1+SHA-256 of every file, PDQ of every picture, matching, database rows) on PGlite and PostgreSQL.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
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

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

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
    } else if (k < 17) {
      // 4 %: large binaries (videos, archives, databases) of 4-16 MB
      const size = (4 + Math.floor(r() * 12)) * 1024 * 1024;
      const buf = Buffer.alloc(size);
      for (let o = 0; o < size; o += 4) buf.writeUInt32LE((r() * 2 ** 32) >>> 0, o);
      writeFileSync(join(dir, `blob_${i}.bin`), buf);
    } else {
      // 66 %: documents and app data of 2-200 kB
      const size = 2048 + Math.floor(r() * 200 * 1024);
      const buf = Buffer.alloc(size, i & 255);
      for (let o = 0; o + 4 <= size; o += 512) buf.writeUInt32LE((r() * 2 ** 32) >>> 0, o);
      writeFileSync(join(dir, `doc_${i}.dat`), buf);
    }
  }
  writeFileSync(join(DIR, '.complete'), '');
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name !== '.complete') {
      files++;
      bytes += statSync(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).size;
    }
  }
  return { files, bytes };
}

function time(cmd: string, args: string[], env?: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: env ? { ...process.env, ...env } : process.env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr?.toString().slice(-500)}`);
  return (performance.now() - t) / 1000;
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

await build();
const { files, bytes } = folderSize(DIR);
execFileSync('sh', ['-c', `find "${DIR}" -type f -print0 | xargs -0 cat > /dev/null`]); // warm the page cache for every contender
const results: Array<{ what: string; seconds: number }> = [];
for (const tool of ['md5sum', 'sha1sum', 'sha256sum']) {
  results.push({ what: tool, seconds: time('sh', ['-c', `find "${DIR}" -type f ! -name .complete -print0 | xargs -0 ${tool} > /dev/null`]) });
}
const coreutils = results.reduce((s, r) => s + r.seconds, 0);

const engines: Array<{ name: string; url?: string }> = [{ name: 'PGlite' }];
try {
  execFileSync('psql', [PG, '-qc', 'select 1'], { stdio: 'ignore' });
  engines.push({ name: 'PostgreSQL', url: PG });
} catch {
  console.warn(`no PostgreSQL at ${PG}: PostgreSQL run skipped`);
}
for (const e of engines) {
  const work = mkdtempSync(join(tmpdir(), 'amaan-bench-ingest-'));
  let url = e.url;
  let dbName: string | undefined;
  if (url) {
    dbName = `amaan_bench_${process.pid}`;
    execFileSync('psql', [url, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, '-c', `CREATE DATABASE ${dbName}`]);
    const u = new URL(url);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const caseId = await newCase(url, work);
  const seconds = time(process.execPath, [join(repo, 'bin/amaan.js'), 'ingest', '--case', caseId, '--custodian', 'bench.custodian', DIR], { AMAAN_DATA_DIR: work, DATABASE_URL: url ?? '', AMAAN_DATA_KEY: Buffer.alloc(32, 1).toString('base64') });
  results.push({ what: `amaan ingest (${e.name})`, seconds });
  rmSync(work, { recursive: true, force: true });
  if (dbName) execFileSync('psql', [e.url!, '-qc', `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
}

const mb = bytes / 1e6;
console.log(`machine: ${cpus()[0]?.model} x ${cpus().length} cores; node ${process.version}`);
console.log(`command: node --import tsx bench/ingest.bench.ts --files ${FILES}`);
console.log(`folder: ${files} files, ${mb.toFixed(0)} MB (30% photos 640x480, 4% binaries 4-16 MB, 66% documents 2-200 kB), page cache warm\n`);
console.log('| run | seconds | MB/s | files/s | speed vs md5sum+sha1sum+sha256sum (>1 = faster) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.what} | ${r.seconds.toFixed(2)} | ${(mb / r.seconds).toFixed(0)} | ${(files / r.seconds).toFixed(0)} | |`);
console.log(`| md5sum + sha1sum + sha256sum, one after the other | ${coreutils.toFixed(2)} | ${(mb / coreutils).toFixed(0)} | ${(files / coreutils).toFixed(0)} | 1.00 |`);
for (const r of results.filter((x) => x.what.startsWith('amaan'))) console.log(`| ${r.what} | ${r.seconds.toFixed(2)} | | | ${(coreutils / r.seconds).toFixed(2)}x |`);
