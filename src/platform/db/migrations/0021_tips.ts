import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Tip intake and triage (issue 11, parts 1 and 2). Reporting organisations (platforms, NGOs) file reports with
// their own API keys (stored only as a SHA-256 hash, scoped to filing and reading their own receipts); the
// public files through a web form with no account. Each report is one tip, kept whole (raw JSON) beside the
// fields Amaan reads; its identifiers are entities of the graph (tip_identifiers), its URLs and files kept for
// duplicate detection and hash matching; related tips are linked (tip_relations); priority comes from rules
// stored as data (tip_rules) that analysts read and adjust; routing names a branch.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE tip_organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE tip_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES tip_organisations(id) ON DELETE CASCADE,
      label text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
      -- SHA-256 of the bearer token; the token itself is shown once and never stored.
      key_hash text NOT NULL UNIQUE,
      -- The first characters of the token, to tell keys apart on screen.
      prefix text NOT NULL,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      last_used_at timestamptz
    );
    CREATE INDEX tip_keys_organisation ON tip_keys (organisation_id);

    CREATE TABLE tips (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- What the reporter is given to follow up with.
      receipt text NOT NULL UNIQUE,
      channel text NOT NULL CHECK (channel IN ('api','import','public')),
      format text NOT NULL CHECK (format IN ('amaan','cybertipline','public')),
      organisation_id uuid REFERENCES tip_organisations(id),
      key_id uuid REFERENCES tip_keys(id),
      -- The reporter's own report id, when given.
      external_id text,
      -- One tip per idempotency key: organisation + their report id, or else the SHA-256 of the canonical body.
      idempotency_key text NOT NULL UNIQUE,
      incident_type text NOT NULL DEFAULT '',
      incident_at timestamptz,
      escalate boolean NOT NULL DEFAULT false,
      summary text NOT NULL DEFAULT '',
      location jsonb NOT NULL DEFAULT '{}'::jsonb,
      annotations jsonb NOT NULL DEFAULT '[]'::jsonb,
      branch_id integer REFERENCES branches(id),
      routing jsonb NOT NULL DEFAULT '{}'::jsonb,
      priority integer NOT NULL DEFAULT 0,
      priority_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','converted','attached','closed')),
      case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      -- The report as received, every field kept (those Amaan does not read too).
      raw jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      triaged_at timestamptz
    );
    CREATE INDEX tips_queue ON tips (branch_id, status, priority DESC, received_at);
    CREATE INDEX tips_case ON tips (case_id);
    CREATE INDEX tips_organisation ON tips (organisation_id);

    -- A reported identifier as the graph's entity, with its role in the report.
    CREATE TABLE tip_identifiers (
      tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
      entity_id uuid NOT NULL REFERENCES entities(id),
      role text NOT NULL CHECK (role IN ('reported','recipient','victim','reporter')),
      PRIMARY KEY (tip_id, entity_id, role)
    );
    CREATE INDEX tip_identifiers_entity ON tip_identifiers (entity_id);

    CREATE TABLE tip_urls (
      tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
      url text NOT NULL,
      url_key text NOT NULL,
      PRIMARY KEY (tip_id, url_key)
    );
    CREATE INDEX tip_urls_key ON tip_urls (url_key);

    -- Files described by the report (Amaan never receives the file itself).
    CREATE TABLE tip_files (
      id bigserial PRIMARY KEY,
      tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
      file_name text NOT NULL DEFAULT '',
      md5 text,
      sha1 text,
      sha256 text,
      pdq text,
      viewed_by_esp boolean,
      publicly_available boolean,
      classification text,
      annotations jsonb NOT NULL DEFAULT '[]'::jsonb,
      -- Hash-set entries and case media files the hashes match (filled by triage).
      matches jsonb NOT NULL DEFAULT '[]'::jsonb
    );
    CREATE INDEX tip_files_tip ON tip_files (tip_id);
    CREATE INDEX tip_files_md5 ON tip_files (md5) WHERE md5 IS NOT NULL;
    CREATE INDEX tip_files_sha1 ON tip_files (sha1) WHERE sha1 IS NOT NULL;
    CREATE INDEX tip_files_pdq ON tip_files (pdq) WHERE pdq IS NOT NULL;

    -- Duplicate and related reports: what they share.
    CREATE TABLE tip_relations (
      tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
      related_tip_id uuid NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (reason IN ('account','phone','ip_address','email','device','wallet','other_identifier','hash','url')),
      value text NOT NULL,
      PRIMARY KEY (tip_id, related_tip_id, reason, value),
      CHECK (tip_id <> related_tip_id)
    );
    CREATE INDEX tip_relations_related ON tip_relations (related_tip_id);

    -- Priority rules, as data: analysts read and adjust the weights.
    CREATE TABLE tip_rules (
      code text PRIMARY KEY,
      weight integer NOT NULL CHECK (weight BETWEEN 0 AND 1000),
      enabled boolean NOT NULL DEFAULT true,
      updated_by uuid REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO tip_rules (code, weight) VALUES
      ('child_in_danger', 100), ('live_streaming', 60), ('known_material', 50), ('sextortion_self_produced', 50),
      ('known_in_case', 40), ('case_media_match', 30), ('related_reports', 10);

    -- A link may name a tip as its source.
    ALTER TABLE links DROP CONSTRAINT links_source_type_check;
    ALTER TABLE links ADD CONSTRAINT links_source_type_check CHECK (source_type IN ('person','case','operation','evidence','payment','communication','bundle','import','manual','migration','tip'));
  `);
}
