import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import { loadConfig } from '../../server/platform/config.ts';
import { rows, type Database } from '../../server/platform/db/engine.ts';
import { importFiles, jobs, sessions, signInThrottle } from '../../server/platform/db/schema/index.ts';
import { DAILY_JOBS } from '../../server/job-kinds.ts';
import { PLATFORM_TIDY_JOB, refreshPlannerStatistics, tidy } from '../../server/platform/jobs/tidy.ts';
import { openTestDatabase, testEngines } from '../support/engines.ts';
import { makeOrganisation, makeUser } from '../support/factory.ts';

const DAY = 86_400_000;

for (const engine of testEngines()) {
  describe(`daily clean-up [${engine.name}]`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(engine);
    });
    after(() => database.close());
    const db = () => database.db;

    test('the daily runner queues the clean-up', () => {
      assert.ok(DAILY_JOBS.some((j) => j.kind === PLATFORM_TIDY_JOB));
    });

    test('gathers the planner statistics on PGlite, which has no autovacuum (PostgreSQL leaves it to its own)', async () => {
      const reltuples = async () =>
        Number((await rows<{ n: number }>(db(), sql`select reltuples as n from pg_class where oid = to_regclass('sessions')`))[0]!.n);
      if (engine.name !== 'pglite') return assert.equal(await refreshPlannerStatistics(database), false);
      assert.equal(await reltuples(), -1, 'a new table has never been analysed');
      assert.equal(await refreshPlannerStatistics(database), true);
      assert.ok((await reltuples()) >= 0);
    });

    test("purges ended sessions, spent throttle rows and finished jobs' payloads after the configured retention; keeps the rest", async () => {
      const config = loadConfig({ SESSION_RETENTION_DAYS: '2', SIGN_IN_THROTTLE_RETENTION_DAYS: '3', JOB_PAYLOAD_RETENTION_DAYS: '10' });
      const now = new Date('2026-06-15T03:00:00Z');
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      const user = await makeUser(db(), 'city_admin', (await makeOrganisation(db(), 'bureau')).id);
      const session = (id: string, lastSeenDaysAgo: number, expiresDaysAgo: number) => ({
        id,
        userId: user.id,
        csrfToken: 'x',
        createdAt: ago(lastSeenDaysAgo + 1),
        lastSeenAt: ago(lastSeenDaysAgo),
        expiresAt: ago(expiresDaysAgo),
      });
      await db()
        .insert(sessions)
        .values([
          session('live', 0, -0.3),
          session('expired-long-ago', 4, 3),
          session('expired-yesterday', 1.5, 1),
          session('idle-long-ago', 5, -1),
        ]);
      await db()
        .insert(signInThrottle)
        .values([
          { key: 'pair:old|1.2.3.4', failures: 2, windowStartedAt: ago(4), lockedUntil: null },
          { key: 'account:recent', failures: 2, windowStartedAt: ago(1), lockedUntil: null },
          { key: 'account:locked', failures: 0, windowStartedAt: ago(5), lockedUntil: new Date(now.getTime() + 60_000) },
        ]);
      const job = (status: 'succeeded' | 'failed' | 'running', finishedDaysAgo: number | null) => ({
        id: crypto.randomUUID(),
        kind: 'students.import',
        status,
        input: { fileId: 'f' },
        checkpoint: { row: 10 },
        result: { imported: 1 },
        finishedAt: finishedDaysAgo === null ? null : ago(finishedDaysAgo),
        createdBy: null,
        organisationId: null,
      });
      const [oldDone, oldFailed, recentDone, running] = [
        job('succeeded', 11),
        job('failed', 30),
        job('succeeded', 9),
        job('running', null),
      ];
      await db().insert(jobs).values([oldDone, oldFailed, recentDone, running]);
      const file = (jobId: string) => ({
        entity: 'students' as const,
        fileName: 'a.csv',
        format: 'csv' as const,
        byteSize: 3,
        sha256: 'x',
        data: Buffer.from('abc'),
        createdBy: user.id,
        jobId,
      });
      const [oldFile, recentFile] = await db()
        .insert(importFiles)
        .values([file(oldFailed.id), file(recentDone.id)])
        .returning({ id: importFiles.id });

      const result = await tidy(db(), now, config.sessionIdleMinutes, config.retention);
      assert.deepEqual(result, { sessions: 2, throttleRows: 1, jobPayloads: 2, importFiles: 1 });
      const left = (await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id))).map((r) => r.id).sort();
      assert.deepEqual(left, ['expired-yesterday', 'live']);
      assert.deepEqual((await db().select({ key: signInThrottle.key }).from(signInThrottle)).map((r) => r.key).sort(), [
        'account:locked',
        'account:recent',
      ]);
      const after = new Map(
        (
          await db()
            .select()
            .from(jobs)
            .where(inArray(jobs.id, [oldDone.id, oldFailed.id, recentDone.id, running.id]))
        ).map((j) => [j.id, j]),
      );
      for (const gone of [oldDone, oldFailed]) {
        assert.deepEqual(
          [after.get(gone.id)!.input, after.get(gone.id)!.checkpoint, after.get(gone.id)!.result, after.get(gone.id)!.status],
          [{}, null, { imported: 1 }, gone.status],
        );
      }
      for (const kept of [recentDone, running])
        assert.deepEqual([after.get(kept.id)!.input, after.get(kept.id)!.checkpoint], [{ fileId: 'f' }, { row: 10 }]);
      const data = new Map(
        (await db().select({ id: importFiles.id, data: importFiles.data }).from(importFiles)).map((f) => [f.id, f.data]),
      );
      assert.equal(data.get(oldFile!.id), null);
      assert.ok(data.get(recentFile!.id));
      assert.deepEqual(
        await tidy(db(), now, config.sessionIdleMinutes, config.retention),
        { sessions: 0, throttleRows: 0, jobPayloads: 0, importFiles: 0 },
        'a second run finds nothing',
      );
    });
  });
}
