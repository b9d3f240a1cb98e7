// `amaan match`: every (query, known) pair of PDQ hashes within a Hamming distance (exact: same pairs as
// brute force). Default engine: the blocked SIMD scan of src/pdq/matching/scan-index.ts over all the
// queries at once, on every core (issue 14: faster here than MIH at PDQ's radius, with no index to
// build); 'mih' and 'flat' remain for comparison.
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../cli-error.ts';
import { HashFileError, readHashFile } from '../../pdq/matching/hash-file.ts';
import type { HashStore } from '../../pdq/matching/hash-store.ts';
import { FlatIndex } from '../../pdq/matching/brute-force.ts';
import { MihIndex } from '../../pdq/matching/mih-index.ts';
import { type ParallelOptions, ScanIndex } from '../../pdq/matching/scan-index.ts';
import { QUERY_CHUNK } from '../../pdq/matching/scan-kernel.ts';
import { WORDS_PER_HASH } from '../../pdq/matching/hex.ts';
import type { PdqIndex, PdqMatch } from '../../pdq/matching/types.ts';

export interface MatchOptions {
  index: string;
  queries: string;
  threshold: string;
  format: string;
  engine: string;
}

const FORMATS = ['jsonl', 'tsv'];
const ENGINES = ['auto', 'scan', 'mih', 'flat'];

export function register(program: Command): void {
  program
    .command('match')
    .description('find every known PDQ hash within a Hamming distance of each query hash (exact)')
    .requiredOption('--index <file>', 'known hashes: one 64-hex PDQ hash per line')
    .requiredOption('--queries <file>', 'query hashes: one 64-hex PDQ hash per line')
    .option('-t, --threshold <n>', 'largest Hamming distance that counts as a match, 0-256 (PDQ: 31)', '31')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'jsonl')
    .option('--engine <engine>', `index: ${ENGINES.join(' | ')} (auto = scan: blocked SIMD scan on every core; mih picks a flat scan itself when that is faster)`, 'auto')
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

/** Seconds spent in each phase of a run (for the benchmark). */
export interface MatchTimings {
  read: number;
  build: number;
  match: number;
  /** CPU seconds of the process (all threads) in the matching phase. */
  matchCpu: number;
}

/** `parallel`: threads and split for the scan (the benchmark compares them; the command uses the defaults). */
export async function runMatch(opts: MatchOptions, out: Writable, timings?: MatchTimings, parallel?: ParallelOptions): Promise<void> {
  const threshold = parseThreshold(opts.threshold);
  if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}`);
  if (!ENGINES.includes(opts.engine)) throw new CliError(`--engine must be one of ${ENGINES.join(', ')}, got ${JSON.stringify(opts.engine)}`);

  const t0 = performance.now();
  const known = readHashes(opts.index);
  const queries = readHashes(opts.queries);
  const t1 = performance.now();
  const scan = opts.engine === 'auto' || opts.engine === 'scan';
  const index: PdqIndex = scan ? new ScanIndex(known) : opts.engine === 'flat' ? new FlatIndex(known) : new MihIndex(known);
  index.build();
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  let writing = 0;

  const bar =
    process.stderr.isTTY && queries.count >= 1000
      ? new cliProgress.SingleBar({ format: 'matching [{bar}] {value}/{total} queries', clearOnComplete: true, stream: process.stderr })
      : null;
  bar?.start(queries.count, 0);
  const tsv = opts.format === 'tsv';
  let buf = tsv ? 'query\tmatch\tdistance\n' : '';
  const emit = async (q: number, matches: PdqMatch[]): Promise<void> => {
    for (const m of matches) {
      buf += tsv ? `${q}\t${m.index}\t${m.distance}\n` : `{"query":${q},"match":${m.index},"distance":${m.distance}}\n`;
    }
    if (buf.length > 1 << 16) {
      const w0 = performance.now();
      await write(out, buf);
      writing += performance.now() - w0;
      buf = '';
    }
  };
  // The scan answers a whole chunk of queries per pass over the known hashes (and spreads it over the cores).
  const step = scan ? QUERY_CHUNK : 256;
  for (let q0 = 0; q0 < queries.count; q0 += step) {
    const q1 = Math.min(queries.count, q0 + step);
    const words = queries.words.subarray(q0 * WORDS_PER_HASH, q1 * WORDS_PER_HASH);
    if (index instanceof ScanIndex) {
      const results = await index.searchBatchParallel(words, threshold, parallel);
      for (let k = 0; k < results.length; k++) await emit(q0 + k, results[k]!);
    } else {
      for (let q = q0; q < q1; q++) await emit(q, index.search(queries.words.subarray(q * WORDS_PER_HASH, (q + 1) * WORDS_PER_HASH), threshold));
    }
    bar?.update(q1);
  }
  bar?.stop();
  if (buf) await write(out, buf);
  if (timings) {
    timings.read = (t1 - t0) / 1000;
    timings.build = (t2 - t1) / 1000;
    timings.match = (performance.now() - t2 - writing) / 1000;
    const cpu = process.cpuUsage(cpu0);
    timings.matchCpu = (cpu.user + cpu.system) / 1e6;
  }
}
