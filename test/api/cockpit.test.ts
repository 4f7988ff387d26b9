import { todayOf } from '../../core/calendar.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  enterprises,
  internshipPosts,
  jobs,
  majorGroups,
  teacherPracticePeriods,
  teachers,
} from '../../server/platform/db/schema/index.ts';
import { INDICATORS_RECOMPUTE_JOB } from '../../server/cockpit/indicators/job.ts';
import { startDailyJobs } from '../../server/platform/jobs/daily.ts';
import { DAILY_JOBS } from '../../server/job-kinds.ts';
import { enterprisePracticeStanding } from '../../core/registry/teacher-practice.ts';
import { planPracticeRule } from '../../server/registry/repository/registry-rules.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildPlanWorld, enterprise, finished, PDF_BYTES, signedIn, upload, type PlanWorld } from './plan-fixtures.ts';

/**
 * The cockpit, its indicators and the public statistics over real HTTP: who sees which scope, recompute
 * jobs and the history they keep, drill-downs, reported values with evidence, and publication.
 */
for (const engine of testEngines()) {
  describe(`plan cockpit [${engine.name}]`, () => {
    let server: TestServer;
    let w: PlanWorld;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildPlanWorld(server);
    });
    after(() => server.close());
    const as = (who: keyof PlanWorld['users']) => signedIn(server, w.users[who].username);
    const target = (body: { targets: Array<{ code: string }> }, code: string) =>
      body.targets.find((t) => t.code === code) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

    async function recompute() {
      const admin = await as('cityAdmin');
      const res = await admin.post('/api/indicators/recompute', {});
      assert.equal(res.status, 202);
      const job = await finished(admin, res.body.id);
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      return job;
    }

    test('before the first recompute the cockpit answers with no values and says so', async () => {
      const res = await (await as('cityAdmin')).get('/api/cockpit');
      assert.equal(res.status, 200);
      assert.equal(res.body.computedAt, null);
      assert.ok(res.body.alerts.some((a: { kind: string }) => a.kind === 'noSnapshot'));
      assert.equal(res.body.targets.length, 33);
      assert.ok(res.body.targets.every((t: { status: string }) => t.status === 'unknown'));
      // …and the first viewer's request starts the initial computation (once).
      const admin = await as('cityAdmin');
      let computed = null;
      for (let i = 0; i < 100 && !computed; i++) {
        computed = (await admin.get('/api/cockpit')).body.computedAt;
        if (!computed) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(computed, 'the initial snapshot was computed');
    });

    test('only the bureau may recompute; the job reports its progress and result', async () => {
      assert.equal((await (await as('hrss')).post('/api/indicators/recompute', {})).status, 403);
      const job = await recompute();
      assert.deepEqual(job.progress.done, job.progress.total);
      assert.equal(job.result.scopes, 4, 'the city and three districts');
      assert.equal(job.result.values, 4 * 33);
    });

    test('city-wide figures come from the register, with status, parts, districts and clusters', async () => {
      const res = await (await as('cityAdmin')).get('/api/cockpit');
      assert.equal(res.status, 200);
      assert.equal(res.body.scope.kind, 'city');
      assert.equal(target(res.body, 'integration_enterprises').value, 4);
      assert.equal(target(res.body, 'training_bases').value, 2, 'the carrier under construction is not counted');
      const dual = target(res.body, 'dual_qualified_share');
      assert.deepEqual([dual.value, dual.numerator, dual.denominator], [63.6, 7, 11]);
      assert.equal(dual.method, 'computed');
      assert.ok(['green', 'amber', 'red'].includes(dual.status));
      assert.equal(target(res.body, 'graduate_retention_rate').method, 'computed', "from graduates' destinations (issue 16)");
      assert.deepEqual(
        [target(res.body, 'graduate_retention_rate').value, target(res.body, 'graduate_retention_rate').status],
        [null, 'unknown'],
      );
      assert.deepEqual([target(res.body, 'key_majors').method, target(res.body, 'key_majors').value], ['computed', 0]);
      assert.equal(target(res.body, 'internship_posts_share').value, null, 'no enterprise above designated size yet');
      const a = res.body.districts.find((d: { id: string }) => d.id === w.districtA.id);
      assert.equal(a.values.integration_enterprises, 3);
      assert.equal(res.body.districts.find((d: { id: string }) => d.id === w.devZone.id).devZone, true);
      const cluster = res.body.clusters.find((c: { code: string }) => c.code === 'test_cluster');
      assert.deepEqual([cluster.enterprises, cluster.certifiedEnterprises], [1, 1]);
      assert.ok(res.body.alerts.some((x: { kind: string }) => x.kind === 'indicator'));
    });

    test('key major groups and the internship places of enterprises above designated size are counted from the register', async () => {
      const { db } = server.services.database;
      await db.insert(majorGroups).values([
        { schoolId: w.schoolA.id, name: '智能制造专业群', clusterCode: 'test_cluster', keyMajor: true },
        { schoolId: w.schoolA.id, name: '未认定专业群', clusterCode: 'test_cluster', keyMajor: false },
      ]);
      const [big] = await db.select().from(enterprises).where(eq(enterprises.clusterCode, 'test_cluster'));
      await db
        .update(enterprises)
        .set({ aboveDesignatedSize: true, staffCount: 500 })
        .where(eq(enterprises.organisationId, big!.organisationId));
      const year = Number(todayOf(new Date()).slice(0, 4));
      const post = (places: number, startDate: string, status: 'published' | 'draft', endDate = startDate) => ({
        enterpriseId: big!.organisationId,
        title: '数控车工实习',
        kind: 'placement' as const,
        positionStaff: 100,
        places,
        monthlyPayYuan: 3000,
        samePostWageYuan: 3500,
        dailyHours: 8,
        weeklyHours: 40,
        insurance: 'enterprise' as const,
        startDate,
        endDate,
        status,
      });
      await db
        .insert(internshipPosts)
        .values([
          post(10, `${year}-03-01`, 'published'),
          post(7, `${year}-04-01`, 'draft'),
          post(9, `${year - 1}-03-01`, 'published'),
          post(4, `${year - 1}-12-01`, 'published', `${year}-01-31`),
        ]);
      await recompute();
      const res = await (await as('cityAdmin')).get('/api/cockpit');
      assert.equal(target(res.body, 'key_majors').value, 1, 'only the designated group');
      const share = target(res.body, 'internship_posts_share');
      assert.deepEqual([share.value, share.numerator, share.denominator], [2.8, 14, 500], 'places of posts running this year, not drafts');
      const page = await (await as('cityAdmin')).get(`/api/internship-stats/post-share/${big!.organisationId}`);
      assert.equal(page.body.enterprise.placesOffered, share.numerator, 'the cockpit and the 2%–3% page count the same places');
      assert.equal(share.status, 'green', 'within 2%–3%');
      const drill = await (await as('districtA')).get('/api/cockpit/drill/internship_posts_share');
      assert.deepEqual(
        drill.body.items.map((e: { places: number; share: number }) => [e.places, e.share]),
        [[14, 2.8]],
      );
      assert.equal(
        (await (await as('districtB')).get('/api/cockpit/drill/key_majors')).body.total,
        0,
        'another district’s groups are not listed',
      );
      assert.equal((await (await as('districtA')).get('/api/cockpit/drill/key_majors')).body.items[0].name, '智能制造专业群');
    });

    test('teachers’ enterprise practice (1 year in 5) is counted from their periods as the core counts it, with the teachers behind it', async () => {
      const { db } = server.services.database;
      const today = todayOf(new Date());
      const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
      const windowStart = enterprisePracticeStanding([], today, planPracticeRule()).windowStart;
      const w0 = (Date.parse(windowStart) - Date.parse(today)) / 86_400_000; // the window's first day, as an offset
      const byName = new Map(
        (await db.select({ id: teachers.id, name: teachers.name }).from(teachers).where(eq(teachers.status, 'active'))).map((t) => [
          t.name,
          t.id,
        ]),
      );
      const periods: Record<string, Array<{ start: string; end: string | null }>> = {
        教师0: [{ start: day(-400), end: null }], // still there: 401 days
        教师1: [
          { start: day(-300), end: day(-100) },
          { start: day(-200), end: day(-1) },
        ], // overlap: 300 distinct days, not 401
        教师2: [
          { start: day(-730), end: day(-549) },
          { start: day(-548), end: day(-366) },
        ], // touching: exactly 365
        教师3: [{ start: day(w0 - 400), end: day(w0 + 99) }], // 500 days, 100 of them inside the window
        教师4: [{ start: day(10), end: day(400) }], // not yet
        乙校教师: [{ start: day(-1000), end: day(-500) }],
      };
      for (const [name, list] of Object.entries(periods)) {
        await db
          .insert(teacherPracticePeriods)
          .values(list.map((p) => ({ teacherId: byName.get(name)!, enterpriseName: '测试企业', startDate: p.start, endDate: p.end })));
      }
      await recompute();
      const city = target((await (await as('cityAdmin')).get('/api/cockpit')).body, 'teacher_enterprise_practice');
      assert.deepEqual([city.method, city.value, city.numerator, city.denominator], ['computed', 27.3, 3, 11]);
      assert.deepEqual([city.unit, city.comparator, city.goal], ['%', '>=', 100], 'judged as the share of teachers against all of them');
      assert.equal(city.progress, 0.273);
      const a = await as('districtA');
      const own = target((await a.get('/api/cockpit')).body, 'teacher_enterprise_practice');
      assert.deepEqual([own.value, own.numerator, own.denominator], [20, 2, 10]);

      // The drill-down: district A's ten specialty teachers, those behind first, each with the core's count of days.
      const drill = await a.get('/api/cockpit/drill/teacher_enterprise_practice?pageSize=50');
      assert.equal(drill.status, 200);
      assert.equal(drill.body.total, 10);
      const rows = drill.body.items as Array<{ name: string; practiceDays: number; meets: boolean; idNumber: string | null }>;
      for (const r of rows) {
        const standing = enterprisePracticeStanding(periods[r.name] ?? [], today, planPracticeRule());
        assert.deepEqual([r.name, r.practiceDays, r.meets], [r.name, standing.days, standing.met]);
      }
      assert.deepEqual(
        rows
          .filter((r) => r.meets)
          .map((r) => r.name)
          .sort(),
        ['教师0', '教师2'],
      );
      assert.equal(
        rows.findIndex((r) => r.meets),
        8,
        'those who do not meet the rule come first',
      );
      assert.deepEqual(
        rows
          .filter((r) => r.practiceDays > 0 && !r.meets)
          .map((r) => [r.name, r.practiceDays])
          .sort(),
        [
          ['教师1', 300],
          ['教师3', 100],
        ],
      );
      assert.ok(!JSON.stringify(drill.body).includes('11010519491231002X'), 'masked ID numbers only');
      const b = await (await as('districtB')).get('/api/cockpit/drill/teacher_enterprise_practice');
      assert.deepEqual(
        b.body.items.map((r: { name: string }) => r.name),
        ['乙校教师'],
        'another district’s teachers are not listed',
      );
      assert.equal((await a.get(`/api/cockpit/drill/teacher_enterprise_practice?districtId=${w.districtB.id}`)).status, 404);
      assert.equal((await (await as('schoolAdmin')).get('/api/cockpit/drill/teacher_enterprise_practice')).status, 403);
    });

    test('a district sees its own district only; another district is 404; departments see the city', async () => {
      const a = await as('districtA');
      const own = await a.get('/api/cockpit');
      assert.equal(own.status, 200);
      assert.equal(own.body.scope.districtId, w.districtA.id);
      assert.equal(target(own.body, 'integration_enterprises').value, 3);
      assert.equal(target(own.body, 'integration_enterprises').cityTotal, true, 'a city-wide count is not judged per district');
      assert.equal(target(own.body, 'integration_enterprises').status, 'unknown');
      assert.equal(target(own.body, 'dual_qualified_share').cityTotal, false);
      assert.notEqual(target(own.body, 'dual_qualified_share').status, 'unknown', 'shares hold in every district');
      assert.equal(own.body.districts.length, 1);
      const other = await a.get(`/api/cockpit?districtId=${w.districtB.id}`);
      assert.equal(other.status, 404);
      assert.equal((await a.get(`/api/cockpit/drill/integration_enterprises?districtId=${w.districtB.id}`)).status, 404);
      const dept = await as('hrss');
      assert.equal(target((await dept.get('/api/cockpit')).body, 'integration_enterprises').value, 4);
      assert.equal(target((await dept.get(`/api/cockpit?districtId=${w.districtB.id}`)).body, 'integration_enterprises').value, 1);
      assert.equal((await (await as('schoolAdmin')).get('/api/cockpit')).status, 403);
    });

    test('drill-down lists the records behind a number, within scope; teachers by name and masked ID only', async () => {
      const a = await as('districtA');
      const ent = await a.get('/api/cockpit/drill/integration_enterprises?pageSize=50');
      assert.equal(ent.status, 200);
      assert.equal(ent.body.total, 3);
      assert.ok(ent.body.items.every((e: { district: string }) => e.district === w.districtA.name));
      const bases = await a.get('/api/cockpit/drill/training_bases');
      assert.deepEqual(bases.body.items.map((b: { name: string }) => b.name).sort(), ['甲区实训基地一', '甲区实训基地二']);
      const inCluster = await a.get('/api/cockpit/drill/enterprises?cluster=test_cluster');
      assert.equal(inCluster.body.total, 1);
      const t = await (await as('cityAdmin')).get('/api/cockpit/drill/dual_qualified_share?pageSize=200');
      assert.equal(t.body.total, 11);
      assert.deepEqual(Object.keys(t.body.items[0]).sort(), ['dualQualified', 'employment', 'id', 'idNumber', 'name', 'school']);
      const text = JSON.stringify(t.body);
      assert.ok(text.includes('110105********002X'));
      assert.ok(!text.includes('11010519491231002X'), 'never the clear ID number');
      assert.equal((await a.get('/api/cockpit/drill/no_such_target')).status, 404);
    });

    test('every recompute keeps its values: history grows and the trend follows', async () => {
      await enterprise(server.services.database.db, w.districtA.id, 'certified_city');
      await recompute();
      const admin = await as('cityAdmin');
      const h = await admin.get('/api/indicators/integration_enterprises/history');
      assert.equal(h.status, 200);
      assert.deepEqual(
        h.body.items.slice(0, 2).map((x: { value: number }) => x.value),
        [5, 4],
      );
      assert.ok(h.body.items.every((x: { source: string }) => x.source === 'computed'));
      const hA = await (await as('districtA')).get('/api/indicators/integration_enterprises/history');
      assert.equal(hA.body.scope, w.districtA.id);
      assert.equal(hA.body.items[0].value, 4);
      const c = await admin.get('/api/cockpit');
      const trend = target(c.body, 'integration_enterprises').trend;
      assert.equal(trend.at(-1).value, 5, 'the month shows its latest value');
    });

    test('reported values: only the responsible unit reports; figures contradicting their definition are refused', async () => {
      const hrss = await as('hrss');
      const union = await as('union');
      const day = new Date().toISOString().slice(0, 10);
      assert.equal((await union.post('/api/indicators/virtual_simulation_bases/reports', { value: 3, measuredOn: day })).status, 404);
      const computed = await hrss.post('/api/indicators/integration_enterprises/reports', { value: 3, measuredOn: day });
      assert.equal(computed.status, 400);
      assert.ok(computed.body.fields.code);
      // Every share target is computed now (smart_campus_share since issue 18); a share above 100% is refused by
      // core/indicators/validate.ts (test/core/indicators.test.ts). A reported count must be whole:
      const fraction = await hrss.post('/api/indicators/virtual_simulation_bases/reports', { value: 2.5, measuredOn: day });
      assert.equal(fraction.status, 400);
      assert.match(fraction.body.fields.value, /整数/);
      const negative = await hrss.post('/api/indicators/virtual_simulation_bases/reports', { value: -1, measuredOn: day });
      assert.equal(negative.status, 400);
      assert.match(negative.body.fields.value, /负数/);
      assert.equal(
        (await (await as('schoolAdmin')).post('/api/indicators/virtual_simulation_bases/reports', { value: 3, measuredOn: day })).status,
        403,
      );
    });

    test('a reported value with evidence, accepted by the bureau, enters the cockpit and its drill-down', async () => {
      const hrss = await as('hrss');
      const day = new Date().toISOString().slice(0, 10);
      const created = await hrss.post('/api/indicators/virtual_simulation_bases/reports', {
        value: 12,
        measuredOn: day,
        note: '立项文件见附件',
      });
      assert.equal(created.status, 201);
      const id = created.body.id;
      const path = `/api/indicators/reports/${id}/evidence`;
      assert.equal((await upload(hrss, path, '立项文件.pdf', PDF_BYTES)).status, 201);
      const exe = await upload(hrss, path, 'tool.exe', Buffer.from('MZ\x90\x00'));
      assert.equal(exe.status, 415);
      const renamed = await upload(hrss, path, '假文件.pdf', Buffer.from('MZ\x90\x00this is not a pdf'));
      assert.equal(renamed.status, 415);
      assert.match(renamed.body.message, /不是PDF文件/);
      const big = await upload(hrss, path, '大文件.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]));
      assert.equal(big.status, 413);
      assert.match(big.body.message, /超过上限10 MB/);
      assert.equal((await upload(await as('union'), path, 'x.pdf', PDF_BYTES)).status, 404, "another unit's report does not exist for it");
      const report = await hrss.get(`/api/indicators/reports/${id}`);
      assert.equal(report.body.evidence.length, 1, 'refused files leave the report as it was');
      const file = await fetch(`${server.url}${path}/${report.body.evidence[0].id}`, { headers: { cookie: hrss.cookie } });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');

      assert.equal((await hrss.post(`/api/indicators/reports/${id}/review`, { decision: 'accept', version: 1 })).status, 403);
      const admin = await as('cityAdmin');
      const reviewed = await admin.post(`/api/indicators/reports/${id}/review`, { decision: 'accept', version: report.body.version });
      assert.equal(reviewed.status, 200);
      assert.equal(reviewed.body.status, 'accepted');
      assert.equal(
        (await admin.post(`/api/indicators/reports/${id}/review`, { decision: 'reject', version: reviewed.body.version })).status,
        409,
      );
      let value: number | null = null;
      for (let i = 0; i < 100 && value !== 12; i++) {
        value = target((await admin.get('/api/cockpit')).body, 'virtual_simulation_bases').value;
        if (value !== 12) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(value, 12, 'acceptance queues a recompute');
      const drill = await admin.get('/api/cockpit/drill/virtual_simulation_bases');
      assert.equal(drill.body.items[0].organisation, '市人社局');
      assert.equal(drill.body.items[0].evidence, '立项文件.pdf');
    });

    test('public statistics show only what the bureau published; publishing is audited', async () => {
      const anon = await fetch(`${server.url}/api/public/statistics`);
      assert.equal(anon.status, 200);
      assert.deepEqual((await anon.json()).items, []);
      assert.equal(
        (await (await as('hrss')).request('PUT', '/api/indicators/integration_enterprises/publication', { published: true })).status,
        403,
      );
      const admin = await as('cityAdmin');
      const put = await admin.request('PUT', '/api/indicators/integration_enterprises/publication', { published: true });
      assert.equal(put.status, 200);
      assert.equal((await admin.request('PUT', '/api/indicators/no_such/publication', { published: true })).status, 404);
      const body = await (await fetch(`${server.url}/api/public/statistics`)).json();
      assert.deepEqual(
        body.items.map((i: { code: string }) => i.code),
        ['integration_enterprises'],
      );
      assert.equal(body.items[0].value, 5);
      assert.ok(!JSON.stringify(body).includes(w.districtA.id), 'no district figures in public');
      await admin.request('PUT', '/api/indicators/integration_enterprises/publication', { published: false });
      assert.deepEqual((await (await fetch(`${server.url}/api/public/statistics`)).json()).items, []);
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'indicator'), eq(auditLog.entityId, 'integration_enterprises')));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['indicator.publish', 'indicator.unpublish']);
      const list = await admin.get('/api/indicators');
      assert.equal(list.body.items.find((i: { code: string }) => i.code === 'integration_enterprises').published, false);
    });

    test('the daily recompute is queued once a day however many servers start, so the history grows unattended', async () => {
      const key = `${INDICATORS_RECOMPUTE_JOB}:${todayOf(server.services.now())}`;
      const daily = DAILY_JOBS.filter((j) => j.kind === INDICATORS_RECOMPUTE_JOB);
      assert.equal(daily.length, 1, 'the recompute is one of the daily jobs');
      const servers = [startDailyJobs(server.services, daily), startDailyJobs(server.services, daily)];
      servers.forEach((d) => d.stop());
      const { db } = server.services.database;
      let runs: (typeof jobs.$inferSelect)[] = [];
      for (let i = 0; i < 200 && !(runs.length && runs.every((r) => r.status === 'succeeded')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        runs = await db
          .select()
          .from(jobs)
          .where(and(eq(jobs.kind, INDICATORS_RECOMPUTE_JOB), eq(jobs.idempotencyKey, key)));
      }
      assert.equal(runs.length, 1, 'one run for the day');
      assert.equal(runs[0]!.status, 'succeeded', JSON.stringify(runs[0]!.error));
      assert.deepEqual(runs[0]!.input, { reason: 'daily' });
    });
  });
}
