import { useTranslation } from 'react-i18next';
import { createEvidenceBody, evidenceKinds } from '../../../../modules/evidence/evidence.schema.ts';
import { Button, SelectField, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { useCreateEvidence } from '../hooks/use-evidence.ts';

type Kind = (typeof evidenceKinds)[number];
interface Values extends Record<string, unknown> {
  label: string;
  kind: Kind;
  description: string;
  seizedAt: string;
}
const toBody = (v: Values) => ({ label: v.label, kind: v.kind, description: v.description, seizedAt: v.seizedAt ? localInputToIso(v.seizedAt) : undefined });

export function AddEvidenceForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const create = useCreateEvidence(caseId);
  const form = useZodForm(createEvidenceBody, { label: '', kind: 'phone', description: '', seizedAt: '' } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await create.mutateAsync(body);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="evidence-form">
      <FormError error={form.formError} />
      <TextField label={t('evidence.label')} name="label" required value={form.values.label} onValue={(v) => form.set('label', v)} error={form.error('label')} />
      <SelectField label={t('evidence.kind')} name="kind" value={form.values.kind} onValue={(v) => form.set('kind', v as Kind)} options={evidenceKinds.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))} />
      <TextArea label={t('evidence.description')} name="description" rows={3} value={form.values.description} onValue={(v) => form.set('description', v)} error={form.error('description')} />
      <TextField label={t('evidence.seizedAt')} name="seizedAt" type="datetime-local" value={form.values.seizedAt} onValue={(v) => form.set('seizedAt', v)} error={form.error('seizedAt')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('evidence.add')}
      </Button>
    </form>
  );
}
