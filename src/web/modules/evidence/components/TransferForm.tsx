import { useTranslation } from 'react-i18next';
import { transferBody } from '../../../../modules/evidence/evidence.schema.ts';
import { Button, SelectField, TextArea } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useTransferEvidence } from '../hooks/use-evidence.ts';

/** Hand-over to someone who can see the case: the case team is offered. */
export function TransferForm({ evidenceId, people }: { evidenceId: string; people: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const transfer = useTransferEvidence(evidenceId);
  const form = useZodForm(transferBody, { toUserId: '', reason: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await transfer.mutateAsync(body);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="transfer-form">
      <FormError error={form.formError} />
      <SelectField label={t('evidence.toUser')} name="toUserId" required placeholder="—" value={form.values.toUserId} onValue={(v) => form.set('toUserId', v)} error={form.error('toUserId')} options={people.map((p) => ({ value: p.id, label: p.name }))} />
      <TextArea label={t('common.reason')} name="reason" required rows={2} value={form.values.reason} onValue={(v) => form.set('reason', v)} error={form.error('reason')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('evidence.transfer')}
      </Button>
    </form>
  );
}
