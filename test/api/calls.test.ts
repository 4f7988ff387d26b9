import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, calls, carrierPartners, carriers, schools } from '../../server/platform/db/schema/index.ts';
import { todayOf } from '../../core/calendar.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { pdfPages } from '../support/pdf-text.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Project calls with expert review, end to end over HTTP: the bureau's expert pool, a call of a policy kind,
 * applications with partners who confirm, eligibility named rule by rule, the deadline, assignment without
 * conflicts, blind scoring, outliers, ranking, a decision within the budget, publication; and who may not.
 */
const DAY = 86_400_000;
const TEXT = '本项目围绕区域产业需求，校企共同制定人才培养方案，共建实训基地并开展订单培养。';

for (const engine of testEngines()) {
  describe(`calls and expert review [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    const realNow = () => new Date();
    const state: Record<string, any> = {};

    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    async function buildWorld(s: TestServer) {
      const db = s.services.database.db;
      await loadRegistryCatalogues(db);
      const districtA = await makeDistrict(db);
      const districtB = await makeDistrict(db);
      const bureau = await makeOrganisation(db, 'bureau');
      const dept = await makeOrganisation(db, 'department');
      const schoolA = await makeSchool(db, districtA.id);
      const schoolB = await makeSchool(db, districtB.id);
      const schoolC = await makeSchool(db, districtA.id);
      await db.update(schools).set({ level: 'higher' }).where(eq(schools.organisationId, schoolB.id));
      const entA = await makeEnterprise(db, districtA.id);
      const entB = await makeEnterprise(db, districtB.id);
      const entC = await makeEnterprise(db, districtB.id);
      const entOther = await makeEnterprise(db, districtA.id);
      // entC is schoolB's partner through an industry college: an expert from entC may not review schoolB.
      const [college] = await db
        .insert(carriers)
        .values({ kind: 'industryCollege', name: '测试产业学院', level: 'city', leadOrganisationId: schoolB.id, districtId: districtB.id })
        .returning();
      await db.insert(carrierPartners).values({ carrierId: college!.id, organisationId: entC.id });
      const expertOrgs = await Promise.all(Array.from({ length: 6 }, () => makeEnterprise(db, districtA.id)));
      const login = async (u: { username: string }) => {
        const c = new TestClient(s.url);
        assert.equal((await c.login(u.username, TEST_PASSWORD)).status, 200);
        return c;
      };
      const users = {
        bureau: await makeUser(db, 'city_admin', bureau.id),
        dept: await makeUser(db, 'department', dept.id),
        schoolA: await makeUser(db, 'school_admin', schoolA.id),
        schoolB: await makeUser(db, 'school_admin', schoolB.id),
        schoolC: await makeUser(db, 'school_admin', schoolC.id),
        entA: await makeUser(db, 'enterprise_admin', entA.id),
        entB: await makeUser(db, 'enterprise_admin', entB.id),
        entOther: await makeUser(db, 'enterprise_admin', entOther.id),
        districtA: await makeUser(db, 'district', districtA.id),
        districtB: await makeUser(db, 'district', districtB.id),
        student: await makeUser(db, 'student', schoolA.id),
        // Experts: six unrelated, one of schoolA (same organisation as applicant A), one of entC (schoolB's partner).
        expertSameOrg: await makeUser(db, 'teacher', schoolA.id),
        expertPartner: await makeUser(db, 'enterprise_admin', entC.id),
      };
      const plain = await Promise.all(expertOrgs.map((o) => makeUser(db, 'enterprise_admin', o.id)));
      const c: Record<string, TestClient> = {};
      for (const [k, u] of Object.entries(users)) c[k] = await login(u);
      const experts = await Promise.all(plain.map(login));
      return { districtA, districtB, schoolA, schoolB, entA, entB, entC, entOther, users, plain, c, experts };
    }

    test('the bureau builds its expert pool; a student account, a duplicate and other roles are refused', async () => {
      const { c, users, plain } = w;
      const ids: string[] = [];
      for (const u of [...plain, users.expertSameOrg, users.expertPartner]) {
        const res = await c.bureau!.post('/api/experts', { userId: u.id, fields: ['equipment'], title: '高级工程师' });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        ids.push(res.body.id);
      }
      state.expertIds = ids;
      state.expertSameOrgId = ids[6];
      state.expertPartnerId = ids[7];
      assert.equal((await c.bureau!.post('/api/experts', { userId: users.student.id, fields: ['x'] })).status, 422);
      assert.equal((await c.bureau!.post('/api/experts', { userId: plain[0]!.id, fields: ['x'] })).status, 409);
      assert.equal((await c.schoolA!.post('/api/experts', { userId: users.schoolA.id, fields: ['x'] })).status, 403);
      assert.equal((await c.schoolA!.get('/api/experts')).status, 403);
      const list = await c.dept!.get('/api/experts?pageSize=200');
      assert.equal(list.status, 200);
      assert.ok(ids.every((id) => list.body.items.some((e: any) => e.id === id)));
      const one = await c.bureau!.get(`/api/experts/${ids[0]}`);
      const patched = await c.bureau!.patch(`/api/experts/${ids[0]}`, { version: one.body.version, fields: ['equipment', 'ai'] });
      assert.equal(patched.status, 200);
      assert.deepEqual(patched.body.fields, ['equipment', 'ai']);
      assert.equal((await c.bureau!.patch(`/api/experts/${ids[0]}`, { version: one.body.version, active: false })).status, 409);
    });

    test('a call of a policy kind: drafted, seen only by its owner, then opened to the eligible and the public', async () => {
      const { c } = w;
      const kinds = await c.schoolA!.get('/api/call-kinds');
      assert.equal(kinds.status, 200);
      assert.ok(kinds.body.some((k: any) => k.code === 'collaborative_project' && k.target === 'collaborative_projects'));
      const today = todayOf(realNow());
      const closesOn = todayOf(new Date(Date.now() + 10 * DAY));
      const body = {
        kind: 'collaborative_project',
        title: '2026年政产学研用协同育人项目',
        opensOn: today,
        closesOn,
        budgetYuan: 1_000_000,
      };
      assert.equal((await c.schoolA!.post('/api/calls', body)).status, 403);
      assert.equal((await c.bureau!.post('/api/calls', { ...body, kind: 'nothing' })).status, 400);
      assert.equal((await c.bureau!.post('/api/calls', { ...body, closesOn: '2020-01-01' })).status, 400);
      const created = await c.bureau!.post('/api/calls', body);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      state.call = created.body;
      // A draft: not for applicants, nor another unit.
      assert.equal((await c.schoolA!.get(`/api/calls/${state.call.id}`)).status, 404);
      assert.equal((await c.dept!.get(`/api/calls/${state.call.id}`)).status, 404);
      assert.equal((await c.dept!.patch(`/api/calls/${state.call.id}`, { version: 1, budgetYuan: 5 })).status, 404);
      const edited = await c.bureau!.patch(`/api/calls/${state.call.id}`, {
        version: state.call.version,
        description: '面向职业院校，校企联合申报。',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      state.call = edited.body;
      const opened = await c.bureau!.post(`/api/calls/${state.call.id}/open`, { version: state.call.version });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.status, 'open');
      state.call = opened.body;
      assert.equal((await c.bureau!.patch(`/api/calls/${state.call.id}`, { version: state.call.version, budgetYuan: 5 })).status, 409);
      // Eligible schools are told in their inbox; the public page lists the open call.
      const inbox = await c.schoolA!.get('/api/notifications');
      assert.ok(inbox.body.items.some((n: any) => n.title.includes(state.call.title)));
      const pub = await new TestClient(server.url).get('/api/public/calls');
      assert.equal(pub.status, 200);
      assert.ok(pub.body.open.some((x: any) => x.id === state.call.id));
      assert.equal((await c.schoolA!.get(`/api/calls/${state.call.id}`)).status, 200);
    });

    test('applications: pre-filled, partners confirm, every failed rule named, one per applicant', async () => {
      const { c, entA, entB, schoolA } = w;
      const url = `/api/calls/${state.call.id}/applications`;
      assert.equal((await c.entA!.post(url, {})).status, 422, 'enterprises may not apply for this kind');
      assert.equal((await c.student!.post(url, {})).status, 403);
      const created = await c.schoolA!.post(url, {});
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await c.schoolA!.post(url, {})).status, 409);
      let app = created.body;
      assert.equal(app.applicantOrganisationId, schoolA.id);
      assert.equal(app.eligibility.eligible, false);
      const prefill = await c.schoolA!.get(`/api/calls/${state.call.id}/prefill`);
      assert.equal(prefill.status, 200);
      // Submitting now names each failed rule.
      const early = await c.schoolA!.post(`/api/call-applications/${app.id}/submit`, { version: app.version });
      assert.equal(early.status, 400, JSON.stringify(early.body)); // no amount yet
      let res = await c.schoolA!.patch(`/api/call-applications/${app.id}`, { version: app.version, requestedYuan: 2_000_000 });
      assert.equal(res.status, 400, 'over the budget');
      res = await c.schoolA!.patch(`/api/call-applications/${app.id}`, {
        version: app.version,
        requestedYuan: 600_000,
        partners: [{ organisationId: entA.id, part: '提供实训岗位和兼职教师' }],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      app = res.body;
      res = await c.schoolA!.post(`/api/call-applications/${app.id}/submit`, { version: app.version });
      assert.equal(res.status, 422);
      assert.deepEqual(
        res.body.failed.map((f: any) => f.rule),
        ['min_partners', 'evidence.proposal', 'evidence.agreement'],
      );
      res = await c.schoolA!.patch(`/api/call-applications/${app.id}`, {
        version: app.version,
        sections: { proposal: TEXT, agreement: TEXT },
      });
      app = res.body;
      // Who sees it: the applicant, the partner, the applicant's district; not another enterprise, school or district.
      assert.equal((await c.entA!.get(`/api/call-applications/${app.id}`)).status, 200);
      assert.equal((await c.districtA!.get(`/api/call-applications/${app.id}`)).status, 200);
      for (const who of ['entOther', 'schoolB', 'districtB', 'student', 'dept'])
        assert.equal((await c[who]!.get(`/api/call-applications/${app.id}`)).status, 404, who);
      assert.equal((await c.entOther!.post(`/api/call-applications/${app.id}/confirm`, {})).status, 404);
      assert.equal((await c.schoolB!.patch(`/api/call-applications/${app.id}`, { version: app.version, title: '冒名修改' })).status, 404);
      const confirmed = await c.entA!.post(`/api/call-applications/${app.id}/confirm`, {});
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.eligibility.eligible, true);
      res = await c.schoolA!.post(`/api/call-applications/${app.id}/submit`, { version: confirmed.body.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'submitted');
      assert.equal((await c.schoolA!.patch(`/api/call-applications/${app.id}`, { version: res.body.version, title: '再改' })).status, 409);
      state.appA = res.body;
      // SchoolB applies with entB.
      let b = (await c.schoolB!.post(url, { title: '智能制造协同育人' })).body;
      b = (
        await c.schoolB!.patch(`/api/call-applications/${b.id}`, {
          version: b.version,
          requestedYuan: 500_000,
          partners: [{ organisationId: entB.id, part: '共建课程' }],
          sections: { proposal: TEXT, agreement: TEXT },
        })
      ).body;
      await c.entB!.post(`/api/call-applications/${b.id}/confirm`, {});
      b = (await c.schoolB!.get(`/api/call-applications/${b.id}`)).body;
      res = await c.schoolB!.post(`/api/call-applications/${b.id}/submit`, { version: b.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      state.appB = res.body;
      // SchoolC starts and withdraws before the deadline; a withdrawn application is not edited again.
      const cApp = (await c.schoolC!.post(url, {})).body;
      const withdrawn = await c.schoolC!.post(`/api/call-applications/${cApp.id}/withdraw`, { version: cApp.version });
      assert.equal(withdrawn.status, 200);
      assert.equal(withdrawn.body.status, 'withdrawn');
      assert.equal((await c.schoolA!.post(`/api/call-applications/${cApp.id}/withdraw`, { version: withdrawn.body.version })).status, 404);
      assert.equal(
        (await c.schoolC!.patch(`/api/call-applications/${cApp.id}`, { version: withdrawn.body.version, title: '再次修改' })).status,
        409,
      );
      const mine = await c.schoolA!.get('/api/call-applications');
      assert.deepEqual(
        mine.body.items.map((x: any) => x.id),
        [state.appA.id],
      );
      const owner = await c.bureau!.get(`/api/call-applications?callId=${state.call.id}`);
      assert.equal(owner.body.total, 3, 'the withdrawn one included');
    });

    test('the deadline: review only after it, no application or withdrawal after it', async () => {
      const { c } = w;
      const early = await c.bureau!.post(`/api/calls/${state.call.id}/review`, { version: state.call.version });
      assert.equal(early.status, 422);
      // The deadline passes (the call's dates moved back rather than the clock: sessions would expire).
      const yesterday = todayOf(new Date(Date.now() - DAY));
      await server.services.database.db
        .update(calls)
        .set({ opensOn: todayOf(new Date(Date.now() - 20 * DAY)), closesOn: yesterday })
        .where(eq(calls.id, state.call.id));
      assert.equal((await c.entB!.post(`/api/calls/${state.call.id}/applications`, {})).status, 422);
      assert.equal(
        (await c.schoolA!.post(`/api/call-applications/${state.appA.id}/withdraw`, { version: state.appA.version })).status,
        422,
      );
      assert.equal((await c.dept!.post(`/api/calls/${state.call.id}/review`, { version: state.call.version })).status, 404);
      const res = await c.bureau!.post(`/api/calls/${state.call.id}/review`, { version: state.call.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'reviewing');
      state.call = res.body;
    });

    test('assignment: five experts each, no conflicted expert, load balanced; only the round’s owner assigns', async () => {
      const { c } = w;
      const round = state.call.reviewRoundId;
      assert.equal((await c.dept!.post(`/api/review-rounds/${round}/assignment`, { version: 1 })).status, 404);
      assert.equal((await c.schoolA!.post(`/api/review-rounds/${round}/assignment`, { version: 1 })).status, 403);
      assert.equal((await c.dept!.get(`/api/review-rounds/${round}`)).status, 404);
      const res = await c.bureau!.post(`/api/review-rounds/${round}/assignment`, { version: 1 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.assigned, 10);
      assert.ok(res.body.conflictsExcluded >= 2);
      const results = (await c.bureau!.get(`/api/review-rounds/${round}`)).body;
      const subjectA = results.subjects.find((s: any) => s.subjectId === state.appA.id);
      const subjectB = results.subjects.find((s: any) => s.subjectId === state.appB.id);
      assert.equal(subjectA.sheets.length, 5);
      assert.ok(!subjectA.sheets.some((x: any) => x.expertId === state.expertSameOrgId), 'same organisation never assigned');
      assert.ok(!subjectB.sheets.some((x: any) => x.expertId === state.expertPartnerId), 'a partner of the applicant never assigned');
      const loads = results.loads.map((l: any) => l.assigned);
      assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, String(loads));
      state.round = results;
      // The bureau may not add a conflicted expert by hand: the rule is named.
      const conflicted = await c.bureau!.post(`/api/review-rounds/${round}/assignments`, {
        reviewSubjectId: subjectA.reviewSubjectId,
        expertId: state.expertSameOrgId,
      });
      assert.equal(conflicted.status, 422);
      assert.match(conflicted.body.message, /同属一个单位/);
      assert.deepEqual(conflicted.body.conflicts, ['same_organisation']);
      const partner = await c.bureau!.post(`/api/review-rounds/${round}/assignments`, {
        reviewSubjectId: subjectB.reviewSubjectId,
        expertId: state.expertPartnerId,
      });
      assert.equal(partner.status, 422);
      assert.deepEqual(partner.body.conflicts, ['partner']);
    });

    test('experts see only their own assignments, blind; scores within the rubric; two at once both count', async () => {
      const { c, users } = w;
      const byExpert = new Map<string, TestClient>();
      w.plain.forEach((u, i) => byExpert.set(state.expertIds[i], w.experts[i]!));
      byExpert.set(state.expertSameOrgId, c.expertSameOrg!);
      byExpert.set(state.expertPartnerId, c.expertPartner!);
      const sheetsA = state.round.subjects.find((s: any) => s.subjectId === state.appA.id).sheets;
      const first = byExpert.get(sheetsA[0].expertId)!;
      const tasks = await first.get('/api/reviews');
      assert.equal(tasks.status, 200);
      const task = tasks.body.items.find((t: any) => t.id === sheetsA[0].assignmentId);
      assert.ok(task);
      assert.equal(task.blind, true);
      assert.equal(task.applicantNames, null, 'blind review hides the applicant');
      assert.ok(!JSON.stringify(tasks.body).includes(w.schoolA.name));
      // Another expert's sheet, or a subject not assigned to the caller: not found.
      const other = sheetsA[1].assignmentId;
      const good = { need: 18, plan: 26, partners: 17, team: 12, outcome: 12 };
      assert.equal((await first.get(`/api/reviews/${other}`)).status, 404);
      assert.equal(
        (await first.request('PUT', `/api/reviews/${other}`, { version: 1, scores: good, comment: '方案可行，建议立项。' })).status,
        404,
      );
      assert.equal((await c.expertSameOrg!.get('/api/reviews')).body.items.filter((t: any) => t.title === state.appA.title).length, 0);
      // A user not in the pool has no tasks; a student may not score at all.
      assert.equal((await c.schoolA!.get('/api/reviews')).body.total, 0);
      assert.equal((await c.student!.get('/api/reviews')).status, 403);
      void users;
      // Outside the rubric's range: 400 naming the item.
      const bad = await first.request('PUT', `/api/reviews/${task.id}`, {
        version: task.version,
        scores: { ...good, need: 25 },
        comment: '方案可行，建议立项。',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields['scores.need']);
      // Every expert of A submits at once (one far below the rest: flagged as an outlier).
      const submissions = await Promise.all(
        sheetsA.map((s: any, i: number) => {
          const cl = byExpert.get(s.expertId)!;
          const scores = i === 4 ? { need: 2, plan: 3, partners: 2, team: 1, outcome: 1 } : { ...good, plan: 25 + i };
          return cl.request('PUT', `/api/reviews/${s.assignmentId}`, { version: 1, scores, comment: '方案可行，建议立项。' });
        }),
      );
      assert.deepEqual(
        submissions.map((r) => r.status),
        [200, 200, 200, 200, 200],
      );
      const sheetsB = state.round.subjects.find((s: any) => s.subjectId === state.appB.id).sheets;
      // An expert who declines: the bureau withdraws the unscored assignment and gives it back; a scored one stays.
      const roundUrl = `/api/review-rounds/${state.call.reviewRoundId}/assignments`;
      assert.equal((await c.bureau!.request('DELETE', `${roundUrl}/${sheetsA[0].assignmentId}`)).status, 404);
      assert.equal((await c.dept!.request('DELETE', `${roundUrl}/${sheetsB[0].assignmentId}`)).status, 404);
      assert.equal((await c.schoolA!.request('DELETE', `${roundUrl}/${sheetsB[0].assignmentId}`)).status, 403);
      assert.equal((await c.bureau!.request('DELETE', `${roundUrl}/${sheetsB[0].assignmentId}`)).status, 204);
      const subjectB = state.round.subjects.find((s: any) => s.subjectId === state.appB.id).reviewSubjectId;
      const readded = await c.bureau!.post(roundUrl, { reviewSubjectId: subjectB, expertId: sheetsB[0].expertId });
      assert.equal(readded.status, 201, JSON.stringify(readded.body));
      sheetsB[0] = { ...sheetsB[0], assignmentId: readded.body.id };
      await Promise.all(
        sheetsB.map((s: any) =>
          byExpert.get(s.expertId)!.request('PUT', `/api/reviews/${s.assignmentId}`, {
            version: 1,
            scores: { need: 15, plan: 20, partners: 15, team: 10, outcome: 10 },
            comment: '基础较好，特色一般。',
          }),
        ),
      );
      const results = (await c.bureau!.get(`/api/review-rounds/${state.call.reviewRoundId}`)).body;
      const a = results.subjects.find((s: any) => s.subjectId === state.appA.id);
      assert.equal(a.submitted, 5);
      assert.deepEqual(
        a.sheets.filter((x: any) => x.outlier).map((x: any) => x.total),
        [9],
      );
      // Totals 84, 85, 86, 87 and 9; the trimmed mean drops 9 and 87: (84 + 85 + 86) / 3.
      assert.equal(a.score, 85);
      assert.equal(a.rank, 1);
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'review_assignment'), eq(auditLog.action, 'submit')));
      assert.ok(audits.length >= 10);
    });

    test('decisions: within the budget; two clerks at once, one wins; publication; exports', async () => {
      const { c } = w;
      const ranking = await c.bureau!.get(`/api/calls/${state.call.id}/ranking`);
      assert.equal(ranking.status, 200);
      assert.deepEqual(
        ranking.body.items.map((i: any) => [i.applicationId, i.rank, i.outliers]),
        [
          [state.appA.id, 1, 1],
          [state.appB.id, 2, 0],
        ],
      );
      assert.equal((await c.schoolA!.get(`/api/calls/${state.call.id}/ranking`)).status, 403);
      assert.equal((await c.dept!.get(`/api/calls/${state.call.id}/ranking`)).status, 404);
      const version = ranking.body.version;
      const over = await c.bureau!.post(`/api/calls/${state.call.id}/decisions`, {
        version,
        awards: [
          { applicationId: state.appA.id, amountYuan: 600_000 },
          { applicationId: state.appB.id, amountYuan: 500_000 },
        ],
      });
      assert.equal(over.status, 422);
      assert.match(over.body.message, /超过本批预算/);
      const overRequest = await c.bureau!.post(`/api/calls/${state.call.id}/decisions`, {
        version,
        awards: [{ applicationId: state.appB.id, amountYuan: 500_001 }],
      });
      assert.equal(overRequest.status, 422);
      const [one, two] = await Promise.all([
        c.bureau!.post(`/api/calls/${state.call.id}/decisions`, {
          version,
          awards: [{ applicationId: state.appA.id, amountYuan: 600_000 }],
        }),
        c.bureau!.post(`/api/calls/${state.call.id}/decisions`, {
          version,
          awards: [{ applicationId: state.appB.id, amountYuan: 400_000 }],
        }),
      ]);
      assert.deepEqual([one.status, two.status].sort(), [200, 409]);
      const decided = (await c.bureau!.get(`/api/calls/${state.call.id}/ranking`)).body;
      assert.equal(decided.status, 'decided');
      assert.equal(decided.items.filter((i: any) => i.decision === 'funded').length, 1);
      // Scoring has closed with the decision.
      const sheet = state.round.subjects[0].sheets[0];
      const closed = await w.experts[0]!.get('/api/reviews');
      assert.ok(closed.body.items.every((t: any) => t.open === false));
      void sheet;
      const published = await c.bureau!.post(`/api/calls/${state.call.id}/publish`, { version: decided.version });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.ok(published.body.objectionEndsOn > published.body.publishedOn);
      const pub = await new TestClient(server.url).get('/api/public/calls');
      const result = pub.body.results.find((r: any) => r.id === state.call.id);
      assert.equal(result.funded.length, 1);
      // The funded project counts toward its target, computed, with the project in the drill-down.
      let value: number | null = null;
      for (let i = 0; i < 100 && value !== 1; i++) {
        const cockpit = (await c.bureau!.get('/api/cockpit')).body;
        value = cockpit.targets?.find((t: any) => t.code === 'collaborative_projects')?.value ?? null;
        if (value !== 1) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(value, 1, 'publication queues a recompute');
      const drill = await c.bureau!.get('/api/cockpit/drill/collaborative_projects');
      assert.equal(drill.status, 200);
      const funded = decided.items.find((i: any) => i.decision === 'funded');
      assert.deepEqual(
        drill.body.items.map((i: any) => [i.id, i.awardYuan]),
        [[funded.applicationId, funded.awardYuan]],
      );
      for (const what of ['applications', 'scores', 'decisions']) {
        const x = await c.bureau!.get(`/api/calls/${state.call.id}/export/${what}`);
        assert.equal(x.status, 200, what);
        assert.match(x.headers.get('content-type') ?? '', /spreadsheetml/);
        assert.equal((await c.dept!.get(`/api/calls/${state.call.id}/export/${what}`)).status, 404);
        assert.equal((await c.schoolA!.get(`/api/calls/${state.call.id}/export/${what}`)).status, 403);
      }
    });

    test('the decision list prints as an A4 PDF: for the managing unit, then for anyone once published', async () => {
      const { c } = w;
      const bytes = async (client: TestClient | null, path: string) => {
        const res = await fetch(server.url + path, { headers: client?.cookie ? { cookie: client.cookie } : {} });
        return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
      };
      const own = await bytes(c.bureau!, `/api/calls/${state.call.id}/decision-list`);
      assert.equal(own.status, 200);
      assert.equal(own.type, 'application/pdf');
      const call = (await c.bureau!.get(`/api/calls/${state.call.id}`)).body;
      const text = (await pdfPages(own.body)).join('\n');
      for (const s of [
        `${call.title}立项名单公示`,
        state.appA.title,
        `${call.publishedOn} 至 ${call.objectionEndsOn}`,
        `数据日期：${call.publishedOn}`,
        '提出异议',
      ])
        assert.ok(text.includes(s), `the list prints ${s}: ${text}`);
      assert.ok(!text.includes(state.appB.title), 'only the funded projects are listed');
      assert.equal((await bytes(c.dept!, `/api/calls/${state.call.id}/decision-list`)).status, 404, "another unit's call");
      assert.equal((await bytes(c.schoolA!, `/api/calls/${state.call.id}/decision-list`)).status, 403);
      assert.equal((await bytes(null, `/api/public/calls/${state.call.id}/decision-list`)).status, 200);
      assert.equal((await bytes(null, `/api/public/calls/${crypto.randomUUID()}/decision-list`)).status, 404);
    });

    test('objections during 公示: the applicant objects once with reasons, the managing unit answers, then the result is final', async () => {
      const { c } = w;
      const url = `/api/call-applications/${state.appB.id}/objection`;
      const blank = await c.schoolB!.post(url, { reasons: '  ' });
      assert.equal(blank.status, 400);
      assert.ok(blank.body.fields.reasons);
      assert.equal((await c.schoolA!.post(url, { reasons: '代为异议' })).status, 404, "another applicant's application");
      assert.equal((await c.entOther!.post(url, { reasons: '无关单位' })).status, 404);
      assert.equal((await c.student!.post(url, { reasons: '学生' })).status, 403);
      assert.equal((await c.bureau!.post(url, { reasons: '发布单位' })).status, 403);
      const raised = await c.schoolB!.post(url, { reasons: '专家评分与申报材料不符，请复核第三项评分。' });
      assert.equal(raised.status, 201, JSON.stringify(raised.body));
      assert.equal(raised.body.status, 'pending');
      assert.equal((await c.schoolB!.post(url, { reasons: '再次异议' })).status, 409, 'once per application');
      assert.equal((await c.schoolB!.get(url)).body.objection.id, raised.body.id);
      assert.equal((await c.schoolA!.get(url)).status, 404, "another applicant's application");
      assert.equal((await c.schoolA!.get(`/api/call-applications/${state.appA.id}/objection`)).body.objection, null, 'none raised');

      const list = `/api/calls/${state.call.id}/objections`;
      const open = await c.bureau!.get(list);
      assert.equal(open.status, 200);
      assert.deepEqual([open.body.pending, open.body.periodOver, open.body.final], [1, false, false]);
      assert.equal((await c.dept!.get(list)).status, 404, "another unit's call");
      assert.equal((await c.schoolB!.get(list)).status, 403);

      const answer = `/api/call-objections/${raised.body.id}/answer`;
      const body = { version: raised.body.version, outcome: 'dismissed', answer: '经复核，评分符合评分细则，维持原结果。' };
      assert.equal((await c.dept!.post(answer, body)).status, 404);
      assert.equal((await c.schoolB!.post(answer, body)).status, 403);
      assert.equal((await c.bureau!.post(answer, { ...body, version: body.version + 1 })).status, 409);
      assert.equal((await c.bureau!.post(answer, { ...body, outcome: 'maybe' })).status, 400);
      const answered = await c.bureau!.post(answer, body);
      assert.equal(answered.status, 200, JSON.stringify(answered.body));
      assert.deepEqual([answered.body.status, answered.body.outcome], ['answered', 'dismissed']);
      assert.equal((await c.bureau!.post(answer, { ...body, version: answered.body.version })).status, 409, 'answered once');
      const told = await c.schoolB!.get('/api/notifications');
      assert.ok(JSON.stringify(told.body).includes('异议不成立'), 'the applicant is told');

      // after the period (its last day moved to yesterday: a session would not survive moving the clock): no more
      // objections, and with nothing pending the result is final
      const yesterday = todayOf(new Date(Date.now() - DAY));
      await server.services.database.db.update(calls).set({ objectionEndsOn: yesterday }).where(eq(calls.id, state.call.id));
      const late = await c.schoolA!.post(`/api/call-applications/${state.appA.id}/objection`, { reasons: '逾期异议' });
      assert.equal(late.status, 422);
      assert.ok(late.body.fields.objectionPeriod);
      const over = await c.bureau!.get(list);
      assert.deepEqual([over.body.pending, over.body.periodOver, over.body.final], [0, true, true]);
      const audits = await server.services.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'call_objection'));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['create', 'update']);
    });
  });
}
