import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Corrections (issue 10, item 3). Every correction of a case, person, operation, hearing, warrant or offence
// keeps the earlier value: one row per changed field with before and after, who and when, shown on the
// record's "corrections" list. A suspect's warrants and red notices are kept one by one (kind, date, country,
// reference, status) instead of the single foreign_warrant_requested flag: each flag set is carried over as one
// warrant of kind "foreign_request" (kind not recorded), and the flag is kept in step with the warrants from
// now on. A planned operation lists the officers taking part and every case it serves (its own case included).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE record_corrections (
      id bigserial PRIMARY KEY,
      -- The case the record hangs off (for need-to-know); none for a person or an offence of the catalogue.
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      record_kind text NOT NULL CHECK (record_kind IN ('case','person','operation','hearing','warrant','offence')),
      record_id text NOT NULL,
      field text NOT NULL CHECK (length(field) BETWEEN 1 AND 100),
      before jsonb,
      after jsonb,
      actor_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX record_corrections_record ON record_corrections (record_kind, record_id, id);
    CREATE INDEX record_corrections_case ON record_corrections (case_id, id) WHERE case_id IS NOT NULL;

    CREATE TABLE warrants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      kind text NOT NULL CHECK (kind IN ('arrest_warrant','non_bailable_warrant','proclamation','foreign_arrest_warrant','interpol_red_notice','interpol_diffusion','foreign_request')),
      status text NOT NULL CHECK (status IN ('requested','issued','executed','withdrawn','cancelled')),
      issued_on date,
      country text CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
      reference text CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 100),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX warrants_case_person ON warrants (case_id, person_id, created_at);
    INSERT INTO warrants (case_id, person_id, kind, status, notes, created_at)
      SELECT case_id, person_id, 'foreign_request', 'requested', 'carried over from the earlier single "foreign warrant / red notice requested" mark', min(added_at)
      FROM case_persons WHERE foreign_warrant_requested GROUP BY case_id, person_id;

    CREATE TABLE operation_officers (
      operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      PRIMARY KEY (operation_id, user_id)
    );
    CREATE TABLE operation_cases (
      operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      PRIMARY KEY (operation_id, case_id)
    );
    CREATE INDEX operation_cases_case ON operation_cases (case_id);
    INSERT INTO operation_cases (operation_id, case_id) SELECT id, case_id FROM operations
  `);
}
