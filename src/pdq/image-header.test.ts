import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readImageHeader } from './image-header.ts';
import { readTsv, testdataPath } from './testdata.ts';

const solid = (channels: 3 | 4 = 3) => sharp({ create: { width: 37, height: 21, channels, background: { r: 200, g: 30, b: 90, alpha: 0.5 } } });

describe('readImageHeader', () => {
  it('agrees with libvips on size, depth and colour layout for every PNG and JPEG of the PDQ test data', async () => {
    let checked = 0;
    for (const { file } of readTsv('expected.tsv')) {
      const data = readFileSync(testdataPath(file));
      const h = readImageHeader(data);
      const meta = await sharp(data).metadata();
      if (meta.format !== 'png' && meta.format !== 'jpeg') {
        expect(h).toBeNull();
        continue;
      }
      expect(h, file).not.toBeNull();
      expect([h!.format, h!.width, h!.height], file).toEqual([meta.format, meta.width, meta.height]);
      expect(h!.bitDepth === 16, file).toBe(meta.depth === 'ushort');
      expect(h!.layout === 'cmyk', file).toBe(meta.space === 'cmyk');
      expect(h!.layout === 'grey', file).toBe(meta.space === 'b-w' || meta.space === 'grey16');
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('reads grey, colour and CMYK JPEGs, baseline and progressive, past large APP segments', async () => {
    const grey = await solid().toColourspace('b-w').jpeg().toBuffer();
    expect(readImageHeader(grey)).toEqual({ format: 'jpeg', width: 37, height: 21, bitDepth: 8, layout: 'grey' });
    const progressive = await solid().jpeg({ progressive: true }).toBuffer();
    expect(readImageHeader(progressive)).toMatchObject({ width: 37, height: 21, layout: 'colour' });
    const cmyk = await solid().toColourspace('cmyk').jpeg().toBuffer();
    expect(readImageHeader(cmyk)).toMatchObject({ layout: 'cmyk' });
    // a 60 kB comment segment and fill bytes before the frame header
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0xea, 0x62]), Buffer.alloc(0xea60, 0x41)]);
    const padded = Buffer.concat([progressive.subarray(0, 2), Buffer.from([0xff]), comment, progressive.subarray(2)]);
    expect(readImageHeader(padded)).toMatchObject({ width: 37, height: 21, layout: 'colour' });
  });

  it('reads PNG colour types and bit depths', async () => {
    expect(readImageHeader(await solid(4).png().toBuffer())).toMatchObject({ format: 'png', bitDepth: 8, layout: 'colour' });
    expect(readImageHeader(await solid().toColourspace('b-w').png().toBuffer())).toMatchObject({ layout: 'grey', bitDepth: 8 });
    expect(readImageHeader(await solid().png({ palette: true }).toBuffer())).toMatchObject({ layout: 'colour' });
    expect(readImageHeader(await solid().toColourspace('rgb16').png().toBuffer())).toMatchObject({ bitDepth: 16, layout: 'colour' });
  });

  it('returns null for other formats, truncated headers and nonsense', async () => {
    expect(readImageHeader(await solid().webp().toBuffer())).toBeNull();
    expect(readImageHeader(await solid().gif().toBuffer())).toBeNull();
    expect(readImageHeader(Buffer.from('plain text, not a picture'))).toBeNull();
    expect(readImageHeader(Buffer.alloc(0))).toBeNull();
    const jpeg = await solid().jpeg().toBuffer();
    expect(readImageHeader(jpeg.subarray(0, 30))).toBeNull(); // cut inside the APP0 segment
    const png = await solid().png().toBuffer();
    expect(readImageHeader(png.subarray(0, 20))).toBeNull();
    const zeroWidth = Buffer.from(png);
    zeroWidth.writeUInt32BE(0, 16);
    expect(readImageHeader(zeroWidth)).toBeNull();
    // a marker run that ends in a scan before any frame header
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0x00]))).toBeNull();
  });
});
