import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Local secret files live in the key folder (config.keyDir), never in the data folder: the folder is
// created owner-only (0700) and each file owner-readable only (0600). A file is written to a temporary
// name and renamed, so a crash never leaves half a key behind.

export function keyFilePath(keyDir: string, name: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`bad key file name ${name}`);
  return join(keyDir, name);
}

export function ensureKeyDir(keyDir: string): void {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  chmodSync(keyDir, 0o700);
}

/** Reads the named key file, creating it once with `create()` when absent. Contents are text (e.g. base64). */
export function readOrCreateKeyFile(keyDir: string, name: string, create: () => string): string {
  const path = keyFilePath(keyDir, name);
  if (!existsSync(path)) {
    ensureKeyDir(keyDir);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, create(), { mode: 0o600 });
    // Two processes racing: the first rename wins and both read the same file afterwards.
    if (!existsSync(path)) renameSync(tmp, path);
  }
  return readFileSync(path, 'utf8').trim();
}

/** Reads the named key file, or null when it does not exist. */
export function readKeyFile(keyDir: string, name: string): string | null {
  const path = keyFilePath(keyDir, name);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
}
