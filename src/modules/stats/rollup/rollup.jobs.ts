import { defineJobKind } from '../../../platform/jobs/queue.ts';
import { rebuildPart, rebuildPartOnline, ROLLUP_PARTS, type PartOutcome } from './rebuild.ts';

// `amaan stats rebuild` as a job (`amaan stats rebuild --job`, run by `amaan worker` or `amaan serve`): one step
// per part, so a retried or taken-over job skips the parts already committed (each part also re-checks under its
// lock whether it is due, so a repeat rebuilds nothing twice). Flow and stock are rebuilt online (rebuild.ts):
// their batches run before the step, whose transaction is the finish (the token cleared, the step's mark); a job
// cut short in the batches starts that part again (a new token), which is as exact.
export interface StatsRebuildPayload {
  force?: boolean;
}

defineJobKind<StatsRebuildPayload>('stats.rebuild', {
  unit: 'steps',
  failure: 'the statistics rebuild failed; see the worker log',
  async run(run) {
    const total = ROLLUP_PARTS.length;
    let done = 0;
    run.report(0, total);
    const out: PartOutcome[] = [];
    for (const part of ROLLUP_PARTS) {
      if (part === 'checkpoints' || run.done(part)) {
        out.push(await run.step(part, (tx, audit) => rebuildPart(tx, audit, part, run.ctx.config.timeZone, { force: run.payload?.force === true })));
      } else {
        out.push(await rebuildPartOnline(run.ctx, part, { force: run.payload?.force === true }, (work) => run.step(part, work)));
      }
      run.report(++done, total);
    }
    return { parts: out };
  },
});
