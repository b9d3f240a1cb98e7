// The PPM frame reader (ppm-reader.ts): whatever sizes the reads come in (one byte, a header with pixels, several
// small frames at once), the frames come out whole, in order, with their sizes; bad output is refused.
import { describe, expect, it } from 'vitest';
import { PpmFormatError, PpmReader, type PpmFrame } from './ppm-reader.ts';

function ppm(w: number, h: number, fill: (i: number) => number): { bytes: Buffer; pixels: Buffer } {
  const pixels = Buffer.alloc(w * h * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = fill(i) & 255;
  return { bytes: Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`, 'latin1'), pixels]), pixels };
}

/** Feeds `stream` in reads of at most the given sizes (cycled), as a socket reading into target() would. */
function feed(reader: PpmReader, stream: Buffer, sizes: number[]): PpmFrame[] {
  const out: PpmFrame[] = [];
  let at = 0;
  for (let k = 0; at < stream.length; k++) {
    const target = reader.target();
    expect(target.length).toBeGreaterThan(0);
    const n = Math.min(target.length, sizes[k % sizes.length]!, stream.length - at);
    stream.copy(target, 0, at, at + n);
    at += n;
    reader.wrote(n);
    for (let f = reader.take(); f; f = reader.take()) out.push({ ...f, pixels: Buffer.from(f.pixels) });
  }
  return out;
}

describe('PpmReader', () => {
  const frames = [ppm(7, 5, (i) => i), ppm(7, 5, (i) => i * 3 + 1), ppm(2, 1, (i) => 200 + i), ppm(1, 1, () => 9), ppm(9, 4, (i) => i * 7)];
  const stream = Buffer.concat(frames.map((f) => f.bytes));

  it.each([[[1]], [[3, 1000]], [[64]], [[65536]], [[5, 17, 2, 64, 1]]])('reads of %j give every frame whole and in order', (sizes) => {
    for (const reuse of [false, true]) {
      const got = feed(new PpmReader(reuse), stream, sizes);
      expect(got.map((f) => [f.width, f.height])).toEqual([[7, 5], [7, 5], [2, 1], [1, 1], [9, 4]]);
      got.forEach((f, i) => expect(f.pixels.equals(frames[i]!.pixels)).toBe(true));
    }
  });

  it('reuses the pixel buffer for frames of the same size only when asked', () => {
    const seen = (reuse: boolean): Buffer[] => {
      const reader = new PpmReader(reuse);
      const out: Buffer[] = [];
      for (const f of frames.slice(0, 2)) {
        const t = reader.target();
        f.bytes.copy(t, 0, 0, Math.min(t.length, f.bytes.length));
        reader.wrote(Math.min(t.length, f.bytes.length));
        let got = reader.take();
        if (!got) {
          const rest = f.bytes.subarray(t.length);
          rest.copy(reader.target());
          reader.wrote(rest.length);
          got = reader.take();
        }
        out.push(got!.pixels);
      }
      return out;
    };
    const [a, b] = seen(true);
    expect(a).toBe(b);
    const [c, d] = seen(false);
    expect(c).not.toBe(d);
  });

  it('says when the output stopped inside a header or a frame', () => {
    const reader = new PpmReader(true);
    expect(reader.partial()).toBe(false);
    feed(reader, stream.subarray(0, 8), [64]);
    expect(reader.partial()).toBe(true);
    const whole = new PpmReader(true);
    feed(whole, stream, [100]);
    expect(whole.partial()).toBe(false);
    const inFrame = new PpmReader(true);
    feed(inFrame, frames[0]!.bytes.subarray(0, 30), [1000]);
    expect(inFrame.partial()).toBe(true);
  });

  it('refuses what is not a P6 frame with maxval 255', () => {
    for (const bad of ['P5\n2 2\n255\n', 'P6\n2 2\n65535\n', 'GIF89a', `P6 ${' '.repeat(80)}`]) {
      expect(() => feed(new PpmReader(false), Buffer.from(bad, 'latin1'), [1000])).toThrow(PpmFormatError);
    }
  });
});
