// The error a command throws for a message to the user and an exit code (reported by cli-error.ts). Its own
// module, with no imports, so a command that needs only this (amaan vpdq) does not load the configuration and
// key modules cli-error.ts imports to recognise their errors (node:crypto, node:net: start-up time).
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
