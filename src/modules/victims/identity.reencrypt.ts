import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { CONTEXT_VERSION } from '../../platform/crypto/field-crypto.ts';
import { correctionContext, identityContext } from '../../platform/crypto/sealed-fields.ts';
import { openTotpSecret, sealTotpSecret } from '../../platform/auth/totp.ts';
import { openPersonNumbers, sealPersonNumbers } from '../persons/person.sealed.ts';
import { openFollowup, openPlacement, sealFollowup, sealPlacement } from './care.sealed.ts';

// Finishing a data-key rotation: every stored value not under the current key is decrypted with its own
// key and encrypted again with the current one, so the earlier key can be retired.
// Where encrypted values live (src/platform/crypto/sealed-fields.ts lists them): victim_identities
// (ciphertext), persons (sealed CNIC/passport, with blind indexes re-keyed under the new key's index key),
// placements and followups (sealed care records), user_mfa (second-factor secrets). A new encrypted column
// must be added here.

/** Rows per transaction: each batch commits whole or not at all, and a rerun continues where one stopped. */
export const REENCRYPT_BATCH = 200;

export class MissingDataKeyError extends Error {
  constructor(readonly keyIds: string[], readonly rows: number) {
    super(`${rows} encrypted value${rows === 1 ? ' is' : 's are'} (victim identities, identity numbers, care records) under data key ${keyIds.join(', ')}, which is not configured: add the key to AMAAN_DATA_KEYS_PREVIOUS (or AMAAN_DATA_KEY) and run again; nothing was changed`);
  }
}

export class UndecryptableValueError extends Error {}

export interface KeyCount {
  keyId: string;
  count: number;
}

export interface ReencryptPlan {
  currentKeyId: string;
  /** Values already under the current key. */
  current: number;
  /** Values to re-encrypt, by the key they are under now. */
  stale: KeyCount[];
  staleTotal: number;
  /** Key ids values are under that are not configured. */
  missing: string[];
}

/** Pure: what a run will do, from the count of stored values per key id. */
export function planReencryption(counts: KeyCount[], currentKeyId: string, hasKey: (keyId: string) => boolean): ReencryptPlan {
  const stale = counts.filter((c) => c.keyId !== currentKeyId && c.count > 0).sort((a, b) => a.keyId.localeCompare(b.keyId));
  return {
    currentKeyId,
    current: counts.filter((c) => c.keyId === currentKeyId).reduce((n, c) => n + c.count, 0),
    stale,
    staleTotal: stale.reduce((n, c) => n + c.count, 0),
    missing: stale.filter((c) => !hasKey(c.keyId)).map((c) => c.keyId),
  };
}

/** Stored encrypted values per key id, over every encrypted column. */
export async function countByKey(ctx: ServiceContext): Promise<KeyCount[]> {
  const { rows } = await sql<{ key_id: string; n: string }>`
    SELECT key_id, sum(n)::int8 AS n FROM (
      SELECT key_id, count(*) AS n FROM victim_identities GROUP BY key_id
      UNION ALL SELECT sealed_key_id, count(*) FROM persons WHERE sealed_key_id IS NOT NULL GROUP BY sealed_key_id
      UNION ALL SELECT sealed_key_id, count(*) FROM placements WHERE sealed_key_id IS NOT NULL GROUP BY sealed_key_id
      UNION ALL SELECT sealed_key_id, count(*) FROM followups WHERE sealed_key_id IS NOT NULL GROUP BY sealed_key_id
      UNION ALL SELECT sealed_key_id, count(*) FROM record_corrections WHERE sealed_key_id IS NOT NULL GROUP BY sealed_key_id
      UNION ALL SELECT secret_key_id, count(*) FROM user_mfa WHERE secret_key_id IS NOT NULL GROUP BY secret_key_id
      UNION ALL SELECT pending_key_id, count(*) FROM user_mfa WHERE pending_key_id IS NOT NULL GROUP BY pending_key_id
    ) k GROUP BY key_id`.execute(ctx.db);
  return rows.map((r) => ({ keyId: r.key_id, count: Number(r.n) }));
}

type Stale = { id: string; keyId: string };
/** One table's stale rows (locked) and how each is re-encrypted under the current key. */
interface Rekey {
  table: string;
  stale(tx: Tx, ctx: ServiceContext, limit: number): Promise<Stale[]>;
  rekey(tx: Tx, ctx: ServiceContext, row: Stale): Promise<void>;
}

