import { useTranslation } from 'react-i18next';
import { Alert, Button, Progress } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { FormError } from '../../../app/FormError.tsx';
import type { ApiError } from '../../../app/api-client.ts';
import { useVerifyAudit } from '../hooks/use-audit.ts';
import { visibleText } from '../../../../platform/text/visible-text.ts';

/** Verifies the whole keyed chain and the signed checkpoints on the server and lists every bad entry. */
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
          <div className="small">{t('audit.checkpoints', { count: f.number(r.checkpoints.count) })}</div>
        </Alert>
      ) : null}
      {r && !r.ok ? (
        <Alert kind="error">
          {t('audit.broken', { count: r.problemCount })}
          <div className="small">{t('audit.checkpoints', { count: f.number(r.checkpoints.count) })}</div>
        </Alert>
      ) : null}
      {r && !r.ok ? (
        <div className="table-wrap">
          <table className="table" data-testid="audit-problems">
            <thead>
              <tr>
                <th scope="col">{t('audit.entry')}</th>
                <th scope="col">{t('audit.problem')}</th>
                <th scope="col">{t('common.details')}</th>
                <th scope="col">{t('audit.action')}</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p, i) => (
                <tr key={`${p.kind}-${p.seq ?? 'trail'}-${i}`} data-kind={p.kind}>
                  <td className="num">{p.seq === null ? t('audit.trail') : f.number(p.seq)}</td>
                  <td>{t(`audit.problems.${p.kind}`)}</td>
                  <td>
                    <bdi>{visibleText(p.detail)}</bdi>
                  </td>
                  <td>
                    {p.action ? (
                      <bdi>{`${visibleText(p.action)} · ${visibleText(p.actorName ?? '')} · ${p.at ? f.dateTime(p.at) : ''}`}</bdi>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.problemCount > r.problems.length ? <p className="muted small">{t('audit.more', { count: r.problemCount - r.problems.length })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
