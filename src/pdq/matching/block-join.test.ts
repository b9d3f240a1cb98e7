// The block join must return exactly the exhaustive result: every (query, entry) pair within the threshold, with its
// distance, once, and nothing else; on random and planted data (near-duplicates at 31 and 32 bits, spread so that
// every block but one is just outside its radius), duplicate hashes on either side, on one thread and on workers.
import { describe, expect, it } from 'vitest';
import { type Block, ballSize, blockPlan, buildBlockJoin, joinBatch, joinRange } from './block-join.ts';
import { bruteForceSearch } from './brute-force.ts';
import { WORDS_PER_HASH } from './hex.ts';
import { flipBits, prng, randomHashes } from './test-helpers.ts';

const W = WORDS_PER_HASH;

/** The oracle's pairs as sorted "query:entry:distance" strings. */
function oracle(set: Uint32Array, queries: Uint32Array, t: number): string[] {
  const out: string[] = [];
  for (let q = 0; q * W < queries.length; q++) {
    for (const m of bruteForceSearch(set, queries.subarray(q * W, (q + 1) * W), t)) out.push(`${q}:${m.index}:${m.distance}`);
  }
  return out.sort();
}

function asStrings(triples: Uint32Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < triples.length; i += 3) out.push(`${triples[i]}:${triples[i + 1]}:${triples[i + 2]}`);
  return out.sort();
}

function concat(...parts: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A copy of hash i of `packed` with `counts[b]` bits flipped inside block b of `plan` (distinct bits). */
function flipInBlocks(packed: Uint32Array, i: number, plan: Block[], counts: number[], rnd: () => number): Uint32Array {
  const h = packed.slice(i * W, (i + 1) * W);
  plan.forEach((b, k) => {
    const bits = Array.from({ length: b.width }, (_, j) => b.start + j);
    for (let j = 0; j < counts[k]!; j++) {
      const pick = j + (rnd() % (bits.length - j));
      [bits[j], bits[pick]] = [bits[pick]!, bits[j]!];
      h[bits[j]! >>> 5] ^= 1 << (bits[j]! & 31);
    }
  });
  return h;
}

/** Set and queries: random hashes, near-duplicates at 0-33 bits, copies on both sides, worst-case spreads. */
function fixture(seed: number, t: number) {
  const rnd = prng(seed);
  const plan = blockPlan(t);
  const base = randomHashes(2_000, rnd);
  const extraSet: Uint32Array[] = [];
  for (let i = 0; i < 5; i++) extraSet.push(base.slice(11 * W, 12 * W)); // entry 11 six times in the set
  const set = concat(base, ...extraSet);
  const n = set.length / W;
  const qs: Uint32Array[] = [randomHashes(300, rnd)];
  for (let k = 0; k <= 33; k++) qs.push(flipBits(set, (rnd() >>> 0) % n, k, rnd)); // every distance 0..33
  for (const k of [t - 1, t, t, t + 1, t + 1]) if (k >= 0) qs.push(flipBits(set, (rnd() >>> 0) % n, k, rnd));
  for (let i = 0; i < 4; i++) qs.push(set.slice(11 * W, 12 * W), flipBits(set, 11, 9, rnd)); // copies of a repeated entry
  // Worst cases for the pigeonhole: every block one bit outside its radius except block j, which is at its radius
  // (distance t: must be found, only through block j), and all blocks outside (distance >= t + 1: never found).
  const outside = plan.map((b) => Math.min(b.width, b.radius + 1));
  const spread = outside.reduce((s, c) => s + c, 0);
  for (let j = 0; j < plan.length; j++) {
    const counts = outside.slice();
    counts[j] = plan[j]!.radius;
    // Trim the other blocks down so that the total is exactly t (they stay outside or at their radius... at most
    // their radius + 1, so only block j and blocks trimmed below radius + 1 can hold the pair).
    let excess = counts.reduce((s, c) => s + c, 0) - t;
    for (let k = plan.length - 1; k >= 0 && excess > 0; k--) if (k !== j && counts[k]! > 0) { counts[k]!--; excess--; }
    qs.push(flipInBlocks(set, (rnd() >>> 0) % n, plan, counts, rnd));
  }
  if (spread > t) qs.push(flipInBlocks(set, (rnd() >>> 0) % n, plan, outside, rnd));
  const queries = concat(...qs);
  return { set, queries };
}

describe('block join: exact against the exhaustive scan', () => {
  it('plans blocks of at most 24 bits, disjoint, whose radii cover the threshold', () => {
    for (const t of [0, 1, 10, 31, 32, 45, 64]) {
      const plan = blockPlan(t);
      expect(plan.reduce((s, b) => s + b.radius + 1, 0)).toBeGreaterThan(t);
      for (let i = 0; i < plan.length; i++) {
        expect(plan[i]!.width).toBeLessThanOrEqual(24);
        if (i) expect(plan[i]!.start).toBeGreaterThanOrEqual(plan[i - 1]!.start + plan[i - 1]!.width);
      }
      expect(plan.at(-1)!.start + plan.at(-1)!.width).toBeLessThanOrEqual(256);
    }
    // t = 31: 10 blocks at radius 2 and one at 1, 2,843 probes per file (the arithmetic in block-join.ts).
    const p31 = blockPlan(31);
    expect(p31.map((b) => b.radius)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
    expect(p31.reduce((s, b) => s + ballSize(b.width, b.radius), 0)).toBe(2_843);
  });

  it('refuses a plan that does not cover the threshold', () => {
    expect(() => buildBlockJoin(randomHashes(4, prng(1)), 31, { plan: blockPlan(31).slice(1) })).toThrow(/not exact/);
  });

  for (const t of [31, 0, 8, 40]) {
    it(`finds exactly the pairs within ${t}, on one thread`, () => {
      const { set, queries } = fixture(100 + t, t);
      const want = oracle(set, queries, t);
      expect(want.length).toBeGreaterThan(20); // planted pairs are there to be found
      const got = asStrings(joinRange(buildBlockJoin(set, t, { shared: false }), queries, 0, queries.length / W));
      expect(got).toEqual(want);
    });
  }

  it('finds the pairs at distance 31 spread to the pigeonhole limit, and none at 32', () => {
    const t = 31;
    const { set, queries } = fixture(7, t);
    const got = asStrings(joinRange(buildBlockJoin(set, t), queries, 0, queries.length / W));
    expect(got.filter((s) => s.endsWith(':31')).length).toBeGreaterThanOrEqual(13); // 2 planted + 11 spreads
    expect(got.some((s) => s.endsWith(':32'))).toBe(false);
  });

  it('gives the same result on worker threads, sorted by query, distance and entry', async () => {
    const t = 31;
    const { set, queries } = fixture(3, t);
    const ix = buildBlockJoin(set, t);
    const got = await joinBatch(ix, queries, { threads: 2, minParallel: 0 });
    expect(asStrings(got)).toEqual(oracle(set, queries, t));
    for (let i = 3; i < got.length; i += 3) {
      const order = got[i - 3]! - got[i]! || got[i - 1]! - got[i + 2]! || got[i - 2]! - got[i + 1]!;
      expect(order).toBeLessThan(0);
    }
  });

  it('joins an empty set or no queries to nothing', async () => {
    const ix = buildBlockJoin(new Uint32Array(0), 31);
    expect((await joinBatch(ix, randomHashes(10, prng(2)))).length).toBe(0);
    expect((await joinBatch(buildBlockJoin(randomHashes(10, prng(2)), 31), new Uint32Array(0))).length).toBe(0);
  });
});
