import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { createWarrantBody, updateWarrantBody, warrantKinds, warrantStatuses } from '../../../../modules/warrants/warrant.schema.ts';
import { Badge, Button, Empty, Loading, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseOutlet } from '../../cases/components/CasePage.tsx';
import { fetchCasePersons } from '../../persons/api/persons.api.ts';
import { createWarrant, fetchCaseCorrections, fetchWarrants, updateWarrant, type CaseWarrants, type Warrant } from '../api/corrections.api.ts';
import { CorrectionsList } from './CorrectionsList.tsx';

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
/** The form's body with the accused it is against (sent in the path). */
const withPerson = createWarrantBody.extend({ personId: z.string().min(1, 'required') });
const creatable = warrantKinds.filter((k) => k !== 'foreign_request');

interface Values extends Record<string, unknown> {
  personId: string;
  kind: string;
  status: string;
  issuedOn: string;
  country: string;
  reference: string;
  notes: string;
}
const toBody = (v: Values) => ({ personId: v.personId, kind: v.kind, status: v.status, issuedOn: opt(v.issuedOn), country: opt(v.country), reference: opt(v.reference), notes: v.notes });

function useWarrantsWrite(caseId: string) {
  const qc = useQueryClient();
  return async (write: Promise<CaseWarrants>) => {
    qc.setQueryData(['warrants', caseId], await write);
    void qc.invalidateQueries({ queryKey: ['corrections', 'case', caseId] });
    void qc.invalidateQueries({ queryKey: ['persons', 'case', caseId] });
    void qc.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  };
}

