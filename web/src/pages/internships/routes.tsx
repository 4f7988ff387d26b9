import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const FindPostsPage = lazy(() => import('./FindPostsPage.tsx'));
const PostDetailPage = lazy(() => import('./PostDetailPage.tsx'));
const MyApplicationsPage = lazy(() => import('./MyApplicationsPage.tsx'));
const ReviewPage = lazy(() => import('./ReviewPage.tsx'));
const EnterprisePostsPage = lazy(() => import('./EnterprisePostsPage.tsx'));
const ApplicantsPage = lazy(() => import('./ApplicantsPage.tsx'));
const MyInternshipPage = lazy(() => import('./MyInternshipPage.tsx'));
const InternsPage = lazy(() => import('./InternsPage.tsx'));
const StatsPage = lazy(() => import('./StatsPage.tsx'));

/** The internship pages, children of the signed-in layout. */
export const internshipRoutes: RouteObject[] = [
  {
    path: 'internships',
    element: (
      <RoleGate>
        <FindPostsPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/post/:id',
    element: (
      <RoleGate>
        <PostDetailPage />
      </RoleGate>
    ),
    handle: { title: '实习岗位' },
  },
  {
    path: 'internships/applications',
    element: (
      <RoleGate>
        <MyApplicationsPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/review',
    element: (
      <RoleGate>
        <ReviewPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/posts',
    element: (
      <RoleGate>
        <EnterprisePostsPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/applicants',
    element: (
      <RoleGate>
        <ApplicantsPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/my',
    element: (
      <RoleGate>
        <MyInternshipPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/interns',
    element: (
      <RoleGate>
        <InternsPage />
      </RoleGate>
    ),
  },
  {
    path: 'internships/stats',
    element: (
      <RoleGate>
        <StatsPage />
      </RoleGate>
    ),
  },
];
