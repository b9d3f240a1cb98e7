import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Command } from 'commander';
import { withPlatform } from '../cli-platform.ts';
import { CliError } from '../cli-error.ts';
import { exportCase } from '../../modules/bundles/bundle.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function register(program: Command): void {
  program
    .command('export')
    .description('export one case with everything on it as a JSON case bundle signed by this installation (victims by pseudonym only, never identities); audited')
    .requiredOption('--case <id>', 'case id (UUID)')
    .requiredOption('--out <file>', 'file to write (created readable by you only)')
    .option('--force', 'overwrite the file if it exists')
    .action(async (opts: { case: string; out: string; force?: boolean }) => {
      if (!UUID.test(opts.case)) throw new CliError('--case must be a case id (UUID)');
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
        bundle = await withPlatform((ctx) => exportCase(ctx, opts.case));
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
