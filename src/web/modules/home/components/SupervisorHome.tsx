import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, Panel, Stat } from '../../../ui/index.ts';
import { useUser } from '../../../app/session.ts';
import { useFormat } from '../../../i18n/format.ts';
import { useCaseList } from '../../cases/hooks/use-cases.ts';
import { CaseTable } from '../../cases/components/CaseTable.tsx';
import { useBranches } from '../../reference/hooks/use-reference.ts';
import { useStatusCounts } from '../hooks/use-status-counts.ts';
import { useTasks } from '../hooks/use-tasks.ts';
import { CountChart } from './StatusChart.tsx';
import { TaskList } from './TaskList.tsx';
import { useStatsSummary } from '../../stats/hooks/use-stats.ts';
import { HeadlineFigures } from '../../stats/components/HeadlineFigures.tsx';
import { SafeguardingPanel } from '../../victims/components/SafeguardingPanel.tsx';

export function SupervisorHome() {
  const { t } = useTranslation();
  const f = useFormat();
  const user = useUser();
  const branch = useBranches().data?.find((b) => b.id === user.branchId);
  const { counts, loading, total, totalExact } = useStatusCounts();
  // A count that reached the server's bound is "more than": shown with a plus.
  const shown = (c?: { count: number; exact: boolean }) => (c ? `${f.number(c.count)}${c.exact ? '' : '+'}` : f.number(0));
  const recent = useCaseList({ limit: 50, offset: 0 });
  const { tasks, loading: tasksLoading } = useTasks(recent.data?.items, 'supervisor');
  const stats = useStatsSummary();
  return (
    <div className="stack">
      <Panel title={`${t('home.branchOverview')}${branch ? ` — ${branch.district}` : ''}`}>
        <div className="stats-row" data-testid="branch-figures">
          <Stat label={t('home.allCases')} value={`${f.number(total)}${totalExact ? '' : '+'}`} />
          <Stat label={t('caseStatus.under_investigation')} value={shown(counts.find((c) => c.status === 'under_investigation'))} />
          <Stat label={t('home.awaitingApproval')} value={f.number(tasks.length)} />
          <Stat label={t('caseStatus.convicted')} value={shown(counts.find((c) => c.status === 'convicted'))} />
        </div>
      </Panel>
      <SafeguardingPanel />
      {stats.data ? (
        <Panel title={t('home.figures')}>
          <HeadlineFigures s={stats.data} />
        </Panel>
      ) : null}
      <div className="grid-2">
        <Panel title={t('home.casesByStatus')}>{loading ? <Loading label={t('common.loading')} /> : <CountChart caption={t('home.casesByStatus')} data={counts.map((c) => ({ label: t(`caseStatus.${c.status}`), count: c.count }))} />}</Panel>
        <Panel title={t('home.awaitingApproval')}>
          <TaskList tasks={tasks} loading={tasksLoading || recent.isPending} />
        </Panel>
      </div>
      <Panel title={t('home.allCases')} actions={<Link to="/cases">{t('home.allCases')}</Link>}>
        {recent.data ? <CaseTable cases={recent.data.items.slice(0, 8)} caption={t('home.allCases')} compact /> : <Loading label={t('common.loading')} />}
      </Panel>
    </div>
  );
}
