// `amaan report briefing|export`: the briefing PDF and table exports (issue 12). Both write a file the agency
// publishes: small counts suppressed, every product audited and recorded with its figures.
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { briefingQuery } from '../../modules/reports/reports.schema.ts';
import { exportTables } from '../../modules/reports/export.tables.ts';
import { produceBriefing, produceExport } from '../../modules/reports/reports.service.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Claims the output file first, so a refused write never costs an (audited) report. */
async function claim(path: string, force: boolean | undefined): Promise<FileHandle> {
  try {
    return await open(path, force ? 'w' : 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${path} exists; use --force to overwrite it`);
    throw new CliError(`cannot write ${path}: ${(err as Error).message}`);
  }
}

async function writeOut(path: string, handle: FileHandle, produce: () => Promise<Buffer>): Promise<void> {
  try {
    await handle.writeFile(await produce());
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
}

function progressBar(label: string) {
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} {step}`, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 500, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(step: string, done: number, total: number) {
      if (!started) {
        bar.start(total, 0, { step });
        started = true;
      }
      bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function register(program: Command): void {
  const report = program.command('report').description('reports that leave the agency: the briefing PDF and table exports (small counts suppressed; audited)');

  report
    .command('briefing')
    .description('the briefing report as a PDF: headline figures, the operation of the period, trends, sentences, children in care, external counts beside the agency\'s, the audit chain anchor')
    .requiredOption('--from <day>', 'first day (YYYY-MM-DD, in the agency time zone AMAAN_TIME_ZONE)')
    .requiredOption('--to <day>', 'last day, inclusive')
    .option('--province <name>', 'one province (default: the nation)')
    .option('--lang <en|ur>', 'language of the report: en (default) or ur (Urdu, right to left)')
    .requiredOption('--out <file.pdf>', 'PDF to write (created readable by you only)')
    .option('--force', 'overwrite the file if it exists')
    .action(async (opts: { from: string; to: string; province?: string; lang?: string; out: string; force?: boolean }) => {
      const q = briefingQuery.safeParse({ from: opts.from, to: opts.to, ...(opts.province ? { province: opts.province } : {}), ...(opts.lang !== undefined ? { lang: opts.lang } : {}) });
      if (!q.success) throw new CliError(q.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      const handle = await claim(opts.out, opts.force);
      const bar = progressBar('briefing');
      let result: Awaited<ReturnType<typeof produceBriefing>> | undefined;
      try {
        await writeOut(opts.out, handle, async () => {
          result = await withPlatform((ctx) => produceBriefing(ctx, q.data, (step, done, total) => bar.update(step, done, total)));
          return result.pdf;
        });
      } finally {
        bar.stop();
      }
      const r = result!;
      process.stdout.write(`wrote ${opts.out} (${r.pdf.length} bytes, sha256 ${r.sha256}): ${r.data.area}, ${r.data.from} to ${r.data.to}; recorded as report ${r.reportId}; audit anchor ${r.data.anchor ? `${r.data.anchor.seq} ${r.data.anchor.hash}` : '(empty trail)'}\n`);
    });

  const names = exportTables.map((t) => `  ${t.name.padEnd(24)} ${t.published ? '[published, suppressed] ' : '[internal] '}${t.description}`).join('\n');
  report
    .command('export')
    .description('one table as CSV or XLSX; published tables suppress small counts')
    .requiredOption('--table <name>', 'the table (see the list below)')
    .requiredOption('--format <csv|xlsx>', 'csv or xlsx')
    .requiredOption('--out <file>', 'file to write (created readable by you only)')
    .option('--from <day>', 'first day (YYYY-MM-DD, agency time zone)')
    .option('--to <day>', 'last day, inclusive')
    .option('--province <name>', 'one province')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', `\nTables:\n${names}\n`)
    .action(async (opts: { table: string; format: string; out: string; from?: string; to?: string; province?: string; force?: boolean }) => {
      if (!exportTables.some((t) => t.name === opts.table)) throw new CliError(`--table: no table ${opts.table}; one of ${exportTables.map((t) => t.name).join(', ')}`);
      if (opts.format !== 'csv' && opts.format !== 'xlsx') throw new CliError('--format: csv or xlsx');
      for (const k of ['from', 'to'] as const) if (opts[k] !== undefined && !DAY.test(opts[k]!)) throw new CliError(`--${k}: a day YYYY-MM-DD`);
      if (opts.from && opts.to && opts.from > opts.to) throw new CliError('--to: must not be before --from');
      const format = opts.format;
      const handle = await claim(opts.out, opts.force);
      const bar = progressBar('export');
      let result: Awaited<ReturnType<typeof produceExport>> | undefined;
      try {
        await writeOut(opts.out, handle, async () => {
          result = await withPlatform((ctx) => produceExport(ctx, opts.table, format, { from: opts.from ?? null, to: opts.to ?? null, province: opts.province ?? null }, (step, done, total) => bar.update(step, done, total)));
          return result.bytes;
        });
      } finally {
        bar.stop();
      }
      process.stdout.write(`wrote ${opts.out}: ${result!.rows} rows of ${opts.table} (${result!.published ? 'published, small counts suppressed' : 'internal'}), sha256 ${result!.sha256}; audited\n`);
    });
}
