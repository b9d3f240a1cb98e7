import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { createVictimBody } from '../../../../modules/victims/victim.schema.ts';
import { Button, SelectField, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { createVictim } from '../api/victims.api.ts';

interface Values extends Record<string, unknown> {
  gender: string;
  age: string;
  identifiedAt: string;
  fullName: string;
  guardianName: string;
}
const opt = (s: string) => (s.trim() ? s : undefined);
const toBody = (v: Values) => {
  const identity = { fullName: opt(v.fullName), guardianName: opt(v.guardianName) };
  return {
    gender: opt(v.gender),
    ageAtIdentification: v.age.trim() ? Number(v.age) : undefined,
    identifiedAt: v.identifiedAt ? localInputToIso(v.identifiedAt) : undefined,
    identity: identity.fullName || identity.guardianName ? identity : undefined,
  };
};

/** Registers a child on the case: a pseudonym is issued; an identity typed here is stored encrypted and never shown back. */
export function NewVictimForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useZodForm(createVictimBody, { gender: '', age: '', identifiedAt: '', fullName: '', guardianName: '' } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await createVictim(caseId, body);
    void qc.invalidateQueries({ queryKey: ['persons', 'case', caseId] });
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="victim-form" autoComplete="off">
      <FormError error={form.formError} />
      <div className="row">
        <SelectField label={t('persons.gender')} name="gender" value={form.values.gender} placeholder="—" onValue={(v) => form.set('gender', v)} error={form.error('gender')} options={(['female', 'male', 'other', 'unknown'] as const).map((g) => ({ value: g, label: t(`persons.genders.${g}`) }))} />
        <TextField label={t('victims.age')} name="ageAtIdentification" inputMode="numeric" value={form.values.age} onValue={(v) => form.set('age', v)} error={form.error('ageAtIdentification', 'age')} />
      </div>
      <TextField label={t('victims.identifiedAt')} name="identifiedAt" type="datetime-local" value={form.values.identifiedAt} onValue={(v) => form.set('identifiedAt', v)} error={form.error('identifiedAt')} />
      <p className="muted small">{t('victims.identityWriteOnly')}</p>
      <TextField label={t('victims.fields.fullName')} name="identity.fullName" value={form.values.fullName} onValue={(v) => form.set('fullName', v)} error={form.error('identity.fullName', 'fullName')} />
      <TextField label={t('victims.fields.guardianName')} name="identity.guardianName" value={form.values.guardianName} onValue={(v) => form.set('guardianName', v)} error={form.error('identity.guardianName', 'guardianName')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('victims.register')}
      </Button>
    </form>
  );
}
