import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PDQ_MIN_DIM, bitCount, computePdqFromPixels, fromHex, fromWords32, hammingDistance, shrinkTo512Nearest, toHex, toWords32,
} from './pdq-hash.ts';
import { DIHEDRAL_NAMES, type DihedralName } from './dct.ts';

const hashArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => new Uint16Array(b.buffer));

/** Deterministic test picture: smooth gradients plus a few edges, RGB. */
function picture(w: number, h: number, channels: 1 | 3 | 4 = 3, seed = 1): Uint8Array {
  const px = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * channels;
      const v = (x * 255) / w, u = (y * 255) / h;
      const edge = ((x >> 4) + (y >> 5) + seed) % 3 === 0 ? 60 : 0;
      px[o] = Math.min(255, v + edge);
      if (channels >= 3) {
        px[o + 1] = Math.min(255, u + edge / 2);
        px[o + 2] = (x * y + seed * 37) % 256;
      }
      if (channels === 4) px[o + 3] = (x * 7) % 256;
    }
  }
  return px;
}

function naiveDistance(a: Uint16Array, b: Uint16Array): number {
  let d = 0;
  for (let k = 0; k < 256; k++) if (((a[k >> 4] >> (k & 15)) & 1) !== ((b[k >> 4] >> (k & 15)) & 1)) d++;
  return d;
}

describe('hex form', () => {
  it('round-trips any hash', () => {
    fc.assert(fc.property(hashArb, (h) => {
      const hex = toHex(h);
      expect(hex).toMatch(/^[0-9a-f]{64}$/);
      expect(Array.from(fromHex(hex))).toEqual(Array.from(h));
    }));
  });

  it('prints word 15 first: bit 255 is the top bit of the first character, bit 0 the last', () => {
    const h = new Uint16Array(16);
    h[15] = 0x8000;
    h[0] = 0x0001;
    expect(toHex(h)).toBe(`8${'0'.repeat(62)}1`);
    expect(fromHex(`${'0'.repeat(60)}abcd`)[0]).toBe(0xabcd);
  });

  it('accepts upper case and refuses anything but 64 hex characters', () => {
    expect(toHex(fromHex('AB'.repeat(32)))).toBe('ab'.repeat(32));
    for (const bad of ['', 'ab'.repeat(31), 'ab'.repeat(33), `${'a'.repeat(63)}g`, ` ${'a'.repeat(63)}`]) {
      expect(() => fromHex(bad)).toThrow(/invalid PDQ hash.*64 hexadecimal/);
    }
    expect(() => fromHex(42 as unknown as string)).toThrow(TypeError);
    expect(() => toHex(new Uint16Array(8))).toThrow(TypeError);
  });
});

describe('Hamming distance', () => {
  it('equals a bit-by-bit count, is symmetric, 0 on itself', () => {
    fc.assert(fc.property(hashArb, hashArb, (a, b) => {
      expect(hammingDistance(a, b)).toBe(naiveDistance(a, b));
      expect(hammingDistance(b, a)).toBe(hammingDistance(a, b));
      expect(hammingDistance(a, a)).toBe(0);
    }));
  });

  it('counts all 256 bits', () => {
    const zero = new Uint16Array(16), ones = new Uint16Array(16).fill(0xffff);
    expect(hammingDistance(zero, ones)).toBe(256);
    expect(bitCount(ones)).toBe(256);
  });

  it('32-bit word view round-trips and keeps bit positions', () => {
    fc.assert(fc.property(hashArb, (h) => {
      const w = toWords32(h);
      expect(Array.from(fromWords32(w))).toEqual(Array.from(h));
      for (let k = 0; k < 256; k += 17) expect((w[k >> 5] >>> (k & 31)) & 1).toBe((h[k >> 4] >> (k & 15)) & 1);
    }));
  });
});

