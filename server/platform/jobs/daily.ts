import { todayOf } from '../../../core/calendar.ts';
import type { Db, Tx } from '../db/engine.ts';
import type { Services } from '../services.ts';

/** A job queued once a (China Standard Time) day, whichever server gets there first. */
export interface DailyJob {
  kind: string;
  queue: (db: Db | Tx, idempotencyKey: string) => Promise<unknown>;
}

const CHECK_EVERY_MS = 60 * 60 * 1000;
/** After a failure (the database unreachable) the day's jobs are tried again this soon, not an hour later. */
const RETRY_AFTER_MS = 60 * 1000;

/**
 * Queues each daily job at start and then checks hourly. The day is the job's idempotency key, so a restart,
 * or several servers, still queue one run a day; the job runner of any server picks it up.
 */
export function startDailyJobs(
  services: Services,
  jobs: readonly DailyJob[],
  log?: (msg: string, err?: unknown) => void,
  opts: { retryAfterMs?: number } = {},
) {
  let retry: NodeJS.Timeout | undefined;
  const tick = async () => {
    clearTimeout(retry);
    const day = todayOf(services.now());
    let failed = false;
    for (const job of jobs) {
      try {
        await job.queue(services.database.db, `${job.kind}:${day}`);
      } catch (err) {
        failed = true;
        log?.(`could not queue the daily ${job.kind} job`, err);
      }
    }
    services.pokeJobs();
    // The day's key makes a repeat harmless for the jobs that were queued.
    if (failed) (retry = setTimeout(() => void tick(), opts.retryAfterMs ?? RETRY_AFTER_MS)).unref();
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      clearTimeout(retry);
    },
  };
}
