import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Issue 10, items 3 and 6.
// - Corrections of a person's CNIC or passport keep the earlier (and new) value in full, sealed the way the
//   person's own numbers are (ctx.crypto, bound to record_corrections.sealed of the row); `before`/`after`
//   keep the masked form for readers not allowed to see identifiers in full. Rows written before this
//   migration only ever held the masked form: nothing to seal.
// - The branch supervisor is told, by a notification that stays until resolved, of a rescued child with no
//   protection officer (victim_id) and of a follow-up gone overdue (followup_id); resolved_at is set when an
//   officer is assigned, or the follow-up done.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE record_corrections ADD COLUMN sealed bytea;
    ALTER TABLE record_corrections ADD COLUMN sealed_key_id text;
    ALTER TABLE record_corrections ADD CONSTRAINT record_corrections_sealed_pair CHECK ((sealed IS NULL) = (sealed_key_id IS NULL));

    ALTER TABLE notifications ADD COLUMN victim_id uuid REFERENCES victims(id) ON DELETE CASCADE;
    ALTER TABLE notifications ADD COLUMN followup_id uuid REFERENCES followups(id) ON DELETE CASCADE;
    ALTER TABLE notifications ADD COLUMN resolved_at timestamptz;
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
      CHECK (kind IN ('deconfliction.alert','deconfliction.granted','deconfliction.dismissed','legal_request.deadline',
                      'safeguarding.unassigned','safeguarding.overdue'));
    ALTER TABLE notifications ADD CONSTRAINT notifications_safeguarding_subject CHECK (
      (kind = 'safeguarding.unassigned' AND victim_id IS NOT NULL AND followup_id IS NULL)
      OR (kind = 'safeguarding.overdue' AND victim_id IS NOT NULL AND followup_id IS NOT NULL)
      OR (kind NOT LIKE 'safeguarding.%'));
    -- One flag per supervisor and child (re-opened if the child is again without an officer), one per follow-up.
    CREATE UNIQUE INDEX notifications_safeguarding_unassigned ON notifications (user_id, victim_id) WHERE kind = 'safeguarding.unassigned';
    CREATE UNIQUE INDEX notifications_safeguarding_overdue ON notifications (user_id, followup_id) WHERE kind = 'safeguarding.overdue';
    CREATE INDEX notifications_victim ON notifications (victim_id) WHERE victim_id IS NOT NULL;
  `);
}
