import { defineJobKind, joinedDb } from '../../platform/jobs/queue.ts';
import { rescoreOpenTips } from './tip.service.ts';

// Triage re-run as a job: every open tip scored again under the current rules (after rules changed in bulk, or
// to bring a large queue up to date). The new scores, the audit entry and the step's mark commit together.
defineJobKind<Record<string, never>>('tips.rescore', {
  unit: 'tips',
  failure: 'the re-scoring failed; see the worker log',
  async run(run) {
    return run.step('rescore', async (tx, audit) => {
      const changed = await rescoreOpenTips({ ...run.ctx, db: joinedDb(tx) });
      const open = await tx.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow();
      run.report(Number(open.n), Number(open.n));
      await audit({ action: 'tip.rescore', entityType: 'tip_rule', entityId: null, details: { open: Number(open.n), changed } });
      return { open: Number(open.n), changed };
    });
  },
});
