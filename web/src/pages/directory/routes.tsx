import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';

const DirectoryPage = lazy(() => import('./DirectoryPage.tsx'));
const DirectorySchoolPage = lazy(() => import('./SchoolPage.tsx'));
const RegisterPage = lazy(() => import('../registration/RegisterPage.tsx'));

/** Pages anyone opens without signing in: the public directory and enterprise self-registration. */
export const publicDirectoryRoutes: RouteObject[] = [
  {
    path: '/directory',
    element: (
      <Suspense fallback={null}>
        <DirectoryPage />
      </Suspense>
    ),
    handle: { title: '公开名录' },
  },
  {
    path: '/directory/schools/:id',
    element: (
      <Suspense fallback={null}>
        <DirectorySchoolPage />
      </Suspense>
    ),
    handle: { title: '公开名录' },
  },
  {
    path: '/register',
    element: (
      <Suspense fallback={null}>
        <RegisterPage />
      </Suspense>
    ),
    handle: { title: '企业注册' },
  },
];
