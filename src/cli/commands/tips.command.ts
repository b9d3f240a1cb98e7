import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { createKey, ensureOrganisation, listKeys, revokeKey } from '../../modules/tips/tip-keys.service.ts';
import { preloadDistrictShapes } from '../../modules/reference/district-shapes.ts';
import { IMPORT_BATCH, importReports } from '../../modules/tips/tip.service.ts';

// `amaan tips`: reporting organisations' keys, and batches of reports (JSON array or JSON lines).

type Item = { item: number; body: unknown } | { item: number; error: string };

/** The reports of a file: a JSON array (read whole) or JSON lines (streamed; blank lines skipped). Items count from 1. */
export async function* readReports(file: string): AsyncGenerator<Item> {
  const head = await new Promise<string>((resolve, reject) => {
    const s = createReadStream(file, { start: 0, end: 4095, encoding: 'utf8' });
    let text = '';
    s.on('data', (c) => (text += c));
    s.on('end', () => resolve(text));
    s.on('error', reject);
  });
  if (head.trimStart().startsWith('[')) {
    let all: unknown;
    try {
      all = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CliError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(all)) throw new CliError(`${file}: a JSON array of reports, or one report per line`);
    for (const [i, body] of all.entries()) yield { item: i + 1, body };
    return;
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      yield { item: n, body: JSON.parse(line) };
    } catch (err) {
      yield { item: n, error: `line ${n} is not valid JSON (${(err as Error).message})` };
    }
  }
}

async function countItems(file: string): Promise<number> {
  const text = await readFile(file, 'utf8');
  if (text.trimStart().startsWith('[')) {
    try {
      const all = JSON.parse(text) as unknown;
      return Array.isArray(all) ? all.length : 0;
    } catch {
      return 0;
    }
  }
  return text.split('\n').filter((l) => l.trim()).length;
}

export function register(program: Command): void {
  const tips = program.command('tips').description('tips from platforms, NGOs and the public: reporting organisations\' keys, batch import');
  const key = tips.command('key').description('API keys of reporting organisations');

  key.command('create')
    .description('issue a key to an organisation (created when new); prints the bearer token once, on stdout')
    .requiredOption('--organisation <name>', 'the reporting organisation (a platform or an NGO)')
    .option('--label <text>', 'what the key is for', '')
    .option('--days <n>', 'days until it expires (at most 730)', '365')
    .action(async (opts: { organisation: string; label: string; days: string }) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > 730) throw new CliError('--days must be a whole number from 1 to 730');
      const created = await withPlatform(async (ctx) => {
        const org = await ensureOrganisation(ctx, opts.organisation);
        return createKey(ctx, org.id, { label: opts.label, expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() });
      });
      process.stderr.write(`key ${created.id} for ${created.organisation}, expires ${created.expiresAt}; the token below is shown once and not stored:\n`);
      process.stdout.write(`${created.token}\n`);
    });

  key.command('list')
    .description('keys of every organisation (never the tokens)')
    .action(async () => {
      const { items } = await withPlatform((ctx) => listKeys(ctx));
      for (const k of items) process.stdout.write(`${k.id}\t${k.organisation}\t${k.prefix}…\t${k.active ? 'active' : k.revokedAt ? 'revoked' : 'expired'}\texpires ${k.expiresAt}\t${k.tips} tips\n`);
    });

  key.command('revoke')
    .description('revoke a key: it stops working at once')
    .argument('<id>', 'the key id (amaan tips key list)')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new CliError('give the key id (a UUID) shown by amaan tips key list');
      await withPlatform((ctx) => revokeKey(ctx, id));
      process.stdout.write(`revoked ${id}\n`);
    });

  tips.command('import')
    .description('file a batch of reports (JSON array, or one JSON report per line) for an organisation; the same report twice is one tip')
    .argument('<file>', 'the batch')
    .requiredOption('--organisation <name>', 'the reporting organisation the batch comes from (created when new)')
    .option('--batch <n>', `reports filed together in one transaction (two batches are written at a time; a batch the database refuses is filed again in halves, so a bad report never takes the others down)`, String(IMPORT_BATCH))
    .option('--concurrency <n>', 'reports in flight at once (older option: the batch is then half of it)')
    .option('--refused <file>', 'write every refused report\'s item number and reasons here (JSON lines)')
    .action(async (file: string, opts: { organisation: string; batch: string; concurrency?: string; refused?: string }) => {
      await stat(file).catch(() => {
        throw new CliError(`${file}: no such file`);
      });
      let batch = Number(opts.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 2000) throw new CliError('--batch must be from 1 to 2000');
      if (opts.concurrency !== undefined) {
        const concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 4000) throw new CliError('--concurrency must be from 1 to 4000');
        batch = Math.ceil(concurrency / 2);
      }
      // The district outlines are built while the file is counted (routing by coordinates then waits for nothing).
      void preloadDistrictShapes(() => {});
      const total = await countItems(file);
      const bar = new cliProgress.SingleBar({ format: ' {bar} {value}/{total} reports | ETA {eta_formatted}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 5000 }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
      const started = Date.now();
      let result;
      try {
        result = await withPlatform(async (ctx) => {
          const org = await ensureOrganisation(ctx, opts.organisation);
          return importReports(ctx, org, readReports(file), { batch, onProgress: (n) => bar.update(n) });
        });
      } finally {
        bar.stop();
      }
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`${result.received} received (${result.created} new tips, ${result.repeats} sent before), ${result.refused.length} refused, in ${seconds.toFixed(1)} s\n`);
      for (const r of result.refused.slice(0, 50)) process.stdout.write(`  refused item ${r.item}: ${r.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}\n`);
      if (result.refused.length > 50) process.stdout.write(`  ... and ${result.refused.length - 50} more${opts.refused ? ` (all in ${opts.refused})` : ' (--refused FILE lists them all)'}\n`);
      if (opts.refused) await writeFile(opts.refused, result.refused.map((r) => JSON.stringify(r)).join('\n') + (result.refused.length ? '\n' : ''));
      if (result.refused.length && !result.received) process.exitCode = 3;
    });
}
