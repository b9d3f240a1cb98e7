import { isIP } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installationKeyFrom } from './crypto/installation-key.ts';

// Configuration is read once from the environment at start; every variable is listed here with its
// default and whether it is secret. All problems are reported together.
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL URL for production; unset -> embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Folder of the known-hash index file (AMAAN_INDEX_DIR): a local folder even when the data are on PostgreSQL/S3. */
  indexDir: string;
  /**
   * Folder of the local secret files (embedded data key, audit key, signing key, audit checkpoints). Kept
   * outside the data folder, so a copy of the data folder is not a copy of its keys.
   */
  keyDir: string;
  /** Secret: 32-byte key (base64) for field encryption and blind indexes; unset -> a key file in keyDir (required in production). */
  dataKey?: string;
  /** Secret: the installation's Ed25519 signing key (PKCS#8 PEM or base64 of it); unset -> a key file in keyDir. */
  signingKey?: string;
  /** Secret: earlier data keys (base64), still accepted for reading until `amaan keys reencrypt` retires them. */
  previousDataKeys: string[];
  bodyLimitBytes: number;
  sessionHours: number;
  /** Serve over HTTPS behind a proxy: marks cookies Secure. */
  secureCookies: boolean;
  /** Decoder sandbox setting (AMAAN_SANDBOX); src/pdq/sandbox/ reads the variable itself, validated here at start. */
  sandbox: 'auto' | 'bwrap' | 'none';
  /** AMAAN_FFMPEG / AMAAN_FFPROBE as given (src/pdq/vpdq/ffmpeg-path.ts looks them up). */
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Folders (mounted images) the server may ingest from when asked over the API; empty = API ingest off. */
  ingestRoots: string[];
  /** Set by `amaan serve --demo` (never from the environment): the demo media folder, the one more folder the API may ingest from. */
  demoIngestRoot?: string;
  /** Which proxies' X-Forwarded-For to believe (Fastify trustProxy): false = none, a hop count, or addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** Every account must use a second factor (TOTP) to sign in; default on in production. */
  mfaRequired: boolean;
  /** A session unused for this long ends. */
  sessionIdleMinutes: number;
  /** PostgreSQL URL migrations run with (the owner role); unset -> DATABASE_URL. The app itself runs as amaan_app. */
  databaseMigrationUrl?: string;
  /** Secret: 32-byte key (base64) chaining the audit trail (HMAC); unset -> a key file in keyDir. */
  auditKey?: string;
  /** File the signed audit checkpoints are appended to; unset -> audit-checkpoints.jsonl in keyDir. */
  auditCheckpoints?: string;
  /** The earliest year a record of the agency may be dated in (modules/cases/dates.rules.ts). */
  earliestYear: number;
  /** The agency's time zone (IANA name): the web app shows every date and time in it. */
  timeZone: string;
  /** Largest document (one version) accepted for upload, in bytes (modules/documents). */
  documentMaxBytes: number;
  /** Tip intake (issue 11): reports a reporting organisation's key may file per minute, and public-form reports per address per hour. */
  tipsKeyPerMinute: number;
  tipsPublicPerHour: number;
  /** Production mode (issue 13): apply migrations at start? Off in production on PostgreSQL (`amaan migrate` does it). */
  migrateOnStart: boolean;
  /** A read replica for read-only statistics and search (DATABASE_REPLICA_URL); unset -> the primary. */
  databaseReplicaUrl?: string;
  /** PostgreSQL pool: connections per process, idle time before one is closed, connect timeout, statement timeout (0 = none). */
  dbPool: { max: number; idleMs: number; connectTimeoutMs: number; statementTimeoutMs: number };
  /** Prometheus metrics listener (AMAAN_METRICS_PORT, on AMAAN_METRICS_HOST): unset -> no metrics. */
  metrics?: { host: string; port: number };
  /** Structured JSON request logs (pino) on stdout: AMAAN_LOG=1, default on in production. */
  jsonLogs: boolean;
  /** Where documents are kept: the local folder (default) or an S3-compatible object store. */
  storage: { kind: 'local' } | { kind: 's3'; endpoint?: string; region: string; bucket: string; prefix: string; forcePathStyle: boolean; accessKeyId?: string; secretAccessKey?: string };
}

