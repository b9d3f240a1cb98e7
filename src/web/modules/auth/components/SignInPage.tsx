import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loginBody, mfaVerifyBody } from '../../../../platform/auth/auth.schema.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { useSession, useSignIn, useSignOut, useVerifyMfa } from '../../../app/session.ts';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  // A session whose password is done but whose code is not stays on this page for the second step.
  if (session.data && session.data.stage !== 'mfa_required') return <Navigate to={from} replace />;
  const done = () => navigate(from, { replace: true });

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
        {session.data?.stage === 'mfa_required' ? <CodeStep onDone={done} /> : <PasswordStep onDone={done} />}
        <p className="signin-notice">{t('signIn.notice')}</p>
      </div>
    </main>
  );
}

function PasswordStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useZodForm(loginBody, { username: '', password: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    const res = await signIn.mutateAsync(body);
    if (res.stage !== 'mfa_required') onDone();
  });
  const failed = form.formError && (form.formError.status === 401 || form.formError.status === 400);
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        {form.formError ? <Alert kind="error">{failed ? t('signIn.failed') : form.formError.code === 'network' ? t('errors.network') : form.formError.message}</Alert> : null}
        <TextField label={t('signIn.username')} name="username" autoComplete="username" required value={form.values.username} onValue={(v) => form.set('username', v)} error={form.error('username')} autoFocus />
        <TextField label={t('signIn.password')} name="password" type="password" autoComplete="current-password" required value={form.values.password} onValue={(v) => form.set('password', v)} error={form.error('password')} />
        <Button type="submit" variant="primary" busy={form.busy}>
          {form.busy ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </>
  );
}

/** The second step: the code from the authenticator app, or one of the recovery codes. */
function CodeStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyMfa();
  const signOut = useSignOut();
  const [recovery, setRecovery] = useState(false);
  const form = useZodForm(mfaVerifyBody, { code: '', recoveryCode: '' }, (v) => (recovery ? { recoveryCode: v.recoveryCode } : { code: v.code }));
  const onSubmit = form.handleSubmit(async (body) => {
    await verify.mutateAsync(body);
    onDone();
  });
  return (
    <>
      <h1>{t('signIn.codeTitle')}</h1>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate data-testid="mfa-step">
        {form.formError && !Object.keys(form.formError.fieldErrors).length ? <Alert kind="error">{form.formError.code === 'network' ? t('errors.network') : t('signIn.codeFailed')}</Alert> : null}
        {recovery ? (
          <TextField label={t('signIn.recoveryCode')} name="recoveryCode" autoComplete="off" dir="ltr" required value={form.values.recoveryCode} onValue={(v) => form.set('recoveryCode', v)} error={form.error('recoveryCode')} autoFocus />
        ) : (
          <TextField label={t('signIn.code')} name="code" inputMode="numeric" autoComplete="one-time-code" dir="ltr" required hint={t('signIn.codeHint')} value={form.values.code} onValue={(v) => form.set('code', v)} error={form.error('code')} autoFocus />
        )}
        <Button type="submit" variant="primary" busy={form.busy}>
          {t('signIn.verify')}
        </Button>
        <p>
          <button type="button" className="btn btn-link" onClick={() => { setRecovery(!recovery); form.reset(); }}>
            {recovery ? t('signIn.useCode') : t('signIn.useRecoveryCode')}
          </button>{' '}
          <button type="button" className="btn btn-link" onClick={() => signOut.mutate()}>
            {t('signIn.startOver')}
          </button>
        </p>
      </form>
    </>
  );
}
