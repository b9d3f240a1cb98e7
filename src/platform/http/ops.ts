import { createServer, type Server } from 'node:http';
import { sql } from 'kysely';
import client from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { migrationStatus, type Db } from '../db/database.ts';
import { knownIndexStateOf, type KnownIndexState } from '../../modules/hashsets/known-index.ts';
import { districtShapesState, type DistrictShapesState } from '../../modules/reference/district-shapes.ts';
import { personIndexStateOf, type PersonIndexState } from '../../modules/resolution/suggestion.service.ts';

// Production mode (issue 13, section 3): liveness, readiness and Prometheus metrics.
// - GET /health: the process answers (liveness; no database call, so a slow database does not get it restarted).
// - GET /ready: the database answers and has every migration this version needs (readiness: a load balancer sends
//   traffic only then); the replica too when one is configured. 503 with the failing check otherwise. Public and
//   bodiless of details an outsider could use (no addresses, no versions). `knownIndex` says whether the known-hash
//   index, loaded in the background at start, is ready yet, `personIndex` the same for the duplicate-person index,
//   and `districtOutlines` the district outlines that place a tip's coordinates (src/modules/reference/
//   district-shapes.ts), built in the background at start (informative only: none ever makes /ready fail).
// - Metrics are NOT on the public port: `AMAAN_METRICS_PORT` opens a listener of their own (default 127.0.0.1),
//   reached by Prometheus on the private network only; request counts and latency by route pattern (never the raw
//   URL: no ids in labels), PostgreSQL pool connections, the audit trail's length, and Node's process metrics.

const READY_TIMEOUT_MS = 2000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

const reachable = async (db: Db) => {
  try {
    await withTimeout(sql`SELECT 1`.execute(db), READY_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
};

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { database: 'ok' | 'unreachable'; migrations: 'current' | 'pending' | 'unknown'; replica?: 'ok' | 'unreachable'; knownIndex?: KnownIndexState; districtOutlines?: DistrictShapesState; personIndex?: PersonIndexState };
}

export async function readiness(ctx: AppContext): Promise<Readiness> {
  const database = (await reachable(ctx.db)) ? 'ok' : 'unreachable';
  let migrations: Readiness['checks']['migrations'] = 'unknown';
  if (database === 'ok') {
    try {
      migrations = (await withTimeout(migrationStatus(ctx.db), READY_TIMEOUT_MS)).pending.length ? 'pending' : 'current';
    } catch {
      migrations = 'unknown';
    }
  }
  const checks: Readiness['checks'] = { database, migrations };
  if (ctx.readDb) checks.replica = (await reachable(ctx.readDb)) ? 'ok' : 'unreachable';
  // The known-hash index loads in the background after start: reported, never a reason to refuse traffic (a search
  // before it is ready waits for it).
  const known = knownIndexStateOf(ctx.db);
  if (known) checks.knownIndex = known;
  const outlines = districtShapesState();
  if (outlines !== 'not_started') checks.districtOutlines = outlines;
  // Likewise the duplicate-person index: persons recorded before it is ready are scored once it is.
  const persons = personIndexStateOf(ctx.db);
  if (persons) checks.personIndex = persons;
  const ok = database === 'ok' && migrations === 'current' && checks.replica !== 'unreachable';
  return { status: ok ? 'ready' : 'not_ready', checks };
}

export interface AppMetrics {
  registry: client.Registry;
  requests: client.Counter<'method' | 'route' | 'status'>;
  duration: client.Histogram<'method' | 'route'>;
}

/** A registry of its own (several apps in one test process must not share the default one). */
export function createMetrics(ctx: AppContext): AppMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'amaan_' });
  const requests = new client.Counter({ name: 'amaan_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new client.Histogram({
    name: 'amaan_http_request_duration_seconds',
    help: 'time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new client.Gauge({
    name: 'amaan_db_pool_connections',
    help: 'PostgreSQL pool connections by pool (primary, replica) and state (total, idle, waiting clients)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const p of ctx.poolStats?.() ?? []) {
        this.set({ pool: p.name, state: 'total' }, p.total);
        this.set({ pool: p.name, state: 'idle' }, p.idle);
        this.set({ pool: p.name, state: 'waiting' }, p.waiting);
      }
    },
  });
  new client.Gauge({
    name: 'amaan_audit_entries',
    help: 'entries in the audit trail (its head sequence number)',
    registers: [registry],
    async collect() {
      try {
        const row = await withTimeout(ctx.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst(), READY_TIMEOUT_MS);
        this.set(Number(row?.seq ?? 0));
      } catch {
        /* the database is down: /ready says so; keep the last value */
      }
    },
  });
  return { registry, requests, duration };
}

/** /health and /ready on the application, and (with metrics) a request counter by route pattern. */
export function registerOps(app: FastifyInstance, ctx: AppContext, metrics?: AppMetrics): void {
  app.get('/health', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/ready', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const r = await readiness(ctx);
    return reply.status(r.status === 'ready' ? 200 : 503).header('cache-control', 'no-store').send(r);
  });
  if (!metrics) return;
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}

/** The metrics listener: GET /metrics only, on its own address (AMAAN_METRICS_HOST:AMAAN_METRICS_PORT). */
export async function startMetricsServer(metrics: AppMetrics, host: string, port: number): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/metrics`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
