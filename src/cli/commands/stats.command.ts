// `amaan stats rebuild`: rebuilds the statistics' pre-aggregations (flow events, cases by status, monthly
// checkpoints) for the configured time zone and the offence catalogue as it stands, when they are keyed otherwise
// (after AMAAN_TIME_ZONE changed, the catalogue's child-exploitation flags were edited, or a load with triggers
// off). Until then those figures read the exact SQL: right, only slower. Safe to repeat and to run while the
// server runs on PostgreSQL (writers of cases wait for each part's lock); each part commits with its audit entry.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { ROLLUP_PARTS, rebuildRollups, type RollupPart } from '../../modules/stats/rollup/rebuild.ts';
import { describeDue, rollupsDueNow } from '../../modules/stats/rollup/state.ts';

export function register(program: Command): void {
  const stats = program.command('stats').description('statistics: the pre-aggregations behind the figures');
  stats.command('status')
    .description('whether the pre-aggregations are keyed for the configured time zone and the current offence catalogue')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const due = await withPlatform((ctx) => rollupsDueNow(ctx.db, ctx.config.timeZone));
      if (o.json) process.stdout.write(`${JSON.stringify(due, null, 2)}\n`);
      else process.stdout.write(`${describeDue(due) ?? 'statistics: the rollups are keyed as the figures are asked'}${due.checkpoints ? `\n${due.checkpoints} month(s) without a stock checkpoint (the server's schedule adds them)` : ''}\n`);
    });
  stats.command('rebuild')
    .description('rebuild the pre-aggregations that are not keyed for the configured time zone and the current offence catalogue (idempotent; flow and stock online, in batches of cases, so writes wait at most for one batch; each part audited)')
    .option('--force', 'rebuild every part even when it is keyed as asked')
    .option('--only <parts>', `comma-separated parts: ${ROLLUP_PARTS.join(', ')}`)
    .option('--job', 'queue it as a background job (run by `amaan worker` or the server) and print the job id')
    .option('--json', 'print JSON')
    .action(async (o: { force?: boolean; only?: string; job?: boolean; json?: boolean }) => {
      let parts: RollupPart[] | undefined;
      if (o.only !== undefined) {
        const asked = o.only.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = asked.filter((p) => !(ROLLUP_PARTS as readonly string[]).includes(p));
        if (!asked.length || bad.length) throw new CliError(`--only: one or more of ${ROLLUP_PARTS.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}`);
        parts = asked as RollupPart[];
      }
      if (o.job) {
        if (parts) throw new CliError('--only: the job rebuilds every part that is due; run the command without --job for some parts');
        // The embedded engine runs jobs inside `amaan serve`, which holds the data folder: only PostgreSQL queues here.
        if (!process.env.DATABASE_URL) throw new CliError('--job: jobs are queued in PostgreSQL (DATABASE_URL); on the embedded engine run the command itself, with the server stopped', 2);
        await import('../../modules/stats/rollup/rollup.jobs.ts');
        // Enqueued through pg-boss by this process's queue (no worker here: concurrency 0).
        const id = await withPlatform(async (ctx) => {
          const { queueFor, stopQueueFor } = await import('../../platform/jobs/queue.ts');
          try {
            return await (await queueFor(ctx, { concurrency: 0 })).enqueue(ctx, 'stats.rebuild', { force: o.force === true });
          } finally {
            await stopQueueFor(ctx.db);
          }
        });
        process.stdout.write(o.json ? `${JSON.stringify({ backgroundJobId: id })}\n` : `queued job ${id} (follow it with \`amaan jobs show ${id}\`)\n`);
        return;
      }
      const bar = new cliProgress.SingleBar({ format: 'rebuilding [{bar}] {value}/{total} {part}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      let started = false;
      const out = await withPlatform((ctx) => rebuildRollups(ctx, {
        force: o.force,
        parts,
        onProgress: (done, total, part) => {
          if (!started) {
            bar.start(total, 0, { part });
            started = true;
          }
          bar.update(done, { part });
        },
      })).finally(() => { if (started) bar.stop(); });
      if (o.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else for (const p of out) process.stdout.write(`${p.part.padEnd(12)} ${p.rebuilt ? `rebuilt (${p.reason}): ${p.count} ${p.part === 'flow' ? 'events' : p.part === 'stock' ? 'case parts' : 'month(s)'}` : 'up to date'} [${p.timeZone}]\n`);
    });
}
