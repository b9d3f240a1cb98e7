import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// Documents (issue 10, item 4): papers attached to a case, a person, an operation, a hearing or a victim's care
// record (FIR copy, statements, medical reports, court orders...). The bytes live outside the database, in the
// storage of src/platform/storage/ (a local folder by default); each version row keeps the SHA-256 taken at
// upload, checked again on every download. Exactly one owner column is set, the one owner_kind names.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_kind text NOT NULL CHECK (owner_kind IN ('case','person','operation','hearing','victim_care')),
      case_id uuid REFERENCES cases(id),
      person_id uuid REFERENCES persons(id),
      operation_id uuid REFERENCES operations(id),
      hearing_id uuid REFERENCES hearings(id),
      victim_id uuid REFERENCES victims(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      doc_type text NOT NULL CHECK (doc_type IN ('fir_copy','statement','medical_report','court_order','warrant','correspondence','other')),
      document_date date,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (num_nonnulls(case_id, person_id, operation_id, hearing_id, victim_id) = 1),
      CHECK ((owner_kind = 'case') = (case_id IS NOT NULL)),
      CHECK ((owner_kind = 'person') = (person_id IS NOT NULL)),
      CHECK ((owner_kind = 'operation') = (operation_id IS NOT NULL)),
      CHECK ((owner_kind = 'hearing') = (hearing_id IS NOT NULL)),
      CHECK ((owner_kind = 'victim_care') = (victim_id IS NOT NULL))
    );
    CREATE INDEX documents_case ON documents (case_id) WHERE case_id IS NOT NULL;
    CREATE INDEX documents_person ON documents (person_id) WHERE person_id IS NOT NULL;
    CREATE INDEX documents_operation ON documents (operation_id) WHERE operation_id IS NOT NULL;
    CREATE INDEX documents_hearing ON documents (hearing_id) WHERE hearing_id IS NOT NULL;
    CREATE INDEX documents_victim ON documents (victim_id) WHERE victim_id IS NOT NULL;

    CREATE TABLE document_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      version_no integer NOT NULL CHECK (version_no >= 1),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      media_type text NOT NULL,
      size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text NOT NULL,
      uploaded_by uuid REFERENCES users(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, version_no)
    )
  `);
}
