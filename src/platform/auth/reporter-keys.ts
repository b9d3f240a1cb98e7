import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { sha256 } from './auth.service.ts';
import { Rounds } from '../db/rounds.ts';
import { prepared } from '../db/prepared.ts';
import { sql } from 'kysely';

// Keys of reporting organisations (platforms, NGOs) for tip intake (issue 11). A key is not a user: it reaches
// only the routes declared `access: 'reporting-organisation'` (filing a tip, reading the organisation's own
// receipts), and nothing else (request.actor stays empty, so every other route answers 401). Stored as the
// SHA-256 of the token, as api_tokens are; revocable, always expiring; every use and every refused use of a
// known key is in the audit trail.

export const REPORTER_KEY_PREFIX = 'amaantip_';

export interface Reporter {
  keyId: string;
  organisationId: string;
  organisation: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The reporting organisation whose key came with the request, or null. */
    reporter: Reporter | null;
  }
}

export const isReporterKey = (token: string): boolean => token.startsWith(REPORTER_KEY_PREFIX);
export const newReporterKey = (): string => `${REPORTER_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
export const reporterKeyHash = (token: string): string => sha256(token);

/** The actor a reporting organisation's requests are recorded as: the system, named after the organisation and key. */
export function reporterActor(reporter: Reporter, ip: string | null): Actor {
  return { ...systemActor(`organisation:${reporter.organisation}`), ip, credential: { kind: 'token', id: reporter.keyId } };
}

const lastUseWritten = new Map<string, number>();

type KeyRow = { id: string; organisation_id: string; name: string; expires_at: Date; revoked_at: Date | null; last_used_at: Date | null; key_hash: string };

/**
 * Lookups of keys by their hash, in rounds (platform/db/rounds.ts): a busy organisation sends many reports at once,
 * and each would otherwise cost a statement of its own. Every request is still answered by a read that started
 * after it arrived, so a key revoked before the request came is refused, as with one lookup per request.
 */
const lookups = new WeakMap<object, Rounds<string, KeyRow | undefined>>();
function keyLookups(app: AppContext): Rounds<string, KeyRow | undefined> {
  let r = lookups.get(app.db);
  if (!r) {
    r = new Rounds(async (hashes) => {
      // Two fixed texts, each prepared once per connection (prepared.ts): one key (a round of one busy organisation's
      // reports, the usual case: its plan is the same for every value, so PostgreSQL keeps one plan and skips
      // planning), or several as an array (not an IN list, whose text would vary with their number).
      const distinct = [...new Set(hashes)];
      const { rows } = await sql<KeyRow>`${prepared}
        SELECT k.id, k.organisation_id, o.name, k.expires_at, k.revoked_at, k.last_used_at, k.key_hash
        FROM tip_keys k JOIN tip_organisations o ON o.id = k.organisation_id
        WHERE ${distinct.length === 1 ? sql`k.key_hash = ${distinct[0]}` : sql`k.key_hash = ANY(${distinct}::text[])`}`.execute(app.db);
      const byHash = new Map(rows.map((row) => [row.key_hash, row]));
      return hashes.map((h) => byHash.get(h));
    });
    lookups.set(app.db, r);
  }
  return r;
}

/** The organisation of a key, or null when the key is unknown, revoked or expired (a refused known key is audited). */
export async function resolveReporterKey(app: AppContext, token: string, ip: string | null): Promise<Reporter | null> {
  const row = await keyLookups(app).request(reporterKeyHash(token));
  if (!row) return null;
  const reporter = { keyId: row.id, organisationId: row.organisation_id, organisation: row.name };
  const refused = row.revoked_at ? 'revoked' : row.expires_at.getTime() <= Date.now() ? 'expired' : null;
  if (refused) {
    const actor = reporterActor(reporter, ip);
    await app.db.transaction().execute((tx) => appendAudit(tx, {
      actorId: actor.id, actorName: actor.username, action: 'tip_key.refused', entityType: 'tip_key', entityId: row.id, ip, credential: actor.credential, details: { reason: refused },
    }));
    return null;
  }
  // Usage figures at most once a second per key (the audit entry of each use is written by the tips service); at
  // most one such update per key and second from this process, so a burst of requests that all read the old time
  // does not queue on the key's row.
  const now = Date.now();
  if ((!row.last_used_at || row.last_used_at.getTime() < now - 1000) && (lastUseWritten.get(row.id) ?? 0) < now - 1000) {
    lastUseWritten.set(row.id, now);
    if (lastUseWritten.size > 10_000) lastUseWritten.clear();
    await app.db.updateTable('tip_keys').set({ last_used_at: new Date(now) }).where('id', '=', row.id).execute();
  }
  return reporter;
}
