import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashFile } from './hash-file.ts';
import { digestBuffer } from './file-digest.ts';
import { testdataPath } from './testdata.ts';

describe('hashFile', () => {
  it('gives the same record whether the file is read into memory or streamed', async () => {
    const file = testdataPath('images/bridge-mods/square-512x512.jpg');
    const inMemory = await hashFile(file);
    const streamed = await hashFile(file, { inMemoryLimit: 0 });
    expect(streamed).toEqual(inMemory);
    expect(inMemory.unreadable).toBe(false);
    expect(inMemory.record).toMatchObject({ ...digestBuffer(readFileSync(file)), mime: 'image/jpeg', width: 512, height: 512, quality: 100 });
    expect(inMemory.record.pdq).toMatch(/^[0-9a-f]{64}$/);
  });

  it('passes the pixel limit on and reports it as the record error', async () => {
    const { record, unreadable } = await hashFile(testdataPath('images/bridge-mods/aaa-orig.jpg'), { maxPixels: 1000 });
    expect(unreadable).toBe(false);
    expect(record.pdq).toBeUndefined();
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.error).toMatch(/over the limit of 1000 pixels/);
  });
});
