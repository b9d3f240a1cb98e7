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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A FIR number as the app displays it: "FIR 77/2025", "77/2025" (spaces around the slash allowed). */
const FIR = /^(?:FIR\s*)?(\d{1,9})\s*\/\s*(\d{4})$/i;

export const CASE_OPTION_HELP = 'the case: its FIR number as the app shows it (e.g. 77/2025; add --branch when several branches have it) or its id (UUID)';

/** Checks the shape of a --case argument before anything is opened: a UUID or a FIR number. */
export function checkCaseArgument(given: string): void {
  if (!UUID.test(given.trim()) && !FIR.test(given.trim())) throw new CliError(`--case must be a case id (UUID) or a FIR number as the app shows it, e.g. 77/2025 (got "${given}")`);
}

/**
 * A case given as its id or as its FIR number ("77/2025", as the web app shows it), optionally narrowed by
 * a branch (district, code or id) when FIR numbers of several branches coincide.
 */
export async function resolveCase(db: Db, given: string, branch?: string): Promise<{ id: string; firLabel: string | null; district: string }> {
  const text = given.trim();
  const base = db.selectFrom('cases').innerJoin('branches', 'branches.id', 'cases.branch_id').select(['cases.id', 'cases.fir_number', 'cases.fir_year', 'branches.district', 'branches.id as branch_id']);
  const label = (r: { fir_number: number | null; fir_year: number | null }) => (r.fir_number === null ? null : `FIR ${r.fir_number}/${r.fir_year}`);
  if (UUID.test(text)) {
    const row = await base.where('cases.id', '=', text.toLowerCase()).executeTakeFirst();
    if (!row) throw new CliError(`no case ${text}`, 3);
    return { id: row.id, firLabel: label(row), district: row.district };
  }
  checkCaseArgument(text);
  const fir = FIR.exec(text)!;
  const b = branch ? await resolveBranch(db, branch) : null;
  const rows = await base.where('cases.fir_number', '=', Number(fir[1])).where('cases.fir_year', '=', Number(fir[2]))
    .$if(b !== null, (q) => q.where('cases.branch_id', '=', b!.id)).orderBy('branches.district').execute();
  const what = `FIR ${Number(fir[1])}/${fir[2]}`;
  if (rows.length === 1) return { id: rows[0]!.id, firLabel: label(rows[0]!), district: rows[0]!.district };
  if (rows.length === 0) throw new CliError(`no case with ${what}${b ? ` in ${b.district}` : ''}`, 3);
  throw new CliError(`${what} is registered in ${rows.length} branches (${rows.map((r) => r.district).join(', ')}): add --branch <district>, or give the case id`);
}
