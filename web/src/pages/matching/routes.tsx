import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const StudentRecommendationsPage = lazy(() => import('./StudentRecommendationsPage.tsx'));
const EnterpriseRecommendationsPage = lazy(() => import('./EnterpriseRecommendationsPage.tsx'));
const SchoolRecommendationsPage = lazy(() => import('./SchoolRecommendationsPage.tsx'));
const SupplyDemandPage = lazy(() => import('./SupplyDemandPage.tsx'));
const AllocationPage = lazy(() => import('./AllocationPage.tsx'));
const DemandsPage = lazy(() => import('./DemandsPage.tsx'));

/** The matching pages (精准对接), children of the signed-in layout. */
export const matchingRoutes: RouteObject[] = [
  {
    path: 'matching/for-me',
    element: (
      <RoleGate>
        <StudentRecommendationsPage />
      </RoleGate>
    ),
  },
  {
    path: 'matching/enterprise',
    element: (
      <RoleGate>
        <EnterpriseRecommendationsPage />
      </RoleGate>
    ),
  },
  {
    path: 'matching/school',
    element: (
      <RoleGate>
        <SchoolRecommendationsPage />
      </RoleGate>
    ),
  },
  {
    path: 'matching/supply-demand',
    element: (
      <RoleGate>
        <SupplyDemandPage />
      </RoleGate>
    ),
  },
  {
    path: 'matching/demands',
    element: (
      <RoleGate>
        <DemandsPage />
      </RoleGate>
    ),
  },
  {
    path: 'matching/allocation',
    element: (
      <RoleGate>
        <AllocationPage />
      </RoleGate>
    ),
  },
];
