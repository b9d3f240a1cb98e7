import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mfaConfirmBody } from '../../../../platform/auth/auth.schema.ts';
import { Alert, Button, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { ApiError } from '../../../app/api-client.ts';
import { useRefreshSession } from '../../../app/session.ts';
import { confirmMfa, startMfa, type MfaEnrolment } from '../api/account.api.ts';

/**
 * Enrol an authenticator app: scan the QR code (or type the secret), enter the first code, store the
 * recovery codes shown this once. `forced` when MFA is required and the account has none yet;
 * `replacing` when a second factor is on already (the password is asked again).
 */
export function MfaEnrol({ forced = false, replacing = false, onDone }: { forced?: boolean; replacing?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const refreshSession = useRefreshSession();
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [password, setPassword] = useState('');
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const form = useZodForm(mfaConfirmBody, { code: '' });

  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      setEnrolment(await startMfa(replacing ? password : undefined));
    } catch (err) {
      setStartError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    } finally {
      setStarting(false);
    }
  };
  const onConfirm = form.handleSubmit(async (body) => {
    const res = await confirmMfa(body.code);
    setCodes(res.recoveryCodes);
  });
  const finish = async () => {
    onDone?.();
    await refreshSession();
  };

  return (
    <div className="stack" data-testid="mfa-enrol">
      {forced ? (
        <>
          <h1>{t('account.mfaTitle')}</h1>
          <Alert kind="warning">{t('account.mfaRequiredNotice')}</Alert>
        </>
      ) : null}
      {!enrolment ? (
        <div className="form">
          <p>{t('account.mfaIntro')}</p>
          <FormError error={startError} />
          {replacing ? (
            <TextField label={t('account.currentPassword')} name="password" type="password" autoComplete="current-password" required value={password} onValue={setPassword} error={startError?.fieldErrors.password} />
          ) : null}
          <Button variant="primary" busy={starting} onClick={() => void start()}>
            {replacing ? t('account.mfaReplace') : t('account.mfaStart')}
          </Button>
        </div>
      ) : codes ? (
        <div className="stack">
          <Alert kind="success">{t('account.mfaOn')}</Alert>
          <Alert kind="warning">{t('account.recoveryOnce')}</Alert>
          <ol className="recovery-codes" dir="ltr" data-testid="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <Button variant="primary" onClick={() => void finish()}>
            {t('account.recoveryStored')}
          </Button>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={onConfirm} noValidate className="form">
          <p>{t('account.mfaScan')}</p>
          <img src={enrolment.qrDataUrl} alt={t('account.qrAlt')} width={200} height={200} className="qr" />
          <p>{t('account.mfaManual')}</p>
          <p>
            <code dir="ltr" className="secret" data-testid="mfa-secret">
              {enrolment.secret}
            </code>
          </p>
          <FormError error={form.formError} />
          <TextField label={t('account.code')} name="code" inputMode="numeric" autoComplete="one-time-code" dir="ltr" required value={form.values.code} onValue={(v) => form.set('code', v)} error={form.error('code')} />
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('account.mfaConfirm')}
          </Button>
        </form>
      )}
    </div>
  );
}
