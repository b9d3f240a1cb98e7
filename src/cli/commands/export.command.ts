import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { CASE_OPTION_HELP, checkCaseArgument, resolveCase } from '../cli-input.ts';
import { exportCase } from '../../modules/bundles/bundle.service.ts';

export function register(program: Command): void {
  program
    .command('export')
    .description('export one case with everything on it as a JSON case bundle signed by this installation (victims by pseudonym only, never identities); audited')
    .requiredOption('--case <case>', CASE_OPTION_HELP)
    .option('--branch <district>', 'with a FIR number: the branch that registered it (district, code or id)')
    .requiredOption('--out <file>', 'file to write (created readable by you only)')
    .option('--force', 'overwrite the file if it exists')
    .action(async (opts: { case: string; branch?: string; out: string; force?: boolean }) => {
      // The shape is checked before the file is claimed; the case itself is looked up with the database open.
      checkCaseArgument(opts.case);
      // Claim the file first, so a refused write never costs an (audited) export.
      let handle: FileHandle;
      try {
        handle = await open(opts.out, opts.force ? 'w' : 'wx', 0o600);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new CliError(`${opts.out} exists; use --force to overwrite it`);
        throw new CliError(`cannot write ${opts.out}: ${(err as Error).message}`);
      }
      let bundle;
      try {
        bundle = await withPlatform(async (ctx) => exportCase(ctx, (await resolveCase(ctx.db, opts.case, opts.branch)).id));
        await handle.writeFile(`${JSON.stringify(bundle, null, 2)}\n`);
        await handle.close();
      } catch (err) {
        await handle.close().catch(() => undefined);
        await rm(opts.out, { force: true });
        throw err;
      }
      const fir = bundle.case.firNumber !== null ? ` (FIR ${bundle.case.firNumber}/${bundle.case.firYear}, ${bundle.source.district})` : '';
      process.stdout.write(`exported case ${bundle.case.id}${fir} to ${opts.out}: ${bundle.persons.length} persons, ${bundle.victims.length} victims, ${bundle.operations.length} operations, ${bundle.evidence.length} evidence items; digest ${bundle.digest}; signed by this installation (key ${bundle.signature?.keyId})\n`);
    });
}
