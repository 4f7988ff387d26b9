import { auditPage, auditQuery } from '../../contracts/audit.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { listAudit } from './repository.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/audit',
  tags: ['audit'],
  access: { resource: 'auditLog', action: 'read' },
  summary: '审计日志：按对象、操作、操作人和时间筛选',
  query: auditQuery,
  response: auditPage,
  handler: ({ services, query }) => listAudit(services.database.db, query),
});

export const auditRoutes: AnyRoute[] = [list];
