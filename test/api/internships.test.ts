import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enterprises, students } from '../../server/platform/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const lawfulPost = {
  title: '数控车床操作实习',
  kind: 'placement',
  positionStaff: 20,
  places: 3,
  monthlyPayYuan: 3600,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  insurance: 'enterprise',
  startDate: '2030-03-01',
  endDate: '2030-08-31',
  majorCodes: ['460101'],
};

for (const engine of testEngines()) {
  describe(`internship posts and applications [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());
    const db = () => server.services.database.db;

    async function world() {
      const district = await makeDistrict(db());
      const school = await makeSchool(db(), district.id);
      const otherSchool = await makeSchool(db(), district.id);
      const enterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db().insert(enterprises).values({ organisationId: enterprise.id, size: 'medium', industryCode: 'C', staffCount: 50 });
      const otherEnterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db().insert(enterprises).values({ organisationId: otherEnterprise.id, size: 'small', industryCode: 'C', staffCount: 10 });
      const studentUser = await makeUser(db(), 'student', school.id);
      const student = await makeStudent(db(), server.services.pii, school.id, { userId: studentUser.id });
      await db().update(students).set({ birthDate: '2008-05-01', cohort: 2027 }).where(eq(students.id, student.id));
      const users = {
        enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
        otherEnterprise: await makeUser(db(), 'enterprise_admin', otherEnterprise.id),
        school: await makeUser(db(), 'school_admin', school.id),
        otherSchool: await makeUser(db(), 'school_admin', otherSchool.id),
        student: studentUser,
      };
      return { district, school, enterprise, student, users };
    }

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    test('publishing refuses a post that breaks the regulation, naming each rule', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', { ...lawfulPost, monthlyPayYuan: 3000, nightShift: true, fees: ['deposit'] });
      assert.equal(draft.status, 201);
      const res = await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'RULE_VIOLATION');
      assert.deepEqual(res.body.violations.map((v: { rule: { code: string } }) => v.rule.code).sort(), [
        'forbidden_fees',
        'forbidden_tasks',
        'intern_pay_floor',
      ]);
      assert.ok(res.body.fields.monthlyPayYuan && res.body.fields.nightShift && res.body.fields.fees);
    });

    test('the whole path: publish, apply, school approves, enterprise accepts; applying twice is refused', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', lawfulPost);
      const published = await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      assert.equal(published.status, 200);
      assert.equal(published.body.status, 'published');
      const s = await as(w.users.student);
      const applied = await s.post(`/api/internship-posts/${draft.body.id}/applications`, {});
      assert.equal(applied.status, 201);
      const twice = await s.post(`/api/internship-posts/${draft.body.id}/applications`, {});
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'ALREADY_APPLIED');
      const early = await e.post(`/api/internship-applications/${applied.body.id}/accept`, {});
      assert.equal(early.body.code, 'INVALID_STATE');
      const sc = await as(w.users.school);
      assert.equal((await sc.post(`/api/internship-applications/${applied.body.id}/approve`, {})).body.status, 'school_approved');
      const accepted = await e.post(`/api/internship-applications/${applied.body.id}/accept`, {});
      assert.equal(accepted.status, 200);
      assert.equal(accepted.body.status, 'accepted');
      const post = await e.get(`/api/internship-posts/${draft.body.id}`);
      assert.equal(post.body.placesTaken, 1);
    });

    test('another enterprise or school cannot see or decide the application (404)', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', lawfulPost);
      await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      const applied = await (await as(w.users.student)).post(`/api/internship-posts/${draft.body.id}/applications`, {});
      const other = await as(w.users.otherSchool);
      assert.equal((await other.get(`/api/internship-applications/${applied.body.id}`)).status, 404);
      assert.equal((await other.post(`/api/internship-applications/${applied.body.id}/approve`, {})).status, 404);
      const oe = await as(w.users.otherEnterprise);
      assert.equal((await oe.post(`/api/internship-applications/${applied.body.id}/accept`, {})).status, 404);
      assert.equal((await oe.post(`/api/internship-posts/${draft.body.id}/publish`, { version: 1 })).status, 404);
      // A student may not approve, and a school may not accept.
      assert.equal((await (await as(w.users.student)).post(`/api/internship-applications/${applied.body.id}/approve`, {})).status, 403);
      assert.equal((await (await as(w.users.school)).post(`/api/internship-applications/${applied.body.id}/accept`, {})).status, 403);
    });

    test('the enterprise cap (10% of staff) refuses the acceptance that would exceed it', async () => {
      const w = await world();
      await db().update(enterprises).set({ staffCount: 9 }).where(eq(enterprises.organisationId, w.enterprise.id));
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', lawfulPost);
      await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      const applied = await (await as(w.users.student)).post(`/api/internship-posts/${draft.body.id}/applications`, {});
      await (await as(w.users.school)).post(`/api/internship-applications/${applied.body.id}/approve`, {});
      const res = await e.post(`/api/internship-applications/${applied.body.id}/accept`, {});
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'INTERN_CAP_EXCEEDED');
      assert.equal(res.body.rule.code, 'intern_enterprise_cap');
    });

    test('a student under 16 on the start date may not apply for a placement; a first-year may not either', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      await db().update(students).set({ birthDate: '2014-06-01' }).where(eq(students.id, w.student.id));
      const draft = await e.post('/api/internship-posts', lawfulPost);
      await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      const res = await (await as(w.users.student)).post(`/api/internship-posts/${draft.body.id}/applications`, {});
      assert.equal(res.status, 422);
      assert.deepEqual(
        res.body.violations.map((v: { rule: { code: string } }) => v.rule.code),
        ['intern_min_age'],
      );
      await db().update(students).set({ birthDate: '2008-05-01', cohort: 2029 }).where(eq(students.id, w.student.id));
      const firstYear = await (await as(w.users.student)).post(`/api/internship-posts/${draft.body.id}/applications`, {});
      assert.equal(firstYear.status, 422);
      assert.deepEqual(
        firstYear.body.violations.map((v: { rule: { code: string } }) => v.rule.code),
        ['placement_min_study_year'],
      );
    });
  });
}
