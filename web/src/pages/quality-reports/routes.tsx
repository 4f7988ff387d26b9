import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const ReportsPage = lazy(() => import('./ReportsPage.tsx'));
const EditorPage = lazy(() => import('./EditorPage.tsx'));
const ReportPage = lazy(() => import('./ReportPage.tsx'));
const PublicReportsPage = lazy(() => import('./PublicReportsPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The quality-report pages (质量年度报告, issue 17), children of the signed-in layout. */
export const qualityReportRoutes: RouteObject[] = [
  gated('quality-reports', <ReportsPage />),
  gated('quality-reports/mine', <EditorPage />),
  gated('quality-reports/:id', <ReportPage />),
];

/** The public page of published reports (no sign-in). */
export const publicQualityReportRoutes: RouteObject[] = [
  {
    path: '/quality-reports/public',
    element: (
      <Suspense fallback={null}>
        <PublicReportsPage />
      </Suspense>
    ),
    handle: { title: '职业教育质量年度报告' },
  },
];
