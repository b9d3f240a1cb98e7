import { useTranslation } from 'react-i18next';
import { Stat } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { StatsSummary } from '../api/stats.api.ts';

/** The figures a briefing opens with, computed from the records. */
export function HeadlineFigures({ s }: { s: StatsSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const y = s.convictions.sentenceYears;
  return (
    <div className="stats-row" data-testid="headline-figures">
      <Stat label={t('stats.firs')} value={f.number(s.firs.childExploitation)} note={t('stats.ofAll', { all: f.number(s.firs.all) })} />
      <Stat label={t('stats.arrests')} value={f.number(s.arrests.childExploitation)} note={t('stats.ofAll', { all: f.number(s.arrests.all) })} />
      <Stat label={t('stats.convicted')} value={f.number(s.convictions.persons)} note={y.min !== null ? t('stats.sentenceRange', { min: f.number(y.min), max: f.number(y.max) }) : undefined} />
      <Stat label={t('stats.identified')} value={f.number(s.children.identified)} />
      <Stat label={t('stats.rescued')} value={f.number(s.children.rescued)} />
      <Stat label={t('stats.inCare')} value={f.number(s.children.inCare)} />
    </div>
  );
}
