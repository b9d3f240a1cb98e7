import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, Loading } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import type { Task } from '../hooks/use-tasks.ts';

const keys: Record<Task['kind'], string> = {
  registerFir: 'home.taskRegisterFir',
  submitChallan: 'home.taskSubmitChallan',
  execute: 'home.taskExecute',
  approve: 'home.taskApprove',
  trial: 'home.taskTrial',
};

export function TaskList({ tasks, loading }: { tasks: Task[]; loading: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (tasks.length === 0) return loading ? <Loading label={t('common.loading')} /> : <Empty>{t('home.noTasks')}</Empty>;
  return (
    <ul className="tasks" data-testid="tasks">
      {tasks.map((task) => (
        <li key={task.key}>
          <Link to={task.to}>{t(keys[task.kind], task.params)}</Link>
          <span className="muted small"> · {f.date(task.when)}</span>
        </li>
      ))}
    </ul>
  );
}
