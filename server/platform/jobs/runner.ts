import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { rows } from '../db/engine.ts';
import { isConnectionLost, retryOnConnectionLoss } from '../db/faults.ts';
import { jobs } from '../db/schema/index.ts';
import type { Services } from '../services.ts';
import type { JobRegistry } from './registry.ts';

/** A running job whose runner has not heart-beaten for this long is taken over by another runner. */
const STALE_SECONDS = 60;

/**
 * Claims queued (or abandoned) jobs one at a time and runs them. Several app servers may each run one:
 * `for update skip locked` hands a job to exactly one of them.
 */
export function startJobRunner(
  services: Services,
  registry: JobRegistry,
  opts: { pollMs?: number; log?: (msg: string, err?: unknown) => void } = {},
) {
  const runnerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const { db } = services.database;
  let stopped = false;
  let wake: (() => void) | null = null;
  let current: Promise<void> = Promise.resolve();

  async function claim() {
    // Only kinds this process knows: a rolling deploy may run old and new servers side by side.
    const kinds = registry.kinds();
    if (!kinds.length) return undefined;
    const [job] = await rows<{ id: string; kind: string; input: Record<string, unknown>; checkpoint: Record<string, unknown> | null }>(
      db,
      sql`
      update jobs set status = 'running', locked_by = ${runnerId}, heartbeat_at = now(), attempts = attempts + 1,
        started_at = coalesce(started_at, now())
      where id = (
        select id from jobs
        where kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          and (status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${STALE_SECONDS})))
        order by created_at for update skip locked limit 1)
      returning id, kind, input, checkpoint`,
    );
    return job;
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, runnerId));
    const handler = registry.get(job.kind);
    try {
      if (!handler) throw new AppError('INTERNAL', `未知的任务类型：${job.kind}`);
      const result = await handler({
        services,
        jobId: job.id,
        input: job.input,
        checkpoint: job.checkpoint,
        progress: async (p) => {
          await db.update(jobs).set({ progress: p, heartbeatAt: services.now() }).where(mine);
        },
        saveCheckpoint: async (c) => {
          await db.update(jobs).set({ checkpoint: c, heartbeatAt: services.now() }).where(mine);
        },
      });
      await db.update(jobs).set({ status: 'succeeded', result, error: null, finishedAt: services.now(), lockedBy: null }).where(mine);
    } catch (err) {
      if (isConnectionLost(err)) {
        // Not the job's fault: queue it again (it resumes from its checkpoint). Should even this fail, the job
        // stays `running` without a heartbeat and any runner takes it over after STALE_SECONDS.
        opts.log?.(`job ${job.id} (${job.kind}) lost its database connection; queued again`, err);
        await retryOnConnectionLoss(() => db.update(jobs).set({ status: 'queued', lockedBy: null }).where(mine)).catch(() => {});
        return true;
      }
      const error =
        err instanceof AppError
          ? { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }) }
          : { code: 'INTERNAL', message: '任务执行出错，请重试；如问题持续，请联系管理员' };
      if (!(err instanceof AppError)) opts.log?.(`job ${job.id} (${job.kind}) failed`, err);
      await db.update(jobs).set({ status: 'failed', error, finishedAt: services.now(), lockedBy: null }).where(mine);
    }
    return true;
  }

  async function loop() {
    while (!stopped) {
      let worked = false;
      try {
        current = runOne().then((w) => {
          worked = w;
        });
        await current;
      } catch (err) {
        opts.log?.('job runner error', err);
      }
      if (!worked && !stopped)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, opts.pollMs ?? 1000);
        });
    }
  }
  void loop();

  return {
    runnerId,
    /** Looks for work now instead of at the next poll (called after a job is submitted). */
    poke() {
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await current.catch(() => {});
    },
  };
}
export type JobRunner = ReturnType<typeof startJobRunner>;