describe('computePdqFromPixels', () => {
  it('gives a balanced hash (128 bits set) and full quality on a detailed picture', () => {
    const r = computePdqFromPixels(picture(300, 200), 300, 200, 3);
    expect(bitCount(r.hash)).toBe(128);
    expect(r.quality).toBe(100);
  });

  it('returns the all-zero hash and quality 0 below 5 pixels on a side', () => {
    for (const [w, h] of [[4, 4], [4, 100], [100, 4], [0, 0]]) {
      const r = computePdqFromPixels(picture(w, h), w, h, 3, { dihedral: true });
      expect(toHex(r.hash)).toBe('0'.repeat(64));
      expect(r.quality).toBe(0);
      for (const n of DIHEDRAL_NAMES) expect(bitCount(r.dihedral![n])).toBe(0);
    }
    const r5 = computePdqFromPixels(picture(PDQ_MIN_DIM, PDQ_MIN_DIM), 5, 5, 3);
    expect(bitCount(r5.hash)).toBeGreaterThan(0);
  });

  it('ignores a 4th (alpha) channel', () => {
    const w = 120, h = 90, rgba = picture(w, h, 4), rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) rgb.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
    const a = computePdqFromPixels(rgba, w, h, 4), b = computePdqFromPixels(rgb, w, h, 3);
    expect(toHex(a.hash)).toBe(toHex(b.hash));
    expect(a.quality).toBe(b.quality);
  });

  it('is deterministic across calls of different sizes (reused scratch buffers)', () => {
    const sizes: [number, number][] = [[512, 512], [37, 61], [64, 64], [1000, 40], [2100, 2100], [512, 512]]; // 2100² is not kept
    const first = sizes.map(([w, h]) => toHex(computePdqFromPixels(picture(w, h, 3, w), w, h, 3).hash));
    const again = [...sizes].reverse().map(([w, h]) => toHex(computePdqFromPixels(picture(w, h, 3, w), w, h, 3).hash)).reverse();
    expect(again).toEqual(first);
  });

  it('dihedral variants track real rotations and flips of the picture', () => {
    // A smooth picture: PDQ is not exactly rotation-invariant (the decimation grid is not symmetric), so each
    // variant must be the nearest of the 8 to the hash of the really transformed picture, not identical.
    const w = 256, h = 256, px = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        px[y * w + x] = Math.round(127 + 60 * Math.sin(x / 23) * Math.cos(y / 41) + 50 * Math.sin((x + 2 * y) / 30));
      }
    }
    const r = computePdqFromPixels(px, w, h, 1, { dihedral: true });
    const transformed: Record<Exclude<DihedralName, 'orig'>, (x: number, y: number) => number> = {
      rot90: (x, y) => px[x * w + (w - 1 - y)], // turned 90 degrees counter-clockwise
      rot180: (x, y) => px[(h - 1 - y) * w + (w - 1 - x)],
      rot270: (x, y) => px[(h - 1 - x) * w + y],
      flipx: (x, y) => px[(h - 1 - y) * w + x], // upside down
      flipy: (x, y) => px[y * w + (w - 1 - x)], // left-right mirror
      flipp: (x, y) => px[x * w + y], // transpose
      flipm: (x, y) => px[(h - 1 - x) * w + (w - 1 - y)], // anti-transpose
    };
    for (const [name, at] of Object.entries(transformed)) {
      const t = new Uint8Array(w * h);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) t[y * w + x] = at(x, y);
      const direct = computePdqFromPixels(t, w, h, 1).hash;
      const own = hammingDistance(direct, r.dihedral![name as DihedralName]);
      expect(own, name).toBeLessThanOrEqual(48);
      for (const other of DIHEDRAL_NAMES) {
        if (other !== name) expect(hammingDistance(direct, r.dihedral![other]), `${name} vs ${other}`).toBeGreaterThan(own + 40);
      }
    }
    expect(toHex(r.dihedral!.orig)).toBe(toHex(r.hash));
  });

  it('refuses inconsistent input', () => {
    expect(() => computePdqFromPixels(new Uint8Array(10), 10, 10, 3)).toThrow(RangeError);
    expect(() => computePdqFromPixels(new Uint8Array(300), 10, 10, 2 as 3)).toThrow(/channel/);
    expect(() => computePdqFromPixels(new Uint8Array(300), 10.5, 10, 3)).toThrow(/size/);
  });
});

describe('shrinkTo512Nearest', () => {
  it('keeps images up to 512 a side and squashes larger ones to 512x512 with floor(x*W/512)', () => {
    const small = { pixels: new Uint8Array(512 * 10), width: 512, height: 10, channels: 1 };
    expect(shrinkTo512Nearest(small)).toBe(small);
    const w = 1000, h = 40, px = new Uint8Array(w * h * 3);
    for (let i = 0; i < px.length; i++) px[i] = (i * 31) % 251;
    const s = shrinkTo512Nearest({ pixels: px, width: w, height: h, channels: 3 });
    expect([s.width, s.height, s.pixels.length]).toEqual([512, 512, 512 * 512 * 3]);
    for (const [x, y] of [[0, 0], [511, 511], [300, 17], [1, 500]]) {
      const sx = Math.floor((x * w) / 512), sy = Math.floor((y * h) / 512);
      for (let c = 0; c < 3; c++) expect(s.pixels[(y * 512 + x) * 3 + c]).toBe(px[(sy * w + sx) * 3 + c]);
    }
  });
});

describe('squash512 while reading the pixels', () => {
  it('gives the hash and quality of squashing first, for any size and channel count', () => {
    fc.assert(fc.property(
      fc.integer({ min: 5, max: 1400 }), fc.integer({ min: 5, max: 1400 }), fc.constantFrom<1 | 3 | 4>(1, 3, 4), fc.integer({ min: 0, max: 9 }),
      (w, h, channels, seed) => {
        const px = picture(w, h, channels, seed);
        const fused = computePdqFromPixels(px, w, h, channels, { squash512: true, dihedral: true });
        const s = shrinkTo512Nearest({ pixels: px, width: w, height: h, channels });
        const first = computePdqFromPixels(s.pixels, s.width, s.height, channels, { dihedral: true });
        expect(toHex(fused.hash)).toBe(toHex(first.hash));
        expect(fused.quality).toBe(first.quality);
        for (const name of DIHEDRAL_NAMES) expect(toHex(fused.dihedral![name])).toBe(toHex(first.dihedral![name]));
      },
    ), { numRuns: 40 });
  });
});
