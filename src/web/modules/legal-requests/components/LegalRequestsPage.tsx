import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Loading, PageHeader, Pager, Panel, SelectField, TextArea, TextField, Stat, type Tone } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { createLegalRequestBody, interpolColours, legalRequestKinds, legalRequestStatuses } from '../../../../modules/requests/legal-request.schema.ts';
import { CasePickerField } from '../../cases/components/CasePickerField.tsx';
import { createLegalRequest, fetchLegalRequestFigures, fetchLegalRequests, type LegalRequestSummary } from '../api/legal-requests.api.ts';

const PAGE = 25;
const statusTone: Record<string, Tone> = { sent: 'warning', acknowledged: 'info', fulfilled: 'success', refused: 'danger', withdrawn: 'neutral' };

export function LegalStatusBadge({ r }: { r: Pick<LegalRequestSummary, 'status' | 'lapsed'> }) {
  const { t } = useTranslation();
  if (r.lapsed) return <Badge tone="danger">{t('legalRequests.lapsed')}</Badge>;
  return <Badge tone={statusTone[r.status] ?? 'neutral'}>{t(`legalRequests.status.${r.status}`)}</Badge>;
}

export function KindLabel({ r }: { r: Pick<LegalRequestSummary, 'kind' | 'interpolColour'> }) {
  const { t } = useTranslation();
  return <>{t(`legalRequests.kind.${r.kind}`)}{r.interpolColour ? ` (${t(`legalRequests.colour.${r.interpolColour}`)})` : ''}</>;
}

/** The deadline with the time left, in words an officer reads at a glance. */
export function Deadline({ r }: { r: Pick<LegalRequestSummary, 'deadlineAt' | 'hoursLeft' | 'lapsed'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!r.deadlineAt) return <span className="muted">{t('legalRequests.noDeadline')}</span>;
  const left = r.hoursLeft;
  return (
    <>
      <span className="nowrap">{f.dateTime(r.deadlineAt)}</span>
      {left !== null && !r.lapsed ? (
        <div className={left < 24 * 7 ? 'small text-danger' : 'muted small'}>
          {left >= 48 ? t('legalRequests.daysLeft', { days: f.number(Math.floor(left / 24)) }) : t('legalRequests.hoursLeft', { hours: f.number(Math.max(0, Math.floor(left))) })}
        </div>
      ) : null}
    </>
  );
}

