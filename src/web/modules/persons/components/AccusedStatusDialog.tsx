import { useTranslation } from 'react-i18next';
import { accusedStatusBody } from '../../../../modules/persons/person.schema.ts';
import { Button, Dialog, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { useAccusedStatus } from '../hooks/use-persons.ts';
import type { CasePerson } from '../api/persons.api.ts';

type Status = CasePerson['allowedNextStatuses'][number];
interface Values extends Record<string, unknown> {
  to: Status;
  reason: string;
  at: string;
  place: string;
}
const toBody = (v: Values) => ({ to: v.to, reason: v.reason, at: v.at ? localInputToIso(v.at) : undefined, place: v.to === 'arrested' && v.place.trim() ? v.place : undefined });

export function AccusedStatusDialog({ caseId, person, to, onClose }: { caseId: string; person: CasePerson; to: Status; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useAccusedStatus(caseId, person.personId);
  const form = useZodForm(accusedStatusBody, { to, reason: '', at: '', place: '' } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await move.mutateAsync(body);
    onClose();
  });
  return (
    <Dialog open title={t('persons.moveAccused', { name: person.displayName, status: t(`accusedStatus.${to}`) })} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormError error={form.formError} />
        <TextArea label={t('common.reason')} name="reason" required rows={3} value={form.values.reason} onValue={(v) => form.set('reason', v)} error={form.error('reason')} autoFocus />
        <TextField label={t('common.when')} name="at" type="datetime-local" value={form.values.at} onValue={(v) => form.set('at', v)} error={form.error('at')} />
        {to === 'arrested' ? <TextField label={t('operations.place')} name="place" value={form.values.place} onValue={(v) => form.set('place', v)} error={form.error('place')} /> : null}
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
