// vPDQ: the PDQ hash of selected video frames (Meta's video extension of PDQ). Frames come from
// ffmpeg (frames.ts) as RGB24 at the video's own size or size x size, and each is hashed whole:
// unlike the photo path there is no 512x512 pre-shrink (reference pdqbufferhasher.cpp).
import { computePdqFromPixels, toHex } from '../pdq-hash.ts';
import { readVideoFrames, type FrameReadOptions } from './frames.ts';
import type { VpdqFeature } from './vpdq-format.ts';

export type { VpdqFeature } from './vpdq-format.ts';
export { formatVpdqFile, formatVpdqLine, parseVpdqFile, parseVpdqLine, VpdqParseError } from './vpdq-format.ts';
export { VideoDecodeError, type VideoDecodeErrorCode } from './errors.ts';

export interface HashVideoOptions extends FrameReadOptions {
  /** Called after each hashed frame, e.g. for a progress bar. */
  onFrame?: (feature: VpdqFeature) => void;
}

/** Minimum side PDQ can hash; the reference refuses smaller frames outright. */
const MIN_SIDE = 5;

/**
 * Hashes a video file. Resolves to one feature per selected frame, in frame order.
 * Rejects with VideoDecodeError for unreadable, corrupt or non-video input.
 */
export async function hashVideoFile(file: string, opts: HashVideoOptions = {}): Promise<VpdqFeature[]> {
  if (opts.size !== undefined && opts.size < MIN_SIDE) throw new RangeError(`size must be at least ${MIN_SIDE}`);
  const out: VpdqFeature[] = [];
  // Each frame is hashed before the next is read, so one pixel buffer serves them all.
  for await (const frame of readVideoFrames(file, { ...opts, reuseFrameBuffer: true })) {
    const { hash, quality } = computePdqFromPixels(frame.pixels, frame.width, frame.height, 3);
    const feature: VpdqFeature = { frame: frame.index, quality, hash: toHex(hash), timestamp: frame.timestamp };
    out.push(feature);
    opts.onFrame?.(feature);
  }
  return out;
}
