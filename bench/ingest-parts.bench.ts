// Where ingest's CPU goes: each step of hashing a file, alone and in sequence on one core, over the folder
// bench/ingest.bench.ts builds (run that first). Complements its end-to-end figures.
//   node --import tsx bench/ingest-parts.bench.ts [--dir /tmp/amaan-bench-media-10000]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { digestBuffer } from '../src/pdq/file-digest.ts';
import { hashImageFile } from '../src/pdq/decode.ts';

const i = process.argv.indexOf('--dir');
const DIR = i > 0 ? process.argv[i + 1] : join(tmpdir(), 'amaan-bench-media-10000');
sharp.concurrency(1);
const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(jpg|png|bin|dat)$/.test(f)).map((f) => join(DIR, f));
const jpegs = files.filter((f) => f.endsWith('.jpg')), pngs = files.filter((f) => f.endsWith('.png'));

async function measure(label: string, n: number, fn: () => Promise<void>): Promise<void> {
  const c0 = process.cpuUsage(), t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0), cpu = (c.user + c.system) / 1e6;
  console.log(`| ${label} | ${n} | ${((performance.now() - t0) / 1000).toFixed(2)} | ${cpu.toFixed(2)} | ${((cpu / n) * 1000).toFixed(2)} |`);
}

for (const f of files) readFileSync(f); // page cache warm
console.log(`${files.length} files in ${DIR}; one core, sequential\n`);
console.log('| step | files | wall s | CPU s | CPU ms per file |');
console.log('| --- | ---: | ---: | ---: | ---: |');
await measure('read every file', files.length, async () => { for (const f of files) readFileSync(f); });
await measure('read + MD5, SHA-1, SHA-256', files.length, async () => { for (const f of files) digestBuffer(readFileSync(f)); });
await measure('read + type sniffed from content', files.length, async () => { for (const f of files) await fileTypeFromBuffer(readFileSync(f).subarray(0, 4100)); });
await measure('JPEG photos: decode only (sharp)', jpegs.length, async () => { for (const f of jpegs) await sharp(readFileSync(f)).raw().toBuffer(); });
await measure('JPEG photos: PDQ (decode, squash, hash)', jpegs.length, async () => { for (const f of jpegs) await hashImageFile(readFileSync(f)); });
await measure('PNG photos: decode only (sharp)', pngs.length, async () => { for (const f of pngs) await sharp(readFileSync(f)).raw().toBuffer(); });
await measure('PNG photos: PDQ (decode, squash, hash)', pngs.length, async () => { for (const f of pngs) await hashImageFile(readFileSync(f)); });
