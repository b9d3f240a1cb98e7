import { Suspense } from 'react';
import { NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading, PageHeader } from '../../../ui/index.ts';
import { QueryError } from '../../../app/FormError.tsx';
import { useCan } from '../../../app/session.ts';
import { ShowInGraphLink } from '../../../app/ShowInGraphLink.tsx';
import type { CaseDetail } from '../api/cases.api.ts';
import { useCase } from '../hooks/use-cases.ts';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';
import { exportUrl } from '../../bundles/api/bundles.api.ts';

const sections = [
  { to: '', key: 'overview', permission: null },
  { to: 'timeline', key: 'timeline', permission: null },
  { to: 'persons', key: 'persons', permission: 'person.read' },
  { to: 'operations', key: 'operations', permission: null },
  { to: 'evidence', key: 'evidence', permission: null },
  { to: 'prosecution', key: 'prosecution', permission: null },
  { to: 'media', key: 'media', permission: 'media.read' },
  { to: 'entities', key: 'entities', permission: 'graph.read' },
  { to: 'warrants', key: 'warrants', permission: null },
  { to: 'corrections', key: 'corrections', permission: null },
  { to: 'documents', key: 'documents', permission: 'document.read' },
  { to: 'takedowns', key: 'takedowns', permission: null },
  { to: 'legal-requests', key: 'legalRequests', permission: null },
] as const;

export function useCaseOutlet(): CaseDetail {
  return useOutletContext<CaseDetail>();
}

export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const detail = useCase(id);
  if (detail.isPending) return <Loading label={t('common.loading')} />;
  if (detail.error) return <QueryError error={detail.error} />;
  const c = detail.data;
  return (
    <article className="case-page" aria-label={c.title}>
      <PageHeader
        title={c.title}
        actions={
          <>
            <ShowInGraphLink node={`case:${c.id}`} />
            {can('export.case') ? (
              <a className="btn btn-secondary" href={exportUrl(c.id)} download>
                {t('bundles.export')}
              </a>
            ) : null}
          </>
        }
        subtitle={
          <>
            <CaseStatusBadge status={c.status} /> <bdi>{c.firLabel ?? t('cases.noFir')}</bdi> · {c.district}, {c.province}
          </>
        }
      />
      <nav className="subnav" aria-label={t('casePage.sections')}>
        <ul>
          {sections
            .filter((s) => s.permission === null || can(s.permission))
            .map((s) => (
              <li key={s.key}>
                <NavLink to={s.to} end={s.to === ''}>
                  {t(`casePage.${s.key}`)}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Outlet context={c} />
      </Suspense>
    </article>
  );
}
