import { lazyNamed, type LazyScreen } from './lazy.ts';

// Every screen is its own chunk: the sign-in page loads only the shell.
export const AccountPage = lazyNamed(() => import('../modules/account/components/AccountPage.tsx'), 'AccountPage');
export const HomePage = lazyNamed(() => import('../modules/home/components/HomePage.tsx'), 'HomePage');
export const CaseListPage = lazyNamed(() => import('../modules/cases/components/CaseListPage.tsx'), 'CaseListPage');
export const NewCasePage = lazyNamed(() => import('../modules/cases/components/NewCasePage.tsx'), 'NewCasePage');
export const CasePage = lazyNamed(() => import('../modules/cases/components/CasePage.tsx'), 'CasePage');
export const CaseOverview = lazyNamed(() => import('../modules/cases/components/CaseOverview.tsx'), 'CaseOverview');
export const CaseTimeline = lazyNamed(() => import('../modules/cases/components/CaseTimeline.tsx'), 'CaseTimeline');
export const CaseOperations = lazyNamed(() => import('../modules/operations/components/CaseOperations.tsx'), 'CaseOperations');
export const OperationPage = lazyNamed(() => import('../modules/operations/components/OperationPage.tsx'), 'OperationPage');
export const CaseEvidence = lazyNamed(() => import('../modules/evidence/components/CaseEvidence.tsx'), 'CaseEvidence');
export const EvidencePage = lazyNamed(() => import('../modules/evidence/components/EvidencePage.tsx'), 'EvidencePage');
export const CaseProsecution = lazyNamed(() => import('../modules/prosecution/components/CaseProsecution.tsx'), 'CaseProsecution');
export const CasePersons = lazyNamed(() => import('../modules/persons/components/CasePersons.tsx'), 'CasePersons');
export const PersonsPage = lazyNamed(() => import('../modules/persons/components/PersonsPage.tsx'), 'PersonsPage');
export const PersonPage = lazyNamed(() => import('../modules/persons/components/PersonPage.tsx'), 'PersonPage');
export const AuditPage = lazyNamed(() => import('../modules/audit/components/AuditPage.tsx'), 'AuditPage');
export const VictimsPage = lazyNamed(() => import('../modules/victims/components/VictimsPage.tsx'), 'VictimsPage');
export const VictimPage = lazyNamed(() => import('../modules/victims/components/VictimPage.tsx'), 'VictimPage');
export const AdminLayout = lazyNamed(() => import('../modules/admin/components/AdminLayout.tsx'), 'AdminLayout');
export const UsersPage = lazyNamed(() => import('../modules/admin/components/UsersPage.tsx'), 'UsersPage');
export const UserPage = lazyNamed(() => import('../modules/admin/components/UserPage.tsx'), 'UserPage');
export const BranchesPage = lazyNamed(() => import('../modules/admin/components/BranchesPage.tsx'), 'BranchesPage');
export const TeamsPage = lazyNamed(() => import('../modules/admin/components/TeamsPage.tsx'), 'TeamsPage');
export const HashSetsPage = lazyNamed(() => import('../modules/hashsets/components/HashSetsPage.tsx'), 'HashSetsPage');
export const ImportBundlePage = lazyNamed(() => import('../modules/bundles/components/ImportBundlePage.tsx'), 'ImportBundlePage');
export const NotificationsPage = lazyNamed(() => import('../modules/notifications/components/NotificationsPage.tsx'), 'NotificationsPage');
export const AlertsPage = lazyNamed(() => import('../modules/deconfliction/components/AlertsPage.tsx'), 'AlertsPage');
export const CaseMedia = lazyNamed(() => import('../modules/media/components/CaseMedia.tsx'), 'CaseMedia');
export const CaseEntities = lazyNamed(() => import('../modules/entities/components/CaseEntities.tsx'), 'CaseEntities');
export const EntityPage = lazyNamed(() => import('../modules/entities/components/EntityPage.tsx'), 'EntityPage');
export const GraphPage = lazyNamed(() => import('../modules/graph/components/GraphPage.tsx'), 'GraphPage');
export const TakedownsPage = lazyNamed(() => import('../modules/takedowns/components/TakedownsPage.tsx'), 'TakedownsPage');
export const TakedownPage = lazyNamed(() => import('../modules/takedowns/components/TakedownPage.tsx'), 'TakedownPage');
export const LegalRequestsPage = lazyNamed(() => import('../modules/legal-requests/components/LegalRequestsPage.tsx'), 'LegalRequestsPage');
export const LegalRequestPage = lazyNamed(() => import('../modules/legal-requests/components/LegalRequestPage.tsx'), 'LegalRequestPage');

