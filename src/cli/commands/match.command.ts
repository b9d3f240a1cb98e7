// `amaan match`: every (query, known) pair of PDQ hashes within a Hamming distance, via the
// multi-index hashing index of src/pdq/matching (exact: same pairs as brute force).
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../cli-error.ts';
import { HashFileError, readHashFile } from '../../pdq/matching/hash-file.ts';
import type { HashStore } from '../../pdq/matching/hash-store.ts';
import { FlatIndex } from '../../pdq/matching/brute-force.ts';
import { MihIndex } from '../../pdq/matching/mih-index.ts';
import { WORDS_PER_HASH } from '../../pdq/matching/hex.ts';
import type { PdqIndex } from '../../pdq/matching/types.ts';

export interface MatchOptions {
  index: string;
  queries: string;
  threshold: string;
  format: string;
  engine: string;
}

const FORMATS = ['jsonl', 'tsv'];
const ENGINES = ['mih', 'flat'];

export function register(program: Command): void {
  program
    .command('match')
    .description('find every known PDQ hash within a Hamming distance of each query hash (exact)')
    .requiredOption('--index <file>', 'known hashes: one 64-hex PDQ hash per line')
    .requiredOption('--queries <file>', 'query hashes: one 64-hex PDQ hash per line')
    .option('-t, --threshold <n>', 'largest Hamming distance that counts as a match, 0-256 (PDQ: 31)', '31')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'jsonl')
    .option('--engine <engine>', `index: ${ENGINES.join(' | ')} (mih picks a flat scan itself when that is faster)`, 'mih')
    .addHelpText(
      'after',
      '\nOutput: one line per match, {"query": Q, "match": M, "distance": D} with 0-based line numbers,\n' +
        'in query order, then distance, then match. A malformed line stops with its file and line, exit code 2.',
    )
    .action(async (opts: MatchOptions) => {
      await runMatch(opts, process.stdout);
    });
}

function parseThreshold(text: string): number {
  if (!/^\d{1,3}$/.test(text) || Number(text) > 256) {
    throw new CliError(`--threshold must be an integer from 0 to 256, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function readHashes(file: string): HashStore {
  try {
    return readHashFile(file);
  } catch (err) {
    if (err instanceof HashFileError) throw new CliError(err.message);
    const e = err as NodeJS.ErrnoException;
    if (e.code) throw new CliError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code}`);
    throw err;
  }
}

/** Writes text, waiting for the stream to drain when its buffer is full (large outputs). */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

export async function runMatch(opts: MatchOptions, out: Writable): Promise<void> {
  const threshold = parseThreshold(opts.threshold);
  if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}`);
  if (!ENGINES.includes(opts.engine)) throw new CliError(`--engine must be one of ${ENGINES.join(', ')}, got ${JSON.stringify(opts.engine)}`);

  const known = readHashes(opts.index);
  const queries = readHashes(opts.queries);
  const index: PdqIndex = opts.engine === 'flat' ? new FlatIndex(known) : new MihIndex(known);
  index.build();

  const bar =
    process.stderr.isTTY && queries.count >= 1000
      ? new cliProgress.SingleBar({ format: 'matching [{bar}] {value}/{total} queries', clearOnComplete: true, stream: process.stderr })
      : null;
  bar?.start(queries.count, 0);
  const tsv = opts.format === 'tsv';
  let buf = tsv ? 'query\tmatch\tdistance\n' : '';
  for (let q = 0; q < queries.count; q++) {
    const qw = queries.words.subarray(q * WORDS_PER_HASH, (q + 1) * WORDS_PER_HASH);
    for (const m of index.search(qw, threshold)) {
      buf += tsv ? `${q}\t${m.index}\t${m.distance}\n` : `{"query":${q},"match":${m.index},"distance":${m.distance}}\n`;
    }
    if (buf.length > 1 << 16) {
      await write(out, buf);
      buf = '';
    }
    if ((q & 255) === 255) bar?.update(q + 1);
  }
  bar?.stop();
  if (buf) await write(out, buf);
}
