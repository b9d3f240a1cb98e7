import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mfaDisableBody, ownTokenBody } from '../../../../platform/auth/auth.schema.ts';
import { Alert, Badge, Button, Loading, PageHeader, Panel, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { TokenList } from '../../../app/TokenList.tsx';
import { FormError, QueryError } from '../../../app/FormError.tsx';
import { useRefreshSession, useUser } from '../../../app/session.ts';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { createOwnToken, disableMfa, fetchMfa, fetchOwnTokens, revokeOwnToken, type OwnCreatedToken } from '../api/account.api.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { MfaEnrol } from './MfaEnrol.tsx';

const mfaKey = ['account', 'mfa'] as const;
const tokensKey = ['account', 'tokens'] as const;

/** My account: password, second factor and (except for protection officers) my own API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div className="stack">
      <PageHeader title={t('account.title')} subtitle={t('account.intro')} />
      <div className="grid-2">
        <div className="stack">
          <Panel title={t('account.passwordTitle')}>
            <ChangePasswordForm />
          </Panel>
          <MfaPanel />
        </div>
        {user.role === 'protection_officer' ? (
          <Panel title={t('account.tokensTitle')}>
            <p className="muted">{t('account.noTokensForRole')}</p>
          </Panel>
        ) : (
          <OwnTokensPanel />
        )}
      </div>
    </div>
  );
}

function MfaPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: mfaKey, queryFn: fetchMfa });
  const [replacing, setReplacing] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: mfaKey });
  if (status.isPending) return <Loading label={t('common.loading')} />;
  if (status.error) return <QueryError error={status.error} />;
  const s = status.data;
  return (
    <Panel title={t('account.mfaTitle')} actions={s.enabled ? <Badge tone="success">{t('account.mfaEnabled')}</Badge> : <Badge tone="danger">{t('account.mfaDisabled')}</Badge>}>
      {s.enabled ? (
        <div className="stack">
          <p>{t('account.mfaSince', { date: f.date(s.enabledAt!), left: s.recoveryCodesLeft })}</p>
          {replacing ? (
            <MfaEnrol replacing onDone={() => { setReplacing(false); refresh(); }} />
          ) : (
            <Button onClick={() => setReplacing(true)}>{t('account.mfaReplace')}</Button>
          )}
          <DisableMfaForm required={s.required} onDone={refresh} />
        </div>
      ) : (
        <MfaEnrol onDone={refresh} />
      )}
    </Panel>
  );
}

function DisableMfaForm({ required, onDone }: { required: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const refreshSession = useRefreshSession();
  const form = useZodForm(mfaDisableBody, { password: '' });
  const onSubmit = form.handleSubmit(async (body) => {
    await disableMfa(body.password);
    form.reset();
    onDone();
    await refreshSession();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="mfa-disable-form">
      <h3>{t('account.mfaDisable')}</h3>
      {required ? <Alert kind="info">{t('account.mfaDisableRequired')}</Alert> : null}
      <FormError error={form.formError} />
      <TextField label={t('account.currentPassword')} name="password" type="password" autoComplete="current-password" required value={form.values.password} onValue={(v) => form.set('password', v)} error={form.error('password')} />
      <Button type="submit" variant="danger" busy={form.busy}>
        {t('account.mfaDisable')}
      </Button>
    </form>
  );
}

function OwnTokensPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: fetchOwnTokens });
  const [issued, setIssued] = useState<OwnCreatedToken | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: tokensKey });
  const form = useZodForm(ownTokenBody, { name: '', expiresAt: '' }, (v) => ({ name: v.name, expiresAt: v.expiresAt ? localInputToIso(v.expiresAt) : undefined }));
  const onSubmit = form.handleSubmit(async (body) => {
    setIssued(await createOwnToken(body));
    form.reset();
    refresh();
  });
  return (
    <Panel title={t('account.tokensTitle')}>
      <p className="muted">{t('account.tokensIntro')}</p>
      {issued ? (
        <Alert kind="warning">
          {t('admin.tokenOnce')}
          <div>
            <code dir="ltr" className="secret" data-testid="own-token">
              {issued.token}
            </code>
          </div>
        </Alert>
      ) : null}
      {tokens.error ? <QueryError error={tokens.error} /> : null}
      <TokenList items={tokens.data?.items} onRevoke={(id) => void revokeOwnToken(id).then(refresh)} />
      <h3>{t('account.createToken')}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormError error={form.formError} />
        <TextField label={t('admin.tokenName')} name="name" required value={form.values.name} onValue={(v) => form.set('name', v)} error={form.error('name')} />
        <TextField label={t('admin.expiresAt')} name="expiresAt" type="datetime-local" value={form.values.expiresAt} onValue={(v) => form.set('expiresAt', v)} error={form.error('expiresAt')} />
        <Button type="submit" busy={form.busy}>
          {t('account.createToken')}
        </Button>
      </form>
    </Panel>
  );
}
