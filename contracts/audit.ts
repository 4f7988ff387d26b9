import { z } from 'zod';
import { queryInteger } from './common.ts';

export const auditQuery = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional().describe('操作人用户名或姓名（包含匹配）'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: queryInteger().min(1).default(1),
  pageSize: queryInteger().min(1).max(200).default(20),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  actorOrganisationName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
});
export const auditPage = z.object({ items: z.array(auditEntry), total: z.number(), page: z.number(), pageSize: z.number() });
export type AuditPage = z.infer<typeof auditPage>;
