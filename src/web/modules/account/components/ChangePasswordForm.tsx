import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordChangeBody } from '../../../../platform/auth/auth.schema.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { useRefreshSession } from '../../../app/session.ts';
import { changePassword } from '../api/account.api.ts';

/** Change my own password; `forced` after an administrator's reset (nothing else is possible until done). */
export function ChangePasswordForm({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const refreshSession = useRefreshSession();
  const [done, setDone] = useState(false);
  const form = useZodForm(passwordChangeBody, { currentPassword: '', newPassword: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await changePassword(body);
    form.reset();
    setDone(true);
    await refreshSession();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="change-password-form">
      {forced ? (
        <>
          <h1>{t('account.changePasswordTitle')}</h1>
          <Alert kind="warning">{t('account.mustChangePassword')}</Alert>
        </>
      ) : null}
      {done && !forced ? <Alert kind="success">{t('account.passwordChanged')}</Alert> : null}
      <FormError error={form.formError} />
      <TextField label={t('account.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required value={form.values.currentPassword} onValue={(v) => form.set('currentPassword', v)} error={form.error('currentPassword')} />
      <TextField label={t('account.newPassword')} name="newPassword" type="password" autoComplete="new-password" required hint={t('account.passwordRules')} value={form.values.newPassword} onValue={(v) => form.set('newPassword', v)} error={form.error('newPassword')} />
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('account.changePassword')}
      </Button>
    </form>
  );
}
