import { useTranslation } from 'react-i18next';
import { createUserBody } from '../../../../modules/admin/admin.schema.ts';
import { Button, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { createUser, type UserRole } from '../api/admin.api.ts';
import { useRefreshAdmin } from '../hooks/use-admin.ts';
import { RoleBranchFields } from './UserFormFields.tsx';

interface Values extends Record<string, unknown> {
  username: string;
  displayName: string;
  role: UserRole;
  branchId: string;
  password: string;
  serviceAccount: boolean;
}
const toBody = (v: Values) => ({
  username: v.username,
  displayName: v.displayName,
  role: v.role,
  branchId: v.role === 'investigator' || v.role === 'supervisor' ? (v.branchId ? Number(v.branchId) : null) : null,
  ...(v.serviceAccount ? { serviceAccount: true } : { password: v.password }),
});

export function NewUserForm({ onCreated }: { onCreated?: (id: string) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshAdmin();
  const form = useZodForm(createUserBody, { username: '', displayName: '', role: 'investigator', branchId: '', password: '', serviceAccount: false } as Values, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    const u = await createUser(body);
    refresh();
    form.reset();
    onCreated?.(u.id);
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="new-user-form" autoComplete="off">
      <FormError error={form.formError} />
      <TextField label={t('admin.username')} name="username" required dir="ltr" value={form.values.username} onValue={(v) => form.set('username', v)} error={form.error('username')} />
      <TextField label={t('admin.displayName')} name="displayName" required value={form.values.displayName} onValue={(v) => form.set('displayName', v)} error={form.error('displayName')} />
      <RoleBranchFields role={form.values.role} branchId={form.values.branchId} onRole={(v) => form.set('role', v as UserRole)} onBranch={(v) => form.set('branchId', v)} roleError={form.error('role')} branchError={form.error('branchId')} />
      <label className="check">
        <input type="checkbox" name="serviceAccount" checked={form.values.serviceAccount} onChange={(e) => form.set('serviceAccount', e.target.checked)} /> <span>{t('admin.serviceAccountCreate')}</span>
      </label>
      {form.values.serviceAccount ? null : (
        <TextField label={t('admin.initialPassword')} name="password" type="password" autoComplete="new-password" required value={form.values.password} onValue={(v) => form.set('password', v)} error={form.error('password')} />
      )}
      <Button type="submit" variant="primary" busy={form.busy}>
        {t('admin.createUser')}
      </Button>
    </form>
  );
}
