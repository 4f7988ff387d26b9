import type { AnyRoute } from './platform/http/route.ts';
import { accountRoutes } from './accounts/routes/accounts.ts';
import { auditRoutes } from './audit-log/routes.ts';
import { carrierRoutes } from './registry/routes/carriers.ts';
import { catalogueRoutes } from './catalogues/routes/catalogues.ts';
import { clusterRoutes } from './catalogues/routes/clusters.ts';
import { directoryRoutes } from './directory/routes.ts';
import { enterpriseRoutes } from './registry/routes/enterprises.ts';
import { authRoutes } from './accounts/routes/auth.ts';
import { codeRoutes } from './registry/routes/codes.ts';
import { creditBankRoutes } from './credit-bank/routes/index.ts';
import { cockpitRoutes } from './cockpit/routes/cockpit.ts';
import { indicatorRoutes } from './cockpit/routes/indicators.ts';
import { publicStatsRoutes } from './cockpit/routes/public-stats.ts';
import { reportRoutes } from './cockpit/routes/reports.ts';
import { taskRoutes } from './cockpit/routes/tasks.ts';
import { exportRoutes } from './registry/routes/exports.ts';
import { homeRoutes } from './home/routes/home.ts';
import { importRoutes } from './imports/routes/imports.ts';
import { internshipRoutes } from './internships/routes/index.ts';
import { matchingRoutes } from './matching/routes/index.ts';
import { internshipStatsRoutes } from './internships/routes/stats.ts';
import { jobRoutes } from './jobs/routes.ts';
import { metaRoutes } from './meta/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { registrationRoutes } from './registry/routes/registrations.ts';
import { schoolRoutes } from './registry/routes/schools.ts';
import { searchRoutes } from './search/routes/search.ts';
import { studentRoutes } from './registry/routes/students.ts';
import { majorGroupRoutes } from './registry/routes/major-groups.ts';
import { trainingCourseRoutes } from './registry/routes/training-courses.ts';
import { programRoutes } from './registry/routes/programs.ts';
import { teacherRoutes } from './registry/routes/teachers.ts';
import { personalDataRoutes } from './personal-data/routes.ts';

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
