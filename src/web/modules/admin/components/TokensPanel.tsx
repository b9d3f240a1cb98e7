import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTokenBody } from '../../../../modules/admin/admin.schema.ts';
import { Alert, Button, Panel, TextField } from '../../../ui/index.ts';
import { useZodForm } from '../../../app/use-zod-form.ts';
import { TokenList } from '../../../app/TokenList.tsx';
import { FormError } from '../../../app/FormError.tsx';
import { localInputToIso } from '../../../i18n/format.ts';
import { createToken, revokeToken, type CreatedToken } from '../api/admin.api.ts';
import { useRefreshAdmin, useTokens } from '../hooks/use-admin.ts';

/**
 * A user's API tokens, each revocable. Only a service account is issued tokens here (the secret is shown
 * once); people create their own under My account.
 */
export function TokensPanel({ userId, canIssue }: { userId: string; canIssue: boolean }) {
  const { t } = useTranslation();
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
      <TokenList items={tokens.data?.items} onRevoke={(id) => void revokeToken(userId, id).then(refresh)} />
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
