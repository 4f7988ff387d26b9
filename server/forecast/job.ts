import { todayOf } from '../../core/calendar.ts';
import { monthOf } from '../../core/forecast/index.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import type { JobHandler } from '../platform/jobs/registry.ts';
import { submitJob } from '../platform/jobs/submit.ts';
import { measureRegister, writeMonth, type SeriesDimension } from './repository/series.ts';

export const SERIES_MONTHLY_JOB = 'forecast.series';
const DIMENSIONS: readonly SeriesDimension[] = ['city', 'cluster', 'major'];

/**
 * Job `forecast.series`: measures the register now (repository/series.ts measureRegister) and writes the result as
 * the current month's row of every series, one dimension per transaction. The checkpoint lists the dimensions
 * done, so a retried or taken-over run goes on with the next; a dimension written twice is upserted, never doubled.
 * Queued every day (the day's key), so a month's row ends as the register at the month's last run: its month-end.
 */
export const seriesMonthlyJob: JobHandler = async ({ services, input, checkpoint, progress, saveCheckpoint }) => {
  const now = services.now();
  const month =
    typeof checkpoint?.month === 'string' ? checkpoint.month : typeof input.month === 'string' ? input.month : monthOf(todayOf(now));
  const done = new Set<string>(Array.isArray(checkpoint?.done) ? (checkpoint.done as string[]) : []);
  const counts: Record<string, number> = {};
  for (const [i, dimension] of DIMENSIONS.entries()) {
    if (done.has(dimension)) continue;
    await progress({ done: i, total: DIMENSIONS.length, message: `${month} ${dimension}` });
    const written = await services.database.db.transaction(async (tx) => {
      const points = await measureRegister(tx, dimension, todayOf(now));
      await writeMonth(tx, month, dimension, points, 'register', now);
      return points.length;
    });
    counts[dimension] = written;
    done.add(dimension);
    await saveCheckpoint({ month, done: [...done] });
  }
  await progress({ done: DIMENSIONS.length, total: DIMENSIONS.length, message: month });
  return { month, series: counts };
};

/** Queues a measurement of the current month (the daily run, or the bureau's button); followed at /api/jobs/:id. */
export async function queueSeries(db: Db | Tx, userId: string | null, month: string, idempotencyKey?: string) {
  const { job } = await submitJob(db, {
    kind: SERIES_MONTHLY_JOB,
    input: { month },
    ...(idempotencyKey && { idempotencyKey }),
    createdBy: userId,
    organisationId: null,
  });
  return job;
}
