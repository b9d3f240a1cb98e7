// Which ffmpeg binary to run. The npm package ships a static ffmpeg 4.x so a fresh machine
// needs nothing else; AMAAN_FFMPEG lets an operator point at a system build instead
// (never picked up implicitly from PATH, so results do not silently change per machine).
import { VideoDecodeError } from './errors.ts';

let cached: string | undefined;

export async function resolveFfmpegPath(): Promise<string> {
  const fromEnv = process.env.AMAAN_FFMPEG;
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  try {
    const mod = await import('@ffmpeg-installer/ffmpeg');
    cached = mod.default.path;
    return cached;
  } catch (err) {
    // The installer throws a plain string on unsupported platforms.
    throw new VideoDecodeError(
      'FFMPEG_NOT_FOUND',
      `no ffmpeg available (set AMAAN_FFMPEG): ${err instanceof Error ? err.message : String(err)}`,
      '',
      { cause: err },
    );
  }
}
