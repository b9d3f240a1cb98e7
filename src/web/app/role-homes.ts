import type { Role } from '../../platform/db/schema.ts';
import { lazyNamed, type LazyScreen } from './lazy.ts';

// One home per role: what that role does first thing in the morning.
export const roleHomes: Record<Role, LazyScreen> = {
  investigator: lazyNamed(() => import('../modules/home/components/InvestigatorHome.tsx'), 'InvestigatorHome'),
  supervisor: lazyNamed(() => import('../modules/home/components/SupervisorHome.tsx'), 'SupervisorHome'),
  analyst: lazyNamed(() => import('../modules/home/components/AnalystHome.tsx'), 'AnalystHome'),
  protection_officer: lazyNamed(() => import('../modules/home/components/ProtectionHome.tsx'), 'ProtectionHome'),
  prosecutor: lazyNamed(() => import('../modules/home/components/ProsecutorHome.tsx'), 'ProsecutorHome'),
  leadership: lazyNamed(() => import('../modules/home/components/LeadershipHome.tsx'), 'LeadershipHome'),
  administrator: lazyNamed(() => import('../modules/home/components/AdminHome.tsx'), 'AdminHome'),
  auditor: lazyNamed(() => import('../modules/home/components/AuditorHome.tsx'), 'AuditorHome'),
};
