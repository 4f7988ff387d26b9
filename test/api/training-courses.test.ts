import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, clusterMajors, majors, programs } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const course = {
  name: '数控车铣加工提升班',
  majorCode: '460103',
  hours: 64,
  mode: 'offline',
  trainees: '制造企业一线技术工人',
  capacityPerYear: 40,
};

for (const engine of testEngines()) {
  describe(`training courses of schools, and training demands matched to them [${engine.name}]`, () => {
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
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const school = await makeSchool(db(), district.id);
      const otherSchool = await makeSchool(db(), district.id);
      const [major] = await db().select({ id: majors.id }).from(majors).where(eq(majors.code, '460103'));
      // Both schools teach the major: only the courses can tell them apart for a training demand.
      for (const s of [school, otherSchool])
        await db().insert(programs).values({ schoolId: s.id, majorId: major!.id, startYear: 2020, enrolment: 120 });
      const enterprise = await makeEnterprise(db(), district.id, { staffCount: 300, clusterCode: 'equipment' });
      return {
        school,
        otherSchool,
        enterprise,
        users: {
          bureau: await makeUser(db(), 'city_admin', bureau.id),
          district: await makeUser(db(), 'district', district.id),
          otherDistrict: await makeUser(db(), 'district', otherDistrict.id),
          school: await makeUser(db(), 'school_admin', school.id),
          teacher: await makeUser(db(), 'teacher', school.id),
          otherSchool: await makeUser(db(), 'school_admin', otherSchool.id),
          enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
        },
      };
    }

    test('a school keeps its own courses; another school, a teacher and an enterprise may not; every write audited', async () => {
      const w = await world();
      const s = await as(w.users.school);
      const created = await s.post('/api/training-courses', { ...course, schoolId: w.school.id });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.majorName, '数控技术');
      assert.equal(created.body.version, 1);
      assert.equal(
        (await s.post('/api/training-courses', { ...course, schoolId: w.school.id })).status,
        409,
        'same name twice in one school',
      );
      const badMajor = await s.post('/api/training-courses', {
        ...course,
        name: '不存在的专业',
        majorCode: '999999',
        schoolId: w.school.id,
      });
      assert.equal(badMajor.status, 400);
      assert.ok(badMajor.body.fields.majorCode);
      const badHours = await s.post('/api/training-courses', { ...course, name: '零学时', hours: 0, schoolId: w.school.id });
      assert.equal(badHours.status, 400);
      assert.ok(badHours.body.fields.hours);
      assert.equal(
        (await s.post('/api/training-courses', { ...course, schoolId: w.otherSchool.id })).status,
        404,
        'not into another school',
      );

      const other = await as(w.users.otherSchool);
      assert.equal((await other.get(`/api/training-courses/${created.body.id}`)).status, 404);
      assert.equal((await other.patch(`/api/training-courses/${created.body.id}`, { hours: 10, version: 1 })).status, 404);
      assert.equal((await other.post(`/api/training-courses/${created.body.id}/archive`, { version: 1 })).status, 404);
      assert.equal((await other.get(`/api/training-courses?schoolId=${w.school.id}`)).body.total, 0);
      const teacher = await as(w.users.teacher);
      assert.equal((await teacher.get(`/api/training-courses/${created.body.id}`)).status, 200);
      assert.equal((await teacher.patch(`/api/training-courses/${created.body.id}`, { hours: 10, version: 1 })).status, 403);
      const e = await as(w.users.enterprise);
      assert.equal((await e.get(`/api/training-courses?schoolId=${w.school.id}`)).body.total, 1, 'enterprises read every school’s courses');
      assert.equal((await e.post('/api/training-courses', { ...course, name: '企业不能登记', schoolId: w.school.id })).status, 403);
      assert.equal(
        (await (await as(w.users.otherDistrict)).patch(`/api/training-courses/${created.body.id}`, { hours: 10, version: 1 })).status,
        404,
      );

      const edited = await (
        await as(w.users.district)
      ).patch(`/api/training-courses/${created.body.id}`, { capacityPerYear: 60, version: 1 });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.capacityPerYear, 60);
      assert.equal((await s.patch(`/api/training-courses/${created.body.id}`, { hours: 80, version: 1 })).status, 409, 'a stale version');
      const archived = await s.post(`/api/training-courses/${created.body.id}/archive`, { version: 2 });
      assert.equal(archived.body.status, 'archived');
      assert.equal((await s.get(`/api/training-courses?schoolId=${w.school.id}`)).body.total, 0);
      assert.equal(
        (await s.patch(`/api/training-courses/${created.body.id}`, { hours: 80, version: 3 })).status,
        409,
        'archived: restore first',
      );
      assert.equal((await s.post(`/api/training-courses/${created.body.id}/restore`, { version: 3 })).body.status, 'active');
      const audits = await db()
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'trainingCourse'), eq(auditLog.entityId, created.body.id)));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['archive', 'create', 'restore', 'update']);
    });

    test('the school profile lists its courses; a training demand ranks the school with a fitting course first, with the reason', async () => {
      const w = await world();
      const s = await as(w.users.school);
      await s.post('/api/training-courses', { ...course, schoolId: w.school.id });
      // A course of another field earns nothing: it does not fit the demand's major.
      const other = await as(w.users.otherSchool);
      assert.equal(
        (await other.post('/api/training-courses', { ...course, name: '电子商务运营', majorCode: '530701', schoolId: w.otherSchool.id }))
          .status,
        201,
      );
      const e = await as(w.users.enterprise);
      const profile = await e.get(`/api/matching/schools/${w.school.id}/profile`);
      assert.equal(profile.status, 200);
      assert.deepEqual(
        profile.body.trainingCourses.map((c: { name: string; capacityPerYear: number }) => [c.name, c.capacityPerYear]),
        [[course.name, 40]],
      );

      const demand = await e.post('/api/demands', {
        kind: 'training',
        title: '数控操作员工技能提升',
        majorCodes: ['460103'],
        headcount: 80,
      });
      assert.equal(demand.status, 201, JSON.stringify(demand.body));
      const recs = await e.get(`/api/matching/recommendations/enterprise?demandId=${demand.body.id}&target=programs`);
      assert.equal(recs.status, 200, JSON.stringify(recs.body));
      const mine = recs.body.items.filter((i: { organisationId: string }) => [w.school.id, w.otherSchool.id].includes(i.organisationId));
      assert.deepEqual(
        mine.map((i: { organisationId: string }) => i.organisationId),
        [w.school.id, w.otherSchool.id],
        'the school with the course first',
      );
      const part = (i: { parts: { part: string; points: number; max: number; reason: string }[] }) =>
        i.parts.find((p) => p.part === 'course')!;
      // Same major (1.0) × capacity 40 of 80 wanted (0.5) × weight 20 = 10 points.
      assert.equal(part(mine[0]).points, 10);
      assert.equal(part(mine[0]).max, 20);
      assert.match(part(mine[0]).reason, /数控车铣加工提升班.*64 学时.*年可培训 40 人.*50%/);
      assert.equal(part(mine[1]).points, 0);
      assert.equal(mine[0].score, Math.round(mine[0].parts.reduce((a: number, p: { points: number }) => a + p.points, 0) * 10) / 10);

      const talent = await e.post('/api/demands', { kind: 'talent', title: '数控技术员', majorCodes: ['460103'], headcount: 2 });
      const talentRecs = await e.get(`/api/matching/recommendations/enterprise?demandId=${talent.body.id}&target=programs`);
      assert.ok(
        talentRecs.body.items.every((i: { parts: { part: string }[] }) => !i.parts.some((p) => p.part === 'course')),
        'only training demands have the course part',
      );

      const forSchool = await s.get('/api/matching/recommendations/school?target=demands');
      const item = forSchool.body.items.find((i: { id: string }) => i.id === demand.body.id);
      assert.ok(item, 'the school sees the training demand');
      assert.equal(part(item).points, 10);
    });
  });
}
