import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

const CoursesPage = lazy(() => import('./CoursesPage.tsx'));
const PublicCoursesPage = lazy(() => import('./PublicCoursesPage.tsx'));

/** The course catalogue (劳动技术与职业体验课程, issue 18), a child of the signed-in layout. */
export const practicalCourseRoutes: RouteObject[] = [
  {
    path: 'practical-courses',
    element: (
      <RoleGate>
        <CoursesPage />
      </RoleGate>
    ),
  },
];

/** The public catalogue, outside the signed-in layout. */
export const publicPracticalCourseRoutes: RouteObject[] = [
  {
    path: '/practical-courses/public',
    element: (
      <Suspense fallback={null}>
        <PublicCoursesPage />
      </Suspense>
    ),
  },
];
