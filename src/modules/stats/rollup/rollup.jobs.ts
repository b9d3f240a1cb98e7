import { defineJobKind } from '../../../platform/jobs/queue.ts';
import { partSteps, rebuildPart, ROLLUP_PARTS, type PartOutcome } from './rebuild.ts';

// `amaan stats rebuild` as a job (`amaan stats rebuild --job`, run by `amaan worker` or `amaan serve`): one step
// per part, so a retried or taken-over job skips the parts already committed (each part also re-checks under its
// lock whether it is due, so a repeat rebuilds nothing twice).
export interface StatsRebuildPayload {
  force?: boolean;
}

defineJobKind<StatsRebuildPayload>('stats.rebuild', {
  unit: 'steps',
  failure: 'the statistics rebuild failed; see the worker log',
  async run(run) {
    const total = ROLLUP_PARTS.reduce((n, p) => n + partSteps(p), 0);
    let done = 0;
    run.report(0, total);
    const out: PartOutcome[] = [];
    for (const part of ROLLUP_PARTS) {
      if (run.done(part)) done += partSteps(part);
      out.push(await run.step(part, (tx, audit) => rebuildPart(tx, audit, part, run.ctx.config.timeZone, {
        force: run.payload?.force === true,
        onStep: () => run.report(++done, total),
      })));
      run.report(done, total);
    }
    return { parts: out };
  },
});
