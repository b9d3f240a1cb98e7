// One fresh process of bench/known-index.bench.ts: open the known-hash index file, catch up from PostgreSQL, answer
// one query (printed at once, first line), then time the SIMD scan's planes (ScanIndex) and 100 queries with them.
// Run precompiled (bundled by the bench with the CLI's own esbuild options), as `amaan` runs, or through tsx. Times are from the process's start
// (performance.now() counts from the process's time origin). `--empty`: only start and print (the baseline).
export {};
const modulesStart = performance.now();
if (process.argv[2] === '--empty') {
  const cpu = process.cpuUsage();
  console.log(JSON.stringify({ readyMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 }));
  process.exit(0);
}
const { randomBytes } = await import('node:crypto');
const { Kysely, PostgresDialect } = await import('kysely');
const pg = (await import('pg')).default;
const { KnownIndex } = await import('../src/modules/hashsets/known-index.ts');
const [file, url] = process.argv.slice(2);
const modulesMs = performance.now() - modulesStart;

const db = new Kysely<never>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
const index = new KnownIndex({ dir: file!.replace(/\/known-pdq\.idx$/, ''), saveMinHashes: Number.MAX_SAFE_INTEGER });
let t = performance.now();
await index.open();
const readMs = performance.now() - t;
if (index.fileState !== 'loaded') throw new Error(`file not used: ${index.fileState} ${index.fileProblem}`);
t = performance.now();
// The app's database type is not needed here: the catch-up only reads four tables.
await index.catchUp(db as never);
const catchUpMs = performance.now() - t;
if (index.fileState !== 'loaded') throw new Error(`file rejected at catch-up: ${index.fileProblem}`);
t = performance.now();
const query = randomBytes(32).toString('hex');
const hits = (await index.search([query], 31)).length;
const queryMs = performance.now() - t;
const cpu = process.cpuUsage();
console.log(JSON.stringify({ readyMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, modulesMs, readMs, catchUpMs, queryMs, hits, size: index.size }));

const queries = Array.from({ length: 100 }, () => randomBytes(32).toString('hex'));
t = performance.now();
for (const q of queries.slice(0, 8)) await index.search([q], 31); // answered by the plain scan (fewer than buildAfterScans so far)
const scan8 = performance.now() - t;
t = performance.now();
await index.buildTables();
const buildMs = performance.now() - t;
t = performance.now();
await index.search(queries, 31);
const mih100Ms = performance.now() - t;
console.log(JSON.stringify({ buildMs, mih100Ms, scan100Ms: (scan8 * 100) / 8 }));
await db.destroy();
