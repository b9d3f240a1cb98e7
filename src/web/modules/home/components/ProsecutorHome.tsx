import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Loading, Panel } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCaseList } from '../../cases/hooks/use-cases.ts';
import { CaseTable } from '../../cases/components/CaseTable.tsx';
import { useTasks } from '../hooks/use-tasks.ts';
import { TaskList } from './TaskList.tsx';

export function ProsecutorHome() {
  const { t } = useTranslation();
  const cases = useCaseList({ limit: 50, offset: 0 });
  const { tasks, loading } = useTasks(cases.data?.items, 'prosecutor');
  return (
    <div className="grid-2 wide-first">
      <Panel title={t('home.myCases')}>
        <p className="muted">{t('home.prosecutorIntro')}</p>
        {cases.isPending ? <Loading label={t('common.loading')} /> : null}
        {cases.error ? <QueryError error={cases.error} /> : null}
        {cases.data?.items.length === 0 ? <Empty>{t('cases.empty')}</Empty> : null}
        {cases.data && cases.data.items.length > 0 ? <CaseTable cases={cases.data.items.slice(0, 10)} caption={t('home.myCases')} compact /> : null}
        <p>
          <Link to="/cases">{t('home.allCases')}</Link>
        </p>
      </Panel>
      <Panel title={t('home.myTasks')}>
        <TaskList tasks={tasks} loading={loading || cases.isPending} />
      </Panel>
    </div>
  );
}
