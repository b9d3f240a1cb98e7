import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { FormError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { fileReport } from '../api/tips.api.ts';

const incidents = ['abuse_material', 'grooming', 'sextortion', 'live_streaming', 'trafficking', 'other'] as const;

/** Anyone may report, without an account: what happened, where, the web addresses, what they saw. No files: Amaan never receives material. */
export function PublicReportPage() {
  const { t, i18n } = useTranslation();
  const [incident, setIncident] = useState<(typeof incidents)[number]>('abuse_material');
  const [where, setWhere] = useState('');
  const [urls, setUrls] = useState('');
  const [saw, setSaw] = useState('');
  const [danger, setDanger] = useState(false);
  const send = useMutation<{ receipt: string }, ApiError>({
    mutationFn: () => fileReport({
      incident, whatTheySaw: saw, childInDanger: danger, language: i18n.language === 'ur' ? 'ur' : 'en',
      ...(where.trim() ? { where: where.trim() } : {}),
      ...(urls.trim() ? { urls: urls.split(/[\s,]+/).filter(Boolean) } : {}),
    }),
  });
  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <div className="signin-top">
          <p className="brand"><span className="brand-mark" aria-hidden="true">◆</span> <span className="brand-name">{t('app.name')}</span></p>
          <LanguageSwitch />
        </div>
        <h1>{t('tips.publicTitle')}</h1>
        <p className="muted">{t('tips.publicIntro')}</p>
        {send.data ? (
          <Alert kind="success">
            <p>{t('tips.publicThanks')}</p>
            <p><strong dir="ltr" data-testid="public-receipt">{send.data.receipt}</strong></p>
            <p>{t('tips.publicKeep')}</p>
          </Alert>
        ) : (
          <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
            <FormError error={send.error} />
            <SelectField label={t('tips.publicIncident')} value={incident} onValue={(v) => setIncident(v as (typeof incidents)[number])} options={incidents.map((i) => ({ value: i, label: t(`tips.publicIncidents.${i}`) }))} />
            <TextField label={t('tips.publicWhere')} value={where} onValue={setWhere} hint={t('tips.publicWhereHint')} error={send.error?.fieldErrors.where} />
            <TextArea label={t('tips.publicUrls')} value={urls} onValue={setUrls} rows={2} hint={t('tips.publicUrlsHint')} dir="ltr" error={Object.entries(send.error?.fieldErrors ?? {}).find(([k]) => k.startsWith('urls'))?.[1]} />
            <TextArea label={t('tips.publicSaw')} value={saw} onValue={setSaw} rows={5} required error={send.error?.fieldErrors.whatTheySaw} />
            <label className="row"><input type="checkbox" checked={danger} onChange={(e) => setDanger(e.target.checked)} /> {t('tips.publicDanger')}</label>
            <p className="muted">{t('tips.publicNoFiles')}</p>
            <Button variant="primary" type="submit" disabled={send.isPending}>{t('tips.publicSend')}</Button>
          </form>
        )}
      </div>
    </main>
  );
}
