import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, PageHeader } from '../../../ui/index.ts';

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('admin.title')} subtitle={t('admin.intro')} />
      <nav className="subnav" aria-label={t('admin.sections')}>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t('admin.users')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/branches">{t('admin.branches')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/teams">{t('admin.teams')}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/offices">{t('offices.title')}</NavLink>
          </li>
        </ul>
      </nav>
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Outlet />
      </Suspense>
    </>
  );
}
