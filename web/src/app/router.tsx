import { type ComponentType, lazy } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { NotBuiltPage } from '../pages/misc/NotBuiltPage';
import { NotFoundPage } from '../pages/misc/NotFoundPage';
import { AppShell } from './AppShell';
import { MODULES } from './modules';
import { RequireAuth } from './RequireAuth';
import { RequireRole } from './RequireRole';

/** React.lazy for a module's named export: every page is its own chunk. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}

const LoginPage = page(() => import('../pages/auth/LoginPage'), (m) => m.LoginPage);
const ChangePasswordPage = page(() => import('../pages/auth/ChangePasswordPage'), (m) => m.ChangePasswordPage);
const HomePage = page(() => import('../pages/home/HomePage'), (m) => m.HomePage);
const PlanPage = page(() => import('../pages/plan/PlanPage'), (m) => m.PlanPage);
const MinePage = page(() => import('../pages/plan/MinePage'), (m) => m.MinePage);
const ReportingPage = page(() => import('../pages/reporting/ReportingPage'), (m) => m.ReportingPage);
const DashboardPage = page(() => import('../pages/dashboard/DashboardPage'), (m) => m.DashboardPage);
const DualControlPage = page(() => import('../pages/dualcontrol/DualControlPage'), (m) => m.DualControlPage);
const EnterprisesPage = page(() => import('../pages/enterprises/EnterprisesPage'), (m) => m.EnterprisesPage);
const EnterpriseMetersPage = page(() => import('../pages/metering/EnterpriseMetersPage'), (m) => m.EnterpriseMetersPage);
const ReductionPage = page(() => import('../pages/reduction/ReductionPage'), (m) => m.ReductionPage);
const MonitoringPage = page(() => import('../pages/monitoring/MonitoringPage'), (m) => m.MonitoringPage);
const StationPage = page(() => import('../pages/monitoring/StationPage'), (m) => m.StationPage);
const AssessmentPage = page(() => import('../pages/assessment/AssessmentPage'), (m) => m.AssessmentPage);
const SubjectPage = page(() => import('../pages/assessment/SubjectPage'), (m) => m.SubjectPage);
const PublicAdminPage = page(() => import('../pages/public/PublicAdminPage'), (m) => m.PublicAdminPage);
const SupervisionPage = page(() => import('../pages/supervision/SupervisionPage'), (m) => m.SupervisionPage);
const AuditPage = page(() => import('../pages/audit/AuditPage'), (m) => m.AuditPage);
const UsersPage = page(() => import('../pages/org/UsersPage'), (m) => m.UsersPage);

// Every signed-in role sees monitoring; the API scopes an enterprise to its own stations, a county to its region.
const MONITORING_ROLES = ['admin', 'steering', 'department', 'county', 'enterprise'] as const;

const notBuilt = MODULES.filter((m) => !m.built).map((m) => ({ path: m.path, element: <NotBuiltPage label={m.label} /> }));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'plan', element: <PlanPage /> },
          { path: 'plan/section/:sectionId', element: <PlanPage /> },
          { path: 'mine', element: <MinePage /> },
          { path: 'reporting', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><ReportingPage /></RequireRole> },
          { path: 'reporting/dashboard', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><DashboardPage /></RequireRole> },
          { path: 'dual-control', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><DualControlPage /></RequireRole> },
          { path: 'enterprises', element: <EnterprisesPage /> },
          { path: 'enterprises/:id/meters', element: <EnterpriseMetersPage /> },
          { path: 'reduction', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><ReductionPage /></RequireRole> },
          { path: 'monitoring', element: <RequireRole roles={MONITORING_ROLES}><MonitoringPage /></RequireRole> },
          { path: 'monitoring/stations/:id', element: <RequireRole roles={MONITORING_ROLES}><StationPage /></RequireRole> },
          { path: 'assessment', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><AssessmentPage /></RequireRole> },
          { path: 'public', element: <PublicAdminPage /> },
          { path: 'supervision', element: <SupervisionPage /> },
          { path: 'assessment/:id/subjects/:key', element: <RequireRole roles={['admin', 'steering', 'department', 'county']}><SubjectPage /></RequireRole> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          ...notBuilt,
          { path: 'admin/audit', element: <RequireRole roles={['admin']}><AuditPage /></RequireRole> },
          { path: 'admin/users', element: <RequireRole roles={['admin']}><UsersPage /></RequireRole> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
