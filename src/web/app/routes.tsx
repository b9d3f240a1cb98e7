import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '../../platform/access/permissions.ts';
import { SignInPage } from '../modules/auth/components/SignInPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFound, RequirePermission, RequireSignIn } from './guards.tsx';
import {
  AdminLayout, AuditPage, BranchesPage, CaseEvidence, CaseListPage, CaseMedia, CaseOperations, CaseOverview, CasePage, CasePersons, CaseProsecution,
  CaseTimeline, EvidencePage, HashSetsPage, HomePage, NewCasePage, OperationPage, PersonPage, PersonsPage, TeamsPage, UserPage, UsersPage, VictimPage,
  VictimsPage, ImportBundlePage, AccountPage, CaseEntities, EntityPage, NotificationsPage, AlertsPage, GraphPage, SuggestionsPage,
  TakedownsPage, TakedownPage, LegalRequestsPage, LegalRequestPage,
  CaseDocuments,
  OfficesPage,
} from './screens.ts';
import { CaseCorrections, CaseWarrants, OffencesPage } from './screens.ts';
import { PublicReportPage, TipKeysPage, TipPage, TipQueuePage, TipRulesPage } from './screens.ts';
import { CaseLegalRequests, CaseTakedowns } from './screens.ts';
import { DashboardPage, PlanningPage } from './screens.ts';

function guard(permission: Permission, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/report" element={<PublicReportPage />} />
      <Route
        element={
          <RequireSignIn>
            <Layout />
          </RequireSignIn>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="cases" element={guard('case.read', <CaseListPage />)} />
        <Route path="cases/new" element={guard('case.create', <NewCasePage />)} />
        <Route path="cases/:id" element={guard('case.read', <CasePage />)}>
          <Route index element={<CaseOverview />} />
          <Route path="timeline" element={<CaseTimeline />} />
          <Route path="persons" element={guard('person.read', <CasePersons />)} />
          <Route path="operations" element={<CaseOperations />} />
          <Route path="evidence" element={<CaseEvidence />} />
          <Route path="prosecution" element={<CaseProsecution />} />
          <Route path="media" element={guard('media.read', <CaseMedia />)} />
          <Route path="entities" element={guard('graph.read', <CaseEntities />)} />
          <Route path="warrants" element={<CaseWarrants />} />
          <Route path="corrections" element={<CaseCorrections />} />
          <Route path="documents" element={guard('document.read', <CaseDocuments />)} />
          <Route path="takedowns" element={<CaseTakedowns />} />
          <Route path="legal-requests" element={<CaseLegalRequests />} />
        </Route>
        <Route path="persons" element={guard('person.read', <PersonsPage />)} />
        <Route path="persons/:id" element={guard('person.read', <PersonPage />)} />
        <Route path="person-suggestions" element={guard('person.read', <SuggestionsPage />)} />
        <Route path="entities/:id" element={guard('graph.read', <EntityPage />)} />
        <Route path="graph" element={guard('graph.read', <GraphPage />)} />
        <Route path="operations/:id" element={guard('case.read', <OperationPage />)} />
        <Route path="evidence/:id" element={guard('case.read', <EvidencePage />)} />
        <Route path="victims" element={guard('victim.identity.read', <VictimsPage />)} />
        <Route path="victims/:id" element={guard('victim.read', <VictimPage />)} />
        <Route path="admin" element={guard('admin.users', <AdminLayout />)}>
          <Route index element={<UsersPage />} />
          <Route path="users/:id" element={<UserPage />} />
          <Route path="branches" element={<BranchesPage />} />
          <Route path="teams" element={<TeamsPage />} />
          <Route path="offices" element={guard('branch.manage', <OfficesPage />)} />
        </Route>
        <Route path="offences" element={guard('offence.write', <OffencesPage />)} />
        <Route path="hash-sets" element={guard('hashset.write', <HashSetsPage />)} />
        <Route path="import" element={guard('import.case', <ImportBundlePage />)} />
        <Route path="audit" element={guard('audit.read', <AuditPage />)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="deconfliction" element={guard('entity.write', <AlertsPage />)} />
        <Route path="takedowns" element={guard('case.read', <TakedownsPage />)} />
        <Route path="takedowns/:id" element={guard('case.read', <TakedownPage />)} />
        <Route path="legal-requests" element={guard('case.read', <LegalRequestsPage />)} />
        <Route path="legal-requests/:id" element={guard('case.read', <LegalRequestPage />)} />
        <Route path="tips" element={guard('tip.read', <TipQueuePage />)} />
        <Route path="tips/:id" element={guard('tip.read', <TipPage />)} />
        <Route path="tip-rules" element={guard('tip.read', <TipRulesPage />)} />
        <Route path="tip-keys" element={guard('tip.keys', <TipKeysPage />)} />
        <Route path="dashboard" element={guard('dashboard.read', <DashboardPage />)} />
        <Route path="planning" element={guard('planning.read', <PlanningPage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
