import type { Kysely } from 'kysely';
import { runDdl } from '../run-ddl.ts';

// The custody reasons the server writes ("seized in operation …", "media imaged from …": the first link of an
// item seized in an operation or imaged by `amaan ingest`) by code and values, like the timeline (0031): the evidence page shows it in the officer's language.
// Rows written before get their code here; an officer's own reasons keep code NULL and are shown as written.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, `
    ALTER TABLE custody_transfers ADD COLUMN code text, ADD COLUMN params jsonb;
    ALTER TABLE custody_transfers ADD CONSTRAINT custody_transfers_code_params CHECK ((code IS NULL) = (params IS NULL));
    UPDATE custody_transfers
       SET code = 'custodySeizedInOperation',
           params = jsonb_build_object('name', substring(reason FROM '^seized in operation (.+)$'))
     WHERE from_user_id IS NULL AND reason ~ '^seized in operation .+$';
    UPDATE custody_transfers
       SET code = 'custodyMediaImaged',
           params = jsonb_build_object('folder', substring(reason FROM '^media imaged from (.+)$'))
     WHERE from_user_id IS NULL AND reason ~ '^media imaged from .+$';
  `);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runDdl(db, 'ALTER TABLE custody_transfers DROP COLUMN code, DROP COLUMN params');
}
