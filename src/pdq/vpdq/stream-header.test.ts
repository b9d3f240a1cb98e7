// The stream facts of the one-run decode (every frame, -r 0) read from ffmpeg's own stderr: the pure parser on
// odd summaries, then real synthetic videos decoded both ways (one run, and ffprobe + ffmpeg) to the same frames.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../sandbox/which.ts';
import { VideoDecodeError } from './errors.ts';
import { frameTimestamp, readVideoFrames, type VideoFrame } from './frames.ts';
import { probeVideo } from './probe.ts';
import { parseStreamHeader, printFps, StreamHeaderReader } from './stream-header.ts';

/** stderr of `ffmpeg -v level+verbose` up to the output summary, around the given stream lines. */
function stderr(streams: string[], opts: { mapped?: string; fr?: string; output?: boolean } = {}): string {
  return [
    "[info] Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/evidence/input.mp4':",
    '[info]   Duration: 00:00:10.00, start: 0.000000, bitrate: 300 kb/s',
    ...streams.map((s) => `[info]   ${s}`),
    '[info] Stream mapping:',
    `[info]   Stream #${opts.mapped ?? '0:0'} -> #0:0 (h264 (native) -> ppm (native))`,
    '[Parsed_scale_0 @ 0x5644b43889c0] [verbose] w:iw h:ih flags:\'area\' interl:0',
    ...(opts.fr ? [`[graph 0 input from stream ${opts.mapped ?? '0:0'} @ 0x5644b470ecc0] [verbose] w:320 h:240 pixfmt:yuv420p tb:1/15360 fr:${opts.fr} sar:1/1`] : []),
    ...(opts.output === false ? [] : ["[info] Output #0, image2pipe, to 'pipe:':"]),
    '',
  ].join('\n');
}
const H264 = 'Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 320x240 [SAR 1:1 DAR 4:3], 300 kb/s';

function codeOf(h: ReturnType<typeof parseStreamHeader>): string {
  if (h.ok) return 'ok';
  return h.startOver ? 'start over' : h.error.code;
}

describe('printFps (libavformat dump.c print_fps)', () => {
  it('prints integers bare, others with two decimals, multiples of 1000 as k, tiny rates with four', () => {
    expect(printFps(30)).toBe('30');
    expect(printFps(30000 / 1001)).toBe('29.97');
    expect(printFps(24000 / 1001)).toBe('23.98');
    expect(printFps(12.5)).toBe('12.50');
    expect(printFps(90000)).toBe('90k');
    expect(printFps(1 / 1000)).toBe('0.0010');
    expect(printFps(29.998)).toBe('30'); // why the exact fraction is needed at all
  });
});

describe('parseStreamHeader', () => {
  it('constant rate: the exact fraction of the filter graph, since it prints as the summary\'s fps', () => {
    const h = parseStreamHeader(stderr([`${H264}, 30 fps, 30 tbr, 15360 tbn (default)`], { fr: '30/1' }), 'v.mp4', true);
    expect(h).toMatchObject({ ok: true, fps: 30, info: { mapSpec: '0:0', width: 320, height: 240, fpsSource: 'avg_frame_rate' } });
  });

  it('NTSC rate: 30000/1001 exactly, not the printed 29.97', () => {
    const h = parseStreamHeader(stderr([`${H264}, 29.97 fps, 29.97 tbr, 30k tbn (default)`], { fr: '30000/1001' }), 'v.mp4', true);
    expect(h.ok && h.fps).toBe(30000 / 1001);
  });

  it('variable rate (avg 26.90, guessed 30/1): no rate from the summary, the caller asks ffprobe', () => {
    const h = parseStreamHeader(stderr([`${H264}, 26.90 fps, 30 tbr, 15360 tbn (default)`], { fr: '30/1' }), 'v.mp4', true);
    expect(h).toMatchObject({ ok: true, fps: undefined });
  });

  it('no average rate (no "fps"): r_frame_rate, from tbr, as the reference falls back', () => {
    const h = parseStreamHeader(stderr([`${H264}, 25 tbr, 1200k tbn (default)`], { fr: '25/1' }), 'v.h264', true);
    expect(h).toMatchObject({ ok: true, fps: 25, info: { fpsSource: 'r_frame_rate' } });
  });

  it('no rate at all, or no size: the two-run path (ffprobe may know more)', () => {
    expect(codeOf(parseStreamHeader(stderr([`${H264}, 15360 tbn (default)`], { fr: '0/1' }), 'v.mp4', true))).toBe('start over');
    expect(codeOf(parseStreamHeader(stderr(['Stream #0:0: Video: h264, yuv420p, 30 fps, 30 tbr'], { fr: '30/1' }), 'v.mp4', true))).toBe('start over');
  });

  it('rotation metadata changes nothing: the stored size, as the reference hashes the stored picture', () => {
    const h = parseStreamHeader(stderr([
      'Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709), 1920x1080, 8000 kb/s, 30 fps, 30 tbr, 600 tbn (default)',
      '    Side data:',
      '      displaymatrix: rotation of -90.00 degrees',
    ], { fr: '30/1' }), 'v.mov', true);
    expect(h).toMatchObject({ ok: true, fps: 30, info: { width: 1920, height: 1080 } });
  });

  it('cover art first: the video stream is the second, and ffmpeg\'s -map 0:V:0 took it', () => {
    const streams = ['Stream #0:0: Video: mjpeg, yuvj420p(pc), 600x600, 90k tbr, 90k tbn (attached pic)', `Stream #0:1: Video: h264, yuv420p, 320x240, 30 fps, 30 tbr, 15360 tbn`];
    expect(parseStreamHeader(stderr(streams, { mapped: '0:1', fr: '30/1' }), 'v.mp4', true)).toMatchObject({ ok: true, info: { mapSpec: '0:1' } });
    // Had ffmpeg taken another stream than the reference would, the frames would be another stream's.
    expect(codeOf(parseStreamHeader(stderr(streams, { mapped: '0:0', fr: '30/1' }), 'v.mp4', true))).toBe('start over');
  });

  it('not media, no video, a decode that never started: typed errors', () => {
    expect(codeOf(parseStreamHeader('[error] file:/evidence/input.mp4: Invalid data found when processing input\n', 'x.mp4', false))).toBe('INVALID_DATA');
    expect(codeOf(parseStreamHeader('[error] file:/evidence/input.mp4: Permission denied\n', 'x.mp4', false))).toBe('UNREADABLE');
    expect(codeOf(parseStreamHeader(stderr(['Stream #0:0: Audio: pcm_s16le, 8000 Hz, mono, s16, 128 kb/s'], { output: false }), 'a.wav', false))).toBe('NO_VIDEO_STREAM');
    const h = parseStreamHeader(`${stderr([`${H264}, 30 fps, 30 tbr, 15360 tbn`], { output: false })}[h264 @ 0x55] [error] no frame!\n`, 'v.mp4', false);
    expect(h.ok === false && !h.startOver && h.error).toBeInstanceOf(VideoDecodeError);
    expect(codeOf(h)).toBe('DECODE_FAILED');
  });

  it('the reader settles at the output summary, whatever the pieces, and keeps the error lines as warnings', async () => {
    const r = new StreamHeaderReader('v.mp4');
    const text = `[h264 @ 0x55d] [error] concealing 12 DC errors\n${stderr([`${H264}, 30 fps, 30 tbr, 15360 tbn`], { fr: '30/1' })}`;
    for (let i = 0; i < text.length; i += 7) r.push(text.slice(i, i + 7));
    await expect(r.done).resolves.toMatchObject({ ok: true, fps: 30 });
    r.push('[error] late error\n');
    r.end();
    expect(r.errors()).toBe('[h264 @ 0x55d] concealing 12 DC errors\nlate error');
  });
});

