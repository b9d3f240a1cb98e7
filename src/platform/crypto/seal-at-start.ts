import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { appendAudit } from '../audit/audit.ts';
import { systemActor } from '../access/actor.ts';
import { CONTEXT_VERSION, DecryptionError, MissingKeyError } from './field-crypto.ts';
import { identityContext } from './sealed-fields.ts';
import { sealPersonNumbers } from '../../modules/persons/person.sealed.ts';
import { sealFollowup, sealPlacement } from '../../modules/victims/care.sealed.ts';

// The start-up sealing step (why here and not in migration 0009: a migration cannot see the data key).
// At every start, before anything is served, and idempotently:
//   - victim identities written before 0009 (context_version 1, AES-GCM without associated data) are read
//     once and re-encrypted bound to their row (context_version 2);
//   - persons' CNIC and passport, placements' facility and notes, follow-ups' notes still in plaintext are
//     encrypted into `sealed` (with blind indexes for the numbers) and the plaintext columns emptied.
// Each batch is one transaction with its audit entry (table and counts only: no value, no ciphertext).
// A row that is sealed already is never touched again, so a rerun (or a crash half way) is safe.
export const SEAL_BATCH = 500;

export interface SealReport {
  identitiesUpgraded: number;
  /** Legacy identities whose key is not configured or that do not decrypt: left as they are, named in the trail. */
  identitiesNotUpgraded: number;
  persons: number;
  placements: number;
  followups: number;
}

const actor = systemActor('start-up');

export async function sealPlaintext(ctx: AppContext, batchSize = SEAL_BATCH): Promise<SealReport> {
  const report: SealReport = { identitiesUpgraded: 0, identitiesNotUpgraded: 0, persons: 0, placements: 0, followups: 0 };
  const audit = (tx: Parameters<typeof appendAudit>[0], details: Record<string, unknown>) =>
    appendAudit(tx, { actorId: null, actorName: actor.username, ip: null, action: 'crypto.seal', entityType: 'system', entityId: null, details });

  // Legacy identities, by victim id (keyset), so rows that cannot be upgraded are passed over, not retried forever.
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('victim_identities').select(['victim_id', 'key_id', 'ciphertext'])
        .where('context_version', '=', 1).where('victim_id', '>', after).orderBy('victim_id').limit(batchSize).forUpdate().execute();
      if (!rows.length) return null;
      let upgraded = 0;
      const failed: Array<{ victimId: string; keyId: string; reason: string }> = [];
      for (const row of rows) {
        let value: unknown;
        try {
          value = ctx.crypto.decryptLegacyJson<unknown>(row.key_id, row.ciphertext);
        } catch (err) {
          if (!(err instanceof DecryptionError) && !(err instanceof MissingKeyError)) throw err;
          failed.push({ victimId: row.victim_id, keyId: row.key_id, reason: err instanceof MissingKeyError ? 'key not configured' : 'does not decrypt' });
          continue;
        }
        await tx.updateTable('victim_identities')
          .set({ key_id: ctx.crypto.keyId, ciphertext: ctx.crypto.encryptJson(value, identityContext(row.victim_id)), context_version: CONTEXT_VERSION })
          .where('victim_id', '=', row.victim_id).where('context_version', '=', 1).execute();
        upgraded++;
      }
      await audit(tx, { table: 'victim_identities', bound: upgraded, notUpgraded: failed, toKeyId: ctx.crypto.keyId });
      return { last: rows[rows.length - 1]!.victim_id, upgraded, failed: failed.length };
    });
    if (!batch) break;
    after = batch.last;
    report.identitiesUpgraded += batch.upgraded;
    report.identitiesNotUpgraded += batch.failed;
  }

  // Persons' identity numbers.
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('persons').select(['id', 'cnic', 'passport'])
        .where('sealed', 'is', null).where((eb) => eb.or([eb('cnic', 'is not', null), eb('passport', 'is not', null)]))
        .orderBy('id').limit(batchSize).forUpdate().execute();
      for (const row of rows) {
        await tx.updateTable('persons').set(sealPersonNumbers(ctx.crypto, row.id, { cnic: row.cnic, passport: row.passport })).where('id', '=', row.id).execute();
      }
      if (rows.length) await audit(tx, { table: 'persons', sealed: rows.length, fields: ['cnic', 'passport'], keyId: ctx.crypto.keyId });
      return rows.length;
    });
    report.persons += n;
    if (n < batchSize) break;
  }

  // Care records: every row without a sealed value (even empty notes: the row then reads like every other).
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('placements').select(['id', 'facility', 'notes']).where('sealed', 'is', null).orderBy('id').limit(batchSize).forUpdate().execute();
      for (const row of rows) await tx.updateTable('placements').set(sealPlacement(ctx.crypto, row.id, { facility: row.facility, notes: row.notes })).where('id', '=', row.id).execute();
      if (rows.length) await audit(tx, { table: 'placements', sealed: rows.length, fields: ['facility', 'notes'], keyId: ctx.crypto.keyId });
      return rows.length;
    });
    report.placements += n;
    if (n < batchSize) break;
  }
  for (;;) {
    const n = await ctx.db.transaction().execute(async (tx) => {
      const rows = await tx.selectFrom('followups').select(['id', 'notes']).where('sealed', 'is', null).orderBy('id').limit(batchSize).forUpdate().execute();
      for (const row of rows) await tx.updateTable('followups').set(sealFollowup(ctx.crypto, row.id, { notes: row.notes })).where('id', '=', row.id).execute();
      if (rows.length) await audit(tx, { table: 'followups', sealed: rows.length, fields: ['notes'], keyId: ctx.crypto.keyId });
      return rows.length;
    });
    report.followups += n;
    if (n < batchSize) break;
  }
  return report;
}

/** Rows still holding plaintext that sealing would encrypt (0 after a start): for tests and `amaan keys`. */
export async function plaintextLeft(ctx: AppContext): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT (SELECT count(*) FROM persons WHERE cnic IS NOT NULL OR passport IS NOT NULL)
         + (SELECT count(*) FROM placements WHERE sealed IS NULL OR facility <> '' OR notes <> '')
         + (SELECT count(*) FROM followups WHERE sealed IS NULL OR notes <> '') AS n`.execute(ctx.db);
  return Number(rows[0]!.n);
}
