import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const CoursesPage = lazy(() => import('./CoursesPage.tsx'));
const SmartCampusPage = lazy(() => import('./SmartCampusPage.tsx'));
const MyCampusPage = lazy(() => import('./MyCampusPage.tsx'));
const DemoSchoolsPage = lazy(() => import('./DemoSchoolsPage.tsx'));
const PublicCoursesPage = lazy(() => import('./PublicCoursesPage.tsx'));

const gated = (path: string, element: React.ReactNode): RouteObject => ({ path, element: <RoleGate>{element}</RoleGate> });

/** The digital pages (数字职教, issue 18), children of the signed-in layout. */
export const digitalRoutes: RouteObject[] = [
  gated('digital/courses', <CoursesPage />),
  gated('digital/smart-campus', <SmartCampusPage />),
  gated('digital/my-campus', <MyCampusPage />),
  gated('digital/demo-schools', <DemoSchoolsPage />),
];

/** The public catalogue of recognised online courses (no sign-in). */
export const publicDigitalRoutes: RouteObject[] = [
  {
    path: '/online-courses',
    element: (
      <Suspense fallback={null}>
        <PublicCoursesPage />
      </Suspense>
    ),
    handle: { title: '精品在线课程' },
  },
];
