import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { get, installClientHooks, type ApiError } from './api/client.ts';
import { queryClient } from './api/queryClient.ts';
import { changePasswordPath, loginPath, ME_KEY, RequireSession } from './auth/session.tsx';
import type { Me } from '../../contracts/auth.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { RouteTitle, type RouteHandle } from './layout/RouteTitle.tsx';
import { RoleGate } from './layout/RoleGate.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { noteSessionLoss } from './auth/session-loss.ts';
import { registryRoutes } from './pages/registry/routes.tsx';
import { publicDirectoryRoutes } from './pages/directory/routes.tsx';
import { importRoutes } from './pages/imports/routes.tsx';
import { searchRoutes } from './pages/search/routes.tsx';
import { internshipRoutes } from './pages/internships/routes.tsx';
import { matchingRoutes } from './pages/matching/routes.tsx';
import { forecastRoutes } from './pages/forecast/routes.tsx';
import { employmentReportRoutes } from './pages/employment-report/routes.tsx';
import { certificationRoutes } from './pages/certification/routes.tsx';
import { graduateRoutes } from './pages/graduates/routes.tsx';
import { fundingRoutes } from './pages/funding/routes.tsx';
import { qualityRoutes } from './pages/quality/routes.tsx';
import { surveyRoutes } from './pages/surveys/routes.tsx';
import { digitalRoutes, publicDigitalRoutes } from './pages/digital/routes.tsx';
import { publicQualityReportRoutes, qualityReportRoutes } from './pages/quality-reports/routes.tsx';
import { internationalRoutes } from './pages/international/routes.tsx';
import { practicalCourseRoutes, publicPracticalCourseRoutes } from './pages/practical-courses/routes.tsx';
import { callRoutes, publicCallRoutes } from './pages/calls/routes.tsx';

// Pages that only some roles open, loaded on demand.
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const CreditBankLearnerPage = lazy(() => import('./pages/credit-bank/LearnerPage.tsx'));
const CreditBankVerifyPage = lazy(() => import('./pages/credit-bank/VerifyPage.tsx'));
const CreditBankIssuerPage = lazy(() => import('./pages/credit-bank/IssuerPage.tsx'));
const CreditBankRegistrarPage = lazy(() => import('./pages/credit-bank/RegistrarPage.tsx'));
const CreditBankBureauPage = lazy(() => import('./pages/credit-bank/BureauPage.tsx'));
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage.tsx'));
const CockpitScreenPage = lazy(() => import('./pages/cockpit/ScreenPage.tsx'));
const TasksPage = lazy(() => import('./pages/supervision/TasksPage.tsx'));
const ReportsPage = lazy(() => import('./pages/supervision/ReportsPage.tsx'));
const IndicatorsPage = lazy(() => import('./pages/supervision/IndicatorsPage.tsx'));
const PublicStatsPage = lazy(() => import('./pages/public-stats/PublicStatsPage.tsx'));
const CertifiedListPage = lazy(() => import('./pages/certification/CertifiedListPage.tsx'));

const titled = (title: string): RouteHandle => ({ title });

// Every route under one frame that sets the document title (RouteTitle: a route's handle, else its menu entry).
export const router = createBrowserRouter([
  {
    element: (
      <>
        <RouteTitle />
        <Outlet />
      </>
    ),
    children: [
      { path: '/login', element: <LoginPage />, handle: titled('登录') },
      {
        path: '/credit-bank/verify',
        element: (
          <Suspense fallback={null}>
            <CreditBankVerifyPage />
          </Suspense>
        ),
        handle: titled('学分证书核验'),
      },
      ...publicDirectoryRoutes,
      ...publicCallRoutes,
      ...publicDigitalRoutes,
      ...publicQualityReportRoutes,
      ...publicPracticalCourseRoutes,
      {
        path: '/certified-enterprises',
        element: (
          <Suspense fallback={null}>
            <CertifiedListPage />
          </Suspense>
        ),
        handle: titled('产教融合型企业名单'),
      },
      {
        path: '/statistics',
        element: (
          <Suspense fallback={null}>
            <PublicStatsPage />
          </Suspense>
        ),
        handle: titled('公开统计'),
      },
      {
        path: '/screen',
        element: (
          <RequireSession>
            <Suspense fallback={null}>
              <CockpitScreenPage />
            </Suspense>
          </RequireSession>
        ),
        handle: titled('规划驾驶舱大屏'),
      },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppLayout>
              <Outlet />
            </AppLayout>
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'change-password', element: <ChangePasswordPage />, handle: titled('修改密码') },
          { path: 'account', element: <AccountPage />, handle: titled('账号信息') },
          {
            path: 'audit',
            element: (
              <RoleGate>
                <AuditPage />
              </RoleGate>
            ),
          },
          {
            path: 'credit-bank',
            element: (
              <RoleGate>
                <CreditBankLearnerPage />
              </RoleGate>
            ),
          },
          {
            path: 'credit-bank/issue',
            element: (
              <RoleGate>
                <CreditBankIssuerPage />
              </RoleGate>
            ),
          },
          {
            path: 'credit-bank/registrar',
            element: (
              <RoleGate>
                <CreditBankRegistrarPage />
              </RoleGate>
            ),
          },
          {
            path: 'credit-bank/stats',
            element: (
              <RoleGate>
                <CreditBankBureauPage />
              </RoleGate>
            ),
          },
          {
            path: 'cockpit',
            element: (
              <RoleGate>
                <CockpitPage />
              </RoleGate>
            ),
          },
          {
            path: 'tasks',
            element: (
              <RoleGate>
                <TasksPage />
              </RoleGate>
            ),
          },
          {
            path: 'reports',
            element: (
              <RoleGate>
                <ReportsPage />
              </RoleGate>
            ),
          },
          {
            path: 'indicators',
            element: (
              <RoleGate>
                <IndicatorsPage />
              </RoleGate>
            ),
          },
          ...registryRoutes,
          ...internshipRoutes,
          ...matchingRoutes,
          ...forecastRoutes,
          ...employmentReportRoutes,
          ...certificationRoutes,
          ...graduateRoutes,
          ...fundingRoutes,
          ...qualityRoutes,
          ...surveyRoutes,
          ...digitalRoutes,
          ...qualityReportRoutes,
          ...internationalRoutes,
          ...practicalCourseRoutes,
          ...callRoutes,
          ...importRoutes,
          ...searchRoutes,
          { path: '*', element: <NotFoundPage />, handle: titled('页面不存在') },
        ],
      },
    ],
  },
]);

const here = () => window.location.pathname + window.location.search;

installClientHooks({
  csrfToken: () => queryClient.getQueryData<Me>(ME_KEY)?.csrfToken,
  onSessionLost(error: ApiError) {
    if (window.location.pathname === '/login') return;
    noteSessionLoss(error.code);
    // The sign-in page forgets everything cached for the old session once this page has unmounted.
    void router.navigate(loginPath(here()), { replace: true });
  },
  async refreshCsrfToken() {
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => get<Me>('/api/auth/me'), staleTime: 0 });
  },
  onPasswordChangeRequired() {
    if (window.location.pathname === '/change-password') return;
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    void router.navigate(changePasswordPath(here()), { replace: true });
  },
});
