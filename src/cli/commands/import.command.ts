import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { resolveBranch } from '../cli-input.ts';
import { importBundle } from '../../modules/bundles/bundle.service.ts';
import { BundleSignatureError } from '../../modules/bundles/bundle.signing.ts';

/** Exit code for a bundle refused for its signature (unsigned, altered, or signed by an untrusted key). */
export const EXIT_SIGNATURE = 4;

const STEPS = ['reading', 'checking', 'case', 'timeline', 'persons', 'victims', 'operations', 'evidence', 'prosecution', 'done'];

export function register(program: Command): void {
  program
    .command('import')
    .description('import a signed case bundle into a branch: all or nothing (new ids; persons and victims linked only when already visible, else suggested for review; users by username); audited. Exit 4: the signature is missing, does not match, or the signer is not trusted (amaan keys trust add)')
    .argument('<file>', 'case bundle written by `amaan export` or GET /api/v1/cases/{id}/export')
    .requiredOption('--branch <branch>', 'target branch: district name, branch code or id')
    .action(async (file: string, opts: { branch: string }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file} is not a JSON case bundle: ${(err as Error).message}`);
      }
      const bar = new cliProgress.SingleBar({ format: ' {bar} {value}/{total} | {step}', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
      bar.start(STEPS.length - 1, 0, { step: 'reading' });
      try {
        const result = await withPlatform(async (ctx) => {
          const branch = await resolveBranch(ctx.db, opts.branch);
          try {
            const r = await importBundle(ctx, branch.id, raw, (step) => bar.update(Math.max(0, STEPS.indexOf(step)), { step }));
            return { ...r, district: branch.district };
          } catch (err) {
            if (err instanceof BundleSignatureError) throw new CliError(err.message, EXIT_SIGNATURE);
            throw err;
          }
        });
        bar.stop();
        process.stdout.write(`imported case ${result.caseId}${result.firLabel ? ` (${result.firLabel})` : ''} into ${result.district}, signed by ${result.signer.name} (key ${result.signer.keyId}): ${result.counts.persons} persons (${result.personsMatchedByCnic} already recorded, linked by CNIC), ${result.counts.victims} victims (${result.victimsLinked} already recorded), ${result.counts.operations} operations, ${result.counts.evidence} evidence items\n`);
        if (result.teamNotApplied.length) process.stdout.write(`  case team not carried over (assign it in the branch): ${result.teamNotApplied.map((m) => `${m.username} (${m.teamRole})`).join(', ')}\n`);
        for (const p of result.pseudonymsChanged) process.stdout.write(`  victim ${p.from} is ${p.to} here (the pseudonym was taken)\n`);
      } catch (err) {
        bar.stop();
        if (err instanceof CliError) throw new CliError(`import failed, nothing was stored: ${err.message}`, err.exitCode === EXIT_SIGNATURE ? EXIT_SIGNATURE : 2);
        throw err;
      }
    });
}
