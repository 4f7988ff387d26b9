import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, carrierPartners, carriers, enterprises } from '../../server/platform/db/schema/index.ts';
import { certificationPolicy } from '../../policy/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * 产教融合型企业 over HTTP (issue 14 items 1–2): the self-check, an application pre-filled from the register, each
 * stage by the party whose step it is, deadlines on a clock the test moves, the register's status following the
 * case, revocation with its 5-year ban, and who may not.
 */
const figures = {
  payrollYuan: 10_000_000,
  fundDrawnYuan: 200_000,
  fundSpentYuan: 150_000,
  frontlineSharePct: 65,
  peopleTrained: 320,
  stateOwned: false,
  sasacLevel: null,
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

for (const engine of testEngines()) {
  describe(`产教融合型企业 lifecycle [${engine.name}]`, () => {
    let server: TestServer;
    let clock = new Date('2025-03-03T02:00:00Z');
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
    async function upload(c: TestClient, caseId: string) {
      const res = await fetch(
        `${server.url}/api/certification/cases/${caseId}/evidence?fileName=${encodeURIComponent('专家评审意见.pdf')}`,
        {
          method: 'POST',
          headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream' },
          body: PDF,
        },
      );
      return { status: res.status, body: await res.json() };
    }

    test('the whole life: self-check, apply, reviews, expert panel outcome, reserve, plan, certification, notice, annual report, revocation and ban', async () => {
      at('2025-03-03');
      const district = await makeDistrict(db());
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const ndrc = await makeOrganisation(db(), 'department');
      const ent = await makeEnterprise(db(), district.id, { staffCount: 900, aboveDesignatedSize: true });
      const other = await makeEnterprise(db(), otherDistrict.id, { staffCount: 900, aboveDesignatedSize: true });
      const partner = await makeEnterprise(db(), otherDistrict.id);
      const u = {
        bureau: await makeUser(db(), 'city_admin', bureau.id),
        ndrc: await makeUser(db(), 'department', ndrc.id),
        district: await makeUser(db(), 'district', district.id),
        otherDistrict: await makeUser(db(), 'district', otherDistrict.id),
        ent: await makeUser(db(), 'enterprise_admin', ent.id),
        other: await makeUser(db(), 'enterprise_admin', other.id),
      };
      const [group] = await db()
        .insert(carriers)
        .values({
          kind: 'educationGroup',
          name: '测试职教集团',
          leadOrganisationId: ent.id,
          districtId: district.id,
          level: 'city',
          status: 'operating',
        } as never)
        .returning({ id: carriers.id });
      await db().insert(carrierPartners).values({ carrierId: group!.id, organisationId: partner.id });
      let e = await as(u.ent);

      // Self-check before declaring: the training fund is a data criterion, missing without a declaration.
      const check0 = await e.get(`/api/certification/enterprises/${ent.id}/eligibility`);
      assert.equal(check0.status, 200, JSON.stringify(check0.body));
      assert.deepEqual(check0.body.missing, ['training_fund_drawn']);
      assert.equal(check0.body.criteria.find((c: { code: string }) => c.code === 'leads_education_group').status, 'met');
      assert.equal(check0.body.criteria.find((c: { code: string }) => c.code === 'skill_linked_pay').status, 'evidence');
      const early = await e.post('/api/certification/cases', {
        enterpriseId: ent.id,
        statement: '本企业与多所职业院校开展订单培养和实习合作。',
      });
      assert.equal(early.status, 422);
      assert.equal(early.body.rule, 'basicCriteria');
      assert.equal((await e.request('PUT', `/api/certification/enterprises/${ent.id}/declarations/2024`, figures)).status, 200);
      assert.equal((await e.get(`/api/certification/enterprises/${ent.id}/eligibility`)).body.mayApply, true);

      const made = await e.post('/api/certification/cases', {
        enterpriseId: ent.id,
        statement: '本企业与多所职业院校开展订单培养和实习合作。',
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id = made.body.id;
      assert.equal(made.body.prefill.staffCount, 900, 'pre-filled from the register');
      assert.equal(made.body.prefill.trainingFundDrawnPct, 2);
      assert.equal(made.body.prefill.educationGroupsLed, 1);
      const status = async () =>
        (await db().select({ s: enterprises.integrationStatus }).from(enterprises).where(eq(enterprises.organisationId, ent.id)))[0]!.s;
      assert.equal(await status(), 'applied');
      assert.equal(
        (await e.post('/api/certification/cases', { enterpriseId: ent.id, statement: '再次申报，应被拒绝的第二份申请。' })).body.rule,
        'oneOpenCase',
      );

      // Who may not: another enterprise and another district do not find it; a district does not decide for the bureau.
      const stranger = await as(u.other);
      assert.equal((await stranger.get(`/api/certification/cases/${id}`)).status, 404);
      assert.equal((await stranger.get(`/api/certification/enterprises/${ent.id}/eligibility`)).status, 404);
      assert.equal(
        (await stranger.post('/api/certification/cases', { enterpriseId: ent.id, statement: '替别的企业申报，应找不到该企业。' })).status,
        404,
      );
      assert.equal(
        (await stranger.post(`/api/certification/cases/${id}/plan`, { title: '三年规划', url: 'https://example.cn/p', version: 1 })).status,
        404,
      );
      const od = await as(u.otherDistrict);
      assert.equal((await od.post(`/api/certification/cases/${id}/district-review`, { approve: true, version: 1 })).status, 404);
      const d = await as(u.district);
      assert.equal((await d.post(`/api/certification/cases/${id}/decisions`, { transition: 'enterReserve', version: 1 })).status, 403);
      assert.equal((await e.post(`/api/certification/cases/${id}/district-review`, { approve: true, version: 1 })).status, 403);

      // Skipping a stage names the rule; nothing is written.
      const b = await as(u.bureau);
      const skip = await b.post(`/api/certification/cases/${id}/decisions`, { transition: 'enterReserve', version: 1 });
      assert.equal(skip.status, 409);
      assert.equal(skip.body.rule, 'stageOrder');

      let c = (await d.post(`/api/certification/cases/${id}/district-review`, { approve: true, comment: '材料齐全', version: 1 })).body;
      assert.equal(c.stage, 'districtReviewed');
      c = (await b.post(`/api/certification/cases/${id}/decisions`, { transition: 'eligibilityCheck', approve: true, version: c.version }))
        .body;
      assert.equal(c.stage, 'eligible');
      // The expert review runs on the shared expert review: no panel yet, no outcome (the bureau types none).
      const none = await b.post(`/api/certification/cases/${id}/decisions`, { transition: 'recordExpertReview', version: c.version });
      assert.equal(none.status, 422);
      assert.equal(none.body.rule, 'expertReviewAssigned');
      const typed = await b.post(`/api/certification/cases/${id}/decisions`, {
        transition: 'recordExpertReview',
        passed: true,
        score: 99,
        version: c.version,
      });
      assert.equal(typed.status, 400, 'a typed score or verdict is not accepted');

      // The pool: five experts of other enterprises, one of the applicant itself, one of its partner in the education group.
      const poolOrgs = await Promise.all(Array.from({ length: 5 }, () => makeEnterprise(db(), otherDistrict.id)));
      const plainUsers = await Promise.all(poolOrgs.map((o) => makeUser(db(), 'enterprise_admin', o.id)));
      const partnerUser = await makeUser(db(), 'enterprise_admin', partner.id);
      const expertOf = new Map<string, string>();
      for (const x of [...plainUsers, u.ent, partnerUser]) {
        const r = await b.post('/api/experts', { userId: x.id, fields: ['equipment'], title: '高级工程师' });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        expertOf.set(x.id, r.body.id);
      }

      // Opening the round: the bureau only, from the eligible stage, once.
      assert.equal((await d.post(`/api/certification/cases/${id}/expert-review`, { version: c.version })).status, 403);
      assert.equal((await e.post(`/api/certification/cases/${id}/expert-review`, { version: c.version })).status, 403);
      assert.equal(
        (await b.post('/api/certification/cases/00000000-0000-4000-8000-000000000000/expert-review', { version: 1 })).status,
        404,
      );
      assert.equal((await b.post(`/api/certification/cases/${id}/expert-review`, { version: c.version + 1 })).status, 409, 'stale version');
      const opened = await b.post(`/api/certification/cases/${id}/expert-review`, { version: c.version });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      c = opened.body;
      assert.equal(c.stage, 'eligible');
      assert.equal(c.reviewRound.status, 'open');
      assert.equal(c.reviewRound.passScore, certificationPolicy.review.passScore);
      const rid = c.reviewRound.id;
      assert.equal((await b.post(`/api/certification/cases/${id}/expert-review`, { version: c.version })).status, 409);
      assert.equal((await e.get(`/api/review-rounds/${rid}`)).status, 403, 'the applicant does not see its panel');

      // Assignment: the policy's panel size; the applicant's and its partner's experts are never on it.
      let round = (await b.get(`/api/review-rounds/${rid}`)).body;
      assert.equal(round.expertsPerSubject, certificationPolicy.review.expertsPerCase);
      assert.deepEqual(
        round.rubric.map((r: { code: string }) => r.code),
        certificationPolicy.review.rubric.map((r) => r.code),
      );
      const assigned = await b.post(`/api/review-rounds/${rid}/assignment`, { version: round.version });
      assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
      assert.equal(assigned.body.assigned, certificationPolicy.review.expertsPerCase);
      round = (await b.get(`/api/review-rounds/${rid}`)).body;
      const onPanel = new Set(round.subjects[0].sheets.map((x: { expertId: string }) => x.expertId));
      assert.ok(!onPanel.has(expertOf.get(u.ent.id)), 'no expert of the applicant enterprise');
      assert.ok(!onPanel.has(expertOf.get(partnerUser.id)), 'no expert of its partner');
      assert.equal(round.subjects[0].subjectKind, 'certificationCase');
      assert.equal(round.subjects[0].subjectId, id);
      const forced = await b.post(`/api/review-rounds/${rid}/assignments`, {
        reviewSubjectId: round.subjects[0].reviewSubjectId,
        expertId: expertOf.get(u.ent.id),
      });
      assert.equal(forced.status, 422, "adding the applicant's own expert by hand is refused");
      assert.equal((await e.get('/api/reviews')).body.total, 0, "the applicant's expert has nothing to score");

      // The experts score on /reviews: the case shows as a certification subject, not blind; out of range is refused.
      const sheet = (i: number) => ({ cooperation: 24 + i, resources: 20, training: 16, plan: 12, demonstration: 8 });
      const scorers = await Promise.all(plainUsers.map((x) => as(x)));
      const tasks = await Promise.all(scorers.map(async (x) => (await x.get('/api/reviews')).body.items[0]));
      assert.equal(tasks[0].subjectKind, 'certificationCase');
      assert.equal(tasks[0].applicantNames, made.body.enterpriseName);
      assert.match(tasks[0].summary, /企业申报说明/);
      const outOfRange = await scorers[0]!.request('PUT', `/api/reviews/${tasks[0].id}`, {
        scores: { ...sheet(0), cooperation: 31 },
        comment: '校企合作基础扎实。',
        version: tasks[0].version,
      });
      assert.equal(outOfRange.status, 400);
      assert.ok(outOfRange.body.fields['scores.cooperation']);
      for (const [i, x] of scorers.slice(0, 4).entries()) {
        const r = await x.request('PUT', `/api/reviews/${tasks[i].id}`, {
          scores: sheet(i),
          comment: '校企合作基础扎实。',
          version: tasks[i].version,
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      // Deciding before every assigned sheet is in names the rule; nothing moves.
      const early4 = await b.post(`/api/certification/cases/${id}/decisions`, { transition: 'recordExpertReview', version: c.version });
      assert.equal(early4.status, 422);
      assert.equal(early4.body.rule, 'expertReviewComplete');
      assert.match(early4.body.message, /已交 4 份，共 5 份/);
      assert.equal((await b.get(`/api/certification/cases/${id}`)).body.stage, 'eligible');
      assert.equal(
        (
          await scorers[4]!.request('PUT', `/api/reviews/${tasks[4].id}`, {
            scores: sheet(4),
            comment: '校企合作基础扎实。',
            version: tasks[4].version,
          })
        ).status,
        200,
      );
      // The review document stays optional evidence: one of another case is refused by its field.
      const wrongDoc = await b.post(`/api/certification/cases/${id}/decisions`, {
        transition: 'recordExpertReview',
        documentFileId: '00000000-0000-4000-8000-000000000000',
        version: c.version,
      });
      assert.equal(wrongDoc.status, 400);
      assert.ok(wrongDoc.body.fields.documentFileId);
      const doc = await upload(b, id);
      assert.equal(doc.status, 201, JSON.stringify(doc.body));
      c = (
        await b.post(`/api/certification/cases/${id}/decisions`, {
          transition: 'recordExpertReview',
          documentFileId: doc.body.id,
          version: c.version,
        })
      ).body;
      // Totals 80–84, trimmed mean (highest and lowest dropped): 82, at or above the pass score.
      assert.equal(c.stage, 'expertReviewed', JSON.stringify(c));
      assert.equal(c.expertReviewScore, 82);
      assert.equal(c.expertReviewFileId, doc.body.id);
      assert.equal(c.reviewRound.status, 'closed', 'scoring ends with the decision');
      const revise = await scorers[0]!.request('PUT', `/api/reviews/${tasks[0].id}`, {
        scores: sheet(4),
        comment: '结论作出后修改评分。',
        version: tasks[0].version + 1,
      });
      assert.equal(revise.status, 409);

      // A second enterprise's panel scores below the pass score: the case ends as rejected, on the same pool (here
      // the first applicant's expert and its partner's may sit: no conflict with this enterprise).
      await db()
        .insert(carriers)
        .values({
          kind: 'educationGroup',
          name: '另一职教集团',
          leadOrganisationId: other.id,
          districtId: otherDistrict.id,
          level: 'city',
          status: 'operating',
        } as never);
      const o = await as(u.other);
      assert.equal((await o.request('PUT', `/api/certification/enterprises/${other.id}/declarations/2024`, figures)).status, 200);
      const second = await o.post('/api/certification/cases', { enterpriseId: other.id, statement: '本企业与职业院校开展订单培养合作。' });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      let s2 = (await od.post(`/api/certification/cases/${second.body.id}/district-review`, { approve: true, version: 1 })).body;
      s2 = (
        await b.post(`/api/certification/cases/${s2.id}/decisions`, { transition: 'eligibilityCheck', approve: true, version: s2.version })
      ).body;
      s2 = (await b.post(`/api/certification/cases/${s2.id}/expert-review`, { version: s2.version })).body;
      const r2 = (await b.get(`/api/review-rounds/${s2.reviewRound.id}`)).body;
      assert.equal((await b.post(`/api/review-rounds/${r2.id}/assignment`, { version: r2.version })).status, 200);
      const low = { cooperation: 15, resources: 12, training: 10, plan: 8, demonstration: 5 };
      let scored = 0;
      for (const x of [...scorers, e, await as(partnerUser)]) {
        const mine = (await x.get('/api/reviews?status=pending')).body.items.filter((t: { roundId: string }) => t.roundId === r2.id);
        for (const t of mine) {
          assert.equal(
            (await x.request('PUT', `/api/reviews/${t.id}`, { scores: low, comment: '合作深度不足。', version: t.version })).status,
            200,
          );
          scored++;
        }
      }
      assert.equal(scored, certificationPolicy.review.expertsPerCase);
      s2 = (await b.post(`/api/certification/cases/${s2.id}/decisions`, { transition: 'recordExpertReview', version: s2.version })).body;
      assert.equal(s2.stage, 'rejected', 'below the pass score');
      assert.equal(s2.expertReviewScore, 50);
      c = (await b.post(`/api/certification/cases/${id}/decisions`, { transition: 'enterReserve', version: c.version })).body;
      assert.equal(c.stage, 'reserve');
      assert.equal(c.planDueOn, '2025-06-03');
      assert.equal(await status(), 'reserve');

      // The plan after its deadline is refused and flagged overdue; within it, accepted.
      at('2025-06-04');
      e = await as(u.ent);
      assert.equal((await e.get(`/api/certification/cases/${id}`)).body.deadlines.planOverdue, true);
      const late = await e.post(`/api/certification/cases/${id}/plan`, {
        title: '三年建设规划',
        url: 'https://example.cn/plan',
        version: c.version,
      });
      assert.equal(late.status, 422);
      assert.equal(late.body.rule, 'planDeadline');
      at('2025-06-03');
      e = await as(u.ent);
      c = (
        await e.post(`/api/certification/cases/${id}/plan`, { title: '三年建设规划', url: 'https://example.cn/plan', version: c.version })
      ).body;
      assert.equal(c.stage, 'cultivating');

      // At least a year of cultivation, then certification with its document and an objection period.
      const b2 = await as(u.bureau);
      const soon = await b2.post(`/api/certification/cases/${id}/decisions`, {
        transition: 'certify',
        level: 'city',
        documentNo: '郑教〔2026〕1号',
        version: c.version,
      });
      assert.equal(soon.body.rule, 'cultivationPeriod');
      at('2026-03-10');
      const b3 = await as(u.bureau);
      c = (
        await b3.post(`/api/certification/cases/${id}/decisions`, {
          transition: 'certify',
          level: 'city',
          documentNo: '郑教〔2026〕1号',
          version: c.version,
        })
      ).body;
      assert.equal(c.stage, 'publicNotice');
      assert.equal(c.objectionUntil, '2026-03-17');
      const pub = await new TestClient(server.url).get('/api/public/certified-enterprises');
      assert.equal(pub.status, 200);
      assert.equal(pub.body.items[0].inNotice, true);
      assert.equal(
        (
          await b3.post(`/api/certification/cases/${id}/decisions`, {
            transition: 'closeNotice',
            objectionUpheld: false,
            version: c.version,
          })
        ).body.rule,
        'objectionPeriod',
      );
      at('2026-03-18');
      const b4 = await as(u.bureau);
      c = (
        await b4.post(`/api/certification/cases/${id}/decisions`, { transition: 'closeNotice', objectionUpheld: false, version: c.version })
      ).body;
      assert.equal(c.stage, 'certified');
      assert.equal(c.validUntil, '2029-03-10');
      assert.equal(await status(), 'certified_city', 'the register follows the case');
      // Set by hand no more.
      const ep = await b4.get(`/api/enterprises/${ent.id}`);
      const manual = await b4.patch(`/api/enterprises/${ent.id}`, { integrationStatus: 'certified_nation', version: ep.body.version });
      assert.equal(manual.status, 422, JSON.stringify(manual.body));
      assert.equal(manual.body.rule, 'statusFollowsLifecycle');

      // The annual report of 2026 is due by the end of January 2027; after it, overdue.
      at('2027-02-02');
      e = await as(u.ent);
      assert.deepEqual((await e.get(`/api/certification/cases/${id}`)).body.deadlines.reportsOverdue, [2026]);
      const rep = await e.post(`/api/certification/cases/${id}/annual-reports`, {
        year: 2026,
        narrative: '全年接收实习学生，共建专业两个，开展职工培训三百余人次。',
      });
      assert.equal(rep.status, 201, JSON.stringify(rep.body));
      assert.deepEqual(rep.body.reportedYears, [2026]);
      assert.equal(
        (
          await e.post(`/api/certification/cases/${id}/annual-reports`, {
            year: 2026,
            narrative: '第二次报送同一年度，应被拒绝的报告内容。',
          })
        ).status,
        409,
      );

      // Departments follow the pipeline, read only.
      const n = await as(u.ndrc);
      assert.equal((await n.get('/api/certification/cases?stage=certified')).body.total, 1);
      assert.equal(
        (await n.post(`/api/certification/cases/${id}/decisions`, { transition: 'revoke', reason: 'fraud', comment: '无权', version: 1 }))
          .status,
        403,
      );

      // Revocation with its reason and a 5-year ban that refuses a new application by name.
      const b5 = await as(u.bureau);
      c = (await b5.get(`/api/certification/cases/${id}`)).body;
      c = (
        await b5.post(`/api/certification/cases/${id}/decisions`, {
          transition: 'revoke',
          reason: 'majorAccident',
          comment: '发生重大安全生产事故',
          version: c.version,
        })
      ).body;
      assert.equal(c.stage, 'revoked');
      assert.equal(c.bannedUntil, '2032-02-02');
      assert.equal(await status(), 'none');
      assert.equal((await new TestClient(server.url).get('/api/public/certified-enterprises')).body.items.length, 0);
      const again = await e.post('/api/certification/cases', { enterpriseId: ent.id, statement: '取消认定后再次申报，应被禁入期拒绝。' });
      assert.equal(again.status, 422);
      assert.equal(again.body.rule, 'banAfterRevocation');
      assert.match(again.body.message, /2032-02-02前不得再次申报/);

      const actions = (
        await db()
          .select({ a: auditLog.action })
          .from(auditLog)
          .where(and(eq(auditLog.entityType, 'certificationCase'), eq(auditLog.entityId, id)))
      ).map((r) => r.a);
      for (const a of [
        'apply',
        'districtReview',
        'eligibilityCheck',
        'openExpertReview',
        'recordExpertReview',
        'enterReserve',
        'publishPlan',
        'certify',
        'closeNotice',
        'annualReport',
        'revoke',
      ])
        assert.ok(actions.includes(`certification.${a}`), a);
    });
  });
}
