import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Alert, Button, Dialog, Empty, Loading, PageHeader, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { JobProgress } from '../../../app/JobProgress.tsx';
import { useJob } from '../../../app/use-job.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCan } from '../../../app/session.ts';
import type { ApiError } from '../../../app/api-client.ts';
import { deleteHashSet, fetchHashSets, hashSetExportUrl, hashSetFormats, importHashSet, type HashSet, type HashSetFormat } from '../api/hashsets.api.ts';

// The import's query schema is declared inline in hashset.routes.ts (a server-only file); mirrored here.
const importQuery = z.object({ name: z.string().trim().min(1, 'required').max(200), source: z.string().trim().min(1, 'required').max(500), format: z.enum(hashSetFormats), file: z.instanceof(File, { message: 'required' }) });

/** Known-material hash sets (hashes only, never material); imports run in the background with a progress bar. */
export function HashSetsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const can = useCan();
  const canWrite = can('hashset.write');
  const sets = useQuery({ queryKey: ['hash-sets'], queryFn: fetchHashSets });
  const [exportFormats, setExportFormats] = useState<Record<string, HashSetFormat>>({});
  const [deleting, setDeleting] = useState<HashSet | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const state = job.data?.state;
  useEffect(() => {
    if (state === 'done') void qc.invalidateQueries({ queryKey: ['hash-sets'] });
  }, [state, qc]);
  const form = useZodForm(importQuery, { name: '', source: '', format: 'vics' as HashSetFormat, file: null as File | null });
  const onSubmit = form.handleSubmit(async ({ file, ...q }) => {
    const res = await importHashSet(file, q);
    setJobId(res.backgroundJobId);
  });
  return (
    <>
      <PageHeader title={t('hashSets.title')} subtitle={t('hashSets.intro')} />
      <div className="grid-2 wide-first">
        <Panel title={t('hashSets.title')}>
          {sets.isPending ? <Loading label={t('common.loading')} /> : null}
          {sets.error ? <QueryError error={sets.error} /> : null}
          {sets.data?.items.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          {sets.data && sets.data.items.length > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('hashSets.name')}</th>
                    <th scope="col">{t('hashSets.source')}</th>
                    <th scope="col">{t('hashSets.entries')}</th>
                    <th scope="col">{t('cases.updated')}</th>
                    {canWrite ? <th scope="col">{t('hashSets.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {sets.data.items.map((h) => (
                    <tr key={h.id}>
                      <td>
                        {h.name} <span className="muted small">{h.version}</span>
                      </td>
                      <td>{h.source}</td>
                      <td className="num">{f.number(h.entryCount)}</td>
                      <td className="nowrap">{f.date(h.updatedAt)}</td>
                      {canWrite ? (
                        <td>
                          <SelectField
                            label={t('hashSets.exportFormat')}
                            name={`export-format-${h.id}`}
                            value={exportFormats[h.id] ?? 'vics'}
                            onValue={(v) => setExportFormats((m) => ({ ...m, [h.id]: v as HashSetFormat }))}
                            options={hashSetFormats.map((x) => ({ value: x, label: x }))}
                          />
                          <div className="button-row small-buttons">
                            <a className="btn btn-secondary" href={hashSetExportUrl(h.id, exportFormats[h.id] ?? 'vics')} download aria-label={t('hashSets.exportNamed', { name: h.name })}>
                              {t('hashSets.export')}
                            </a>
                            <Button variant="danger" onClick={() => setDeleting(h)} aria-label={t('hashSets.deleteNamed', { name: h.name })}>
                              {t('hashSets.delete')}
                            </Button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {deleting ? <DeleteHashSetDialog set={deleting} onClose={() => setDeleting(null)} /> : null}
        </Panel>
        <Panel title={t('hashSets.import')}>
          <Alert kind="info">{t('hashSets.hashesOnly')}</Alert>
          <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="hashset-import-form">
            <FormError error={form.formError} />
            <TextField label={t('hashSets.name')} name="name" required value={form.values.name} onValue={(v) => form.set('name', v)} error={form.error('name')} />
            <TextField label={t('hashSets.source')} name="source" required value={form.values.source} onValue={(v) => form.set('source', v)} error={form.error('source')} />
            <SelectField label={t('hashSets.format')} name="format" value={form.values.format} onValue={(v) => form.set('format', v as HashSetFormat)} options={hashSetFormats.map((x) => ({ value: x, label: x }))} />
            <TextField label={t('hashSets.file')} name="file" type="file" required onChange={(e) => form.set('file', e.target.files?.[0] ?? null)} error={form.error('file')} />
            <Button type="submit" variant="primary" busy={form.busy || state === 'running'}>
              {t('hashSets.import')}
            </Button>
            {jobId ? <JobProgress jobId={jobId} what={t('hashSets.import')} /> : null}
          </form>
        </Panel>
      </div>
    </>
  );
}

/** Asks before deleting: the set goes with the matches found with it, and cannot be brought back. */
function DeleteHashSetDialog({ set, onClose }: { set: HashSet; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteHashSet(set.id),
    onSuccess: onClose,
    // Refreshed either way: a set another user already deleted leaves the list too.
    onSettled: () => qc.invalidateQueries({ queryKey: ['hash-sets'] }),
  });
  return (
    <Dialog open title={t('hashSets.deleteTitle', { name: set.name })} onClose={onClose}>
      <div className="form">
        <p>{t('hashSets.deleteBody', { count: set.entryCount, entries: f.number(set.entryCount) })}</p>
        <FormError error={remove.error as ApiError | null} />
        <div className="form-actions">
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t('hashSets.delete')}
          </Button>
          <Button onClick={onClose} autoFocus>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
