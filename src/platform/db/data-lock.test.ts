import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderInUseError, LOCK_FILE } from './data-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'amaan-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('data folder lock', () => {
  it('is taken once, refused while held (even by the same process), and free again after release', () => {
    const dir = join(root, 'a');
    const lock = acquireDataLock(dir, 'serve');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'serve' });
    let refused: unknown;
    try {
      acquireDataLock(dir, 'migrate');
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    expect((refused as Error).message).toMatch(new RegExp(`in use by process ${process.pid} .*\\(serve, since`));
    lock.release();
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataLock(dir).release();
  });

  it('takes over a lock whose process is gone, but not one from another host or a half-written one', () => {
    const dir = join(root, 'b');
    acquireDataLock(dir).release();
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 4321, host: hostname(), command: 'serve', since: 'then' }));
    const lock = acquireDataLock(dir);
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 4321, host: 'another-machine', command: 'serve', since: 'then' }));
    expect(() => acquireDataLock(dir)).toThrow(/another-machine/);
    writeFileSync(path, '');
    expect(() => acquireDataLock(dir)).toThrow(DataFolderInUseError);
  });

  it('does not remove a lock that another process has taken over since', () => {
    const dir = join(root, 'c');
    const lock = acquireDataLock(dir);
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, JSON.stringify({ pid: 1, host: hostname(), command: 'other', since: 'now' }));
    lock.release();
    expect(existsSync(path)).toBe(true);
  });
});
