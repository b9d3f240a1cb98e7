import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Entity resolution in the database (issue 9 section 5): scored duplicate-person suggestions, reviewed by an
// analyst, and merges that can be undone exactly. A merge never deletes the absorbed person: the row stays,
// marked merged_into the kept one, and everything that pointed at it is recorded in person_merges.moved so an
// undo can put every row back as it was.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE persons ADD COLUMN merged_into uuid REFERENCES persons(id);
    CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL;

    CREATE TABLE person_merge_suggestions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The pair in a fixed order (a < b), so one pair is one row whichever record arrived first.
      person_a uuid NOT NULL REFERENCES persons(id),
      person_b uuid NOT NULL REFERENCES persons(id),
      -- log2 odds that the two are one person; the reasons (field, detail, weight) sum to it.
      score double precision NOT NULL,
      reasons jsonb NOT NULL,
      -- How it was found: when a person was recorded or edited, by a batch run, or by a bundle import.
      source text NOT NULL CHECK (source IN ('incremental','batch','import')),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','merged','rejected')),
      created_at timestamptz NOT NULL DEFAULT now(),
      scored_at timestamptz NOT NULL DEFAULT now(),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      CHECK (person_a < person_b),
      UNIQUE (person_a, person_b)
    );
    CREATE INDEX person_merge_suggestions_open ON person_merge_suggestions (score DESC) WHERE status = 'open';
    CREATE INDEX person_merge_suggestions_b ON person_merge_suggestions (person_b);

    CREATE TABLE person_merges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      suggestion_id uuid REFERENCES person_merge_suggestions(id),
      kept_id uuid NOT NULL REFERENCES persons(id),
      absorbed_id uuid NOT NULL REFERENCES persons(id),
      -- What moved, per table: ids of rows re-pointed at the kept person (with any column changed on the way),
      -- and whole rows removed because the kept person already had the same fact.
      moved jsonb NOT NULL,
      merged_by uuid REFERENCES users(id),
      merged_at timestamptz NOT NULL DEFAULT now(),
      undone_by uuid REFERENCES users(id),
      undone_at timestamptz,
      CHECK (kept_id <> absorbed_id)
    );
    CREATE INDEX person_merges_absorbed ON person_merges (absorbed_id);
    CREATE INDEX person_merges_kept ON person_merges (kept_id);
  `);
}
