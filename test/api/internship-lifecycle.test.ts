import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { addDays, mondayOf } from '../../core/internships/dates.ts';
import { auditLog, enterprises, internships, learningOutcomes, students, teachers } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const postTerms = (title: string, startDate = '2030-03-01', endDate = '2030-08-31') => ({
  title,
  kind: 'placement',
  positionStaff: 20,
  places: 3,
  monthlyPayYuan: 3600,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  insurance: 'enterprise',
  startDate,
  endDate,
  majorCodes: ['460101'],
});
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const insurance = (from = addDays(today(), -1)) => ({
  insurer: '中国人民财产保险',
  policyNo: 'PICC-2030-0001',
  coverageStart: from,
  coverageEnd: '2030-12-31',
  payer: 'enterprise',
});
type Res = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const ruleCodes = (r: Res) => (r.body.violations as { rule: { code: string } }[]).map((v) => v.rule.code);

for (const engine of testEngines()) {
  describe(`internship lifecycle [${engine.name}]`, () => {
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

    async function world(birthDate = '2006-05-01') {
      const district = await makeDistrict(db());
      const school = await makeSchool(db(), district.id);
      const otherSchool = await makeSchool(db(), district.id);
      const enterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db().insert(enterprises).values({ organisationId: enterprise.id, size: 'medium', industryCode: 'C', staffCount: 200 });
      const otherEnterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      const studentUser = await makeUser(db(), 'student', school.id);
      const student = await makeStudent(db(), server.services.pii, school.id, { userId: studentUser.id });
      await db().update(students).set({ birthDate, cohort: 2027 }).where(eq(students.id, student.id));
      // Teachers of the register with their sign-ins: one to be the intern's mentor, one who is not, one elsewhere.
      const teacherOf = async (schoolId: string, name: string) => {
        const user = await makeUser(db(), 'teacher', schoolId);
        const [t] = await db()
          .insert(teachers)
          .values({ schoolId, userId: user.id, name, employment: 'fullTime', subject: 'specialty' })
          .returning();
        return { user, teacherId: t!.id };
      };
      const mentor = await teacherOf(school.id, '张导师');
      const colleague = await teacherOf(school.id, '李老师');
      const foreign = await teacherOf(otherSchool.id, '外校王老师');
      const u = {
        enterprise: await as(await makeUser(db(), 'enterprise_admin', enterprise.id)),
        otherEnterprise: await as(await makeUser(db(), 'enterprise_admin', otherEnterprise.id)),
        school: await as(await makeUser(db(), 'school_admin', school.id)),
        teacher: await as(mentor.user),
        colleague: await as(colleague.user),
        otherSchool: await as(await makeUser(db(), 'school_admin', otherSchool.id)),
        student: await as(studentUser),
      };
      const teacherIds = {
        mentorUser: mentor.user.id,
        mentor: mentor.teacherId,
        colleague: colleague.teacherId,
        foreign: foreign.teacherId,
      };
      return { school, enterprise, student, u, teacherIds };
    }
    type World = Awaited<ReturnType<typeof world>>;

    async function publish(w: World, title: string, start?: string, end?: string) {
      const draft = await w.u.enterprise.post('/api/internship-posts', postTerms(title, start, end));
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      assert.equal(
        (await w.u.enterprise.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version })).status,
        200,
      );
      return draft.body.id as string;
    }

    /** Apply, approve, accept: the accepted application opens the internship. */
    async function place(w: World, postId: string): Promise<Res> {
      const applied = await w.u.student.post(`/api/internship-posts/${postId}/applications`, {});
      assert.equal(applied.status, 201, JSON.stringify(applied.body));
      assert.equal((await w.u.school.post(`/api/internship-applications/${applied.body.id}/approve`, {})).status, 200);
      return w.u.enterprise.post(`/api/internship-applications/${applied.body.id}/accept`, {});
    }

    async function placed(w: World, title = '数控车床操作实习') {
      const postId = await publish(w, title);
      assert.equal((await place(w, postId)).status, 200);
      const list = await w.u.student.get(`/api/internships?postId=${postId}`);
      assert.equal(list.body.total, 1);
      return { postId, id: list.body.items[0].id as string };
    }

    async function signAll(w: World, id: string) {
      assert.equal((await w.u.enterprise.post(`/api/internships/${id}/agreement`, {})).status, 200);
      for (const [c, party] of [
        [w.u.school, 'school'],
        [w.u.enterprise, 'enterprise'],
        [w.u.student, 'student'],
      ] as const) {
        const res = await c.post(`/api/internships/${id}/agreement/signatures`, { party });
        assert.equal(res.status, 201, JSON.stringify(res.body));
      }
    }

    test('agreement, signatures by the right parties, insurance, start; refusals name the rule', async () => {
      const w = await world();
      const { id } = await placed(w);
      const opened = await w.u.student.get(`/api/internships/${id}`);
      assert.equal(opened.body.status, 'accepted');
      // The acceptance generated the agreement, unsigned.
      assert.deepEqual(opened.body.agreement.missingParties, ['school', 'enterprise', 'student']);

      const bare = await w.u.school.post(`/api/internships/${id}/start`, {});
      assert.equal(bare.status, 422);
      assert.deepEqual(ruleCodes(bare), ['intern_agreement', 'intern_insurance']);

      // Before anyone signed, it may be generated again (facts corrected).
      const generated = await w.u.enterprise.post(`/api/internships/${id}/agreement`, {});
      assert.equal(generated.status, 200);
      for (const clause of [
        '实习责任保险',
        '每日实习时间不超过 8 小时',
        '每月 3600 元',
        '安全与劳动保护',
        '2030-03-01',
        w.student.name,
        '甲方（学校）的权利和义务',
      ]) {
        assert.ok(generated.body.text.includes(clause), clause);
      }
      assert.deepEqual(generated.body.requiredParties, ['school', 'enterprise', 'student']);

      // Nobody signs for another party.
      const wrong = await w.u.enterprise.post(`/api/internships/${id}/agreement/signatures`, { party: 'school' });
      assert.equal(wrong.status, 403);
      assert.equal(wrong.body.code, 'NOT_THE_PARTY');
      assert.equal(wrong.body.rule.code, 'intern_agreement');
      assert.equal(
        (await w.u.teacher.post(`/api/internships/${id}/agreement/signatures`, { party: 'student' })).body.code,
        'NOT_THE_PARTY',
      );
      assert.equal((await w.u.school.post(`/api/internships/${id}/agreement/signatures`, { party: 'school' })).status, 201);
      const twice = await w.u.teacher.post(`/api/internships/${id}/agreement/signatures`, { party: 'school' });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'ALREADY_SIGNED');
      assert.equal((await w.u.enterprise.post(`/api/internships/${id}/agreement`, {})).body.code, 'INVALID_STATE');
      assert.equal(
        (
          await w.u.school.post(`/api/internships/${id}/agreement/signatures`, {
            party: 'guardian',
            guardianName: '王父',
            guardianRelation: 'father',
          })
        ).body.code,
        'INVALID_STATE',
      );
      assert.equal((await w.u.student.post(`/api/internships/${id}/agreement/signatures`, { party: 'student' })).status, 201);
      const signed = await w.u.enterprise.post(`/api/internships/${id}/agreement/signatures`, { party: 'enterprise' });
      assert.equal(signed.body.complete, true);
      assert.ok(signed.body.signatures.every((s: { signedAt: string }) => !Number.isNaN(Date.parse(s.signedAt))));

      const noInsurance = await w.u.school.post(`/api/internships/${id}/start`, {});
      assert.deepEqual(ruleCodes(noInsurance), ['intern_insurance']);
      const studentPays = await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, { ...insurance(), payer: 'student' });
      assert.equal(studentPays.status, 422);
      assert.deepEqual(ruleCodes(studentPays), ['intern_insurance']);
      const inverted = await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, {
        ...insurance(),
        coverageEnd: '2020-01-01',
      });
      assert.equal(inverted.status, 400);
      assert.ok(inverted.body.fields.coverageEnd);
      assert.equal((await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, insurance(addDays(today(), 1)))).status, 200);
      const uncovered = await w.u.school.post(`/api/internships/${id}/start`, {});
      assert.deepEqual(ruleCodes(uncovered), ['intern_insurance']);
      assert.equal((await w.u.school.request('PUT', `/api/internships/${id}/insurance`, { ...insurance(), payer: 'school' })).status, 200);
      const past = await w.u.school.post(`/api/internships/${id}/start`, { startDate: addDays(today(), -2) });
      assert.equal(past.status, 422);
      assert.ok(past.body.fields.startDate);
      const started = await w.u.teacher.post(`/api/internships/${id}/start`, {});
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.equal(started.body.status, 'active');
      assert.equal(started.body.insurance.payer, 'school');
      assert.equal((await w.u.school.post(`/api/internships/${id}/start`, {})).body.code, 'INVALID_STATE');

      const page = await w.u.student.get(`/api/internships/${id}/agreement/print`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(page.body, /@page \{ size: A4/);
      assert.match(page.body, /职业学校学生实习三方协议/);
      assert.match(page.body, /各方已签齐/);
      const audited = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'internshipAgreement'), eq(auditLog.entityId, id)));
      assert.deepEqual(audited.map((a) => a.action).sort(), ['generate', 'regenerate', 'sign', 'sign', 'sign']);
    });

    test('a student under 18 at signing needs the guardian, recorded by the school', async () => {
      const w = await world(`${Number(today().slice(0, 4)) - 17}-01-01`);
      const { id } = await placed(w);
      await signAll(w, id);
      const a = await w.u.student.get(`/api/internships/${id}/agreement`);
      assert.deepEqual(a.body.missingParties, ['guardian']);
      const byStudent = await w.u.student.post(`/api/internships/${id}/agreement/signatures`, {
        party: 'guardian',
        guardianName: '李母',
        guardianRelation: 'mother',
      });
      assert.equal(byStudent.body.code, 'NOT_THE_PARTY');
      assert.equal((await w.u.school.post(`/api/internships/${id}/agreement/signatures`, { party: 'guardian' })).status, 400);
      const ok = await w.u.school.post(`/api/internships/${id}/agreement/signatures`, {
        party: 'guardian',
        guardianName: '李母',
        guardianRelation: 'mother',
      });
      assert.equal(ok.status, 201);
      assert.equal(ok.body.complete, true);
      assert.equal(ok.body.signatures.find((s: { party: string }) => s.party === 'guardian').guardianName, '李母');
    });

    test('logs, check-ins, comments, evaluations, completion into the credit bank', async () => {
      const w = await world();
      const { id } = await placed(w);
      await signAll(w, id);
      await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, insurance());
      assert.equal((await w.u.enterprise.post(`/api/internships/${id}/start`, {})).status, 200);
      assert.equal(
        (await w.u.school.request('PUT', `/api/internships/${id}/school-mentor`, { teacherId: w.teacherIds.mentor })).status,
        200,
      );
      const week = mondayOf(today());
      const content = '本周学习数控车床的安全操作规程，在师傅指导下完成了三个零件的粗加工。';
      assert.equal((await w.u.teacher.post(`/api/internships/${id}/logs`, { weekStart: week, hoursWorked: 40, content })).status, 403);
      assert.equal(
        (await w.u.student.post(`/api/internships/${id}/logs`, { weekStart: addDays(week, 1), hoursWorked: 40, content })).status,
        400,
      );
      const log = await w.u.student.post(`/api/internships/${id}/logs`, { weekStart: week, hoursWorked: 38, content });
      assert.equal(log.status, 201);
      assert.equal(
        (await w.u.student.post(`/api/internships/${id}/logs`, { weekStart: week, hoursWorked: 38, content })).body.code,
        'CONFLICT',
      );
      assert.equal(
        (await w.u.teacher.post(`/api/internships/${id}/logs/${log.body.id}/comments`, { comment: '记录具体，继续保持。' })).status,
        201,
      );
      assert.equal(
        (await w.u.enterprise.post(`/api/internships/${id}/logs/${log.body.id}/comments`, { comment: '操作规范。' })).body.party,
        'enterprise',
      );
      assert.equal((await w.u.student.post(`/api/internships/${id}/logs/${log.body.id}/comments`, { comment: '自评' })).status, 403);
      const logs = await w.u.school.get(`/api/internships/${id}/logs`);
      assert.deepEqual(
        logs.body.items[0].comments.map((c: { party: string }) => c.party),
        ['school', 'enterprise'],
      );

      assert.equal((await w.u.student.post(`/api/internships/${id}/checkins`, { date: addDays(today(), 1) })).status, 400);
      const checkin = await w.u.student.post(`/api/internships/${id}/checkins`, {
        date: today(),
        location: '郑州经开区第三大街',
        hours: 8,
      });
      assert.equal(checkin.status, 201);
      assert.equal((await w.u.student.get(`/api/internships/${id}/checkins`)).body.items[0].location, '郑州经开区第三大街');

      const final = await w.u.teacher.post(`/api/internships/${id}/evaluations`, { stage: 'final', score: 90, comment: '优秀' });
      assert.equal(final.body.code, 'INVALID_STATE');
      for (const c of [w.u.teacher, w.u.enterprise]) {
        assert.equal((await c.post(`/api/internships/${id}/evaluations`, { stage: 'midterm', score: 85, comment: '良好' })).status, 201);
      }
      assert.equal(
        (await w.u.school.post(`/api/internships/${id}/evaluations`, { stage: 'midterm', score: 80, comment: '重复' })).body.code,
        'CONFLICT',
      );
      assert.equal((await w.u.school.post(`/api/internships/${id}/complete`, { outcome: 'passed' })).body.code, 'INVALID_STATE');
      await w.u.teacher.post(`/api/internships/${id}/evaluations`, { stage: 'final', score: 90, comment: '优秀' });
      await w.u.enterprise.post(`/api/internships/${id}/evaluations`, { stage: 'final', score: 95, comment: '优秀' });
      assert.equal((await w.u.enterprise.post(`/api/internships/${id}/complete`, { outcome: 'passed' })).status, 403);
      const done = await w.u.teacher.post(`/api/internships/${id}/complete`, { outcome: 'passed' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.status, 'completed');
      const [outcome] = await db().select().from(learningOutcomes).where(eq(learningOutcomes.id, done.body.learningOutcomeId));
      assert.equal(outcome!.kind, 'internship');
      assert.equal(outcome!.hours, 38);
      assert.equal(outcome!.grade, '93');
      assert.equal(outcome!.issuerId, w.school.id);
      assert.equal(outcome!.idempotencyKey, `internship:${id}`);
      // The student is asked to rate the unit (surveys), anonymously, once for this internship.
      const asked = (await w.u.student.get('/api/surveys/mine')).body.items.filter(
        (i: { kind: string }) => i.kind === 'internship_quality',
      );
      assert.equal(asked.length, 1);
      assert.deepEqual([asked[0].answered, asked[0].open], [false, true]);
      const rated = await w.u.student.post(`/api/surveys/mine/${asked[0].id}/answer`, {
        values: Object.fromEntries(asked[0].questions.map((q: { code: string }) => [q.code, 4])),
      });
      assert.equal(rated.status, 200, JSON.stringify(rated.body));
      // The student sees it in the credit bank.
      const mine = await w.u.student.get('/api/credit-bank/outcomes?kind=internship');
      assert.equal(mine.status, 200);
      assert.ok(mine.body.items.some((o: { id: string }) => o.id === outcome!.id));
      assert.equal((await w.u.teacher.post(`/api/internships/${id}/complete`, { outcome: 'passed' })).body.code, 'INVALID_STATE');
    });

    test('mentors: the school names one of its teachers, the enterprise its person; only the assigned teacher mentors', async () => {
      const w = await world();
      const { id } = await placed(w);
      const bare = await w.u.school.get(`/api/internships/${id}`);
      assert.equal(bare.body.schoolMentor, null);
      assert.equal(bare.body.enterpriseMentor, null);

      // Who may not: a teacher (no grant), the enterprise for the school's mentor and the reverse, other organisations.
      const path = `/api/internships/${id}/school-mentor`;
      assert.equal((await w.u.teacher.request('PUT', path, { teacherId: w.teacherIds.mentor })).status, 403);
      const enterpriseNamesTeacher = await w.u.enterprise.request('PUT', path, { teacherId: w.teacherIds.mentor });
      assert.equal(enterpriseNamesTeacher.status, 403);
      assert.equal(enterpriseNamesTeacher.body.code, 'NOT_THE_PARTY');
      assert.equal((await w.u.otherSchool.request('PUT', path, { teacherId: w.teacherIds.foreign })).status, 404);
      assert.equal((await w.u.student.request('PUT', path, { teacherId: w.teacherIds.mentor })).status, 403);
      // Another school's teacher cannot be this intern's mentor.
      const foreign = await w.u.school.request('PUT', path, { teacherId: w.teacherIds.foreign });
      assert.equal(foreign.status, 400);
      assert.ok(foreign.body.fields.teacherId);
      assert.equal((await w.u.school.request('PUT', path, { teacherId: 'not-a-uuid' })).status, 400);

      const ePath = `/api/internships/${id}/enterprise-mentor`;
      const person = { name: '赵师傅', phone: '138 0013 8000' };
      const schoolNamesPerson = await w.u.school.request('PUT', ePath, person);
      assert.equal(schoolNamesPerson.status, 403);
      assert.equal(schoolNamesPerson.body.code, 'NOT_THE_PARTY');
      assert.equal((await w.u.otherEnterprise.request('PUT', ePath, person)).status, 404);
      assert.equal((await w.u.student.request('PUT', ePath, person)).status, 403);
      const badPhone = await w.u.enterprise.request('PUT', ePath, { ...person, phone: '0371-1234567' });
      assert.equal(badPhone.status, 400);
      assert.ok(badPhone.body.fields.phone);

      const named = await w.u.school.request('PUT', path, { teacherId: w.teacherIds.mentor });
      assert.equal(named.status, 200, JSON.stringify(named.body));
      assert.deepEqual(named.body.schoolMentor, { teacherId: w.teacherIds.mentor, name: '张导师', userId: w.teacherIds.mentorUser });
      const person2 = await w.u.enterprise.request('PUT', ePath, person);
      assert.equal(person2.status, 200, JSON.stringify(person2.body));
      assert.deepEqual(person2.body.enterpriseMentor, { name: '赵师傅', phoneMasked: '138****8000' });
      // The phone is stored encrypted, and the audit log holds it masked only.
      const [row] = await db().select().from(internships).where(eq(internships.id, id));
      assert.ok(row!.enterpriseMentorPhoneCipher && !row!.enterpriseMentorPhoneCipher.includes('13800138000'));
      assert.equal(server.services.pii.decrypt(row!.enterpriseMentorPhoneCipher!), '13800138000');
      const audited = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'assignMentor')));
      assert.equal(audited.length, 2);
      assert.ok(!JSON.stringify(audited).includes('13800138000'));
      // Everyone on the internship sees the mentors, the student included.
      assert.equal((await w.u.student.get(`/api/internships/${id}`)).body.enterpriseMentor.name, '赵师傅');

      // Mentoring: the assigned teacher and the school's administrator comment; a colleague of the school does not.
      await signAll(w, id);
      await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, insurance());
      assert.equal((await w.u.school.post(`/api/internships/${id}/start`, {})).status, 200);
      const content = '本周熟悉车间安全制度，跟随师傅完成了设备点检和两次换模作业。';
      const log = await w.u.student.post(`/api/internships/${id}/logs`, { weekStart: mondayOf(today()), hoursWorked: 40, content });
      const comment = (c: TestClient) => c.post(`/api/internships/${id}/logs/${log.body.id}/comments`, { comment: '记录具体。' });
      const byColleague = await comment(w.u.colleague);
      assert.equal(byColleague.status, 403);
      assert.equal(byColleague.body.code, 'NOT_THE_PARTY');
      assert.equal(
        (await w.u.colleague.post(`/api/internships/${id}/evaluations`, { stage: 'midterm', score: 80, comment: '良好' })).body.code,
        'NOT_THE_PARTY',
      );
      assert.equal((await comment(w.u.teacher)).status, 201);
      assert.equal((await comment(w.u.school)).status, 201);
      // Changing the mentor moves the right with it.
      assert.equal((await w.u.school.request('PUT', path, { teacherId: w.teacherIds.colleague })).status, 200);
      assert.equal((await comment(w.u.colleague)).status, 201);
      assert.equal((await comment(w.u.teacher)).body.code, 'NOT_THE_PARTY');

      // A reassignment keeps the school mentor; the new enterprise names its own.
      const target = await publish(w, '装配线质检实习');
      const moved = await w.u.school.post(`/api/internships/${id}/reassign`, { postId: target, reason: '原岗位与专业不对口' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.schoolMentor.teacherId, w.teacherIds.colleague);
      assert.equal(moved.body.enterpriseMentor, null);
      // An ended internship's mentors are not changed any more.
      assert.equal((await w.u.school.request('PUT', path, { teacherId: w.teacherIds.mentor })).body.code, 'INVALID_STATE');
    });

    test("another school's or enterprise's users get 404; roles without the grant 403", async () => {
      const w = await world();
      const { id } = await placed(w);
      await w.u.enterprise.post(`/api/internships/${id}/agreement`, {});
      for (const c of [w.u.otherSchool, w.u.otherEnterprise]) {
        assert.equal((await c.get(`/api/internships/${id}`)).status, 404);
        assert.equal((await c.get(`/api/internships/${id}/agreement`)).status, 404);
        assert.equal((await c.get(`/api/internships/${id}/agreement/print`)).status, 404);
        assert.equal((await c.get(`/api/internships/${id}/logs`)).status, 404);
        assert.equal((await c.post(`/api/internships/${id}/agreement/signatures`, { party: 'school' })).status, 404);
        assert.equal((await c.request('PUT', `/api/internships/${id}/insurance`, insurance())).status, 404);
        assert.equal((await c.post(`/api/internships/${id}/start`, {})).status, 404);
        assert.equal((await c.post(`/api/internships/${id}/terminate`, { reason: '无理由终止' })).status, 404);
        assert.equal(
          (await c.get(`/api/internships?postId=${(await w.u.school.get(`/api/internships/${id}`)).body.postId}`)).body.total,
          0,
        );
      }
      assert.equal((await w.u.otherSchool.post(`/api/internships/${id}/reassign`, { postId: id, reason: '调岗' })).status, 404);
      assert.equal((await w.u.enterprise.post(`/api/internships/${id}/reassign`, { postId: id, reason: '调岗' })).status, 403);
      assert.equal((await w.u.teacher.post(`/api/internships/${id}/reassign`, { postId: id, reason: '调岗' })).status, 403);
      assert.equal((await w.u.student.post(`/api/internships/${id}/terminate`, { reason: '不想做了' })).status, 403);
      assert.equal((await w.u.school.post(`/api/internships/${id}/withdraw`, { reason: '代学生退出' })).status, 403);
      assert.equal((await w.u.enterprise.get('/api/internship-alerts')).status, 403);
      assert.equal((await w.u.student.get('/api/internship-alerts')).status, 403);
      const others = await w.u.otherSchool.get('/api/internship-alerts');
      assert.ok(!others.body.items.some((a: { internshipId: string }) => a.internshipId === id));
    });

    test('overlapping internships: the application is refused and said why beforehand; an acceptance that would overlap takes no place', async () => {
      const w = await world();
      // Applied for both before either was accepted: once the first is accepted, the second acceptance is refused.
      const second = await publish(w, '电气设备安装实习', '2030-06-01', '2030-11-30');
      const early = await w.u.student.post(`/api/internship-posts/${second}/applications`, {});
      assert.equal(early.status, 201, JSON.stringify(early.body));
      assert.equal((await w.u.school.post(`/api/internship-applications/${early.body.id}/approve`, {})).status, 200);
      await placed(w);
      const res = await w.u.enterprise.post(`/api/internship-applications/${early.body.id}/accept`, {});
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'OVERLAPPING_INTERNSHIP');
      assert.equal((await w.u.enterprise.get(`/api/internship-posts/${second}`)).body.placesTaken, 0);
      // On an internship, the student is not offered a post on overlapping dates: the check says why, the application is refused.
      const third = await publish(w, '电工实习', '2030-05-01', '2030-07-31');
      const check = await w.u.student.get(`/api/internship-posts/${third}/application-check`);
      assert.equal(check.status, 200);
      assert.deepEqual([check.body.canApply, check.body.code], [false, 'OVERLAPPING_INTERNSHIP']);
      assert.match(check.body.reason, /已有时间重叠的实习（数控车床操作实习，2030-03-01 至 2030-08-31）/);
      for (const [who, body] of [
        [w.u.student, {}],
        [w.u.school, { studentId: w.student.id }],
      ] as const) {
        const refused = await who.post(`/api/internship-posts/${third}/applications`, body);
        assert.equal(refused.status, 409);
        assert.equal(refused.body.code, 'OVERLAPPING_INTERNSHIP');
        assert.ok(refused.body.fields.postId);
      }
      assert.equal((await w.u.school.get(`/api/internship-applications?postId=${third}`)).body.total, 0, 'nothing written');
      const later = await publish(w, '电梯维保实习', '2030-09-01', '2031-02-28');
      assert.deepEqual((await w.u.student.get(`/api/internship-posts/${later}/application-check`)).body, {
        canApply: true,
        code: null,
        reason: null,
      });
      assert.equal((await place(w, later)).status, 200);
      assert.equal((await w.u.student.get(`/api/internship-posts/${later}/application-check`)).body.code, 'ALREADY_APPLIED');
    });

    test('withdrawal, termination and reassignment need a reason, free the place once, and are audited', async () => {
      const w = await world();
      const { id, postId } = await placed(w);
      assert.equal((await w.u.student.post(`/api/internships/${id}/withdraw`, {})).status, 400);
      assert.equal((await w.u.student.post(`/api/internships/${id}/withdraw`, { reason: '' })).body.fields.reason !== undefined, true);
      const racing = await Promise.all(
        Array.from({ length: 4 }, () => w.u.student.post(`/api/internships/${id}/withdraw`, { reason: '家庭原因需回老家' })),
      );
      assert.deepEqual(racing.map((r) => r.status).sort(), [200, 409, 409, 409]);
      assert.equal((await w.u.enterprise.get(`/api/internship-posts/${postId}`)).body.placesTaken, 0);
      const [audit] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'withdrawn')));
      assert.ok(audit);

      // The freed place can be taken again (a new application for the same post).
      const again = await place(w, postId);
      assert.equal(again.status, 200);
      const current = (await w.u.school.get(`/api/internships?postId=${postId}&status=accepted`)).body.items[0].id as string;
      const target = await publish(w, '机电设备维修实习');
      assert.equal((await w.u.school.post(`/api/internships/${current}/reassign`, { postId: target })).status, 400);
      const moved = await w.u.school.post(`/api/internships/${current}/reassign`, { postId: target, reason: '原岗位与专业不对口' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.postId, target);
      assert.equal(moved.body.status, 'accepted');
      assert.equal(moved.body.agreement.complete, false);
      assert.equal((await w.u.school.get(`/api/internships/${current}`)).body.status, 'reassigned');
      assert.equal((await w.u.enterprise.get(`/api/internship-posts/${postId}`)).body.placesTaken, 0);
      assert.equal((await w.u.enterprise.get(`/api/internship-posts/${target}`)).body.placesTaken, 1);

      const ended = await w.u.enterprise.post(`/api/internships/${moved.body.id}/terminate`, { reason: '企业停产整顿' });
      assert.equal(ended.body.status, 'terminated');
      assert.equal(ended.body.endReason, '企业停产整顿');
      assert.equal((await w.u.enterprise.get(`/api/internship-posts/${target}`)).body.placesTaken, 0);
    });

    test("the school's alerts: no agreement, no insurance, no log for two weeks", async () => {
      const w = await world();
      const { id } = await placed(w);
      const first = await w.u.school.get('/api/internship-alerts');
      assert.equal(first.status, 200);
      const mine = (r: Res) =>
        r.body.items
          .filter((a: { internshipId: string }) => a.internshipId === id)
          .map((a: { kind: string }) => a.kind)
          .sort();
      assert.deepEqual(mine(first), ['no_agreement', 'no_insurance']);
      await signAll(w, id);
      await w.u.enterprise.request('PUT', `/api/internships/${id}/insurance`, { ...insurance(addDays(today(), -30)) });
      assert.equal((await w.u.school.post(`/api/internships/${id}/start`, {})).status, 200);
      assert.deepEqual(mine(await w.u.teacher.get('/api/internship-alerts')), []);
      // Started 20 days ago with no log since.
      await db()
        .update(internships)
        .set({ startedOn: addDays(today(), -20) })
        .where(eq(internships.id, id));
      const late = await w.u.school.get('/api/internship-alerts?kind=no_recent_log');
      assert.deepEqual(mine(late), ['no_recent_log']);
      assert.equal(late.body.items.find((a: { internshipId: string }) => a.internshipId === id).rule.code, 'intern_log_gap');
      // A log reporting more than the weekly limit ends the gap and raises the hours alert.
      const content = '本周加班赶工，共工作了四十八小时，超过了每周四十小时的上限。';
      assert.equal(
        (await w.u.student.post(`/api/internships/${id}/logs`, { weekStart: mondayOf(today()), hoursWorked: 48, content })).status,
        201,
      );
      const hours = await w.u.school.get('/api/internship-alerts');
      assert.deepEqual(mine(hours), ['hours_over_limit']);
      assert.equal(hours.body.byKind.hours_over_limit >= 1, true);
      // Pay recorded under the floor (e.g. a later edition of the policy raised it) is flagged too.
      await db().update(internships).set({ monthlyPayYuan: 3000 }).where(eq(internships.id, id));
      assert.deepEqual(mine(await w.u.school.get('/api/internship-alerts')), ['hours_over_limit', 'pay_below_floor']);
    });
  });
}
