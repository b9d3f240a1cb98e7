import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { Rounds } from '../db/rounds.ts';
import { prepared } from '../db/prepared.ts';

// A store for @fastify/rate-limit whose counters live in the database (table rate_limit_counters, migration
// 0026), so every server process over one database counts against the same limit: a second replica does not
// double what the public form or a reporting key may send.
//
// One row per route and key, a fixed window (as the plugin's own memory store): the first hit opens a window of
// `timeWindow` ms; hits inside it add up; the first hit after it ends opens a new one. The database's clock
// decides, so processes on machines whose clocks differ agree. One statement per round of requests (rounds.ts:
// those that arrive while one is running go together in the next): an upsert that adds the round's hits and
// answers the count and what is left of the window. It commits without waiting for the WAL flush
// (synchronous_commit off for that transaction only): a counter lost in a crash is harmless, and the row lock a
// busy key takes is then held for microseconds, not for a disk flush, so concurrent requests with one key do not
// queue behind each other's flushes.

interface Hit {
  current: number;
  ttl: number;
}
type Callback = (err: Error | null, res?: Hit) => void;

/** Rows of windows that ended this long ago are deleted (at most once a minute per process). */
const PRUNE_EVERY_MS = 60_000;

export interface RateLimitStoreClass {
  new (params?: unknown): RateLimitStore;
}

interface RateLimitStore {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  read(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }): RateLimitStore;
}

/** The store class the plugin instantiates (`store` option), bound to the application's database. */
export function databaseRateLimitStore(db: Db): RateLimitStoreClass {
  let lastPrune = 0;
  const prune = () => {
    const now = Date.now();
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    db.deleteFrom('rate_limit_counters').where('window_ends', '<', sql<Date>`now() - interval '1 minute'`).execute().catch(() => undefined);
  };

  class DatabaseRateLimitStore implements RateLimitStore {
    readonly namespace: string;
    constructor(_params?: unknown, namespace = '') {
      this.namespace = namespace;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const k = `${this.namespace}|${key}`.slice(0, 600);
      this.#increments.request({ key: k, timeWindow }).then((hit) => {
        cb(null, hit);
        prune();
      }, (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    /**
     * Requests that arrive while an upsert is running go together in the next (rounds.ts): one statement adds each
     * key's hits of the round at once, and the requests of one key get the counts one after another (n hits on a
     * counter at h answer h+1 ... h+n), exactly what n upserts in a row would have answered.
     */
    readonly #increments = new Rounds<{ key: string; timeWindow: number }, Hit>(async (inputs) => {
      const byKey = new Map<string, { n: number; timeWindow: number }>();
      for (const i of inputs) {
        const g = byKey.get(i.key);
        if (g) g.n++;
        else byKey.set(i.key, { n: 1, timeWindow: i.timeWindow });
      }
      // Keys in one order, so two processes adding to the same keys never wait on each other in a cycle.
      const keys = [...byKey.keys()].sort();
      // The CTE runs first (its row feeds the INSERT): synchronous_commit off for this statement's transaction.
      const { rows } = await sql<{ key: string; hits: number; ttl: number }>`${prepared}
        WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true) AS v)
        INSERT INTO rate_limit_counters AS c (key, hits, window_ends)
        SELECT i.key, i.n, now() + make_interval(secs => i.secs) FROM async_commit,
          unnest(${keys}::text[], ${keys.map((k) => byKey.get(k)!.n)}::int[], ${keys.map((k) => byKey.get(k)!.timeWindow / 1000)}::float8[]) WITH ORDINALITY AS i(key, n, secs, o)
        ORDER BY i.o
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN c.window_ends <= now() THEN excluded.hits ELSE c.hits + excluded.hits END,
          window_ends = CASE WHEN c.window_ends <= now() THEN excluded.window_ends ELSE c.window_ends END
        RETURNING c.key, c.hits, (extract(epoch FROM c.window_ends - now()) * 1000)::float8 AS ttl`.execute(db);
      const after = new Map(rows.map((r) => [r.key, { hits: Number(r.hits), ttl: Math.max(0, Math.round(Number(r.ttl))) }]));
      const given = new Map<string, number>();
      return inputs.map((i) => {
        const r = after.get(i.key)!;
        const before = given.get(i.key) ?? r.hits - byKey.get(i.key)!.n;
        given.set(i.key, before + 1);
        return { current: before + 1, ttl: r.ttl };
      });
    });

    read(key: string, cb: Callback): void {
      const k = `${this.namespace}|${key}`.slice(0, 600);
      sql<{ hits: number; ttl: number }>`
        SELECT hits, (extract(epoch FROM window_ends - now()) * 1000)::float8 AS ttl FROM rate_limit_counters WHERE key = ${k} AND window_ends > now()`
        .execute(db)
        .then(({ rows }) => {
          const r = rows[0];
          cb(null, r ? { current: Number(r.hits), ttl: Math.max(0, Math.round(Number(r.ttl))) } : { current: 0, ttl: 0 });
        }, (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))));
    }

    /** One store per rate-limited route: its counters are the route's own (method and path in the key). */
    child(routeOptions: { routeInfo?: { method?: string | string[]; url?: string } }): RateLimitStore {
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : info.method ?? '';
      return new DatabaseRateLimitStore(undefined, `${method} ${info.url ?? ''}`.trim());
    }
  }
  return DatabaseRateLimitStore;
}
