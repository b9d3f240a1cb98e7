import { useTranslation } from 'react-i18next';
import { verdictBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { addVerdict, type ProsecutionView } from '../api/prosecution.api.ts';
import { useProsecutionWrite } from '../hooks/use-prosecution.ts';

interface Values extends Record<string, unknown> {
  personId: string;
  outcome: 'convicted' | 'acquitted';
  court: string;
  decidedAt: string;
  years: string;
  months: string;
  fine: string;
}
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const toBody = (v: Values) => {
  const convicted = v.outcome === 'convicted';
  const hasSentence = convicted && (v.years.trim() !== '' || v.months.trim() !== '');
  return {
    personId: v.personId,
    outcome: v.outcome,
    court: v.court,
    decidedAt: localInputToIso(v.decidedAt),
    sentence: hasSentence ? { years: num(v.years) ?? 0, months: num(v.months) ?? 0 } : undefined,
    fineRupees: convicted ? num(v.fine) : undefined,
  };
};

export function VerdictForm({ caseId, view }: { caseId: string; view: ProsecutionView }) {
  const { t } = useTranslation();
  const write = useProsecutionWrite(caseId, addVerdict);
  const form = useZodForm(verdictBody, { personId: '', outcome: 'convicted', court: '', decidedAt: '', years: '', months: '', fine: '' } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    form.reset();
  });
  const convicted = form.values.outcome === 'convicted';
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="verdict-form">
      <FormError error={form.formError} />
      <SelectField label={t('prosecution.person')} name="personId" required placeholder="—" value={form.values.personId} onValue={(v) => form.set('personId', v)} error={form.error('personId')} options={view.accused.filter((a) => a.charged).map((a) => ({ value: a.id, label: a.displayName }))} />
      <SelectField label={t('prosecution.outcome')} name="outcome" value={form.values.outcome} onValue={(v) => form.set('outcome', v as Values['outcome'])} options={(['convicted', 'acquitted'] as const).map((o) => ({ value: o, label: t(`prosecution.outcomes.${o}`) }))} />
      <TextField label={t('prosecution.court')} name="court" required value={form.values.court} onValue={(v) => form.set('court', v)} error={form.error('court')} />
      <TextField label={t('prosecution.decidedAt')} name="decidedAt" type="datetime-local" required value={form.values.decidedAt} onValue={(v) => form.set('decidedAt', v)} error={form.error('decidedAt')} />
      {convicted ? (
        <div className="row">
          <TextField label={t('prosecution.years')} name="sentence.years" inputMode="numeric" value={form.values.years} onValue={(v) => form.set('years', v)} error={form.error('sentence.years', 'years')} />
          <TextField label={t('prosecution.months')} name="sentence.months" inputMode="numeric" value={form.values.months} onValue={(v) => form.set('months', v)} error={form.error('sentence.months', 'months')} />
          <TextField label={t('prosecution.fine')} name="fineRupees" inputMode="numeric" value={form.values.fine} onValue={(v) => form.set('fine', v)} error={form.error('fineRupees', 'fine')} />
        </div>
      ) : null}
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('prosecution.addVerdict')}
      </Button>
    </form>
  );
}
