import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

/** The register's pages, loaded on demand, each behind the menu's role gate (navigation.ts). */
const pages: [path: string, page: LazyExoticComponent<ComponentType>][] = [
  ['registry/schools', lazy(() => import('./schools/SchoolListPage.tsx'))],
  ['registry/schools/:id', lazy(() => import('./schools/SchoolDetailPage.tsx'))],
  ['registry/programs', lazy(() => import('./programs/ProgramListPage.tsx'))],
  ['registry/programs/:id', lazy(() => import('./programs/ProgramDetailPage.tsx'))],
  ['registry/major-groups', lazy(() => import('./major-groups/MajorGroupListPage.tsx'))],
  ['registry/major-groups/:id', lazy(() => import('./major-groups/MajorGroupDetailPage.tsx'))],
  ['registry/training-courses', lazy(() => import('./training-courses/TrainingCourseListPage.tsx'))],
  ['registry/training-courses/:id', lazy(() => import('./training-courses/TrainingCourseDetailPage.tsx'))],
  ['registry/teachers', lazy(() => import('./teachers/TeacherListPage.tsx'))],
  ['registry/teachers/:id', lazy(() => import('./teachers/TeacherDetailPage.tsx'))],
  ['registry/students', lazy(() => import('./students/StudentListPage.tsx'))],
  ['registry/students/:id', lazy(() => import('./students/StudentDetailPage.tsx'))],
  ['registry/enterprises', lazy(() => import('./enterprises/EnterpriseListPage.tsx'))],
  ['registry/enterprises/:id', lazy(() => import('./enterprises/EnterpriseDetailPage.tsx'))],
  ['registry/carriers', lazy(() => import('./carriers/CarrierListPage.tsx'))],
  ['registry/carriers/:id', lazy(() => import('./carriers/CarrierDetailPage.tsx'))],
  ['registry/clusters', lazy(() => import('./clusters/ClustersPage.tsx'))],
  ['registry/catalogues', lazy(() => import('./catalogues/CataloguesPage.tsx'))],
  ['registry/registrations', lazy(() => import('./registrations/RegistrationsPage.tsx'))],
  ['registry/staff', lazy(() => import('./staff/StaffAccountsPage.tsx'))],
  ['registry/accounts', lazy(() => import('./accounts/BulkAccountsPage.tsx'))],
];

export const registryRoutes: RouteObject[] = pages.map(([path, Page]) => ({
  path,
  element: (
    <RoleGate>
      <Page />
    </RoleGate>
  ),
}));
