import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { enterpriseRegistrations, enterprises, internships, students, teachers } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The home pages' "今日待办" over real HTTP: each role's queues follow one internship from application to weekly
 * logs, each item links to the page where it is done, and another school's, enterprise's or district's records
 * never appear in the counts.
 */
type Todo = { key: string; count: number | null; state: string; href: string; due?: string; detail?: string };
type Section = { kind: string; key: string; items?: Todo[]; rows?: Record<string, unknown>[] };
type Res = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const postTerms = (title: string) => ({
  title,
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
});

for (const engine of testEngines()) {
  describe(`home to-do [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const today = () => todayOf(new Date());

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    /** One school, enterprise and student per side, so each side's counts can be checked against the other's. */
    async function side() {
      const district = await makeDistrict(db());
      const school = await makeSchool(db(), district.id);
      const enterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db()
        .insert(enterprises)
        .values({ organisationId: enterprise.id, size: 'medium', industryCode: 'C', staffCount: 200, aboveDesignatedSize: true });
      const studentUser = await makeUser(db(), 'student', school.id);
      const student = await makeStudent(db(), server.services.pii, school.id, { userId: studentUser.id });
      await db().update(students).set({ birthDate: '2006-05-01' }).where(eq(students.id, student.id));
      const mentorUser = await makeUser(db(), 'teacher', school.id);
      const [mentor] = await db()
        .insert(teachers)
        .values({ schoolId: school.id, userId: mentorUser.id, name: '张导师', employment: 'fullTime', subject: 'specialty' })
        .returning();
      return {
        district,
        school,
        enterprise,
        student,
        mentorId: mentor!.id,
        u: {
          student: await as(studentUser),
          school: await as(await makeUser(db(), 'school_admin', school.id)),
          teacher: await as(mentorUser),
          enterprise: await as(await makeUser(db(), 'enterprise_admin', enterprise.id)),
          district: await as(await makeUser(db(), 'district', district.id)),
        },
      };
    }

    const home = async (c: TestClient) => {
      const res: Res = await c.get('/api/home');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.sections as Section[];
    };
    const todo = async (c: TestClient) => {
      const items = (await home(c)).find((s) => s.kind === 'todo')!.items!;
      return Object.fromEntries(items.map((i) => [i.key, i]));
    };
    const count = async (c: TestClient, key: string) => (await todo(c))[key]?.count;

    test("one internship from application to weekly logs: each role's queue, and only its own", async () => {
      const a = await side();
      const b = await side();
      // Before applying, the student is pointed to the posts.
      assert.deepEqual(await todo(a.u.student).then((t) => [t.find?.state, t.find?.href]), ['due', '/internships']);

      const draft: Res = await a.u.enterprise.post('/api/internship-posts', postTerms('数控车床操作实习'));
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.equal(
        (await a.u.enterprise.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version })).status,
        200,
      );
      const applied: Res = await a.u.student.post(`/api/internship-posts/${draft.body.id}/applications`, {});
      assert.equal(applied.status, 201, JSON.stringify(applied.body));

      // The school reviews: school A has one, school B none; A's teacher (who may approve) sees it too.
      assert.deepEqual(
        [await count(a.u.school, 'reviews'), await count(a.u.teacher, 'reviews'), await count(b.u.school, 'reviews')],
        [1, 1, 0],
      );
      assert.equal((await todo(a.u.school)).reviews!.href, '/internships/review');
      const mine = (await home(a.u.student)).find((s) => s.key === 'applications')!.rows!;
      assert.deepEqual(
        mine.map((r) => r.status),
        ['待学校审核'],
      );
      assert.equal((await todo(a.u.student)).applications!.count, 1);

      assert.equal((await a.u.school.post(`/api/internship-applications/${applied.body.id}/approve`, {})).status, 200);
      assert.deepEqual(
        [await count(a.u.school, 'reviews'), await count(a.u.enterprise, 'applicants'), await count(b.u.enterprise, 'applicants')],
        [0, 1, 0],
      );
      assert.equal((await todo(a.u.enterprise)).applicants!.href, '/internships/applicants');

      assert.equal((await a.u.enterprise.post(`/api/internship-applications/${applied.body.id}/accept`, {})).status, 200);
      const [internship] = await db().select().from(internships).where(eq(internships.applicationId, applied.body.id));
      const id = internship!.id;
      // The acceptance drafted the agreement: each party has it to sign, nobody else.
      assert.deepEqual(
        [
          await count(a.u.school, 'toSign'),
          await count(a.u.enterprise, 'toSign'),
          await count(b.u.school, 'toSign'),
          await count(b.u.enterprise, 'toSign'),
        ],
        [1, 1, 0, 0],
      );
      assert.equal((await todo(a.u.student)).agreement!.state, 'due');
      assert.deepEqual([await count(a.u.school, 'noMentor'), await count(a.u.enterprise, 'noMentor')], [1, 1]);
      assert.equal((await todo(a.u.teacher)).noMentor, undefined, 'a teacher does not name mentors');
      // The plan's 2%: 200 staff → at least 4 places this year; the post is in 2030, so this year none.
      const posts = (await todo(a.u.enterprise)).posts!;
      assert.deepEqual([posts.count, posts.state, posts.href], [4, 'due', '/internships/posts']);

      for (const [c, party] of [
        [a.u.school, 'school'],
        [a.u.enterprise, 'enterprise'],
        [a.u.student, 'student'],
      ] as const) {
        assert.equal((await c.post(`/api/internships/${id}/agreement/signatures`, { party })).status, 201);
      }
      const cover = {
        insurer: '中国人民财产保险',
        policyNo: 'PICC-1',
        coverageStart: addDays(today(), -30),
        coverageEnd: '2030-12-31',
        payer: 'enterprise',
      };
      assert.equal((await a.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, cover)).status, 200);
      assert.equal((await a.u.enterprise.post(`/api/internships/${id}/start`, {})).status, 200);
      assert.equal((await a.u.school.request('PUT', `/api/internships/${id}/school-mentor`, { teacherId: a.mentorId })).status, 200);
      // Started on last week's Monday: that week is past its Sunday without a log, this week's is owed too.
      const lastWeek = addDays(mondayOf(today()), -7);
      await db().update(internships).set({ startedOn: lastWeek }).where(eq(internships.id, id));

      let t = await todo(a.u.student);
      assert.deepEqual([t.checkin!.state, t.checkin!.href], ['due', '/internships/my']);
      assert.equal(t.log!.state, 'overdue');
      assert.equal(t.log!.count, 2);
      assert.equal(t.log!.due, addDays(lastWeek, 6));
      assert.equal(t.agreement, undefined, 'signed: nothing left to sign');
      const facts = Object.fromEntries((await home(a.u.student)).find((s) => s.key === 'internship')!.rows!.map((r) => [r.item, r.value]));
      assert.equal(facts['学校指导教师'], '张导师');
      assert.equal(facts['三方协议'], '已签齐');
      assert.match(String(facts['实习责任保险']), /^已投保/);

      assert.equal((await a.u.student.post(`/api/internships/${id}/checkins`, { date: today() })).status, 201);
      const content = '本周学习数控车床的安全操作规程，在师傅指导下完成了三个零件的粗加工。';
      const log: Res = await a.u.student.post(`/api/internships/${id}/logs`, { weekStart: lastWeek, hoursWorked: 38, content });
      assert.equal(log.status, 201, JSON.stringify(log.body));
      t = await todo(a.u.student);
      assert.equal(t.checkin!.state, 'done');
      assert.deepEqual([t.log!.state, t.log!.count], ['due', 1]);

      // The log waits for both mentors' comments: the assigned teacher, the school's admin, the enterprise; not B's.
      assert.deepEqual(
        [
          await count(a.u.teacher, 'logs'),
          await count(a.u.school, 'logs'),
          await count(a.u.enterprise, 'logs'),
          await count(b.u.school, 'logs'),
          await count(b.u.enterprise, 'logs'),
        ],
        [1, 1, 1, 0, 0],
      );
      assert.equal(
        (await a.u.enterprise.post(`/api/internships/${id}/logs/${log.body.id}/comments`, { comment: '操作规范。' })).status,
        201,
      );
      assert.deepEqual([await count(a.u.enterprise, 'logs'), await count(a.u.teacher, 'logs')], [0, 1]);
      assert.equal((await todo(a.u.enterprise)).logs!.state, 'done');
    });

    test('districts, the bureau and departments: their own queues only, labels in Chinese', async () => {
      const a = await side();
      const b = await side();
      // A self-registered enterprise waiting in district A.
      const pending = await makeOrganisation(db(), 'enterprise', { districtId: a.district.id });
      const registrant = await makeUser(db(), 'enterprise_admin', pending.id);
      await db().insert(enterpriseRegistrations).values({ organisationId: pending.id, userId: registrant.id });
      const registrations = async (c: TestClient) => (await todo(c)).registrations;
      const [ra, rb] = [await registrations(a.u.district), await registrations(b.u.district)];
      assert.equal(ra!.count, 1);
      assert.equal(ra!.href, '/registry/registrations');
      assert.equal(rb!.count, 0);

      const bureauOrg = await makeOrganisation(db(), 'bureau');
      const bureau = await todo(await as(await makeUser(db(), 'city_admin', bureauOrg.id)));
      assert.ok(bureau.registrations!.count! >= 1);
      for (const key of ['indicatorReports', 'taskReports', 'cityOverdue']) assert.ok(bureau[key], key);
      const department = await todo(await as(await makeUser(db(), 'department', (await makeOrganisation(db(), 'department')).id)));
      assert.equal(department.registrations, undefined, 'a department reviews no registrations');
      assert.equal(department.cityOverdue, undefined, 'nor oversees every unit');
      const district = await todo(a.u.district);
      assert.equal(district.indicatorReports, undefined);
      assert.equal(district.taskReports, undefined);

      // 层次 as a clerk reads it, not the code.
      const schools = (await home(a.u.district)).find((s) => s.key === 'schools')!.rows!;
      assert.deepEqual(
        schools.map((r) => r.level),
        ['中职'],
      );
    });

    test('a role without internships still answers, with its queues empty', async () => {
      const a = await side();
      const t = await todo(a.u.school);
      for (const key of ['reviews', 'proposals', 'toSign', 'logs', 'noMentor', 'alerts']) assert.equal(t[key]?.state, 'done', key);
      assert.equal(t.proposals!.href, '/matching/allocation');
    });
  });
}
