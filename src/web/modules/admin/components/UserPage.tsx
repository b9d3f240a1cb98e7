import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { resetPasswordBody, updateUserBody } from '../../../../modules/admin/admin.schema.ts';
import { Alert, Badge, Button, Loading, Panel, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { resetMfa, resetPassword, updateUser, type AdminUser, type UserRole } from '../api/admin.api.ts';
import { useState } from 'react';
import { useAdminUser, useRefreshAdmin } from '../hooks/use-admin.ts';
import { RoleBranchFields } from './UserFormFields.tsx';
import { TokensPanel } from './TokensPanel.tsx';

export function UserPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useAdminUser(id);
  if (user.isPending) return <Loading label={t('common.loading')} />;
  if (user.error) return <QueryError error={user.error} />;
  const u = user.data;
  return (
    <div className="grid-2">
      <div className="stack">
        <Panel
          title={u.displayName}
          actions={
            <>
              {u.disabled ? <Badge tone="danger">{t('admin.disabled')}</Badge> : <Badge tone="success">{t('admin.active')}</Badge>}
              {u.serviceAccount ? <Badge>{t('admin.serviceAccount')}</Badge> : null}
              {u.lockedUntil ? <Badge tone="danger">{t('admin.locked')}</Badge> : null}
              {u.mustChangePassword ? <Badge tone="warning">{t('admin.mustChange')}</Badge> : null}
            </>
          }
        >
          <EditUserForm key={`${u.role}-${u.branchId}-${u.disabled}-${u.displayName}`} user={u} />
        </Panel>
        {u.serviceAccount ? null : (
          <>
            <Panel title={t('admin.resetPassword')}>
              <PasswordForm userId={u.id} />
            </Panel>
            <Panel title={t('admin.mfa')}>
              <ResetMfa user={u} />
            </Panel>
          </>
        )}
      </div>
      <TokensPanel userId={u.id} canIssue={u.serviceAccount} />
    </div>
  );
}

interface EditValues extends Record<string, unknown> {
  displayName: string;
  role: UserRole;
  branchId: string;
  disabled: boolean;
}

function EditUserForm({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const refresh = useRefreshAdmin();
  // Only what changed is sent; the schema refuses an empty change.
  const toBody = (v: EditValues) => {
    const branchId = v.role === 'investigator' || v.role === 'supervisor' ? (v.branchId ? Number(v.branchId) : null) : null;
    return {
      ...(v.displayName !== user.displayName ? { displayName: v.displayName } : {}),
      ...(v.role !== user.role ? { role: v.role } : {}),
      ...(branchId !== user.branchId ? { branchId } : {}),
      ...(v.disabled !== user.disabled ? { disabled: v.disabled } : {}),
    };
  };
  const form = useZodForm(updateUserBody, { displayName: user.displayName, role: user.role, branchId: user.branchId ? String(user.branchId) : '', disabled: user.disabled } as EditValues, toBody);
  const onSubmit = form.handleSubmit(async (body) => {
    await updateUser(user.id, body);
    refresh();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="edit-user-form">
      <FormError error={form.formError} />
      <p className="muted">
        <bdi>{user.username}</bdi>
      </p>
      <TextField label={t('admin.displayName')} name="displayName" required value={form.values.displayName} onValue={(v) => form.set('displayName', v)} error={form.error('displayName')} />
      <RoleBranchFields role={form.values.role} branchId={form.values.branchId} onRole={(v) => form.set('role', v as UserRole)} onBranch={(v) => form.set('branchId', v)} roleError={form.error('role')} branchError={form.error('branchId')} />
      <label className="check">
        <input type="checkbox" name="disabled" checked={form.values.disabled} onChange={(e) => form.set('disabled', e.target.checked)} /> <span>{t('admin.disableUser')}</span>
      </label>
      <Button type="submit" variant="primary" busy={form.busy} disabled={!form.valid}>
        {t('common.save')}
      </Button>
    </form>
  );
}

/** Lost phone: the user's second factor is switched off and they enrol again at the next sign-in (audited). */
function ResetMfa({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const refresh = useRefreshAdmin();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="stack" data-testid="reset-mfa">
      <p>{user.mfaEnabled ? t('admin.mfaOn') : t('admin.mfaOff')}</p>
      {done ? <Alert kind="success">{t('admin.mfaResetDone')}</Alert> : null}
      {user.mfaEnabled ? (
        <Button
          variant="danger"
          busy={busy}
          onClick={() => {
            setBusy(true);
            void resetMfa(user.id)
              .then(() => {
                setDone(true);
                refresh();
              })
              .finally(() => setBusy(false));
          }}
        >
          {t('admin.mfaReset')}
        </Button>
      ) : null}
    </div>
  );
}

function PasswordForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const form = useZodForm(resetPasswordBody, { password: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await resetPassword(userId, body.password);
    form.reset();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="password-form" autoComplete="off">
      <FormError error={form.formError} />
      <Alert kind="info">{t('admin.resetNotice')}</Alert>
      <TextField label={t('admin.newPassword')} name="password" type="password" autoComplete="new-password" required value={form.values.password} onValue={(v) => form.set('password', v)} error={form.error('password')} />
      <Button type="submit" busy={form.busy}>
        {t('admin.resetPassword')}
      </Button>
    </form>
  );
}
