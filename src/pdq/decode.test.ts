// Decoding the reference's way: the side tables of the shared test data as behaviour tests, the pixel
// buffers the reference hashed (decoded/), and typed errors for bad input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PdqDecodeError, decodeImageForPdq, hashImageFile } from './decode.ts';
import { fromHex, hammingDistance, shrinkTo512Nearest } from './pdq-hash.ts';
import { readTsv, testdataPath } from './testdata.ts';

const dist = (a: string, b: string) => hammingDistance(fromHex(a), fromHex(b));
const tmp = mkdtempSync(join(tmpdir(), 'amaan-pdq-decode-'));

async function expectDecodeError(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PdqDecodeError);
  expect((err as PdqDecodeError).code).toBe(code);
}

describe('reference pixel buffers', () => {
  // Every lossy file with a decoded/ twin must decode to exactly the bytes the reference hashed.
  const twins = readTsv('expected.tsv').filter((r) => r.file.startsWith('decoded/'));
  for (const { file } of twins) {
    const source = file.replace(/^decoded\//, 'images/').replace(/\.png$/, '');
    it(`${source} decodes to the reference's bytes`, async () => {
      const [a, b] = await Promise.all([decodeImageForPdq(testdataPath(source)), decodeImageForPdq(testdataPath(file))]);
      expect([a.width, a.height, a.channels]).toEqual([b.width, b.height, b.channels]);
      expect(Buffer.compare(Buffer.from(a.pixels), Buffer.from(b.pixels))).toBe(0);
    });
  }
});

describe('side tables', () => {
  it('ignores EXIF orientation (expected-exif.tsv)', async () => {
    for (const row of readTsv('expected-exif.tsv')) {
      const got = await hashImageFile(testdataPath(row.file));
      expect(got.hash).toBe(row.hash_exif_ignored);
      expect(got.quality).toBe(Number(row.quality_exif_ignored));
      expect(dist(got.hash, row.hash_exif_applied)).toBe(Number(row.dist));
    }
  });

  it('drops alpha without compositing (expected-alpha.tsv)', async () => {
    for (const row of readTsv('expected-alpha.tsv')) {
      const got = await hashImageFile(testdataPath(row.file));
      expect(got.hash).toBe(row.hash_alpha_ignored);
      expect(got.quality).toBe(Number(row.quality));
    }
    // the two files differ only under fully transparent pixels, so they must hash differently
    const [a, b] = readTsv('expected-alpha.tsv');
    expect(dist(a.hash_alpha_ignored, b.hash_alpha_ignored)).toBeGreaterThan(0);
  });

  it('reduces 16-bit samples by rounding v/257 (expected-16bit.tsv)', async () => {
    for (const row of readTsv('expected-16bit.tsv')) {
      const got = await hashImageFile(testdataPath(row.file));
      expect(got.hash).toBe(row.hash_8bit_round);
      expect(got.quality).toBe(Number(row.quality_8bit_round));
      expect(dist(got.hash, row.hash_reference_cli)).toBeGreaterThan(100);
      // pixel level: every sample is round(v / 257) of the stored 16-bit value (sharp alone would shift)
      const { data } = await sharp(testdataPath(row.file)).toColourspace('rgb16').raw({ depth: 'ushort' })
        .toBuffer({ resolveWithObject: true });
      const v16 = new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length));
      const img = await decodeImageForPdq(testdataPath(row.file));
      expect(img.channels).toBe(3);
      let rounded = 0, shifted = 0;
      for (let i = 0; i < v16.length; i++) {
        if (img.pixels[i] === Math.round(v16[i] / 257)) rounded++;
        if (img.pixels[i] === v16[i] >> 8) shifted++;
      }
      expect(rounded).toBe(v16.length);
      expect(shifted).toBeLessThan(v16.length);
    }
  });

  it('takes the grey path whenever R = G = B, whatever the file says', async () => {
    expect((await decodeImageForPdq(testdataPath('images/labelme-subset/q2821.jpg'))).channels).toBe(1);
    expect((await decodeImageForPdq(testdataPath('images/modes/LA.png'))).channels).toBe(1);
    expect((await decodeImageForPdq(testdataPath('images/misc/c.png'))).channels).toBe(3);
  });

  it('squashes images over 512 px on a side to 512x512 and keeps the stored size', async () => {
    const img = await decodeImageForPdq(testdataPath('images/synthetic/wide-1000x40.png'));
    expect([img.width, img.height, img.sourceWidth, img.sourceHeight]).toEqual([512, 512, 1000, 40]);
    const whole = await decodeImageForPdq(testdataPath('images/synthetic/wide-1000x40.png'), { shrink: false });
    expect([whole.width, whole.height]).toEqual([1000, 40]);
  });
});

