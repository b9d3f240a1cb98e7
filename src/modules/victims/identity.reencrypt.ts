import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';

// Finishing a data-key rotation: every stored value not under the current key is decrypted with its own
// key and encrypted again with the current one, so the earlier key can be retired.
// Where encrypted values live: only victim_identities (key_id + ciphertext, written by writeIdentity in
// victim.identity.ts and by the demo loader). No other table holds ctx.crypto output; a new one must be
// added here.

/** Rows per transaction: each batch commits whole or not at all, and a rerun continues where one stopped. */
export const REENCRYPT_BATCH = 200;

export class MissingDataKeyError extends Error {
  constructor(readonly keyIds: string[], readonly rows: number) {
    super(`${rows} victim identit${rows === 1 ? 'y is' : 'ies are'} encrypted under data key ${keyIds.join(', ')}, which is not configured: add the key to AMAAN_DATA_KEYS_PREVIOUS (or AMAAN_DATA_KEY) and run again; nothing was changed`);
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

export async function countByKey(ctx: ServiceContext): Promise<KeyCount[]> {
  const rows = await ctx.db.selectFrom('victim_identities').select(['key_id', sql<string>`count(*)`.as('n')]).groupBy('key_id').execute();
  return rows.map((r) => ({ keyId: r.key_id, count: Number(r.n) }));
}

export interface ReencryptResult extends ReencryptPlan {
  reencrypted: number;
  batches: number;
  dryRun: boolean;
}

/**
 * Re-encrypts every victim identity not under the current key, `batchSize` rows per transaction, each batch
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
    for (;;) {
      const done = await inTransaction(ctx, async (tx, audit) => {
        const rows = await tx.selectFrom('victim_identities').select(['victim_id', 'key_id', 'ciphertext'])
          .where('key_id', '<>', ctx.crypto.keyId).orderBy('victim_id').limit(batchSize).forUpdate().execute();
        if (rows.length === 0) return 0;
        const from: Record<string, number> = {};
        for (const row of rows) {
          // A row written since the count under a key that is not loaded: stop, this batch rolls back.
          if (!ctx.crypto.hasKey(row.key_id)) throw new MissingDataKeyError([row.key_id], 1);
          let value: unknown;
          try {
            value = ctx.crypto.decryptJson<unknown>(row.key_id, row.ciphertext);
          } catch (err) {
            throw new UndecryptableValueError(`the identity of victim ${row.victim_id} does not decrypt with data key ${row.key_id} (${(err as Error).message}); nothing in this batch was changed`);
          }
          await tx.updateTable('victim_identities').set({ key_id: ctx.crypto.keyId, ciphertext: ctx.crypto.encryptJson(value) })
            .where('victim_id', '=', row.victim_id).where('key_id', '=', row.key_id).execute();
          from[row.key_id] = (from[row.key_id] ?? 0) + 1;
        }
        await audit({ action: 'data_key.reencrypt', entityType: 'victim_identities', entityId: null, details: { count: rows.length, fromKeyIds: from, toKeyId: ctx.crypto.keyId } });
        return rows.length;
      });
      if (done === 0) break;
      reencrypted += done;
      batches += 1;
      opts.onProgress?.(reencrypted);
    }
  }
  return { ...plan, reencrypted, batches, dryRun: Boolean(opts.dryRun) };
}
