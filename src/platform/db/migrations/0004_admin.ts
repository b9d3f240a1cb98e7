import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Administration and audit reading on top of the core tables (0001): the audit API filters the trail by
// action and by time, and the team overview counts case memberships per user; usernames are unique
// regardless of case, so "Inv.A" and "inv.a" cannot both exist (the API takes lower case only).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE INDEX audit_log_action ON audit_log (action, seq);
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_actor_name ON audit_log (actor_name, seq);
    CREATE INDEX api_tokens_user ON api_tokens (user_id);
    CREATE UNIQUE INDEX users_username_lower ON users (lower(username))
  `);
}
