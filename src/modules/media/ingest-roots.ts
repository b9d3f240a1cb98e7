import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Config } from '../../platform/config.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';

// Which folders the server may ingest from when asked over the API: the folders of AMAAN_INGEST_ROOTS
// (mounted images) and, under `amaan serve --demo`, the generated demo media folder. Nothing else.

export interface IngestRoot {
  path: string;
  /** The demo's generated media folder. */
  demo: boolean;
}

export function ingestRootsOf(config: Pick<Config, 'ingestRoots' | 'demoIngestRoot'>): IngestRoot[] {
  return [...config.ingestRoots.map((path) => ({ path, demo: false })), ...(config.demoIngestRoot ? [{ path: config.demoIngestRoot, demo: true }] : [])];
}

/** The folders offered in the web app, with the demo's seized phone as the suggested path. */
export function ingestRootsView(config: Pick<Config, 'ingestRoots' | 'demoIngestRoot'>) {
  return { roots: ingestRootsOf(config), demoFolder: config.demoIngestRoot ? join(config.demoIngestRoot, 'seized-phone') : null };
}

/**
 * The real path of a folder asked for over the API, refused unless it lies inside an allowed root once
 * every `..` and symbolic link is resolved (so neither can lead out of the root).
 */
export async function resolveIngestPath(config: Pick<Config, 'ingestRoots' | 'demoIngestRoot'>, given: string): Promise<string> {
  const roots = ingestRootsOf(config);
  if (!roots.length) throw forbidden('server-side ingest is off: set AMAAN_INGEST_ROOTS, or use `amaan ingest` on the server');
  let path: string;
  try {
    path = await realpath(given);
    if (!(await stat(path)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw invalid('path', 'no such folder on the server');
  }
  // Roots are compared by their real paths too (a root given through a symbolic link still matches).
  const real = await Promise.all(roots.map((r) => realpath(r.path).catch(() => r.path)));
  if (!real.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep))) throw invalid('path', 'not under an allowed ingest root');
  return path;
}
