import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Operations, evidence custody and prosecution on top of the core tables (0001): who called an
// operation off and why, the indexes the outcome counts read, and the rules the database itself keeps
// (an executed operation has its time; one charge per person and offence; a sentence of at most 100
// years; an appeal is decided exactly when it has a decision date; evidence labels unique per case).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE operations
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancelled_by uuid REFERENCES users(id),
      ADD COLUMN cancel_reason text,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE operations ADD CONSTRAINT operations_executed_has_time
      CHECK ((status = 'executed') = (executed_at IS NOT NULL));
    ALTER TABLE operations ADD CONSTRAINT operations_cancelled_has_time
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL));
    CREATE INDEX operations_case_status ON operations (case_id, status);

    CREATE INDEX arrests_operation ON arrests (operation_id) WHERE operation_id IS NOT NULL;
    CREATE INDEX arrests_person ON arrests (person_id);
    CREATE INDEX rescues_victim ON rescues (victim_id);

    CREATE INDEX evidence_operation ON evidence_items (operation_id) WHERE operation_id IS NOT NULL;
    CREATE INDEX evidence_custodian ON evidence_items (custodian_id);
    CREATE UNIQUE INDEX evidence_case_label ON evidence_items (case_id, lower(label));

    CREATE UNIQUE INDEX charges_case_person_offence ON charges (case_id, person_id, offence_code);
    CREATE INDEX hearings_case_date ON hearings (case_id, scheduled_for);
    ALTER TABLE verdicts ADD CONSTRAINT verdicts_sentence_at_most_100_years CHECK (sentence_months <= 1200);
    ALTER TABLE verdicts ADD CONSTRAINT verdicts_fine_only_on_conviction CHECK (outcome = 'convicted' OR fine_rupees IS NULL);
    CREATE INDEX appeals_verdict ON appeals (verdict_id);
    ALTER TABLE appeals ADD CONSTRAINT appeals_decided_has_date CHECK ((status = 'pending') = (decided_at IS NULL));
    ALTER TABLE appeals ADD CONSTRAINT appeals_decided_after_filed CHECK (decided_at IS NULL OR decided_at >= filed_at)
  `);
}
