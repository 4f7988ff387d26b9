import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const RankingPage = lazy(() => import('./RankingPage.tsx'));
const SchoolResultPage = lazy(() => import('./SchoolResultPage.tsx'));
const MySchoolPage = lazy(() => import('./MySchoolPage.tsx'));
const CommissionsPage = lazy(() => import('./CommissionsPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The quality evaluation's pages (职业教育质量评价, issue 17), children of the signed-in layout. */
export const qualityRoutes: RouteObject[] = [
  gated('quality', <RankingPage />),
  gated('quality/schools/:year/:schoolId', <SchoolResultPage />),
  gated('quality/mine', <MySchoolPage />),
  gated('quality/commissions', <CommissionsPage />),
];
