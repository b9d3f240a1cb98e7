// The vPDQ text format of the reference tools (vpdq-hash-video output, sample-hashes files):
// one line per hashed frame, "FRAME,QUALITY,HASH,TIMESTAMP", timestamp in seconds with 3 decimals.
import { formatFixed } from './fixed-decimal.ts';

export interface VpdqFeature {
  /** 0-based index of the frame in the video. */
  frame: number;
  /** PDQ quality 0-100; below 50 the hash is not trusted for matching. */
  quality: number;
  /** PDQ hash, 64 lowercase hex characters. */
  hash: string;
  /** Seconds from the start of the video. */
  timestamp: number;
}

export class VpdqParseError extends Error {
  override readonly name = 'VpdqParseError';
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

const HEX64 = /^[0-9a-fA-F]{64}$/;
const UINT = /^\d+$/;

export function formatVpdqLine(f: VpdqFeature): string {
  return `${f.frame},${f.quality},${f.hash},${formatFixed(f.timestamp, 3)}`;
}

/** One line per feature, each ending in "\n" (as the reference writes them). */
export function formatVpdqFile(features: readonly VpdqFeature[]): string {
  return features.map((f) => `${formatVpdqLine(f)}\n`).join('');
}

export function parseVpdqLine(text: string, lineNo = 1): VpdqFeature {
  const parts = text.trim().split(',');
  if (parts.length !== 4) throw new VpdqParseError(lineNo, `expected 4 comma-separated fields, got ${parts.length}`);
  const [frame, quality, hash, timestamp] = parts;
  if (!UINT.test(frame)) throw new VpdqParseError(lineNo, `bad frame number "${frame}"`);
  if (!UINT.test(quality) || Number(quality) > 100) throw new VpdqParseError(lineNo, `bad quality "${quality}"`);
  if (!HEX64.test(hash)) throw new VpdqParseError(lineNo, 'hash is not 64 hex characters');
  const ts = Number(timestamp);
  if (timestamp === '' || !Number.isFinite(ts) || ts < 0) throw new VpdqParseError(lineNo, `bad timestamp "${timestamp}"`);
  return { frame: Number(frame), quality: Number(quality), hash: hash.toLowerCase(), timestamp: ts };
}

/** Parses a whole file; blank lines are skipped, CRLF is accepted. */
export function parseVpdqFile(text: string): VpdqFeature[] {
  const out: VpdqFeature[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() !== '') out.push(parseVpdqLine(line, i + 1));
  });
  return out;
}
