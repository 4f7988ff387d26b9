import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { surveysPolicy } from '../../policy/index.ts';
import { rows } from '../../server/platform/db/engine.ts';
import { graduateDestinations, students } from '../../server/platform/db/schema/index.ts';
import { internshipRatingsOf, inviteInternshipRating, surveyFeedbackForSchool, surveyScoresBySchool } from '../../server/surveys/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeOrganisation, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 满意度调查 (issue 17 item 2) over real HTTP: the bureau's city-wide round and a school's own, anonymous answers
 * (one per person, race-safe, no person beside an answer), 样本不足 below the policy minimum, response rates by
 * scope, end-of-internship ratings of a unit, and the figures the evaluation and the annual report read.
 */
type Res = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const engine of testEngines()) {
  describe(`surveys [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const year = Number(todayOf(new Date()).slice(0, 4));
    const closesOn = `${year + 1}-01-31`;
    const min = surveysPolicy.minResponses;
    const people: Record<'a' | 'b' | 'grad', { username: string; id: string }[]> = { a: [], b: [], grad: [] };
    const login = async (u: { username: string }) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(u.username, TEST_PASSWORD)).status, 200);
      return c;
    };
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const full = (kind: keyof typeof surveysPolicy.kinds, v = 4) =>
      Object.fromEntries(surveysPolicy.kinds[kind].questions.map((q) => [q.code, v]));
    /** The caller's invitation of a round. */
    const invitationOf = async (c: TestClient, roundId: string) => {
      const mine = await c.get('/api/surveys/mine');
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      return mine.body.items.find((i: { roundId: string }) => i.roundId === roundId) as { id: string; answered: boolean; open: boolean };
    };
    const answerAs = async (u: { username: string }, roundId: string, body: unknown): Promise<Res> => {
      const c = await login(u);
      return c.post(`/api/surveys/mine/${(await invitationOf(c, roundId)).id}/answer`, body);
    };
    const answerCount = async (roundId: string) =>
      (await rows<{ n: number }>(w.db, sql`select count(*)::int as n from survey_answers where round_id = ${roundId}`))[0]!.n;

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const student = async (schoolId: string, status: 'enrolled' | 'graduated' = 'enrolled') => {
        const user = await makeUser(w.db, 'student', schoolId);
        const s = await makeStudent(w.db, server.services.pii, schoolId, { userId: user.id });
        if (status === 'graduated')
          await w.db
            .update(students)
            .set({ status })
            .where(sql`id = ${s.id}`);
        return { username: user.username, id: s.id };
      };
      for (let i = 0; i < min + 2; i++) people.a.push(await student(w.schoolA.id));
      for (let i = 0; i < 2; i++) people.b.push(await student(w.schoolB.id));
      for (let i = 0; i < 2; i++) people.grad.push(await student(w.schoolA.id, 'graduated'));
      // A student without an account cannot be asked.
      await makeStudent(w.db, server.services.pii, w.schoolA.id);
    });
    after(() => server.close());

    let cityRound: string;

    test('the bureau opens a city-wide round: every enrolled student with an account is invited through the inbox; audited', async () => {
      const city = await as('cityAdmin');
      const res = await city.post('/api/surveys/rounds', { kind: 'student_satisfaction', year, closesOn });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      cityRound = res.body.id;
      assert.deepEqual(
        [res.body.scopeName, res.body.invited, res.body.responses, res.body.policyVersion],
        ['全市', min + 4, 0, surveysPolicy.version],
      );
      assert.equal((await auditRows(w.db, 'surveyRound', cityRound)).length, 1);
      const inbox = await (await login(people.a[0]!)).get('/api/notifications');
      assert.ok(inbox.body.items.some((n: { kind: string; link: string }) => n.kind === 'survey' && n.link === '/surveys/mine'));
      const again = await city.post('/api/surveys/rounds', { kind: 'student_satisfaction', year, closesOn });
      assert.deepEqual([again.status, again.body.code], [409, 'CONFLICT']);
      // Internship ratings are asked by the platform; bad dates and years are refused naming the field.
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ kind: 'internship_quality', year, closesOn }, 'kind'],
        [{ kind: 'graduate_satisfaction', year: year + 1, closesOn }, 'year'],
        [{ kind: 'graduate_satisfaction', year, closesOn: todayOf(new Date()) }, 'closesOn'],
        [{ kind: 'graduate_satisfaction', year, closesOn: '2030-02-31' }, 'closesOn'],
      ];
      for (const [body, field] of cases) {
        const bad = await city.post('/api/surveys/rounds', body);
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.ok(bad.body.fields[field], `${field}: ${JSON.stringify(bad.body)}`);
      }
    });

    test('a bad answer is refused naming the question and the rule; nothing is kept', async () => {
      const c = await login(people.a[0]!);
      const inv = await invitationOf(c, cityRound);
      assert.deepEqual([inv.open, inv.answered], [true, false]);
      const [first, ...rest] = surveysPolicy.kinds.student_satisfaction.questions;
      const cases: Array<[unknown, string]> = [
        [{ values: Object.fromEntries(rest.map((q) => [q.code, 3])) }, `values.${first!.code}`],
        [{ values: { ...full('student_satisfaction'), [first!.code]: 9 } }, `values.${first!.code}`],
        [{ values: { ...full('student_satisfaction'), [first!.code]: 2.5 } }, `values.${first!.code}`],
        [{ values: { ...full('student_satisfaction'), bogus: 3 } }, 'values.bogus'],
        [{ values: full('student_satisfaction'), freeText: '长'.repeat(surveysPolicy.freeTextMaxLength + 1) }, 'freeText'],
      ];
      for (const [body, field] of cases) {
        const res = await c.post(`/api/surveys/mine/${inv.id}/answer`, body);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.ok(res.body.fields[field], `${field}: ${JSON.stringify(res.body.fields)}`);
      }
      assert.equal(await answerCount(cityRound), 0);
      assert.equal((await invitationOf(c, cityRound)).answered, false);
    });

    test('one answer per person: a second is 409 ALREADY_ANSWERED, and of concurrent answers exactly one is kept', async () => {
      const c = await login(people.a[0]!);
      const inv = await invitationOf(c, cityRound);
      const ok = await c.post(`/api/surveys/mine/${inv.id}/answer`, {
        values: full('student_satisfaction', 5),
        freeText: '实训设备再多一些',
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      const twice = await c.post(`/api/surveys/mine/${inv.id}/answer`, { values: full('student_satisfaction', 1) });
      assert.deepEqual([twice.status, twice.body.code], [409, 'ALREADY_ANSWERED']);
      assert.match(twice.body.message, /已填写过/);
      assert.equal((await invitationOf(c, cityRound)).answered, true);

      const racer = await login(people.a[1]!);
      const racing = await invitationOf(racer, cityRound);
      const all = await Promise.all(
        Array.from({ length: 8 }, () => racer.post(`/api/surveys/mine/${racing.id}/answer`, { values: full('student_satisfaction', 3) })),
      );
      assert.deepEqual(all.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409, 409, 409], JSON.stringify(all.map((r) => r.body)));
      assert.equal(await answerCount(cityRound), 2);
    });

    test('the answers hold no person, no user and no time; the participation only a keyed hash; the audit row no answer', async () => {
      const columns = async (table: string) =>
        (
          await rows<{ c: string }>(
            w.db,
            sql`select column_name as c from information_schema.columns where table_name = ${table} and table_schema = current_schema()`,
          )
        ).map((r) => r.c);
      assert.deepEqual((await columns('survey_answers')).sort(), [
        'enterprise_id',
        'free_text',
        'id',
        'round_id',
        'school_id',
        'score',
        'values',
      ]);
      assert.deepEqual((await columns('survey_participations')).sort(), ['respondent_key', 'round_id']);
      const keys = await rows<{ k: string }>(
        w.db,
        sql`select respondent_key as k from survey_participations where round_id = ${cityRound}`,
      );
      for (const { k } of keys) for (const p of people.a) assert.ok(!k.includes(p.id) && !k.startsWith('user:'));
      const audits = await auditRows(w.db, 'surveyRound', cityRound);
      const answered = audits.filter((a) => a.action === 'answer');
      assert.equal(answered.length, 2);
      assert.equal(JSON.stringify(answered.map((a) => a.changes)).includes('实训'), false);
    });

    test('below the minimum a school shows 样本不足; each reader sees the schools of its scope; another school is not found', async () => {
      // School A reaches the minimum; school B answers, but fewer than the minimum.
      for (const p of people.a.slice(2, min))
        assert.equal((await answerAs(p, cityRound, { values: full('student_satisfaction', 4), freeText: '老师很负责' })).status, 200);
      for (const p of people.b) assert.equal((await answerAs(p, cityRound, { values: full('student_satisfaction', 2) })).status, 200);
      const city = await (await as('cityAdmin')).get(`/api/surveys/rounds/${cityRound}`);
      assert.equal(city.status, 200, JSON.stringify(city.body));
      const a = city.body.schools.find((s: { schoolId: string }) => s.schoolId === w.schoolA.id);
      const b = city.body.schools.find((s: { schoolId: string }) => s.schoolId === w.schoolB.id);
      // A: one answer of 100, one of 50, three of 75.
      assert.deepEqual([a.invited, a.responses, a.sufficient, a.score], [min + 2, min, true, 75]);
      assert.equal(a.responseRate, Math.round((min / (min + 2)) * 1000) / 10);
      assert.deepEqual([b.invited, b.responses, b.sufficient, b.score], [2, 2, false, null]);
      assert.equal(city.body.round.responses, min + 2);

      const school = await as('schoolAdminA');
      const own = await school.get(`/api/surveys/rounds/${cityRound}`);
      assert.deepEqual(
        own.body.schools.map((s: { schoolId: string }) => s.schoolId),
        [w.schoolA.id],
      );
      assert.deepEqual([own.body.round.invited, own.body.round.responses], [min + 2, min]);
      const detail = await school.get(`/api/surveys/rounds/${cityRound}/schools/${w.schoolA.id}`);
      assert.equal(detail.status, 200);
      assert.deepEqual(
        detail.body.questions.map((q: { code: string }) => q.code),
        surveysPolicy.kinds.student_satisfaction.questions.map((q) => q.code),
      );
      assert.deepEqual(detail.body.comments, ['实训设备再多一些', ...Array(min - 2).fill('老师很负责')].sort());
      assert.equal((await school.get(`/api/surveys/rounds/${cityRound}/schools/${w.schoolB.id}`)).status, 404);
      const insufficient = await (await as('cityAdmin')).get(`/api/surveys/rounds/${cityRound}/schools/${w.schoolB.id}`);
      assert.deepEqual([insufficient.body.sufficient, insufficient.body.questions, insufficient.body.comments], [false, [], []]);
      const district = await (await as('districtA')).get(`/api/surveys/rounds/${cityRound}`);
      assert.deepEqual(
        district.body.schools.map((s: { schoolId: string }) => s.schoolId),
        [w.schoolA.id],
      );
    });

    test('the evaluation and the annual report read the school figures: only kinds with enough answers score', async () => {
      const scores = await surveyScoresBySchool(w.db, year);
      assert.deepEqual(
        scores.filter((s) => s.schoolId === w.schoolA.id || s.schoolId === w.schoolB.id),
        [{ schoolId: w.schoolA.id, kind: 'student_satisfaction', score: 75, responses: min, invited: min + 2 }],
      );
      assert.deepEqual(await surveyScoresBySchool(w.db, year - 1), []);
      const feedback = await surveyFeedbackForSchool(w.db, w.schoolA.id, year);
      const student = feedback.kinds.find((k) => k.kind === 'student_satisfaction')!;
      assert.deepEqual([student.sufficient, student.score, student.responses, student.invited], [true, 75, min, min + 2]);
      assert.equal(student.questions[0]!.answers, min);
      assert.equal(student.questions[0]!.score, 75);
      assert.equal(student.comments.length, min - 1);
      const b = (await surveyFeedbackForSchool(w.db, w.schoolB.id, year)).kinds.find((k) => k.kind === 'student_satisfaction')!;
      assert.deepEqual([b.sufficient, b.score, b.questions, b.comments, b.responses], [false, null, [], [], 2]);
    });

    test('a school opens a round for its own graduates and partner employers; another school cannot see or close it', async () => {
      const school = await as('schoolAdminA');
      const [{ name: schoolName }] = (await rows<{ name: string }>(
        w.db,
        sql`select name from organisations where id = ${w.schoolA.id}`,
      )) as [{ name: string }];
      const grads = await school.post('/api/surveys/rounds', { kind: 'graduate_satisfaction', year, closesOn });
      assert.equal(grads.status, 201, JSON.stringify(grads.body));
      assert.deepEqual([grads.body.invited, grads.body.scopeName, grads.body.canClose], [2, schoolName, true]);
      // No partner enterprise yet: refused, nothing written.
      const none = await school.post('/api/surveys/rounds', { kind: 'employer_satisfaction', year, closesOn });
      assert.equal(none.status, 400);
      assert.match(none.body.fields.kind, /暂无可邀请/);
      // A graduate of the school employed by the world's enterprise makes it a partner.
      await w.db.insert(graduateDestinations).values({
        studentId: people.grad[0]!.id,
        schoolId: w.schoolA.id,
        graduationYear: year,
        surveyPoint: 'graduation',
        categoryCode: '11',
        categoryGroup: 'employed',
        employerName: '测试企业',
        employerOrganisationId: w.enterprise.id,
      });
      const employers = await school.post('/api/surveys/rounds', { kind: 'employer_satisfaction', year, closesOn });
      assert.equal(employers.status, 201, JSON.stringify(employers.body));
      assert.equal(employers.body.invited, 1);
      const second = await makeUser(w.db, 'enterprise_admin', w.enterprise.id);
      assert.equal(second.username.length > 0, true);
      // The enterprise answers once, whichever of its administrators (the second was made after the round opened).
      const ent = await as('enterpriseAdmin');
      const inv = await invitationOf(ent, employers.body.id);
      assert.equal((await ent.get('/api/surveys/mine')).body.items[0].aboutName, schoolName);
      assert.equal((await ent.post(`/api/surveys/mine/${inv.id}/answer`, { values: full('employer_satisfaction') })).status, 200);
      assert.equal(
        (await ent.post(`/api/surveys/mine/${inv.id}/answer`, { values: full('employer_satisfaction') })).body.code,
        'ALREADY_ANSWERED',
      );

      const other = await as('schoolAdminB');
      assert.equal((await other.get(`/api/surveys/rounds/${grads.body.id}`)).status, 404);
      assert.equal((await other.post(`/api/surveys/rounds/${grads.body.id}/close`, {})).status, 404);
      assert.ok(!(await other.get('/api/surveys/rounds')).body.items.some((r: { id: string }) => r.id === grads.body.id));
      assert.equal((await (await as('districtB')).get(`/api/surveys/rounds/${grads.body.id}`)).status, 404);
      assert.equal((await (await as('districtA')).get(`/api/surveys/rounds/${grads.body.id}`)).status, 200);
      // The school closes its own round; an answer after it is refused.
      assert.equal((await school.post(`/api/surveys/rounds/${cityRound}/close`, {})).status, 403);
      const closed = await school.post(`/api/surveys/rounds/${grads.body.id}/close`, {});
      assert.deepEqual([closed.status, closed.body.status], [200, 'closed']);
      const late = await answerAs(people.grad[1]!, grads.body.id, { values: full('graduate_satisfaction') });
      assert.deepEqual([late.status, late.body.code], [409, 'INVALID_STATE']);
    });

    test('end-of-internship ratings: one per internship, the unit sees them only from the minimum on, never who', async () => {
      const rated = await makeOrganisation(w.db, 'enterprise', { districtId: w.districtA.id, name: '被评价实训企业' });
      const ratedAdmin = await makeUser(w.db, 'enterprise_admin', rated.id);
      const interns = people.a.slice(0, min);
      for (const [n, p] of interns.entries()) {
        const [s] = await rows<{ userId: string }>(w.db, sql`select user_id as "userId" from students where id = ${p.id}`);
        await w.db.transaction((tx) =>
          inviteInternshipRating(
            tx,
            {
              internshipId: `00000000-0000-4000-8000-00000000000${n}`,
              studentUserId: s!.userId,
              schoolId: w.schoolA.id,
              enterpriseId: rated.id,
              enterpriseName: rated.name,
            },
            new Date(),
          ),
        );
      }
      const c = await login(interns[0]!);
      const mine = (await c.get('/api/surveys/mine')).body.items.find((i: { kind: string }) => i.kind === 'internship_quality');
      assert.deepEqual([mine.aboutName, mine.answered], [rated.name, false]);
      const ent = await login(ratedAdmin);
      const answerOne = (p: { username: string }) =>
        answerAs(p, mine.roundId, { values: full('internship_quality', 5), freeText: '师傅教得好' });
      for (const p of interns.slice(0, min - 1)) assert.equal((await answerOne(p)).status, 200);
      const few = await ent.get(`/api/surveys/enterprise-ratings/${rated.id}`);
      assert.deepEqual(
        [few.body.years[0].responses, few.body.years[0].sufficient, few.body.years[0].score, few.body.years[0].comments],
        [min - 1, false, null, []],
      );
      assert.deepEqual(
        [...(await internshipRatingsOf(w.db, [rated.id], year)).keys()],
        [],
        'the post list shows no rating below the minimum',
      );
      assert.equal((await answerOne(interns[min - 1]!)).status, 200);
      assert.deepEqual((await internshipRatingsOf(w.db, [rated.id, w.enterprise.id], year)).get(rated.id), { score: 100, responses: min });
      assert.equal((await answerOne(interns[0]!)).body.code, 'ALREADY_ANSWERED');
      const enough = await ent.get(`/api/surveys/enterprise-ratings/${rated.id}`);
      assert.deepEqual(
        [enough.body.years[0].sufficient, enough.body.years[0].score, enough.body.years[0].comments.length],
        [true, 100, min],
      );
      assert.equal((await (await login(interns[0]!)).get(`/api/surveys/enterprise-ratings/${rated.id}`)).status, 200);
      // Another enterprise does not read them; the rated school's internship quality counts the ratings.
      assert.equal((await (await as('enterpriseAdmin')).get(`/api/surveys/enterprise-ratings/${rated.id}`)).status, 404);
      const quality = (await surveyScoresBySchool(w.db, year)).find((s) => s.schoolId === w.schoolA.id && s.kind === 'internship_quality');
      assert.deepEqual(quality, { schoolId: w.schoolA.id, kind: 'internship_quality', score: 100, responses: min, invited: min });
    });

    test('who may: respondents answer, staff read their scope, only the bureau and schools open rounds', async () => {
      const open = { kind: 'student_satisfaction', year: year - 1, closesOn };
      for (const who of ['department', 'districtA', 'teacherA', 'studentA', 'enterpriseAdmin'] as const)
        assert.equal((await (await as(who)).post('/api/surveys/rounds', open)).status, 403, who);
      for (const who of ['teacherA', 'studentA', 'enterpriseAdmin'] as const)
        assert.equal((await (await as(who)).get('/api/surveys/rounds')).status, 403, who);
      for (const who of ['cityAdmin', 'department', 'districtA', 'schoolAdminA', 'teacherA'] as const)
        assert.equal((await (await as(who)).get('/api/surveys/mine')).status, 403, who);
      const rounds = await (await as('department')).get('/api/surveys/rounds');
      assert.deepEqual([rounds.status, rounds.body.canOpen], [200, false]);
      assert.equal((await (await as('cityAdmin')).get('/api/surveys/rounds')).body.canOpen, true);
      // Another person's invitation is not found.
      const c = await login(people.b[0]!);
      const foreign = await invitationOf(await login(people.a[6]!), cityRound);
      assert.equal((await c.post(`/api/surveys/mine/${foreign.id}/answer`, { values: full('student_satisfaction') })).status, 404);
      assert.equal((await new TestClient(server.url).get('/api/surveys/mine')).status, 401);
    });
  });
}
