import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Loading, Pager, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { createTakedownBody, takedownTargetKinds } from '../../../../modules/takedowns/takedown.schema.ts';
import { createTakedown } from '../../takedowns/api/takedowns.api.ts';
import { TakedownStatusBadge } from '../../takedowns/components/TakedownsPage.tsx';
import { fetchCaseTakedowns } from '../api/case-requests.api.ts';
import { useCaseOutlet } from './CasePage.tsx';

const PAGE = 25;

/** The case's takedowns (each re-noticed until removed) and, for writers, a new request for this case. */
export function CaseTakedowns() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [offset, setOffset] = useState(0);
  const list = useQuery({ queryKey: ['takedowns', 'case', c.id, offset], queryFn: () => fetchCaseTakedowns(c.id, { limit: PAGE, offset }), placeholderData: keepPreviousData });
  const pagerLabels = usePagerLabels();
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('casePage.takedownsOfCase')}>
        {list.isPending ? <Loading label={t('common.loading')} /> : null}
        {list.error ? <QueryError error={list.error} /> : null}
        {list.data?.items.length === 0 ? <Empty>{t('takedowns.none')}</Empty> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="case-takedowns-table">
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
                {list.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link to={`/takedowns/${d.id}`} className="break">{d.target}</Link>
                      <div className="muted small">{t(`takedowns.kind.${d.targetKind}`)}</div>
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
        ) : null}
        {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
      </Panel>
      {can('takedown.write') ? (
        <Panel title={t('takedowns.new')}>
          <CaseTakedownForm caseId={c.id} />
        </Panel>
      ) : null}
    </div>
  );
}

interface Values extends Record<string, unknown> {
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

function CaseTakedownForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useZodForm(createTakedownBody, { targetKind: 'url', target: '', platform: '', provider: '', reference: '', requestedAt: '', renoticeHours: '24', notes: '' }, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await createTakedown(caseId, body as Parameters<typeof createTakedown>[1]);
    form.reset();
    void qc.invalidateQueries({ queryKey: ['takedowns'] });
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="case-takedown-form">
      <FormError error={form.formError} />
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