// Corrections (issue 10): the case's corrections and warrants tabs, the offence catalogue for administrators.
export const CaseCorrections = lazyNamed(() => import('../modules/corrections/components/CaseCorrections.tsx'), 'CaseCorrections');
export const CaseWarrants = lazyNamed(() => import('../modules/corrections/components/CaseWarrants.tsx'), 'CaseWarrants');
export const OffencesPage = lazyNamed(() => import('../modules/corrections/components/OffencesPage.tsx'), 'OffencesPage');
export const CaseDocuments = lazyNamed(() => import('../modules/documents/components/CaseDocuments.tsx'), 'CaseDocuments');
// The case's takedowns and legal-requests tabs (issue 11).
export const CaseTakedowns = lazyNamed(() => import('../modules/cases/components/CaseTakedowns.tsx'), 'CaseTakedowns');
export const CaseLegalRequests = lazyNamed(() => import('../modules/cases/components/CaseLegalRequests.tsx'), 'CaseLegalRequests');

// The chunks each URL needs, fetched at start-up alongside the session check rather than after it.
const routeChunks: Array<[RegExp, LazyScreen[]]> = [
  [/^\/$/, [HomePage]],
  [/^\/cases\/?$/, [CaseListPage]],
  [/^\/cases\/new$/, [NewCasePage]],
  [/^\/cases\/[^/]+\/?$/, [CasePage, CaseOverview]],
  [/^\/cases\/[^/]+\/timeline$/, [CasePage, CaseTimeline]],
  [/^\/cases\/[^/]+\/persons$/, [CasePage, CasePersons]],
  [/^\/cases\/[^/]+\/operations$/, [CasePage, CaseOperations]],
  [/^\/cases\/[^/]+\/evidence$/, [CasePage, CaseEvidence]],
  [/^\/cases\/[^/]+\/prosecution$/, [CasePage, CaseProsecution]],
  [/^\/cases\/[^/]+\/media$/, [CasePage, CaseMedia]],
  [/^\/cases\/[^/]+\/entities$/, [CasePage, CaseEntities]],
  [/^\/cases\/[^/]+\/warrants$/, [CasePage, CaseWarrants]],
  [/^\/cases\/[^/]+\/corrections$/, [CasePage, CaseCorrections]],
  [/^\/cases\/[^/]+\/takedowns$/, [CasePage, CaseTakedowns]],
  [/^\/cases\/[^/]+\/legal-requests$/, [CasePage, CaseLegalRequests]],
  [/^\/offences/, [OffencesPage]],
  [/^\/cases\/[^/]+\/documents$/, [CasePage, CaseDocuments]],
  [/^\/entities\//, [EntityPage]],
  [/^\/operations\//, [OperationPage]],
  [/^\/evidence\//, [EvidencePage]],
  [/^\/persons\/?$/, [PersonsPage]],
  [/^\/persons\//, [PersonPage]],
  [/^\/victims\/?$/, [VictimsPage]],
  [/^\/victims\//, [VictimPage]],
  [/^\/admin/, [AdminLayout, UsersPage]],
  [/^\/audit/, [AuditPage]],
  [/^\/hash-sets/, [HashSetsPage]],
  [/^\/import/, [ImportBundlePage]],
  [/^\/notifications/, [NotificationsPage]],
  [/^\/takedowns\/?$/, [TakedownsPage]],
  [/^\/takedowns\//, [TakedownPage]],
  [/^\/legal-requests\/?$/, [LegalRequestsPage]],
  [/^\/legal-requests\//, [LegalRequestPage]],
  [/^\/deconfliction/, [AlertsPage]],
  [/^\/graph/, [GraphPage]],
];

export function preloadRoute(pathname: string): Promise<unknown> {
  const screens = routeChunks.filter(([pattern]) => pattern.test(pathname)).flatMap(([, list]) => list);
  return Promise.all(screens.map((s) => s.preload().catch(() => undefined)));
}

/** The screens most days start with, fetched when the browser is idle. */
export function preloadCommonScreens(): void {
  for (const s of [CaseListPage, CasePage, CaseOverview]) void s.preload().catch(() => undefined);
}
export const SuggestionsPage = lazyNamed(() => import('../modules/resolution/components/SuggestionsPage.tsx'), 'SuggestionsPage');
export const OfficesPage = lazyNamed(() => import('../modules/offices/OfficesPage.tsx'), 'OfficesPage');
export const TipQueuePage = lazyNamed(() => import('../modules/tips/components/TipQueuePage.tsx'), 'TipQueuePage');
export const TipPage = lazyNamed(() => import('../modules/tips/components/TipPage.tsx'), 'TipPage');
export const TipRulesPage = lazyNamed(() => import('../modules/tips/components/TipRulesPage.tsx'), 'TipRulesPage');
export const TipKeysPage = lazyNamed(() => import('../modules/tips/components/TipKeysPage.tsx'), 'TipKeysPage');
export const PublicReportPage = lazyNamed(() => import('../modules/tips/components/PublicReportPage.tsx'), 'PublicReportPage');
export const DashboardPage = lazyNamed(() => import('../modules/dashboard/DashboardPage.tsx'), 'DashboardPage');
export const PlanningPage = lazyNamed(() => import('../modules/planning/PlanningPage.tsx'), 'PlanningPage');
