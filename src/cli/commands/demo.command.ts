import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';

export function register(program: Command): void {
  const demo = program.command('demo').description('the synthetic demo dataset');
  demo
    .command('load')
    .description('load the synthetic demo dataset when the database holds no case yet (never in production)')
    .action(async () => {
      const { loadDemoIfEmpty } = await import('../../demo/demo.loader.ts');
      const { demoMediaRoot } = await import('../../demo/demo.media.ts');
      const result = await withPlatform((ctx) => loadDemoIfEmpty(ctx, { onProgress: (m) => process.stderr.write(`  demo: ${m}\n`), mediaRoot: demoMediaRoot(ctx.config.dataDir) }), { create: true });
      if (result.loaded) {
        const rows = Object.entries(result.counts).map(([table, n]) => `${table} ${n}`).join(', ');
        process.stdout.write(`demo dataset loaded in ${result.ms} ms${rows ? `: ${rows}` : ''}\n`);
      } else {
        process.stdout.write('demo dataset not loaded (the database already holds cases, or NODE_ENV=production)\n');
      }
      if (result.users.length) {
        process.stdout.write('Demo sign-ins (synthetic data; refused when NODE_ENV=production):\n');
        for (const u of result.users) process.stdout.write(`  ${u.role.padEnd(19)} ${u.username.padEnd(18)} password: ${u.password}\n`);
      }
    });
}
