import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Loading, Pager, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { usePagerLabels } from '../../../app/use-pager-labels.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { createLegalRequestBody, interpolColours, legalRequestKinds } from '../../../../modules/requests/legal-request.schema.ts';
import { createLegalRequest } from '../../legal-requests/api/legal-requests.api.ts';
import { Deadline, KindLabel, LegalStatusBadge } from '../../legal-requests/components/LegalRequestsPage.tsx';
import { fetchCaseLegalRequests } from '../api/case-requests.api.ts';
import { useCaseOutlet } from './CasePage.tsx';

const PAGE = 25;

/** The case's legal and cooperation requests with their deadlines and, for writers, a new one for this case. */
export function CaseLegalRequests() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [offset, setOffset] = useState(0);
  const list = useQuery({ queryKey: ['legal-requests', 'case', c.id, offset], queryFn: () => fetchCaseLegalRequests(c.id, { limit: PAGE, offset }), placeholderData: keepPreviousData });
  const pagerLabels = usePagerLabels();
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('casePage.legalRequestsOfCase')}>
        {list.isPending ? <Loading label={t('common.loading')} /> : null}
        {list.error ? <QueryError error={list.error} /> : null}
        {list.data?.items.length === 0 ? <Empty>{t('legalRequests.none')}</Empty> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="case-legal-requests-table">
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
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/legal-requests/${r.id}`}><KindLabel r={r} /></Link>
                      <div className="muted small">{r.subject}</div>
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
        ) : null}
        {list.data ? <Pager total={list.data.total} limit={PAGE} offset={offset} onOffset={setOffset} labels={pagerLabels} /> : null}
      </Panel>
      {can('legal_request.write') ? (
        <Panel title={t('legalRequests.new')}>
          <CaseLegalRequestForm caseId={c.id} />
        </Panel>
      ) : null}
    </div>
  );
}

interface Values extends Record<string, unknown> {
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

function CaseLegalRequestForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useZodForm(createLegalRequestBody, { kind: 'preservation', interpolColour: 'red', recipient: '', subject: '', reference: '', sentAt: '', deadlineAt: '', alertLeadDays: '', notes: '' }, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await createLegalRequest(caseId, body as Parameters<typeof createLegalRequest>[1]);
    form.reset();
    void qc.invalidateQueries({ queryKey: ['legal-requests'] });
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="case-legal-request-form">
      <FormError error={form.formError} />
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
