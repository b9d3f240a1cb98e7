import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Badge, Button, Loading, PageHeader, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { createKey, createOrganisation, listKeys, listOrganisations, revokeKey, type TipKeyCreated } from '../api/tips.api.ts';

/** Reporting organisations (platforms, NGOs) and their keys: a key is shown once when issued, then only its first characters. */
export function TipKeysPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const orgs = useQuery({ queryKey: ['tips', 'orgs'], queryFn: listOrganisations });
  const keys = useQuery({ queryKey: ['tips', 'keys'], queryFn: listKeys });
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<TipKeyCreated | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['tips'] });
  const addOrg = useMutation<unknown, ApiError>({ mutationFn: () => createOrganisation(name), onSuccess: () => { setName(''); void refresh(); } });
  const issue = useMutation<TipKeyCreated, ApiError>({ mutationFn: () => createKey(org, label), onSuccess: (k) => { setIssued(k); void refresh(); } });
  const revoke = useMutation<unknown, ApiError, string>({ mutationFn: (id) => revokeKey(id), onSuccess: refresh });
  return (
    <>
      <PageHeader title={t('tips.keysTitle')} subtitle={t('tips.keysSubtitle')} />
      <div className="grid-2">
        <Panel title={t('tips.organisations')}>
          {orgs.isPending ? <Loading label={t('common.loading')} /> : null}
          {orgs.error ? <QueryError error={orgs.error} /> : null}
          <ul>{orgs.data?.items.map((o) => <li key={o.id}><bdi>{o.name}</bdi> — {t('tips.orgFigures', { tips: o.tips, keys: o.activeKeys })}</li>)}</ul>
          <form className="row" onSubmit={(e) => { e.preventDefault(); addOrg.mutate(); }}>
            <TextField label={t('tips.newOrganisation')} value={name} onValue={setName} error={addOrg.error?.fieldErrors.name} />
            <Button type="submit" disabled={name.trim().length < 2}>{t('tips.add')}</Button>
          </form>
        </Panel>
        <Panel title={t('tips.issueKey')}>
          <FormError error={issue.error} />
          <SelectField label={t('tips.organisation')} value={org} onValue={setOrg} placeholder={t('tips.pickOrganisation')} options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          <TextField label={t('tips.keyLabel')} value={label} onValue={setLabel} />
          <Button variant="primary" disabled={!org || issue.isPending} onClick={() => issue.mutate()}>{t('tips.issue')}</Button>
          {issued ? <Alert kind="warning"><p>{t('tips.tokenOnce', { organisation: issued.organisation })}</p><p><code dir="ltr" data-testid="issued-token">{issued.token}</code></p></Alert> : null}
        </Panel>
      </div>
      <Panel title={t('tips.keys')}>
        {keys.error ? <QueryError error={keys.error} /> : null}
        <FormError error={revoke.error} />
        <div className="table-wrap">
          <table className="table" data-testid="tip-keys">
            <thead><tr><th scope="col">{t('tips.organisation')}</th><th scope="col">{t('tips.key')}</th><th scope="col">{t('tips.expires')}</th><th scope="col">{t('tips.lastUsed')}</th><th scope="col">{t('tips.tipsFiled')}</th><th scope="col" /></tr></thead>
            <tbody>
              {keys.data?.items.map((k) => (
                <tr key={k.id}>
                  <td><bdi>{k.organisation}</bdi>{k.label ? <> · {k.label}</> : null}</td>
                  <td dir="ltr" className="mono">{k.prefix}…</td>
                  <td>{new Date(k.expiresAt).toLocaleDateString()}</td>
                  <td>{k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : '—'}</td>
                  <td dir="ltr">{k.tips}</td>
                  <td>{k.active ? <Button variant="danger" onClick={() => revoke.mutate(k.id)}>{t('tips.revoke')}</Button> : <Badge>{k.revokedAt ? t('tips.revoked') : t('tips.expired')}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
