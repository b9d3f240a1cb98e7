import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;
export const webRoot = join(root, 'dist/web');

/** Sources the web bundle is built from: the app itself and the pure schemas it shares with the API. */
function newestSource(): number {
  let t = statSync(join(root, 'vite.config.ts')).mtimeMs;
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, keep);
      else if (keep(e.name)) t = Math.max(t, statSync(p).mtimeMs);
    }
  };
  walk(join(root, 'src/web'), () => true);
  walk(join(root, 'src/modules'), (n) => /\.(schema|lifecycle)\.ts$/.test(n));
  for (const f of ['src/platform/text/event-texts.schema.ts', 'src/platform/http/field-messages.schema.ts', 'src/platform/access/permissions.ts', 'src/platform/auth/auth.schema.ts', 'src/platform/http/route-kit.ts', 'src/platform/http/errors.ts']) {
    if (existsSync(join(root, f))) t = Math.max(t, statSync(join(root, f)).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const index = join(webRoot, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSource();
}

/** Builds dist/web unless it is newer than every source; one build at a time across test workers. */
export async function ensureWebBuild(): Promise<{ built: boolean; ms: number }> {
  const t0 = performance.now();
  if (fresh()) return { built: false, ms: 0 };
  const lock = join(root, 'dist/.web-build.lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than five minutes is left over from a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmdirSync(lock);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (fresh()) return { built: false, ms: performance.now() - t0 };
    // vitest sets NODE_ENV=test; a build must not inherit it, or React's development bundles ship.
    const env = { ...process.env, NODE_ENV: 'production' };
    const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
    return { built: true, ms: performance.now() - t0 };
  } finally {
    rmdirSync(lock);
  }
}
