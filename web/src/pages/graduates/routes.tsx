import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const GraduatesPage = lazy(() => import('./GraduatesPage.tsx'));
const ConfirmationsPage = lazy(() => import('./ConfirmationsPage.tsx'));
const MyDestinationPage = lazy(() => import('./MyDestinationPage.tsx'));
const FiguresPage = lazy(() => import('./FiguresPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The graduates pages (毕业去向, issue 16), children of the signed-in layout. */
export const graduateRoutes: RouteObject[] = [
  gated('graduates', <GraduatesPage />),
  gated('graduates/confirmations', <ConfirmationsPage />),
  gated('graduates/mine', <MyDestinationPage />),
  gated('graduates/figures', <FiguresPage />),
];
