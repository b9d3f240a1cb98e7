import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DefinitionList, Empty, Loading, PageHeader, Panel, SelectField, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { isoToLocalInput, localInputToIso, useFormat } from '../../../i18n/format.ts';
import type { ApiError } from '../../../app/api-client.ts';
import { changeTakedownStatus, fetchTakedown } from '../api/takedowns.api.ts';
import { TakedownStatusBadge } from './TakedownsPage.tsx';

/** One takedown: what, where, its notices and every status change; the officer records the provider's answer. */
export function TakedownPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const td = useQuery({ queryKey: ['takedowns', 'one', id], queryFn: () => fetchTakedown(id), enabled: !!id });
  if (td.isPending) return <Loading label={t('common.loading')} />;
  if (td.error) return <QueryError error={td.error} />;
  const d = td.data;
  return (
    <article className="takedown-page" aria-label={d.target}>
      <PageHeader title={d.target} subtitle={<><TakedownStatusBadge status={d.status} /> · <Link to={`/cases/${d.caseId}`}>{d.caseTitle}</Link></>} />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('takedowns.details')}>
            <DefinitionList
              items={[
                [t('takedowns.targetKind'), t(`takedowns.kind.${d.targetKind}`)],
                [t('takedowns.provider'), d.provider],
                [t('takedowns.providerContact'), d.providerContact || '—'],
                [t('takedowns.reference'), d.reference || '—'],
                [t('takedowns.firstRequestedAt'), f.dateTime(d.firstRequestedAt)],
                [t('takedowns.renoticeHours'), t('takedowns.hours', { hours: f.number(d.renoticeHours) })],
                [t('takedowns.nextNotice'), d.nextNoticeAt ? f.dateTime(d.nextNoticeAt) : '—'],
                [t('takedowns.removedAt'), d.removedAt ? `${f.dateTime(d.removedAt)} (${t('takedowns.removedIn', { hours: f.number(d.hoursToRemoval) })})` : '—'],
              ]}
            />
            {d.entityId ? <p><Link to={`/entities/${d.entityId}`}>{t('takedowns.entityLink')}</Link></p> : null}
            {d.notes ? <p className="prewrap">{d.notes}</p> : null}
          </Panel>
          {can('takedown.write') && d.allowedStatuses.length ? (
            <Panel title={t('takedowns.recordAnswer')}>
              <StatusForm id={d.id} allowed={d.allowedStatuses} />
            </Panel>
          ) : null}
        </div>
        <div className="stack">
          <Panel title={t('takedowns.history')}>
            <ol className="history" data-testid="takedown-history">
              {d.history.map((h, i) => (
                <li key={i}>
                  <TakedownStatusBadge status={h.toStatus} /> <span className="nowrap">{f.dateTime(h.at)}</span>
                  {h.reference ? <> · {h.reference}</> : null}
                  {h.actor ? <span className="muted small"> · {h.actor.displayName}</span> : null}
                  {h.note ? <div className="muted">{h.note}</div> : null}
                </li>
              ))}
            </ol>
          </Panel>
          <Panel title={t('takedowns.noticesSent', { count: d.noticesSent })}>
            {d.notices.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
            <ol className="history" data-testid="takedown-notices">
              {d.notices.map((n) => (
                <li key={n.number}>
                  {t('takedowns.noticeNumber', { n: f.number(n.number) })} · <span className="nowrap">{f.dateTime(n.sentAt)}</span>
                  <span className="muted small"> · {n.actor ? n.actor.displayName : t('takedowns.bySchedule')}</span>
                </li>
              ))}
            </ol>
          </Panel>
        </div>
      </div>
    </article>
  );
}

function StatusForm({ id, allowed }: { id: string; allowed: string[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState(allowed[0] ?? '');
  const [at, setAt] = useState(isoToLocalInput());
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => changeTakedownStatus(id, { status: status as 'removed', at: localInputToIso(at), reference, note }),
    onSuccess: () => {
      setReference('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['takedowns'] });
    },
  });
  const err = save.error as ApiError | null;
  return (
    <form className="form" data-testid="takedown-status-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
      <FormError error={err} />
      <SelectField label={t('common.status')} name="status" value={status} onValue={setStatus} options={allowed.map((s) => ({ value: s, label: t(`takedowns.status.${s}`) }))} error={err?.fieldErrors.status} />
      <TextField label={t('takedowns.when')} name="at" type="datetime-local" value={at} onValue={setAt} error={err?.fieldErrors.at} />
      <TextField label={t('takedowns.reference')} name="reference" value={reference} onValue={setReference} error={err?.fieldErrors.reference} />
      <TextField label={t('takedowns.note')} name="note" value={note} onValue={setNote} error={err?.fieldErrors.note} />
      <Button type="submit" variant="primary" busy={save.isPending}>{t('takedowns.save')}</Button>
    </form>
  );
}
