import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VideoDecodeError } from './errors.ts';
import { buildDecodeArgs, buildOneRunArgs, frameStep, oneRunSelectable, frameTimestamp, readVideoFrames, type FrameReadOptions, type VideoFrame } from './frames.ts';
import { testdataPath } from '../testdata.ts';
import { liveDescendants } from '../sandbox/process-tree.ts';
import { findExecutable } from '../sandbox/which.ts';

const VIDEOS = testdataPath('vpdq/videos/');
const DOORKNOB = `${VIDEOS}doorknob-hd-no-bar.mp4`; // 1280x720, 30 fps, 120 frames
const tmp = mkdtempSync(join(tmpdir(), 'amaan-vpdq-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(file: string, opts: FrameReadOptions): Promise<VideoFrame[]> {
  const out: VideoFrame[] = [];
  for await (const f of readVideoFrames(file, opts)) out.push(f);
  return out;
}

async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof VideoDecodeError) return err.code;
    throw err;
  }
  return 'no error';
}

/** Live ffmpeg processes below this one (through the limits wrapper and bwrap). */
const ffmpegChildren = (): number => liveDescendants('ffmpeg').length;

/** A valid 8 kHz mono 16-bit WAV of silence: a media file with no video. */
function wav(samples: number): Buffer {
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVEfmt ', 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

/**
 * The shipped video with its frame data (the payload of its mdat box) overwritten by fixed pseudo-random
 * bytes; the boxes before it (ftyp, moov: the index) stay intact. An earlier version garbled from byte
 * 5000, which cut into the end of the moov box (ftyp 32 + moov 5685 bytes): ffmpeg 4 still read that
 * index, ffmpeg 5.1 rejects it ("Invalid sample size") as INVALID_DATA, so the test measured the demuxer's
 * tolerance rather than "frame data is garbage". A damaged moov has its own test (malformed corpus).
 */
function garbled(): Buffer {
  const b = Buffer.from(readFileSync(DOORKNOB));
  let at = 0;
  while (b.toString('latin1', at + 4, at + 8) !== 'mdat') at += b.readUInt32BE(at);
  let s = 12345;
  for (let i = at + 8; i < b.length - 5000; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

describe('frame selection (reference rule)', () => {
  it('step = max(1, trunc(secondsPerHash * fps))', () => {
    expect(frameStep(1, 30)).toBe(30);
    expect(frameStep(0, 30)).toBe(1);
    expect(frameStep(1, 30000 / 1001)).toBe(29);
    expect(frameStep(0.5, 25)).toBe(12);
    expect(frameStep(1, 0.5)).toBe(1);
  });

  it('timestamps are float32 index / fps', () => {
    expect(frameTimestamp(30, 30)).toBe(1);
    expect(frameTimestamp(1, 30)).toBe(Math.fround(1 / 30));
  });

  it('filters out unselected frames inside ffmpeg, asks for passthrough timing', () => {
    const info = { mapSpec: '0:0', width: 8, height: 6, fps: 30, fpsSource: 'avg_frame_rate' as const, ffmpegVersion: null };
    const args = buildDecodeArgs('a.mp4', info, 8, 6, 30);
    expect(args.join(' ')).toContain('-vf select=not(mod(n\\,30)),scale=8:6:flags=area:in_color_matrix=bt601,format=rgb24');
    expect(args).toContain('-vsync');
    expect(args.slice(-3)).toEqual(['-f', 'rawvideo', 'pipe:1']);
    expect(buildDecodeArgs('a.mp4', { ...info, ffmpegVersion: [6, 1] }, 8, 6, 1)).toContain('-fps_mode');
  });
});

describe('one ffmpeg run with a selection (no ffprobe)', () => {
  it('marks the unselected frames by the graph\'s frame rate and drops them, before scaling', () => {
    const vf = (sph: number): string => { const a = buildOneRunArgs('a.mp4', undefined, [5, 1], { secondsPerHash: sph }); return a[a.indexOf('-vf') + 1]!; };
    expect(vf(1)).toBe('setpts=if(mod(N\\,max(1\\,trunc(1*FRAME_RATE)))\\,-1\\,N),select=gte(pts\\,0),scale=iw:ih:flags=area:in_color_matrix=bt601,format=rgb24');
    expect(vf(0.25)).toContain('trunc(0.25*FRAME_RATE)');
    expect(vf(0)).toBe('scale=iw:ih:flags=area:in_color_matrix=bt601,format=rgb24');
    // A number JavaScript prints with an exponent is not handed to ffmpeg's parser: the two-run path takes it.
    expect(oneRunSelectable(1e-7)).toBe(false);
    expect(oneRunSelectable(0.5)).toBe(true);
    expect(() => buildOneRunArgs('a.mp4', undefined, [5, 1], { secondsPerHash: 1e-7 })).toThrow(RangeError);
  });

  it('gives the frames the two-run path gave, with no ffprobe run at all', async () => {
    // An ffprobe that fails: the two-run path (ffprobe, then ffmpeg) cannot get past it.
    const dir = join(tmp, 'failing-ffprobe');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ffprobe'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(dir, 'ffprobe'), 0o755);
    const all = await collect(DOORKNOB, { secondsPerHash: 0 });
    const saved = process.env.AMAAN_FFPROBE;
    process.env.AMAAN_FFPROBE = join(dir, 'ffprobe');
    try {
      const sampled = await collect(DOORKNOB, { secondsPerHash: 1 });
      expect(sampled.map((f) => [f.index, f.timestamp])).toEqual([[0, 0], [30, 1], [60, 2], [90, 3]]);
      for (const f of sampled) expect(f.pixels.equals(all[f.index].pixels)).toBe(true);
      const half = await collect(DOORKNOB, { secondsPerHash: 0.5 });
      expect(half.map((f) => f.index)).toEqual([0, 15, 30, 45, 60, 75, 90, 105]);
      const scaled = await collect(`${VIDEOS}pattern-sd-grey-bar.mp4`, { secondsPerHash: 2, size: 64 });
      expect(scaled.map((f) => f.index)).toEqual([0, 60, 120, 180]);
    } finally {
      if (saved === undefined) delete process.env.AMAAN_FFPROBE;
      else process.env.AMAAN_FFPROBE = saved;
    }
  });
});

describe('readVideoFrames', () => {
  it('streams every frame at native size, then a 1 fps selection with identical pixels', async () => {
    const all = await collect(DOORKNOB, { secondsPerHash: 0 });
    expect(all.length).toBe(120);
    expect(all.map((f) => f.index)).toEqual([...Array(120).keys()]);
    expect(all[0]).toMatchObject({ width: 1280, height: 720 });
    expect(all[0].pixels.length).toBe(1280 * 720 * 3);
    const sampled = await collect(DOORKNOB, { secondsPerHash: 1 });
    expect(sampled.map((f) => [f.index, f.timestamp])).toEqual([[0, 0], [30, 1], [60, 2], [90, 3]]);
    for (const f of sampled) expect(f.pixels.equals(all[f.index].pixels)).toBe(true);
  });

  it('scales to size x size', async () => {
    const frames = await collect(`${VIDEOS}pattern-sd-grey-bar.mp4`, { secondsPerHash: 2, size: 64 });
    expect(frames.map((f) => f.index)).toEqual([0, 60, 120, 180]);
    expect(frames[0]).toMatchObject({ width: 64, height: 64 });
    expect(frames[0].pixels.length).toBe(64 * 64 * 3);
  });

  it('stops ffmpeg when the consumer stops early', async () => {
    for await (const f of readVideoFrames(DOORKNOB, { secondsPerHash: 0 })) {
      expect(f.index).toBe(0);
      expect(ffmpegChildren()).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(ffmpegChildren()).toBe(0);
  });

  it('honours an AbortSignal and a timeout with typed errors', async () => {
    const ac = new AbortController();
    const aborted = (async () => {
      for await (const f of readVideoFrames(DOORKNOB, { secondsPerHash: 0, signal: ac.signal })) {
        if (f.index === 2) ac.abort();
      }
    })();
    expect(await errorCode(aborted)).toBe('ABORTED');
    expect(await errorCode(collect(DOORKNOB, { secondsPerHash: 0, timeoutMs: 1 }))).toBe('TIMEOUT');
  });

  it('rejects bad options', async () => {
    await expect(collect(DOORKNOB, { secondsPerHash: -1 })).rejects.toThrow(RangeError);
    await expect(collect(DOORKNOB, { size: 0 })).rejects.toThrow(RangeError);
  });
});

describe('bad input gives VideoDecodeError with a code', () => {
  it('missing file and directory', async () => {
    expect(await errorCode(collect(join(tmp, 'missing.mp4'), {}))).toBe('NOT_FOUND');
    expect(await errorCode(collect(tmp, {}))).toBe('NOT_FOUND');
  });

  it('a text file named .mp4 is not media', async () => {
    const p = join(tmp, 'notes.mp4');
    writeFileSync(p, 'these are case notes, not a video\n');
    expect(await errorCode(collect(p, {}))).toBe('INVALID_DATA');
  });

  it('an audio file has no video stream', async () => {
    const p = join(tmp, 'silence.wav');
    writeFileSync(p, wav(8000));
    expect(await errorCode(collect(p, {}))).toBe('NO_VIDEO_STREAM');
  });

  it('a video whose frame data is garbage fails to decode', async () => {
    const p = join(tmp, 'garbled.mp4');
    writeFileSync(p, garbled());
    expect(await errorCode(collect(p, { secondsPerHash: 0 }))).toBe('DECODE_FAILED');
  });

  it('a truncated video: the decodable frames plus a warning, or DECODE_FAILED when strict', async () => {
    const p = join(tmp, 'truncated.mp4');
    writeFileSync(p, readFileSync(DOORKNOB).subarray(0, 100_000));
    const warnings: string[] = [];
    const frames = await collect(p, { secondsPerHash: 0, onDecodeWarning: (m) => warnings.push(m) });
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(120);
    expect(warnings.length).toBe(1);
    expect(await errorCode(collect(p, { secondsPerHash: 0, strict: true }))).toBe('DECODE_FAILED');
  });

  it('an AMAAN_FFMPEG outside the system folders is bound into the sandbox and gives the same frames', async () => {
    const system = findExecutable('ffmpeg');
    if (!system) return;
    const dir = join(tmp, 'opt-bin');
    mkdirSync(dir);
    copyFileSync(system, join(dir, 'ffmpeg'));
    chmodSync(join(dir, 'ffmpeg'), 0o755);
    const saved = process.env.AMAAN_FFMPEG;
    process.env.AMAAN_FFMPEG = join(dir, 'ffmpeg');
    try {
      const frames = await collect(DOORKNOB, { secondsPerHash: 2 });
      expect(frames.map((f) => f.index)).toEqual([0, 60]);
    } finally {
      if (saved === undefined) delete process.env.AMAAN_FFMPEG;
      else process.env.AMAAN_FFMPEG = saved;
    }
  });

  it('a missing ffmpeg binary', async () => {
    const saved = process.env.AMAAN_FFMPEG;
    process.env.AMAAN_FFMPEG = join(tmp, 'no-such-ffmpeg');
    try {
      expect(await errorCode(collect(DOORKNOB, {}))).toBe('FFMPEG_NOT_FOUND');
    } finally {
      if (saved === undefined) delete process.env.AMAAN_FFMPEG;
      else process.env.AMAAN_FFMPEG = saved;
    }
  });
});

describe('where the frames are read from', () => {
  it('without a socket (no writable temporary folder) the pipe gives the same frames', async () => {
    const video = `${VIDEOS}test-padded-dimensions.mp4`;
    const viaSocket = await collect(video, { secondsPerHash: 0, size: 32 });
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(tmp, 'no-such-folder');
    try {
      const viaPipe = await collect(video, { secondsPerHash: 0, size: 32 });
      expect(viaPipe.length).toBe(viaSocket.length);
      expect(viaPipe.length).toBeGreaterThan(100);
      viaPipe.forEach((f, i) => {
        expect(f.index).toBe(viaSocket[i]!.index);
        expect(f.pixels.equals(viaSocket[i]!.pixels)).toBe(true);
      });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
