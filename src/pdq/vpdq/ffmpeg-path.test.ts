// Which ffmpeg decodes seized video: Debian's, found on PATH or named by AMAAN_FFMPEG / AMAAN_FFPROBE;
// none bundled. Without one, a typed FFMPEG_NOT_FOUND that tells the operator what to do.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../sandbox/which.ts';
import { VideoDecodeError } from './errors.ts';
import { resolveVideoTools } from './ffmpeg-path.ts';

const SYSTEM_FFMPEG = findExecutable('ffmpeg');
const SYSTEM_FFPROBE = findExecutable('ffprobe');
const tmp = mkdtempSync(join(tmpdir(), 'amaan-ffmpeg-path-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function notFound(env: NodeJS.ProcessEnv): VideoDecodeError {
  try {
    resolveVideoTools(env);
  } catch (err) {
    expect(err).toBeInstanceOf(VideoDecodeError);
    expect((err as VideoDecodeError).code).toBe('FFMPEG_NOT_FOUND');
    return err as VideoDecodeError;
  }
  throw new Error('expected FFMPEG_NOT_FOUND');
}

describe('video tools discovery', () => {
  it('no ffmpeg on PATH and none named: unavailable, with the fix in the message', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect(notFound({ PATH: empty }).message).toBe(
      "video hashing unavailable: no ffmpeg on PATH (install Debian's ffmpeg (apt-get install ffmpeg) or set AMAAN_FFMPEG to an ffmpeg binary)",
    );
  });

  it('AMAAN_FFMPEG naming something that is not an executable file is unavailable, not a fallback to PATH', () => {
    const notExec = join(tmp, 'ffmpeg.txt');
    writeFileSync(notExec, 'not a program');
    expect(notFound({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: notExec }).message).toContain(`AMAAN_FFMPEG=${notExec} is not an executable file`);
    expect(notFound({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: join(tmp, 'missing') }).message).toContain('is not an executable file');
  });

  it('an executable that is not a working ffmpeg is unavailable', () => {
    const fake = join(tmp, 'fake-ffmpeg');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(notFound({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: fake }).message).toMatch(/does not run/);
  });

  describe.runIf(SYSTEM_FFMPEG && SYSTEM_FFPROBE)('with Debian ffmpeg installed', () => {
    it('found on PATH, with the ffprobe beside it and its version', () => {
      const bin = join(tmp, 'bin');
      mkdirSync(bin);
      symlinkSync(SYSTEM_FFMPEG!, join(bin, 'ffmpeg'));
      symlinkSync(SYSTEM_FFPROBE!, join(bin, 'ffprobe'));
      const tools = resolveVideoTools({ PATH: `${join(tmp, 'empty')}:${bin}` });
      expect(tools.ffmpeg).toBe(join(bin, 'ffmpeg'));
      expect(tools.ffprobe).toBe(join(bin, 'ffprobe'));
      expect(tools.version?.[0]).toBeGreaterThanOrEqual(5);
    });

    it('AMAAN_FFMPEG and AMAAN_FFPROBE name the binaries (a bare name is looked up on PATH)', () => {
      const tools = resolveVideoTools({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: SYSTEM_FFMPEG!, AMAAN_FFPROBE: 'ffprobe' });
      expect(tools).toMatchObject({ ffmpeg: SYSTEM_FFMPEG, ffprobe: SYSTEM_FFPROBE });
      expect(notFound({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: SYSTEM_FFMPEG!, AMAAN_FFPROBE: join(tmp, 'nope') }).message).toContain('AMAAN_FFPROBE=');
    });

    it('an ffmpeg alone (no ffprobe beside it, none named) probes with ffmpeg -i', () => {
      const alone = join(tmp, 'alone');
      mkdirSync(alone);
      symlinkSync(SYSTEM_FFMPEG!, join(alone, 'ffmpeg'));
      expect(resolveVideoTools({ PATH: '/usr/bin:/bin', AMAAN_FFMPEG: join(alone, 'ffmpeg') }).ffprobe).toBeNull();
    });
  });
});
