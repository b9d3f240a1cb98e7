import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalFolderStorage } from './local-folder.ts';
import { StorageNotFoundError } from './storage.ts';

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('local-folder storage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'amaan-storage-'));
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('puts a stream and answers its key, SHA-256 and size; gets it back; deletes it', async () => {
    const storage = new LocalFolderStorage(root);
    const bytes = Buffer.from('synthetic document bytes');
    const stored = await storage.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(stored).toEqual({ key: expect.stringMatching(/^[0-9a-f-]{36}$/), sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect((await read(await storage.get(stored.key))).equals(bytes)).toBe(true);
    expect(await readdir(join(root, '.incoming'))).toEqual([]); // the temporary file was renamed away
    await storage.delete(stored.key);
    await expect(storage.get(stored.key)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.delete(stored.key); // deleting twice is not an error
  });

  it('leaves nothing behind when the source fails, and never takes a path as a key', async () => {
    const storage = new LocalFolderStorage(root);
    const failing = new Readable({ read() { this.destroy(new Error('connection lost')); } });
    await expect(storage.put(failing)).rejects.toThrow('connection lost');
    expect(await readdir(join(root, '.incoming'))).toEqual([]);
    await expect(storage.get('../../etc/passwd')).rejects.toBeInstanceOf(StorageNotFoundError);
  });
});
