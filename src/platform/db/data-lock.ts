import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

// PGlite keeps no lock of its own: two processes opening one data folder both succeed and then corrupt
// it. Every process that opens the embedded database (the server, each CLI verb) therefore takes this
// lock file first. A lock left by a process that is gone (killed, crashed) is taken over; one held by a
// live process, or by another machine sharing the folder, is refused with a message naming who holds it.
export const LOCK_FILE = 'amaan.lock';

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo | null,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.since})` : 'another process';
    super(
      `the data folder ${dataDir} is in use by ${who}; the embedded database allows one process at a time. ` +
        `Stop the server (or the other amaan command) first, or use DATABASE_URL to share a PostgreSQL server. ` +
        `If no such process exists, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

export interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** Takes the data folder's lock or throws DataFolderInUseError. Released by `release()` or at process exit. */
export function acquireDataLock(dataDir: string, command = process.argv.slice(2, 4).join(' ') || 'amaan'): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      // A half-written lock (holder just starting) counts as held; a dead holder on this machine is stale.
      const stale = holder !== null && holder.host === me.host && holder.pid !== process.pid && !alive(holder.pid);
      if (!stale) throw new DataFolderInUseError(dataDir, holder);
      try {
        unlinkSync(path);
      } catch {
        /* someone else took it over first: try again */
      }
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      process.off('exit', release);
      // Remove it only while it is still ours.
      if (readLock(path)?.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
    };
    process.on('exit', release);
    return { release };
  }
  throw new DataFolderInUseError(dataDir, readLock(path));
}
