import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const RoundsPage = lazy(() => import('./RoundsPage.tsx'));
const RoundPage = lazy(() => import('./RoundPage.tsx'));
const MySurveysPage = lazy(() => import('./MySurveysPage.tsx'));
const RatingsPage = lazy(() => import('./RatingsPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The surveys pages (满意度调查, issue 17), children of the signed-in layout. */
export const surveyRoutes: RouteObject[] = [
  gated('surveys', <RoundsPage />),
  gated('surveys/rounds/:id', <RoundPage />),
  gated('surveys/mine', <MySurveysPage />),
  gated('surveys/ratings', <RatingsPage />),
];
