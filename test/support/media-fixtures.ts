import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import sharp from 'sharp';
import { PDQ_TESTDATA_DIR } from '../../src/pdq/testdata.ts';

export const TESTDATA = PDQ_TESTDATA_DIR;

export interface MediaFolder {
  root: string;
  /** Every path the walk must record, relative to root. */
  expected: string[];
  unreadable: string | null;
}

/** A benign synthetic picture: smooth colour fields and stripes, seeded so each index differs. */
export async function syntheticImage(seed: number, width = 320, height = 240, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = (x * (seed % 7 + 1) + y * 3 + seed * 37) & 255;
      px[i + 1] = (Math.sin((x + seed * 11) / (8 + (seed % 5))) * 120 + 128) & 255;
      px[i + 2] = ((y >> (1 + (seed % 3))) * 29 + seed * 53) & 255;
    }
  }
  const img = sharp(px, { raw: { width, height, channels: 3 } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

/**
 * Builds a seized-media-like folder: images (generated and from the shared test set), a video, documents,
 * corrupt files, an unreadable file, nested folders, a symlink loop, a link pointing out of the root,
 * and a named pipe. All content is benign.
 */
export async function buildMediaFolder(root: string, opts: { images?: number; video?: boolean } = {}): Promise<MediaFolder> {
  const expected: string[] = [];
  const put = (rel: string, data: Buffer | string) => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    expected.push(rel);
  };
  mkdirSync(root, { recursive: true });
  const n = opts.images ?? 6;
  for (let i = 0; i < n; i++) put(`DCIM/Camera/IMG_${String(i).padStart(4, '0')}.${i % 2 ? 'jpg' : 'png'}`, await syntheticImage(i, 320, 240, i % 2 ? 'jpeg' : 'png'));
  for (const f of readdirSync(join(TESTDATA, 'images/labelme-subset')).slice(0, 3)) {
    copyFileSync(join(TESTDATA, 'images/labelme-subset', f), join(root, 'DCIM', f));
    expected.push(`DCIM/${f}`);
  }
  if (opts.video !== false) {
    const video = readdirSync(join(TESTDATA, 'vpdq/videos')).find((f) => f.endsWith('.mp4'))!;
    mkdirSync(join(root, 'Movies'), { recursive: true });
    copyFileSync(join(TESTDATA, 'vpdq/videos', video), join(root, 'Movies', video));
    expected.push(`Movies/${video}`);
  }
  put('Documents/notes.txt', 'Meeting notes (synthetic).\n');
  put('Documents/report.pdf', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  put('Documents/deep/deeper/deepest/data.bin', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]));
  // Corrupt: a JPEG header followed by garbage, and a PNG signature with nothing after it.
  put('Corrupt/broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(200, 0x55)]));
  put('Corrupt/truncated.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  put('empty.dat', Buffer.alloc(0));
  // Unreadable for a non-root process (tests running as root drop privileges to see it fail).
  put('Private/locked.jpg', await syntheticImage(99));
  chmodSync(join(root, 'Private/locked.jpg'), 0o000);
  // A symlink loop and a link out of the root: recorded, never followed.
  symlinkSync('..', join(root, 'Documents/loop'));
  expected.push('Documents/loop');
  symlinkSync('/etc', join(root, 'outside'));
  expected.push('outside');
  execFileSync('mkfifo', [join(root, 'pipe')]);
  expected.push('pipe');
  return { root, expected: expected.sort(), unreadable: 'Private/locked.jpg' };
}
