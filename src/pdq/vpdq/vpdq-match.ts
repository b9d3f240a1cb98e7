// Comparing two vPDQ video hashes. Frame order plays no part: a frame "matches" when some frame
// of the other video has a close PDQ hash, and each side reports the share of its frames matched.
// Two reference rules exist and give slightly different numbers, so both are offered:
//  * 'threatexchange' (python-threatexchange vpdq_brute_matcher.py, what HMA uses): drop repeated
//    hashes, then frames with quality < 50; match when distance <= 31. Declares a match when
//    query% >= 80 and compared% >= 0 (VPDQ_QUERY/INDEX_MATCH_THRESHOLD_PERCENT).
//  * 'cpp-brute' (vpdq/cpp match-hashes-brute): keeps repeated hashes, distance < 31 (strict).
import type { VpdqFeature } from './vpdq-format.ts';

export type VpdqMatchRule = 'threatexchange' | 'cpp-brute';

export interface VpdqMatchOptions {
  rule?: VpdqMatchRule;
  /** Distance parameter as the rule's tool takes it (<= for threatexchange, < for cpp-brute). Default 31. */
  distance?: number;
  /** Frames below this quality are ignored. Default 50. */
  quality?: number;
  /** Minimum query% to declare a match. Default 80. */
  queryThresholdPercent?: number;
  /** Minimum compared% to declare a match. Default 0. */
  comparedThresholdPercent?: number;
}

export interface VpdqMatchResult {
  /** Share (0-100) of the query's kept frames that have a close frame in the compared video. */
  queryPercent: number;
  /** Share (0-100) of the compared video's kept frames that have a close frame in the query. */
  comparedPercent: number;
  /** Frames left after de-duplication and the quality filter. */
  queryFrames: number;
  comparedFrames: number;
  isMatch: boolean;
}

/**
 * Hashes as one flat array of 8 words each, so the n x m brute-force loop runs over typed
 * memory; only the XOR popcount matters, so word order is irrelevant.
 */
function packHashes(hexes: readonly string[]): Uint32Array {
  const w = new Uint32Array(hexes.length * 8);
  hexes.forEach((hex, k) => {
    for (let i = 0; i < 8; i++) w[k * 8 + i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  });
  return w;
}

function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function prepare(features: readonly VpdqFeature[], rule: VpdqMatchRule, minQuality: number): Uint32Array {
  // threatexchange de-duplicates before the quality filter (vpdq_brute_matcher.py); the order
  // only matters for identical hashes with different qualities, kept faithful anyway.
  let list = features;
  if (rule === 'threatexchange') {
    const seen = new Set<string>();
    list = features.filter((f) => {
      const h = f.hash.toLowerCase();
      if (seen.has(h)) return false;
      seen.add(h);
      return true;
    });
  }
  return packHashes(list.filter((f) => f.quality >= minQuality).map((f) => f.hash));
}

/** How many hashes of `from` have at least one hash of `to` within `limit` bits. */
function countMatched(from: Uint32Array, to: Uint32Array, limit: number): number {
  let matched = 0;
  for (let a = 0; a < from.length; a += 8) {
    for (let b = 0; b < to.length; b += 8) {
      let d = 0;
      for (let i = 0; i < 8 && d <= limit; i++) d += popcount32(from[a + i] ^ to[b + i]);
      if (d <= limit) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

export function matchVpdq(
  query: readonly VpdqFeature[],
  compared: readonly VpdqFeature[],
  opts: VpdqMatchOptions = {},
): VpdqMatchResult {
  const rule = opts.rule ?? 'threatexchange';
  const d = opts.distance ?? 31;
  const limit = rule === 'cpp-brute' ? d - 1 : d;
  const q = prepare(query, rule, opts.quality ?? 50);
  const c = prepare(compared, rule, opts.quality ?? 50);
  // With nothing left on a side both tools give up: C++ reports 0%, Python divides by zero.
  // 0% on both sides (never a match) is the safe reading.
  const empty = q.length === 0 || c.length === 0;
  const qn = q.length / 8;
  const cn = c.length / 8;
  const queryPercent = empty ? 0 : (countMatched(q, c, limit) * 100) / qn;
  const comparedPercent = empty ? 0 : (countMatched(c, q, limit) * 100) / cn;
  const isMatch =
    !empty &&
    queryPercent >= (opts.queryThresholdPercent ?? 80) &&
    comparedPercent >= (opts.comparedThresholdPercent ?? 0);
  return { queryPercent, comparedPercent, queryFrames: qn, comparedFrames: cn, isMatch };
}
