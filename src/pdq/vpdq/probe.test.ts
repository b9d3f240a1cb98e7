import { describe, expect, it } from 'vitest';
import { VideoDecodeError } from './errors.ts';
import { parseFfmpegInputDump, parseFfprobeStreams, parsePrintedRate, parseRational } from './probe.ts';

const header = (streams: string): string =>
  `ffmpeg version 4.4.2 Copyright (c) 2000-2021 the FFmpeg developers\nInput #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':\n  Duration: 00:00:04.33\n${streams}\nAt least one output file must be specified\n`;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof VideoDecodeError) return err.code;
    throw err;
  }
  return undefined;
}

describe('parseFfmpegInputDump', () => {
  it('reads size, avg_frame_rate and stream of an ffmpeg 4 line (codec tag is not a size)', () => {
    const info = parseFfmpegInputDump(
      header(
        '    Stream #0:0(eng): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp, 63 kb/s (default)\n' +
          '    Stream #0:1(eng): Video: h264 (Main) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 877 kb/s, 30 fps, 30 tbr, 15360 tbn, 60 tbc (default)',
      ),
      'x.mp4',
    );
    expect(info).toEqual({
      mapSpec: '0:1', width: 1280, height: 720, fps: 30, fpsSource: 'avg_frame_rate', ffmpegVersion: [4, 4],
    });
  });

  it('handles ffmpeg 6 stream ids, pixel formats with commas and NTSC rates', () => {
    const info = parseFfmpegInputDump(
      header(
        '  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(tv, bt709, progressive), 1920x1080 [SAR 1:1 DAR 16:9], 5000 kb/s, 29.97 fps, 29.97 tbr, 30k tbn (default)',
      ),
      'x.mp4',
    );
    expect(info.width).toBe(1920);
    expect(info.height).toBe(1080);
    expect(info.fps).toBe(30000 / 1001);
  });

  it('falls back to tbr (r_frame_rate) when no fps is printed, and skips cover art', () => {
    const info = parseFfmpegInputDump(
      header(
        '    Stream #0:0: Video: mjpeg, yuvj420p(pc), 600x600, 90k tbr, 90k tbn (attached pic)\n' +
          '    Stream #0:1: Video: vp9, yuv420p(tv), 640x360, 24 tbr, 1k tbn, 1k tbc (default)',
      ),
      'x.webm',
    );
    expect(info).toMatchObject({ mapSpec: '0:1', width: 640, height: 360, fps: 24, fpsSource: 'r_frame_rate' });
  });

  it('gives typed errors for non-media input and media without video', () => {
    expect(codeOf(() => parseFfmpegInputDump('x.txt: Invalid data found when processing input\n', 'x.txt'))).toBe('INVALID_DATA');
    expect(codeOf(() => parseFfmpegInputDump('x: Permission denied\n', 'x'))).toBe('UNREADABLE');
    expect(
      codeOf(() => parseFfmpegInputDump(header('    Stream #0:0: Audio: pcm_s16le, 8000 Hz, mono, s16, 128 kb/s'), 'a.wav')),
    ).toBe('NO_VIDEO_STREAM');
    expect(codeOf(() => parseFfmpegInputDump(header('    Stream #0:0: Video: h264, yuv420p, 30 fps'), 'v.mp4'))).toBe(
      'BAD_STREAM_INFO',
    );
  });
});

describe('parsePrintedRate', () => {
  it('keeps integers and plain decimals, snaps two-decimal NTSC rates to N*1000/1001', () => {
    expect(parsePrintedRate('25', '')).toBe(25);
    expect(parsePrintedRate('12.50', '')).toBe(12.5);
    expect(parsePrintedRate('23.98', '')).toBe(24000 / 1001);
    expect(parsePrintedRate('59.94', '')).toBe(60000 / 1001);
    expect(parsePrintedRate('1', 'k')).toBe(1000);
  });
});

describe('parseFfprobeStreams', () => {
  const json = (streams: unknown[]) => JSON.stringify({ streams });
  it('takes the first video stream that is not cover art, with its exact avg_frame_rate', () => {
    const info = parseFfprobeStreams(json([
      { index: 0, codec_type: 'audio' },
      { index: 1, codec_type: 'video', width: 600, height: 600, avg_frame_rate: '0/0', r_frame_rate: '90000/1', disposition: { attached_pic: 1 } },
      { index: 2, codec_type: 'video', width: 1280, height: 720, avg_frame_rate: '30000/1001', r_frame_rate: '30000/1001', disposition: { attached_pic: 0 } },
    ]), 'x.mp4');
    expect(info).toEqual({ mapSpec: '0:2', width: 1280, height: 720, fps: 30000 / 1001, fpsSource: 'avg_frame_rate' });
  });

  it('falls back to r_frame_rate, and gives typed errors for no video, no size or rate, and non-JSON', () => {
    expect(parseFfprobeStreams(json([{ index: 0, codec_type: 'video', width: 8, height: 6, avg_frame_rate: '0/0', r_frame_rate: '25/1' }]), 'x').fpsSource).toBe('r_frame_rate');
    expect(codeOf(() => parseFfprobeStreams(json([{ index: 0, codec_type: 'audio' }]), 'x'))).toBe('NO_VIDEO_STREAM');
    expect(codeOf(() => parseFfprobeStreams(json([{ index: 0, codec_type: 'video', width: 0, height: 6, avg_frame_rate: '25/1' }]), 'x'))).toBe('BAD_STREAM_INFO');
    expect(codeOf(() => parseFfprobeStreams(json([{ index: 0, codec_type: 'video', width: 8, height: 6, avg_frame_rate: '0/0', r_frame_rate: '0/0' }]), 'x'))).toBe('BAD_STREAM_INFO');
    expect(codeOf(() => parseFfprobeStreams('not json', 'x'))).toBe('INVALID_DATA');
    expect(parseRational('1/0')).toBe(0);
  });
});
