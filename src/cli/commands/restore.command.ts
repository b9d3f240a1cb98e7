// `amaan restore` lives beside `amaan backup` (backup.command.ts); this module registers only that verb.
export { registerRestore as register } from './backup.command.ts';
