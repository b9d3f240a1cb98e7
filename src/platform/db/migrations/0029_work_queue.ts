import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Issue 13: background work as rows, not a map inside one process. `background_jobs` is what the web app and
// the CLI read (kind, who started it, state, progress, result or error) on both engines; on PostgreSQL the
// dispatch (which worker runs it, retries with back-off) is pg-boss's, in its own schema `pgboss`, installed
// by the queue at start (src/platform/jobs/pgboss-queue.ts). A job's steps record what they committed in
// `checkpoint`, in the same transaction as the work, so a retried job skips a step already done.
// Notifications gain the known-material match: a hash set imported later matched files of a case.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE background_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      owner_id uuid NOT NULL,
      actor jsonb NOT NULL,
      payload jsonb NOT NULL,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed')),
      checkpoint jsonb NOT NULL DEFAULT '{}',
      unit text NOT NULL,
      progress_done bigint NOT NULL DEFAULT 0,
      progress_total bigint,
      result jsonb,
      error text,
      attempts integer NOT NULL DEFAULT 0,
      queue_job_id text,
      worker text,
      heartbeat_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX background_jobs_owner ON background_jobs (owner_id, created_at DESC);
    CREATE INDEX background_jobs_open ON background_jobs (state, heartbeat_at) WHERE state IN ('queued','running');

    ALTER TABLE notifications ADD COLUMN case_id uuid REFERENCES cases(id) ON DELETE CASCADE;
    ALTER TABLE notifications ADD COLUMN hash_set_id uuid REFERENCES hash_sets(id) ON DELETE CASCADE;
    ALTER TABLE notifications ADD COLUMN match_files integer;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN ('deconfliction.alert','deconfliction.granted','deconfliction.dismissed','legal_request.deadline',
        'safeguarding.unassigned','safeguarding.overdue','media.known_match'));
    CREATE UNIQUE INDEX notifications_known_match_once ON notifications (user_id, case_id, hash_set_id) WHERE kind = 'media.known_match';
  `);
}
