import { and, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Retention } from '../config.ts';
import { purgeThrottleRows } from '../auth/throttle-store.ts';
import type { Database, Db, Tx } from '../db/engine.ts';
import { importFiles, jobs, sessions } from '../db/schema/index.ts';
import type { JobHandler } from './registry.ts';
import { submitJob } from './submit.ts';

export const PLATFORM_TIDY_JOB = 'platform.tidy';

const DAY_MS = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * The daily clean-up: ended sessions, sign-in throttle rows whose lock and window are over, and the payloads of
 * finished jobs (their input, checkpoint and an import's uploaded file, which holds personal data in clear) —
 * each after the retention of the configuration. A finished job keeps its status, result and error.
 */
export async function tidy(db: Db, now: Date, sessionIdleMinutes: number, keep: Retention) {
  const sessionCutoff = before(now, keep.sessionDays);
  const endedSessions = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, sessionCutoff), lt(sessions.lastSeenAt, new Date(sessionCutoff.getTime() - sessionIdleMinutes * 60_000))),
    )
    .returning({ id: sessions.id });
  const throttleRows = await purgeThrottleRows(db, now, before(now, keep.throttleDays));
  const jobCutoff = before(now, keep.jobPayloadDays);
  const finished = and(inArray(jobs.status, ['succeeded', 'failed']), lt(jobs.finishedAt, jobCutoff));
  const files = await db
    .update(importFiles)
    .set({ data: null })
    .where(and(isNotNull(importFiles.data), inArray(importFiles.jobId, db.select({ id: jobs.id }).from(jobs).where(finished))))
    .returning({ id: importFiles.id });
  const payloads = await db
    .update(jobs)
    .set({ input: {}, checkpoint: null })
    .where(and(finished, or(sql`${jobs.input} <> '{}'::jsonb`, isNotNull(jobs.checkpoint))))
    .returning({ id: jobs.id });
  return { sessions: endedSessions.length, throttleRows, jobPayloads: payloads.length, importFiles: files.length };
}

/**
 * The embedded engine has no autovacuum: its planner statistics are gathered here, by the daily clean-up, so tables
 * filled by imports since are not planned as if they held a few rows (the demo seed gathers them when it ends). A
 * PostgreSQL server's autovacuum does it there. Says whether it ran.
 */
export async function refreshPlannerStatistics(database: Pick<Database, 'db' | 'engine'>): Promise<boolean> {
  if (database.engine !== 'pglite') return false;
  await database.db.execute(sql`analyze`);
  return true;
}

export const platformTidyJob: JobHandler = async ({ services, progress }) => {
  await progress({ done: 0, total: 1, message: '正在清理过期会话和已完成任务的数据' });
  const result = await tidy(services.database.db, services.now(), services.config.sessionIdleMinutes, services.config.retention);
  await refreshPlannerStatistics(services.database);
  await progress({ done: 1, total: 1, message: `已清理${result.sessions}个会话、${result.jobPayloads}个任务的数据` });
  return result;
};

export function queueTidy(db: Db | Tx, idempotencyKey: string) {
  return submitJob(db, { kind: PLATFORM_TIDY_JOB, input: {}, idempotencyKey, createdBy: null, organisationId: null });
}
