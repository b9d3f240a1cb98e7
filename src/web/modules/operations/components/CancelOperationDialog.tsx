import { useTranslation } from 'react-i18next';
import { cancelOperationBody } from '../../../../modules/operations/operation.schema.ts';
import { Button, Dialog, TextArea } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useOperationAction } from '../hooks/use-operations.ts';

export function CancelOperationDialog({ operationId, onClose }: { operationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { cancel } = useOperationAction(operationId);
  const form = useZodForm(cancelOperationBody, { reason: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await cancel.mutateAsync(body.reason);
    onClose();
  });
  return (
    <Dialog open title={t('operations.cancelTitle')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormError error={form.formError} />
        <TextArea label={t('common.reason')} name="reason" required value={form.values.reason} onValue={(v) => form.set('reason', v)} error={form.error('reason')} rows={3} autoFocus />
        <div className="form-actions">
          <Button type="submit" variant="danger" busy={form.busy}>
            {t('operations.cancel')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
