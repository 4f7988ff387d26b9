import assert from 'node:assert/strict';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { inArray, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { APPLICATION_NAME } from '../../server/platform/db/engine.ts';
import { carriers, jobs } from '../../server/platform/db/schema/index.ts';
import { JobRegistry } from '../../server/platform/jobs/registry.ts';
import { startJobRunner } from '../../server/platform/jobs/runner.ts';
import { submitJob } from '../../server/platform/jobs/submit.ts';
import { startDailyJobs } from '../../server/platform/jobs/daily.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The database server ends the platform's connections (as a restart or a failover does) while 50 clients write.
 * Only the PostgreSQL server has connections to lose; PGlite runs in the process.
 */
const server = testEngines().find((e) => e.name === 'postgres');
const WRITERS = 50;
const SERVE_AGAIN_WITHIN_MS = 10_000;

/** Ends every connection of the platform to its database, as `pg_ctl restart` would; returns how many. */
async function terminatePlatformConnections(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url, application_name: 'connection-loss-test' });
  await admin.connect();
  try {
    const r = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()`,
      [APPLICATION_NAME],
    );
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('database connections lost under load [postgres]', { skip: !server && 'TEST_DATABASE_URL is not set' }, () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer(server!);
  });
  after(() => app?.close());
  const db = () => app.services.database.db;

  test('acknowledged writes survive, the rest get 503 DB_UNAVAILABLE, and the platform serves again by itself', async () => {
    const district = await makeDistrict(db());
    const school = await makeSchool(db(), district.id);
    const bureau = await makeOrganisation(db(), 'bureau');
    // Five sessions shared by fifty concurrent clients: sign-in (argon2) is not what this test measures.
    const sessions = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const user = await makeUser(db(), 'city_admin', bureau.id);
        const c = new TestClient(app.url);
        assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
        return c;
      }),
    );
    type Outcome = { name: string; started: number; ended: number; status: number; code?: string; id?: string };
    const outcomes: Outcome[] = [];
    let stop = false;
    const writer = async (w: number) => {
      const c = Object.assign(new TestClient(app.url), { cookie: sessions[w % 5]!.cookie, csrfToken: sessions[w % 5]!.csrfToken });
      for (let i = 0; !stop; i++) {
        const name = `断线测试载体-${w}-${i}`;
        const started = performance.now();
        let status: number;
        let body: { id?: string; code?: string } = {};
        try {
          ({ status, body } = await c.post('/api/carriers', { kind: 'trainingBase', name, level: 'city', leadOrganisationId: school.id }));
        } catch {
          status = -1; // the HTTP connection itself failed: the process is gone
        }
        outcomes.push({ name, started, ended: performance.now(), status, code: body?.code, id: body?.id });
      }
    };
    const running = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await sleep(3000);
    const cutAt = performance.now();
    const terminated = await terminatePlatformConnections(server!.databaseUrl!);
    // Keep writing long enough for writes sent after the cut to come back on a loaded machine.
    await sleep(8000);
    stop = true;
    await Promise.all(running);

    const acknowledged = outcomes.filter((o) => o.status === 201);
    const refused = outcomes.filter((o) => o.status !== 201);
    const stored = new Set(
      (
        await db()
          .select({ name: carriers.name })
          .from(carriers)
          .where(
            inArray(
              carriers.name,
              acknowledged.map((o) => o.name),
            ),
          )
      ).map((r) => r.name),
    );
    const lost = acknowledged.filter((o) => !stored.has(o.name));
    // Serving again: the earliest moment after the cut at which a write sent then was acknowledged. (When its answer
    // arrived also counts the request's own time, which on a loaded machine with 50 writers is seconds.)
    const after = acknowledged.filter((o) => o.started >= cutAt);
    const serveAgainMs = after.length ? Math.round(Math.min(...after.map((o) => o.started)) - cutAt) : Infinity;
    const firstAnswerAfterMs = after.length ? Math.round(Math.min(...after.map((o) => o.ended)) - cutAt) : Infinity;
    console.log(
      JSON.stringify({
        name: 'connection-loss',
        writers: WRITERS,
        terminated,
        requests: outcomes.length,
        acknowledged: acknowledged.length,
        refused: refused.length,
        refusedBy: Object.fromEntries(
          Object.entries(Object.groupBy(refused, (o) => `${o.status} ${o.code}`)).map(([k, v]) => [k, v!.length]),
        ),
        lost: lost.length,
        serveAgainMs,
        firstAnswerAfterMs,
        loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
      }),
    );

    assert.ok(terminated > 0, 'the platform had connections to lose');
    assert.deepEqual(
      lost.map((o) => o.name),
      [],
      'every acknowledged write is stored',
    );
    assert.deepEqual(
      refused.filter((o) => !(o.status === 503 && o.code === 'DB_UNAVAILABLE')).map((o) => `${o.status} ${o.code}`),
      [],
      'every other write got the platform’s 503, not a 500 or a dropped connection',
    );
    assert.ok(serveAgainMs < SERVE_AGAIN_WITHIN_MS, `served again after ${serveAgainMs} ms`);
    assert.equal((await sessions[0]!.get('/api/auth/me')).status, 200);
    // Every connection the cut broke was given back to the pool: none is held by a transaction that never began.
    const pool = (db() as unknown as { $client: pg.Pool }).$client;
    assert.equal(pool.totalCount - pool.idleCount, 0, 'no connection is still checked out once the writers stopped');
  });

  test('a job whose connection is lost is queued again and finishes', async () => {
    const registry = new JobRegistry();
    let runs = 0;
    registry.register('connection-loss-sleeper', async ({ services }) => {
      runs += 1;
      // The first run holds a connection long enough to lose it; the retry is quick.
      if (runs === 1) await services.database.db.execute(sql`select pg_sleep(5)`);
      return { runs };
    });
    const services = { ...app.services, jobs: registry };
    const runner = startJobRunner(services, registry, { pollMs: 50 });
    try {
      const { job } = await submitJob(db(), { kind: 'connection-loss-sleeper', input: {}, createdBy: null, organisationId: null });
      while (runs === 0) await sleep(20);
      await sleep(300);
      assert.ok((await terminatePlatformConnections(server!.databaseUrl!)) > 0);
      let row;
      for (const t0 = Date.now(); Date.now() - t0 < 10_000; await sleep(100)) {
        [row] = await db()
          .select()
          .from(jobs)
          .where(eq(jobs.id, job.id))
          .catch(() => [undefined]);
        if (row?.status === 'succeeded' || row?.status === 'failed') break;
      }
      assert.equal(row?.status, 'succeeded', JSON.stringify(row?.error));
      assert.deepEqual([row?.result, row?.attempts], [{ runs: 2 }, 2]);
    } finally {
      await runner.stop();
    }
  });

  test('the daily timer tries again soon when it could not queue the day’s jobs', async () => {
    let calls = 0;
    const flaky = {
      kind: 'connection-loss-daily',
      queue: async () => {
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    };
    const daily = startDailyJobs(app.services, [flaky], () => {}, { retryAfterMs: 50 });
    try {
      for (const t0 = Date.now(); calls < 2 && Date.now() - t0 < 5000;) await sleep(20);
      assert.equal(calls, 2);
    } finally {
      daily.stop();
    }
  });
});
