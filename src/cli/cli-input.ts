// Helpers shared by the administration verbs: naming a branch, and reading a password without echo.
import type { Db } from '../platform/db/database.ts';
import { CliError } from './cli-error.ts';

/** A branch given as its numeric id, its code or its district name (case-insensitive). */
export async function resolveBranch(db: Db, given: string): Promise<{ id: number; district: string }> {
  const text = given.trim();
  const query = db.selectFrom('branches').select(['id', 'district', 'code']);
  const rows = /^\d+$/.test(text)
    ? await query.where('id', '=', Number(text)).execute()
    : await query.where((eb) => eb.or([eb(eb.fn('lower', ['district']), '=', text.toLowerCase()), eb(eb.fn('lower', ['code']), '=', text.toLowerCase())])).execute();
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1) throw new CliError(`--branch ${given} matches ${rows.length} branches (${rows.map((r) => `${r.id} ${r.code}`).join(', ')}): give the id`);
  throw new CliError(`--branch ${given}: no such branch (give a district name such as Muzaffargarh, a branch code or an id)`);
}

/** Everything on standard input, without the final line break. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks for a secret on the terminal without showing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new CliError('no terminal to ask for the password on: pipe it in with --password-stdin'));
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new CliError('cancelled', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
