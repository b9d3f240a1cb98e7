// The command line precompiled (issue 14, "start fast"): loading the CLI's TypeScript through tsx's loader costs
// seconds before the first file of an ingest (every module resolved through the loader thread, transformed or read
// from tsx's cache). So the CLI and the ingest's hash worker are bundled once with esbuild (already installed with
// tsx and vite) into node_modules/.cache/amaan-cli/<fingerprint>/, the fingerprint taken over every source file's
// path, size and modification time: an edited source is never run stale. Packages stay external (resolved from
// node_modules as usual) and each source file keeps its own `import.meta.url`, so paths relative to a source file
// (seed data, WebAssembly, worker and sandbox entries) still point into src/.
//
// Built at `npm install` (the `prepare` script) and, when the sources have changed since, in the background by the
// first run that finds it stale (that run and any before the build ends use tsx, as before). Anything wrong
// (no esbuild, a failed build, AMAAN_NO_COMPILE=1) falls back to tsx: this is only ever a faster path.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { buildInUse } from './cli-in-use.mjs';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheRootOf, defaultRoot, stampedCompiledDir, writeStamp } from './cli-stamp.mjs';

const root = defaultRoot;
const cacheRoot = cacheRootOf(root);
/** The bundles' entries: the CLI, the ingest's hash worker thread and the image decoder child process. */
const ENTRIES = { main: 'src/cli/main.ts', 'hash-worker': 'src/modules/media/ingest/hash-worker.ts', 'join-worker': 'src/pdq/matching/join-worker.ts', 'decoder-child': 'src/pdq/sandbox/decoder-child.ts' };
/** Plain-JS packages bundled in (everything else stays external). */
const BUNDLED = new Set(['kysely', 'zod', 'commander', 'libphonenumber-js', 'csv-parse', '@scure/base', '@noble/hashes', 'kysely-pglite-dialect', 'cli-progress']);
/** A build older than this holding the lock was killed: another may start. */
const STALE_LOCK_MS = 120_000;

/**
 * Path, size and mtime of every non-test source file the CLI may load (the web app is not part of it), hashed:
 * `fp`; with the list itself (every folder walked with its mtime, every file with its size and mtime, relative to
 * root) for scripts/cli-stamp.mjs, the quick check at the next start. Null without esbuild (no compiled CLI).
 */
export function scanSources(root = defaultRoot) {
  const at = Date.now();
  const h = createHash('sha256');
  const files = [];
  const dirs = [];
  const self = fileURLToPath(import.meta.url);
  h.update(readFileSync(self));
  const esbuildPkg = join(root, 'node_modules', 'esbuild', 'package.json');
  try {
    h.update(JSON.parse(readFileSync(esbuildPkg, 'utf8')).version);
  } catch {
    return null; // no esbuild: no compiled CLI
  }
  // The two inputs outside src/ (this file's content and esbuild's version) are watched by size and mtime too.
  for (const p of [self, esbuildPkg]) {
    const s = statSync(p);
    files.push([relative(root, p), s.size, s.mtimeMs]);
  }
  const walk = (dir) => {
    dirs.push([relative(root, dir), statSync(dir).mtimeMs]);
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== join(root, 'src', 'web')) walk(p);
      } else if (/\.(ts|tsx|mts|mjs|js|json)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const s = statSync(p);
        h.update(`${relative(root, p)}\0${s.size}\0${s.mtimeMs}\n`);
        files.push([relative(root, p), s.size, s.mtimeMs]);
      }
    }
  };
  walk(join(root, 'src'));
  return { fp: h.digest('hex').slice(0, 20), at, dirs, files };
}

/** The fingerprint of the sources as they are (scanSources), or null without esbuild. */
export function fingerprint(root = defaultRoot) {
  return scanSources(root)?.fp ?? null;
}

/** The folder of the compiled CLI for these sources, or null (not built yet, or not to be used). */
export function compiledDir(fp = fingerprint(), root = defaultRoot) {
  if (process.env.AMAAN_NO_COMPILE === '1' || !fp) return null;
  const dir = join(cacheRootOf(root), fp);
  return existsSync(join(dir, 'complete')) ? dir : null;
}

