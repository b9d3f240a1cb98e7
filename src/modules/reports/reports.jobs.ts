import { Readable } from 'node:stream';
import { AppError } from '../../platform/http/errors.ts';
import { defineJobKind } from '../../platform/jobs/queue.ts';
import { jobStorage } from '../../platform/storage/index.ts';
import { figureAccess } from '../stats/figures/figures.rules.ts';
import type { BriefingOptions } from './briefing.data.ts';
import { produceBriefing } from './reports.service.ts';

// The briefing PDF as a job (issue 13), wrapping produceBriefing as it is. One step: the publication record, its
// audit entry and the step's mark commit together (serviceStep), so a retried or taken-over job records the
// report once. The PDF waits in the job storage for its owner (GET /jobs/:id/output); a PDF written by an
// attempt that did not commit is removed.
export type BriefingJobPayload = BriefingOptions;

export interface JobOutput {
  key: string;
  sha256: string;
  size: number;
  contentType: string;
  fileName: string;
}

const STEPS = 9;

defineJobKind<BriefingJobPayload>('report.briefing', {
  unit: 'steps',
  failure: 'the briefing could not be produced; see the worker log',
  async run(run) {
    const opts = run.payload;
    if (figureAccess(run.ctx.actor).branchOnly !== null) throw new AppError('forbidden', 'the briefing covers the nation or a province; your figures are those of your branch');
    run.report(0, STEPS);
    const storage = jobStorage(run.ctx.config);
    let written: string | undefined;
    try {
      const out = await run.serviceStep('produce', async (ctx) => {
        const r = await produceBriefing(ctx, opts, (_step, done) => run.report(done, STEPS));
        const stored = await storage.put(Readable.from(r.pdf));
        written = stored.key;
        const output: JobOutput = { key: stored.key, sha256: stored.sha256, size: stored.size, contentType: 'application/pdf', fileName: `briefing-${opts.from}-${opts.to}${opts.lang === 'ur' ? '-ur' : ''}.pdf` };
        return { reportId: r.reportId, area: r.data.area, anchor: r.data.anchor, output };
      });
      written = undefined;
      run.report(STEPS, STEPS);
      return out;
    } finally {
      // Not committed (an error, or the job lost): the PDF of this attempt goes.
      if (written) await storage.delete(written).catch(() => undefined);
    }
  },
});
