import { todayOf } from '../../../core/calendar.ts';
import { missingReports, missingReportsQuery } from '../../../contracts/certification.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { missingReports as listMissing } from '../repository/reporting.ts';

const missing = defineRoute({
  method: 'GET',
  url: '/api/certification/annual-reports/missing',
  tags: ['certification'],
  access: { resource: 'certificationCase', action: 'read' },
  summary: '未报送年度报告的产教融合型企业（默认本年应报送的上一年度；截止日后为逾期，附政策规定的后果）',
  query: missingReportsQuery,
  response: missingReports,
  handler: ({ services, access, query }) => listMissing(services.database.db, access, query, todayOf(services.now())),
});

export const reportingRoutes: AnyRoute[] = [missing];
