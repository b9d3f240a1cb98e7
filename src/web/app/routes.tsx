import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '../../platform/access/permissions.ts';
import { SignInPage } from '../modules/auth/components/SignInPage.tsx';
import { Layout } from './Layout.tsx';
import { NotFound, RequirePermission, RequireSignIn } from './guards.tsx';
import { lazyNamed } from './lazy.ts';

// Every screen is its own chunk: the sign-in page loads only the shell.
const HomePage = lazyNamed(() => import('../modules/home/components/HomePage.tsx'), 'HomePage');
const CaseListPage = lazyNamed(() => import('../modules/cases/components/CaseListPage.tsx'), 'CaseListPage');
const NewCasePage = lazyNamed(() => import('../modules/cases/components/NewCasePage.tsx'), 'NewCasePage');
const CasePage = lazyNamed(() => import('../modules/cases/components/CasePage.tsx'), 'CasePage');
const CaseOverview = lazyNamed(() => import('../modules/cases/components/CaseOverview.tsx'), 'CaseOverview');
const CaseTimeline = lazyNamed(() => import('../modules/cases/components/CaseTimeline.tsx'), 'CaseTimeline');
const CaseOperations = lazyNamed(() => import('../modules/operations/components/CaseOperations.tsx'), 'CaseOperations');
const OperationPage = lazyNamed(() => import('../modules/operations/components/OperationPage.tsx'), 'OperationPage');
const CaseEvidence = lazyNamed(() => import('../modules/evidence/components/CaseEvidence.tsx'), 'CaseEvidence');
const EvidencePage = lazyNamed(() => import('../modules/evidence/components/EvidencePage.tsx'), 'EvidencePage');
const CaseProsecution = lazyNamed(() => import('../modules/prosecution/components/CaseProsecution.tsx'), 'CaseProsecution');
const CasePersons = lazyNamed(() => import('../modules/persons/components/CasePersons.tsx'), 'CasePersons');
const PersonsPage = lazyNamed(() => import('../modules/persons/components/PersonsPage.tsx'), 'PersonsPage');
const PersonPage = lazyNamed(() => import('../modules/persons/components/PersonPage.tsx'), 'PersonPage');
const AuditPage = lazyNamed(() => import('../modules/audit/components/AuditPage.tsx'), 'AuditPage');
const VictimsPage = lazyNamed(() => import('../modules/victims/components/VictimsPage.tsx'), 'VictimsPage');
const VictimPage = lazyNamed(() => import('../modules/victims/components/VictimPage.tsx'), 'VictimPage');
const AdminLayout = lazyNamed(() => import('../modules/admin/components/AdminLayout.tsx'), 'AdminLayout');
const UsersPage = lazyNamed(() => import('../modules/admin/components/UsersPage.tsx'), 'UsersPage');
const UserPage = lazyNamed(() => import('../modules/admin/components/UserPage.tsx'), 'UserPage');
const BranchesPage = lazyNamed(() => import('../modules/admin/components/BranchesPage.tsx'), 'BranchesPage');
const TeamsPage = lazyNamed(() => import('../modules/admin/components/TeamsPage.tsx'), 'TeamsPage');
const HashSetsPage = lazyNamed(() => import('../modules/hashsets/components/HashSetsPage.tsx'), 'HashSetsPage');
const CaseMedia = lazyNamed(() => import('../modules/media/components/CaseMedia.tsx'), 'CaseMedia');

function guard(permission: Permission, element: ReactNode) {
  return <RequirePermission permission={permission}>{element}</RequirePermission>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
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
        </Route>
        <Route path="persons" element={guard('person.read', <PersonsPage />)} />
        <Route path="persons/:id" element={guard('person.read', <PersonPage />)} />
        <Route path="operations/:id" element={guard('case.read', <OperationPage />)} />
        <Route path="evidence/:id" element={guard('case.read', <EvidencePage />)} />
        <Route path="victims" element={guard('victim.identity.read', <VictimsPage />)} />
        <Route path="victims/:id" element={guard('victim.read', <VictimPage />)} />
        <Route path="admin" element={guard('admin.users', <AdminLayout />)}>
          <Route index element={<UsersPage />} />
          <Route path="users/:id" element={<UserPage />} />
          <Route path="branches" element={<BranchesPage />} />
          <Route path="teams" element={<TeamsPage />} />
        </Route>
        <Route path="hash-sets" element={guard('hashset.write', <HashSetsPage />)} />
        <Route path="audit" element={guard('audit.read', <AuditPage />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
