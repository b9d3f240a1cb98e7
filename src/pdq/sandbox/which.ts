// Finding an executable the way a shell does (PATH), without running a shell.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of `name`: a path (containing "/") is taken as given; a bare name is looked up in
 * PATH. Null when there is no such executable file.
 */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | null {
  if (name.includes('/')) {
    const p = isAbsolute(name) ? name : resolve(name);
    return isExecutableFile(p) ? p : null;
  }
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutableFile(p)) return p;
  }
  return null;
}