const FFMPEG = findExecutable('ffmpeg');
const tmp = mkdtempSync(join(tmpdir(), 'amaan-stream-header-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function frames(file: string, secondsPerHash: number): Promise<VideoFrame[]> {
  const out: VideoFrame[] = [];
  for await (const f of readVideoFrames(file, { secondsPerHash })) out.push(f);
  return out;
}

describe.runIf(FFMPEG)('one run against ffprobe + ffmpeg on synthetic videos', () => {
  const make = (name: string, args: string[]): string => {
    const file = join(tmp, name);
    execFileSync(FFMPEG!, ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=30', '-t', '1', ...args, file]);
    return file;
  };

  it.each([
    ['constant 30 fps (mp4)', 'cfr.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
    ['NTSC 30000/1001 (mp4)', 'ntsc.mp4', ['-r', '30000/1001', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
    ['variable rate: avg 780/29, r 30/1 (mp4)', 'vfr.mp4', ['-vf', 'setpts=(N+floor(N/3)*0.5)/30/TB', '-fps_mode', 'passthrough', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
    ['raw H.264 elementary stream', 'raw.h264', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']],
    ['odd size, VP8 in WebM', 'odd.webm', ['-vf', 'scale=63:47', '-c:v', 'libvpx']],
  ])('%s: the same frames, pixels and timestamps (float32 index / ffprobe\'s rate)', async (_what, name, args) => {
    const file = make(name, args);
    const [one, probe] = [await frames(file, 0), await probeVideo(file)];
    expect(one.length).toBeGreaterThan(20);
    expect(one.map((f) => f.index)).toEqual([...one.keys()]);
    expect(one.map((f) => f.timestamp)).toEqual(one.map((f) => frameTimestamp(f.index, probe.fps)));
    expect([one[0]!.width, one[0]!.height]).toEqual([probe.width, probe.height]);
    // The two-run path (a selection of every frame: 1e-9 s per hash gives step 1) decodes the same pixels.
    const two = await frames(file, 1e-9);
    expect(two.length).toBe(one.length);
    for (const [i, f] of two.entries()) expect(f.pixels.equals(one[i]!.pixels), `frame ${i}`).toBe(true);
  });

  it('an AMAAN_FFMPEG that is not ffmpeg: FFMPEG_NOT_FOUND (the skipped version check runs then), not "not media"', async () => {
    const fake = join(tmp, 'fake-bin', 'ffmpeg');
    mkdirSync(join(tmp, 'fake-bin'));
    writeFileSync(fake, '#!/bin/sh\necho "this is not ffmpeg" >&2\nexit 1\n', { mode: 0o755 });
    const saved = process.env.AMAAN_FFMPEG;
    process.env.AMAAN_FFMPEG = fake;
    try {
      await expect(frames(make('any.mp4', ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), 0)).rejects.toMatchObject({ code: 'FFMPEG_NOT_FOUND' });
    } finally {
      if (saved === undefined) delete process.env.AMAAN_FFMPEG;
      else process.env.AMAAN_FFMPEG = saved;
    }
  });

  it('a non-video and a text file: the same typed errors as before', async () => {
    const txt = join(tmp, 'notes.mp4');
    writeFileSync(txt, 'not a video at all\n'.repeat(100));
    await expect(frames(txt, 0)).rejects.toMatchObject({ code: 'INVALID_DATA' });
    const png = join(tmp, 'still.png');
    execFileSync(FFMPEG!, ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x48', '-frames:v', '1', png]);
    // A still picture decodes as a one-frame video (ffmpeg's image2 demuxer), as it did through ffprobe.
    const still = await frames(png, 0);
    expect(still.length).toBe(1);
  });
});
