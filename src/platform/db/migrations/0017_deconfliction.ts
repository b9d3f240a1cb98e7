import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// De-confliction (issue 9, part 3): when an investigator records an identifier that also sits in a case they
// cannot read, an alert names the entity and the two cases, and both sides are told "another case holds this
// identifier" through notifications, each side seeing only what it may read. A supervisor of the hidden
// case's branch grants the recorder access (case team) or dismisses the alert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE deconfliction_alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      entity_id uuid NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
      -- The case the identifier was recorded in; none for an identifier typed on a person who is in no case
      -- the recorder may read (then the recorder and their branch stand for that side).
      recorder_case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      -- The case the recorder cannot read that already holds the identifier.
      holder_case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      triggered_by uuid NOT NULL REFERENCES users(id),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','granted','dismissed')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      decision_note text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'open') = (decided_at IS NULL)),
      CHECK (recorder_case_id IS NULL OR recorder_case_id <> holder_case_id)
    );
    -- One alert per entity and pair of cases, ever: a second recording of the same identifier in the same case
    -- (by anyone) neither repeats nor reopens it. Without a recording case, one per entity, hidden case and recorder.
    CREATE UNIQUE INDEX deconfliction_alerts_pair ON deconfliction_alerts
      (entity_id, holder_case_id, coalesce(recorder_case_id::text, 'user:' || triggered_by::text));
    CREATE INDEX deconfliction_alerts_holder ON deconfliction_alerts (holder_case_id, status);
    CREATE INDEX deconfliction_alerts_recorder ON deconfliction_alerts (recorder_case_id);
    CREATE INDEX deconfliction_alerts_triggered_by ON deconfliction_alerts (triggered_by);

    -- What a user is told. Each row says which side of the alert the user was told as, so the text shown is
    -- the one that side may read; the wording is the web app's (English, Urdu).
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('deconfliction.alert','deconfliction.granted','deconfliction.dismissed')),
      alert_id uuid REFERENCES deconfliction_alerts(id) ON DELETE CASCADE,
      side text CHECK (side IN ('recorder','holder')),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE UNIQUE INDEX notifications_once ON notifications (user_id, kind, alert_id);
    CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
  `);
}
