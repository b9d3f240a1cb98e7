import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../platform/db/schema.ts';
import { PageHeader } from '../../../ui/index.ts';
import { useUser } from '../../../app/session.ts';
import { lazyNamed } from '../../../app/lazy.ts';

// One home per role: what that role does first thing in the morning.
const homes: Record<Role, ComponentType> = {
  investigator: lazyNamed(() => import('./InvestigatorHome.tsx'), 'InvestigatorHome'),
  supervisor: lazyNamed(() => import('./SupervisorHome.tsx'), 'SupervisorHome'),
  analyst: lazyNamed(() => import('./AnalystHome.tsx'), 'AnalystHome'),
  protection_officer: lazyNamed(() => import('./ProtectionHome.tsx'), 'ProtectionHome'),
  prosecutor: lazyNamed(() => import('./ProsecutorHome.tsx'), 'ProsecutorHome'),
  leadership: lazyNamed(() => import('./LeadershipHome.tsx'), 'LeadershipHome'),
  administrator: lazyNamed(() => import('./AdminHome.tsx'), 'AdminHome'),
  auditor: lazyNamed(() => import('./AuditorHome.tsx'), 'AuditorHome'),
};

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const Home = homes[user.role];
  return (
    <div className={`home home-${user.role}`} data-testid={`home-${user.role}`}>
      <PageHeader title={t('home.welcome', { name: user.displayName })} subtitle={t(`roles.${user.role}`)} />
      <Home />
    </div>
  );
}
