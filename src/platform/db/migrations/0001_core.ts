import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// The core record model. One set of tables that cases, the network graph, statistics and tips all read:
// persons and their identifiers are shared across cases; victims are separate records whose identity is
// held encrypted in victim_identities; every change lands in the hash-chained audit_log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE branches (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      district text NOT NULL,
      province text NOT NULL,
      division text,
      population_2023 integer,
      area_sq_km numeric,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE offences (
      code text PRIMARY KEY,
      law text NOT NULL,
      section text NOT NULL,
      title text NOT NULL,
      min_years numeric,
      max_years numeric,
      fine_note text,
      category text NOT NULL,
      child_exploitation boolean NOT NULL DEFAULT false,
      source text,
      status text NOT NULL,
      verification text,
      notes text,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('investigator','supervisor','analyst','protection_officer','prosecutor','leadership','administrator','auditor')),
      branch_id integer REFERENCES branches(id),
      password_hash text NOT NULL,
      is_demo boolean NOT NULL DEFAULT false,
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip text
    );

    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz,
      revoked_at timestamptz
    );

    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      branch_id integer NOT NULL REFERENCES branches(id),
      title text NOT NULL,
      summary text NOT NULL DEFAULT '',
      status text NOT NULL,
      fir_number integer,
      fir_year integer,
      fir_registered_at timestamptz,
      challan_submitted_at timestamptz,
      reported_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((fir_number IS NULL) = (fir_year IS NULL))
    );
    CREATE UNIQUE INDEX cases_fir_unique ON cases (branch_id, fir_year, fir_number) WHERE fir_number IS NOT NULL;
    CREATE INDEX cases_branch_status ON cases (branch_id, status);
    CREATE INDEX cases_created ON cases (created_at DESC, id);
    CREATE INDEX cases_title_lower ON cases (lower(title) text_pattern_ops);

    CREATE TABLE case_offences (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      offence_code text NOT NULL REFERENCES offences(code),
      PRIMARY KEY (case_id, offence_code)
    );
    CREATE INDEX case_offences_offence ON case_offences (offence_code);

    CREATE TABLE case_team (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      team_role text NOT NULL DEFAULT 'member' CHECK (team_role IN ('lead','member','prosecutor')),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, user_id)
    );
    CREATE INDEX case_team_user ON case_team (user_id);

    CREATE TABLE case_status_history (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL,
      actor_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_status_history_case ON case_status_history (case_id, at);

    CREATE TABLE case_events (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('note','event','status','person','operation','evidence','prosecution')),
      body text NOT NULL,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_events_case ON case_events (case_id, occurred_at);

    CREATE TABLE persons (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      display_name text NOT NULL,
      gender text CHECK (gender IN ('female','male','other','unknown')),
      date_of_birth date,
      estimated_age integer CHECK (estimated_age BETWEEN 0 AND 120),
      nationality text,
      cnic text,
      passport text,
      notes text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX persons_cnic ON persons (cnic) WHERE cnic IS NOT NULL;
    CREATE INDEX persons_name_lower ON persons (lower(display_name));

    -- Names and transliteration variants, in Latin or Urdu script.
    CREATE TABLE person_names (
      id bigserial PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      name text NOT NULL,
      script text NOT NULL CHECK (script IN ('latin','urdu','other')),
      kind text NOT NULL CHECK (kind IN ('primary','alias','variant'))
    );
    CREATE INDEX person_names_person ON person_names (person_id);
    CREATE INDEX person_names_lower ON person_names (lower(name));

    -- Phones, e-mail, online handles, wallets...: the identifiers the network graph joins on.
    CREATE TABLE person_identifiers (
      id bigserial PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('phone','email','handle','bank_account','wallet','crypto_address','device','other')),
      value text NOT NULL,
      platform text
    );
    CREATE INDEX person_identifiers_value ON person_identifiers (kind, value);
    CREATE INDEX person_identifiers_person ON person_identifiers (person_id);

    CREATE TABLE case_persons (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      role text NOT NULL CHECK (role IN ('suspect','ringleader','facilitator','guardian','complicit_family','witness','informant')),
      accused_status text CHECK (accused_status IN ('at_large','arrested','physical_remand','judicial_remand','on_bail','proclaimed_offender','convicted','acquitted')),
      foreign_warrant_requested boolean NOT NULL DEFAULT false,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, person_id, role)
    );
    CREATE INDEX case_persons_person ON case_persons (person_id);

    CREATE TABLE accused_status_history (
      id bigserial PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL,
      actor_id uuid REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE victims (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pseudonym text NOT NULL UNIQUE,
      gender text CHECK (gender IN ('female','male','other','unknown')),
      age_at_identification integer CHECK (age_at_identification BETWEEN 0 AND 25),
      state text NOT NULL DEFAULT 'identified' CHECK (state IN ('identified','recovered','placed','closed')),
      identified_at timestamptz NOT NULL DEFAULT now(),
      recovered_at timestamptz,
      closed_at timestamptz,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- A victim's identity: one encrypted blob (AES-256-GCM), readable only by an assigned protection officer.
    CREATE TABLE victim_identities (
      victim_id uuid PRIMARY KEY REFERENCES victims(id) ON DELETE CASCADE,
      key_id text NOT NULL,
      ciphertext bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE case_victims (
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      victim_id uuid NOT NULL REFERENCES victims(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, victim_id)
    );
    CREATE INDEX case_victims_victim ON case_victims (victim_id);

    CREATE TABLE victim_assignments (
      victim_id uuid NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id),
      assigned_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (victim_id, user_id)
    );
    CREATE INDEX victim_assignments_user ON victim_assignments (user_id);

    CREATE TABLE placements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      victim_id uuid NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('child_protection_bureau','family','shelter')),
      facility text NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      notes text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX placements_victim ON placements (victim_id);

    CREATE TABLE followups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      victim_id uuid NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
      due_at timestamptz NOT NULL,
      done_at timestamptz,
      kind text NOT NULL CHECK (kind IN ('medical','psychosocial','legal','education','home_visit','other')),
      notes text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX followups_victim ON followups (victim_id);

    CREATE TABLE operations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      name text NOT NULL,
      status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','approved','executed','cancelled')),
      planned_for timestamptz NOT NULL,
      place text NOT NULL,
      agencies text[] NOT NULL DEFAULT '{}',
      approved_by uuid REFERENCES users(id),
      approved_at timestamptz,
      executed_at timestamptz,
      duration_minutes integer CHECK (duration_minutes > 0),
      notes text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX operations_case ON operations (case_id);

    -- An arrest is a record of its own: statistics count these rows, never a typed-in figure.
    CREATE TABLE arrests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      operation_id uuid REFERENCES operations(id),
      arrested_at timestamptz NOT NULL,
      place text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id),
      UNIQUE (case_id, person_id, arrested_at)
    );
    CREATE INDEX arrests_case ON arrests (case_id);

    CREATE TABLE rescues (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      victim_id uuid NOT NULL REFERENCES victims(id),
      rescued_at timestamptz NOT NULL,
      UNIQUE (operation_id, victim_id)
    );

    CREATE TABLE evidence_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      label text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('phone','computer','storage','document','media_folder','other')),
      description text NOT NULL DEFAULT '',
      operation_id uuid REFERENCES operations(id),
      seized_at timestamptz,
      custodian_id uuid REFERENCES users(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX evidence_case ON evidence_items (case_id);

    CREATE TABLE custody_transfers (
      id bigserial PRIMARY KEY,
      evidence_id uuid NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
      from_user_id uuid REFERENCES users(id),
      to_user_id uuid NOT NULL REFERENCES users(id),
      reason text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      recorded_by uuid REFERENCES users(id)
    );
    CREATE INDEX custody_evidence ON custody_transfers (evidence_id, at);

    CREATE TABLE charges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      offence_code text NOT NULL REFERENCES offences(code),
      court text NOT NULL,
      framed_at timestamptz NOT NULL,
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX charges_case ON charges (case_id);

    CREATE TABLE hearings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      court text NOT NULL,
      scheduled_for timestamptz NOT NULL,
      purpose text NOT NULL,
      outcome text,
      created_by uuid REFERENCES users(id)
    );
    CREATE INDEX hearings_case ON hearings (case_id);

    CREATE TABLE verdicts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      person_id uuid NOT NULL REFERENCES persons(id),
      outcome text NOT NULL CHECK (outcome IN ('convicted','acquitted')),
      court text NOT NULL,
      decided_at timestamptz NOT NULL,
      sentence_months integer CHECK (sentence_months >= 0),
      fine_rupees bigint CHECK (fine_rupees >= 0),
      created_by uuid REFERENCES users(id),
      CHECK (outcome = 'convicted' OR sentence_months IS NULL),
      UNIQUE (case_id, person_id)
    );

    CREATE TABLE appeals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      verdict_id uuid NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
      court text NOT NULL,
      filed_at timestamptz NOT NULL,
      filed_by text NOT NULL CHECK (filed_by IN ('prosecution','defence')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','allowed','dismissed','withdrawn')),
      decided_at timestamptz,
      created_by uuid REFERENCES users(id)
    );

    -- Append-only, hash-chained audit trail. seq orders the chain; hash = sha256(prev_hash || canonical entry).
    CREATE TABLE audit_log (
      seq bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_name text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      ip text,
      details jsonb NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL
    );
    CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
    CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
  `);
  await protectAuditLog(db);
}

// Append-only: updates and deletes of audit entries are refused by the database itself.
// (A superuser can still disable the trigger; `amaan audit verify` catches what that allows.)
export async function protectAuditLog(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}
