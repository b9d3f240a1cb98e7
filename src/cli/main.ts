// The `amaan` command line. Each verb lives in its own file under commands/ and registers itself here.
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command();
program
  .name('amaan')
  .description('Amaan: case and intelligence system for child-exploitation investigations')
  .showHelpAfterError()
  .exitOverride((err) => {
    // commander reports its own usage errors; keep its exit code (help -> 0, usage -> 1).
    process.exit(err.exitCode);
  });

await registerCommands(program, process.argv);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const { reportCliError } = await import('./cli-error.ts');
  process.exitCode = reportCliError(err);
}
