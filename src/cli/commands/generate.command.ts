import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';

// `amaan generate`: the national-scale synthetic dataset (src/modules/generate/) for tests and benchmarks.

interface Flags { cases: string; persons?: string; seed: string; districts: string; mediaPerCase: string; batchCases: string; copy: boolean; json?: boolean }

/** A whole number from min to max, or a usage error naming the option. */
function wholeNumber(option: string, given: string, min: number, max: number): number {
  const text = given.trim().replace(/_/g, '');
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`${option} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')} (got "${given}")`);
  return n;
}

/** The checked flags (nothing is opened before they are all good). */
export function parseGenerateFlags(f: Flags): { cases: number; persons: number; seed: number; districts?: string[]; mediaPerCase: number; batchCases: number } {
  const cases = wholeNumber('--cases', f.cases, 1, 10_000_000);
  const persons = f.persons === undefined ? cases * 5 : wholeNumber('--persons', f.persons, 1, 50_000_000);
  if (persons < cases) throw new CliError(`--persons must be at least --cases (every case has a suspect): ${persons} < ${cases}`);
  const seed = wholeNumber('--seed', f.seed, 0, 0xffff_ffff);
  const mediaPerCase = wholeNumber('--media-per-case', f.mediaPerCase, 0, 1000);
  const batchCases = wholeNumber('--batch-cases', f.batchCases, 1, 20_000);
  const d = f.districts.trim();
  if (!d) throw new CliError('--districts must be "all" or district names separated by commas');
  const districts = d.toLowerCase() === 'all' ? undefined : d.split(',').map((s) => s.trim()).filter(Boolean);
  if (districts && !districts.length) throw new CliError('--districts must be "all" or district names separated by commas');
  return { cases, persons, seed, districts, mediaPerCase, batchCases };
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('fill an EMPTY database with an invented national-scale dataset for tests and benchmarks (cases over the districts by population, persons, links, victims by pseudonym, media hashes); refused in production')
    .requiredOption('--cases <n>', 'number of cases (1 to 10,000,000)')
    .option('--persons <n>', 'number of persons (suspects, witnesses...; at least --cases; default 5 x cases)')
    .option('--seed <n>', 'the same seed and flags give the same data', '1')
    .option('--districts <list>', '"all", or district names separated by commas (cases shared out by population)', 'all')
    .option('--media-per-case <k>', 'seized files per case (hashes only; 0 for none)', '2')
    .option('--batch-cases <n>', 'cases per transaction (an interrupted run keeps only whole batches)', '1000')
    .option('--no-copy', 'PostgreSQL: write by INSERTs with every index and trigger in place (slower; the default is COPY with indexes built after the load)')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: Flags) => {
      const opts = parseGenerateFlags(flags);
      const { runGenerate, analyzeGenerated } = await import('../../modules/generate/generate.service.ts');
      const bar = new cliProgress.SingleBar({
        format: ' {bar} {percentage}% | {value}/{total} cases | {rate} cases/s | ETA {eta_formatted}',
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: Number(process.env.AMAAN_PROGRESS_MS) || 5000,
      }, cliProgress.Presets.shades_classic);
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      const started = Date.now();
      let barStarted = false;
      const result = await withPlatform((ctx) => runGenerate(ctx, {
        ...opts,
        copy: flags.copy,
        signal: controller.signal,
        say: (line) => process.stderr.write(`\n${line}\n`),
        onProgress: (done, total) => {
          const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
          if (!barStarted) {
            bar.start(total, done, { rate });
            barStarted = true;
          } else bar.update(done, { rate });
        },
      })).finally(() => {
        process.off('SIGINT', stop);
        if (barStarted) bar.stop();
      });
      if (result.casesWritten > 0) {
        process.stderr.write('planner statistics and visibility maps (VACUUM ANALYZE)...\n');
        const { loadConfig } = await import('../../platform/config.ts');
        await analyzeGenerated(loadConfig());
      }
      if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else {
        const rows = Object.entries(result.rows).map(([t, n]) => `${t} ${n}`).join(', ');
        process.stdout.write(`generate ${result.aborted ? 'stopped (whole batches kept)' : 'done'}: ${result.casesWritten} cases over ${result.districts} districts in ${(result.ms / 1000).toFixed(1)} s; rows: ${rows}\n`);
      }
      if (result.aborted) process.exitCode = 130;
    });
}
