// A corpus of hostile-looking but benign files, GENERATED here (never downloaded): truncated pictures and
// video, decompression bombs, absurd declared sizes, corrupt headers, huge chunks, polyglots, a video with a
// damaged index, an empty file. Each entry says what ingest must make of it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { testdataPath } from '../../src/pdq/testdata.ts';
import { syntheticImage } from './media-fixtures.ts';

export interface CorpusFile {
  rel: string;
  /** 'error': a recorded error (error_code one of `codes`); 'image': a PDQ hash; 'digests': digests, no error. */
  expect: 'error' | 'image' | 'digests';
  codes?: string[];
  why: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk with its CRC; `declaredLength` lies about the length when given. */
export function pngChunk(type: string, data: Buffer, declaredLength?: number): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(declaredLength ?? data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A grey PNG declaring width x height at `bitDepth`, whose IDAT holds the zero rows of the first
 * `rows` lines only (all of them when rows = height): a decompression bomb when the size is large.
 */
export function zeroPng(width: number, height: number, opts: { bitDepth?: number; rows?: number } = {}): Buffer {
  const bitDepth = opts.bitDepth ?? 1;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = bitDepth;
  ihdr[9] = 0; // grey
  const rowBytes = 1 + Math.ceil((width * bitDepth) / 8);
  const rows = Math.min(height, opts.rows ?? height);
  const idat = deflateSync(Buffer.alloc(rowBytes * rows), { level: 9 });
  return Buffer.concat([PNG_SIG, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), ...(rows === height ? [pngChunk('IEND', Buffer.alloc(0))] : [])]);
}

/** The JPEG with its frame header (SOF) rewritten to declare width x height. */
export function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  let at = 2;
  while (at + 4 < out.length) {
    const marker = out[at + 1];
    const len = out.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      out.writeUInt16BE(height, at + 5);
      out.writeUInt16BE(width, at + 7);
      return out;
    }
    at += 2 + len;
  }
  throw new Error('no frame header');
}

/** A JPEG comment (COM) segment carrying `text`, inserted after SOI: the JPEG stays valid. */
function withJpegComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const seg = Buffer.alloc(4);
  seg[0] = 0xff;
  seg[1] = 0xfe;
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, body, jpeg.subarray(2)]);
}

/** A minimal stored (uncompressed) ZIP holding one text file. */
function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const fname = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fname.length, 28);
  const localAll = Buffer.concat([local, fname, data]);
  const centralAll = Buffer.concat([central, fname]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralAll.length, 12); end.writeUInt32LE(localAll.length, 16);
  return Buffer.concat([localAll, centralAll, end]);
}

/** The shipped test video with its moov box (the index of every frame) overwritten by pseudo-random bytes. */
export function videoWithCorruptMoov(): Buffer {
  const b = Buffer.from(readFileSync(testdataPath('vpdq/videos/doorknob-hd-no-bar.mp4')));
  let at = 0;
  while (b.toString('latin1', at + 4, at + 8) !== 'moov') at += b.readUInt32BE(at);
  const size = b.readUInt32BE(at);
  let s = 99;
  for (let i = at + 8; i < at + size; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

/** Writes the corpus under `root` and says what each file must give. */
export async function buildMalformedCorpus(root: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const put = (rel: string, data: Buffer, entry: Omit<CorpusFile, 'rel'>) => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    files.push({ rel, ...entry });
  };
  const png = await syntheticImage(101, 320, 240, 'png');
  const jpeg = await syntheticImage(102, 320, 240, 'jpeg');
  const base = sharp(await syntheticImage(103, 200, 150, 'png'));
  const gif = await base.clone().gif().toBuffer();
  const webp = await base.clone().webp({ quality: 80 }).toBuffer();
  const corrupt = ['corrupt', 'unsupported'];

  put('truncated/half.png', png.subarray(0, png.length >> 1), { expect: 'error', codes: corrupt, why: 'PNG cut in half' });
  put('truncated/half.jpg', jpeg.subarray(0, jpeg.length >> 1), { expect: 'error', codes: corrupt, why: 'JPEG cut in half' });
  put('truncated/half.gif', gif.subarray(0, gif.length >> 1), { expect: 'error', codes: corrupt, why: 'GIF cut in half' });
  put('truncated/half.webp', webp.subarray(0, webp.length >> 1), { expect: 'error', codes: corrupt, why: 'WebP cut in half' });
  const video = readFileSync(testdataPath('vpdq/videos/doorknob-hd-no-bar.mp4'));
  put('truncated/header-only.mp4', video.subarray(0, 3000), { expect: 'error', codes: corrupt, why: 'MP4 cut inside its moov box' });
  put('bombs/zeros-60000x60000.png', zeroPng(60000, 60000, { rows: 2000 }), { expect: 'error', codes: ['too_many_pixels'], why: 'a few kB declaring 3.6 gigapixels of zeros' });
  put('bombs/huge-declared.jpg', withJpegSize(jpeg, 65000, 65000), { expect: 'error', codes: ['too_many_pixels'], why: 'JPEG frame header declaring 65000x65000' });
  put('bombs/huge-chunk.png', Buffer.concat([png.subarray(0, 33), pngChunk('tEXt', Buffer.from('Comment\0x'), 0x7ffffff0), png.subarray(33)]),
    { expect: 'error', codes: corrupt, why: 'a text chunk declaring 2 GiB' });
  put('headers/bad-ihdr.png', Buffer.concat([PNG_SIG, pngChunk('IHDR', Buffer.from('not a header!')), Buffer.from('garbage')]),
    { expect: 'error', codes: corrupt, why: 'PNG signature, nonsense IHDR' });
  put('headers/zero-size.png', zeroPng(0, 0), { expect: 'error', codes: corrupt, why: 'PNG declaring 0x0' });
  put('headers/soi-garbage.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x5a)]),
    { expect: 'error', codes: corrupt, why: 'JPEG start marker, then garbage' });
  put('video/corrupt-moov.mp4', videoWithCorruptMoov(), { expect: 'error', codes: corrupt, why: 'MP4 whose moov (index) box is garbage' });
  put('empty.jpg', Buffer.alloc(0), { expect: 'digests', why: 'zero-length file named like a picture' });
  // Polyglots: valid JPEGs that are also a ZIP (appended), carry HTML, or carry a PDF header. They are
  // pictures (hashed as such); the digests cover every byte; nothing is ever rendered or unpacked.
  put('polyglot/jpeg-zip.jpg', Buffer.concat([jpeg, zipOf('readme.txt', 'synthetic polyglot payload\n')]), { expect: 'image', why: 'JPEG + ZIP' });
  put('polyglot/jpeg-html.jpg', withJpegComment(jpeg, '<html><script>alert(1)</script></html>'), { expect: 'image', why: 'JPEG carrying HTML' });
  put('polyglot/jpeg-pdf.jpg', withJpegComment(jpeg, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), { expect: 'image', why: 'JPEG carrying a PDF' });
  // Good files in the same folder, which must be hashed exactly as on their own.
  put('good/photo.png', png, { expect: 'image', why: 'good PNG' });
  put('good/photo.jpg', jpeg, { expect: 'image', why: 'good JPEG' });
  put('good/photo.webp', webp, { expect: 'image', why: 'good WebP' });
  return files;
}
