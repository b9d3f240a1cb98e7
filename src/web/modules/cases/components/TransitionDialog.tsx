import { useTranslation } from 'react-i18next';
import { transitionBody } from '../../../../modules/cases/case.schema.ts';
import type { CaseStatus } from '../../../../modules/cases/case.lifecycle.ts';
import { Button, Dialog, TextArea, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { useTransitionCase } from '../hooks/use-cases.ts';

interface Values extends Record<string, unknown> {
  to: CaseStatus;
  reason: string;
  firNumber: string;
  at: string;
}

const toBody = (v: Values) => ({
  to: v.to,
  reason: v.reason,
  // Typed as a number (77) or as the app shows it (77/2025, FIR 77/2025): the server reads both.
  firNumber: v.to === 'fir_registered' ? (v.firNumber.trim() === '' ? undefined : /^\d+$/.test(v.firNumber.trim()) ? Number(v.firNumber.trim()) : v.firNumber.trim()) : undefined,
  at: v.at ? localInputToIso(v.at) : undefined,
});

/** The reason dialog behind every status button; the FIR number is asked for when the FIR is registered. */
export function TransitionDialog({ caseId, to, onClose }: { caseId: string; to: CaseStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const move = useTransitionCase(caseId);
  const form = useZodForm(transitionBody, { to, reason: '', firNumber: '', at: '' }, toBody);
  const status = t(`caseStatus.${to}`);
  const onSubmit = form.handleSubmit(async (body) => {
    await move.mutateAsync(body);
    onClose();
  });
  return (
    <Dialog open title={t('casePage.transition.title', { status })} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="transition-form">
        <FormError error={form.formError} />
        {to === 'fir_registered' ? (
          <TextField label={t('casePage.transition.firNumber')} name="firNumber" required hint={t('words.firHint')} dir="ltr" value={form.values.firNumber} onValue={(v) => form.set('firNumber', v)} error={form.error('firNumber')} />
        ) : null}
        <TextArea label={t('casePage.transition.reason')} name="reason" required hint={t('casePage.transition.reasonHint')} value={form.values.reason} onValue={(v) => form.set('reason', v)} error={form.error('reason')} rows={3} autoFocus />
        <TextField label={t('casePage.transition.at')} name="at" type="datetime-local" value={form.values.at} onValue={(v) => form.set('at', v)} error={form.error('at')} />
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
