
import { todayOf } from '../../core/calendar.ts';
import type { Db, Tx } from '../db/engine.ts';
import type { Services } from '../services.ts';

/** A job queued once a (China Standard Time) day, whichever server gets there first. */
export interface DailyJob {
  kind: string;
  queue: (db: Db | Tx, idempotencyKey: string) => Promise<unknown>;
}

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Queues each daily job at start and then checks hourly. The day is the job's idempotency key, so a restart,
 * or several servers, still queue one run a day; the job runner of any server picks it up.
 */
export function startDailyJobs(services: Services, jobs: readonly DailyJob[], log?: (msg: string, err?: unknown) => void) {
  const tick = async () => {
    const day = todayOf(services.now());
    for (const job of jobs) {
      try {
        await job.queue(services.database.db, `${job.kind}:${day}`);
      } catch (err) {
        log?.(`could not queue the daily ${job.kind} job`, err);
      }
    }
    services.pokeJobs();
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