/** Legal and cooperation requests of the reader's cases, nearest deadline first, with the lapsed figure. */
export function LegalRequestsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [lapsed, setLapsed] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['legal-requests', kind, status, lapsed, offset],
    queryFn: () => fetchLegalRequests({ kind: kind || undefined, status: status || undefined, lapsed: lapsed ? 'true' : undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const figures = useQuery({ queryKey: ['legal-requests', 'figures'], queryFn: fetchLegalRequestFigures });
  const pagerLabels = usePagerLabels();
  return (
    <>
      <PageHeader title={t('legalRequests.title')} subtitle={t('legalRequests.subtitle')} />
      {figures.data ? (
        <div className="stats-row" data-testid="legal-request-figures">
          <Stat label={t('legalRequests.figOpen')} value={f.number(figures.data.open)} />
          <Stat label={t('legalRequests.figDueSoon')} value={f.number(figures.data.dueSoon)} />
          <Stat label={t('legalRequests.figLapsed')} value={f.number(figures.data.lapsed)} note={t('legalRequests.figLapsedNote')} />
          <Stat label={t('legalRequests.figTotal')} value={f.number(figures.data.total)} />
        </div>
      ) : null}
      <div className="grid-2 wide-first">
        <Panel title={t('legalRequests.list')}>
          <div className="filters">
            <SelectField label={t('legalRequests.kindLabel')} value={kind} onValue={(v) => { setKind(v); setOffset(0); }}
              options={[{ value: '', label: t('common.all') }, ...legalRequestKinds.map((k) => ({ value: k, label: t(`legalRequests.kind.${k}`) }))]} />
            <SelectField label={t('common.status')} value={status} onValue={(v) => { setStatus(v); setOffset(0); }}
              options={[{ value: '', label: t('common.all') }, ...legalRequestStatuses.map((s) => ({ value: s, label: t(`legalRequests.status.${s}`) }))]} />
            <label className="check">
              <input type="checkbox" checked={lapsed} onChange={(e) => { setLapsed(e.target.checked); setOffset(0); }} /> {t('legalRequests.lapsedOnly')}
            </label>
          </div>
          {list.isPending ? <Loading label={t('common.loading')} /> : null}
          {list.error ? <QueryError error={list.error} /> : null}
          {list.data?.items.length === 0 ? <Empty>{t('legalRequests.none')}</Empty> : null}
          {list.data && list.data.items.length > 0 ? <LegalRequestsTable items={list.data.items} testId="legal-requests-table" showCase /> : null}
          {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
        </Panel>
        {can('legal_request.write') ? (
          <Panel title={t('legalRequests.new')}>
            <NewRequestForm />
          </Panel>
        ) : null}
      </div>
    </>
  );
}

interface Values extends Record<string, unknown> {
  caseId: string;
  kind: string;
  interpolColour: string;
  recipient: string;
  subject: string;
  reference: string;
  sentAt: string;
  deadlineAt: string;
  alertLeadDays: string;
  notes: string;
}
const toBody = (v: Values) => ({
  kind: v.kind,
  ...(v.kind === 'interpol_notice' ? { interpolColour: v.interpolColour } : {}),
  recipient: v.recipient,
  subject: v.subject,
  reference: v.reference,
  sentAt: localInputToIso(v.sentAt),
  ...(v.deadlineAt ? { deadlineAt: localInputToIso(v.deadlineAt) } : {}),
  ...(v.alertLeadDays.trim() ? { alertLeadHours: Math.round(Number(v.alertLeadDays) * 24) } : {}),
  notes: v.notes,
});

/** The requests listed, each with its case when `showCase` (the page of all requests, not a case's own tab). */
export function LegalRequestsTable({ items, testId, showCase = false }: { items: LegalRequestSummary[]; testId: string; showCase?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('legalRequests.kindLabel')}</th>
            <th scope="col">{t('legalRequests.recipient')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('legalRequests.sentAt')}</th>
            <th scope="col">{t('legalRequests.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/legal-requests/${r.id}`}><KindLabel r={r} /></Link>
                <div className="muted small">{r.subject}</div>
                {showCase ? <div className="muted small"><Link to={`/cases/${r.caseId}`}>{r.caseTitle}</Link></div> : null}
              </td>
              <td>{r.recipient}{r.reference ? <div className="muted small">{r.reference}</div> : null}</td>
              <td><LegalStatusBadge r={r} /></td>
              <td className="nowrap">{f.dateTime(r.sentAt)}</td>
              <td><Deadline r={r} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A new request: for the case given (a case's own tab), else for a case the officer picks. */
export function NewRequestForm({ caseId, testId = 'new-legal-request-form' }: { caseId?: string; testId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useZodForm(createLegalRequestBody, { caseId: caseId ?? '', kind: 'preservation', interpolColour: 'red', recipient: '', subject: '', reference: '', sentAt: '', deadlineAt: '', alertLeadDays: '', notes: '' }, toBody);
  const [caseError, setCaseError] = useState<string | undefined>();
  const onSubmit = form.handleSubmit(async (body) => {
    if (!form.values.caseId) {
      setCaseError(t('messages.required'));
      return;
    }
    await createLegalRequest(form.values.caseId, body as Parameters<typeof createLegalRequest>[1]);
    form.reset();
    void qc.invalidateQueries({ queryKey: ['legal-requests'] });
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid={testId}>
      <FormError error={form.formError} />
      {caseId ? null : <CasePickerField label={t('legalRequests.case')} name="caseId" required value={form.values.caseId} onValue={(v) => { setCaseError(undefined); form.set('caseId', v); }} error={caseError} />}
      <SelectField label={t('legalRequests.kindLabel')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v)} options={legalRequestKinds.map((k) => ({ value: k, label: t(`legalRequests.kind.${k}`) }))} />
      {form.values.kind === 'interpol_notice' ? (
        <SelectField label={t('legalRequests.colourLabel')} name="interpolColour" value={form.values.interpolColour} onValue={(v) => form.set('interpolColour', v)}
          options={interpolColours.map((c) => ({ value: c, label: t(`legalRequests.colour.${c}`) }))} error={form.error('interpolColour')} />
      ) : null}
      <TextField label={t('legalRequests.recipient')} hint={t('legalRequests.recipientHint')} name="recipient" required value={form.values.recipient} onValue={(v) => form.set('recipient', v)} error={form.error('recipient')} />
      <TextArea label={t('legalRequests.subject')} name="subject" rows={2} required value={form.values.subject} onValue={(v) => form.set('subject', v)} error={form.error('subject')} />
      <TextField label={t('legalRequests.reference')} name="reference" value={form.values.reference} onValue={(v) => form.set('reference', v)} error={form.error('reference')} />
      <TextField label={t('legalRequests.sentAt')} name="sentAt" type="datetime-local" required value={form.values.sentAt} onValue={(v) => form.set('sentAt', v)} error={form.error('sentAt')} />
      <TextField label={t('legalRequests.deadline')} hint={t('legalRequests.deadlineHint')} name="deadlineAt" type="datetime-local" value={form.values.deadlineAt} onValue={(v) => form.set('deadlineAt', v)} error={form.error('deadlineAt')} />
      <TextField label={t('legalRequests.alertLeadDays')} hint={t('legalRequests.alertLeadHint')} name="alertLeadDays" type="number" min={0} max={90} value={form.values.alertLeadDays} onValue={(v) => form.set('alertLeadDays', v)} error={form.error('alertLeadHours')} />
      <TextArea label={t('legalRequests.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('legalRequests.save')}</Button>
    </form>
  );
}
