import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hashFile } from './hash-file.ts';
import { digestBuffer } from './file-digest.ts';
import { testdataPath } from './testdata.ts';

describe('hashFile', () => {
  it('hashes a picture from its bytes in memory; one over the in-memory limit gets its digests and TOO_LARGE', async () => {
    // The decoder runs in a sandboxed process that is handed the bytes and has no access to the evidence,
    // so a picture is never decoded "by path"; the limit bounds what is handed over.
    const file = testdataPath('images/bridge-mods/square-512x512.jpg');
    const inMemory = await hashFile(file);
    expect(inMemory.unreadable).toBe(false);
    expect(inMemory.record).toMatchObject({ ...digestBuffer(readFileSync(file)), mime: 'image/jpeg', width: 512, height: 512, quality: 100 });
    expect(inMemory.record.pdq).toMatch(/^[0-9a-f]{64}$/);
    const tooLarge = await hashFile(file, { inMemoryLimit: 1000 });
    expect(tooLarge).toMatchObject({ unreadable: false, decodeError: 'TOO_LARGE' });
    expect(tooLarge.record).toMatchObject({ ...digestBuffer(readFileSync(file)), mime: 'image/jpeg' });
    expect(tooLarge.record.pdq).toBeUndefined();
    expect(tooLarge.record.error).toMatch(/image file too large to decode/);
  });

  it('passes the pixel limit on and reports it as the record error', async () => {
    const { record, unreadable } = await hashFile(testdataPath('images/bridge-mods/aaa-orig.jpg'), { maxPixels: 1000 });
    expect(unreadable).toBe(false);
    expect(record.pdq).toBeUndefined();
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.error).toMatch(/over the limit of 1000 pixels/);
  });

  it('digests files of every size right, many at once, through its shared read buffers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amaan-hashfile-'));
    const sizes = [0, 1, 4099, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345, 200_000];
    const files = sizes.map((size, k) => {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i++) data[i] = (i * 2654435761 + k * 97) >>> 24;
      const file = join(dir, `f${k}.bin`);
      writeFileSync(file, data);
      return { file, data };
    });
    // a picture bigger than one read buffer: digested and hashed from its in-memory copy
    const w = 1400, h = 1000, px = Buffer.alloc(w * h * 3);
    for (let i = 0; i < px.length; i++) px[i] = (i * 7 + (i >> 12)) & 255;
    const png = await sharp(px, { raw: { width: w, height: h, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(1 << 20);
    writeFileSync(join(dir, 'big.png'), png);
    files.push({ file: join(dir, 'big.png'), data: png });
    const all = await Promise.all([...files, ...files].map((f) => hashFile(f.file)));
    all.forEach((r, i) => {
      const { data } = files[i % files.length];
      expect(r.unreadable).toBe(false);
      expect(r.record).toMatchObject(digestBuffer(data));
    });
    const big = all[files.length - 1].record;
    expect(big).toMatchObject({ mime: 'image/png', width: w, height: h });
    expect(big.pdq).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports what it cannot read without opening it: folders, missing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amaan-hashfile-'));
    expect(await hashFile(dir)).toEqual({ record: { path: dir, error: 'is a directory' }, unreadable: true });
    expect((await hashFile(join(dir, 'missing'))).record.error).toBe('cannot read: no such file');
  });

  it('gives the same records with syncIo (reads on the calling thread) as through the thread pool', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amaan-hashfile-'));
    const sizes = [0, 5, 4100, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 2 * (1 << 20) + 777];
    const paths = sizes.map((size, k) => {
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i++) data[i] = (i * 40503 + k * 31) >>> 8;
      const file = join(dir, `s${k}.dat`);
      writeFileSync(file, data);
      return file;
    });
    const w = 300, h = 200, px = Buffer.alloc(w * h * 3);
    for (let i = 0; i < px.length; i++) px[i] = (i * 13 + (i >> 9)) & 255;
    writeFileSync(join(dir, 'p.png'), await sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer());
    paths.push(join(dir, 'p.png'), join(dir, 'missing'), dir);
    for (const p of paths) {
      const viaPool = await hashFile(p);
      const onThread = await hashFile(p, { syncIo: true });
      expect(onThread).toEqual(viaPool);
    }
    const picture = await hashFile(join(dir, 'p.png'), { syncIo: true });
    expect(picture.record).toMatchObject({ mime: 'image/png', width: w, height: h });
    expect(picture.record.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect((await hashFile(join(dir, 'missing'), { syncIo: true })).record.error).toBe('cannot read: no such file');
    expect((await hashFile(join(dir, 's3.dat'), { syncIo: true })).record).toMatchObject({ size: (1 << 20) - 1 });
  });
});
