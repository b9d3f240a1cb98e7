import { defineJobKind, JobLostError } from '../../platform/jobs/queue.ts';
import { runIngest } from './ingest/ingest.service.ts';

// Server-side ingest as a job. runIngest is its own checkpoint: files are committed in batches, unique per
// (ingest job, path), and a rerun skips the paths already stored, so a retry (or another worker taking over a
// killed one) resumes where the last committed batch ended and stores no file twice.
export interface MediaIngestPayload {
  caseId: string;
  evidenceId: string;
  root: string;
  threshold: number;
  batchFiles?: number;
  concurrency?: number;
}

defineJobKind<MediaIngestPayload>('media.ingest', {
  unit: 'files',
  failure: 'ingest failed; see the server log',
  async run(run) {
    const p = run.payload;
    const r = await runIngest(run.ctx, {
      caseId: p.caseId, evidenceId: p.evidenceId, root: p.root, threshold: p.threshold, batchFiles: p.batchFiles, concurrency: p.concurrency,
      signal: run.signal, onProgress: (pr) => run.report(pr.filesDone, pr.counted ? pr.filesTotal : null),
    });
    if (r.aborted) throw new JobLostError(run.id);
    return { jobId: r.jobId, filesDone: r.filesDone, filesTotal: r.filesTotal, matched: r.matched, failed: r.failed, videosUnhashed: r.videosUnhashed };
  },
});
