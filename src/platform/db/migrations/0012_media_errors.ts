import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Why a seized file has no hash: a code beside the message (malformed, decoder killed by its time or memory
// limit, no ffmpeg on this machine...), so triage can count and filter them; and per ingest job the videos
// left without vPDQ because video hashing was unavailable (never a silent skip).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE media_files ADD COLUMN error_code text;
    CREATE INDEX media_files_error_code ON media_files (case_id, error_code) WHERE error_code IS NOT NULL;
    ALTER TABLE ingest_jobs ADD COLUMN videos_unhashed integer NOT NULL DEFAULT 0;
  `);
}
