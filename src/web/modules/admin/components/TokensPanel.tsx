import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../../modules/admin/admin.schema.ts';
import { Alert, Badge, Button, Empty, Panel, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso, useFormat } from '../../../i18n/format.ts';
import { createToken, revokeToken, type CreatedToken } from '../api/admin.api.ts';
import { useRefreshAdmin, useTokens } from '../hooks/use-admin.ts';

/**
 * A user's API tokens, each revocable. Only a service account is issued tokens here (the secret is shown
 * once); people create their own under My account.
 */
export function TokensPanel({ userId, canIssue }: { userId: string; canIssue: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tokens = useTokens(userId);
  const refresh = useRefreshAdmin();
  const [issued, setIssued] = useState<CreatedToken | null>(null);
  const form = useIssueForm();
  const onSubmit = form.handleSubmit(async (body) => {
    setIssued(await createToken(userId, body));
    form.reset();
    refresh();
  });
  return (
    <Panel title={t('admin.tokens')}>
      {issued ? (
        <Alert kind="warning">
          {t('admin.tokenOnce')}
          <div>
            <code dir="ltr" className="secret">
              {issued.token}
            </code>
          </div>
        </Alert>
      ) : null}
      {tokens.data?.items.length === 0 ? <Empty>{t('common.none')}</Empty> : null}
      <ul className="plain">
        {tokens.data?.items.map((tk) => (
          <li key={tk.id}>
            <strong>{tk.name}</strong> {tk.active ? <Badge tone="success">{t('admin.active')}</Badge> : <Badge>{t('admin.revoked')}</Badge>}
            <div className="muted small">
              {f.date(tk.createdAt)}
              {tk.expiresAt ? ` → ${f.date(tk.expiresAt)}` : ''}
            </div>
            {tk.active ? (
              <Button variant="link" onClick={() => void revokeToken(userId, tk.id).then(refresh)}>
                {t('admin.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canIssue ? null : <p className="muted">{t('admin.tokensOwnOnly', { count: tokens.data?.items.filter((x) => x.active).length ?? 0 })}</p>}
      {canIssue ? <IssueForm form={form} onSubmit={onSubmit} /> : null}
    </Panel>
  );
}

function IssueForm({ form, onSubmit }: { form: ReturnType<typeof useIssueForm>; onSubmit: (e: React.FormEvent) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('admin.issueToken')}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormError error={form.formError} />
        <TextField label={t('admin.tokenName')} name="name" required value={form.values.name} onValue={(v) => form.set('name', v)} error={form.error('name')} />
        <TextField label={t('admin.expiresAt')} name="expiresAt" type="datetime-local" value={form.values.expiresAt} onValue={(v) => form.set('expiresAt', v)} error={form.error('expiresAt')} />
        <Button type="submit" busy={form.busy}>
          {t('admin.issueToken')}
        </Button>
      </form>
    </>
  );
}

function useIssueForm() {
  return useZodForm(createTokenBody, { name: '', expiresAt: '' }, (v) => ({ name: v.name, expiresAt: v.expiresAt ? localInputToIso(v.expiresAt) : undefined }));
}
