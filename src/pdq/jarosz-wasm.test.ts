// The WebAssembly blur against the JavaScript one (jarosz.ts, itself held to the reference by the
// conformance tests): bit-identical 64x64 outputs on random pictures of every shape, and the committed
// binary is what its AssemblyScript source builds to.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lumaTo64x64 } from './jarosz.ts';
import { dct64To16 } from './dct.ts';
import { dct64To16Wasm, dctAndGradientWasm, lumaTo64x64Wasm, useWasmBlur } from './jarosz-wasm.ts';
import { qualityGradientSum } from './pdq-hash.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function randomPicture(w: number, h: number, channels: number, seed: number): Uint8Array {
  const px = new Uint8Array(w * h * channels);
  let s = seed >>> 0;
  for (let i = 0; i < px.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // smooth gradients with noise and edges, so sums carry many significant bits
    const x = Math.floor(i / channels) % w, y = Math.floor(i / channels / w);
    px[i] = ((x * 3 + y * 5 + (s >>> 28) * 9 + (((x >> 3) ^ (y >> 4)) & 1) * 80) & 255);
  }
  return px;
}

function bothWays(px: Uint8Array, w: number, h: number, channels: number, squash: boolean): [Uint32Array, Uint32Array] {
  const js = new Float32Array(64 * 64), wasm = new Float32Array(64 * 64);
  lumaTo64x64(px, h, w, channels, js, squash);
  expect(lumaTo64x64Wasm(px, h, w, channels, wasm, squash)).toBe(true);
  return [new Uint32Array(js.buffer), new Uint32Array(wasm.buffer)];
}

describe('WebAssembly blur', () => {
  it('is available here (Node 20 has WebAssembly SIMD)', () => {
    expect(useWasmBlur(true)).toBe(true);
  });

  it('gives bit for bit the JavaScript result on random pictures of any size, channel count and squash', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 700 }), fc.constantFrom(1, 3, 4), fc.boolean(), fc.integer(),
      (w, h, channels, squash, seed) => {
        const [js, wasm] = bothWays(randomPicture(w, h, channels, seed), w, h, channels, squash);
        expect(Buffer.from(wasm.buffer).equals(Buffer.from(js.buffer))).toBe(true);
      },
    ), { numRuns: 120 });
  });

  it('matches at the edges: 64x64 (not blurred), widths not a multiple of 4, one-pixel lines, just over 512', () => {
    for (const [w, h] of [[64, 64], [65, 63], [5, 5], [1, 300], [300, 1], [513, 512], [512, 513], [1023, 7]]) {
      for (const channels of [1, 3]) {
        for (const squash of [false, true]) {
          const [js, wasm] = bothWays(randomPicture(w, h, channels, w * h), w, h, channels, squash);
          expect(Buffer.from(wasm.buffer).equals(Buffer.from(js.buffer)), `${w}x${h}x${channels} squash ${squash}`).toBe(true);
        }
      }
    }
  });

  it('copies in only the rows the squash reads, so even a picture over its memory budget hashes the same', () => {
    const w = 6000, h = 5600; // 100.8 MB of RGB, over the 96 MiB budget
    const px = randomPicture(w, h, 3, 7);
    const [js, wasm] = bothWays(px, w, h, 3, true);
    expect(Buffer.from(wasm.buffer).equals(Buffer.from(js.buffer))).toBe(true);
    // without the squash it cannot take the picture at all and leaves it to JavaScript
    expect(lumaTo64x64Wasm(px, h, w, 3, new Float32Array(64 * 64), false)).toBe(false);
  });

  it('DCT and quality sum: bit for bit the JavaScript dct64To16 and qualityOf sum on blurred random pictures and on extreme values', () => {
    const check = (a: Float32Array, what: string): void => {
      const js = new Float32Array(256), wasm = new Float32Array(256);
      dct64To16(a, js);
      expect(dct64To16Wasm(a, wasm)).toBe(true);
      expect(Buffer.from(wasm.buffer).equals(Buffer.from(js.buffer)), what).toBe(true);
      expect(dctAndGradientWasm(a, wasm), `quality sum of ${what}`).toBe(qualityGradientSum(a));
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), fc.integer(), (w, h, seed) => {
      const a = new Float32Array(64 * 64);
      lumaTo64x64(randomPicture(w, h, 3, seed), h, w, 3, a, false);
      check(a, `${w}x${h} seed ${seed}`);
    }), { numRuns: 60 });
    // Raw float noise over a wide range (many rounding steps), all zeros (signs of zero), a single spike.
    let s = 99;
    check(Float32Array.from({ length: 4096 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 1e4), 'noise');
    check(new Float32Array(4096), 'zeros');
    const spike = new Float32Array(4096);
    spike[2080] = 255;
    check(spike, 'spike');
  });

  it('falls back to JavaScript when turned off', () => {
    try {
      expect(useWasmBlur(false)).toBe(false);
      expect(lumaTo64x64Wasm(new Uint8Array(100 * 100), 100, 100, 1, new Float32Array(4096), false)).toBe(false);
    } finally {
      useWasmBlur(true);
    }
  });

  it('ships the binary its AssemblyScript source builds to (npm run build:wasm)', () => {
    const script = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts['build:wasm'] as string;
    const args = script.split(/\s+/).slice(1);
    const out = join(mkdtempSync(join(tmpdir(), 'amaan-wasm-')), 'jarosz.wasm');
    args[args.indexOf('--outFile') + 1] = out;
    const r = spawnSync(join(repo, 'node_modules/.bin/asc'), args, { cwd: repo, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(join(repo, 'src/pdq/wasm/jarosz.wasm')))).toBe(true);
  }, 60_000);
});
