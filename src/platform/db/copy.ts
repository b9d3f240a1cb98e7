// PostgreSQL's COPY FROM STDIN for bulk loads (`amaan generate`): one connection of its own (pg.Client) and
// the `pg-copy-streams` driver. Rows travel in COPY's text format (see copyText): tens of times faster than
// INSERTs, and no bind-parameter limit. PostgreSQL only (PGlite has no COPY FROM STDIN).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** One value in COPY's text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** Rows (objects) as COPY text lines, the columns in the order given. */
export function copyText(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? '\t' : '') + copyValue(r[columns[i]!]);
    out += `${line}\n`;
  }
  return out;
}

export interface CopyConnection {
  query<R extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
  /** COPY table (columns) FROM STDIN with text already in COPY's text format. */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
  close(): Promise<void>;
}

export async function openCopyConnection(url: string): Promise<CopyConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A connection closed by the server must fail the run (the query in flight rejects), not crash the process.
  client.on('error', () => undefined);
  return {
    query: async <R extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      const r = await client.query<R>(text, params);
      return { rows: r.rows, rowCount: r.rowCount };
    },
    copyIn: async (table, columns, text) => {
      if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`copyIn: bad identifier in ${table}`);
      if (!text) return;
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from([text]), stream);
    },
    close: () => client.end(),
  };
}
