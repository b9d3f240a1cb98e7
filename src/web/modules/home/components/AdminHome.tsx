import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { userRoles } from '../../../../modules/admin/admin.schema.ts';
import { useQueries } from '@tanstack/react-query';
import { Panel, Stat } from '../../../ui/index.ts';
import { useFormat } from '../../../i18n/format.ts';
import { fetchUsers } from '../../admin/api/admin.api.ts';

/** Users per role at a glance; the administrator sees no case content. */
export function AdminHome() {
  const { t } = useTranslation();
  const f = useFormat();
  const counts = useQueries({ queries: userRoles.map((role) => ({ queryKey: ['admin', 'users', 'count', role], queryFn: () => fetchUsers({ role, limit: 1 }) })) });
  return (
    <Panel title={t('home.users')} actions={<Link className="btn btn-primary" to="/admin">{t('admin.title')}</Link>}>
      <div className="stats-row" data-testid="users-by-role">
        {userRoles.map((r, i) => (
          <Stat key={r} label={t(`roles.${r}`)} value={f.number(counts[i].data?.total ?? 0)} />
        ))}
      </div>
      <p>
        <Link to="/admin/branches">{t('admin.branches')}</Link> · <Link to="/admin/teams">{t('admin.teams')}</Link>
      </p>
    </Panel>
  );
}
