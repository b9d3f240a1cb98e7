import type { Command } from 'commander';

// Each verb is a module under this folder exporting `register(program)`.
// Add one import and one array entry per verb.
import * as serve from './serve.command.ts';
import * as ingest from './ingest.command.ts';
import * as hashset from './hashset.command.ts';
import * as match from './match.command.ts';
import * as vpdq from './vpdq.command.ts';
import * as hash from './hash.command.ts';
import * as migrate from './migrate.command.ts';
import * as user from './user.command.ts';
import * as demo from './demo.command.ts';
import * as exportCmd from './export.command.ts';
import * as importCmd from './import.command.ts';
import * as audit from './audit.command.ts';

type CommandModule = { register: (program: Command) => void };

const commandModules: CommandModule[] = [
  serve,
  ingest,
  hashset,
  match,
  vpdq,
  hash,
  migrate,
  user,
  demo,
  exportCmd,
  importCmd,
  audit,
];

export function registerCommands(program: Command): void {
  for (const m of commandModules) m.register(program);
}
