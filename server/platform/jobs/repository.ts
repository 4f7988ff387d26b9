import { and, desc, eq, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { Job } from '../../../contracts/jobs.ts';
import type { Auditor } from '../audit/auditor.ts';
import type { Db, Tx } from '../db/engine.ts';
import { jobs } from '../db/schema/index.ts';
import { scopeWhere } from '../http/scope-sql.ts';
import { countOf } from '../db/paging.ts';

const scoped = (access: Access) => scopeWhere(access, { userId: jobs.createdBy });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export function toJob(row: typeof jobs.$inferSelect): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    result: row.result ?? null,
    error: row.error ?? null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

export async function getJob(db: Db | Tx, access: Access, id: string): Promise<Job> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), scoped(access)));
  if (!row) throw notFound('任务');
  return toJob(row);
}

export async function listJobs(db: Db, access: Access, q: { kind?: string; page: number; pageSize: number }) {
  const where = and(scoped(access), q.kind ? eq(jobs.kind, q.kind) : undefined);
  const [items, total] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(jobs)
        .where(where),
    ),
  ]);
  return { items: items.map(toJob), total, page: q.page, pageSize: q.pageSize };
}

/** A failed job goes back to the queue and resumes from its checkpoint. */
export async function retryJob(tx: Tx, audit: Auditor, access: Access, id: string): Promise<Job> {
  const before = await getJob(tx, access, id);
  if (before.status !== 'failed') throw new AppError('CONFLICT', '只有失败的任务可以重试', { fields: { status: '任务未失败' } });
  const [row] = await tx
    .update(jobs)
    .set({ status: 'queued', error: null, finishedAt: null, progress: { ...before.progress, message: '已重新排队' } })
    .where(eq(jobs.id, id))
    .returning();
  await audit.record({ action: 'retry', entityType: 'job', entityId: id, before: { status: before.status }, after: { status: 'queued' } });
  return toJob(row!);
}
