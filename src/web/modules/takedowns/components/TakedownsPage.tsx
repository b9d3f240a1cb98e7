import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Empty, Loading, PageHeader, Pager, Panel, SelectField, TextArea, TextField, type Tone } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat, localInputToIso } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { createTakedownBody, takedownStatuses, takedownTargetKinds } from '../../../../modules/takedowns/takedown.schema.ts';
import { CasePickerField } from '../../cases/components/CasePickerField.tsx';
import { createTakedown, fetchTakedownReport, fetchTakedowns, renoticeDue, type TakedownSummary } from '../api/takedowns.api.ts';

const PAGE = 25;

export const takedownTone: Record<string, Tone> = { requested: 'warning', acknowledged: 'info', removed: 'success', refused: 'danger', reappeared: 'danger' };

export function TakedownStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge tone={takedownTone[status] ?? 'neutral'}>{t(`takedowns.status.${status}`)}</Badge>;
}

/** Takedowns of the reader's cases, the providers' accountability report, and a new request. */
export function TakedownsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const [due, setDue] = useState(false);
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['takedowns', status, due, offset],
    queryFn: () => fetchTakedowns({ status: status || undefined, due: due ? 'true' : undefined, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const report = useQuery({ queryKey: ['takedowns', 'report'], queryFn: fetchTakedownReport });
  const renotice = useMutation({ mutationFn: renoticeDue, onSuccess: () => void qc.invalidateQueries({ queryKey: ['takedowns'] }) });
  const pagerLabels = usePagerLabels();
  return (
    <>
      <PageHeader
        title={t('takedowns.title')}
        subtitle={t('takedowns.subtitle')}
        actions={can('takedown.write') ? <Button busy={renotice.isPending} onClick={() => renotice.mutate()}>{t('takedowns.renoticeNow')}</Button> : null}
      />
      {renotice.data ? <Alert kind="success">{t('takedowns.renoticeDone', { count: renotice.data.sent })}</Alert> : null}
      <div className="grid-2 wide-first">
        <Panel title={t('takedowns.list')}>
          <div className="filters">
            <SelectField
              label={t('common.status')}
              value={status}
              onValue={(v) => { setStatus(v); setOffset(0); }}
              options={[{ value: '', label: t('common.all') }, ...takedownStatuses.map((s) => ({ value: s, label: t(`takedowns.status.${s}`) }))]}
            />
            <label className="check">
              <input type="checkbox" checked={due} onChange={(e) => { setDue(e.target.checked); setOffset(0); }} /> {t('takedowns.dueOnly')}
            </label>
          </div>
          {list.isPending ? <Loading label={t('common.loading')} /> : null}
          {list.error ? <QueryError error={list.error} /> : null}
          {list.data?.items.length === 0 ? <Empty>{t('takedowns.none')}</Empty> : null}
          {list.data && list.data.items.length > 0 ? <TakedownsTable items={list.data.items} testId="takedowns-table" showCase /> : null}
          {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
        </Panel>
        <div className="stack">
          <Panel title={t('takedowns.report')}>
            <p className="muted small">{t('takedowns.reportHint')}</p>
            {report.error ? <QueryError error={report.error} /> : null}
            {report.data?.providers.length === 0 ? <Empty>{t('takedowns.none')}</Empty> : null}
            {report.data && report.data.providers.length > 0 ? (
              <div className="table-wrap">
                <table className="table" data-testid="takedown-report">
                  <thead>
                    <tr>
                      <th scope="col">{t('takedowns.provider')}</th>
                      <th scope="col">{t('takedowns.count')}</th>
                      <th scope="col">{t('takedowns.open')}</th>
                      <th scope="col">{t('takedowns.median')}</th>
                      <th scope="col">{t('takedowns.p90')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.data.providers.map((p) => (
                      <tr key={p.provider}>
                        <td>{p.provider}</td>
                        <td className="num">{f.number(p.count)}</td>
                        <td className="num">{f.number(p.open)}</td>
                        <td className="num">{p.medianHours === null ? '—' : t('takedowns.hours', { hours: f.number(p.medianHours) })}</td>
                        <td className="num">{p.p90Hours === null ? '—' : t('takedowns.hours', { hours: f.number(p.p90Hours) })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </Panel>
          {can('takedown.write') ? (
            <Panel title={t('takedowns.new')}>
              <NewTakedownForm />
            </Panel>
          ) : null}
        </div>
      </div>
    </>
  );
}

interface Values extends Record<string, unknown> {
  caseId: string;
  targetKind: string;
  target: string;
  platform: string;
  provider: string;
  reference: string;
  requestedAt: string;
  renoticeHours: string;
  notes: string;
}
const toBody = (v: Values) => ({
  targetKind: v.targetKind,
  target: v.target,
  ...(v.targetKind === 'account' && v.platform.trim() ? { platform: v.platform } : {}),
  provider: v.provider,
  reference: v.reference,
  requestedAt: localInputToIso(v.requestedAt),
  renoticeHours: Number(v.renoticeHours),
  notes: v.notes,
});

/** The takedowns listed, each with its case when `showCase` (the page of all takedowns, not a case's own tab). */
export function TakedownsTable({ items, testId, showCase = false }: { items: TakedownSummary[]; testId: string; showCase?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('takedowns.target')}</th>
            <th scope="col">{t('takedowns.provider')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('takedowns.requestedAt')}</th>
            <th scope="col">{t('takedowns.notices')}</th>
            <th scope="col">{t('takedowns.nextNotice')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td>
                <Link to={`/takedowns/${d.id}`} className="break">{d.target}</Link>
                <div className="muted small">{t(`takedowns.kind.${d.targetKind}`)}{showCase ? <> · <Link to={`/cases/${d.caseId}`}>{d.caseTitle}</Link></> : null}</div>
              </td>
              <td>{d.provider}{d.reference ? <div className="muted small">{d.reference}</div> : null}</td>
              <td><TakedownStatusBadge status={d.status} />{d.due ? <> <Badge tone="danger">{t('takedowns.due')}</Badge></> : null}</td>
              <td className="nowrap">{f.dateTime(d.firstRequestedAt)}</td>
              <td className="num">{f.number(d.noticesSent)}</td>
              <td className="nowrap">{d.nextNoticeAt ? f.dateTime(d.nextNoticeAt) : d.hoursToRemoval !== null ? t('takedowns.removedIn', { hours: f.number(d.hoursToRemoval) }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A new takedown request: for the case given (a case's own tab), else for a case the officer picks. */
export function NewTakedownForm({ caseId, testId = 'new-takedown-form' }: { caseId?: string; testId?: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useZodForm(createTakedownBody, { caseId: caseId ?? '', targetKind: 'url', target: '', platform: '', provider: '', reference: '', requestedAt: '', renoticeHours: '24', notes: '' }, toBody);
  const [caseError, setCaseError] = useState<string | undefined>();
  const onSubmit = form.handleSubmit(async (body) => {
    if (!form.values.caseId) {
      setCaseError(t('messages.required'));
      return;
    }
    await createTakedown(form.values.caseId, body as Parameters<typeof createTakedown>[1]);
    form.reset();
    void qc.invalidateQueries({ queryKey: ['takedowns'] });
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid={testId}>
      <FormError error={form.formError} />
      {caseId ? null : <CasePickerField label={t('takedowns.case')} name="caseId" required value={form.values.caseId} onValue={(v) => { setCaseError(undefined); form.set('caseId', v); }} error={caseError} />}
      <SelectField label={t('takedowns.targetKind')} name="targetKind" value={form.values.targetKind} onValue={(v) => form.set('targetKind', v)}
        options={takedownTargetKinds.map((k) => ({ value: k, label: t(`takedowns.kind.${k}`) }))} />
      <TextField label={t('takedowns.target')} hint={t(`takedowns.targetHint.${form.values.targetKind}`)} name="target" required value={form.values.target} onValue={(v) => form.set('target', v)} error={form.error('target')} />
      {form.values.targetKind === 'account' ? <TextField label={t('takedowns.platform')} name="platform" value={form.values.platform} onValue={(v) => form.set('platform', v)} error={form.error('platform')} /> : null}
      <TextField label={t('takedowns.provider')} hint={t('takedowns.providerHint')} name="provider" required value={form.values.provider} onValue={(v) => form.set('provider', v)} error={form.error('provider')} />
      <TextField label={t('takedowns.reference')} name="reference" value={form.values.reference} onValue={(v) => form.set('reference', v)} error={form.error('reference')} />
      <TextField label={t('takedowns.requestedAt')} name="requestedAt" type="datetime-local" required value={form.values.requestedAt} onValue={(v) => form.set('requestedAt', v)} error={form.error('requestedAt')} />
      <TextField label={t('takedowns.renoticeHours')} hint={t('takedowns.renoticeHint')} name="renoticeHours" type="number" min={1} max={720} value={form.values.renoticeHours} onValue={(v) => form.set('renoticeHours', v)} error={form.error('renoticeHours')} />
      <TextArea label={t('takedowns.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('takedowns.send')}</Button>
    </form>
  );
}
