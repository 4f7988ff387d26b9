import { and, desc, eq, gte, ilike, lte, or, sql } from 'drizzle-orm';
import type { AuditPage, AuditQuery } from '../../contracts/audit.ts';
import type { Db } from '../platform/db/engine.ts';
import { countOf } from '../platform/db/paging.ts';
import { auditLog, organisations, users } from '../platform/db/schema/index.ts';

export async function listAudit(db: Db, q: AuditQuery): Promise<AuditPage> {
  const where = and(
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.actor ? or(ilike(auditLog.actorName, `%${q.actor}%`), ilike(users.username, `%${q.actor}%`)) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUserId: auditLog.actorUserId,
        actorName: auditLog.actorName,
        actorOrganisationId: auditLog.actorOrganisationId,
        actorOrganisationName: organisations.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        changes: auditLog.changes,
        requestId: auditLog.requestId,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(organisations, eq(organisations.id, auditLog.actorOrganisationId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(where),
    ),
  ]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page: q.page, pageSize: q.pageSize };
}