/**
 * The installation's own data folder (`data/` beside package.json): the default for the server and every CLI
 * verb alike, wherever they are started from, so `amaan ingest` run from another folder opens the database
 * `npm start` uses instead of starting a second, empty one in the current folder.
 */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export const configVariables = [
  { name: 'NODE_ENV', default: 'development', secret: false, what: 'development | production | test; demo users are refused in production' },
  { name: 'HOST', default: '127.0.0.1', secret: false, what: 'address to listen on' },
  { name: 'PORT', default: '3000', secret: false, what: 'port to listen on (0 = any free port)' },
  { name: 'DATABASE_URL', default: '(unset: embedded PGlite)', secret: true, what: 'PostgreSQL 15+ connection string' },
  { name: 'AMAAN_DATA_DIR', default: "(unset: data/ in the installation's folder, whatever the current folder)", secret: false, what: 'folder of the embedded database (a relative path is taken from the current folder); CLI verbs other than migrate, demo load and user create refuse a folder without a database' },
  { name: 'AMAAN_INDEX_DIR', default: '(unset: index/ in the data folder)', secret: false, what: 'local folder of the known-hash index file (a cache: rebuilt from the database when missing or damaged); on PostgreSQL or S3 deployments a local disk of each machine' },
  { name: 'AMAAN_KEY_DIR', default: '(unset: <data folder>-keys beside the data folder)', secret: false, what: 'folder of local key files and audit checkpoints, outside the data folder' },
  { name: 'AMAAN_DATA_KEY', default: '(unset: key file in the key folder; required in production)', secret: true, what: 'base64 32-byte key encrypting victim identities, care records and person identity numbers' },
  { name: 'AMAAN_SIGNING_KEY', default: '(unset: key file in the key folder)', secret: true, what: 'Ed25519 private key (PKCS#8 PEM, or base64 of it) signing case bundles and audit checkpoints' },
  { name: 'AMAAN_DATA_KEYS_PREVIOUS', default: '(unset: none)', secret: true, what: 'comma-separated base64 32-byte keys used before AMAAN_DATA_KEY: read only, until `amaan keys reencrypt`' },
  { name: 'AMAAN_BODY_LIMIT', default: '1048576', secret: false, what: 'largest accepted request body in bytes' },
  { name: 'AMAAN_SESSION_HOURS', default: '12', secret: false, what: 'session lifetime' },
  { name: 'AMAAN_INGEST_ROOTS', default: '(unset: API-started ingest off)', secret: false, what: 'colon-separated folders under which the server may ingest seized media' },
  { name: 'AMAAN_TRUST_PROXY', default: '(unset: none)', secret: false, what: 'reverse proxies whose X-Forwarded-For is believed: a hop count (e.g. 1) or a comma list of addresses/CIDRs (e.g. 10.0.0.5,10.1.0.0/16); unset trusts none' },
  { name: 'AMAAN_MFA_REQUIRED', default: 'true in production, false otherwise', secret: false, what: 'every account signs in with a TOTP second factor (accounts without one can only enrol)' },
  { name: 'AMAAN_SESSION_IDLE_MINUTES', default: '30', secret: false, what: 'a session unused for this many minutes ends' },
  { name: 'AMAAN_SANDBOX', default: 'auto', secret: false, what: 'decoders of seized media (ffmpeg, libvips): auto = bubblewrap sandbox when it runs here, else limits only (logged; loudly in production); bwrap = refuse to decode without it; none = limits only' },
  { name: 'AMAAN_FFMPEG', default: '(unset: ffmpeg on PATH)', secret: false, what: 'ffmpeg binary for video hashing (vPDQ); without one, videos are reported as not hashed' },
  { name: 'AMAAN_FFPROBE', default: '(unset: ffprobe beside ffmpeg, or on PATH)', secret: false, what: 'ffprobe binary for reading video streams' },
  { name: 'DATABASE_MIGRATION_URL', default: '(unset: DATABASE_URL)', secret: true, what: 'PostgreSQL connection string for migrations (owner role); the app connects with DATABASE_URL and runs as amaan_app' },
  { name: 'AMAAN_AUDIT_KEY', default: '(unset: key file in the key folder)', secret: true, what: 'base64 32-byte key chaining the audit trail (HMAC-SHA256); all servers of one database share it' },
  { name: 'AMAAN_AUDIT_CHECKPOINTS', default: '(unset: audit-checkpoints.jsonl in the key folder)', secret: false, what: 'file the signed checkpoints of the audit trail are appended to (outside the database)' },
  { name: 'AMAAN_EARLIEST_YEAR', default: '1947', secret: false, what: 'earliest year a complaint, operation, hearing or other record may be dated in; an earlier date is refused beside its field' },
  { name: 'AMAAN_TIME_ZONE', default: 'Asia/Karachi', secret: false, what: "the agency's time zone (IANA name): dates and times are shown in it, whatever the officer's device says, and statistics count days, months and years in it (an FIR at 02:00 on 1 January belongs to the new year)" },
  { name: 'AMAAN_DOCUMENT_MAX_BYTES', default: '52428800', secret: false, what: 'largest document file accepted for upload, in bytes (50 MB by default); documents are kept in documents/ inside the data folder' },
  { name: 'AMAAN_SECURE_COOKIES', default: 'false (true in production)', secret: false, what: 'send cookies only over HTTPS' },
  { name: 'AMAAN_MIGRATE_ON_START', default: 'false in production with DATABASE_URL, true otherwise', secret: false, what: 'apply pending migrations when the server or a CLI verb starts; in production run `amaan migrate` once per release instead (the server then refuses to start while a migration it needs is missing)' },
  { name: 'DATABASE_REPLICA_URL', default: '(unset: the primary)', secret: true, what: 'PostgreSQL read replica for read-only statistics, figures and search; connects as DATABASE_URL\'s role does (amaan_app)' },
  { name: 'DATABASE_POOL_MAX', default: '10', secret: false, what: 'PostgreSQL connections per process (primary and replica each); behind PgBouncer in transaction mode keep it small' },
  { name: 'DATABASE_POOL_IDLE_MS', default: '30000', secret: false, what: 'an idle pooled connection is closed after this many milliseconds' },
  { name: 'DATABASE_CONNECT_TIMEOUT_MS', default: '5000', secret: false, what: 'give up opening a PostgreSQL connection, or waiting for a free one of the pool, after this many milliseconds (the request is then answered 503 with Retry-After)' },
  { name: 'DATABASE_STATEMENT_TIMEOUT_MS', default: '0 (none)', secret: false, what: 'PostgreSQL statement_timeout of the application\'s connections' },
  { name: 'AMAAN_METRICS_PORT', default: '(unset: no metrics)', secret: false, what: 'Prometheus metrics at http://AMAAN_METRICS_HOST:PORT/metrics, on a listener of its own (not the public port)' },
  { name: 'AMAAN_METRICS_HOST', default: '127.0.0.1', secret: false, what: 'address of the metrics listener: keep it on a private network' },
  { name: 'AMAAN_LOG', default: '(unset: JSON logs in production, none otherwise)', secret: false, what: '1 = structured JSON request logs (pino) on stdout, 0 = none' },
  { name: 'AMAAN_STORAGE', default: 'local', secret: false, what: 'document storage: local (documents/ in the data folder) or s3 (an S3-compatible object store)' },
  { name: 'AMAAN_S3_BUCKET', default: '(required with AMAAN_STORAGE=s3)', secret: false, what: 'bucket the documents are kept in' },
  { name: 'AMAAN_S3_ENDPOINT', default: '(unset: AWS)', secret: false, what: 'endpoint of an S3-compatible store (MinIO, Ceph, Garage...), e.g. https://objects.agency.local' },
  { name: 'AMAAN_S3_REGION', default: 'us-east-1', secret: false, what: 'region name the store expects' },
  { name: 'AMAAN_S3_PREFIX', default: 'documents/', secret: false, what: 'key prefix of the objects inside the bucket' },
  { name: 'AMAAN_S3_FORCE_PATH_STYLE', default: 'true with AMAAN_S3_ENDPOINT', secret: false, what: 'address buckets as a path (most self-hosted stores) rather than a host name' },
  { name: 'AMAAN_S3_ACCESS_KEY_ID', default: '(unset: the AWS SDK\'s own chain)', secret: true, what: 'access key of the object store' },
  { name: 'AMAAN_S3_SECRET_ACCESS_KEY', default: '(unset: the AWS SDK\'s own chain)', secret: true, what: 'secret key of the object store' },
] as const;

