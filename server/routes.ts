import type { AnyRoute } from './platform/http/route.ts';
import { accountRoutes, authRoutes, bulkAccountRoutes, enterpriseAccountRoutes } from './accounts/index.ts';
import { auditRoutes } from './audit-log/index.ts';
import {
  carrierRoutes,
  codeRoutes,
  enterpriseRoutes,
  exportRoutes,
  majorGroupRoutes,
  programRoutes,
  registrationRoutes,
  schoolRoutes,
  studentRoutes,
  teacherRoutes,
  trainingCourseRoutes,
} from './registry/index.ts';
import { catalogueRoutes, clusterRoutes } from './catalogues/index.ts';
import { directoryRoutes } from './directory/index.ts';
import { creditBankRoutes } from './credit-bank/index.ts';
import { cockpitRoutes, indicatorRoutes, publicStatsRoutes, reportRoutes, taskRoutes } from './cockpit/index.ts';
import { graduateRoutes } from './graduates/index.ts';
import { fundingRoutes } from './funding/index.ts';
import { digitalRoutes } from './digital/index.ts';
import { internationalRoutes } from './international/index.ts';
import { practicalCourseRoutes } from './practical-courses/index.ts';
import { employmentReportRoutes } from './employment-report/index.ts';
import { homeRoutes } from './home/index.ts';
import { importRoutes } from './imports/index.ts';
import { internshipRoutes, internshipStatsRoutes } from './internships/index.ts';
import { matchingRoutes } from './matching/index.ts';
import { jobRoutes } from './jobs/index.ts';
import { metaRoutes } from './meta/index.ts';
import { notificationRoutes } from './notifications/index.ts';
import { searchRoutes } from './search/index.ts';
import { personalDataRoutes } from './personal-data/index.ts';
import { forecastRoutes } from './forecast/index.ts';
import { caseRoutes, declarationRoutes, documentRoutes, reportingRoutes, surchargeCreditRoutes } from './certification/index.ts';
import { expertReviewRoutes } from './expert-review/index.ts';
import { callsRoutes } from './calls/index.ts';
import { qualityRoutes } from './quality/index.ts';
import { surveyRoutes } from './surveys/index.ts';
import { qualityReportRoutes } from './quality-reports/index.ts';

/** Every API route of the platform. A route that is not listed here does not exist. */
export function allRoutes(): AnyRoute[] {
  const list: AnyRoute[] = [];
  list.push(
    ...metaRoutes(() => list),
    ...authRoutes,
    ...codeRoutes(),
    ...homeRoutes,
    ...accountRoutes,
    ...schoolRoutes,
    ...studentRoutes,
    ...jobRoutes,
    ...auditRoutes,
    ...searchRoutes(),
    ...importRoutes,
    ...exportRoutes,
  );
  list.push(
    ...enterpriseRoutes,
    ...enterpriseAccountRoutes,
    ...bulkAccountRoutes,
    ...registrationRoutes(),
    ...carrierRoutes,
    ...clusterRoutes,
    ...directoryRoutes,
    ...catalogueRoutes,
  );
  list.push(...internshipRoutes, ...internshipStatsRoutes);
  list.push(...matchingRoutes);
  list.push(...declarationRoutes, ...caseRoutes, ...documentRoutes, ...reportingRoutes, ...surchargeCreditRoutes);
  list.push(...cockpitRoutes, ...indicatorRoutes, ...taskRoutes, ...reportRoutes, ...publicStatsRoutes());
  list.push(...notificationRoutes);
  list.push(...creditBankRoutes());
  list.push(...programRoutes, ...majorGroupRoutes, ...teacherRoutes, ...trainingCourseRoutes);
  list.push(...personalDataRoutes);
  list.push(...forecastRoutes);
  list.push(...graduateRoutes);
  list.push(...fundingRoutes);
  list.push(...digitalRoutes());
  list.push(...internationalRoutes);
  list.push(...practicalCourseRoutes);
  list.push(...employmentReportRoutes);
  list.push(...expertReviewRoutes, ...callsRoutes);
  list.push(...qualityRoutes);
  list.push(...surveyRoutes);
  list.push(...qualityReportRoutes);
  return list;
}
