import { useTranslation } from 'react-i18next';
import { chargeBody } from '../../../../modules/prosecution/prosecution.schema.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { addCharge, type ProsecutionView } from '../api/prosecution.api.ts';
import { useProsecutionWrite } from '../hooks/use-prosecution.ts';

interface Values extends Record<string, unknown> {
  personId: string;
  offenceCode: string;
  court: string;
  framedAt: string;
}
const toBody = (v: Values) => ({ ...v, framedAt: localInputToIso(v.framedAt) });

export function ChargeForm({ caseId, view, offenceCodes }: { caseId: string; view: ProsecutionView; offenceCodes: string[] }) {
  const { t } = useTranslation();
  const write = useProsecutionWrite(caseId, addCharge);
  const form = useZodForm(chargeBody, { personId: '', offenceCode: offenceCodes[0] ?? '', court: '', framedAt: '' }, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="charge-form">
      <FormError error={form.formError} />
      <SelectField label={t('prosecution.person')} name="personId" required placeholder="—" value={form.values.personId} onValue={(v) => form.set('personId', v)} error={form.error('personId')} options={view.accused.map((a) => ({ value: a.id, label: a.displayName }))} />
      <SelectField label={t('prosecution.offence')} name="offenceCode" required value={form.values.offenceCode} onValue={(v) => form.set('offenceCode', v)} error={form.error('offenceCode')} options={offenceCodes.map((c) => ({ value: c, label: c }))} />
      <TextField label={t('prosecution.court')} name="court" required value={form.values.court} onValue={(v) => form.set('court', v)} error={form.error('court')} />
      <TextField label={t('prosecution.framedAt')} name="framedAt" type="datetime-local" required value={form.values.framedAt} onValue={(v) => form.set('framedAt', v)} error={form.error('framedAt')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('prosecution.addCharge')}
      </Button>
    </form>
  );
}
