import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { MigrationsPendingError, startPlatform } from '../../platform/bootstrap.ts';
import { CliError } from '../cli-error.ts';
import { buildApp } from '../../platform/http/app.ts';
import { decoderStartupReport, printDecoderReport } from '../../pdq/sandbox/startup-report.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the Amaan server (API at /api/v1, docs at /api/docs, web app at /)')
    .option('--demo', 'load the synthetic demo dataset when the database is empty, and print demo sign-ins')
    .option('-p, --port <port>', 'port (overrides PORT)')
    .action(async (opts: { demo?: boolean; port?: string }) => {
      const t0 = performance.now();
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      let platform;
      try {
        platform = await startPlatform(config);
      } catch (err) {
        if (err instanceof MigrationsPendingError) throw new CliError(err.message, 2);
        throw err;
      }
      const { ctx: started, database } = platform;
      let ctx = started;
      // A start never rebuilds the statistics' rollups (src/platform/db/stat-flow-keys.ts): when they are keyed for
      // another zone or catalogue, the figures concerned read the exact SQL, and the operator is told what to run.
      const { describeDue, rollupsDueNow } = await import('../../modules/stats/rollup/state.ts');
      const due = describeDue(await rollupsDueNow(ctx.db, config.timeZone));
      if (due) process.stderr.write(`${due}\n`);
      // Decoders of seized media: the sandbox and ffmpeg are detected (and tried) once, here, at start.
      printDecoderReport(decoderStartupReport(config.env === 'production'), process.stderr, true);
      if (opts.demo) {
        const { loadDemoIfEmpty } = await import('../../demo/demo.loader.ts');
        const { demoMediaRoot } = await import('../../demo/demo.media.ts');
        const demo = await loadDemoIfEmpty(ctx, { onProgress: (m) => process.stdout.write(`  demo: ${m}\n`), mediaRoot: demoMediaRoot(config.dataDir) });
        // The demo media folder (generated, read only) is the one more folder the web app may ingest from.
        if (demo.media) ctx = { ...ctx, config: { ...ctx.config, demoIngestRoot: demo.media.root } };
        if (demo.users.length && config.env !== 'production') {
          process.stdout.write('\nDemo sign-ins (synthetic data; refused when NODE_ENV=production):\n');
          for (const u of demo.users) process.stdout.write(`  ${u.role.padEnd(19)} ${u.username.padEnd(14)} password: ${u.password}\n`);
        }
      }
      const webRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url));
      // Production: JSON request logs (pino, AMAAN_LOG), and Prometheus metrics on a private listener (AMAAN_METRICS_PORT).
      const { createMetrics, startMetricsServer } = await import('../../platform/http/ops.ts');
      const metrics = config.metrics ? createMetrics(ctx) : undefined;
      const app = await buildApp(ctx, { logger: config.jsonLogs, webRoot, metrics });
      // The job queue starts now, not at the first job queued: jobs a killed process left queued or running are
      // taken up (embedded engine) or handed on once their heartbeat is stale (PostgreSQL) at once.
      const { queueFor } = await import('../../platform/jobs/queue.ts');
      await queueFor(ctx);
      // The known-hash index (file read, then caught up) loads in the background: the server answers meanwhile.
      const { knownIndexOf, preloadKnownIndex } = await import('../../modules/hashsets/known-index.ts');
      void preloadKnownIndex(ctx.db);
      // So is the duplicate-person index: persons recorded before it is ready are scored once it is.
      const { preloadPersonIndex } = await import('../../modules/resolution/suggestion.service.ts');
      void preloadPersonIndex(ctx);
      const address = await app.listen({ host: config.host, port: config.port });
      // The district outlines that place a tip's coordinates are built in the background too, once the server listens
      // (not on the first tip carrying coordinates); /ready reports them as `districtOutlines`.
      const { preloadDistrictShapes } = await import('../../modules/reference/district-shapes.ts');
      void preloadDistrictShapes();
      const metricsServer = metrics && config.metrics ? await startMetricsServer(metrics, config.metrics.host, config.metrics.port) : undefined;
      if (metricsServer) process.stdout.write(`metrics at ${metricsServer.url}\n`);
      // Takedown re-notices and legal-request deadline alerts, every few minutes (src/modules/takedowns/schedules.ts).
      const { startSchedules } = await import('../../modules/takedowns/schedules.ts');
      const schedules = startSchedules(ctx);
      const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
      process.stdout.write(`\nAmaan is ready at ${url}  (API docs: ${url}/api/docs; engine: ${ctx.engine}; started in ${Math.round(performance.now() - t0)} ms)\n`);
      const stop = async () => {
        await schedules.stop();
        await metricsServer?.close();
        await app.close();
        await knownIndexOf(ctx.db).settled(); // a write of the index file under way is finished, not left half-done
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
