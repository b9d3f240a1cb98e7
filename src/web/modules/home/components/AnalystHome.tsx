import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCaseList } from '../../cases/hooks/use-cases.ts';
import { CaseTable } from '../../cases/components/CaseTable.tsx';

export function AnalystHome() {
  const { t } = useTranslation();
  const cases = useCaseList({ limit: 15, offset: 0 });
  return (
    <Panel title={t('home.allCases')}>
      <p className="muted">{t('home.analystIntro')}</p>
      {cases.isPending ? <Loading label={t('common.loading')} /> : null}
      {cases.error ? <QueryError error={cases.error} /> : null}
      {cases.data ? <CaseTable cases={cases.data.items} caption={t('home.allCases')} /> : null}
      <p>
        <Link to="/cases">{t('home.allCases')}</Link>
      </p>
    </Panel>
  );
}
