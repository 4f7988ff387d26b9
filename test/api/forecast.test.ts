import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { addMonths, monthOf } from '../../core/forecast/index.ts';
import { filled, SERIES_MONTHLY_JOB, seriesMonthlyJob } from '../../server/forecast/index.ts';
import { DAILY_JOBS } from '../../server/job-kinds.ts';
import { auditLog, demands, talentSeries } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { finished } from './plan-fixtures.ts';

/**
 * 人才供需月度序列与预测: the monthly job measures the register into one row per month × series (a re-run
 * overwrites, never doubles), and the bureau's and departments' routes show each series with its forecast.
 */
for (const engine of testEngines()) {
  describe(`talent series and forecast [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    async function as(role: keyof typeof w.users) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(w.users[role].username, TEST_PASSWORD)).status, 200);
      return c;
    }
    const month = () => monthOf(todayOf(server.services.now()));
    async function refresh() {
      const c = await as('cityAdmin');
      const res = await c.post('/api/forecast/series/refresh', {});
      assert.equal(res.status, 202, JSON.stringify(res.body));
      const job = await finished(c, res.body.id);
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      return job;
    }
    const stored = (measure: string, dimension: string, key: string) =>
      server.services.database.db
        .select()
        .from(talentSeries)
        .where(
          and(eq(talentSeries.measure, measure as 'headcount'), eq(talentSeries.dimension, dimension as 'city'), eq(talentSeries.key, key)),
        );

    test('the job measures open demands by city, cluster and major into this month; a re-run overwrites', async () => {
      const job = await refresh();
      assert.equal(job.result.month, month());
      assert.deepEqual(
        (await stored('headcount', 'city', '')).map((r) => [r.month, r.value, r.source]),
        [[month(), 8, 'register']],
      );
      assert.equal((await stored('demands', 'city', ''))[0]!.value, 2);
      assert.equal((await stored('headcount', 'cluster', 'equipment'))[0]!.value, 8);
      assert.equal((await stored('headcount', 'major', '460101'))[0]!.value, 5);
      assert.equal((await stored('headcount', 'major', ''))[0]!.value, 3, 'a demand naming no major counts under 不限专业');
      // the second run of the month: same rows, one each; a closed demand's major is gone from the month
      await server.services.database.db.update(demands).set({ status: 'closed' }).where(eq(demands.id, w.majorDemandId));
      await refresh();
      assert.deepEqual(
        (await stored('headcount', 'city', '')).map((r) => r.value),
        [3],
      );
      assert.equal((await stored('headcount', 'major', '460101')).length, 0);
      const audits = await server.services.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'job'));
      assert.ok(audits.length >= 2, 'each refresh is audited');
    });

    test('a resumed run goes on from its checkpoint with the dimensions left', async () => {
      const saved: Record<string, unknown>[] = [];
      const result = await seriesMonthlyJob({
        services: server.services,
        jobId: '00000000-0000-4000-8000-000000000000',
        input: { month: month() },
        checkpoint: { month: month(), done: ['city', 'cluster'] },
        progress: async () => {},
        saveCheckpoint: async (c) => void saved.push(c),
      });
      assert.deepEqual(Object.keys(result.series as object), ['major']);
      assert.deepEqual(saved.at(-1), { month: month(), done: ['city', 'cluster', 'major'] });
      assert.equal((await stored('headcount', 'major', '')).length, 1);
    });

    test('a month measured without the key is 0; a month nobody measured carries the one before', () => {
      const p = (month: string, value: number) => ({ month, value, source: 'register' as const });
      const months = filled([p('2025-01', 4), p('2025-04', 6)], '2025-05', new Set(['2025-01', '2025-03', '2025-04', '2025-05']));
      assert.deepEqual(
        months.map((m) => [m.month, m.value]),
        [
          ['2025-01', 4],
          ['2025-02', 4],
          ['2025-03', 0],
          ['2025-04', 6],
          ['2025-05', 0],
        ],
      );
    });

    test('a series with two years of history is forecast 12 months ahead with 80/95% bands and its backtest', async () => {
      const db = server.services.database.db;
      const pattern = [2, 3, 6, 5, 4, 3, 1, 1, 5, 6, 4, 2];
      const past = Array.from({ length: 30 }, (_, i) => addMonths(month(), i - 30));
      await db.insert(talentSeries).values(
        past.map((m, i) => ({
          month: m,
          measure: 'headcount' as const,
          dimension: 'city' as const,
          key: '',
          value: 20 + i + pattern[Number(m.slice(5, 7)) - 1]!,
          source: 'demo' as const,
          measuredAt: new Date(),
        })),
      );
      const res = await (await as('department')).get('/api/forecast/series/city/_?measure=headcount');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.history.length, 31);
      assert.equal(res.body.history[30].month, month());
      assert.equal(res.body.history[30].source, 'register');
      const f = res.body.forecast;
      assert.equal(f.steps.length, 12);
      assert.equal(f.steps[0].month, addMonths(month(), 1));
      assert.equal(f.steps[11].month, addMonths(month(), 12));
      for (const s of f.steps) assert.ok(s.lo95 <= s.lo80 && s.lo80 <= s.mean && s.mean <= s.hi80 && s.hi80 <= s.hi95 && s.lo95 >= 0);
      assert.ok(f.scores.some((s: { method: string }) => s.method === f.method));
      assert.equal(f.scores.find((s: { method: string }) => s.method === 'seasonal-naive').relative, 1);

      const list = await (await as('cityAdmin')).get('/api/forecast/series?dimension=city&measure=headcount');
      assert.equal(list.status, 200);
      assert.equal(list.body.lastMonth, month());
      assert.equal(list.body.items[0].key, '_');
      assert.equal(list.body.items[0].method, f.method);
      assert.equal(list.body.items[0].months, 31);
    });

    test('a short series is listed without a forecast; clusters and majors are named', async () => {
      const res = await (await as('cityAdmin')).get('/api/forecast/series?dimension=cluster&measure=headcount');
      assert.equal(res.status, 200);
      const equipment = res.body.items.find((i: { key: string }) => i.key === 'equipment');
      assert.equal(equipment.months, 1);
      assert.equal(equipment.next12Mean, null);
      assert.ok(equipment.name && equipment.name !== 'equipment');
      const detail = await (await as('cityAdmin')).get('/api/forecast/series/cluster/equipment?measure=headcount');
      assert.equal(detail.status, 200);
      assert.equal(detail.body.forecast, null);
      const supply = await (await as('cityAdmin')).get('/api/forecast/series?dimension=major&measure=students');
      assert.equal(supply.status, 200);
      assert.equal(
        supply.body.items.reduce((s: number, i: { latest: number }) => s + i.latest, 0),
        0,
        'no students enrolled in this world',
      );
    });

    test('majors whose forecast demand falls or is too little, and growing clusters no major feeds, are warned with their figures', async () => {
      const db = server.services.database.db;
      const past = Array.from({ length: 30 }, (_, i) => addMonths(month(), i - 30));
      const row = (m: string, measure: 'headcount' | 'students', dimension: 'major' | 'cluster', key: string, value: number) => ({
        month: m,
        measure,
        dimension,
        key,
        value,
        source: 'demo' as const,
        measuredAt: new Date(),
      });
      await db.insert(talentSeries).values([
        // a major whose demand halves in 30 months, 400 students enrolled
        ...past.map((m, i) => row(m, 'headcount', 'major', '460101', Math.round(60 - 1.5 * i) + (Number(m.slice(5, 7)) % 3))),
        ...past.map((m) => row(m, 'students', 'major', '460101', 400)),
        // a cluster whose demand grows steadily and that no major feeds
        ...[...past, month()].map((m, i) => row(m, 'headcount', 'cluster', 'new_materials', 10 + i + (Number(m.slice(5, 7)) % 2))),
      ]);
      const res = await (await as('department')).get('/api/forecast/warnings');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.thresholds, { demandDropShare: 0.2, minDemandPer100Students: 5, clusterGrowthShare: 0.1 });
      const of = (kind: string, key: string) => res.body.items.find((w: { kind: string; key: string }) => w.kind === kind && w.key === key);
      const falling = of('demand_falling', '460101');
      assert.ok(falling, JSON.stringify(res.body.items));
      assert.ok(falling.change < -0.2 && falling.forecastDemand < falling.recentDemand);
      assert.equal(falling.students, 0, 'the register has no students of the major this month');
      const cluster = of('cluster_without_majors', 'new_materials');
      assert.ok(cluster, JSON.stringify(res.body.items));
      assert.ok(cluster.change >= 0.1);
      assert.ok(cluster.name && cluster.name !== 'new_materials');
      assert.equal(of('cluster_without_majors', 'equipment'), undefined, 'a short series is not judged');
    });

    test('only the bureau and the departments read; only the bureau refreshes; unknown series are 404', async () => {
      for (const who of ['districtA', 'schoolAdminA', 'entAdmin'] as const) {
        const c = await as(who);
        assert.equal((await c.get('/api/forecast/series')).status, 403, who);
        assert.equal((await c.get('/api/forecast/series/city/_')).status, 403, who);
        assert.equal((await c.get('/api/forecast/warnings')).status, 403, who);
        assert.equal((await c.post('/api/forecast/series/refresh', {})).status, 403, who);
      }
      assert.equal((await (await as('department')).post('/api/forecast/series/refresh', {})).status, 403);
      assert.equal((await new TestClient(server.url).get('/api/forecast/series')).status, 401);
      const admin = await as('cityAdmin');
      assert.equal((await admin.get('/api/forecast/series/cluster/no_such')).status, 404);
      assert.equal((await admin.get('/api/forecast/series/major/999999')).status, 404);
      assert.equal((await admin.get('/api/forecast/series/city/equipment')).status, 404);
      assert.equal((await admin.get('/api/forecast/series/region/_')).status, 400);
      assert.equal((await admin.get('/api/forecast/series?measure=profit')).status, 400);
      const later = await server.services.database.db
        .select()
        .from(talentSeries)
        .where(sql`${talentSeries.month} > ${month()}`);
      assert.equal(later.length, 0, 'nothing is written for a month to come');
    });
    // Last: its run writes a month of the past, which the tests above do not expect.
    test("the daily run queues one job a day, which measures the register into the day's month", async () => {
      const daily = DAILY_JOBS.find((j) => j.kind === SERIES_MONTHLY_JOB)!;
      const db = server.services.database.db;
      const key = `${SERIES_MONTHLY_JOB}:2019-03-05`;
      const [a, b] = [(await daily.queue(db, key)) as { id: string; input: unknown }, (await daily.queue(db, key)) as { id: string }];
      assert.equal(a.id, b.id, 'the same day queues the same job');
      assert.deepEqual(a.input, { month: '2019-03' });
      const job = await finished(await as('cityAdmin'), a.id);
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      assert.equal(job.result.month, '2019-03');
      assert.deepEqual(
        (await stored('headcount', 'city', '')).filter((r) => r.month === '2019-03').map((r) => [r.value, r.source]),
        [[3, 'register']],
      );
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const schoolA = await makeSchool(db, districtA.id);
  const ent = await makeEnterprise(db, districtA.id, { clusterCode: 'equipment' });
  const [majorDemand] = await db
    .insert(demands)
    .values([
      { enterpriseId: ent.id, kind: 'talent', title: '数控技术员', status: 'open', headcount: 5, majorCodes: ['460101'] },
      { enterpriseId: ent.id, kind: 'talent', title: '普工', status: 'open', headcount: 3 },
      { enterpriseId: ent.id, kind: 'talent', title: '草稿需求', status: 'draft', headcount: 40 },
    ])
    .returning();
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    entAdmin: await makeUser(db, 'enterprise_admin', ent.id),
  };
  return { users, majorDemandId: majorDemand!.id };
}
