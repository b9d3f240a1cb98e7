// The quick check of bin/amaan.js (issue 14, "start fast"): is the precompiled CLI still the one for the sources as
// they are? scripts/cli-compiled.mjs answers by walking src/ (every folder read, every file stat-ed) and hashing the
// list: ~20 ms of CPU at each start, plus loading node:crypto. Instead, whenever that full check finds (or builds) a
// compiled CLI, it writes here the list it hashed: every folder's and file's modification time (files with their
// size). At the next start this module only stats those paths (no folder reads, no hashing, node:fs alone):
//  - an edited file changes its size or modification time;
//  - a file added, removed or renamed changes its folder's modification time (a new folder changes its parent's);
//  - an entry whose modification time is within RACY_MS of the moment the list was taken is not trusted (a file
//    system with coarse timestamps could hide an edit made in the same tick; git's "racily clean" rule): the full
//    check runs instead, as it does on any difference. So a changed source never runs a stale bundle.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultRoot = fileURLToPath(new URL('..', import.meta.url));
/** Entries this close to the time the list was taken (or later) are re-checked the full way. */
export const RACY_MS = 3000;
const STAMP_VERSION = 1;

export const cacheRootOf = (root) => join(root, 'node_modules', '.cache', 'amaan-cli');

/**
 * The compiled CLI's folder when the stamp shows nothing changed since its fingerprint was taken, else null (then
 * the caller runs the full check). Never throws.
 */
export function stampedCompiledDir(root = defaultRoot) {
  if (process.env.AMAAN_NO_COMPILE === '1') return null;
  try {
    const cacheRoot = cacheRootOf(root);
    const stamp = JSON.parse(readFileSync(join(cacheRoot, 'stamp.json'), 'utf8'));
    if (stamp?.v !== STAMP_VERSION || typeof stamp.fp !== 'string' || !/^[0-9a-f]{20}$/.test(stamp.fp) || typeof stamp.at !== 'number') return null;
    if (!Array.isArray(stamp.dirs) || !Array.isArray(stamp.files) || stamp.files.length === 0) return null;
    const trustedBefore = stamp.at - RACY_MS;
    // Plain concatenation, not path.join for each of the ~450 entries (relative paths written by scanSources).
    const base = root.endsWith('/') ? root : `${root}/`;
    for (const [rel, mtimeMs] of stamp.dirs) {
      if (!(mtimeMs < trustedBefore)) return null;
      const s = statSync(base + rel, { throwIfNoEntry: false });
      if (!s || !s.isDirectory() || s.mtimeMs !== mtimeMs) return null;
    }
    for (const [rel, size, mtimeMs] of stamp.files) {
      if (!(mtimeMs < trustedBefore)) return null;
      const s = statSync(base + rel, { throwIfNoEntry: false });
      if (!s || !s.isFile() || s.size !== size || s.mtimeMs !== mtimeMs) return null;
    }
    const dir = join(cacheRoot, stamp.fp);
    return existsSync(join(dir, 'complete')) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * Records `scan` (what scripts/cli-compiled.mjs fingerprinted: { fp, at, dirs: [rel, mtimeMs][], files: [rel, size,
 * mtimeMs][] }, paths relative to root) as the stamp of compiled folder scan.fp. Written whole or not at all.
 */
export function writeStamp(scan, root = defaultRoot) {
  try {
    const cacheRoot = cacheRootOf(root);
    const tmp = join(cacheRoot, `stamp-${process.pid}-${Date.now()}.tmp`);
    writeFileSync(tmp, JSON.stringify({ v: STAMP_VERSION, fp: scan.fp, at: scan.at, dirs: scan.dirs, files: scan.files }));
    renameSync(tmp, join(cacheRoot, 'stamp.json'));
  } catch {
    /* no stamp: the next start runs the full check */
  }
}
