import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import type { CaseSummary } from '../api/cases.api.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

export function CaseTable({ cases, caption, compact = false }: { cases: CaseSummary[]; caption: string; compact?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="case-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.fir')}</th>
            <th scope="col">{t('cases.caseTitle')}</th>
            <th scope="col">{t('cases.status')}</th>
            <th scope="col">{t('cases.district')}</th>
            {compact ? null : <th scope="col">{t('cases.offences')}</th>}
            <th scope="col">{t('cases.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id} data-testid="case-row">
              <td className="nowrap">{c.firLabel ? <bdi>{c.firLabel}</bdi> : <span className="muted">{t('cases.noFir')}</span>}</td>
              <td>
                <Link to={`/cases/${c.id}`}>{c.title}</Link>
              </td>
              <td>
                <CaseStatusBadge status={c.status} />
              </td>
              <td>{c.district}</td>
              {compact ? null : (
                <td className="codes">
                  {c.offenceCodes.map((o) => (
                    <code key={o}>{o}</code>
                  ))}
                </td>
              )}
              <td className="nowrap">{f.date(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
