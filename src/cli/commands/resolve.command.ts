// `amaan resolve --records FILE`: candidate duplicate persons and accounts in a JSON-lines file, one JSON line
// per proposed pair on stdout. Pure computation: no database, no data folder, no configuration.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { CliError } from '../cli-error.ts';
import { RecordInputError } from '../../modules/resolution/input.ts';
import { type Phase, resolveJsonl } from '../../modules/resolution/parallel.ts';
import { DEFAULT_THRESHOLD } from '../../modules/resolution/resolution-index.ts';

export interface ResolveOptions {
  records?: string;
  all?: boolean;
  format: string;
  threshold?: string;
  jobs?: string;
}

const FORMATS = ['jsonl'];
/** Below this input size one thread is faster than starting workers. */
const PARALLEL_FROM_BYTES = 2_000_000;

export function register(program: Command): void {
  program
    .command('resolve')
    .description('propose pairs of records that are likely the same person or account: from a file (no database needed), or --all over the persons in the database')
    .option('--records <file>', 'JSON lines, one record a line ("-" for standard input)')
    .option('--all', 'score every person in the database against every other and store the likely duplicates as suggestions for an analyst (audited)')
    .option('--format <format>', `output format: ${FORMATS.join(' | ')}`, 'jsonl')
    .option('--threshold <score>', `propose pairs scoring at least this (log2 odds; default ${DEFAULT_THRESHOLD})`)
    .option('-j, --jobs <n>', 'worker threads, 1-64 (default: one per core for large files)')
    .addHelpText(
      'after',
      '\nInput, one JSON object a line:\n' +
        '  {"id": "p1", "names": ["Mohd Asif Malik", "محمد آصف"], "dateOfBirth": "1987-03-14",\n' +
        '   "district": "Lahore", "phones": ["0300-1234567"], "cnic": "35202-1234567-1", "handles": ["@asif87"]}\n' +
        'Only id and names are required; dateOfBirth is YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY; "passport" and\n' +
        '"wallets" (e.g. "jazzcash:0300-1234567") are read too; other fields are ignored.\n' +
        'A name may carry the father\'s name ("Ali Raza s/o Akbar Khan", "علی رضا ولد اکبر خان"): it is compared\n' +
        'as evidence of its own (reason "father").\n' +
        '\nOutput: one line per proposed pair, {"a", "b", "score", "reasons": [{"field", "detail", "weight"}]};\n' +
        'the score is the sum of the reason weights: log2 of the odds that a and b are one person, starting\n' +
        'from the odds for two records picked at random from the file. Pairs come in input order of b, then a.\n' +
        'A bad line stops the run with its line number and field (exit code 2); nothing is written then.',
    )
    .action(async (opts: ResolveOptions) => {
      if (opts.all && opts.records !== undefined) throw new CliError('give either --records FILE or --all, not both');
      if (opts.all) {
        process.exitCode = await runResolveAll(opts);
        return;
      }
      if (opts.records === undefined) throw new CliError("required option '--records <file>' not specified (or --all for the persons in the database)");
      process.exitCode = await runResolve({ ...opts, records: opts.records }, process.stdout);
    });
}

function parseNumber(name: string, text: string, integer: boolean, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new CliError(`${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

function readInput(file: string): Uint8Array {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CliError(`--records ${file}: cannot read: ${why}`);
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** `--all`: the batch over the database, with a progress bar on stderr; the counts on stdout. */
async function runResolveAll(opts: ResolveOptions): Promise<number> {
  if (opts.threshold !== undefined || opts.jobs !== undefined) throw new CliError('--threshold and --jobs are for --records; --all uses the default threshold');
  const { withPlatform } = await import('../cli-platform.ts');
  const { resolveAllPersons } = await import('../../modules/resolution/suggestion.service.ts');
  const bar = new cliProgress.SingleBar({ format: 'resolve --all {phase} [{bar}] {value}/{total}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 2000 }, cliProgress.Presets.shades_classic);
  let started = false;
  try {
    const r = await withPlatform((ctx) => resolveAllPersons(ctx, (phase, done, total) => {
      if (!started) { bar.start(total || 1, done, { phase }); started = true; }
      if (total) bar.setTotal(total);
      bar.update(done, { phase });
    }));
    bar.stop();
    process.stdout.write(`${r.persons} persons scored: ${r.pairs} likely duplicate pairs, ${r.stored} suggestions new or re-scored (pairs already merged or rejected keep their decision)\n`);
    return 0;
  } finally {
    bar.stop();
  }
}

/** Runs the verb; answers the exit code. Throws CliError for usage and input errors. */
export async function runResolve(opts: ResolveOptions & { records: string }, out: Writable, errOut: NodeJS.WriteStream = process.stderr): Promise<number> {
  if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(opts.format)}`);
  const threshold = opts.threshold === undefined ? DEFAULT_THRESHOLD : parseNumber('--threshold', opts.threshold, false, -1000, 1000);
  const bytes = readInput(opts.records);
  const jobs = opts.jobs !== undefined
    ? parseNumber('--jobs', opts.jobs, true, 1, 64)
    : bytes.byteLength >= PARALLEL_FROM_BYTES ? Math.min(availableParallelism(), 8) : 1;

  // Progress only on a terminal, only on stderr, only for large inputs: stdout carries nothing but the pairs.
  const bar = errOut.isTTY && bytes.byteLength >= 1_000_000
    ? new cliProgress.SingleBar({ format: 'resolve {phase} [{bar}] {value}/{total}', clearOnComplete: true, stream: errOut }, cliProgress.Presets.shades_classic)
    : null;
  let shown: Phase | null = null;
  const onProgress = bar
    ? (phase: Phase, done: number, total: number): void => {
      if (phase !== shown) {
        if (shown) bar.stop();
        shown = phase;
        bar.start(total || done, done, { phase });
      }
      if (total) bar.setTotal(total);
      bar.update(done, { phase });
    }
    : undefined;

  let pairs;
  try {
    pairs = await resolveJsonl(bytes, { threshold, jobs, onProgress });
  } catch (err) {
    if (err instanceof RecordInputError) throw new CliError(`--records ${opts.records}: ${err.message}`, 2);
    throw err;
  } finally {
    bar?.stop();
  }
  for (const p of pairs) await write(out, `${JSON.stringify({ a: p.a, b: p.b, score: p.score, reasons: p.reasons })}\n`);
  return 0;
}
