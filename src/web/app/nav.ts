import type { Permission } from '../../platform/access/permissions.ts';

// The main navigation: an item appears only when the signed-in role holds its permission.
export interface NavItem {
  to: string;
  labelKey: string;
  permission: Permission | null;
}

export const navItems: NavItem[] = [
  { to: '/', labelKey: 'nav.home', permission: null },
  { to: '/cases', labelKey: 'nav.cases', permission: 'case.read' },
  { to: '/persons', labelKey: 'nav.persons', permission: 'person.read' },
  { to: '/graph', labelKey: 'nav.graph', permission: 'graph.read' },
  { to: '/person-suggestions', labelKey: 'nav.suggestions', permission: 'person.merge' },
  { to: '/victims', labelKey: 'nav.victims', permission: 'victim.identity.read' },
  { to: '/hash-sets', labelKey: 'nav.hashSets', permission: 'hashset.write' },
  { to: '/import', labelKey: 'nav.importCase', permission: 'import.case' },
  { to: '/deconfliction', labelKey: 'nav.deconfliction', permission: 'entity.write' },
  { to: '/takedowns', labelKey: 'takedowns.nav', permission: 'case.read' },
  { to: '/legal-requests', labelKey: 'legalRequests.nav', permission: 'case.read' },
  { to: '/tips', labelKey: 'nav.tips', permission: 'tip.read' },
  { to: '/tip-keys', labelKey: 'nav.tipKeys', permission: 'tip.keys' },
  { to: '/admin', labelKey: 'nav.admin', permission: 'admin.users' },
  { to: '/offences', labelKey: 'nav.offences', permission: 'offence.write' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { to: '/dashboard', labelKey: 'nav.dashboard', permission: 'dashboard.read' },
  { to: '/planning', labelKey: 'nav.planning', permission: 'planning.read' },
];
