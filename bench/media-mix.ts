// The mixed folder that the ingest benchmarks hash (bench/ingest.bench.ts, bench/workers.bench.ts): file i of the
// mix is, by i % 50, a photo (0-14, written by the caller), a large binary of 4-16 MB (15-16) or a document of
// 2-200 kB (the rest). One seeded stream, so the same folder every time.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Writes file i when it is not a photo (i % 50 >= 15); returns false for a photo, which the caller writes. */
export function writeNonPhoto(dir: string, i: number, r: () => number): boolean {
  const k = i % 50;
  if (k < 15) return false;
  if (k < 17) {
    // 4 %: large binaries (videos, archives, databases) of 4-16 MB
    const size = (4 + Math.floor(r() * 12)) * 1024 * 1024;
    const buf = Buffer.alloc(size);
    for (let o = 0; o < size; o += 4) buf.writeUInt32LE((r() * 2 ** 32) >>> 0, o);
    writeFileSync(join(dir, `blob_${i}.bin`), buf);
  } else {
    // 66 %: documents and app data of 2-200 kB
    const size = 2048 + Math.floor(r() * 200 * 1024);
    const buf = Buffer.alloc(size, i & 255);
    for (let o = 0; o + 4 <= size; o += 512) buf.writeUInt32LE((r() * 2 ** 32) >>> 0, o);
    writeFileSync(join(dir, `doc_${i}.dat`), buf);
  }
  return true;
}

/** Files and bytes below a folder, its `.complete` marker left out. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name !== '.complete') {
      files++;
      bytes += statSync(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).size;
    }
  }
  return { files, bytes };
}
