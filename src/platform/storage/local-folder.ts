import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StorageNotFoundError, type ObjectStorage, type StoredObject } from './storage.ts';

// The default storage: one file per object in a folder (by default `documents/` in the data folder), named by a
// random UUID and spread over 256 sub-folders by its first two characters. A write goes to a temporary file in
// the same folder tree, is flushed to disk, then renamed into place: a reader never sees half a file, and a crash
// leaves only a temporary file behind (in `.incoming/`, safe to delete).

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class LocalFolderStorage implements ObjectStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new StorageNotFoundError(key); // never a path the caller composed
    return join(this.root, key.slice(0, 2), key);
  }

  put(source: Readable): Promise<StoredObject> {
    return this.write(randomUUID(), source);
  }

  putAt(key: string, source: Readable): Promise<StoredObject> {
    this.pathOf(key);
    return this.write(key, source);
  }

  private async write(key: string, source: Readable): Promise<StoredObject> {
    const incoming = join(this.root, '.incoming');
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    const temp = join(incoming, `${key}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const final = this.pathOf(key);
      await mkdir(join(this.root, key.slice(0, 2)), { recursive: true, mode: 0o700 });
      await rename(temp, final);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { key, sha256: hash.digest('hex'), size };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch {
      throw new StorageNotFoundError(key);
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
