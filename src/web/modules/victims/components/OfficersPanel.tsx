import { useTranslation } from 'react-i18next';
import { assignBody } from '../../../../modules/victims/victim.schema.ts';
import { Alert, Button, Empty, Panel, SelectField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useStaff } from '../../staff/hooks/use-staff.ts';
import { assignOfficer, type VictimDetail } from '../api/victims.api.ts';
import { useVictimWrite, useWithdrawOfficer } from '../hooks/use-victims.ts';

/** The branch supervisor assigns a protection officer from the staff directory, or withdraws an assignment. */
export function OfficersPanel({ v }: { v: VictimDetail }) {
  const { t } = useTranslation();
  const staff = useStaff({ role: 'protection_officer' });
  const assign = useVictimWrite(v.id, assignOfficer);
  const withdraw = useWithdrawOfficer(v.id);
  const form = useZodForm(assignBody, { userId: '' });
  const available = (staff.data?.items ?? []).filter((s) => !v.assignedOfficers.some((o) => o.userId === s.id));
  const onSubmit = form.handleSubmit(async (body) => {
    await assign.mutateAsync(body);
    form.reset();
  });
  const withdrawError = withdraw.error as ApiError | null;
  return (
    <Panel title={t('victims.officers')}>
      {v.assignedOfficers.length === 0 ? (
        <Empty>{t('victims.noOfficers')}</Empty>
      ) : (
        <ul className="plain" data-testid="assigned-officers">
          {v.assignedOfficers.map((o) => (
            <li key={o.userId} className="button-row">
              <bdi>{o.displayName}</bdi>
              <Button variant="link" busy={withdraw.isPending && withdraw.variables === o.userId} onClick={() => withdraw.mutate(o.userId)}>
                {t('victims.withdrawOfficer')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {withdrawError ? <Alert kind="error">{t('errors.generic', { message: withdrawError.message })}</Alert> : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="assign-officer-form">
        <FormError error={form.formError} />
        {staff.error ? <Alert kind="error">{t('casePage.teamEdit.staffError')}</Alert> : null}
        <SelectField
          label={t('victims.assignOfficer')}
          name="userId"
          required
          value={form.values.userId}
          onValue={(val) => form.set('userId', val)}
          error={form.error('userId')}
          placeholder={staff.isPending ? t('common.loading') : t('casePage.teamEdit.choose')}
          options={available.map((s) => ({ value: s.id, label: s.displayName }))}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('victims.assign')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
