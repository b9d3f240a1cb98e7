import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Takedowns and legal/cooperation requests (issue 11, parts 3 and 4), each hanging off a case.
//
// A takedown asks a platform or host to remove a URL, an onion service or an account (the account or onion as the
// entity the graph knows, where it normalises). It is re-noticed on a schedule until removed (Project Arachnid
// re-notifies every 24 hours); each notice is a row, each status change a history row. `requested_at` starts the
// current episode (the first request, or the moment the material reappeared), so time to removal per provider is
// removed_at - requested_at.
//
// A legal request (preservation, emergency disclosure, production order, mutual legal assistance, Interpol notice)
// has a deadline or expiry; the case team is told once, `alert_lead_hours` before it (alert_sent_at set in the same
// statement that decides, so two runners never both send). It lapses when the deadline passes while still open.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE takedowns (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      target_kind text NOT NULL CHECK (target_kind IN ('url','onion','account')),
      target text NOT NULL CHECK (length(target) BETWEEN 1 AND 2000),
      entity_id uuid REFERENCES entities(id) ON DELETE SET NULL,
      provider text NOT NULL CHECK (length(provider) BETWEEN 2 AND 200),
      provider_contact text NOT NULL DEFAULT '' CHECK (length(provider_contact) <= 500),
      reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
      status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','acknowledged','removed','refused','reappeared')),
      renotice_hours integer NOT NULL DEFAULT 24 CHECK (renotice_hours BETWEEN 1 AND 720),
      first_requested_at timestamptz NOT NULL,
      requested_at timestamptz NOT NULL,
      last_notice_at timestamptz NOT NULL,
      next_notice_at timestamptz,
      notices_sent integer NOT NULL DEFAULT 1,
      removed_at timestamptz,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status IN ('removed','refused')) = (next_notice_at IS NULL))
    );
    CREATE INDEX takedowns_case ON takedowns (case_id, created_at DESC);
    CREATE INDEX takedowns_due ON takedowns (next_notice_at) WHERE next_notice_at IS NOT NULL;
    CREATE INDEX takedowns_provider ON takedowns (lower(provider));

    CREATE TABLE takedown_status_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      takedown_id uuid NOT NULL REFERENCES takedowns(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL,
      reference text NOT NULL DEFAULT '',
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      actor_id uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX takedown_status_history_takedown ON takedown_status_history (takedown_id, at);

    CREATE TABLE takedown_notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      takedown_id uuid NOT NULL REFERENCES takedowns(id) ON DELETE CASCADE,
      number integer NOT NULL,
      sent_at timestamptz NOT NULL,
      -- Who sent it: a user, or none for the scheduled re-notice (the server's job or amaan takedowns renotice).
      actor_id uuid REFERENCES users(id),
      UNIQUE (takedown_id, number)
    );

    CREATE TABLE legal_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('preservation','emergency_disclosure','production_order','mutual_legal_assistance','interpol_notice')),
      interpol_colour text CHECK (interpol_colour IN ('red','blue','green','yellow','black','orange','purple','diffusion')),
      recipient text NOT NULL CHECK (length(recipient) BETWEEN 2 AND 300),
      subject text NOT NULL CHECK (length(subject) BETWEEN 2 AND 1000),
      person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
      entity_id uuid REFERENCES entities(id) ON DELETE SET NULL,
      reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
      legal_basis text NOT NULL DEFAULT '' CHECK (length(legal_basis) <= 2000),
      sent_at timestamptz NOT NULL,
      deadline_at timestamptz,
      alert_lead_hours integer NOT NULL CHECK (alert_lead_hours BETWEEN 0 AND 2160),
      alert_sent_at timestamptz,
      status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','acknowledged','fulfilled','refused','withdrawn')),
      answer text NOT NULL DEFAULT '' CHECK (length(answer) <= 20000),
      answered_at timestamptz,
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'interpol_notice') = (interpol_colour IS NOT NULL)),
      CHECK (deadline_at IS NULL OR deadline_at > sent_at)
    );
    CREATE INDEX legal_requests_case ON legal_requests (case_id, sent_at DESC);
    CREATE INDEX legal_requests_deadline ON legal_requests (deadline_at) WHERE status IN ('sent','acknowledged');

    CREATE TABLE legal_request_followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL REFERENCES legal_requests(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('follow_up','extension','acknowledged','fulfilled','refused','withdrawn')),
      at timestamptz NOT NULL,
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
      previous_deadline_at timestamptz,
      new_deadline_at timestamptz,
      actor_id uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX legal_request_followups_request ON legal_request_followups (request_id, at);

    -- The case team is told before a deadline passes: a notification that names the request.
    ALTER TABLE notifications ADD COLUMN legal_request_id uuid REFERENCES legal_requests(id) ON DELETE CASCADE;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN ('deconfliction.alert','deconfliction.granted','deconfliction.dismissed','legal_request.deadline'));
    CREATE INDEX notifications_legal_request ON notifications (legal_request_id) WHERE legal_request_id IS NOT NULL;
  `);
}
