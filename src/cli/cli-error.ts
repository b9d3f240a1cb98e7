// Turns an error thrown by a command into a one-line message and an exit code; no stack traces for users.
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

export function reportCliError(err: unknown): number {
  if (err instanceof CliError) {
    process.stderr.write(`amaan: ${err.message}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`amaan: unexpected error: ${message}\n`);
  if (process.env.AMAAN_DEBUG) console.error(err);
  return 1;
}
