import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyChecksum, decodeHeader, encodeHeader, HEADER_BYTES, IndexFileError, INDEX_VERSION, readIndexFile, removeStaleTemporaryFiles, writeIndexFile } from './known-index-file.ts';

// The index file (version 2): XXH64 of the body computed while it is read piece by piece and while it is written
// with asynchronous writes; sections given as functions are asked again for every piece (arrays that grow or are
// replaced while the file is written); nothing of a file that fails a check is returned.
const dirs: string[] = [];
afterAll(async () => { for (const d of dirs) await rm(d, { recursive: true, force: true }); });
const scratch = async () => { const d = await mkdtemp(join(tmpdir(), 'amaan-kix-')); dirs.push(d); return join(d, 'known-pdq.idx'); };

const targets = (head: { count: number; owners: number }) => ({
  hashes: new Uint8Array(head.count * 32), ids: new Uint8Array(head.count * 4), owners: new Uint8Array(head.count * 4),
  ownerKinds: new Uint8Array(head.owners), ownerIds: new Uint8Array(head.owners * 16),
});

describe('the known-hash index file', () => {
  // 200,000 hashes: 6.4 MB of hashes, more than one 4 MiB piece.
  const count = 200_000;
  const hashes = randomBytes(count * 32);
  const ids = randomBytes(count * 4);
  const owners = new Uint8Array(count * 4);
  const ownerIds = randomBytes(3 * 16);
  const installation = randomBytes(32);

  it('round-trips, in pieces, sections that are replaced by larger copies while it is written', async () => {
    const file = await scratch();
    let asked = 0;
    let current = Buffer.from(hashes);
    const written = writeIndexFile(file, {
      count, lastMediaId: 42, installation, ids, owners, ownerKinds: new Uint8Array([0, 1, 1]), ownerIds,
      hashes: () => {
        asked++;
        // Each time a new, larger array holding the same first bytes (as HashStore does when it grows).
        const grown = Buffer.concat([current, randomBytes(32 * 1000)]);
        current = grown;
        return grown;
      },
    });
    await written;
    expect(asked).toBeGreaterThan(1); // one call per piece
    const got = targets({ count, owners: 3 });
    const h = await readIndexFile(file, installation, () => got);
    expect(h).toMatchObject({ count, owners: 3, lastMediaId: 42 });
    expect(Buffer.from(got.hashes).equals(hashes)).toBe(true);
    expect(Buffer.from(got.ids).equals(ids)).toBe(true);
    expect([...got.ownerKinds]).toEqual([0, 1, 1]);
    expect(Buffer.from(got.ownerIds).equals(ownerIds)).toBe(true);
    expect(h!.bodyDigest.equals(await bodyChecksum([hashes, ids, owners, new Uint8Array([0, 1, 1, ...new Array(13).fill(0)]), ownerIds]))).toBe(true);
  });

  it('refuses a file with one bit changed anywhere in its body, or of the previous version', async () => {
    const file = await scratch();
    await writeIndexFile(file, { count, lastMediaId: 1, installation, hashes, ids, owners, ownerKinds: new Uint8Array([0, 1, 1]), ownerIds });
    const good = await readFile(file);
    for (const at of [HEADER_BYTES, HEADER_BYTES + 5_000_000, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x04;
      await writeFile(file, bad);
      await expect(readIndexFile(file, installation, targets)).rejects.toThrow(/body checksum does not match/);
    }
    const old = Buffer.from(good);
    const header = encodeHeader(decodeHeader(old));
    header.writeUInt32LE(1, 8); // version 1 (SHA-256 body digest), with its header check made to fit
    const { createHash } = await import('node:crypto');
    createHash('sha256').update(header.subarray(0, 120)).digest().subarray(0, 8).copy(header, 120);
    header.copy(old, 0);
    await writeFile(file, old);
    await expect(readIndexFile(file, installation, targets)).rejects.toThrow(new IndexFileError(`version 1, this version reads ${INDEX_VERSION}`));
    await writeFile(file, good);
    expect(await readIndexFile(file, installation, targets)).not.toBeNull();
  });

  it('leaves no temporary file behind when a section shrinks while it is written', async () => {
    const file = await scratch();
    let calls = 0;
    await expect(writeIndexFile(file, {
      count, lastMediaId: 1, installation, ids, owners, ownerKinds: new Uint8Array([0]), ownerIds: ownerIds.subarray(0, 16),
      hashes: () => (++calls > 1 ? hashes.subarray(0, 100) : hashes),
    })).rejects.toThrow(/shrank/);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(file, '..'))).toEqual([]);
  });

  it('removes the temporary files of writers that stopped mid-write, never those of a running writer', async () => {
    const file = await scratch();
    const dir = join(file, '..');
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString(); // a pid now free
    await writeFile(`${file}.${gone}.0a1b2c.tmp`, 'half written');
    await writeFile(`${file}.${process.pid}.0a1b2d.tmp`, 'being written by this process');
    await writeFile(join(dir, 'other.1.0a.tmp'), 'not ours');
    expect(await removeStaleTemporaryFiles(file)).toBe(1);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).sort()).toEqual([`known-pdq.idx.${process.pid}.0a1b2d.tmp`, 'other.1.0a.tmp'].sort());
  });
});
