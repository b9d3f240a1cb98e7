import { useTranslation } from 'react-i18next';
import { Alert, Button, Progress } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { FormError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useVerifyAudit } from '../hooks/use-audit.ts';

/** Verifies the whole hash chain on the server and names the first bad entry, if any. */
export function VerifyPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <div className="stack" data-testid="audit-verify">
      <p className="muted">{t('audit.verifyIntro')}</p>
      <Button variant="primary" busy={verify.isPending} onClick={() => verify.mutate(undefined)}>
        {t('audit.verify')}
      </Button>
      {verify.isPending ? <Progress label={t('audit.verifying')} done={0} total={null} /> : null}
      <FormError error={verify.error as ApiError | null} />
      {r && r.ok ? (
        <Alert kind="success">
          {t('audit.valid', { count: r.entries, entries: f.number(r.entries) })}
          <div className="small">
            {t('audit.head')}: <code dir="ltr">#{r.headSeq} {r.headHash}</code>
          </div>
        </Alert>
      ) : null}
      {r && !r.ok && r.firstBad ? (
        <Alert kind="error">
          {t('audit.broken', { seq: f.number(r.firstBad.seq), problem: t(`audit.problems.${r.firstBad.problem}`) })}
          {r.firstBad.action ? <div className="small">{`${r.firstBad.action} · ${r.firstBad.actorName ?? ''} · ${f.dateTime(r.firstBad.at)}`}</div> : null}
        </Alert>
      ) : null}
    </div>
  );
}
