import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReports } from '../../src/modules/tips/tip.service.ts';
import { ensureOrganisation } from '../../src/modules/tips/tip-keys.service.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport } from './support.ts';

// `amaan tips import` files its reports many to a transaction (importReports, tip.intake-batch.ts fileInHalves).
// A report the database refuses leaves nothing of itself and takes no other report down: its batch is filed again
// in halves, it is listed as refused with the reason, every other report is filed whole with its triage and audit
// entry, in few transactions. A failure that is not a report's own stops the import, leaving what was filed.
// Reports in different batches relate as those of one batch do; a file imported twice is the same tips.
const { engines } = await detectEngines();

type Item = { item: number; body: unknown };
async function* itemsOf(bodies: unknown[]): AsyncGenerator<Item> {
  for (const [i, body] of bodies.entries()) yield { item: i + 1, body };
}

describe.each(engines)('tips import in batches on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 180_000);
  afterAll(async () => t?.close());

  const organisation = (name: string) => ensureOrganisation({ ...t.ctx, actor: systemActor('test') }, name);
  /** A trigger refusing (with `code`) the tip whose external id is `externalId`; dropped by the returned function. */
  async function refuseTip(externalId: string, code: string) {
    await t.asOwner((db) => sql.raw(`CREATE FUNCTION test_refuse_tip() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.external_id = '${externalId}' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '${code}'; END IF;
        RETURN NEW;
      END $$`).execute(db));
    await t.asOwner((db) => sql.raw('CREATE TRIGGER test_refuse_tip BEFORE INSERT ON tips FOR EACH ROW EXECUTE FUNCTION test_refuse_tip()').execute(db));
    return async () => {
      await t.asOwner((db) => sql.raw('DROP TRIGGER test_refuse_tip ON tips').execute(db));
      await t.asOwner((db) => sql.raw('DROP FUNCTION test_refuse_tip()').execute(db));
    };
  }
  const chainHead = async () => (await verifyAuditChain(t.ctx.db)).headSeq ?? 0;

  it('lists a report the database refuses with the reason, stores nothing of it, and files the others whole in few transactions', async () => {
    const org = await organisation(`Import Halves ${engine}`);
    const tag = randomBytes(4).toString('hex');
    const shared = { platform: 'Telegram', handle: `halves_${tag}` };
    const bodies = Array.from({ length: 8 }, (_, i) => amaanReport({
      reportId: `HALF-${tag}-${i}`,
      reported: [{ accounts: [shared, { platform: 'Telegram', handle: `halves_${tag}_own_${i}` }] }],
    }));
    const head = await chainHead();
    const drop = await refuseTip(`HALF-${tag}-0`, '23514');
    let outcome;
    try {
      outcome = await importReports(t.ctx, org, itemsOf(bodies), { batch: 8 });
    } finally {
      await drop();
    }
    expect(outcome.created).toBe(7);
    expect(outcome.refused).toEqual([{ item: 1, problems: [{ field: 'body', message: expect.stringMatching(/^the database refused it: a value is out of range or malformed \(23514/) }] }]);

    // Nothing of the refused report: no tip, no entity of its own, no audit entry.
    expect(await t.ctx.db.selectFrom('tips').select('id').where('external_id', '=', `HALF-${tag}-0`).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('entities').select('id').where('display', 'like', `%halves_${tag}_own_0%`).execute()).toEqual([]);
    const tips = await t.ctx.db.selectFrom('tips').select(['id', 'external_id', 'triaged_at']).where('external_id', 'like', `HALF-${tag}-%`).execute();
    expect(tips.map((x) => x.external_id).sort()).toEqual(bodies.slice(1).map((b) => b.reportId).sort());
    expect(tips.every((x) => x.triaged_at !== null)).toBe(true);
    const entries = await t.ctx.db.selectFrom('audit_log').select(['seq', 'action', 'entity_id', 'at']).where('seq', '>', head).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(Array(7).fill('tip.receive'));
    expect(new Set(entries.map((e) => e.entity_id))).toEqual(new Set(tips.map((x) => x.id)));
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    // Filed in halves ([1-4] refused: [1-2] refused: [1] refused, [2] filed; [3-4] filed; [5-8] filed): three
    // transactions for the seven, where filing each report alone again took seven.
    expect(new Set(entries.map((e) => e.at.getTime())).size).toBe(3);

    // Each later report names every earlier one it shares the account with, across the transactions too.
    const byExternal = new Map(tips.map((x) => [x.external_id!, x.id]));
    const relations = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id']).where('tip_id', 'in', tips.map((x) => x.id)).where('reason', '=', 'account').execute();
    for (let i = 2; i < 8; i++) {
      for (let j = 1; j < i; j++) {
        expect(relations.some((r) => r.tip_id === byExternal.get(`HALF-${tag}-${i}`) && r.related_tip_id === byExternal.get(`HALF-${tag}-${j}`))).toBe(true);
      }
    }
    expect(relations).toHaveLength(21); // 7 reports: 6 + 5 + ... + 1 pairs, each once
  });

  it('relates reports of different batches as of one, and a file imported twice is the same tips', async () => {
    const org = await organisation(`Import Twice ${engine}`);
    const tag = randomBytes(4).toString('hex');
    const shared = { platform: 'Telegram', handle: `twice_${tag}` };
    const bodies = Array.from({ length: 7 }, (_, i) => amaanReport({ reportId: `TWICE-${tag}-${i}`, reported: [{ accounts: [shared] }] }));
    bodies.push(bodies[4]!); // the same report twice in one file
    const first = await importReports(t.ctx, org, itemsOf(bodies), { batch: 3 });
    expect(first).toEqual({ received: 8, created: 7, repeats: 1, refused: [] });
    const tips = await t.ctx.db.selectFrom('tips').select(['id', 'external_id']).where('external_id', 'like', `TWICE-${tag}-%`).execute();
    expect(tips).toHaveLength(7);
    const relations = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id']).where('tip_id', 'in', tips.map((x) => x.id)).execute();
    expect(relations).toHaveLength(21);

    const head = await chainHead();
    const again = await importReports(t.ctx, org, itemsOf(bodies), { batch: 3 });
    expect(again).toEqual({ received: 8, created: 0, repeats: 8, refused: [] });
    expect(await t.ctx.db.selectFrom('tips').select('id').where('external_id', 'like', `TWICE-${tag}-%`).execute()).toHaveLength(7);
    const entries = await t.ctx.db.selectFrom('audit_log').select('action').where('seq', '>', head).execute();
    expect(entries.map((e) => e.action)).toEqual(Array(8).fill('tip.receive_repeat'));
  });

  it('stops at a failure that is not a report\'s own, keeping the batches already filed and nothing of the failed one', async () => {
    const org = await organisation(`Import Stops ${engine}`);
    const tag = randomBytes(4).toString('hex');
    const bodies = Array.from({ length: 6 }, (_, i) => amaanReport({ reportId: `STOP-${tag}-${i}` }));
    const drop = await refuseTip(`STOP-${tag}-4`, 'P0001');
    try {
      await expect(importReports(t.ctx, org, itemsOf(bodies), { batch: 3 })).rejects.toThrow(/refused by the test/);
    } finally {
      await drop();
    }
    const stored = await t.ctx.db.selectFrom('tips').select('external_id').where('external_id', 'like', `STOP-${tag}-%`).execute();
    // The first batch (0-2) is filed; the second ([3-5]) was filed in halves, each whole but the failing one.
    expect(stored.map((x) => x.external_id).sort()).toEqual([0, 1, 2, 3, 5].map((i) => `STOP-${tag}-${i}`));
    // Run again (the failure gone): the filed ones answer as repeats, the rest are filed.
    expect(await importReports(t.ctx, org, itemsOf(bodies), { batch: 3 })).toEqual({ received: 6, created: 1, repeats: 5, refused: [] });
  });
});
