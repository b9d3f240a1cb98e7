import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import type { StatsSummary } from '../api/stats.api.ts';

/** Computed figures beside the ones published by the agency and the press, with their sources. */
export function PublishedComparison({ published }: { published: StatsSummary['published'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!published.nationalScope) return <p className="muted">{t('stats.notNational')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="published-table">
        <thead>
          <tr>
            <th scope="col">{t('stats.metric')}</th>
            <th scope="col">{t('stats.computed')}</th>
            <th scope="col">{t('stats.published')}</th>
            <th scope="col">{t('stats.source')}</th>
          </tr>
        </thead>
        <tbody>
          {published.comparison.map((c) => (
            <tr key={c.figure}>
              <td>
                {c.published.metric}
                <div className="muted small">{c.published.period}</div>
              </td>
              <td className="num">{f.number(c.computed)}</td>
              <td className="num">{f.number(c.published.value)}</td>
              <td className="small">
                {c.published.note}
                {c.published.sources.slice(0, 1).map((s) => (
                  <div key={s}>
                    <a href={s} rel="noreferrer noopener" target="_blank" dir="ltr">
                      {new URL(s).hostname}
                    </a>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
