import type { AnyRoute } from '../http/route.ts';
import { accountRoutes } from './api/accounts/index.ts';
import { auditRoutes } from './api/audit/index.ts';
import { carrierRoutes } from './api/carriers/index.ts';
import { catalogueRoutes } from './api/catalogues/index.ts';
import { clusterRoutes } from './api/clusters/index.ts';
import { directoryRoutes } from './api/directory/index.ts';
import { enterpriseRoutes } from './api/enterprises/index.ts';
import { authRoutes } from './api/auth/index.ts';
import { codeRoutes } from './api/codes/index.ts';
import { creditBankRoutes } from './api/credit-bank/index.ts';
import { cockpitRoutes } from './api/cockpit/index.ts';
import { indicatorRoutes } from './api/indicators/index.ts';
import { publicStatsRoutes } from './api/public-stats/index.ts';
import { reportRoutes } from './api/reports/index.ts';
import { taskRoutes } from './api/tasks/index.ts';
import { exportRoutes } from './api/exports/index.ts';
import { homeRoutes } from './api/home/index.ts';
import { importRoutes } from './api/imports/index.ts';
import { internshipRoutes } from './api/internships/index.ts';
import { matchingRoutes } from './api/matching/index.ts';
import { internshipStatsRoutes } from './api/internship-stats/index.ts';
import { jobRoutes } from './api/jobs/index.ts';
import { metaRoutes } from './api/meta/index.ts';
import { notificationRoutes } from './api/notifications/index.ts';
import { registrationRoutes } from './api/registrations/index.ts';
import { schoolRoutes } from './api/schools/index.ts';
import { searchRoutes } from './api/search/index.ts';
import { studentRoutes } from './api/students/index.ts';
import { majorGroupRoutes } from './api/major-groups/index.ts';
import { trainingCourseRoutes } from './api/training-courses/index.ts';
import { programRoutes } from './api/programs/index.ts';
import { teacherRoutes } from './api/teachers/index.ts';
import { personalDataRoutes } from './api/personal-data/index.ts';

/** Every API route of the platform. A route that is not listed here does not exist. */
export function allRoutes(): AnyRoute[] {
  const list: AnyRoute[] = [];
  list.push(...metaRoutes(() => list), ...authRoutes, ...codeRoutes(), ...homeRoutes, ...accountRoutes, ...schoolRoutes, ...studentRoutes, ...jobRoutes, ...auditRoutes, ...searchRoutes(), ...importRoutes, ...exportRoutes);
  list.push(...enterpriseRoutes, ...registrationRoutes(), ...carrierRoutes, ...clusterRoutes, ...directoryRoutes, ...catalogueRoutes);
  list.push(...internshipRoutes, ...internshipStatsRoutes);
  list.push(...matchingRoutes);
  list.push(...cockpitRoutes, ...indicatorRoutes, ...taskRoutes, ...reportRoutes, ...publicStatsRoutes());
  list.push(...notificationRoutes);
  list.push(...creditBankRoutes());
  list.push(...programRoutes, ...majorGroupRoutes, ...teacherRoutes, ...trainingCourseRoutes);
  list.push(...personalDataRoutes);
  return list;
}
