import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

const ReportsPage = lazy(() => import('./ReportsPage.tsx'));

/** The annual report page (人才供需与就业状况年度报告), a child of the signed-in layout; navigation.ts says who sees it. */
export const employmentReportRoutes: RouteObject[] = [
  {
    path: 'employment-reports',
    element: (
      <RoleGate>
        <ReportsPage />
      </RoleGate>
    ),
  },
];
