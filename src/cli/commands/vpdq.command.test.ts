import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error.ts';
import { runVpdq, VIDEO_UNAVAILABLE_EXIT, type VpdqCliOptions } from './vpdq.command.ts';
import { testdataPath } from '../../pdq/testdata.ts';

const DIR = testdataPath('vpdq/');
const VIDEO = `${DIR}videos/test-padded-dimensions.mp4`;

async function run(files: string[], opts: Partial<VpdqCliOptions>): Promise<{ out: string; err: string; error?: unknown }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let outText = '';
  let errText = '';
  out.on('data', (c: Buffer) => (outText += c.toString()));
  err.on('data', (c: Buffer) => (errText += c.toString()));
  let error: unknown;
  try {
    await runVpdq(files, { secondsPerHash: '1', format: 'jsonl', ...opts }, out, err);
  } catch (e) {
    error = e;
  }
  return { out: outText, err: errText, error };
}

describe('amaan vpdq', () => {
  it('--format text prints the reference file format', async () => {
    const r = await run([VIDEO], { format: 'text' });
    expect(r.error).toBeUndefined();
    expect(r.out).toBe(readFileSync(`${DIR}local-reference/test-padded-dimensions.r1.txt`, 'utf8'));
  });

  it('jsonl: one object per frame, an error object per bad file, exit code 2 at the end', async () => {
    const r = await run([VIDEO, '/no/such/video.mp4'], { secondsPerHash: '2' });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.frame ?? 'error')).toEqual([0, 60, 120, 'error']);
    expect(lines[1]).toMatchObject({ file: VIDEO, timestamp: 2 });
    expect(lines[3]).toMatchObject({ file: '/no/such/video.mp4', error: { code: 'NOT_FOUND' } });
    expect(r.err).toContain('NOT_FOUND');
    expect(r.error).toBeInstanceOf(CliError);
    expect((r.error as CliError).exitCode).toBe(2);
  });

  it('writes the lines in blocks, not one write per frame, with the same text (r0: every frame)', async () => {
    const out = new PassThrough();
    let text = '';
    let writes = 0;
    out.on('data', (c: Buffer) => {
      text += c.toString();
      writes++;
    });
    // The 100 ms flush timer held still, so the count does not depend on how loaded the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await runVpdq([VIDEO], { secondsPerHash: '0', format: 'text' }, out, new PassThrough());
    } finally {
      vi.useRealTimers();
    }
    const expected = readFileSync(`${DIR}local-reference/test-padded-dimensions.r0.txt`, 'utf8');
    expect(text).toBe(expected);
    const frames = expected.trim().split('\n').length;
    expect(frames).toBeGreaterThan(100);
    // One write per 16 KiB block (and the rest at the end), not one per frame.
    expect(writes).toBeLessThanOrEqual(Math.ceil(text.length / (16 * 1024)) + 1);
  });

  it('refuses bad options', async () => {
    for (const opts of [{ secondsPerHash: 'x' }, { secondsPerHash: '-1' }, { format: 'xml' }, { size: '4' }, { size: '1.5' }]) {
      expect((await run([VIDEO], opts)).error).toBeInstanceOf(CliError);
    }
  });

  it('without ffmpeg: exits 3 before any file, saying video hashing is unavailable and how to fix it', async () => {
    const saved = { path: process.env.PATH, ffmpeg: process.env.AMAAN_FFMPEG };
    delete process.env.AMAAN_FFMPEG;
    process.env.PATH = '/nonexistent-bin';
    try {
      const r = await run([VIDEO], {});
      expect(r.error).toBeInstanceOf(CliError);
      expect((r.error as CliError).exitCode).toBe(VIDEO_UNAVAILABLE_EXIT);
      expect((r.error as CliError).message).toMatch(/video hashing unavailable: no ffmpeg on PATH.*apt-get install ffmpeg.*AMAAN_FFMPEG/);
      expect(r.out).toBe('');
    } finally {
      process.env.PATH = saved.path;
      if (saved.ffmpeg === undefined) delete process.env.AMAAN_FFMPEG;
      else process.env.AMAAN_FFMPEG = saved.ffmpeg;
    }
  });
});
