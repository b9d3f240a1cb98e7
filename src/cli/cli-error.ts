import { ConfigError } from '../platform/config.ts';
import { DataFolderInUseError } from '../platform/db/data-lock.ts';
import { CliError } from './cli-usage-error.ts';

export { CliError };

// Turns an error thrown by a command into a one-line message and an exit code; no stack traces for users.

export function reportCliError(err: unknown): number {
  // Errors about the environment the user controls (configuration, a busy data folder) are usage errors.
  if (err instanceof CliError || err instanceof ConfigError || err instanceof DataFolderInUseError) {
    process.stderr.write(`amaan: ${err.message}\n`);
    return err instanceof CliError ? err.exitCode : 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`amaan: unexpected error: ${message}\n`);
  if (process.env.AMAAN_DEBUG) console.error(err);
  return 1;
}
