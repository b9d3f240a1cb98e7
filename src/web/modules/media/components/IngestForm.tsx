import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Alert, Button, Loading, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { JobProgress } from '../../../app/JobProgress.tsx';
import { useJob } from '../../../app/use-job.ts';
import { fetchIngestRoots, startIngest } from '../api/media.api.ts';

// The route's body schema is declared inline in media.routes.ts (server-only imports); mirrored here.
const ingestBody = z.strictObject({ evidenceId: z.uuid({ message: 'must be a UUID' }), path: z.string().min(1, 'required').max(4096) });

/**
 * Starts a server-side ingest and follows it with a progress bar. Says up front when this server ingests
 * from no folder (AMAAN_INGEST_ROOTS unset, not the demo) instead of failing on submit; under the demo,
 * offers the generated demo media folder.
 */
export function IngestForm({ caseId, evidence }: { caseId: string; evidence: Array<{ id: string; label: string; kind?: string }> }) {
  const { t } = useTranslation();
  const roots = useQuery({ queryKey: ['media', 'ingest-roots'], queryFn: fetchIngestRoots, staleTime: Infinity });
  if (roots.isPending) return <Loading label={t('common.loading')} />;
  if (roots.data && roots.data.roots.length === 0) {
    return <div data-testid="ingest-off"><Alert kind="info">{t('media.ingestOff')}</Alert></div>;
  }
  return <IngestFields caseId={caseId} evidence={evidence} demoFolder={roots.data?.demoFolder ?? null} roots={roots.data?.roots.map((r) => r.path) ?? []} />;
}

function IngestFields({ caseId, evidence, demoFolder, roots }: { caseId: string; evidence: Array<{ id: string; label: string; kind?: string }>; demoFolder: string | null; roots: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const state = job.data?.state;
  useEffect(() => {
    if (state === 'done' || state === 'failed') void qc.invalidateQueries({ queryKey: ['media', caseId] });
  }, [state, qc, caseId]);
  const mediaItem = evidence.find((e) => e.kind === 'media_folder') ?? evidence[0];
  const form = useZodForm(ingestBody, { evidenceId: mediaItem?.id ?? '', path: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    const res = await startIngest(caseId, body);
    setJobId(res.backgroundJobId);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="ingest-form">
      <FormError error={form.formError} />
      <SelectField label={t('media.ingestEvidence')} name="evidenceId" required placeholder="—" value={form.values.evidenceId} onValue={(v) => form.set('evidenceId', v)} error={form.error('evidenceId')} options={evidence.map((e) => ({ value: e.id, label: e.label }))} />
      <TextField label={t('media.ingestPath')} name="path" required dir="ltr" value={form.values.path} onValue={(v) => form.set('path', v)} error={form.error('path')} />
      <p className="muted" data-testid="ingest-roots">{t('media.ingestRoots')} <bdi dir="ltr">{roots.join(', ')}</bdi></p>
      {demoFolder ? (
        <p>
          <Button onClick={() => form.set('path', demoFolder)} data-testid="use-demo-folder">{t('media.useDemoFolder')}</Button>{' '}
          <span className="muted">{t('media.demoFolderNote')}</span>
        </p>
      ) : null}
      <Button type="submit" variant="primary" busy={form.busy || job.data?.state === 'running'}>
        {t('media.ingestStart')}
      </Button>
      {jobId ? <JobProgress jobId={jobId} what={t('media.ingest')} /> : null}
    </form>
  );
}
