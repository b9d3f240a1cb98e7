// `amaan worker`: runs background jobs (hash-set imports and their re-checks, server-side ingest, the briefing,
// the duplicate-person batch, tip re-scoring, the statistics rebuild) from the
// PostgreSQL queue (pg-boss), as many processes on as many machines as wanted, each with DATABASE_URL.
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { queueFor, stopQueueFor } from '../../platform/jobs/queue.ts';
import { preloadKnownIndex } from '../../modules/hashsets/known-index.ts';
import { preloadPersonIndex } from '../../modules/resolution/suggestion.service.ts';
import { preloadDistrictShapes } from '../../modules/reference/district-shapes.ts';
import '../../modules/hashsets/hashset.jobs.ts';
import '../../modules/media/media.jobs.ts';
import '../../modules/reports/reports.jobs.ts';
import '../../modules/resolution/resolution.jobs.ts';
import '../../modules/tips/tip.jobs.ts';
import '../../modules/stats/rollup/rollup.jobs.ts';

export function register(program: Command): void {
  program
    .command('worker')
    .description('run background jobs from the PostgreSQL queue (DATABASE_URL) until stopped; any number of workers on any machines')
    .option('--concurrency <n>', 'jobs run at once by this process', '1')
    .action(async (o: { concurrency: string }) => {
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new CliError('--concurrency: a whole number 1-64');
      if (!process.env.DATABASE_URL) throw new CliError('workers take jobs from PostgreSQL: set DATABASE_URL (the embedded engine runs its jobs inside `amaan serve`)', 2);
      await withPlatform(async (ctx) => {
        // Loaded in the background from the start, so the first job that matches does not wait for the file.
        void preloadKnownIndex(ctx.db);
        // And the duplicate-person index (jobs that record persons queue their scoring until it is ready).
        void preloadPersonIndex(ctx);
        void preloadDistrictShapes();
        const queue = await queueFor(ctx, { concurrency });
        process.stderr.write(`amaan worker ${process.pid}: taking jobs (${queue.engine}, ${concurrency} at once)\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        process.stderr.write(`amaan worker ${process.pid}: stopping; running jobs are handed back\n`);
        await stopQueueFor(ctx.db);
      });
    });
}
