import { defineJobKind } from '../../platform/jobs/queue.ts';
import { resolveAllPersons } from './suggestion.service.ts';

// Entity resolution over every person (the batch of `amaan resolve --all`) as a job. One step: the stored
// suggestions, their audit entry and the step's mark commit together, so a retry repeats nothing committed.
defineJobKind<Record<string, never>>('resolution.batch', {
  unit: 'pairs',
  failure: 'the duplicate search failed; see the worker log',
  async run(run) {
    return run.serviceStep('resolve', (ctx) => resolveAllPersons(ctx, (_phase, done, total) => run.report(done, total || null)));
  },
});
