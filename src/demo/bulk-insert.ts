import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';

/** Column name -> PostgreSQL type, in insert order. Names come from code, never from input. */
export type ColumnTypes = Record<string, string>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows in few statements: each chunk travels as ONE jsonb parameter and is expanded by
 * jsonb_to_recordset on the server, so the statement count does not grow with the row count and the
 * 65,535-parameter limit never applies. Same SQL on PGlite and PostgreSQL. Values are plain JSON: dates as
 * ISO strings, bytea as '\x..' hex text, arrays as JSON arrays.
 */
export async function bulkInsert(db: Db | Tx, table: string, columns: ColumnTypes, rows: ReadonlyArray<Record<string, unknown>>, chunkSize = 5000): Promise<number> {
  const names = Object.keys(columns);
  if (!IDENT.test(table) || !names.every((n) => IDENT.test(n))) throw new Error(`bulkInsert: bad identifier in ${table}`);
  const list = sql.raw(names.join(', '));
  const record = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '));
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    await sql`INSERT INTO ${sql.raw(table)} (${list}) SELECT ${list} FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS t(${record})`.execute(db);
  }
  return rows.length;
}

/** bytea as the hex text form jsonb_to_recordset turns back into bytes. */
export const byteaHex = (b: Uint8Array) => `\\x${Buffer.from(b).toString('hex')}`;
