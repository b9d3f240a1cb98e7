import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { caseBundle } from '../../../../modules/bundles/bundle.schema.ts';
import { Alert, Button, PageHeader, Panel, Progress, SelectField, TextField } from '../../../ui/index.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useUser } from '../../../app/session.ts';
import { ApiError } from '../../../app/api-client.ts';
import { issuesToFields } from '../../../app/use-zod-form.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useBranches } from '../../reference/hooks/use-reference.ts';
import { importBundle, type ImportResult } from '../api/bundles.api.ts';

type Stage = { kind: 'idle' } | { kind: 'checking' } | { kind: 'uploading'; sent: number; total: number } | { kind: 'importing' } | { kind: 'done'; result: ImportResult };

/**
 * Imports a case bundle: the file is checked in the browser with the same schema the server uses, then
 * sent with an upload progress bar, then imported all or nothing.
 */
export function ImportBundlePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const qc = useQueryClient();
  const branches = useBranches();
  const [branchId, setBranchId] = useState(user.branchId ? String(user.branchId) : '');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setProblems([]);
    if (!file || !branchId) return setProblems([t('bundles.chooseBoth')]);
    setStage({ kind: 'checking' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setStage({ kind: 'idle' });
      return setProblems([t('bundles.notJson')]);
    }
    const check = caseBundle.safeParse(parsed);
    if (!check.success) {
      setStage({ kind: 'idle' });
      return setProblems(Object.entries(issuesToFields(check.error.issues)).slice(0, 10).map(([k, v]) => `${k}: ${v}`));
    }
    try {
      const result = await importBundle(Number(branchId), file, (sent, total) => setStage(sent >= total ? { kind: 'importing' } : { kind: 'uploading', sent, total }));
      setStage({ kind: 'done', result });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    } catch (err) {
      setStage({ kind: 'idle' });
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  };

  const busy = stage.kind === 'checking' || stage.kind === 'uploading' || stage.kind === 'importing';
  return (
    <>
      <PageHeader title={t('bundles.title')} subtitle={t('bundles.intro')} />
      <Panel title={t('bundles.import')}>
        <form onSubmit={submit} noValidate className="form" data-testid="bundle-import-form">
          <FormError error={error} />
          {problems.length ? (
            <Alert kind="error">
              <ul className="plain">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <SelectField label={t('cases.form.branch')} name="branchId" required placeholder="—" value={branchId} onValue={setBranchId} options={(branches.data ?? []).map((b) => ({ value: String(b.id), label: `${b.district} (${b.province})` }))} />
          <TextField label={t('bundles.file')} name="file" type="file" accept=".json,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <Button type="submit" variant="primary" busy={busy}>
            {t('bundles.import')}
          </Button>
          {stage.kind === 'checking' ? <Progress label={t('bundles.checking')} done={0} total={null} /> : null}
          {stage.kind === 'uploading' ? <Progress label={t('bundles.uploading', { sent: f.number(Math.round(stage.sent / 1024)), total: f.number(Math.round(stage.total / 1024)) })} done={stage.sent} total={stage.total} /> : null}
          {stage.kind === 'importing' ? <Progress label={t('bundles.importing')} done={0} total={null} /> : null}
          {stage.kind === 'done' ? (
            <Alert kind="success">
              {t('bundles.done')}{' '}
              <Link to={`/cases/${stage.result.caseId}`}>{stage.result.firLabel ?? t('operations.caseLink')}</Link>
              <div className="small">
                {Object.entries(stage.result.counts)
                  .map(([k, v]) => `${k}: ${f.number(v)}`)
                  .join(' · ')}
              </div>
              <div className="small">{t('bundles.signedBy', { name: stage.result.signer.name, keyId: stage.result.signer.keyId })}</div>
              {stage.result.teamNotApplied.length ? (
                <div className="small">{t('bundles.teamNotApplied', { names: stage.result.teamNotApplied.map((m) => m.username).join(', ') })}</div>
              ) : null}
            </Alert>
          ) : null}
        </form>
      </Panel>
    </>
  );
}