/**
 * What bin/amaan.js runs: the compiled CLI's folder for the sources as they are, or null. The stamp first (a stat
 * per source, cli-stamp.mjs); failing that the full fingerprint, which renews the stamp when it finds a build.
 */
export function findCompiled(root = defaultRoot) {
  if (process.env.AMAAN_NO_COMPILE === '1') return null;
  const quick = stampedCompiledDir(root);
  if (quick) return quick;
  const scan = scanSources(root);
  const dir = scan ? compiledDir(scan.fp, root) : null;
  if (dir) writeStamp(scan, root);
  return dir;
}

/**
 * esbuild's options for a bundle of these sources (also used by benchmarks that must start the way `amaan` does:
 * bench/known-index.bench.ts): packages mostly external, every source file keeping its own import.meta.url.
 */
export function bundleOptions(entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    logLevel: 'silent',
    // CommonJS inside the bundle (commander) may require Node's own modules.
    banner: { js: "import { createRequire as __amaanRequire } from 'node:module'; const require = __amaanRequire(import.meta.url);" },
    plugins: [{
      name: 'packages-mostly-external',
      setup(b) {
        // Packages stay where npm put them (native addons, WebAssembly and font files found beside their own
        // code), except the plain-JS ones made of many small modules, which cost most to load one by one.
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
          return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
        });
      },
    }, {
      name: 'own-import-meta-url',
      setup(b) {
        // Each file keeps the URL of its source, so `new URL('./x', import.meta.url)` still finds src/.../x.
        b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
        }));
      },
    }],
  };
}

/** Builds the compiled CLI for the sources as they are now (one build at a time). Returns its folder or null. */
export async function buildCompiled() {
  const scan = scanSources();
  if (!scan) return null;
  const { fp } = scan;
  const done = compiledDir(fp);
  if (done) {
    writeStamp(scan);
    return done;
  }
  mkdirSync(cacheRoot, { recursive: true });
  const lock = join(cacheRoot, `building-${fp}`);
  try {
    mkdirSync(lock);
  } catch {
    if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return null; // someone else is building it
    rmSync(lock, { recursive: true, force: true });
    mkdirSync(lock);
  }
  const tmp = join(cacheRoot, `tmp-${fp}-${process.pid}`);
  try {
    const { build } = await import('esbuild');
    await build(bundleOptions(ENTRIES, tmp));
    writeFileSync(join(tmp, 'complete'), `${new Date().toISOString()}\n`);
    const dir = join(cacheRoot, fp);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // built meanwhile by another process
    }
    pruneBuilds(cacheRoot, fp);
    const built = compiledDir(fp);
    if (built) writeStamp(scan);
    return built;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (process.env.AMAAN_DEBUG_COMPILE) process.stderr.write(`amaan: CLI not precompiled: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Removes earlier builds (sources since changed), except one a live process still runs from (cli-in-use.mjs):
 * its lazily loaded chunks must stay until it exits.
 */
export function pruneBuilds(cacheRoot, keep) {
  for (const old of readdirSync(cacheRoot)) {
    if (old === keep || !/^[0-9a-f]{20}$/.test(old)) continue;
    const dir = join(cacheRoot, old);
    if (!buildInUse(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a build in a detached process (this run goes on with tsx, never waiting for it). */
export function buildInBackground() {
  if (process.env.AMAAN_NO_COMPILE === '1') return;
  try {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--build'], { detached: true, stdio: 'ignore', cwd: root });
    child.unref();
  } catch {
    /* no background build: tsx it stays */
  }
}

// `node scripts/cli-compiled.mjs --build` (npm's `prepare`, or the background build): never fails an install.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--build')) {
  const started = Date.now();
  const dir = await buildCompiled().catch(() => null);
  if (!process.argv.includes('--quiet')) process.stdout.write(dir ? `amaan: CLI precompiled in ${Date.now() - started} ms (${relative(root, dir)})\n` : 'amaan: CLI not precompiled (tsx is used)\n');
  process.exitCode = 0;
}

