import { useTranslation } from 'react-i18next';
import { hearingBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import { Button, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { addHearing } from '../api/prosecution.api.ts';
import { useProsecutionWrite } from '../hooks/use-prosecution.ts';

interface Values extends Record<string, unknown> {
  court: string;
  scheduledFor: string;
  purpose: string;
  outcome: string;
}
const toBody = (v: Values) => ({ court: v.court, scheduledFor: localInputToIso(v.scheduledFor), purpose: v.purpose, outcome: v.outcome.trim() ? v.outcome : undefined });

export function HearingForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const write = useProsecutionWrite(caseId, addHearing);
  const form = useZodForm(hearingBody, { court: '', scheduledFor: '', purpose: '', outcome: '' }, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="hearing-form">
      <FormError error={form.formError} />
      <TextField label={t('prosecution.court')} name="court" required value={form.values.court} onValue={(v) => form.set('court', v)} error={form.error('court')} />
      <TextField label={t('prosecution.scheduledFor')} name="scheduledFor" type="datetime-local" required value={form.values.scheduledFor} onValue={(v) => form.set('scheduledFor', v)} error={form.error('scheduledFor')} />
      <TextField label={t('prosecution.purpose')} name="purpose" required value={form.values.purpose} onValue={(v) => form.set('purpose', v)} error={form.error('purpose')} />
      <TextArea label={t('prosecution.outcome')} name="outcome" rows={2} value={form.values.outcome} onValue={(v) => form.set('outcome', v)} error={form.error('outcome')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('prosecution.addHearing')}
      </Button>
    </form>
  );
}
