import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../platform/access/permissions.ts';
import { Alert, Loading, PageHeader } from '../ui/index.ts';
import { useCan, useSession } from './session.ts';
import { ChangePasswordForm } from '../modules/account/components/ChangePasswordForm.tsx';
import { MfaEnrol } from '../modules/account/components/MfaEnrol.tsx';
import { SignInStep } from '../modules/account/components/SignInStep.tsx';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <Loading label={t('common.loading')} />;
  if (error) return <Alert kind="error">{t('errors.network')}</Alert>;
  if (!data || data.stage === 'mfa_required') return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  // A sign-in with a step left shows that step and nothing else (the API refuses everything else anyway).
  if (data.stage === 'password_change_required') return <SignInStep><ChangePasswordForm forced /></SignInStep>;
  if (data.stage === 'enrol_required') return <SignInStep><MfaEnrol forced /></SignInStep>;
  return <>{children}</>;
}

/** Pages a role may not use are refused in the browser too (the API refuses them anyway). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan()(permission);
  if (!allowed) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  const { data } = useSession();
  return (
    <div className="refusal" data-testid="forbidden">
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert kind="error">{t('errors.forbiddenBody', { role: data ? t(`roles.${data.role}`) : '' })}</Alert>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="refusal">
      <PageHeader title={t('errors.notFoundTitle')} />
      <p>{t('errors.notFoundBody')}</p>
    </div>
  );
}
