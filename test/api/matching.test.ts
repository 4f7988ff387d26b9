import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, notInArray } from 'drizzle-orm';
import { auditLog, clusterMajors, internshipPosts, majors, programs, students } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitForJob } from './imports-fixtures.ts';

const lawfulPost = {
  title: '数控车床操作实习',
  kind: 'placement',
  positionStaff: 10,
  places: 3,
  monthlyPayYuan: 3600,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  insurance: 'enterprise',
  startDate: '2030-03-01',
  endDate: '2030-08-31',
  majorCodes: ['460103'],
};

for (const engine of testEngines()) {
  describe(`matching: demands, profiles, recommendations, allocation [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
      await loadRegistryCatalogues(db());
      await db().insert(clusterMajors).values({ clusterCode: 'equipment', majorCode: '460103' }).onConflictDoNothing();
    });
    after(() => server.close());
    const db = () => server.services.database.db;

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    async function world() {
      const district = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const school = await makeSchool(db(), district.id);
      const otherSchool = await makeSchool(db(), district.id);
      const [major] = await db().select({ id: majors.id }).from(majors).where(eq(majors.code, '460103'));
      const [program] = await db()
        .insert(programs)
        .values({ schoolId: school.id, majorId: major!.id, startYear: 2020, enrolment: 120 })
        .returning();
      const enterprise = await makeEnterprise(db(), district.id, { staffCount: 50, clusterCode: 'equipment' });
      const otherEnterprise = await makeEnterprise(db(), district.id, { staffCount: 50 });
      const studentUser = await makeUser(db(), 'student', school.id);
      const pupils = [];
      for (let i = 0; i < 3; i++) {
        const s = await makeStudent(db(), server.services.pii, school.id, i === 0 ? { userId: studentUser.id } : {});
        await db().update(students).set({ programId: program!.id, birthDate: '2006-05-01', cohort: 2024 }).where(eq(students.id, s.id));
        pupils.push(s);
      }
      const stranger = await makeStudent(db(), server.services.pii, otherSchool.id);
      const users = {
        bureau: await makeUser(db(), 'city_admin', bureau.id),
        enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
        otherEnterprise: await makeUser(db(), 'enterprise_admin', otherEnterprise.id),
        school: await makeUser(db(), 'school_admin', school.id),
        otherSchool: await makeUser(db(), 'school_admin', otherSchool.id),
        student: studentUser,
      };
      return { district, school, otherSchool, program: program!, enterprise, otherEnterprise, pupils, stranger, users };
    }

    /** Allocation runs see every published post of the city: close the other tests' posts so the figures are this test's. */
    async function onlyThesePosts(...ids: string[]) {
      await db().update(internshipPosts).set({ status: 'closed' }).where(notInArray(internshipPosts.id, ids));
    }

    async function publishedPost(w: Awaited<ReturnType<typeof world>>, terms = {}) {
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', { ...lawfulPost, ...terms });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const pub = await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      return pub.body;
    }

    test('demands: an enterprise posts its own, the bureau on its behalf; others cannot touch them; every write audited', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      const created = await e.post('/api/demands', {
        kind: 'talent',
        title: '数控操作工',
        majorCodes: ['460103'],
        skills: ['数控编程'],
        headcount: 5,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.clusterCode, 'equipment', 'the enterprise cluster is the default');
      assert.equal(created.body.districtId, w.district.id);
      const missing = await e.post('/api/demands', { kind: 'talent', title: '没有人数' });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.fields.headcount);
      const tech = await e.post('/api/demands', { kind: 'technology', title: '铝材表面处理工艺难题', budgetYuan: 200000 });
      assert.equal(tech.status, 201, JSON.stringify(tech.body));
      const other = await as(w.users.otherEnterprise);
      assert.equal((await other.patch(`/api/demands/${created.body.id}`, { title: '改名', version: 1 })).status, 404);
      const otherPost = await other.post('/api/internship-posts', lawfulPost);
      const linked = await e.post('/api/demands', { kind: 'internship', title: '实习', internshipPostId: otherPost.body.id });
      assert.equal(linked.status, 404, 'another enterprise’s post cannot be linked');
      const bureau = await as(w.users.bureau);
      const onBehalf = await bureau.post('/api/demands', {
        kind: 'training',
        title: '员工数控培训',
        enterpriseId: w.enterprise.id,
        headcount: 30,
        status: 'draft',
      });
      assert.equal(onBehalf.status, 201, JSON.stringify(onBehalf.body));
      assert.equal(onBehalf.body.enterpriseId, w.enterprise.id);
      const student = await as(w.users.student);
      assert.equal((await student.post('/api/demands', { kind: 'talent', title: '学生不能发', headcount: 1 })).status, 403);
      assert.equal((await student.get(`/api/demands/${created.body.id}`)).status, 200, 'open demands are for everyone signed in');
      assert.equal((await student.get(`/api/demands/${onBehalf.body.id}`)).status, 404, 'drafts stay with the enterprise');
      assert.equal((await e.get(`/api/demands/${onBehalf.body.id}`)).status, 200);
      const closed = await e.patch(`/api/demands/${created.body.id}`, { status: 'closed', version: created.body.version });
      assert.equal(closed.body.status, 'closed');
      assert.equal((await e.patch(`/api/demands/${created.body.id}`, { status: 'closed', version: created.body.version })).status, 409);
      assert.equal(
        (await e.patch(`/api/demands/${created.body.id}`, { title: '关闭后不能改', version: closed.body.version })).status,
        409,
        'closed: reopen first',
      );
      const reopened = await e.patch(`/api/demands/${created.body.id}`, { status: 'open', version: closed.body.version });
      assert.equal(reopened.status, 200, JSON.stringify(reopened.body));
      assert.equal(reopened.body.status, 'open');
      const byBureau = await bureau.patch(`/api/demands/${created.body.id}`, {
        title: '数控操作工（市教育局代改）',
        headcount: 6,
        version: reopened.body.version,
      });
      assert.equal(byBureau.status, 200, 'the bureau edits on the enterprise’s behalf');
      assert.equal(byBureau.body.headcount, 6);
      const audits = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'demand'), eq(auditLog.entityId, created.body.id)));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['create', 'update', 'update', 'update']);
    });

    test('student profiles: the student and the school keep them, nobody else sees them', async () => {
      const w = await world();
      const s = await as(w.users.student);
      const empty = await s.get('/api/matching/profile');
      assert.equal(empty.status, 200);
      assert.equal(empty.body.version, 0);
      assert.equal(empty.body.majorCode, '460103');
      const saved = await s.request('PUT', '/api/matching/profile', {
        skills: ['数控编程'],
        certificates: ['1+X 数控车铣加工'],
        seekingInternship: true,
        discoverable: true,
        version: 0,
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, 1);
      assert.equal((await s.request('PUT', '/api/matching/profile', { skills: [], version: 0 })).status, 409);
      const bad = await s.request('PUT', '/api/matching/profile', { availableFrom: '2030-05-01', availableTo: '2030-01-01', version: 1 });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields.availableTo);
      const school = await as(w.users.school);
      assert.deepEqual((await school.get(`/api/matching/profile?studentId=${w.pupils[0]!.id}`)).body.certificates, ['1+X 数控车铣加工']);
      const other = await as(w.users.otherSchool);
      assert.equal((await other.get(`/api/matching/profile?studentId=${w.pupils[0]!.id}`)).status, 404);
      assert.equal((await (await as(w.users.enterprise)).get(`/api/matching/profile?studentId=${w.pupils[0]!.id}`)).status, 403);
      const profile = await school.get(`/api/matching/schools/${w.school.id}/profile`);
      assert.equal(profile.status, 200);
      assert.deepEqual(
        profile.body.programs.map((p: { majorCode: string; clusters: string[] }) => [p.majorCode, p.clusters]),
        [['460103', ['equipment']]],
      );
    });

    test('recommendations carry their breakdown, and each side sees only its own', async () => {
      const w = await world();
      const post = await publishedPost(w);
      const e = await as(w.users.enterprise);
      const demand = await e.post('/api/demands', {
        kind: 'talent',
        title: '数控技术员',
        majorCodes: ['460103'],
        certificates: ['1+X 数控车铣加工'],
        headcount: 2,
      });
      const s = await as(w.users.student);
      await s.request('PUT', '/api/matching/profile', { certificates: ['1+X 数控车铣加工'], discoverable: true, version: 0 });
      const forStudent = await s.get('/api/matching/recommendations/student');
      assert.equal(forStudent.status, 200, JSON.stringify(forStudent.body));
      const item = forStudent.body.items.find((i: { id: string }) => i.id === post.id);
      assert.ok(item, 'the fitting post is recommended');
      assert.deepEqual(
        item.parts.map((p: { label: string }) => p.label),
        ['专业对口', '技能证书', '通勤', '产业对接', '个人意向', '时间'],
      );
      assert.equal(item.parts[0].points, 40);
      assert.equal(Math.round(item.parts.reduce((a: number, p: { points: number }) => a + p.points, 0) * 10) / 10, item.score);
      const job = forStudent.body.items.find((i: { id: string }) => i.id === demand.body.id);
      assert.equal(job.parts[1].points, 20, 'the certificate asked for is held');
      const progs = await e.get(`/api/matching/recommendations/enterprise?demandId=${demand.body.id}`);
      assert.ok(progs.body.items.some((i: { id: string; type: string }) => i.type === 'program' && i.id === w.program.id));
      const found = await e.get(`/api/matching/recommendations/enterprise?demandId=${demand.body.id}&target=students`);
      const ids = found.body.items.map((i: { id: string }) => i.id);
      assert.ok(ids.includes(w.pupils[0]!.id), 'the opted-in student is found');
      assert.ok(!ids.includes(w.pupils[1]!.id), 'a student who did not opt in is never shown');
      assert.equal(
        (await (await as(w.users.otherEnterprise)).get(`/api/matching/recommendations/enterprise?demandId=${demand.body.id}`)).status,
        404,
      );
      const sc = await as(w.users.school);
      const forSchool = await sc.get('/api/matching/recommendations/school');
      assert.ok(forSchool.body.items.some((i: { id: string }) => i.id === demand.body.id));
      const ents = await sc.get('/api/matching/recommendations/school?target=enterprises');
      assert.ok(ents.body.items.some((i: { id: string; type: string }) => i.type === 'enterprise' && i.id === w.enterprise.id));
      assert.equal((await sc.get(`/api/matching/recommendations/school?schoolId=${w.otherSchool.id}`)).status, 404);
      assert.equal((await s.get(`/api/matching/recommendations/enterprise?demandId=${demand.body.id}`)).status, 403);
      assert.equal((await sc.get('/api/matching/supply-demand')).status, 403);
      const bureau = await as(w.users.bureau);
      for (const by of ['cluster', 'major', 'district']) {
        const sd = await bureau.get(`/api/matching/supply-demand?by=${by}`);
        assert.equal(sd.status, 200, JSON.stringify(sd.body));
        assert.ok(sd.body.totals.demandOpen >= 3 + 2);
      }
      const byDistrict = await bureau.get('/api/matching/supply-demand?by=district');
      const mine = byDistrict.body.rows.find((r: { key: string }) => r.key === w.district.id);
      assert.equal(mine.demandOpen, 3 + 2, 'the post’s places and the job’s headcount');
    });

    test('allocation: places and the 20% position cap hold, proposals are confirmed into the internship flow, rejected pairs stay out, re-runs do not duplicate', async () => {
      const w = await world();
      const post = await publishedPost(w); // 3 places, 10 staff in the position → the 20% cap allows 2
      await onlyThesePosts(post.id);
      for (const p of w.pupils) {
        const sc = await as(w.users.school);
        assert.equal(
          (await sc.request('PUT', `/api/matching/profile?studentId=${p.id}`, { seekingInternship: true, version: 0 })).status,
          200,
        );
      }
      const sc = await as(w.users.school);
      assert.equal((await sc.post('/api/matching/allocation-runs', { scope: 'city' })).status, 403, 'a school runs only its own');
      assert.equal((await sc.post('/api/matching/allocation-runs', { scope: 'school', schoolId: w.otherSchool.id })).status, 404);
      const started = await sc.post('/api/matching/allocation-runs', { scope: 'school' });
      assert.equal(started.status, 202, JSON.stringify(started.body));
      const job = await waitForJob(sc, started.body.jobId);
      assert.equal(job.status, 'succeeded', JSON.stringify(job));
      assert.equal(job.result.proposed, 2);
      const list = await sc.get(`/api/matching/proposals?runId=${started.body.runId}`);
      assert.equal(list.body.items.length, 2);
      assert.ok(list.body.items.every((p: { postId: string; parts: unknown[] }) => p.postId === post.id && p.parts.length === 6));
      assert.equal((await (await as(w.users.otherSchool)).get(`/api/matching/proposals?runId=${started.body.runId}`)).body.items.length, 0);
      const [first, second] = list.body.items;
      const oe = await as(w.users.otherEnterprise);
      assert.equal(
        (await oe.post(`/api/matching/proposals/${first.id}/decision`, { decision: 'confirm', version: first.version })).status,
        404,
      );
      const e = await as(w.users.enterprise);
      assert.equal(
        (await e.post(`/api/matching/proposals/${second.id}/decision`, { decision: 'reject', version: second.version })).status,
        400,
        'a reason is required',
      );
      const rejected = await e.post(`/api/matching/proposals/${second.id}/decision`, {
        decision: 'reject',
        reason: '岗位已调整',
        version: second.version,
      });
      assert.equal(rejected.body.status, 'rejected');
      const half = await sc.post(`/api/matching/proposals/${first.id}/decision`, { decision: 'confirm', version: first.version });
      assert.equal(half.body.status, 'proposed');
      assert.equal(half.body.schoolDecision, 'confirmed');
      const done = await e.post(`/api/matching/proposals/${first.id}/decision`, { decision: 'confirm', version: half.body.version });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.status, 'confirmed');
      const app = await e.get(`/api/internship-applications/${done.body.applicationId}`);
      assert.equal(app.body.status, 'accepted');
      assert.equal(app.body.source, 'allocation');
      // Re-run: the confirmed student is settled, the rejected pair is never proposed again, and the third
      // student takes the one place the position cap still allows.
      const again = await sc.post('/api/matching/allocation-runs', { scope: 'school' });
      const job2 = await waitForJob(sc, again.body.jobId);
      assert.equal(job2.status, 'succeeded', JSON.stringify(job2));
      const live = await sc.get('/api/matching/proposals?status=proposed');
      const pairs = live.body.items.map((p: { studentId: string }) => p.studentId);
      assert.ok(!pairs.includes(second.studentId), 'the rejected pair stays out');
      assert.equal(pairs.length, 1);
      const third = await sc.post('/api/matching/allocation-runs', { scope: 'school' });
      await waitForJob(sc, third.body.jobId);
      const live2 = await sc.get('/api/matching/proposals?status=proposed');
      assert.deepEqual(
        live2.body.items.map((p: { id: string }) => p.id),
        live.body.items.map((p: { id: string }) => p.id),
        'a re-run keeps the same proposal, no duplicate',
      );
      const student = await as(w.users.student);
      assert.equal((await student.get('/api/matching/proposals')).status, 200);
      assert.equal((await student.post(`/api/matching/proposals/${first.id}/decision`, { decision: 'confirm', version: 1 })).status, 403);
      const runs = await sc.get('/api/matching/allocation-runs');
      assert.equal(runs.body.items.length, 3);
      assert.equal((await (await as(w.users.otherSchool)).get('/api/matching/allocation-runs')).body.items.length, 0);
    });

    test('the city run is the bureau’s and respects the 10% enterprise cap across posts', async () => {
      const w = await world();
      // 50 staff → at most 5 placement interns; two posts with 4 places each, 20 staff per position (cap 4 each).
      const a = await publishedPost(w, { places: 4, positionStaff: 20, title: '装配实习' });
      const b = await publishedPost(w, { places: 4, positionStaff: 20, title: '检测实习' });
      await onlyThesePosts(a.id, b.id);
      const sc = await as(w.users.school);
      for (let i = 0; i < 5; i++) {
        const extra = await makeStudent(db(), server.services.pii, w.school.id);
        await db()
          .update(students)
          .set({ programId: w.program.id, birthDate: '2006-05-01', cohort: 2024 })
          .where(eq(students.id, extra.id));
        w.pupils.push(extra);
      }
      for (const p of w.pupils) await sc.request('PUT', `/api/matching/profile?studentId=${p.id}`, { seekingInternship: true, version: 0 });
      const bureau = await as(w.users.bureau);
      const started = await bureau.post('/api/matching/allocation-runs', { scope: 'city' });
      assert.equal(started.status, 202);
      const job = await waitForJob(bureau, started.body.jobId);
      assert.equal(job.status, 'succeeded', JSON.stringify(job));
      const mine = (await bureau.get(`/api/matching/proposals?runId=${started.body.runId}&pageSize=200`)).body.items.filter(
        (p: { postId: string }) => p.postId === a.id || p.postId === b.id,
      );
      assert.equal(mine.length, 5, '8 students, 8 places, but the enterprise may take 5');
      // The run's report: the pruned optimum, the pricing rounds (the last found nothing to add) and the pairs added.
      const run = (await bureau.get('/api/matching/allocation-runs')).body.items.find((r: { id: string }) => r.id === started.body.runId);
      assert.equal(run.pricingRounds, job.result.pricingRounds);
      assert.ok(
        run.pricingRounds >= 1 && run.prunedProposed <= run.proposed && run.prunedTotalScore <= run.totalScore,
        JSON.stringify(run),
      );
      assert.equal(run.candidateArcs + run.pricedArcs >= run.proposed, true);
    });
  });
}
