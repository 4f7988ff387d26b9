import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enterprises, internshipPosts, students } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** What the web pages need beyond the lifecycle: finding posts, a post's full terms, editing drafts, decisions' reasons. */
const terms = {
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
};

for (const engine of testEngines()) {
  describe(`internship posts for the pages: search, terms, drafts [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
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
      const school = await makeSchool(db(), district.id);
      const enterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db().insert(enterprises).values({ organisationId: enterprise.id, size: 'medium', industryCode: 'C', staffCount: 50 });
      const far = await makeOrganisation(db(), 'enterprise', { districtId: otherDistrict.id });
      await db().insert(enterprises).values({ organisationId: far.id, size: 'medium', industryCode: 'C', staffCount: 50 });
      const studentUser = await makeUser(db(), 'student', school.id);
      const student = await makeStudent(db(), server.services.pii, school.id, { userId: studentUser.id });
      await db().update(students).set({ birthDate: '2008-05-01', cohort: 2027 }).where(eq(students.id, student.id));
      const otherSchool = await makeSchool(db(), district.id);
      return {
        district,
        otherDistrict,
        enterprise,
        far,
        student,
        users: {
          enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
          far: await makeUser(db(), 'enterprise_admin', far.id),
          school: await makeUser(db(), 'school_admin', school.id),
          otherSchool: await makeUser(db(), 'school_admin', otherSchool.id),
          student: studentUser,
        },
      };
    }

    async function published(c: TestClient, body: Record<string, unknown>) {
      const draft = await c.post('/api/internship-posts', { ...terms, ...body });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const res = await c.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    }

    test('a post whose dates are over is not offered: students and schools do not find it, applying is refused; its enterprise still lists it', async () => {
      const w = await world();
      const tag = `截止${Math.random().toString(36).slice(2, 8)}`;
      const open = await published(await as(w.users.enterprise), { title: `${tag}装配实习` });
      const ended = await published(await as(w.users.enterprise), { title: `${tag}质检实习` });
      // Time passes: the second post ran last year (what a published post that nobody closed looks like).
      await db().update(internshipPosts).set({ startDate: '2024-03-01', endDate: '2024-08-31' }).where(eq(internshipPosts.id, ended.id));
      for (const user of [w.users.student, w.users.school]) {
        const found = await (await as(user)).get(`/api/internship-posts?q=${encodeURIComponent(tag)}`);
        assert.deepEqual(
          found.body.items.map((p: { id: string }) => p.id),
          [open.id],
        );
        assert.equal(found.body.total, 1);
      }
      const own = await (await as(w.users.enterprise)).get(`/api/internship-posts?q=${encodeURIComponent(tag)}`);
      assert.equal(own.body.total, 2, 'the enterprise still sees its ended post');
      const s = await as(w.users.student);
      // A link to it still opens it, and says it has ended before the student taps 申请.
      assert.equal((await s.get(`/api/internship-posts/${ended.id}`)).status, 200);
      const check = await s.get(`/api/internship-posts/${ended.id}/application-check`);
      assert.deepEqual(check.body, { canApply: false, code: 'POST_EXPIRED', reason: '该岗位已于2024-08-31结束，不再接受申请' });
      const refused = await s.post(`/api/internship-posts/${ended.id}/applications`, {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'POST_EXPIRED');
      assert.equal(refused.body.fields.postId, '岗位已截止');
      const bySchool = await (await as(w.users.school)).post(`/api/internship-posts/${ended.id}/applications`, { studentId: w.student.id });
      assert.equal(bySchool.body.code, 'POST_EXPIRED');
      assert.equal((await s.post(`/api/internship-posts/${open.id}/applications`, {})).status, 201);
      // Only a student (or the school, for its student) asks: an enterprise may not, another school's student is not found.
      assert.equal((await (await as(w.users.enterprise)).get(`/api/internship-posts/${open.id}/application-check`)).status, 403);
      assert.equal(
        (await (await as(w.users.otherSchool)).get(`/api/internship-posts/${open.id}/application-check?studentId=${w.student.id}`)).status,
        404,
      );
    });

    test('students find published posts by words, major and district, and read the full terms', async () => {
      const w = await world();
      const tag = `检索${Math.random().toString(36).slice(2, 8)}`;
      const near = await published(await as(w.users.enterprise), {
        title: `${tag}数控车床`,
        majorCodes: ['460101'],
        location: '郑州市金水区',
      });
      await published(await as(w.users.far), { title: `${tag}电商客服`, majorCodes: ['530701'] });
      const s = await as(w.users.student);
      const byWord = await s.get(`/api/internship-posts?q=${encodeURIComponent(tag)}`);
      assert.equal(byWord.body.total, 2);
      const byMajor = await s.get(`/api/internship-posts?q=${encodeURIComponent(tag)}&majorCode=460101`);
      assert.deepEqual(
        byMajor.body.items.map((p: { id: string }) => p.id),
        [near.id],
      );
      const byDistrict = await s.get(`/api/internship-posts?q=${encodeURIComponent(tag)}&districtId=${w.otherDistrict.id}`);
      assert.equal(byDistrict.body.total, 1);
      assert.notEqual(byDistrict.body.items[0].id, near.id);
      // A search text's % is a character, not a wildcard.
      assert.equal((await s.get(`/api/internship-posts?q=${encodeURIComponent(`${tag}%`)}`)).body.total, 0);
      const detail = await s.get(`/api/internship-posts/${near.id}`);
      assert.equal(detail.body.dailyHours, 8);
      assert.equal(detail.body.insurance, 'enterprise');
      assert.equal(detail.body.districtName, w.district.name);
      assert.equal(detail.body.location, '郑州市金水区');
      assert.deepEqual(
        detail.body.majors.map((m: { code: string }) => m.code),
        ['460101'],
      );
      assert.equal((await s.get('/api/internship-posts?majorCode=12')).status, 400);
    });

    test('an enterprise edits its draft with the version it read; not after publishing, not another enterprise, not a student', async () => {
      const w = await world();
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', { ...terms, title: '焊接实习' });
      const edited = await e.patch(`/api/internship-posts/${draft.body.id}`, {
        version: draft.body.version,
        monthlyPayYuan: 3300,
        title: '焊接与装配实习',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.monthlyPayYuan, 3300);
      assert.equal(edited.body.title, '焊接与装配实习');
      assert.equal(edited.body.version, draft.body.version + 1);
      const stale = await e.patch(`/api/internship-posts/${draft.body.id}`, { version: draft.body.version, places: 2 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      assert.equal(
        (await (await as(w.users.far)).patch(`/api/internship-posts/${draft.body.id}`, { version: edited.body.version, places: 2 })).status,
        404,
      );
      assert.equal(
        (await (await as(w.users.student)).patch(`/api/internship-posts/${draft.body.id}`, { version: edited.body.version, places: 2 }))
          .status,
        403,
      );
      // A draft is not visible to students at all; the bureau sees it (it may create and publish on any enterprise's behalf).
      assert.equal((await (await as(w.users.student)).get(`/api/internship-posts/${draft.body.id}`)).status, 404);
      const bureau = await as(await makeUser(db(), 'city_admin', (await makeOrganisation(db(), 'bureau')).id));
      assert.equal((await bureau.get(`/api/internship-posts/${draft.body.id}`)).status, 200);
      assert.ok(
        (await bureau.get('/api/internship-posts?status=draft&pageSize=200')).body.items.some(
          (p: { id: string }) => p.id === draft.body.id,
        ),
      );
      const pub = await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: edited.body.version });
      assert.equal(pub.status, 200);
      const late = await e.patch(`/api/internship-posts/${draft.body.id}`, { version: pub.body.version, places: 2 });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'INVALID_STATE');
    });

    test('the regulation figures for the forms come from the policy file, for signed-in users only', async () => {
      const w = await world();
      const res = await (await as(w.users.enterprise)).get('/api/internship-rules');
      assert.equal(res.status, 200);
      assert.equal(res.body.payFloor.code, 'intern_pay_floor');
      assert.ok(res.body.payFloor.value > 0 && res.body.payFloor.value < 1);
      assert.ok(res.body.fees.items.some((i: { code: string }) => i.code === 'deposit'));
      assert.equal((await new TestClient(server.url).get('/api/internship-rules')).status, 401);
    });

    test('an application names both parties, and a refusal carries its reason to the student', async () => {
      const w = await world();
      const p = await published(await as(w.users.enterprise), { title: '装配实习' });
      const s = await as(w.users.student);
      const applied = await s.post(`/api/internship-posts/${p.id}/applications`, {});
      assert.equal(applied.body.enterpriseName, w.enterprise.name);
      assert.ok(applied.body.schoolName);
      assert.equal(applied.body.reason, null);
      await (await as(w.users.school)).post(`/api/internship-applications/${applied.body.id}/reject`, { reason: '请先完成校内实训考核' });
      const mine = await s.get('/api/internship-applications');
      assert.equal(mine.body.items[0].status, 'rejected');
      assert.equal(mine.body.items[0].reason, '请先完成校内实训考核');
    });
  });
}
