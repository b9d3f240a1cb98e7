// Does declarative partitioning (PostgreSQL 15) of the large tables pay for the queries Amaan runs? (issue 13 §3)
//   node --import tsx bench/partitioning.bench.ts [--files 2000000] [--cases 2000] [--audit 2000000] [--reps 30]
//        [--postgres URL] [--keep] [--db NAME] [--write-docs]
// In a scratch database, generates (seeded, in SQL) three tables of realistic shape with the columns and indexes of
// the real ones (migrations 0001, 0004, 0006, 0007, 0012), each in several layouts holding the SAME rows:
//   media_files         plain | hash(case_id) x 16 (primary key (id, case_id)) | range(id), 8 partitions
//   media_video_frames  plain | hash(media_file_id) x 16
//   audit_log           plain | range(seq), 8 partitions (append-only triggers on every layout)
// then times the queries the code runs on them (the SQL of src/modules/media, hashsets, audit, platform/audit),
// one repetition of every layout in turn (so load from other work falls on each alike), with fresh random
// parameters per repetition, the same parameters for every layout. Reports median / p90 per query and layout,
// the ratio to the plain table, and each layout's size.
import { cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { writeDocsSection } from './docs-section.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const FILES = Number(arg('files', '2000000'));
const CASES = Number(arg('cases', '2000'));
const AUDIT = Number(arg('audit', '2000000'));
const REPS = Number(arg('reps', '30'));
const ADMIN = arg('postgres', process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const KEEP = process.argv.includes('--keep');
const GIVEN_DB = arg('db', '');
const WRITE_DOCS = process.argv.includes('--write-docs');
const SECTION = '## Partitioning the large tables: measured, not adopted (issue 13 §3)';
const HASH_PARTS = 16;
const RANGE_PARTS = 8;

const dbName = GIVEN_DB || `amaan_bench_part_${process.pid}`;
const adminUrl = new URL(ADMIN);
if (!GIVEN_DB) {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
}
adminUrl.pathname = `/${dbName}`;
const db = new pg.Client({ connectionString: adminUrl.toString() });
await db.connect();
const q = (text: string, values?: unknown[]) => db.query(text, values);
const t = async (label: string, text: string) => {
  const s = performance.now();
  await q(text);
  console.log(`  ${label}: ${((performance.now() - s) / 1000).toFixed(1)} s`);
};

// ---- columns and indexes as the migrations create them ---------------------------------------------------------
const MEDIA_COLUMNS = `
  id bigint NOT NULL, job_id uuid NOT NULL, evidence_id uuid NOT NULL, case_id uuid NOT NULL, rel_path text NOT NULL,
  size bigint NOT NULL, modified_at timestamptz, changed_at timestamptz, mime text,
  media_kind text NOT NULL CHECK (media_kind IN ('image','video','document','archive','other','symlink','unreadable')),
  md5 text, sha1 text, sha256 text, pdq text, pdq_quality integer, low_quality boolean NOT NULL DEFAULT false,
  vpdq_frames integer, error text, created_at timestamptz NOT NULL DEFAULT now(), error_code text`;
// A unique index on a partitioned table must hold the partition key: (job_id, rel_path) becomes
// (job_id, rel_path, case_id) under hash(case_id), harmless since a job has one case; under range(id) it would
// be (job_id, rel_path, id), which no longer makes a file unique per job (what ingest's exactly-once rests on).
const mediaIndexes = (t: string, key: string, uniqueExtra: string) => `
  ALTER TABLE ${t} ADD PRIMARY KEY (${key});
  CREATE UNIQUE INDEX ${t}_job_path ON ${t} (job_id, rel_path${uniqueExtra});
  CREATE INDEX ${t}_case ON ${t} (case_id);
  CREATE INDEX ${t}_evidence ON ${t} (evidence_id);
  CREATE INDEX ${t}_md5 ON ${t} (md5) WHERE md5 IS NOT NULL;
  CREATE INDEX ${t}_sha1 ON ${t} (sha1) WHERE sha1 IS NOT NULL;
  CREATE INDEX ${t}_sha256 ON ${t} (sha256) WHERE sha256 IS NOT NULL;
  CREATE INDEX ${t}_pdq ON ${t} (pdq) WHERE pdq IS NOT NULL;
  CREATE INDEX ${t}_error_code ON ${t} (case_id, error_code) WHERE error_code IS NOT NULL;`;
const FRAME_COLUMNS = 'media_file_id bigint NOT NULL, frame integer NOT NULL, quality integer NOT NULL, pdq text NOT NULL, timestamp_s real NOT NULL';
const AUDIT_COLUMNS = `
  seq bigint NOT NULL, at timestamptz NOT NULL, actor_id uuid, actor_name text NOT NULL, action text NOT NULL,
  entity_type text NOT NULL, entity_id text, ip text, details jsonb NOT NULL DEFAULT '{}', prev_hash text NOT NULL,
  hash text NOT NULL, v smallint NOT NULL, body text, credential_kind text, credential_id text`;
const auditIndexes = (t: string) => `
  ALTER TABLE ${t} ADD PRIMARY KEY (seq);
  CREATE INDEX ${t}_entity ON ${t} (entity_type, entity_id);
  CREATE INDEX ${t}_actor ON ${t} (actor_id, seq);
  CREATE INDEX ${t}_action ON ${t} (action, seq);
  CREATE INDEX ${t}_at ON ${t} (at);
  CREATE INDEX ${t}_actor_name ON ${t} (actor_name, seq);
  CREATE TRIGGER ${t}_no_change BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION bench_append_only();
  CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION bench_append_only();`;

const generatedAt = new Date();
if (!GIVEN_DB) {
  console.log(`generating in ${dbName}: ${FILES} media files over ${CASES} cases, their video frames, ${AUDIT} audit entries`);
  await q(`CREATE FUNCTION bench_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$`);
  // Cases with a skewed size (a few seizures of 100,000+ files, most of a few hundred): case n gets weight ~ 1/(n+1).
  await q(`CREATE TABLE bench_cases AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS job_id, gen_random_uuid() AS evidence_id FROM generate_series(0, ${CASES - 1}) n`);
  await q('SELECT setseed(0.20261206)');
  // Rows in ingest order: each case's files arrive together (ids ascending within a case), cases interleaved in chunks.
  await t('media_files (plain)', `CREATE TABLE media_files_plain AS
    WITH f AS (SELECT i, floor(${CASES} * power(random(), 2.2))::int AS c FROM generate_series(1::bigint, ${FILES}) i),
    o AS (SELECT row_number() OVER (ORDER BY c / 10, c, i) AS id, i, c FROM f)
    SELECT o.id::bigint AS id, bc.job_id, bc.evidence_id, bc.id AS case_id, 'DCIM/' || (o.i % 97) || '/F' || o.i || '.dat' AS rel_path,
      (2048 + (o.i * 7919) % 400000)::bigint AS size, now() - interval '1 day' * (o.i % 900) AS modified_at, NULL::timestamptz AS changed_at,
      CASE WHEN o.i % 50 < 15 THEN 'image/jpeg' WHEN o.i % 50 = 15 THEN 'video/mp4' ELSE 'application/octet-stream' END AS mime,
      CASE WHEN o.i % 50 < 15 THEN 'image' WHEN o.i % 50 = 15 THEN 'video' WHEN o.i % 50 < 20 THEN 'archive' ELSE 'document' END AS media_kind,
      md5(h::text) AS md5, substr(md5(h::text || 's1') || md5(h::text || 's2'), 1, 40) AS sha1, md5(h::text || 'a') || md5(h::text || 'b') AS sha256,
      CASE WHEN o.i % 50 < 15 THEN md5(h::text || 'p') || md5(h::text || 'q') END AS pdq,
      CASE WHEN o.i % 50 < 15 THEN ((o.i * 31) % 101)::int END AS pdq_quality, (o.i % 50 < 15 AND (o.i * 31) % 101 < 50) AS low_quality,
      CASE WHEN o.i % 50 = 15 THEN (20 + o.i % 80)::int END AS vpdq_frames,
      CASE WHEN o.i % 997 = 0 THEN 'malformed picture' END AS error, now() AS created_at, CASE WHEN o.i % 997 = 0 THEN 'malformed' END AS error_code
    FROM o JOIN bench_cases bc ON bc.n = o.c
    CROSS JOIN LATERAL (SELECT CASE WHEN o.i % 20 = 0 THEN (o.i * 7) % ${FILES} ELSE o.i END AS h) hh`);
  await t('media_files (plain) indexes', mediaIndexes('media_files_plain', 'id', ''));
  await q(`CREATE TABLE media_files_hash (${MEDIA_COLUMNS}) PARTITION BY HASH (case_id)`);
  for (let p = 0; p < HASH_PARTS; p++) await q(`CREATE TABLE media_files_hash_${p} PARTITION OF media_files_hash FOR VALUES WITH (MODULUS ${HASH_PARTS}, REMAINDER ${p})`);
  await t('media_files (hash) rows', 'INSERT INTO media_files_hash SELECT * FROM media_files_plain');
  await t('media_files (hash) indexes', mediaIndexes('media_files_hash', 'id, case_id', ', case_id'));
  await q(`CREATE TABLE media_files_range (${MEDIA_COLUMNS}) PARTITION BY RANGE (id)`);
  const step = Math.ceil(FILES / RANGE_PARTS);
  for (let p = 0; p < RANGE_PARTS; p++) await q(`CREATE TABLE media_files_range_${p} PARTITION OF media_files_range FOR VALUES FROM (${p === 0 ? 'MINVALUE' : p * step + 1}) TO (${p === RANGE_PARTS - 1 ? 'MAXVALUE' : (p + 1) * step + 1})`);
  await t('media_files (range) rows', 'INSERT INTO media_files_range SELECT * FROM media_files_plain');
  await t('media_files (range) indexes', mediaIndexes('media_files_range', 'id', ', id'));

  // Video frames: one row per sampled frame of every video (vpdq_frames of them).
  await t('media_video_frames (plain)', `CREATE TABLE frames_plain AS
    SELECT m.id AS media_file_id, g AS frame, (m.id * 13 + g * 7)::int % 101 AS quality, md5((m.id * 1000 + g)::text) || md5((m.id * 1000 + g)::text || 'v') AS pdq, g::real AS timestamp_s
    FROM media_files_plain m CROSS JOIN LATERAL generate_series(0, m.vpdq_frames - 1) g WHERE m.vpdq_frames > 0`);
  await t('media_video_frames (plain) key', 'ALTER TABLE frames_plain ADD PRIMARY KEY (media_file_id, frame)');
  await q(`CREATE TABLE frames_hash (${FRAME_COLUMNS}) PARTITION BY HASH (media_file_id)`);
  for (let p = 0; p < HASH_PARTS; p++) await q(`CREATE TABLE frames_hash_${p} PARTITION OF frames_hash FOR VALUES WITH (MODULUS ${HASH_PARTS}, REMAINDER ${p})`);
  await t('media_video_frames (hash) rows', 'INSERT INTO frames_hash SELECT * FROM frames_plain');
  await t('media_video_frames (hash) key', 'ALTER TABLE frames_hash ADD PRIMARY KEY (media_file_id, frame)');

  // Audit trail: entries in time order over two years; entity types and actions as the code writes them.
  await t('audit_log (plain)', `CREATE TABLE audit_plain AS
    SELECT s::bigint AS seq, timestamptz '2025-01-01' + (s::float8 / ${AUDIT}) * interval '730 days' AS at,
      ('00000000-0000-4000-8000-' || lpad(to_hex(s % 500), 12, '0'))::uuid AS actor_id, 'officer.' || (s % 500) AS actor_name,
      (ARRAY['case.read','case.update','person.read','media.ingest.batch','victim.read','tip.create','evidence.custody','audit.read'])[1 + s % 8] AS action,
      (ARRAY['case','case','person','ingest_job','victim','tip','evidence','audit_log'])[1 + s % 8] AS entity_type,
      md5((s % 200000)::text) AS entity_id, '10.0.' || (s % 250) || '.' || (s % 200) AS ip,
      jsonb_build_object('n', s % 1000, 'note', 'synthetic') AS details, md5((s - 1)::text) || md5((s - 1)::text || 'x') AS prev_hash,
      md5(s::text) || md5(s::text || 'x') AS hash, 2::smallint AS v, repeat('x', 300) AS body, 'session' AS credential_kind, md5((s % 900)::text) AS credential_id
    FROM generate_series(1, ${AUDIT}) s`);
  await t('audit_log (plain) indexes and triggers', auditIndexes('audit_plain'));
  await q(`CREATE TABLE audit_range (${AUDIT_COLUMNS}) PARTITION BY RANGE (seq)`);
  const astep = Math.ceil(AUDIT / RANGE_PARTS);
  for (let p = 0; p < RANGE_PARTS; p++) await q(`CREATE TABLE audit_range_${p} PARTITION OF audit_range FOR VALUES FROM (${p === 0 ? 'MINVALUE' : p * astep + 1}) TO (${p === RANGE_PARTS - 1 ? 'MAXVALUE' : (p + 1) * astep + 1})`);
  await t('audit_log (range) rows', 'INSERT INTO audit_range SELECT * FROM audit_plain');
  await t('audit_log (range) indexes and triggers', auditIndexes('audit_range'));
  await t('VACUUM ANALYZE', 'VACUUM ANALYZE');
}

// ---- the queries ---------------------------------------------------------------------------------------------
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const cases = (await q('SELECT case_id, count(*)::int AS n FROM media_files_plain GROUP BY case_id')).rows as Array<{ case_id: string; n: number }>;
const midCases = cases.filter((c) => c.n >= 200 && c.n <= 5000);
const bigCase = cases.reduce((a, b) => (b.n > a.n ? b : a));
const maxId = Number((await q('SELECT max(id) AS m FROM media_files_plain')).rows[0].m);
const videoIds = (await q('SELECT media_file_id FROM frames_plain WHERE frame = 0 ORDER BY random() LIMIT 5000')).rows.map((r) => Number(r.media_file_id));
const entities = (await q(`SELECT DISTINCT entity_id FROM audit_plain WHERE seq <= 5000 AND entity_type = 'case'`)).rows.map((r) => r.entity_id as string);
const sampleSha = async (n: number) => (await q(`SELECT sha256 FROM media_files_plain TABLESAMPLE SYSTEM (1) LIMIT ${n}`)).rows.map((r) => r.sha256 as string);
const randomIds = (n: number) => Array.from({ length: n }, () => 1 + Math.floor(Math.random() * maxId));

interface Query { name: string; what: string; layouts: string[]; params: () => Promise<unknown[]>; sql: (t: string) => string; write?: boolean }
const MEDIA = ['media_files_plain', 'media_files_hash', 'media_files_range'];
const FRAMES = ['frames_plain', 'frames_hash'];
const AUDITS = ['audit_plain', 'audit_range'];
const newRows = (t: string) => `INSERT INTO ${t} SELECT id + ${maxId * 2} + $2::bigint, gen_random_uuid(), evidence_id, case_id, rel_path || '.new', size, modified_at, changed_at, mime, media_kind, md5, sha1, sha256, pdq, pdq_quality, low_quality, vpdq_frames, error, now(), error_code FROM media_files_plain WHERE case_id = $1 LIMIT 200`;
let bump = 0;
const queries: Query[] = [
  { name: 'case summary by kind', what: 'mediaSummary: count per media_kind of one case (200-5,000 files)', layouts: MEDIA, params: async () => [pick(midCases).case_id], sql: (t) => `SELECT media_kind, count(*) FROM ${t} WHERE case_id = $1 GROUP BY media_kind` },
  { name: 'case summary, largest case', what: `the same for the largest case (${bigCase.n.toLocaleString('en')} files)`, layouts: MEDIA, params: async () => [bigCase.case_id], sql: (t) => `SELECT media_kind, count(*) FROM ${t} WHERE case_id = $1 GROUP BY media_kind` },
  { name: 'file list page', what: 'listMediaFiles: one case, ORDER BY rel_path LIMIT 50, and its count', layouts: MEDIA, params: async () => [pick(midCases).case_id], sql: (t) => `SELECT *, (SELECT count(*) FROM ${t} WHERE case_id = $1) AS total FROM ${t} WHERE case_id = $1 ORDER BY rel_path LIMIT 50` },
  { name: 'digests across cases', what: 'storeBatch: 200 SHA-256 of a batch looked up in every other case', layouts: MEDIA, params: async () => [await sampleSha(200), pick(midCases).case_id], sql: (t) => `SELECT id, sha256 FROM ${t} WHERE sha256 = ANY($1) AND case_id <> $2` },
  { name: 'files by id', what: 'graph store / known index / linked cases: 500 files by id', layouts: MEDIA, params: async () => [randomIds(500)], sql: (t) => `SELECT id, case_id FROM ${t} WHERE id = ANY($1::bigint[])` },
  { name: 'known-index catch-up', what: 'KnownIndex.readMedia: good pictures after the last id covered (last 20,000 ids)', layouts: MEDIA, params: async () => [maxId - 20000], sql: (t) => `SELECT id, pdq, case_id FROM ${t} WHERE pdq IS NOT NULL AND low_quality = false AND pdq_quality >= 50 AND id > $1 ORDER BY id LIMIT 10000` },
  { name: 'max id', what: 'KnownIndex: max(id)', layouts: MEDIA, params: async () => [], sql: (t) => `SELECT max(id) FROM ${t}` },
  { name: 'insert a batch of 200', what: 'storeBatch: 200 rows of one case, all indexes (rolled back)', layouts: MEDIA, write: true, params: async () => [pick(midCases).case_id, (bump += 1000)], sql: newRows },
  { name: 'frames of one video', what: 'a video\'s vPDQ frames', layouts: FRAMES, params: async () => [pick(videoIds)], sql: (t) => `SELECT * FROM ${t} WHERE media_file_id = $1 ORDER BY frame` },
  { name: 'frames of 200 videos', what: 'the frames of 200 videos (a batch\'s candidates)', layouts: FRAMES, params: async () => [Array.from({ length: 200 }, () => pick(videoIds))], sql: (t) => `SELECT media_file_id, frame, pdq FROM ${t} WHERE media_file_id = ANY($1::bigint[])` },
  { name: 'audit head', what: 'appendAuditEntry: the head (every audited write)', layouts: AUDITS, params: async () => [], sql: (t) => `SELECT seq, hash FROM ${t} ORDER BY seq DESC LIMIT 1` },
  { name: 'audit append', what: 'head + one entry inserted (rolled back)', layouts: AUDITS, write: true, params: async () => [], sql: (t) => `INSERT INTO ${t} SELECT seq + 1, now(), actor_id, actor_name, action, entity_type, entity_id, ip, details, hash, md5(hash), v, body, credential_kind, credential_id FROM (SELECT * FROM ${t} ORDER BY seq DESC LIMIT 1) h` },
  { name: 'audit by entity', what: 'listAudit: one record\'s entries, newest 50, and the count', layouts: AUDITS, params: async () => [pick(entities)], sql: (t) => `SELECT *, (SELECT count(*) FROM ${t} WHERE entity_type = 'case' AND entity_id = $1) AS total FROM ${t} WHERE entity_type = 'case' AND entity_id = $1 ORDER BY seq DESC LIMIT 50` },
  { name: 'audit last day', what: 'listAudit: from/to one day, newest 50', layouts: AUDITS, params: async () => { const d = new Date(Date.UTC(2025, 0, 1) + Math.random() * 720 * 864e5); return [d, new Date(+d + 864e5)]; }, sql: (t) => `SELECT * FROM ${t} WHERE at >= $1 AND at <= $2 ORDER BY seq DESC LIMIT 50` },
  { name: 'audit verify page', what: 'verifyAuditChain: 1,000 entries after a seq', layouts: AUDITS, params: async () => [Math.floor(Math.random() * (AUDIT - 1000))], sql: (t) => `SELECT * FROM ${t} WHERE seq > $1 ORDER BY seq LIMIT 1000` },
];

const loadBefore = loadavg();
const ms = new Map<string, number[]>();
for (let rep = 0; rep < REPS + 2; rep++) {
  for (const query of queries) {
    const params = await query.params();
    // Layouts in turn, the first one rotating, with the same parameters.
    const order = query.layouts.map((_, i) => query.layouts[(i + rep) % query.layouts.length]!);
    for (const layout of order) {
      if (query.write) await q('BEGIN');
      const s = performance.now();
      await q(query.sql(layout), params);
      const el = performance.now() - s;
      if (query.write) await q('ROLLBACK');
      if (rep >= 2) ms.set(`${query.name}|${layout}`, [...(ms.get(`${query.name}|${layout}`) ?? []), el]); // 2 warm-ups
    }
  }
}
const loadAfter = loadavg();
const quant = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]!;
};
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const size = async (t: string) => Number((await q(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS b FROM pg_class c WHERE c.oid = '${t}'::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = '${t}'::regclass)`)).rows[0].b);
const rowsOf = async (t: string) => Number((await q(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);

const lines: string[] = [];
const say = (x = ''): void => { lines.push(x); console.log(x); };
say(SECTION);
say();
say(`Machine: ${cpus()[0]?.model} x ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${(await q('SELECT version()')).rows[0].version.split(' on ')[0]} on 127.0.0.1, default settings (shared_buffers ${(await q('SHOW shared_buffers')).rows[0].shared_buffers}). ` +
  `Data generated ${generatedAt.toISOString().slice(0, 16)} UTC. Command: \`node --import tsx bench/partitioning.bench.ts --files ${FILES} --cases ${CASES} --audit ${AUDIT} --reps ${REPS}\`.`);
say(`Data (seeded, in SQL): ${(await rowsOf('media_files_plain')).toLocaleString('en')} media files over ${cases.length.toLocaleString('en')} cases (skewed: the largest ${bigCase.n.toLocaleString('en')} files, median ${quant(cases.map((c) => c.n), 0.5)}), ` +
  `${(await rowsOf('frames_plain')).toLocaleString('en')} video frames, ${(await rowsOf('audit_plain')).toLocaleString('en')} audit entries; the columns and indexes of the real tables. ` +
  `Layouts: media_files plain / hash(case_id) x ${HASH_PARTS} (primary key (id, case_id)) / range(id) x ${RANGE_PARTS}; media_video_frames plain / hash(media_file_id) x ${HASH_PARTS}; audit_log plain / range(seq) x ${RANGE_PARTS}.`);
say(`${REPS} repetitions after 2 warm-ups; each repetition runs every layout in turn (rotating which goes first) with the same random parameters; client-side time of one round trip on loopback. ` +
  `**Load average ${loadBefore.map((x) => x.toFixed(1)).join(', ')} at the start, ${loadAfter.map((x) => x.toFixed(1)).join(', ')} at the end (2 CPUs shared with other engineers' work): absolute times are inflated; read the ratios.**`);
say();
say('| table | layout | size (table + indexes) |');
say('| --- | --- | ---: |');
for (const tname of [...MEDIA, ...FRAMES, ...AUDITS]) say(`| ${({ media: 'media_files', frames: 'media_video_frames', audit: 'audit_log' } as Record<string, string>)[tname.split('_')[0]!]} | ${tname.split('_').pop()} | ${((await size(tname)) / 2 ** 20).toFixed(0)} MiB |`);
say();
say('| query | what (the code it comes from) | layout | median ms | p90 ms | median vs plain |');
say('| --- | --- | --- | ---: | ---: | ---: |');
for (const query of queries) {
  const plain = quant(ms.get(`${query.name}|${query.layouts[0]}`)!, 0.5);
  for (const layout of query.layouts) {
    const xs = ms.get(`${query.name}|${layout}`)!;
    say(`| ${query.name} | ${layout === query.layouts[0] ? query.what : ''} | ${layout.split('_').pop()} | ${fmt(quant(xs, 0.5))} | ${fmt(quant(xs, 0.9))} | ${layout === query.layouts[0] ? '1.00' : `${(quant(xs, 0.5) / plain).toFixed(2)}x`} |`);
  }
}
await db.end();
if (!KEEP && !GIVEN_DB) {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
} else console.log(`kept database ${dbName}`);
if (WRITE_DOCS) writeDocsSection(SECTION, lines.join('\n'));
