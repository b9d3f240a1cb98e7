import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { readFile } from 'node:fs/promises';
import { addTrusted, listTrusted, ownInstallationKey, removeTrusted } from '../../modules/bundles/trust.service.ts';
import { MissingDataKeyError, REENCRYPT_BATCH, reencryptIdentities, UndecryptableValueError, type ReencryptPlan } from '../../modules/victims/identity.reencrypt.ts';

const HELP_AFTER = `
Rotating the data key:
  1. Put a new key in AMAAN_DATA_KEY (32 random bytes, base64: openssl rand -base64 32) and the old one
     (the former AMAAN_DATA_KEY, or the content of data-key.b64 in the key folder) in
     AMAAN_DATA_KEYS_PREVIOUS; several earlier keys are separated by commas. New writes use the new key,
     values under an earlier key stay readable.
  2. Run \`amaan keys reencrypt\`: every encrypted value under an earlier key (victim identities, persons'
     CNIC and passport numbers with their blind indexes, placements and follow-ups) is encrypted again under
     the current one, in batches each committed whole with its audit entry (counts and key ids only); after a
     crash, run it again to continue.
  3. When it reports nothing left under an earlier key, remove the old key from AMAAN_DATA_KEYS_PREVIOUS.
Key ids are the first 16 hex digits of the SHA-256 of the key. Exit 2 when a value's key is not configured
(nothing is changed).`;

const byKey = (plan: ReencryptPlan) => plan.stale.map((c) => `${c.keyId}: ${c.count}`).join(', ');

export function register(program: Command): void {
  const keys = program.command('keys').description('data keys (finish a key rotation) and trusted installations (signed case bundles)');
  keys
    .command('reencrypt')
    .description('re-encrypt every encrypted value (victim identities, identity numbers, care records) stored under an earlier data key (AMAAN_DATA_KEYS_PREVIOUS) with the current one (AMAAN_DATA_KEY), in audited batches; resumable')
    .option('--dry-run', 'count what would be re-encrypted, change nothing')
    .option('--batch-size <n>', `identities per transaction (default ${REENCRYPT_BATCH})`)
    .addHelpText('after', HELP_AFTER)
    .action(async (opts: { dryRun?: boolean; batchSize?: string }) => {
      const batchSize = opts.batchSize === undefined ? REENCRYPT_BATCH : Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new CliError(`--batch-size must be an integer from 1 to 10000, got "${opts.batchSize}"`);
      const bar = new cliProgress.SingleBar({ format: ' {bar} {value}/{total} values re-encrypted', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
      let started = false;
      try {
        const result = await withPlatform(async (ctx) => {
          try {
            return await reencryptIdentities(ctx, {
              dryRun: opts.dryRun,
              batchSize,
              onStart: (plan) => {
                if (opts.dryRun || plan.staleTotal === 0) return;
                bar.start(plan.staleTotal, 0);
                started = true;
              },
              onProgress: (done) => bar.update(done),
            });
          } catch (err) {
            if (err instanceof MissingDataKeyError) throw new CliError(err.message, 2);
            if (err instanceof UndecryptableValueError) throw new CliError(err.message, 1);
            throw err;
          }
        });
        if (started) bar.stop();
        if (result.dryRun) {
          process.stdout.write(`dry run: ${result.staleTotal} encrypted values would be re-encrypted under data key ${result.currentKeyId}${result.staleTotal ? ` (now under ${byKey(result)})` : ''}; ${result.current} already under it; nothing changed\n`);
        } else {
          process.stdout.write(`re-encrypted ${result.reencrypted} encrypted values under data key ${result.currentKeyId}${result.reencrypted ? ` (were under ${byKey(result)}; ${result.batches} batch${result.batches === 1 ? '' : 'es'}, audited)` : ''}; ${result.current} already under it\n`);
        }
      } catch (err) {
        if (started) bar.stop();
        throw err;
      }
    });

  keys
    .command('public')
    .description("print this installation's bundle-signing public key and key id, to give to installations that import its bundles")
    .action(async () => {
      const key = await withPlatform(async (ctx) => ownInstallationKey(ctx));
      process.stdout.write(`# key id ${key.keyId}\n${key.publicKey}`);
    });

  const trust = keys.command('trust').description('installations whose signed case bundles this installation imports (audited)');
  trust
    .command('add')
    .description("trust another installation's bundle-signing public key (from its `amaan keys public`)")
    .argument('<file>', 'the public key, SPKI PEM')
    .requiredOption('--name <name>', 'who the installation is, e.g. "NCCIA Lahore"')
    .option('--key-id <id>', 'the key id the sender read out to you: refused when the file has another')
    .action(async (file: string, opts: { name: string; keyId?: string }) => {
      let pem: string;
      try {
        pem = await readFile(file, 'utf8');
      } catch (err) {
        throw new CliError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
      }
      pem = pem.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim();
      const added = await withPlatform((ctx) => addTrusted(ctx, { name: opts.name, publicKey: pem, ...(opts.keyId ? { keyId: opts.keyId } : {}) }));
      process.stdout.write(`trusted ${added.name} (key ${added.keyId}): its signed bundles are imported from now on\n`);
    });
  trust
    .command('list')
    .description('list the trusted installations')
    .action(async () => {
      const rows = await withPlatform((ctx) => listTrusted(ctx));
      if (!rows.length) process.stdout.write('no trusted installations: only this installation\'s own bundles are imported\n');
      for (const r of rows) process.stdout.write(`${r.keyId}  ${r.name}  (added ${r.addedAt}${r.addedBy ? ` by ${r.addedBy}` : ''})\n`);
    });
  trust
    .command('remove')
    .description('stop trusting an installation: its bundles are refused from now on')
    .argument('<key-id>', '16 hex digits, as `amaan keys trust list` shows')
    .action(async (keyId: string) => {
      if (!/^[0-9a-f]{16}$/.test(keyId)) throw new CliError('the key id is 16 hex digits, as `amaan keys trust list` shows');
      await withPlatform((ctx) => removeTrusted(ctx, keyId));
      process.stdout.write(`no longer trusted: ${keyId}\n`);
    });
}
