import { useTranslation } from 'react-i18next';
import { planOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { Button, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { usePlanOperation } from '../hooks/use-operations.ts';

interface Values extends Record<string, unknown> {
  name: string;
  plannedFor: string;
  place: string;
  agencies: string;
  notes: string;
}
const toBody = (v: Values) => ({
  name: v.name,
  plannedFor: localInputToIso(v.plannedFor),
  place: v.place,
  agencies: v.agencies.split('\n').map((a) => a.trim()).filter(Boolean),
  notes: v.notes,
});

export function PlanOperationForm({ caseId, onPlanned }: { caseId: string; onPlanned?: (id: string) => void }) {
  const { t } = useTranslation();
  const plan = usePlanOperation(caseId);
  const form = useZodForm(planOperationBody, { name: '', plannedFor: '', place: '', agencies: '', notes: '' }, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    const op = await plan.mutateAsync(body);
    form.reset();
    onPlanned?.(op.id);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="plan-operation-form">
      <FormError error={form.formError} />
      <TextField label={t('operations.name')} name="name" required value={form.values.name} onValue={(v) => form.set('name', v)} error={form.error('name')} />
      <TextField label={t('operations.plannedFor')} name="plannedFor" type="datetime-local" required value={form.values.plannedFor} onValue={(v) => form.set('plannedFor', v)} error={form.error('plannedFor')} />
      <TextField label={t('operations.place')} name="place" required value={form.values.place} onValue={(v) => form.set('place', v)} error={form.error('place')} />
      <TextArea label={t('operations.agencies')} hint={t('operations.agenciesHint')} name="agencies" rows={3} value={form.values.agencies} onValue={(v) => form.set('agencies', v)} error={form.error('agencies')} />
      <TextArea label={t('operations.notes')} name="notes" rows={3} value={form.values.notes} onValue={(v) => form.set('notes', v)} error={form.error('notes')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('operations.plan')}
      </Button>
    </form>
  );
}
