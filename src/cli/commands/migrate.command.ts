import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { migrations } from '../../platform/db/migrations/index.ts';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded data folder, or DATABASE_URL as DATABASE_MIGRATION_URL\'s owner role) and print what was applied; in production the server does not migrate at start: run this once per release, while the previous version keeps serving (migrations only add)')
    .action(async () => {
      const { migrated, engine } = await withPlatform(async (ctx, info) => {
        // The job queue's schema (pg-boss) is the owner's to install too: workers that log in as the application
        // role alone may not create it.
        if (ctx.engine === 'postgres') {
          const [{ installJobQueue }, { workerSettings }] = await Promise.all([import('../../platform/jobs/pgboss-queue.ts'), import('../../platform/jobs/queue.ts')]);
          await installJobQueue(ctx, workerSettings());
        }
        return { migrated: info.migrated, engine: ctx.engine };
      }, { create: true, migrate: true });
      for (const name of migrated) process.stdout.write(`applied ${name}\n`);
      process.stdout.write(migrated.length
        ? `${migrated.length} migration(s) applied (${engine}); the database is up to date\n`
        : `nothing to apply: the database is up to date (${Object.keys(migrations).length} migrations, ${engine})\n`);
    });
}
