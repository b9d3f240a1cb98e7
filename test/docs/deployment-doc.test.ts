// docs/deployment.md names environment variables, `amaan` commands and every table: a wrong name there is worse
// than none (an operator sets a variable nobody reads, or types a verb that does not exist). This reads the doc
// and checks each name against the code: variables against what config.ts (and the job queue's settings) read,
// commands and their options against the CLI as registered, tables against the schema.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/cli/commands/index.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Variables a source file reads: `env.NAME`, `env['NAME']`, and config.ts's `int('NAME', ...)`. */
function variablesRead(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])|\bint\(['"]([A-Z][A-Z0-9_]*)['"]/g)) names.add((m[1] ?? m[2] ?? m[3])!);
  return names;
}

/** Variables a document names (`AMAAN_*`, `DATABASE_*`, `NODE_ENV`); a trailing `*` or `_` makes it a prefix. */
function variablesNamed(doc: string): string[] {
  return [...new Set([...doc.matchAll(/\b(?:AMAAN|DATABASE)_[A-Z0-9_]*\*?|\bNODE_ENV\b/g)].map((m) => m[0]))];
}

function unknownVariables(doc: string, read: Set<string>): string[] {
  return variablesNamed(doc).filter((name) => {
    const prefix = name.endsWith('*') || name.endsWith('_');
    const stem = name.replace(/\*$/, '');
    return prefix ? ![...read].some((r) => r.startsWith(stem)) : !read.has(name);
  });
}

/** The code of a Markdown document: fenced blocks and inline code spans. */
function codeOf(doc: string): string[] {
  const parts: string[] = [];
  const withoutFences = doc.replace(/^```[^\n]*\n([\s\S]*?)^```/gm, (_all, body: string) => {
    parts.push(...body.split('\n'));
    return '';
  });
  for (const m of withoutFences.matchAll(/`([^`\n]+)`/g)) parts.push(m[1]!);
  return parts;
}

/** `amaan <verb> [<sub>] [--option]...` in the document's code, as token lists (verb first). */
function commandsNamed(doc: string): string[][] {
  const found: string[][] = [];
  for (const line of codeOf(doc)) {
    for (const m of line.matchAll(/(?:^|[\s(=/])amaan(?:\.js)?[ \t]+([^\n`|;&#)]*)/g)) {
      const tokens = m[1]!.trim().split(/\s+/).filter(Boolean);
      if (tokens.length && /^[a-z]/.test(tokens[0]!)) found.push(tokens);
    }
  }
  return found;
}

/** Problems with one command mention against the registered program: unknown verb, subcommand or option. */
function commandProblems(program: Command, tokens: string[]): string[] {
  const [verb, ...rest] = tokens;
  const cmd = program.commands.find((c) => c.name() === verb || c.aliases().includes(verb!));
  if (!cmd) return [`amaan ${verb}: no such command`];
  let target = cmd;
  let args = rest;
  if (cmd.commands.length && rest[0] && !rest[0].startsWith('-')) {
    const sub = cmd.commands.find((c) => c.name() === rest[0] || c.aliases().includes(rest[0]!));
    if (!sub) return [`amaan ${verb} ${rest[0]}: no such subcommand (${cmd.commands.map((c) => c.name()).join(', ')})`];
    target = sub;
    args = rest.slice(1);
  }
  const problems: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-')) continue;
    const flag = a.split('=')[0]!;
    if (flag === '--help' || flag === '-h') continue;
    if (!target.options.some((o) => o.long === flag || o.short === flag)) problems.push(`amaan ${tokens.join(' ')}: no option ${flag}`);
  }
  return problems;
}

/** Table names of the schema (`export interface DB { name: XTable; ... }`). */
function schemaTables(schema: string): string[] {
  const body = schema.slice(schema.indexOf('export interface DB {'));
  return [...body.slice(0, body.indexOf('\n}')).matchAll(/^\s+([a-z_]+):\s+[A-Za-z]+Table;/gm)].map((m) => m[1]!);
}

/** Tables in the first column of the doc's table rows: "| `name` | kind | ...". */
function tablesListed(doc: string): string[] {
  return [...doc.matchAll(/^\| `([a-z_]+)` \| (?:reference|local|distributed) \|/gm)].map((m) => m[1]!);
}

const doc = read('docs/deployment.md');
const variables = new Set([...variablesRead(read('src/platform/config.ts')), ...variablesRead(read('src/platform/jobs/queue.ts'))]);

describe('docs/deployment.md against the code', () => {
  it('names only environment variables the code reads', () => {
    expect(variablesNamed(doc).length).toBeGreaterThan(20);
    expect(unknownVariables(doc, variables)).toEqual([]);
  });

  it('names only amaan commands, subcommands and options that exist', async () => {
    const program = new Command();
    await registerCommands(program, ['node', 'amaan']); // no verb: every verb registers
    const mentions = commandsNamed(doc);
    expect(mentions.map((t) => t[0])).toEqual(expect.arrayContaining(['serve', 'worker', 'migrate', 'backup', 'restore']));
    expect(mentions.flatMap((t) => commandProblems(program, t))).toEqual([]);
  });

  it('gives every table of the schema a row with its kind in the sharding table, and no table that does not exist', () => {
    const tables = schemaTables(read('src/platform/db/schema.ts'));
    expect(tables.length).toBeGreaterThan(60);
    const listed = tablesListed(doc);
    expect(tables.filter((t) => !listed.includes(t))).toEqual([]);
    const outsideSchema = ['kysely_migration', 'kysely_migration_lock'];
    expect(listed.filter((t) => !tables.includes(t) && !outsideSchema.includes(t))).toEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('catches a wrong name (the checks can fail)', async () => {
    expect(unknownVariables('set `AMAAN_WORKERS=4` and `DATABASE_URL`, `AMAAN_S3_*`, `AMAAN_NOPE_*`', variables)).toEqual(['AMAAN_WORKERS', 'AMAAN_NOPE_*']);
    const program = new Command();
    await registerCommands(program, ['node', 'amaan', 'jobs']);
    expect(commandsNamed('run `amaan jobs lsit` then\n```\namaan jobs list --limit 5 --all\n```\n')).toEqual([['jobs', 'list', '--limit', '5', '--all'], ['jobs', 'lsit']]);
    expect(commandProblems(program, ['jobs', 'lsit'])).toHaveLength(1);
    expect(commandProblems(program, ['jobs', 'list', '--limit', '5', '--all'])).toEqual(['amaan jobs list --limit 5 --all: no option --all']);
    expect(commandProblems(program, ['generate', '--cases', '10'])).toEqual(['amaan generate: no such command']);
    expect(tablesListed('| `cases` | distributed | `branch_id` |\n| `nope` | local | - |')).toEqual(['cases', 'nope']);
  });
});
