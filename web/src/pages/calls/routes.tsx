import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

const CallsPage = lazy(() => import('./CallsPage.tsx'));
const CallPage = lazy(() => import('./CallPage.tsx'));
const ReviewsPage = lazy(() => import('./ReviewsPage.tsx'));
const ExpertsPage = lazy(() => import('./ExpertsPage.tsx'));
const PublicCallsPage = lazy(() => import('./PublicCallsPage.tsx'));

/** The calls pages (项目申报, 专家评审), children of the signed-in layout. */
export const callRoutes: RouteObject[] = [
  {
    path: 'calls',
    element: (
      <RoleGate>
        <CallsPage />
      </RoleGate>
    ),
  },
  {
    path: 'calls/:id',
    element: (
      <RoleGate>
        <CallPage />
      </RoleGate>
    ),
  },
  {
    path: 'reviews',
    element: (
      <RoleGate>
        <ReviewsPage />
      </RoleGate>
    ),
  },
  {
    path: 'experts',
    element: (
      <RoleGate>
        <ExpertsPage />
      </RoleGate>
    ),
  },
];

/** The public page of calls and results (no sign-in). */
export const publicCallRoutes: RouteObject[] = [
  {
    path: '/calls/public',
    element: (
      <Suspense fallback={null}>
        <PublicCallsPage />
      </Suspense>
    ),
    handle: { title: '项目申报与立项公示' },
  },
];