const rekeyers: Rekey[] = [
  {
    // Second-factor secrets (sealed by src/platform/auth/totp.ts, bound to the user): the enrolled one and
    // one being enrolled.
    table: 'user_mfa',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('user_mfa').select(['user_id', 'secret_key_id', 'pending_key_id'])
      .where((eb) => eb.or([eb('secret_key_id', '<>', ctx.crypto.keyId), eb('pending_key_id', '<>', ctx.crypto.keyId)]))
      .orderBy('user_id').limit(limit).forUpdate().execute())
      .map((r) => ({ id: r.user_id, keyId: r.secret_key_id && r.secret_key_id !== ctx.crypto.keyId ? r.secret_key_id : r.pending_key_id! })),
    async rekey(tx, ctx, { id }) {
      const row = await tx.selectFrom('user_mfa').select(['secret', 'secret_key_id', 'pending_secret', 'pending_key_id']).where('user_id', '=', id).executeTakeFirstOrThrow();
      const set: { secret?: Buffer; secret_key_id?: string; pending_secret?: Buffer; pending_key_id?: string } = {};
      if (row.secret && row.secret_key_id) {
        const sealed = sealTotpSecret(ctx, id, openTotpSecret(ctx, id, row.secret_key_id, row.secret));
        Object.assign(set, { secret: sealed.blob, secret_key_id: sealed.keyId });
      }
      if (row.pending_secret && row.pending_key_id) {
        const sealed = sealTotpSecret(ctx, id, openTotpSecret(ctx, id, row.pending_key_id, row.pending_secret));
        Object.assign(set, { pending_secret: sealed.blob, pending_key_id: sealed.keyId });
      }
      await tx.updateTable('user_mfa').set(set).where('user_id', '=', id).execute();
    },
  },
  {
    table: 'victim_identities',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('victim_identities').select(['victim_id', 'key_id']).where('key_id', '<>', ctx.crypto.keyId)
      .orderBy('victim_id').limit(limit).forUpdate().execute()).map((r) => ({ id: r.victim_id, keyId: r.key_id })),
    async rekey(tx, ctx, { id, keyId }) {
      const row = await tx.selectFrom('victim_identities').select(['ciphertext', 'context_version']).where('victim_id', '=', id).executeTakeFirstOrThrow();
      // A legacy value (not bound) is read here once and written back bound, like the start-up step does.
      const value = row.context_version === 1 ? ctx.crypto.decryptLegacyJson<unknown>(keyId, row.ciphertext) : ctx.crypto.decryptJson<unknown>(keyId, row.ciphertext, identityContext(id));
      await tx.updateTable('victim_identities').set({ key_id: ctx.crypto.keyId, ciphertext: ctx.crypto.encryptJson(value, identityContext(id)), context_version: CONTEXT_VERSION })
        .where('victim_id', '=', id).where('key_id', '=', keyId).execute();
    },
  },
  {
    table: 'persons',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('persons').select(['id', 'sealed_key_id']).where('sealed_key_id', '<>', ctx.crypto.keyId)
      .orderBy('id').limit(limit).forUpdate().execute()).map((r) => ({ id: r.id, keyId: r.sealed_key_id! })),
    async rekey(tx, ctx, { id }) {
      const row = await tx.selectFrom('persons').select(['id', 'cnic', 'passport', 'sealed', 'sealed_key_id']).where('id', '=', id).executeTakeFirstOrThrow();
      // Ciphertext and blind indexes move to the current key together.
      await tx.updateTable('persons').set(sealPersonNumbers(ctx.crypto, id, openPersonNumbers(ctx.crypto, row))).where('id', '=', id).execute();
    },
  },
  {
    table: 'placements',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('placements').select(['id', 'sealed_key_id']).where('sealed_key_id', '<>', ctx.crypto.keyId)
      .orderBy('id').limit(limit).forUpdate().execute()).map((r) => ({ id: r.id, keyId: r.sealed_key_id! })),
    async rekey(tx, ctx, { id }) {
      const row = await tx.selectFrom('placements').select(['id', 'facility', 'notes', 'sealed', 'sealed_key_id']).where('id', '=', id).executeTakeFirstOrThrow();
      await tx.updateTable('placements').set(sealPlacement(ctx.crypto, id, openPlacement(ctx.crypto, row))).where('id', '=', id).execute();
    },
  },
  {
    table: 'followups',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('followups').select(['id', 'sealed_key_id']).where('sealed_key_id', '<>', ctx.crypto.keyId)
      .orderBy('id').limit(limit).forUpdate().execute()).map((r) => ({ id: r.id, keyId: r.sealed_key_id! })),
    async rekey(tx, ctx, { id }) {
      const row = await tx.selectFrom('followups').select(['id', 'notes', 'sealed', 'sealed_key_id']).where('id', '=', id).executeTakeFirstOrThrow();
      await tx.updateTable('followups').set(sealFollowup(ctx.crypto, id, openFollowup(ctx.crypto, row))).where('id', '=', id).execute();
    },
  },
  {
    // Corrected CNIC/passport numbers kept in full (0024, corrections/correction.service.ts).
    table: 'record_corrections',
    stale: async (tx, ctx, limit) => (await tx.selectFrom('record_corrections').select(['id', 'sealed_key_id']).where('sealed_key_id', '<>', ctx.crypto.keyId)
      .orderBy('id').limit(limit).forUpdate().execute()).map((r) => ({ id: String(r.id), keyId: r.sealed_key_id! })),
    async rekey(tx, ctx, { id, keyId }) {
      const row = await tx.selectFrom('record_corrections').select(['sealed']).where('id', '=', Number(id)).executeTakeFirstOrThrow();
      const value = ctx.crypto.decryptJson<unknown>(keyId, row.sealed!, correctionContext(id));
      await tx.updateTable('record_corrections').set({ sealed: ctx.crypto.encryptJson(value, correctionContext(id)), sealed_key_id: ctx.crypto.keyId })
        .where('id', '=', Number(id)).where('sealed_key_id', '=', keyId).execute();
    },
  },
];

