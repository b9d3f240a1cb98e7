import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestBuffer, digestFile } from './file-digest.ts';

const tmp = mkdtempSync(join(tmpdir(), 'amaan-digest-'));
const expectedOf = (b: Buffer) => ({
  size: b.length,
  md5: createHash('md5').update(b).digest('hex'),
  sha1: createHash('sha1').update(b).digest('hex'),
  sha256: createHash('sha256').update(b).digest('hex'),
});

describe('digestFile / digestBuffer', () => {
  it('match node:crypto on a generated file spanning several read chunks', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 12345);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
    const file = join(tmp, 'data.bin');
    writeFileSync(file, data);
    expect(await digestFile(file)).toEqual(expectedOf(data));
    expect(digestBuffer(data)).toEqual(expectedOf(data));
  });

  it('give the well-known digests of the empty file', async () => {
    const file = join(tmp, 'empty.bin');
    writeFileSync(file, '');
    const want = {
      size: 0,
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    };
    expect(await digestFile(file)).toEqual(want);
    expect(digestBuffer(Buffer.alloc(0))).toEqual(want);
  });

  it('rejects with the file system error for a missing file', async () => {
    await expect(digestFile(join(tmp, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
