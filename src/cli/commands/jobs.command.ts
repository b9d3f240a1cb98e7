// `amaan jobs list|show`: background jobs and their progress, as the web app shows them (rows of background_jobs).
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function register(program: Command): void {
  const jobs = program.command('jobs').description('background jobs and their progress');
  jobs.command('list')
    .description('the latest jobs')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(async (o: { limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit: a whole number 1-1000');
      const rows = await withPlatform((ctx) => ctx.db.selectFrom('background_jobs').select(['id', 'kind', 'state', 'progress_done', 'progress_total', 'unit', 'attempts', 'error', 'created_at', 'finished_at']).orderBy('created_at', 'desc').limit(limit).execute());
      if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) process.stdout.write(`${r.id}  ${r.kind.padEnd(16)} ${r.state.padEnd(8)} ${r.progress_done}/${r.progress_total ?? '?'} ${r.unit}  attempts ${r.attempts}${r.error ? `  (${r.error})` : ''}\n`);
    });
  jobs.command('show')
    .description('one job: state, progress, result or error')
    .argument('<id>', 'job id')
    .action(async (id: string) => {
      if (!UUID.test(id)) throw new CliError('the job id is a UUID');
      const row = await withPlatform((ctx) => ctx.db.selectFrom('background_jobs').select(['id', 'kind', 'state', 'progress_done', 'progress_total', 'unit', 'attempts', 'worker', 'result', 'error', 'checkpoint', 'created_at', 'started_at', 'finished_at']).where('id', '=', id).executeTakeFirst());
      if (!row) throw new CliError(`no job ${id}`, 3);
      process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
    });
}
