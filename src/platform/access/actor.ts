import type { Role } from '../db/schema.ts';

/**
 * The credential a request came with, so every audit entry names the session or token that made it:
 * a session by a prefix of its token's SHA-256 (never the token), an API token by its id, the CLI as system.
 */
export interface Credential {
  kind: 'session' | 'token' | 'system';
  id: string | null;
}

/** Who is acting: the signed-in user (or API token owner) and where the request came from. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  branchId: number | null;
  ip: string | null;
  /** Unset means the system (CLI, demo loader, tests acting directly on services). */
  credential?: Credential;
}

/** The system itself (CLI, demo loader): used for audit entries made outside a request. */
export const systemActor = (name = 'system'): Actor => ({
  id: '00000000-0000-0000-0000-000000000000',
  username: name,
  displayName: name,
  role: 'administrator',
  branchId: null,
  ip: null,
  credential: { kind: 'system', id: null },
});

/** True for the CLI's own actor: trusted operator-level work on the server, never reachable over HTTP. */
export function isSystemActor(actor: Actor): boolean {
  return actor.id === '00000000-0000-0000-0000-000000000000';
}

/** The users-table id to store in created_by columns: none for the system actor. */
export function userIdOf(actor: Actor): string | null {
  return isSystemActor(actor) ? null : actor.id;
}