function RecordWarrantForm({ caseId, accused }: { caseId: string; accused: Array<{ personId: string; displayName: string }> }) {
  const { t } = useTranslation();
  const save = useWarrantsWrite(caseId);
  const initial: Values = { personId: '', kind: 'arrest_warrant', status: 'requested', issuedOn: '', country: '', reference: '', notes: '' };
  const form = useZodForm(withPerson, initial, toBody);
  const onSubmit = form.handleSubmit(async ({ personId, ...body }) => {
    await save(createWarrant(caseId, personId, body));
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="warrant-form">
      <FormError error={form.formError} />
      <SelectField label={t('prosecution.person')} name="personId" required placeholder="—" value={form.values.personId} onValue={(v) => form.set('personId', v)} error={form.error('personId')} options={accused.map((a) => ({ value: a.personId, label: a.displayName }))} />
      <SelectField label={t('corrections.warrantKind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v)} error={form.error('kind')} options={creatable.map((k) => ({ value: k, label: t(`corrections.warrantKinds.${k}`) }))} />
      <SelectField label={t('corrections.warrantStatus')} name="status" value={form.values.status} onValue={(v) => form.set('status', v)} error={form.error('status')} options={warrantStatuses.map((s) => ({ value: s, label: t(`corrections.warrantStatuses.${s}`) }))} />
      <TextField label={t('corrections.issuedOn')} name="issuedOn" type="date" value={form.values.issuedOn} onValue={(v) => form.set('issuedOn', v)} error={form.error('issuedOn')} />
      <TextField label={t('corrections.country')} name="country" hint={t('corrections.countryHint')} value={form.values.country} onValue={(v) => form.set('country', v)} error={form.error('country')} />
      <TextField label={t('corrections.reference')} name="reference" value={form.values.reference} onValue={(v) => form.set('reference', v)} error={form.error('reference')} />
      <TextArea label={t('corrections.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('corrections.recordWarrant')}
      </Button>
    </form>
  );
}

function EditWarrantForm({ w, onDone }: { w: Warrant; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useWarrantsWrite(w.caseId);
  const initial = { kind: w.kind as string, status: w.status as string, issuedOn: w.issuedOn ?? '', country: w.country ?? '', reference: w.reference ?? '', notes: w.notes };
  const toPatch = (v: typeof initial) => ({
    kind: v.kind !== w.kind ? v.kind : undefined,
    status: v.status !== w.status ? v.status : undefined,
    issuedOn: v.issuedOn !== (w.issuedOn ?? '') ? (opt(v.issuedOn) ?? null) : undefined,
    country: v.country !== (w.country ?? '') ? (opt(v.country) ?? null) : undefined,
    reference: v.reference !== (w.reference ?? '') ? (opt(v.reference) ?? null) : undefined,
    notes: v.notes !== w.notes ? v.notes : undefined,
  });
  const form = useZodForm(updateWarrantBody, initial, toPatch);
  const onSubmit = form.handleSubmit(async (body) => {
    await save(updateWarrant(w.id, body));
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-warrant-form">
      <FormError error={form.formError} />
      <SelectField label={t('corrections.warrantKind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v)} error={form.error('kind')} options={warrantKinds.map((k) => ({ value: k, label: t(`corrections.warrantKinds.${k}`) }))} />
      <SelectField label={t('corrections.warrantStatus')} name="status" value={form.values.status} onValue={(v) => form.set('status', v)} error={form.error('status')} options={warrantStatuses.map((s) => ({ value: s, label: t(`corrections.warrantStatuses.${s}`) }))} />
      <TextField label={t('corrections.issuedOn')} name="issuedOn" type="date" value={form.values.issuedOn} onValue={(v) => form.set('issuedOn', v)} error={form.error('issuedOn')} />
      <TextField label={t('corrections.country')} name="country" value={form.values.country} onValue={(v) => form.set('country', v)} error={form.error('country')} />
      <TextField label={t('corrections.reference')} name="reference" value={form.values.reference} onValue={(v) => form.set('reference', v)} error={form.error('reference')} />
      <TextArea label={t('corrections.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <div className="row">
        <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.save')}</Button>
        <Button type="button" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

/** The case's "Warrants" tab: each accused's warrants and notices, recorded one by one and corrected with the earlier values kept. */
export function CaseWarrants() {
  const c = useCaseOutlet();
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const warrants = useQuery({ queryKey: ['warrants', c.id], queryFn: () => fetchWarrants(c.id) });
  const persons = useQuery({ queryKey: ['persons', 'case', c.id], queryFn: () => fetchCasePersons(c.id), enabled: can('person.read') });
  if (warrants.isPending) return <Loading label={t('common.loading')} />;
  if (warrants.error) return <QueryError error={warrants.error} />;
  const writer = can('person.write');
  const accused = (persons.data?.persons ?? []).filter((p) => p.accused);
  return (
    <div className="grid-2">
      <div className="stack">
        <Panel title={t('corrections.warrants')}>
          {warrants.data.items.length === 0 ? <Empty>{t('corrections.noWarrants')}</Empty> : null}
          <ul className="plain" data-testid="warrants">
            {warrants.data.items.map((w) => (
              <li key={w.id} data-testid="warrant">
                <strong>{w.personName}</strong>: {t(`corrections.warrantKinds.${w.kind}`)} <Badge tone={w.status === 'issued' || w.status === 'requested' ? 'danger' : undefined}>{t(`corrections.warrantStatuses.${w.status}`)}</Badge>
                <div className="muted small">
                  {w.issuedOn ? f.date(`${w.issuedOn}T00:00:00Z`) : t('corrections.notIssued')} · {w.country ?? '—'} · <bdi>{w.reference ?? '—'}</bdi>
                </div>
                {w.notes ? <div className="small">{w.notes}</div> : null}
                {writer && editing !== w.id ? <Button onClick={() => setEditing(w.id)}>{t('corrections.correct')}</Button> : null}
                {editing === w.id ? <EditWarrantForm w={w} onDone={() => setEditing(null)} /> : null}
              </li>
            ))}
          </ul>
        </Panel>
        <CorrectionsList queryKey={['case', c.id]} fetch={() => fetchCaseCorrections(c.id)} />
      </div>
      {writer ? (
        <div className="stack">
          <Panel title={t('corrections.recordWarrant')}>{accused.length ? <RecordWarrantForm caseId={c.id} accused={accused} /> : <Empty>{t('operations.noAccused')}</Empty>}</Panel>
        </div>
      ) : null}
    </div>
  );
}
