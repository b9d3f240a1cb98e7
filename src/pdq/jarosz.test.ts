import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaroszWindow } from './jarosz.ts';

describe('Jarosz filter details', () => {
  it('window is ceil(n / 128)', () => {
    expect([1, 5, 64, 128, 129, 256, 512, 513, 1600].map(jaroszWindow)).toEqual([1, 1, 1, 1, 2, 2, 4, 5, 13]);
  });

  it('float32 sum times the float64 reciprocal, rounded, equals float32 division (used by the box filter)', () => {
    const f32 = fc.float({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(Math.fround);
    fc.assert(fc.property(f32, fc.integer({ min: 1, max: 4096 }), (s, count) => {
      expect(Math.fround(s * (1 / count))).toBe(Math.fround(s / count));
    }), { numRuns: 20000 });
  });
});
