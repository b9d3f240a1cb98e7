import { lstat, opendir, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { describeFsError } from '../../../pdq/fs-error.ts';

export type WalkEntry =
  | { kind: 'file'; relPath: string; absPath: string; stat: Stats }
  | { kind: 'symlink'; relPath: string; absPath: string; stat: Stats; target: string }
  | { kind: 'unreadable'; relPath: string; absPath: string; error: string }
  | { kind: 'special'; relPath: string; absPath: string; stat: Stats };

/**
 * Walks a folder or mounted image depth-first in a stable (sorted) order. Symbolic links are recorded,
 * never followed: a link cannot lead out of the root, and a link loop cannot trap the walk.
 * A folder that cannot be opened becomes an `unreadable` entry and the walk goes on.
 */
export async function* walkTree(root: string): AsyncGenerator<WalkEntry> {
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  async function* visit(dir: string): AsyncGenerator<WalkEntry> {
    let names: string[];
    try {
      const handle = await opendir(dir);
      names = [];
      for await (const d of handle) names.push(d.name);
    } catch (err) {
      yield { kind: 'unreadable', relPath: rel(dir) || '.', absPath: dir, error: describeFsError(err) };
      return;
    }
    names.sort();
    for (const name of names) {
      const abs = join(dir, name);
      let st: Stats;
      try {
        st = await lstat(abs);
      } catch (err) {
        yield { kind: 'unreadable', relPath: rel(abs), absPath: abs, error: describeFsError(err) };
        continue;
      }
      if (st.isSymbolicLink()) {
        const target = await readlink(abs).catch(() => '?');
        yield { kind: 'symlink', relPath: rel(abs), absPath: abs, stat: st, target };
      } else if (st.isDirectory()) {
        yield* visit(abs);
      } else if (st.isFile()) {
        yield { kind: 'file', relPath: rel(abs), absPath: abs, stat: st };
      } else {
        yield { kind: 'special', relPath: rel(abs), absPath: abs, stat: st };
      }
    }
  }
  yield* visit(root);
}
