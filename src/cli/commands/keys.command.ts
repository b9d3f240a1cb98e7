import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { MissingDataKeyError, REENCRYPT_BATCH, reencryptIdentities, UndecryptableValueError, type ReencryptPlan } from '../../modules/victims/identity.reencrypt.ts';

const HELP_AFTER = `
Rotating the data key:
  1. Put a new key in AMAAN_DATA_KEY (32 random bytes, base64: openssl rand -base64 32) and the old one
     (the former AMAAN_DATA_KEY, or the content of data-key.b64 in the data folder) in
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
}
