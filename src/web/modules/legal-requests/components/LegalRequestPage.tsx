import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DefinitionList, Empty, Loading, PageHeader, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { isoToLocalInput, localInputToIso, useFormat } from '../../../i18n/format.ts';
import type { ApiError } from '../../../app/api-client.ts';
import { fetchLegalRequest, recordFollowup } from '../api/legal-requests.api.ts';
import { Deadline, KindLabel, LegalStatusBadge } from './LegalRequestsPage.tsx';

/** One request: to whom, when, its deadline and the alert before it, follow-ups and the answer. */
export function LegalRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const q = useQuery({ queryKey: ['legal-requests', 'one', id], queryFn: () => fetchLegalRequest(id), enabled: !!id });
  if (q.isPending) return <Loading label={t('common.loading')} />;
  if (q.error) return <QueryError error={q.error} />;
  const r = q.data;
  return (
    <article className="legal-request-page" aria-label={t(`legalRequests.kind.${r.kind}`)}>
      <PageHeader title={`${t(`legalRequests.kind.${r.kind}`)}: ${r.recipient}`} subtitle={<><LegalStatusBadge r={r} /> · <Link to={`/cases/${r.caseId}`}>{r.caseTitle}</Link></>} />
      {r.lapsed ? <Alert kind="error">{t('legalRequests.lapsedWarning')}</Alert> : null}
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('legalRequests.details')}>
            <DefinitionList
              items={[
                [t('legalRequests.kindLabel'), <KindLabel key="k" r={r} />],
                [t('legalRequests.recipient'), r.recipient],
                [t('legalRequests.subject'), r.subject],
                [t('legalRequests.person'), r.person ? <Link key="p" to={`/persons/${r.person.id}`}>{r.person.displayName}</Link> : '—'],
                [t('legalRequests.reference'), r.reference || '—'],
                [t('legalRequests.sentAt'), f.dateTime(r.sentAt)],
                [t('legalRequests.deadline'), <Deadline key="d" r={r} />],
                [t('legalRequests.alert'), r.alertSentAt ? t('legalRequests.alertSent', { date: f.dateTime(r.alertSentAt) }) : t('legalRequests.alertPlanned', { days: f.number(Math.round((r.alertLeadHours / 24) * 10) / 10) })],
                [t('legalRequests.legalBasis'), r.legalBasis || '—'],
                [t('legalRequests.answer'), r.answer ? `${r.answer} (${f.dateTime(r.answeredAt)})` : '—'],
              ]}
            />
            {r.notes ? <p className="prewrap">{r.notes}</p> : null}
          </Panel>
          {can('legal_request.write') ? (
            <Panel title={t('legalRequests.recordFollowup')}>
              <FollowupForm id={r.id} allowed={r.allowedFollowups} />
            </Panel>
          ) : null}
        </div>
        <Panel title={t('legalRequests.followups')}>
          {r.followups.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
          <ol className="history" data-testid="legal-request-followups">
            {r.followups.map((x, i) => (
              <li key={i}>
                <strong>{t(`legalRequests.followup.${x.kind}`)}</strong> <span className="nowrap">{f.dateTime(x.at)}</span>
                {x.newDeadlineAt ? <> · {t('legalRequests.newDeadline', { date: f.dateTime(x.newDeadlineAt) })}</> : null}
                {x.actor ? <span className="muted small"> · {x.actor.displayName}</span> : null}
                {x.note ? <div className="muted">{x.note}</div> : null}
              </li>
            ))}
          </ol>
        </Panel>
      </div>
    </article>
  );
}

function FollowupForm({ id, allowed }: { id: string; allowed: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState(allowed[0] ?? 'follow_up');
  const [at, setAt] = useState(isoToLocalInput());
  const [newDeadline, setNewDeadline] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => recordFollowup(id, { kind: kind as 'follow_up', at: localInputToIso(at), note, ...(kind === 'extension' && newDeadline ? { newDeadlineAt: localInputToIso(newDeadline) } : {}) }),
    onSuccess: () => {
      setNote('');
      setNewDeadline('');
      void qc.invalidateQueries({ queryKey: ['legal-requests'] });
    },
  });
  const err = save.error as ApiError | null;
  return (
    <form className="form" data-testid="legal-followup-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
      <FormError error={err} />
      <SelectField label={t('legalRequests.followupKind')} name="kind" value={kind} onValue={setKind} options={allowed.map((k) => ({ value: k, label: t(`legalRequests.followup.${k}`) }))} error={err?.fieldErrors.kind} />
      <TextField label={t('legalRequests.when')} name="at" type="datetime-local" value={at} onValue={setAt} error={err?.fieldErrors.at} />
      {kind === 'extension' ? <TextField label={t('legalRequests.newDeadlineLabel')} name="newDeadlineAt" type="datetime-local" value={newDeadline} onValue={setNewDeadline} error={err?.fieldErrors.newDeadlineAt} /> : null}
      <TextArea label={t('legalRequests.note')} name="note" rows={2} value={note} onValue={setNote} error={err?.fieldErrors.note} />
      <Button type="submit" variant="primary" busy={save.isPending}>{t('legalRequests.saveFollowup')}</Button>
    </form>
  );
}
