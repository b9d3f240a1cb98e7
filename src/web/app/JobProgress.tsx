import { useTranslation } from 'react-i18next';
import { Progress } from '../ui/index.ts';
import { useFormat } from '../i18n/format.ts';
import { useJob } from './use-job.ts';

/** The progress of one background job, wired to GET /jobs/:id. */
export function JobProgress({ jobId, what }: { jobId: string; what: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const job = useJob(jobId);
  const j = job.data;
  if (!j) return <Progress label={t('common.loading')} done={0} total={null} />;
  const label =
    j.state === 'done'
      ? t('progress.done', { what })
      : j.state === 'failed'
        ? t('progress.failed', { what, error: j.error ?? '' })
        : j.progress.total
          ? t('progress.label', { what, done: f.number(j.progress.done), total: f.number(j.progress.total), unit: j.progress.unit })
          : t('progress.labelNoTotal', { what, done: f.number(j.progress.done), unit: j.progress.unit });
  return <Progress label={label} done={j.state === 'done' ? (j.progress.total ?? j.progress.done) : j.progress.done} total={j.state === 'done' ? (j.progress.total ?? Math.max(1, j.progress.done)) : j.progress.total} state={j.state} />;
}
