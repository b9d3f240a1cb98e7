import { sql, type Kysely } from 'kysely';

// PGlite's extended protocol takes one statement per query, so DDL scripts are split at
// statement ends. Migrations hold plain DDL (no function bodies), which makes this split safe.
export async function runDdl(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.replace(/--[^\n]*\n/g, '\n').trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) await sql.raw(statement).execute(db);
}
