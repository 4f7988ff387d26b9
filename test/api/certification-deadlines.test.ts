import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { DAILY_JOBS } from '../../server/job-kinds.ts';
import { CERTIFICATION_EXPIRE_JOB, CERTIFICATION_REMIND_JOB } from '../../server/certification/index.ts';
import { sendAnnualReportReminders } from '../../server/certification/jobs/reminders.ts';
import { startDailyJobs } from '../../server/platform/jobs/daily.ts';
import { auditLog, certificationCases, enterprises, jobs } from '../../server/platform/db/schema/index.ts';
import { certificationPolicy } from '../../policy/index.ts';
import { certifiedCase } from '../support/certification.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * After certification (issue 14): the daily jobs that end a certification past its validity and remind certified
 * enterprises of the annual report before its due day (once per window) and after it, and the bureau's list of
 * those who have not reported, with the policy's consequence; each scoped like the cases.
 */
for (const engine of testEngines()) {
  describe(`产教融合型企业 expiry, annual-report reminders and non-reporters [${engine.name}]`, () => {
    let server: TestServer;
    let clock = new Date('2026-01-10T02:00:00Z');
    before(async () => {
      server = await startTestServer(engine);
      server.services.now = () => clock;
      await loadRegistryCatalogues(db());
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const at = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }
    /** The day's certification jobs, as `npm start` queues them, run to the end. */
    async function runDaily() {
      const daily = DAILY_JOBS.filter((j) => j.kind === CERTIFICATION_EXPIRE_JOB || j.kind === CERTIFICATION_REMIND_JOB);
      assert.equal(daily.length, 2, 'both are daily jobs');
      startDailyJobs(server.services, daily).stop();
      let runs: (typeof jobs.$inferSelect)[] = [];
      for (let i = 0; i < 200 && !(runs.length === 2 && runs.every((r) => r.status === 'succeeded' || r.status === 'failed')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        runs = await db()
          .select()
          .from(jobs)
          .where(inArray(jobs.idempotencyKey, [`${CERTIFICATION_EXPIRE_JOB}:${day()}`, `${CERTIFICATION_REMIND_JOB}:${day()}`]));
      }
      for (const r of runs) assert.equal(r.status, 'succeeded', JSON.stringify(r.error));
      return Object.fromEntries(runs.map((r) => [r.kind, r.result as Record<string, number>]));
    }
    const day = () => clock.toISOString().slice(0, 10);
    const inbox = async (c: TestClient) =>
      ((await c.get('/api/notifications?pageSize=50')).body.items as { kind: string; title: string; body: string }[]).filter((n) =>
        n.kind.startsWith('certification.'),
      );

    test('a lapsed certification expires with its audit and notice; reminders once per window, then overdue; the non-reporters list', async () => {
      at('2026-01-10');
      const district = await makeDistrict(db());
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const dept = await makeOrganisation(db(), 'department');
      const owing = await makeEnterprise(db(), district.id, { name: '郑州未报送装备有限公司' });
      const lapsing = await makeEnterprise(db(), district.id, { name: '郑州到期科技有限公司' });
      const reported = await makeEnterprise(db(), district.id, { name: '郑州已报送物流有限公司' });
      const elsewhere = await makeEnterprise(db(), otherDistrict.id, { name: '郑州外区制造有限公司' });
      const u = {
        bureau: await makeUser(db(), 'city_admin', bureau.id),
        dept: await makeUser(db(), 'department', dept.id),
        district: await makeUser(db(), 'district', district.id),
        owing: await makeUser(db(), 'enterprise_admin', owing.id),
        lapsing: await makeUser(db(), 'enterprise_admin', lapsing.id),
        reported: await makeUser(db(), 'enterprise_admin', reported.id),
        elsewhere: await makeUser(db(), 'enterprise_admin', elsewhere.id),
      };
      const owingCase = await certifiedCase(db(), owing.id, '2025-03-01', '2028-03-01');
      const lapsingCase = await certifiedCase(db(), lapsing.id, '2023-01-04', '2026-01-05');
      const reportedCase = await certifiedCase(db(), reported.id, '2025-03-01', '2028-03-01');
      await certifiedCase(db(), elsewhere.id, '2025-06-01', '2028-06-01');
      const r = await as(u.reported);
      const filed = await r.post(`/api/certification/cases/${reportedCase}/annual-reports`, {
        year: 2025,
        narrative: '本年度接收实习学生40人，与合作院校共建课程三门。',
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));

      const first = await runDaily();
      assert.equal(first[CERTIFICATION_EXPIRE_JOB]!.expired, 1);
      const [lapsed] = await db().select().from(certificationCases).where(eq(certificationCases.id, lapsingCase));
      assert.equal(lapsed!.stage, 'expired');
      const [status] = await db().select().from(enterprises).where(eq(enterprises.organisationId, lapsing.id));
      assert.equal(status!.integrationStatus, 'none', 'the register follows');
      const audits = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, lapsingCase), eq(auditLog.action, 'certification.expire')));
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.actorName, '系统（认定到期）');
      assert.deepEqual(
        (await inbox(await as(u.lapsing))).map((n) => n.title),
        ['产教融合型企业认定已到期'],
      );
      const publicList = await new TestClient(server.url).get('/api/public/certified-enterprises');
      assert.ok(!publicList.body.items.some((i: { enterpriseName: string }) => i.enterpriseName === '郑州到期科技有限公司'));

      // 2026-01-10 is within 30 days of 2026-01-31: those owing the 2025 report hear of it; those who reported do not.
      const o = await as(u.owing);
      assert.deepEqual(
        (await inbox(o)).map((n) => n.title),
        ['请于2026-01-31前报送2025年度产教融合报告'],
      );
      assert.deepEqual(await inbox(r), []);
      assert.equal((await inbox(await as(u.elsewhere))).length, 1);
      const again = await sendAnnualReportReminders(db(), clock, null);
      assert.equal(again.enterprises, 2);
      assert.equal(again.delivered, 0, 'the same window: nobody is told twice');

      // The non-reporters: the bureau and departments see the city, a district its own, an enterprise itself.
      const list = async (c: TestClient, q = '') => (await c.get(`/api/certification/annual-reports/missing${q}`)).body;
      const city = await list(await as(u.bureau));
      assert.equal(city.year, 2025);
      assert.equal(city.dueOn, '2026-01-31');
      assert.equal(city.overdue, false);
      assert.deepEqual(city.items.map((i: { enterpriseName: string }) => i.enterpriseName).sort(), [
        '郑州外区制造有限公司',
        '郑州未报送装备有限公司',
      ]);
      assert.equal((await list(await as(u.dept))).items.length, 2);
      assert.deepEqual(
        (await list(await as(u.district))).items.map((i: { caseId: string }) => i.caseId),
        [owingCase],
      );
      assert.equal((await list(await as(u.bureau), `?districtId=${otherDistrict.id}`)).items.length, 1);
      assert.deepEqual(
        (await list(o)).items.map((i: { caseId: string }) => i.caseId),
        [owingCase],
      );
      assert.deepEqual((await list(r)).items, [], 'an enterprise sees only itself');
      assert.equal((await (await as(u.bureau)).get('/api/certification/annual-reports/missing?year=1999')).status, 400);
      assert.equal((await new TestClient(server.url).get('/api/certification/annual-reports/missing')).status, 401);

      // The window of 7 days, then overdue: one message each; the list says they are late and what follows.
      at('2026-01-25');
      await runDaily();
      at('2026-02-01');
      await runDaily();
      const o2 = await as(u.owing);
      assert.deepEqual(
        (await inbox(o2)).map((n) => n.title),
        ['2025年度产教融合报告已逾期', '请于2026-01-31前报送2025年度产教融合报告', '请于2026-01-31前报送2025年度产教融合报告'],
      );
      const late = await list(await as(u.bureau));
      assert.equal(late.overdue, true);
      assert.equal(late.consequence, certificationPolicy.lifecycle.annualReportOverdue);
      assert.equal(late.items.length, 2);
    });
  });
}