export interface ReencryptResult extends ReencryptPlan {
  reencrypted: number;
  batches: number;
  dryRun: boolean;
}

/**
 * Re-encrypts every encrypted value (identities, identity numbers, care records) not under the current key, `batchSize` rows per transaction, each batch
 * audited with its counts (key ids only: no plaintext, no ciphertext). Refuses before changing anything when
 * a value's key is not configured. `updated_at` is kept: the identity itself did not change.
 */
export async function reencryptIdentities(
  ctx: ServiceContext,
  opts: { dryRun?: boolean; batchSize?: number; onStart?: (plan: ReencryptPlan) => void; onProgress?: (done: number) => void } = {},
): Promise<ReencryptResult> {
  const batchSize = opts.batchSize ?? REENCRYPT_BATCH;
  const plan = planReencryption(await countByKey(ctx), ctx.crypto.keyId, (id) => ctx.crypto.hasKey(id));
  if (plan.missing.length) {
    throw new MissingDataKeyError(plan.missing, plan.stale.filter((c) => plan.missing.includes(c.keyId)).reduce((n, c) => n + c.count, 0));
  }
  opts.onStart?.(plan);
  let reencrypted = 0;
  let batches = 0;
  if (!opts.dryRun) {
    for (const r of rekeyers) {
      for (;;) {
        const done = await inTransaction(ctx, async (tx, audit) => {
          const rows = await r.stale(tx, ctx, batchSize);
          if (rows.length === 0) return 0;
          const from: Record<string, number> = {};
          for (const row of rows) {
            // A row written since the count under a key that is not loaded: stop, this batch rolls back.
            if (!ctx.crypto.hasKey(row.keyId)) throw new MissingDataKeyError([row.keyId], 1);
            try {
              await r.rekey(tx, ctx, row);
            } catch (err) {
              throw new UndecryptableValueError(`the encrypted value in ${r.table} row ${row.id} does not decrypt with data key ${row.keyId} (${(err as Error).message}); nothing in this batch was changed`);
            }
            from[row.keyId] = (from[row.keyId] ?? 0) + 1;
          }
          await audit({ action: 'data_key.reencrypt', entityType: r.table, entityId: null, details: { table: r.table, count: rows.length, fromKeyIds: from, toKeyId: ctx.crypto.keyId } });
          return rows.length;
        });
        if (done === 0) break;
        reencrypted += done;
        batches += 1;
        opts.onProgress?.(reencrypted);
      }
    }
  }
  return { ...plan, reencrypted, batches, dryRun: Boolean(opts.dryRun) };
}
