import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// The entity graph (issue 9): identifiers and other things that are not persons or cases, each stored once
// under one normalised key per kind, and links between any two nodes, each with its provenance.
// Payments and communications (calls, messages, live-stream sessions) are records of their own; the graph
// reads them as edges and nodes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    CREATE TABLE entities (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('account','phone','email','bank_account','wallet','crypto_address','device',
        'ip_address','organisation','place','other')),
      -- One entity per (kind, key): the same value typed anywhere, by form, import or bundle, is one row.
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 400),
      -- How to show it (E.164 phone, checksummed crypto address, handle as seen, organisation name).
      display text NOT NULL CHECK (length(display) BETWEEN 1 AND 400),
      -- Account: platform; wallet: provider; crypto address: chain; organisation: its kind (facility, host...).
      platform text,
      attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (kind, key)
    );
    CREATE INDEX entities_display_lower ON entities (lower(display));

    -- Events: a payment between two payment identifiers or accounts.
    CREATE TABLE payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      from_entity_id uuid NOT NULL REFERENCES entities(id),
      to_entity_id uuid NOT NULL REFERENCES entities(id),
      amount numeric(20, 8) NOT NULL CHECK (amount >= 0),
      currency text NOT NULL CHECK (currency ~ '^[A-Z0-9]{3,10}$'),
      paid_at timestamptz NOT NULL,
      reference text NOT NULL DEFAULT '',
      evidence_id uuid REFERENCES evidence_items(id) ON DELETE SET NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (from_entity_id <> to_entity_id)
    );
    CREATE INDEX payments_case ON payments (case_id);
    CREATE INDEX payments_from ON payments (from_entity_id);
    CREATE INDEX payments_to ON payments (to_entity_id);

    -- Events: a call, a message exchange or a live-stream session, with its participants.
    CREATE TABLE communications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('live_stream','call','message')),
      platform text,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      notes text NOT NULL DEFAULT '',
      evidence_id uuid REFERENCES evidence_items(id) ON DELETE SET NULL,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    );
    CREATE INDEX communications_case ON communications (case_id);

    CREATE TABLE communication_participants (
      communication_id uuid NOT NULL REFERENCES communications(id) ON DELETE CASCADE,
      entity_id uuid NOT NULL REFERENCES entities(id),
      role text NOT NULL CHECK (role IN ('host','viewer','payer','sender','recipient','participant')),
      PRIMARY KEY (communication_id, entity_id, role)
    );
    CREATE INDEX communication_participants_entity ON communication_participants (entity_id);

    -- A link between two nodes. Nodes are typed ids: a person, an entity, a case, a victim (shown only by
    -- pseudonym), an operation, an evidence item, a media file or a communication. Provenance: the case and the
    -- record that established the link, who recorded it, when it was observed, and how sure we are.
    CREATE TABLE links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('uses','owns','holds','paid','family_of','associate_of','member_of','works_at',
        'located_at','viewed','hosted','communicated','seized_in','found_on','appears_in','same_as','other')),
      from_type text NOT NULL CHECK (from_type IN ('person','entity','case','victim','operation','evidence','media','communication')),
      from_id text NOT NULL,
      to_type text NOT NULL CHECK (to_type IN ('person','entity','case','victim','operation','evidence','media','communication')),
      to_id text NOT NULL,
      -- The case whose record established the link: who may see the link follows from who may see this case.
      case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
      source_type text CHECK (source_type IN ('person','case','operation','evidence','payment','communication','bundle','import','manual','migration')),
      source_id text,
      observed_from timestamptz,
      observed_to timestamptz,
      confidence real NOT NULL DEFAULT 1 CHECK (confidence > 0 AND confidence <= 1),
      notes text NOT NULL DEFAULT '',
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CHECK (observed_to IS NULL OR observed_from IS NULL OR observed_to >= observed_from),
      CHECK (NOT (from_type = to_type AND from_id = to_id))
    );
    CREATE INDEX links_from ON links (from_type, from_id);
    CREATE INDEX links_to ON links (to_type, to_id);
    CREATE INDEX links_case ON links (case_id);
    -- The same fact from the same source is one link; the same fact from another case or record is another.
    CREATE UNIQUE INDEX links_fact ON links (kind, from_type, from_id, to_type, to_id, coalesce(case_id::text, ''),
      coalesce(source_type, ''), coalesce(source_id, ''));
  `);
}
