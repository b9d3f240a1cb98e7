import { useTranslation } from 'react-i18next';
import { transitionBody } from '../../../../modules/victims/victim.schema.ts';
import { Button, Dialog, TextArea } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { transitionVictim, type VictimState } from '../api/victims.api.ts';
import { useVictimWrite } from '../hooks/use-victims.ts';

export function VictimTransitionDialog({ victimId, to, onClose }: { victimId: string; to: VictimState; onClose: () => void }) {
  const { t } = useTranslation();
  const write = useVictimWrite(victimId, transitionVictim);
  const form = useZodForm(transitionBody, { to, reason: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await write.mutateAsync(body);
    onClose();
  });
  return (
    <Dialog open title={t('victims.moveTo', { state: t(`victims.states.${to}`) })} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormError error={form.formError} />
        <TextArea label={t('common.reason')} name="reason" required rows={3} value={form.values.reason} onValue={(v) => form.set('reason', v)} error={form.error('reason')} autoFocus />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('casePage.transition.confirm')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
