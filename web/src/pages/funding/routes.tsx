import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const DeclarationsPage = lazy(() => import('./DeclarationsPage.tsx'));
const MyFundingPage = lazy(() => import('./MyFundingPage.tsx'));
const HighSchoolPage = lazy(() => import('./HighSchoolPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The funding pages (生均财政拨款, issue 18), children of the signed-in layout. */
export const fundingRoutes: RouteObject[] = [
  gated('funding', <DeclarationsPage />),
  gated('funding/mine', <MyFundingPage />),
  gated('funding/high-school', <HighSchoolPage />),
];
