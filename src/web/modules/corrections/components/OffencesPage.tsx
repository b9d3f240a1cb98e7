import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offenceBody, offenceFields } from '../../../../modules/reference/reference.schema.ts';
import { Alert, Button, Loading, PageHeader, Panel, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { fetchOffenceCorrections, fetchOffencesFull, saveOffence, type OffenceFull } from '../api/corrections.api.ts';
import { CorrectionsList } from './CorrectionsList.tsx';

interface Values extends Record<string, unknown> {
  title: string;
  law: string;
  section: string;
  minYears: string;
  maxYears: string;
  category: string;
  status: string;
  notes: string;
}
const num = (s: string) => (s.trim() === '' ? null : Number(s));

function OffenceForm({ o, onSaved }: { o: OffenceFull; onSaved: () => void }) {
  const { t } = useTranslation();
  const initial: Values = { title: o.title, law: o.law, section: o.section, minYears: o.minYears?.toString() ?? '', maxYears: o.maxYears?.toString() ?? '', category: o.category, status: o.status, notes: o.notes ?? '' };
  const toBody = (v: Values) => {
    const { code: _code, ...rest } = o;
    return { ...rest, title: v.title, law: v.law, section: v.section, minYears: num(v.minYears), maxYears: num(v.maxYears), category: v.category, status: v.status, notes: v.notes.trim() ? v.notes : null };
  };
  const form = useZodForm(offenceBody, initial, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await saveOffence(o.code, body);
    onSaved();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="offence-form">
      <FormError error={form.formError} />
      <TextField label={t('corrections.offenceTitle')} name="title" required value={form.values.title} onValue={(v) => form.set('title', v)} error={form.error('title')} />
      <div className="row">
        <TextField label={t('corrections.law')} name="law" required value={form.values.law} onValue={(v) => form.set('law', v)} error={form.error('law')} />
        <TextField label={t('corrections.section')} name="section" required value={form.values.section} onValue={(v) => form.set('section', v)} error={form.error('section')} />
      </div>
      <div className="row">
        <TextField label={t('corrections.minYears')} name="minYears" inputMode="numeric" value={form.values.minYears} onValue={(v) => form.set('minYears', v)} error={form.error('minYears')} />
        <TextField label={t('corrections.maxYears')} name="maxYears" inputMode="numeric" value={form.values.maxYears} onValue={(v) => form.set('maxYears', v)} error={form.error('maxYears')} />
      </div>
      <SelectField label={t('corrections.category')} name="category" value={form.values.category} onValue={(v) => form.set('category', v)} error={form.error('category')} options={offenceFields.category.options.map((c) => ({ value: c, label: t(`corrections.categories.${c}`) }))} />
      <SelectField label={t('corrections.offenceStatus')} name="status" value={form.values.status} onValue={(v) => form.set('status', v)} error={form.error('status')} options={offenceFields.status.options.map((s) => ({ value: s, label: t(`corrections.offenceStatuses.${s}`) }))} />
      <TextArea label={t('corrections.notes')} name="notes" rows={2} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>{t('corrections.save')}</Button>
    </form>
  );
}

/** The offence catalogue for administrators: correct an offence; every earlier value stays listed. */
export function OffencesPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['offences', 'full'], queryFn: fetchOffencesFull });
  const [code, setCode] = useState('');
  const [saved, setSaved] = useState(false);
  if (list.isPending) return <Loading label={t('common.loading')} />;
  if (list.error) return <QueryError error={list.error} />;
  const chosen = list.data.items.find((o) => o.code === code);
  return (
    <>
      <PageHeader title={t('corrections.offencesTitle')} subtitle={t('corrections.offencesIntro')} />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('corrections.offences')}>
            <SelectField label={t('corrections.chooseOffence')} name="code" placeholder="—" value={code} onValue={(v) => { setCode(v); setSaved(false); }} options={list.data.items.map((o) => ({ value: o.code, label: `${o.code} · ${o.title}` }))} />
            {saved ? <Alert kind="success">{t('corrections.saved')}</Alert> : null}
            {chosen ? <OffenceForm key={`${chosen.code}:${chosen.title}:${chosen.status}`} o={chosen} onSaved={() => { setSaved(true); void qc.invalidateQueries({ queryKey: ['offences'] }); void qc.invalidateQueries({ queryKey: ['corrections', 'offence', chosen.code] }); }} /> : null}
          </Panel>
        </div>
        <div className="stack">{chosen ? <CorrectionsList queryKey={['offence', chosen.code]} fetch={() => fetchOffenceCorrections(chosen.code)} /> : null}</div>
      </div>
    </>
  );
}
