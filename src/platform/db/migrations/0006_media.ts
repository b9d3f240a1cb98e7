import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Media triage: known-material hash sets, ingest jobs, one row per seized file, and the matches that link a
// file to a hash set entry or to a file of another case. Hashes are stored as lowercase hex text: exact
// matches use the b-tree indexes below; PDQ matching runs in an in-memory index (src/pdq/matching).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE hash_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      source text NOT NULL,
      version text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      category_scheme text NOT NULL DEFAULT 'us' CHECK (category_scheme IN ('us','uk','custom')),
      entry_count integer NOT NULL DEFAULT 0,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE hash_set_entries (
      id bigserial PRIMARY KEY,
      hash_set_id uuid NOT NULL REFERENCES hash_sets(id) ON DELETE CASCADE,
      md5 text,
      sha1 text,
      sha256 text,
      pdq text,
      pdq_quality integer,
      photodna text,
      category text NOT NULL DEFAULT '0',
      series text,
      media_id text,
      attributes jsonb NOT NULL DEFAULT '{}',
      CHECK (md5 IS NOT NULL OR sha1 IS NOT NULL OR sha256 IS NOT NULL OR pdq IS NOT NULL OR photodna IS NOT NULL)
    );
    CREATE INDEX hash_set_entries_set ON hash_set_entries (hash_set_id);
    CREATE INDEX hash_set_entries_md5 ON hash_set_entries (md5) WHERE md5 IS NOT NULL;
    CREATE INDEX hash_set_entries_sha1 ON hash_set_entries (sha1) WHERE sha1 IS NOT NULL;
    CREATE INDEX hash_set_entries_sha256 ON hash_set_entries (sha256) WHERE sha256 IS NOT NULL;

    CREATE TABLE ingest_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      evidence_id uuid NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
      root_path text NOT NULL,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
      files_total integer,
      bytes_total bigint,
      files_done integer NOT NULL DEFAULT 0,
      bytes_done bigint NOT NULL DEFAULT 0,
      files_failed integer NOT NULL DEFAULT 0,
      error text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      UNIQUE (evidence_id, root_path)
    );

    CREATE TABLE media_files (
      id bigserial PRIMARY KEY,
      job_id uuid NOT NULL REFERENCES ingest_jobs(id) ON DELETE CASCADE,
      evidence_id uuid NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      rel_path text NOT NULL,
      size bigint NOT NULL,
      modified_at timestamptz,
      changed_at timestamptz,
      mime text,
      media_kind text NOT NULL CHECK (media_kind IN ('image','video','document','archive','other','symlink','unreadable')),
      md5 text,
      sha1 text,
      sha256 text,
      pdq text,
      pdq_quality integer,
      low_quality boolean NOT NULL DEFAULT false,
      vpdq_frames integer,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (job_id, rel_path)
    );
    CREATE INDEX media_files_case ON media_files (case_id);
    CREATE INDEX media_files_evidence ON media_files (evidence_id);
    CREATE INDEX media_files_md5 ON media_files (md5) WHERE md5 IS NOT NULL;
    CREATE INDEX media_files_sha1 ON media_files (sha1) WHERE sha1 IS NOT NULL;
    CREATE INDEX media_files_sha256 ON media_files (sha256) WHERE sha256 IS NOT NULL;
    CREATE INDEX media_files_pdq ON media_files (pdq) WHERE pdq IS NOT NULL;

    -- vPDQ frame hashes of a video (one row per sampled frame).
    CREATE TABLE media_video_frames (
      media_file_id bigint NOT NULL REFERENCES media_files(id) ON DELETE CASCADE,
      frame integer NOT NULL,
      quality integer NOT NULL,
      pdq text NOT NULL,
      timestamp_s real NOT NULL,
      PRIMARY KEY (media_file_id, frame)
    );

    CREATE TABLE media_matches (
      id bigserial PRIMARY KEY,
      media_file_id bigint NOT NULL REFERENCES media_files(id) ON DELETE CASCADE,
      hash_set_entry_id bigint REFERENCES hash_set_entries(id) ON DELETE CASCADE,
      other_media_file_id bigint REFERENCES media_files(id) ON DELETE CASCADE,
      match_type text NOT NULL CHECK (match_type IN ('md5','sha1','sha256','pdq','vpdq')),
      distance integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((hash_set_entry_id IS NULL) <> (other_media_file_id IS NULL))
    );
    CREATE INDEX media_matches_file ON media_matches (media_file_id);
    CREATE INDEX media_matches_other ON media_matches (other_media_file_id) WHERE other_media_file_id IS NOT NULL;
    CREATE UNIQUE INDEX media_matches_unique ON media_matches (media_file_id, coalesce(hash_set_entry_id, 0), coalesce(other_media_file_id, 0), match_type);
  `);
}
