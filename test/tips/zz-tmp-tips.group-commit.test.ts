import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveReport } from '../../src/modules/tips/tip.service.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { createTestApp, detectEngines, type TestApp } from '../support/harness.ts';
import { amaanReport, organisationWithKey } from './support.ts';

// Intake as a group commit (tip.intake-batch.ts): reports that arrive together are filed in one transaction with
// one step of the audit chain holding one entry per report. The chain stays whole and verifiable, each report keeps
// its own entry, a repeat answers the first receipt, and reports filed in one batch are related to each other.
const { engines } = await detectEngines();

describe.each(engines)('tip intake group commit on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  }, 1_500_000); // a loaded machine: migrations on a fresh database take a while
  afterAll(async () => t?.close());

  it('files concurrent reports in shared transactions; the chain verifies, every report has its entry, and one batch relates its reports', async () => {
    const org = await organisationWithKey(t, 'Group Commit Platform');
    const reporter = { keyId: org.keyId, organisationId: org.organisationId, organisation: 'Group Commit Platform' };
    const shared = { platform: 'Telegram', handle: `group_commit_${engine}` };
    const bodies = Array.from({ length: 15 }, (_, i) => amaanReport({ reportId: `GC-${engine}-${i}`, reported: [{ accounts: [shared], phones: [`+92300${String(7_100_000 + i)}`] }] }));
    bodies.push(bodies[9]!); // the same report twice, in flight at once
    const headBefore = (await verifyAuditChain(t.ctx.db)).headSeq!;
    const results = await Promise.all(bodies.map((b) => receiveReport(t.ctx, { channel: 'api', reporter, ip: '198.51.100.7' }, b)));

    expect(results.filter((r) => r.created)).toHaveLength(15);
    expect(results[15]).toEqual({ ...results[9], created: false });
    const ids = results.slice(0, 15).map((r) => r.id);
    const tips = await t.ctx.db.selectFrom('tips').select(['id', 'triaged_at']).where('id', 'in', ids).execute();
    expect(tips.every((x) => x.triaged_at !== null)).toBe(true);
    expect(await t.ctx.db.selectFrom('tip_identifiers').select('tip_id').where('tip_id', 'in', ids).execute()).toHaveLength(30);

    // One entry per report (the repeat too), numbered on from the head, each naming the key and address.
    const entries = await t.ctx.db.selectFrom('audit_log').select(['seq', 'action', 'entity_id', 'at', 'credential_id', 'ip']).where('seq', '>', headBefore).orderBy('seq').execute();
    const intake = entries.filter((e) => e.action.startsWith('tip.receive'));
    expect(intake.map((e) => e.action).sort()).toEqual([...Array(15).fill('tip.receive'), 'tip.receive_repeat']);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => headBefore + 1 + i));
    expect(new Set(intake.filter((e) => e.action === 'tip.receive').map((e) => e.entity_id))).toEqual(new Set(ids));
    expect(intake.every((e) => e.credential_id === org.keyId && e.ip === '198.51.100.7')).toBe(true);
    const verified = await verifyAuditChain(t.ctx.db);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);

    // Reports filed together: fewer chain steps than reports, and within a step each later report names the earlier.
    const steps = new Map<number, string[]>();
    for (const e of intake) if (e.action === 'tip.receive') steps.set(e.at.getTime(), [...(steps.get(e.at.getTime()) ?? []), e.entity_id!]);
    expect(steps.size).toBeLessThan(15);
    const biggest = [...steps.values()].sort((a, b) => b.length - a.length)[0]!;
    expect(biggest.length).toBeGreaterThan(1);
    const relations = await t.ctx.db.selectFrom('tip_relations').select(['tip_id', 'related_tip_id', 'reason']).where('tip_id', 'in', biggest).execute();
    for (const [i, later] of biggest.entries()) {
      for (const earlier of biggest.slice(0, i)) {
        expect(relations.some((r) => r.tip_id === later && r.related_tip_id === earlier && r.reason === 'account')).toBe(true);
      }
      // Never a later report of the same batch named by an earlier one (it names the earlier itself).
      for (const after of biggest.slice(i + 1)) expect(relations.some((r) => r.tip_id === later && r.related_tip_id === after)).toBe(false);
    }
  });
});
