// `amaan hash FILE...`: size, MD5, SHA-1, SHA-256 of every file, plus the PDQ hash and quality of images
// (decoded the way Meta's reference does, see src/pdq/decode.ts). One record per file, in input order.
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../cli-error.ts';
import { type HashOutcome, type HashRecord, hashFile } from '../../pdq/hash-file.ts';
import { DEFAULT_MAX_PIXELS } from '../../pdq/decode.ts';
import { DIHEDRAL_NAMES } from '../../pdq/dct.ts';

export interface HashOptions {
  format: string;
  dihedral?: boolean;
  jobs: string;
  maxPixels: string;
}

const FORMATS = ['jsonl', 'tsv'];

export function register(program: Command): void {
  program
    .command('hash')
    .description('cryptographic hashes of files, and PDQ perceptual hashes of images')
    .argument('<files...>', 'files to hash')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'jsonl')
    .option('--dihedral', 'also give the PDQ hashes of the 7 rotated/flipped versions of each image')
    .option('-j, --jobs <n>', 'files processed at the same time, 1-16', '3')
    .option('--max-pixels <n>', 'refuse images larger than this many pixels', String(DEFAULT_MAX_PIXELS))
    .addHelpText(
      'after',
      '\nOutput: one record per file: path, size, md5, sha1, sha256; for images (recognised by content)\n' +
        'also pdq (64 hex), quality (0-100; below 50 the hash is unreliable), width, height; or error.\n' +
        'EXIF orientation and ICC profiles are not applied, as in the PDQ reference.\n' +
        'Exit code 1 if any file could not be read, else 0 (undecodable images only get an error field).',
    )
    .action(async (files: string[], opts: HashOptions) => {
      process.exitCode = await runHash(files, opts, process.stdout);
    });
}

function parseIntOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new CliError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** Hashes the files with at most `jobs` in flight, writing records in input order. Returns the exit code. */
export async function runHash(
  files: string[], opts: HashOptions, out: Writable, errOut: Writable = process.stderr,
): Promise<number> {
  if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}`);
  const jobs = parseIntOption('--jobs', opts.jobs, 1, 16);
  const maxPixels = parseIntOption('--max-pixels', opts.maxPixels, 1, Number.MAX_SAFE_INTEGER);
  const dihedral = Boolean(opts.dihedral);
  const format = opts.format === 'tsv' ? toTsv : toJsonl;

  const bar = process.stderr.isTTY && files.length >= 20
    ? new cliProgress.SingleBar({ format: 'hashing [{bar}] {value}/{total} files', clearOnComplete: true, stream: process.stderr })
    : null;
  bar?.start(files.length, 0);
  if (opts.format === 'tsv') await write(out, tsvHeader(dihedral));

  const done = new Map<number, HashOutcome>();
  let next = 0, written = 0, unreadable = 0;
  const flush = async (): Promise<void> => {
    while (done.has(written)) {
      const o = done.get(written)!;
      done.delete(written++);
      if (o.unreadable) unreadable++;
      await write(out, format(o.record, dihedral));
      bar?.update(written);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      done.set(i, await hashFile(files[i], { dihedral, maxPixels }));
      await flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, worker));
  await flush();
  bar?.stop();
  if (unreadable > 0) errOut.write(`amaan: ${unreadable} of ${files.length} files could not be read\n`);
  return unreadable > 0 ? 1 : 0;
}

function toJsonl(r: HashRecord): string {
  return `${JSON.stringify(r)}\n`;
}

const TSV_COLUMNS = ['path', 'size', 'md5', 'sha1', 'sha256', 'mime', 'width', 'height', 'pdq', 'quality'] as const;

function tsvHeader(dihedral: boolean): string {
  return [...TSV_COLUMNS, ...(dihedral ? DIHEDRAL_NAMES : []), 'error'].join('\t') + '\n';
}

/** Tabs, newlines and backslashes in values are escaped so every record stays on one line. */
function tsvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

function toTsv(r: HashRecord, dihedral: boolean): string {
  const cells = TSV_COLUMNS.map((c) => tsvCell(r[c]));
  if (dihedral) for (const n of DIHEDRAL_NAMES) cells.push(tsvCell(r.dihedral?.[n]));
  cells.push(tsvCell(r.error));
  return cells.join('\t') + '\n';
}
