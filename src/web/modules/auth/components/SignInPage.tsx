import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loginBody } from '../../../../platform/auth/auth.schema.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { useSession, useSignIn } from '../../../app/session.ts';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const form = useZodForm(loginBody, { username: '', password: '' });

  if (session.data) return <Navigate to={from} replace />;

  const onSubmit = form.handleSubmit(async (body) => {
    await signIn.mutateAsync(body);
    navigate(from, { replace: true });
  });
  const failed = form.formError && (form.formError.status === 401 || form.formError.status === 400);

  return (
    <main id="main" className="signin">
      <div className="signin-card">
        <div className="signin-top">
          <p className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span> <span className="brand-name">{t('app.name')}</span>
          </p>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('app.tagline')}</p>
        <h1>{t('signIn.title')}</h1>
        <form ref={form.formRef} onSubmit={onSubmit} noValidate>
          {form.formError ? <Alert kind="error">{failed ? t('signIn.failed') : form.formError.code === 'network' ? t('errors.network') : form.formError.message}</Alert> : null}
          <TextField label={t('signIn.username')} name="username" autoComplete="username" required value={form.values.username} onValue={(v) => form.set('username', v)} error={form.error('username')} autoFocus />
          <TextField label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required value={form.values.password} onValue={(v) => form.set('password', v)} error={form.error('password')} />
          <Button type="submit" variant="primary" busy={form.busy}>
            {form.busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
        <p className="signin-notice">{t('signIn.notice')}</p>
      </div>
    </main>
  );
}
