import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';
import { Button } from '../../../ui/index.ts';
import type { StatsSummary } from '../api/stats.api.ts';

type Figure = StatsSummary['published']['figures'][number];

/** A source as an officer cites it: publisher, headline, date, address. */
function Citations({ figure }: { figure: Figure }) {
  const f = useFormat();
  return (
    <ul className="plain-list small" data-testid="citations">
      {figure.citations.map((c) => (
        <li key={c.url}>
          <cite>
            {/* Publisher and headline as written (left to right), isolated from the Urdu around them. */}
            <bdi dir="ltr">
              {c.publisher}
              {/* A headline in quotation marks; a title the catalogue supplies (in square brackets) as it is. */}
              {c.title ? (c.title.startsWith('[') ? `, ${c.title}` : `, “${c.title}”`) : ''}
            </bdi>
            {c.publishedOn ? <>{', '}<time dateTime={c.publishedOn}>{f.date(`${c.publishedOn}T12:00:00Z`)}</time></> : null}
          </cite>{' '}
          <a href={c.url} rel="noreferrer noopener" target="_blank" dir="ltr">
            {new URL(c.url).hostname.replace(/^www\./, '')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The period a published figure covers, in words. */
function usePeriod() {
  const { t } = useTranslation();
  const f = useFormat();
  return (p: Figure) => (p.covers ? (p.covers.from === null ? t('words.asOf', { date: f.date(`${p.covers.to}T12:00:00Z`) }) : p.covers.from === p.covers.to ? f.date(`${p.covers.to}T12:00:00Z`) : `${f.date(`${p.covers.from}T12:00:00Z`)} – ${f.date(`${p.covers.to}T12:00:00Z`)}`) : p.period);
}

/**
 * Computed figures beside published ones only for the same period and the whole country; the published
 * figures are always listed on their own, each with its citation.
 */
export function PublishedComparison({ published, onUsePeriod }: { published: StatsSummary['published']; onUsePeriod?: (to: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const period = usePeriod();
  const asOf = published.figures.find((p) => p.covers && p.covers.from === null)?.covers?.to ?? null;
  return (
    <div className="stack">
      {published.comparison.length ? (
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
                    {t(`words.figures.${c.figure}`, { defaultValue: c.published.metric })}
                    <div className="muted small">{period(c.published)}</div>
                  </td>
                  <td className="num">{f.number(c.computed)}</td>
                  <td className="num">{f.number(c.published.value)}</td>
                  <td>
                    <Citations figure={c.published} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted" data-testid="no-comparison">
          {!published.nationalScope ? t('stats.notNational') : asOf ? t('words.otherPeriod', { date: f.date(`${asOf}T12:00:00Z`) }) : t('words.noPublishedPeriod')}{' '}
          {published.nationalScope && asOf && onUsePeriod ? (
            <Button variant="link" onClick={() => onUsePeriod(asOf)}>
              {t('words.usePublishedPeriod')}
            </Button>
          ) : null}
        </p>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="published-figures">
          <caption>{t('words.publishedFigures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.metric')}</th>
              <th scope="col">{t('words.periodCol')}</th>
              <th scope="col">{t('stats.published')}</th>
              <th scope="col">{t('stats.source')}</th>
            </tr>
          </thead>
          <tbody>
            {published.figures.map((p) => (
              <tr key={`${p.period}-${p.metric}`}>
                <td>
                  <bdi>{p.metric}</bdi>
                </td>
                <td className="small">{period(p)}</td>
                <td className="num">{f.number(p.value)}</td>
                <td>
                  <Citations figure={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
