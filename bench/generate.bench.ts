// `amaan generate` on PostgreSQL, the COPY path beside the INSERT path (--no-copy), run AT THE SAME TIME on two
// scratch databases so that load from other work falls on both alike: the ratio is the figure to read.
//
//   node --import tsx bench/generate.bench.ts [--cases 5000] [--media-per-case 1] [--pg-url postgres://...] [--db-prefix amaan_gen]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, repoRoot } from './server-support.ts';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const CASES = arg('--cases', '5000');
const MEDIA = arg('--media-per-case', '1');
const PG_URL = arg('--pg-url', process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
const PREFIX = arg('--db-prefix', 'amaan_gen');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

function amaan(cliArgs: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/amaan.js', ...cliArgs], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'development', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`amaan ${cliArgs.join(' ')} exited with ${code}: ${err}`))));
  });
}

const work = mkdtempSync(join(tmpdir(), 'amaan-gen-bench-'));
const dbs = [await createScratchDatabase(PG_URL, PREFIX), await createScratchDatabase(PG_URL, PREFIX)];
try {
  const envs = dbs.map((d, i) => ({ DATABASE_URL: d.url, AMAAN_DATA_DIR: join(work, `data${i}`), AMAAN_KEY_DIR: join(work, `keys${i}`), AMAAN_DATA_KEY: Buffer.alloc(32, 5).toString('base64') }));
  for (const e of envs) await amaan(['migrate'], e);
  const before = load();
  const flags = ['generate', '--cases', CASES, '--media-per-case', MEDIA, '--seed', '1'];
  const [copyMs, insertMs] = await Promise.all([amaan(flags, envs[0]!), amaan([...flags, '--no-copy'], envs[1]!)]);
  console.log(`amaan generate --cases ${CASES} --media-per-case ${MEDIA} (persons 5 x cases), both at once; load average ${before} before, ${load()} after`);
  console.log(`COPY (default): ${(copyMs! / 1000).toFixed(1)} s; INSERT (--no-copy): ${(insertMs! / 1000).toFixed(1)} s; ratio ${(insertMs! / copyMs!).toFixed(2)}x (whole command: start, run, index build, ANALYZE)`);
} finally {
  for (const d of dbs) await d.drop();
  rmSync(work, { recursive: true, force: true });
}
