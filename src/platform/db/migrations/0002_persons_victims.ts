import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Persons and victim safeguarding on top of the core tables (0001): a spelling-tolerant key per name
// (computed in src/modules/persons/person.names.ts) for search, the formats the services normalise to kept
// by the database too, accused status only on accused roles, the time a victim was placed and each
// safeguarding step with who and why, and at most one open placement per victim.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE person_names ADD COLUMN name_key text NOT NULL DEFAULT '';
    CREATE INDEX person_names_key ON person_names (name_key text_pattern_ops);
    CREATE INDEX person_identifiers_value_lower ON person_identifiers (kind, lower(value));
    CREATE INDEX persons_passport ON persons (passport) WHERE passport IS NOT NULL;
    ALTER TABLE persons ADD CONSTRAINT persons_nationality_alpha2 CHECK (nationality IS NULL OR nationality ~ '^[A-Z]{2}$');
    ALTER TABLE persons ADD CONSTRAINT persons_cnic_format CHECK (cnic IS NULL OR cnic ~ '^[0-9]{5}-[0-9]{7}-[0-9]$');
    ALTER TABLE persons ADD CONSTRAINT persons_passport_format CHECK (passport IS NULL OR passport ~ '^[A-Z0-9]{6,20}$');
    ALTER TABLE case_persons ADD CONSTRAINT case_persons_status_only_accused
      CHECK (accused_status IS NULL OR role IN ('suspect','ringleader','facilitator','complicit_family'));
    CREATE INDEX accused_status_history_case_person ON accused_status_history (case_id, person_id, at);

    ALTER TABLE victims ADD COLUMN placed_at timestamptz;
    ALTER TABLE victims ADD CONSTRAINT victims_pseudonym_format CHECK (pseudonym ~ '^V-[0-9]{4}-[0-9]{4,}$');
    CREATE TABLE victim_state_history (
      id bigserial PRIMARY KEY,
      victim_id uuid NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
      from_state text,
      to_state text NOT NULL CHECK (to_state IN ('identified','recovered','placed','closed')),
      reason text NOT NULL,
      actor_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX victim_state_history_victim ON victim_state_history (victim_id, at);
    CREATE UNIQUE INDEX placements_one_open ON placements (victim_id) WHERE ended_at IS NULL;
    CREATE INDEX followups_open_due ON followups (victim_id, due_at) WHERE done_at IS NULL
  `);
}
