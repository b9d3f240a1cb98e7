import type { Command } from 'commander';

// Each verb is a module under this folder exporting `register(program)`; add one line per verb below.
// Only the module of the verb being run is loaded (each pulls in what it needs: the server, the database,
// sharp...), so `amaan hash` and `amaan match` start quickly in scripts; help and unknown verbs load all.
type CommandModule = { register: (program: Command) => void };

const verbs: Record<string, () => Promise<CommandModule>> = {
  serve: () => import('./serve.command.ts'),
  ingest: () => import('./ingest.command.ts'),
  hashset: () => import('./hashset.command.ts'),
  match: () => import('./match.command.ts'),
  vpdq: () => import('./vpdq.command.ts'),
  hash: () => import('./hash.command.ts'),
  migrate: () => import('./migrate.command.ts'),
  user: () => import('./user.command.ts'),
  demo: () => import('./demo.command.ts'),
  export: () => import('./export.command.ts'),
  import: () => import('./import.command.ts'),
  audit: () => import('./audit.command.ts'),
  keys: () => import('./keys.command.ts'),
  resolve: () => import('./resolve.command.ts'),
  graph: () => import('./graph.command.ts'),
  takedowns: () => import('./takedowns.command.ts'),
  report: () => import('./report.command.ts'),
  tips: () => import('./tips.command.ts'),
  plan: () => import('./plan.command.ts'),
  worker: () => import('./worker.command.ts'),
  jobs: () => import('./jobs.command.ts'),
  backup: () => import('./backup.command.ts'),
  restore: () => import('./restore.command.ts'),
  generate: () => import('./generate.command.ts'),
  stats: () => import('./stats.command.ts'),
};

/** Registers the verb named in argv (the first argument that is not an option), or every verb. */
export async function registerCommands(program: Command, argv: string[]): Promise<void> {
  const verb = argv.slice(2).find((a) => !a.startsWith('-'));
  const one = verb !== undefined && Object.hasOwn(verbs, verb) ? verbs[verb] : undefined;
  const modules = one ? [await one()] : await Promise.all(Object.values(verbs).map((load) => load()));
  for (const m of modules) m.register(program);
}
