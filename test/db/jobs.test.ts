import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { loadConfig } from '../../server/platform/config.ts';
import type { Database } from '../../server/platform/db/engine.ts';
import { jobs } from '../../server/platform/db/schema/index.ts';
import { JobRegistry } from '../../server/platform/jobs/registry.ts';
import { startJobRunner } from '../../server/platform/jobs/runner.ts';
import { submitJob } from '../../server/platform/jobs/submit.ts';
import { createPiiCipher } from '../../server/platform/pii.ts';
import type { Services } from '../../server/platform/services.ts';
import { openTestDatabase, testEngines } from '../support/engines.ts';

async function until<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const engine of testEngines()) {
  describe(`job runner [${engine.name}]`, () => {
    let database: Database;
    let services: Services;
    const registry = new JobRegistry();
    let failOnce = true;
    const seen: unknown[] = [];
    before(async () => {
      database = await openTestDatabase(engine);
      services = { database, config: loadConfig({}), pii: createPiiCipher(Buffer.alloc(32)), now: () => new Date(), pokeJobs: () => {} };
      registry.register(`count-${engine.name}`, async ({ input, progress }) => {
        const n = Number(input.n);
        for (let i = 1; i <= n; i++) await progress({ done: i, total: n, message: `第${i}步` });
        return { sum: (n * (n + 1)) / 2 };
      });
      registry.register(`resume-${engine.name}`, async ({ checkpoint, saveCheckpoint }) => {
        seen.push(checkpoint);
        await saveCheckpoint({ step: 1 });
        if (failOnce) {
          failOnce = false;
          throw new AppError('VALIDATION_FAILED', '第2行：缺少姓名', { fields: { 'row2.name': '缺少姓名' } });
        }
        return { resumedFrom: checkpoint };
      });
    });
    after(() => database.close());

    test('a submitted job runs to completion with progress and result', async () => {
      const runner = startJobRunner(services, registry, { pollMs: 20 });
      try {
        const { job } = await submitJob(database.db, {
          kind: `count-${engine.name}`,
          input: { n: 4 },
          createdBy: null,
          organisationId: null,
        });
        const done = await until(async () => {
          const [row] = await database.db.select().from(jobs).where(eq(jobs.id, job.id));
          return row!.status === 'succeeded' ? row : undefined;
        });
        assert.deepEqual(done.result, { sum: 10 });
        assert.deepEqual(done.progress, { done: 4, total: 4, message: '第4步' });
      } finally {
        await runner.stop();
      }
    });

    test('the same idempotency key returns the job already submitted', async () => {
      const key = `k-${Math.random()}`;
      const a = await submitJob(database.db, {
        kind: `never-${engine.name}`,
        input: {},
        idempotencyKey: key,
        createdBy: null,
        organisationId: null,
      });
      const b = await submitJob(database.db, {
        kind: `never-${engine.name}`,
        input: {},
        idempotencyKey: key,
        createdBy: null,
        organisationId: null,
      });
      assert.equal(b.existing, true);
      assert.equal(b.job.id, a.job.id);
      await database.db.delete(jobs).where(eq(jobs.id, a.job.id));
    });

    test('a failed job keeps its error and checkpoint, and a retry resumes from the checkpoint', async () => {
      const runner = startJobRunner(services, registry, { pollMs: 20 });
      try {
        const { job } = await submitJob(database.db, { kind: `resume-${engine.name}`, input: {}, createdBy: null, organisationId: null });
        const failed = await until(async () => {
          const [row] = await database.db.select().from(jobs).where(eq(jobs.id, job.id));
          return row!.status === 'failed' ? row : undefined;
        });
        assert.equal(failed.error?.code, 'VALIDATION_FAILED');
        assert.deepEqual(failed.error?.fields, { 'row2.name': '缺少姓名' });
        await database.db.update(jobs).set({ status: 'queued' }).where(eq(jobs.id, job.id));
        const ok = await until(async () => {
          const [row] = await database.db.select().from(jobs).where(eq(jobs.id, job.id));
          return row!.status === 'succeeded' ? row : undefined;
        });
        assert.deepEqual(ok.result, { resumedFrom: { step: 1 } });
        assert.equal(ok.attempts, 2);
        assert.deepEqual(seen, [null, { step: 1 }]);
      } finally {
        await runner.stop();
      }
    });

    test('a running job whose runner stopped heart-beating is taken over', async () => {
      const { job } = await submitJob(database.db, {
        kind: `count-${engine.name}`,
        input: { n: 1 },
        createdBy: null,
        organisationId: null,
      });
      await database.db
        .update(jobs)
        .set({ status: 'running', lockedBy: 'dead-runner', heartbeatAt: sql`now() - interval '10 minutes'` })
        .where(eq(jobs.id, job.id));
      const runner = startJobRunner(services, registry, { pollMs: 20 });
      try {
        const done = await until(async () => {
          const [row] = await database.db.select().from(jobs).where(eq(jobs.id, job.id));
          return row!.status === 'succeeded' ? row : undefined;
        });
        assert.deepEqual(done.result, { sum: 1 });
      } finally {
        await runner.stop();
      }
    });
  });
}
