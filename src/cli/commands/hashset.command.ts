import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { hashSetFormats, readHashSetFile, type HashSetFormat } from '../../modules/hashsets/formats/index.ts';
import { exportHashSet, importHashSet, listHashSets } from '../../modules/hashsets/hashset.service.ts';

function parseFormat(value: string): HashSetFormat {
  if (!(hashSetFormats as readonly string[]).includes(value)) throw new CliError(`--format must be one of ${hashSetFormats.join(', ')}`);
  return value as HashSetFormat;
}

export function register(program: Command): void {
  const hs = program.command('hashset').description('known-material hash sets: import, export, list');

  hs.command('import')
    .description('import a hash set file (streamed; all or nothing)')
    .argument('<file>', 'VICS JSON, ICSE CSV, plain CSV or a hash list')
    .requiredOption('--name <name>', 'a unique name for the set')
    .requiredOption('--source <source>', 'where the set comes from')
    .requiredOption('--format <format>', hashSetFormats.join(' | '))
    .option('--version <version>', 'version of the set', '')
    .option('--description <text>', 'description', '')
    .option('--scheme <scheme>', 'category scheme: us | uk | custom', 'us')
    .option('--category <code>', 'category for every entry of a bare hash list', '0')
    .action(async (file: string, opts: { name: string; source: string; format: string; version: string; description: string; scheme: string; category: string }) => {
      const format = parseFormat(opts.format);
      if (!['us', 'uk', 'custom'].includes(opts.scheme)) throw new CliError('--scheme must be us, uk or custom');
      const size = await stat(file).then((s) => s.size, () => {
        throw new CliError(`${file}: no such file`);
      });
      const bar = new cliProgress.SingleBar({ format: ' {bar} {percentage}% | {entries} entries | ETA {eta_formatted}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
      bar.start(size, 0, { entries: 0 });
      let entries = 0;
      try {
        const result = await withPlatform((ctx) =>
          importHashSet(
            ctx,
            { name: opts.name, source: opts.source, version: opts.version, description: opts.description, categoryScheme: opts.scheme as 'us' | 'uk' | 'custom' },
            readHashSetFile(file, format, { category: opts.category, onBytes: (n) => bar.update(n, { entries }) }),
            (p) => {
              entries = p.entries;
            },
          ),
        );
        bar.update(size, { entries: result.entries });
        bar.stop();
        process.stdout.write(`imported ${result.entries} entries into hash set ${opts.name} (${result.id})\n`);
      } catch (err) {
        bar.stop();
        throw err;
      }
    });

  hs.command('export')
    .description('export a hash set (audited)')
    .requiredOption('--name <name>', 'the set to export')
    .requiredOption('--format <format>', hashSetFormats.join(' | '))
    .requiredOption('--out <file>', 'file to write')
    .option('--amaan', 'VICS only: add Amaan PDQ fields (for another Amaan)')
    .action(async (opts: { name: string; format: string; out: string; amaan?: boolean }) => {
      const format = parseFormat(opts.format);
      const n = await withPlatform(async (ctx) => {
        const set = await ctx.db.selectFrom('hash_sets').select('id').where('name', '=', opts.name).executeTakeFirst();
        if (!set) throw new CliError(`no hash set named ${opts.name}`, 3);
        const out = createWriteStream(opts.out);
        const count = await exportHashSet(ctx, set.id, format, out, { includeAmaan: opts.amaan });
        await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
        return count;
      });
      process.stdout.write(`wrote ${n} entries to ${opts.out}\n`);
    });

  hs.command('list')
    .description('list the hash sets')
    .action(async () => {
      const { items: sets } = await withPlatform((ctx) => listHashSets(ctx.db, { limit: 1_000_000, offset: 0 }));
      for (const s of sets) process.stdout.write(`${s.name}\t${s.entryCount} entries\t${s.source}\t${s.version}\t${s.id}\n`);
      if (!sets.length) process.stdout.write('no hash sets\n');
    });
}
