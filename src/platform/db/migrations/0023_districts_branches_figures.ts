import { sql, type Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Issue 12. Districts (geography: population, area) apart from branches (offices: name, staff posts, the
// districts each covers). Until now every district was seeded as a branch; those branches keep their ids
// (users, cases, FIR numbers point at them), each gets a district row with the same id built from its own
// columns, and covers that district. A case keeps the branch that handles it and gains the district where
// the offence happened (the branch's seat district when nobody says otherwise).
//
// Published figures: every report that leaves the agency records what it published (figure id + version,
// period, area, values) against the offence catalogue as it stood (a content-addressed version holding the
// codes counted as child exploitation), so a later edit of the catalogue never silently rewrites them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE districts (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      province text NOT NULL,
      division text,
      population_2023 integer CHECK (population_2023 >= 0),
      area_sq_km numeric CHECK (area_sq_km >= 0),
      -- The CSV's status (census_2023_district, ...), parent district and source, for the record.
      status text,
      parent_district text,
      source text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (province, name)
    );

    INSERT INTO districts (id, code, name, province, division, population_2023, area_sq_km, created_at)
      SELECT id, code, district, province, division, population_2023, area_sq_km, created_at FROM branches ORDER BY id;
    SELECT setval(pg_get_serial_sequence('districts', 'id'), greatest((SELECT max(id) FROM districts), 1), (SELECT count(*) > 0 FROM districts));

    ALTER TABLE branches ADD COLUMN name text;
    ALTER TABLE branches ADD COLUMN seat_district_id integer REFERENCES districts(id);
    ALTER TABLE branches ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
    UPDATE branches SET name = district, seat_district_id = id;
    ALTER TABLE branches ALTER COLUMN name SET NOT NULL;
    ALTER TABLE branches ALTER COLUMN seat_district_id SET NOT NULL;
    CREATE UNIQUE INDEX branches_name_unique ON branches (lower(name));

    -- Which districts a branch covers. A district is covered by at most one branch at a time.
    CREATE TABLE branch_districts (
      branch_id integer NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
      district_id integer NOT NULL REFERENCES districts(id),
      since timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (branch_id, district_id),
      UNIQUE (district_id)
    );
    INSERT INTO branch_districts (branch_id, district_id, since) SELECT id, seat_district_id, created_at FROM branches;

    -- Staff posts of a branch, by kind: sanctioned (approved) and filled.
    CREATE TABLE branch_posts (
      branch_id integer NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
      post text NOT NULL CHECK (post IN ('supervisor','investigator','analyst','forensic','prosecution_liaison','support')),
      sanctioned integer NOT NULL CHECK (sanctioned BETWEEN 0 AND 10000),
      filled integer NOT NULL CHECK (filled BETWEEN 0 AND 10000),
      PRIMARY KEY (branch_id, post)
    );

    ALTER TABLE cases ADD COLUMN district_id integer REFERENCES districts(id);
    UPDATE cases SET district_id = b.seat_district_id FROM branches b WHERE b.id = cases.branch_id;
    ALTER TABLE cases ALTER COLUMN district_id SET NOT NULL;
    CREATE INDEX cases_district ON cases (district_id);
    CREATE INDEX cases_fir_registered ON cases (fir_registered_at) WHERE fir_registered_at IS NOT NULL;

    -- The offence catalogue as a figure read it: version = sha256 of the sorted (code, category, flag) rows.
    CREATE TABLE offence_catalogue_versions (
      version text PRIMARY KEY CHECK (version ~ '^[0-9a-f]{64}$'),
      child_exploitation_codes jsonb NOT NULL,
      categories jsonb NOT NULL,
      first_seen_at timestamptz NOT NULL DEFAULT now()
    );

    -- A report that left the agency (briefing, published table export): what, for which period and area,
    -- by whom, the audit chain head it was anchored to and the digest of the file produced.
    CREATE TABLE published_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('briefing','export')),
      params jsonb NOT NULL,
      period_from date,
      period_to date,
      time_zone text NOT NULL,
      catalogue_version text NOT NULL REFERENCES offence_catalogue_versions(version),
      audit_head_seq bigint,
      audit_head_hash text,
      output_sha256 text,
      created_by uuid REFERENCES users(id),
      created_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX published_reports_period ON published_reports (kind, period_from, period_to);

    CREATE TABLE published_figures (
      report_id uuid NOT NULL REFERENCES published_reports(id),
      figure_id text NOT NULL,
      figure_version integer NOT NULL CHECK (figure_version > 0),
      grouping text NOT NULL,
      area jsonb NOT NULL,
      rows jsonb NOT NULL,
      PRIMARY KEY (report_id, figure_id, grouping)
    );
  `);
  // New cases without a stated district: the district where the handling branch sits.
  await sql`
    CREATE FUNCTION cases_default_district() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.district_id IS NULL THEN
        SELECT seat_district_id INTO NEW.district_id FROM branches WHERE id = NEW.branch_id;
      END IF;
      RETURN NEW;
    END;
    $$`.execute(db);
  await sql`CREATE TRIGGER cases_default_district BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION cases_default_district()`.execute(db);
  // What has been published stays as published.
  await sql`
    CREATE FUNCTION published_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: published figures are never rewritten', TG_TABLE_NAME;
    END;
    $$`.execute(db);
  for (const table of ['published_reports', 'published_figures', 'offence_catalogue_versions']) {
    await sql.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION published_append_only()`).execute(db);
  }
}
