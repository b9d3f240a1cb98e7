import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type HashOptions, runHash } from './hash.command.ts';
import { CliError } from '../cli-error.ts';
import { readTsv, testdataPath } from '../../pdq/testdata.ts';

const tmp = mkdtempSync(join(tmpdir(), 'amaan-hash-cli-'));
const defaults: HashOptions = { format: 'jsonl', jobs: '3', maxPixels: '100000000' };

async function run(files: string[], opts: Partial<HashOptions> = {}): Promise<{ code: number; text: string; errText: string }> {
  let text = '';
  const out = new Writable({ write(chunk, _enc, cb) { text += String(chunk); cb(); } });
  let errText = '';
  const err = new Writable({ write(chunk, _enc, cb) { errText += String(chunk); cb(); } });
  const code = await runHash(files, { ...defaults, ...opts }, out, err);
  return { code, text, errText };
}

const expected = new Map(readTsv('expected.tsv').map((r) => [r.file, r]));

describe('amaan hash', () => {
  it('hashes images (by content, not name), plain files and reports errors, in input order', async () => {
    const disguised = join(tmp, 'photo.txt');
    copyFileSync(testdataPath('images/misc/c.png'), disguised);
    const notImage = join(tmp, 'notes.jpg');
    writeFileSync(notImage, 'not a picture');
    const broken = join(tmp, 'broken.png');
    writeFileSync(broken, readFileSync(testdataPath('images/misc/c.png')).subarray(0, 5000)); // truncated
    const files = [testdataPath('images/modes/P.png'), disguised, notImage, broken];
    const { code, text } = await run(files);
    expect(code).toBe(0);
    const recs = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => r.path)).toEqual(files);
    expect(recs[0]).toMatchObject({ pdq: expected.get('images/modes/P.png')!.hash_hex, quality: 100, mime: 'image/png' });
    expect(recs[1].pdq).toBe(expected.get('images/misc/c.png')!.hash_hex);
    expect(recs[2]).toMatchObject({ size: 13, md5: '6e9c44002049964f36de016a79ef10d7' });
    expect(recs[2].pdq).toBeUndefined();
    expect(recs[2].error).toBeUndefined();
    expect(recs[3].error).toMatch(/cannot decode|corrupt/i);
    expect(recs[3].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 1 when a file cannot be read, and still hashes the others', async () => {
    const dir = join(tmp, 'a-directory');
    mkdirSync(dir, { recursive: true });
    const { code, text, errText } = await run([join(tmp, 'missing.png'), testdataPath('images/synthetic/tiny-4x4.png'), dir]);
    expect(code).toBe(1);
    expect(errText).toBe('amaan: 2 of 3 files could not be read\n');
    const recs = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs[0]).toEqual({ path: join(tmp, 'missing.png'), error: 'cannot read: no such file' });
    expect(recs[1]).toMatchObject({ pdq: '0'.repeat(64), quality: 0 });
    expect(recs[2].error).toBe('is a directory');
  });

  it('writes tsv with a header, and dihedral hashes when asked', async () => {
    const file = testdataPath('decoded/bridge-mods/aaa-orig.jpg.png');
    const { text } = await run([file], { format: 'tsv', dihedral: true });
    const [head, line] = text.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(head).toEqual(['path', 'size', 'md5', 'sha1', 'sha256', 'mime', 'width', 'height', 'pdq', 'quality',
      'orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipp', 'flipm', 'error']);
    const rec = Object.fromEntries(head.map((h, i) => [h, line[i]]));
    const dih = readTsv('expected-dihedral.tsv').find((r) => r.file === 'decoded/bridge-mods/aaa-orig.jpg.png')!;
    for (const n of ['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipp', 'flipm']) expect(rec[n]).toBe(dih[n]);
    expect(rec.error).toBe('');
  });

  it('refuses bad options with a CliError', async () => {
    await expect(run([], { format: 'xml' })).rejects.toBeInstanceOf(CliError);
    await expect(run([], { jobs: '0' })).rejects.toBeInstanceOf(CliError);
    await expect(run([], { maxPixels: 'lots' })).rejects.toBeInstanceOf(CliError);
  });
});
