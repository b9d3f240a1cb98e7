import { protocol, type PGlite } from '@electric-sql/pglite';

// PGlite and the application role (issue 13).
//
// On PostgreSQL the application connects with a login role that owns nothing and switches to `amaan_app` in its
// start-up packet. PGlite cannot do that: it runs PostgreSQL in single-user mode, where the authenticated user is
// always the bootstrap superuser (PostgreSQL's InitializeSessionUserIdStandalone; PGlite 0.4.6's `username` option
// only runs `SET ROLE <name>` after start, and `ALTER ROLE postgres NOSUPERUSER` is refused for the bootstrap
// user). So the session user stays `postgres`, and `RESET ROLE`, `SET ROLE postgres`, `SET SESSION AUTHORIZATION`,
// `set_config('role', ...)` or the same inside a DO block would give SQL run by the application the owner's (the
// superuser's) rights back. No PostgreSQL setting forbids that to a superuser session, and PGlite reports no
// ParameterStatus messages that would show it.
//
// The barrier here: once the role is pinned, every statement the process sends (extended protocol, `query`, and
// simple protocol, `exec`; both end in a Sync message) is followed, in the same round trip to the WebAssembly
// backend, by `SELECT current_user`. If the statement left the session as any other role, the handle refuses every
// later call (the process must restart; an open transaction is never committed) and the statement's caller gets an
// error. What remains possible is one statement: its own privileges were checked as `amaan_app` before it ran
// (PostgreSQL checks a statement's table and function rights when it starts), and the next statement never runs.
// Work that legitimately needs the owner (tests' `asOwner`) goes through `asOwner`, a JavaScript call no SQL reaches.

const serialize = protocol.serialize;
const SYNC = serialize.sync();

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The check sent in place of a Sync: who the session is now, then the Sync itself. No operator, no search path. */
const CHECK = concat([serialize.parse({ text: 'SELECT current_user::text' }), serialize.bind({}), serialize.execute({}), SYNC]);

const isSync = (m: Uint8Array) => m.length === SYNC.length && m.every((b, i) => b === SYNC[i]);

export class RoleEscapeRefused extends Error {
  readonly code = 'AMAAN_ROLE_ESCAPE';
}

interface Message { name: string; fields?: (string | null)[]; status?: string }

export interface RoleGuard {
  /** From now on the session must stay `role`; call after `SET ROLE role`. */
  pin(role: string): void;
  /** Runs `work` as the owner (RESET ROLE), then returns to the pinned role. For tests and tools, never for SQL input. */
  asOwner<T>(work: () => Promise<T>): Promise<T>;
  /** The reason the handle was closed, if it was. */
  readonly broken: string | null;
}

export function guardPgliteRole(pglite: PGlite): RoleGuard {
  let pinned: string | null = null;
  let broken: string | null = null;
  const original = pglite.execProtocolStream.bind(pglite);
  const send = (async (message: Uint8Array, opts?: Parameters<PGlite['execProtocolStream']>[1]) => {
    if (broken) throw new RoleEscapeRefused(broken);
    if (!pinned || !isSync(message)) return original(message, opts);
    const out = (await original(CHECK, { ...opts, throwOnError: false })) as unknown as Message[];
    const row = out.find((m) => m.name === 'dataRow');
    const ready = out.find((m) => m.name === 'readyForQuery');
    const failed = out.some((m) => m.name === 'error');
    // No row and no error: the backend skipped the check because the statement before failed (the extended
    // protocol ignores everything until Sync); a failed statement's settings are undone with its transaction.
    // An error with the transaction aborted ('E'): nothing runs until ROLLBACK, which is checked in turn.
    const fine = row ? row.fields?.[0] === pinned : failed ? ready?.status === 'E' : true;
    if (!fine) {
      broken = `the database session left the application role (${row?.fields?.[0] ?? 'unknown'} instead of ${pinned}): the embedded database is closed to this process; restart it`;
      process.emitWarning(broken);
      throw new RoleEscapeRefused(broken);
    }
    // The caller sees what a bare Sync answers: the check's own messages are taken out.
    return (out as unknown[]).filter((m) => !['parseComplete', 'bindComplete', 'dataRow', 'commandComplete', 'error'].includes((m as Message).name)) as never;
  }) as PGlite['execProtocolStream'];
  pglite.execProtocolStream = send;
  return {
    pin(role) { pinned = role; },
    async asOwner(work) {
      const role = pinned;
      pinned = null;
      await pglite.exec('RESET ROLE');
      try {
        return await work();
      } finally {
        if (role) {
          await pglite.exec(`SET ROLE ${role}`);
          pinned = role;
        }
      }
    },
    get broken() { return broken; },
  };
}