describe('conversions after the squash (CMYK, 16-bit)', () => {
  // 16-bit RGB, 1024x1024: the squash samples even rows and columns only.
  async function png16(colourAt: [number, number] | null): Promise<Buffer> {
    const side = 1024, v = new Uint16Array(side * side * 3);
    for (let i = 0; i < side * side; i++) v[3 * i] = v[3 * i + 1] = v[3 * i + 2] = ((i * 2654435761) >>> 16) & 0xffff;
    if (colourAt) v[(colourAt[1] * side + colourAt[0]) * 3] ^= 0x8000;
    return sharp(v, { raw: { width: side, height: side, channels: 3 } }).toColourspace('rgb16').png().toBuffer();
  }

  it('takes the RGB path when the only colour pixel is one the squash skips, the grey path when there is none', async () => {
    const grey = await decodeImageForPdq(await png16(null));
    expect([grey.width, grey.channels]).toEqual([512, 1]);
    const skipped = await decodeImageForPdq(await png16([1, 1]));
    expect([skipped.width, skipped.channels]).toEqual([512, 3]);
    // the squashed pixels themselves are all grey: only the full test could tell
    for (let p = 0; p < skipped.pixels.length; p += 3) {
      if (skipped.pixels[p] !== skipped.pixels[p + 1]) throw new Error(`pixel ${p / 3} is not grey`);
    }
    const sampled = await decodeImageForPdq(await png16([2, 2]));
    expect(sampled.channels).toBe(3);
  });

  it('gives the same pixels as converting every CMYK pixel first and squashing after', async () => {
    const cmykJpeg = await sharp(testdataPath('images/bridge-mods/aaa-orig.jpg')).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer();
    const { data, info } = await sharp(cmykJpeg).keepIccProfile().pipelineColourspace('cmyk').toColourspace('cmyk').raw()
      .toBuffer({ resolveWithObject: true });
    const n = info.width * info.height, rgb = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) {
      const k = 255 - data[i * info.channels + 3];
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(((255 - data[i * info.channels + c]) * k) / 255);
    }
    const expected = shrinkTo512Nearest({ pixels: rgb, width: info.width, height: info.height, channels: 3 });
    const got = await decodeImageForPdq(cmykJpeg);
    expect([got.width, got.height, got.channels, got.sourceWidth]).toEqual([512, 512, 3, 1600]);
    expect(Buffer.compare(Buffer.from(got.pixels), Buffer.from(expected.pixels))).toBe(0);
  });
});

describe('multi-frame images', () => {
  it('hash the first frame of an animated GIF (as ImageMagick hands the reference its first image)', async () => {
    const frames = await Promise.all([10, 120, 240].map((v) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background: { r: v, g: 255 - v, b: (v * 7) % 256 } } })
        .composite([{ input: { create: { width: 10, height: 30, channels: 3, background: { r: 255 - v, g: v, b: 0 } } }, left: v % 30, top: 0 }])
        .png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    const single = await Promise.all(frames.map((f) => sharp(f).gif().toBuffer().then((b) => hashImageFile(b))));
    const anim = await hashImageFile(gif);
    expect([anim.width, anim.height]).toEqual([40, 30]);
    expect(anim.hash).toBe(single[0].hash);
    expect(dist(anim.hash, single[2].hash)).toBeGreaterThan(31);
  });
});

describe('bad input', () => {
  it('refuses pictures over the pixel limit with TOO_MANY_PIXELS', async () => {
    const file = testdataPath('images/bridge-mods/aaa-orig.jpg'); // 1600x1004
    await expectDecodeError(decodeImageForPdq(file, { maxPixels: 1600 * 1004 - 1 }), 'TOO_MANY_PIXELS');
    await expect(decodeImageForPdq(file, { maxPixels: 1600 * 1004 })).resolves.toMatchObject({ width: 512 });
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    // A PNG whose header claims 30000 x 30000 pixels (900 MP): refused from the header alone.
    const bomb = pngHeaderOnly(30000, 30000);
    await expectDecodeError(decodeImageForPdq(bomb), 'TOO_MANY_PIXELS');
    await expectDecodeError(decodeImageForPdq(pngHeaderOnly(20000, 1)), 'CORRUPT'); // small enough, but no pixel data
  });

  it('reports non-images, truncated and missing files with typed errors', async () => {
    await expectDecodeError(decodeImageForPdq(Buffer.from('this is not an image, just text')), 'UNSUPPORTED_FORMAT');
    await expectDecodeError(decodeImageForPdq(Buffer.alloc(0)), 'UNSUPPORTED_FORMAT');
    const jpeg = readFileSync(testdataPath('images/bridge-mods/aaa-orig.jpg'));
    const truncated = join(tmp, 'truncated.jpg');
    writeFileSync(truncated, jpeg.subarray(0, 60000));
    await expectDecodeError(decodeImageForPdq(truncated), 'CORRUPT');
    const png = readFileSync(testdataPath('images/misc/c.png'));
    const damaged = Buffer.from(png);
    for (let i = 200; i < damaged.length; i += 97) damaged[i] ^= 0x5a;
    await expectDecodeError(decodeImageForPdq(damaged), 'CORRUPT');
    await expectDecodeError(decodeImageForPdq(join(tmp, 'missing.png')), 'READ_FAILED');
  });

  it('hashes what decodes of a truncated file when asked to (failOn none), as the reference does', async () => {
    const jpeg = readFileSync(testdataPath('images/bridge-mods/aaa-orig.jpg'));
    const got = await hashImageFile(jpeg.subarray(0, 200000), { failOn: 'none' });
    expect(got.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** PNG signature, IHDR (8-bit RGB), a token IDAT (one zero byte, far too little) and IEND. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1))), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
