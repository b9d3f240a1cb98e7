import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type ServiceContext } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { keyIdOf } from '../../src/platform/crypto/field-crypto.ts';
import { readIdentity, writeIdentity } from '../../src/modules/victims/victim.identity.ts';
import { detectEngines, scratchDatabaseFor } from '../support/engines.ts';
import { type CliRun, expectNoStack, runAmaan, withPlatform } from '../support/cli.ts';

// `amaan keys reencrypt` end to end: identities written under key A, the key rotated to B with A as a
// previous key, then the verb run as an operator would, on an embedded data folder and on PostgreSQL.
const { engines, postgresUrl } = await detectEngines();
const work = mkdtempSync(join(tmpdir(), 'amaan-keys-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SLOW = 240_000;

type Run = CliRun;
const amaan = (args: string[], env: NodeJS.ProcessEnv): Promise<Run> => runAmaan(work, args, env);
const noStack = expectNoStack;

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);
const idA = keyIdOf(keyA);
const idB = keyIdOf(keyB);
const b64 = (k: Buffer) => k.toString('base64');

const identities = [
  { fullName: 'Test Child One', urduName: 'آزمائشی ایک', dateOfBirth: '2012-03-04', guardianContact: '+923001234567' },
  { fullName: 'Test Child Two', address: 'House 1, Street 2, Test Town' },
  { fullName: 'Test Child Three', cnicOrBForm: '35202-1234567-1', notes: 'synthetic test record' },
  { fullName: 'Test Child Four', guardianName: 'Test Guardian' },
  { fullName: 'Test Child Five' },
];

describe('amaan keys --help', () => {
  it('documents the previous keys', async () => {
    const r = await amaan(['keys', 'reencrypt', '--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: amaan keys reencrypt/);
    expect(r.out).toContain('AMAAN_DATA_KEYS_PREVIOUS');
    expect(r.out).toContain('--dry-run');
  }, SLOW);
});

describe.each(engines)('keys reencrypt on %s', (engine) => {
  let base: NodeJS.ProcessEnv;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = join(work, `data-${engine}`);
  const envA = () => ({ ...base, AMAAN_DATA_KEY: b64(keyA), AMAAN_DATA_KEYS_PREVIOUS: '' });
  const envB = () => ({ ...base, AMAAN_DATA_KEY: b64(keyB), AMAAN_DATA_KEYS_PREVIOUS: b64(keyA) });
  const envOnlyB = () => ({ ...base, AMAAN_DATA_KEY: b64(keyB), AMAAN_DATA_KEYS_PREVIOUS: '' });
  const withDb = withPlatform;
  const rows = (env: NodeJS.ProcessEnv) =>
    withDb(env, async ({ ctx }) => (await ctx.db.selectFrom('victim_identities').select(['victim_id', 'key_id', 'ciphertext', 'updated_at']).orderBy('victim_id').execute())
      .map((r) => ({ victimId: r.victim_id, keyId: r.key_id, hex: Buffer.from(r.ciphertext).toString('hex'), updatedAt: r.updated_at.toISOString() })));
  const reencryptAudits = (env: NodeJS.ProcessEnv) =>
    withDb(env, ({ ctx }) => ctx.db.selectFrom('audit_log').select(['details', 'actor_name']).where('action', '=', 'data_key.reencrypt').orderBy('seq').execute());
  let officer: { id: string; username: string };
  const victimIds: string[] = [];
  /** Every identity as the assigned protection officer reads it through the service. */
  const readAll = (env: NodeJS.ProcessEnv) =>
    withDb(env, async ({ ctx }) => {
      const as: ServiceContext = { ...ctx, actor: { id: officer.id, username: officer.username, displayName: 'PO', role: 'protection_officer', branchId: null, ip: null } };
      const out = [];
      for (const id of victimIds) out.push(await readIdentity(as, id));
      return out;
    });

  beforeAll(async () => {
    const scratch = await scratchDatabaseFor(engine, postgresUrl);
    const url = scratch.url;
    drop = scratch.drop;
    base = { AMAAN_DATA_DIR: dataDir, DATABASE_URL: url ?? '' };
    // Five identities under key A.
    await withDb(envA(), async ({ ctx }) => {
      const sys: ServiceContext = { ...ctx, actor: systemActor('test-setup') };
      officer = await ctx.db.insertInto('users').values({ username: 'po.keys', display_name: 'PO', role: 'protection_officer', branch_id: null, password_hash: 'x' }).returning(['id', 'username']).executeTakeFirstOrThrow();
      for (const [i, identity] of identities.entries()) {
        const v = await ctx.db.insertInto('victims').values({ pseudonym: `V-2026-${String(100 + i).padStart(4, '0')}` }).returning('id').executeTakeFirstOrThrow();
        await ctx.db.insertInto('victim_assignments').values({ victim_id: v.id, user_id: officer.id }).execute();
        await inTransaction(sys, (tx) => writeIdentity(tx, sys, v.id, identity));
        victimIds.push(v.id);
      }
    });
    // The key rotated: one more identity written under B, A still readable.
    await withDb(envB(), async ({ ctx }) => {
      const sys: ServiceContext = { ...ctx, actor: systemActor('test-setup') };
      const v = await ctx.db.insertInto('victims').values({ pseudonym: 'V-2026-0200' }).returning('id').executeTakeFirstOrThrow();
      await ctx.db.insertInto('victim_assignments').values({ victim_id: v.id, user_id: officer.id }).execute();
      await inTransaction(sys, (tx) => writeIdentity(tx, sys, v.id, { fullName: 'Test Child Six' }));
      victimIds.push(v.id);
    });
  }, SLOW);
  afterAll(async () => drop?.());

  it('stops with exit 2 naming the key when an earlier key is not configured, changing nothing', async () => {
    const before = await rows(envB());
    expect(before.filter((r) => r.keyId === idA)).toHaveLength(5);
    expect(before.filter((r) => r.keyId === idB)).toHaveLength(1);
    const r = await amaan(['keys', 'reencrypt'], envOnlyB());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^amaan: 5 encrypted values are \\(victim identities, identity numbers, care records\\) under data key ${idA}, which is not configured: add the key to AMAAN_DATA_KEYS_PREVIOUS`, 'm'));
    noStack(r);
    expect(await rows(envB())).toEqual(before);
    expect(await reencryptAudits(envB())).toEqual([]);
  }, SLOW);

  it('refuses a malformed previous key as a configuration error', async () => {
    const r = await amaan(['keys', 'reencrypt', '--dry-run'], { ...envB(), AMAAN_DATA_KEYS_PREVIOUS: `${b64(keyA)},tooshort` });
    expect(r.code).toBe(2);
    expect(r.err).toContain('AMAAN_DATA_KEYS_PREVIOUS: key 2 must be 32 bytes');
    expect(r.err).not.toContain(b64(keyA));
    noStack(r);
  }, SLOW);

  it('--dry-run counts without writing', async () => {
    const before = await rows(envB());
    const r = await amaan(['keys', 'reencrypt', '--dry-run'], envB());
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`dry run: 5 encrypted values would be re-encrypted under data key ${idB} (now under ${idA}: 5); 1 already under it; nothing changed\n`);
    expect(await rows(envB())).toEqual(before);
    expect(await reencryptAudits(envB())).toEqual([]);
  }, SLOW);

  it('a run stopped by a value that does not decrypt keeps its finished batches, and a rerun continues', async () => {
    const before = await rows(envB());
    const stale = before.filter((r) => r.keyId === idA);
    // The third stale value (second batch of two) is damaged: batch one commits, batch two rolls back.
    const damaged = stale[2]!;
    const flipped = Buffer.from(damaged.hex, 'hex');
    flipped[flipped.length - 1] ^= 0xff;
    await withDb(envB(), ({ ctx }) => ctx.db.updateTable('victim_identities').set({ ciphertext: flipped }).where('victim_id', '=', damaged.victimId).execute());
    const stopped = await amaan(['keys', 'reencrypt', '--batch-size', '2'], envB());
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain(`amaan: the encrypted value in victim_identities row ${damaged.victimId} does not decrypt with data key ${idA}`);
    expect(stopped.err).toContain('nothing in this batch was changed');
    noStack(stopped);
    const mid = await rows(envB());
    const byId = new Map(mid.map((r) => [r.victimId, r]));
    expect(stale.slice(0, 2).map((r) => byId.get(r.victimId)!.keyId)).toEqual([idB, idB]);
    expect(stale.slice(2).map((r) => byId.get(r.victimId)!.keyId)).toEqual([idA, idA, idA]);
    expect(stale.slice(3).map((r) => byId.get(r.victimId)!.hex)).toEqual(stale.slice(3).map((r) => r.hex));
    expect((await reencryptAudits(envB())).map((a) => a.details)).toEqual([{ table: 'victim_identities', count: 2, fromKeyIds: { [idA]: 2 }, toKeyId: idB }]);

    // Repaired, the rerun finishes the rest.
    await withDb(envB(), ({ ctx }) => ctx.db.updateTable('victim_identities').set({ ciphertext: Buffer.from(damaged.hex, 'hex') }).where('victim_id', '=', damaged.victimId).execute());
    const r = await amaan(['keys', 'reencrypt', '--batch-size', '2'], envB());
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`re-encrypted 3 encrypted values under data key ${idB} (were under ${idA}: 3; 2 batches, audited); 3 already under it\n`);
    expect(r.err).toMatch(/3\/3 values re-encrypted/); // the progress bar
    const after = await rows(envB());
    expect(after.every((row) => row.keyId === idB)).toBe(true);
    // New ciphertexts, the same identities, updated_at untouched (the identity did not change).
    const was = new Map(before.map((row) => [row.victimId, row]));
    for (const row of after) {
      expect(row.updatedAt).toBe(was.get(row.victimId)!.updatedAt);
      if (was.get(row.victimId)!.keyId === idA) expect(row.hex).not.toBe(was.get(row.victimId)!.hex);
    }
    const audits = await reencryptAudits(envB());
    expect(audits.map((a) => a.details)).toEqual([
      { table: 'victim_identities', count: 2, fromKeyIds: { [idA]: 2 }, toKeyId: idB },
      { table: 'victim_identities', count: 2, fromKeyIds: { [idA]: 2 }, toKeyId: idB },
      { table: 'victim_identities', count: 1, fromKeyIds: { [idA]: 1 }, toKeyId: idB },
    ]);
    expect(audits.every((a) => a.actor_name.startsWith('cli:'))).toBe(true);
    // No plaintext and no ciphertext in the trail.
    const trail = JSON.stringify(audits);
    for (const id of identities) expect(trail).not.toContain(id.fullName);
    for (const row of [...before, ...after]) expect(trail).not.toContain(row.hex.slice(0, 32));
  }, SLOW);

  it('identities read back identical with the earlier key retired; the audit trail verifies; a rerun has nothing to do', async () => {
    const read = await readAll(envOnlyB());
    expect(read.map((r) => r.fullName)).toEqual([...identities.map((i) => i.fullName), 'Test Child Six']);
    for (const [i, identity] of identities.entries()) expect(read[i]).toMatchObject({ victimId: victimIds[i], ...identity });
    expect(read[0]).toMatchObject({ urduName: 'آزمائشی ایک', address: null, notes: null });

    const again = await amaan(['keys', 'reencrypt'], envOnlyB());
    expect(again.code, again.err).toBe(0);
    expect(again.out).toBe(`re-encrypted 0 encrypted values under data key ${idB}; 6 already under it\n`);
    expect(await reencryptAudits(envB())).toHaveLength(3);
    const dry = await amaan(['keys', 'reencrypt', '--dry-run'], envB());
    expect(dry.out).toBe(`dry run: 0 encrypted values would be re-encrypted under data key ${idB}; 6 already under it; nothing changed\n`);

    const verify = await amaan(['audit', 'verify'], envOnlyB());
    expect(verify.code, verify.out + verify.err).toBe(0);
    expect(verify.out).toContain('audit trail intact');
  }, SLOW);

  it('refuses a bad --batch-size with exit 2', async () => {
    const r = await amaan(['keys', 'reencrypt', '--batch-size', '0'], envB());
    expect(r.code).toBe(2);
    expect(r.err).toContain('--batch-size must be an integer from 1 to 10000');
  }, SLOW);
});