/** A base64 (standard or URL-safe, padded or not) string of exactly 32 bytes. */
function isBase64Key(s: string): boolean {
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length === 32;
}

function validSigningKey(s: string): boolean {
  try {
    installationKeyFrom(s.includes('BEGIN') ? s : Buffer.from(s, 'base64').toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz);
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * AMAAN_TRUST_PROXY: unset = trust no proxy (the socket address is the client); a whole number = that many
 * hops; otherwise a comma list of addresses, CIDRs or proxy-addr's names (loopback, linklocal, uniquelocal).
 * "true" (trust any X-Forwarded-For) is refused: anyone could then pick their own address.
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): false | number | string[] {
  const value = (raw ?? '').trim();
  if (!value) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) problems.push(`AMAAN_TRUST_PROXY: a hop count must be 1 to 10, got "${value}"`);
    return hops;
  }
  if (value === 'true' || value === '*') {
    problems.push('AMAAN_TRUST_PROXY: "true" would believe any X-Forwarded-For; give the proxies\' addresses or CIDRs, or a hop count');
    return false;
  }
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (PROXY_KEYWORDS.has(item)) continue;
    const [address, prefix, extra] = item.split('/');
    const family = isIP(address ?? '');
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) problems.push(`AMAAN_TRUST_PROXY: "${item}" is not an address, a CIDR or one of ${[...PROXY_KEYWORDS].join(', ')}`);
  }
  return items;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) problems.push(`${name} must be an integer >= ${min}, got "${raw}"`);
    return n;
  };
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST || '127.0.0.1',
    port: int('PORT', 3000, 0),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.AMAAN_DATA_DIR ? resolve(env.AMAAN_DATA_DIR) : DEFAULT_DATA_DIR,
    keyDir: '',
    indexDir: '',
    dataKey: env.AMAAN_DATA_KEY || undefined,
    signingKey: env.AMAAN_SIGNING_KEY || undefined,
    previousDataKeys: (env.AMAAN_DATA_KEYS_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    bodyLimitBytes: int('AMAAN_BODY_LIMIT', 1_048_576, 1024),
    sessionHours: int('AMAAN_SESSION_HOURS', 12, 1),
    secureCookies: env.AMAAN_SECURE_COOKIES ? env.AMAAN_SECURE_COOKIES === 'true' : nodeEnv === 'production',
    ingestRoots: (env.AMAAN_INGEST_ROOTS ?? '').split(':').filter(Boolean).map((p) => resolve(p)),
    trustProxy: parseTrustProxy(env.AMAAN_TRUST_PROXY, problems),
    mfaRequired: env.AMAAN_MFA_REQUIRED ? env.AMAAN_MFA_REQUIRED === 'true' : nodeEnv === 'production',
    sessionIdleMinutes: int('AMAAN_SESSION_IDLE_MINUTES', 30, 1),
    sandbox: (env.AMAAN_SANDBOX || 'auto') as Config['sandbox'],
    ffmpegPath: env.AMAAN_FFMPEG || undefined,
    ffprobePath: env.AMAAN_FFPROBE || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    auditKey: env.AMAAN_AUDIT_KEY || undefined,
    auditCheckpoints: env.AMAAN_AUDIT_CHECKPOINTS ? resolve(env.AMAAN_AUDIT_CHECKPOINTS) : undefined,
    earliestYear: int('AMAAN_EARLIEST_YEAR', 1947, 1) /* DEFAULT_EARLIEST_YEAR of modules/cases/dates.rules.ts */,
    timeZone: env.AMAAN_TIME_ZONE || 'Asia/Karachi',
    documentMaxBytes: int('AMAAN_DOCUMENT_MAX_BYTES', 52_428_800, 1024),
    tipsKeyPerMinute: int('AMAAN_TIPS_KEY_PER_MINUTE', 6000, 1),
    tipsPublicPerHour: int('AMAAN_TIPS_PUBLIC_PER_HOUR', 20, 1),
    migrateOnStart: env.AMAAN_MIGRATE_ON_START ? env.AMAAN_MIGRATE_ON_START === 'true' : !(nodeEnv === 'production' && env.DATABASE_URL),
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    dbPool: {
      max: int('DATABASE_POOL_MAX', 10, 1),
      idleMs: int('DATABASE_POOL_IDLE_MS', 30_000, 0),
      connectTimeoutMs: int('DATABASE_CONNECT_TIMEOUT_MS', 5_000, 0),
      statementTimeoutMs: int('DATABASE_STATEMENT_TIMEOUT_MS', 0, 0),
    },
    metrics: env.AMAAN_METRICS_PORT ? { host: env.AMAAN_METRICS_HOST || '127.0.0.1', port: int('AMAAN_METRICS_PORT', 0, 0) } : undefined,
    jsonLogs: env.AMAAN_LOG ? env.AMAAN_LOG === '1' : nodeEnv === 'production',
    storage: { kind: 'local' },
  };
  if (env.AMAAN_MIGRATE_ON_START && !['true', 'false'].includes(env.AMAAN_MIGRATE_ON_START)) problems.push(`AMAAN_MIGRATE_ON_START must be true or false, got "${env.AMAAN_MIGRATE_ON_START}"`);
  if (config.databaseReplicaUrl && !config.databaseUrl) problems.push('DATABASE_REPLICA_URL needs DATABASE_URL (the primary)');
  const storageKind = env.AMAAN_STORAGE || 'local';
  if (storageKind === 's3') {
    if (!env.AMAAN_S3_BUCKET) problems.push('AMAAN_S3_BUCKET is required with AMAAN_STORAGE=s3');
    const endpoint = env.AMAAN_S3_ENDPOINT || undefined;
    if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) problems.push(`AMAAN_S3_ENDPOINT must be an http(s) address, got "${endpoint}"`);
    if (Boolean(env.AMAAN_S3_ACCESS_KEY_ID) !== Boolean(env.AMAAN_S3_SECRET_ACCESS_KEY)) problems.push('AMAAN_S3_ACCESS_KEY_ID and AMAAN_S3_SECRET_ACCESS_KEY go together');
    config.storage = {
      kind: 's3',
      endpoint,
      region: env.AMAAN_S3_REGION || 'us-east-1',
      bucket: env.AMAAN_S3_BUCKET ?? '',
      prefix: env.AMAAN_S3_PREFIX ?? 'documents/',
      forcePathStyle: env.AMAAN_S3_FORCE_PATH_STYLE ? env.AMAAN_S3_FORCE_PATH_STYLE === 'true' : Boolean(endpoint),
      accessKeyId: env.AMAAN_S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.AMAAN_S3_SECRET_ACCESS_KEY || undefined,
    };
  } else if (storageKind !== 'local') problems.push(`AMAAN_STORAGE must be local or s3, got "${storageKind}"`);
  if (!validTimeZone(config.timeZone)) problems.push(`AMAAN_TIME_ZONE must be an IANA time zone such as Asia/Karachi, got "${env.AMAAN_TIME_ZONE}"`);
  if (config.earliestYear > new Date().getUTCFullYear()) problems.push(`AMAAN_EARLIEST_YEAR must not be in the future, got "${env.AMAAN_EARLIEST_YEAR}"`);
  if (env.AMAAN_MFA_REQUIRED && !['true', 'false'].includes(env.AMAAN_MFA_REQUIRED)) problems.push(`AMAAN_MFA_REQUIRED must be true or false, got "${env.AMAAN_MFA_REQUIRED}"`);
  if (!['auto', 'bwrap', 'none'].includes(config.sandbox)) problems.push(`AMAAN_SANDBOX must be auto, bwrap or none, got "${env.AMAAN_SANDBOX}"`);
  config.indexDir = env.AMAAN_INDEX_DIR ? resolve(env.AMAAN_INDEX_DIR) : join(config.dataDir, 'index');
  config.keyDir = env.AMAAN_KEY_DIR ? resolve(env.AMAAN_KEY_DIR) : join(dirname(config.dataDir), `${basename(config.dataDir)}-keys`);
  if (config.keyDir === config.dataDir || config.keyDir.startsWith(`${config.dataDir}/`)) problems.push('AMAAN_KEY_DIR must be outside AMAAN_DATA_DIR: a copy of the data folder must not carry its keys');
  if (nodeEnv === 'production' && !config.dataKey) problems.push('AMAAN_DATA_KEY is required in production (32 random bytes, base64: openssl rand -base64 32): without it each machine would make its own key file and encrypted data would not move with the database');
  if (config.signingKey && !validSigningKey(config.signingKey)) problems.push('AMAAN_SIGNING_KEY must be an Ed25519 private key: PKCS#8 PEM, or base64 of that PEM');
  if (config.dataKey && Buffer.from(config.dataKey, 'base64').length !== 32) problems.push('AMAAN_DATA_KEY must be 32 bytes, base64-encoded');
  config.previousDataKeys.forEach((k, i) => {
    if (!isBase64Key(k)) problems.push(`AMAAN_DATA_KEYS_PREVIOUS: key ${i + 1} must be 32 bytes, base64-encoded (keys separated by commas)`);
  });
  if (config.previousDataKeys.length && !config.dataKey) problems.push('AMAAN_DATA_KEYS_PREVIOUS needs AMAAN_DATA_KEY: the new current key (the old key file in the key folder goes into the previous keys)');
  if (config.auditKey && !isBase64Key(config.auditKey)) problems.push('AMAAN_AUDIT_KEY must be 32 bytes, base64-encoded');
  if (config.databaseMigrationUrl && !config.databaseUrl) problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL (the connection the application itself uses)');
  if (config.auditCheckpoints && (config.auditCheckpoints === config.dataDir || config.auditCheckpoints.startsWith(`${config.dataDir}/`))) problems.push('AMAAN_AUDIT_CHECKPOINTS must be outside AMAAN_DATA_DIR: checkpoints are the record kept apart from the data');
  if (problems.length) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
