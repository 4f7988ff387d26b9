import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import crypto from 'node:crypto';
import {
  catalogueEditions,
  clusterMajors,
  enterprises,
  industryClusters,
  internshipApplications,
  internshipPosts,
  majors,
  piiAccessLog,
  programs,
  students,
} from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { download } from './imports-fixtures.ts';

/**
 * The internship figures over HTTP: the 2%–3% target, placement rates, the violations list and the roster
 * export — who may read them, and that another district's or enterprise's data is 404 or not included.
 * Fixtures are written straight to the database (the apply → approve → accept path has its own tests), in
 * 2030 so the figures do not depend on today's date.
 */
const YEAR = 2030;
const terms = {
  kind: 'placement' as const,
  monthlyPayYuan: 4000,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  insurance: 'enterprise' as const,
  startDate: `${YEAR}-01-01`,
  endDate: `${YEAR}-06-30`,
  status: 'published' as const,
};

for (const engine of testEngines()) {
  describe(`internship statistics [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());
    const db = () => server.services.database.db;

    async function enterprise(districtId: string, staffCount: number, aboveDesignatedSize = true) {
      const org = await makeOrganisation(db(), 'enterprise', { districtId });
      await db().insert(enterprises).values({ organisationId: org.id, size: 'large', industryCode: 'C', staffCount, aboveDesignatedSize });
      return org;
    }
    async function post(e: { id: string; districtId: string | null }, over: Partial<typeof internshipPosts.$inferInsert> = {}) {
      const [p] = await db()
        .insert(internshipPosts)
        .values({ enterpriseId: e.id, districtId: e.districtId, title: '数控实习', positionStaff: 100, places: 1, ...terms, ...over })
        .returning();
      return p!;
    }
    async function student(schoolId: string, cohort: number, over: Partial<typeof students.$inferInsert> = {}) {
      const s = await makeStudent(db(), server.services.pii, schoolId);
      await db()
        .update(students)
        .set({ cohort, birthDate: '2010-01-01', ...over })
        .where(eq(students.id, s.id));
      return s;
    }
    async function place(s: { id: string; schoolId: string }, p: { id: string; enterpriseId: string }) {
      await db()
        .insert(internshipApplications)
        .values({ postId: p.id, studentId: s.id, schoolId: s.schoolId, enterpriseId: p.enterpriseId, status: 'accepted' });
    }

    /**
     * District A: enterprise e1 (100 staff, 2 places: green), e2 (200 staff, 1 place: amber), e3 (not above
     * designated size), school s1 with 3 eligible students (cohort 2027), 2 of them placed, and a first-year.
     * District B: enterprise eb (red) and school sb with one placed student.
     */
    async function world() {
      const a = await makeDistrict(db());
      const b = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const e1 = await enterprise(a.id, 100);
      const e2 = await enterprise(a.id, 200);
      const e3 = await enterprise(a.id, 5000, false);
      const eb = await enterprise(b.id, 100);
      const s1 = await makeSchool(db(), a.id);
      const sb = await makeSchool(db(), b.id);
      const p1 = await post(e1, { places: 2 });
      const p2 = await post(e2, { places: 1 });
      const pb = await post(eb, { places: 0, status: 'draft' });
      const placed1 = await student(s1.id, 2027);
      const placed2 = await student(s1.id, 2027);
      await student(s1.id, 2027);
      await student(s1.id, 2029);
      const placedB = await student(sb.id, 2027);
      await place(placed1, p1);
      await place(placed2, p1);
      await place(placedB, p2);
      const users = {
        city: await makeUser(db(), 'city_admin', bureau.id),
        districtA: await makeUser(db(), 'district', a.id),
        districtB: await makeUser(db(), 'district', b.id),
        e1: await makeUser(db(), 'enterprise_admin', e1.id),
        e2: await makeUser(db(), 'enterprise_admin', e2.id),
        s1: await makeUser(db(), 'school_admin', s1.id),
        sb: await makeUser(db(), 'school_admin', sb.id),
        teacher1: await makeUser(db(), 'teacher', s1.id),
        student: await makeUser(db(), 'student', s1.id),
      };
      return { a, b, e1, e2, e3, eb, s1, sb, p1, p2, pb, placed1, placedB, users };
    }

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    test('2%–3%: the enterprise sees its own standing, its district its enterprises, another district 404', async () => {
      const w = await world();
      const own = await (await as(w.users.e1)).get(`/api/internship-stats/post-share/${w.e1.id}?year=${YEAR}`);
      assert.equal(own.status, 200);
      assert.deepEqual(
        [
          own.body.enterprise.placesOffered,
          own.body.enterprise.internsAccepted,
          own.body.enterprise.minPosts,
          own.body.enterprise.placesStatus,
          own.body.enterprise.internsStatus,
        ],
        [2, 2, 2, 'green', 'green'],
      );
      assert.deepEqual([own.body.target.min, own.body.target.max], [0.02, 0.03]);
      assert.equal((await (await as(w.users.e1)).get(`/api/internship-stats/post-share/${w.e2.id}?year=${YEAR}`)).status, 404);
      const ownList = await (await as(w.users.e1)).get(`/api/internship-stats/post-share?year=${YEAR}`);
      assert.deepEqual(
        ownList.body.items.map((e: { enterpriseId: string }) => e.enterpriseId),
        [w.e1.id],
      );

      const district = await (await as(w.users.districtA)).get(`/api/internship-stats/post-share?year=${YEAR}`);
      assert.equal(district.status, 200);
      // Furthest from the target first; e3 is below designated size and left out by default.
      assert.deepEqual(
        district.body.items.map((e: { enterpriseId: string; placesStatus: string }) => [e.enterpriseId, e.placesStatus]),
        [
          [w.e2.id, 'amber'],
          [w.e1.id, 'green'],
        ],
      );
      assert.deepEqual(
        [district.body.totals.staffCount, district.body.totals.placesOffered, district.body.totals.internsAccepted],
        [300, 3, 3],
      );
      const withAll = await (
        await as(w.users.districtA)
      ).get(`/api/internship-stats/post-share?year=${YEAR}&applicableOnly=false&status=na`);
      assert.deepEqual(
        withAll.body.items.map((e: { enterpriseId: string }) => e.enterpriseId),
        [w.e3.id],
      );
      assert.equal((await (await as(w.users.districtB)).get(`/api/internship-stats/post-share/${w.e1.id}?year=${YEAR}`)).status, 404);
      const otherDistrict = await (await as(w.users.districtB)).get(`/api/internship-stats/post-share?year=${YEAR}`);
      assert.deepEqual(
        otherDistrict.body.items.map((e: { enterpriseId: string; placesStatus: string }) => [e.enterpriseId, e.placesStatus]),
        [[w.eb.id, 'red']],
      );

      const city = await (await as(w.users.city)).get(`/api/internship-stats/post-share?year=${YEAR}&districtId=${w.a.id}`);
      assert.equal(city.body.total, 2);
      for (const who of [w.users.s1, w.users.teacher1, w.users.student]) {
        assert.equal((await (await as(who)).get(`/api/internship-stats/post-share?year=${YEAR}`)).status, 403);
      }
    });

    test('2%–3% rolled up by district and by cluster: the bureau sees every district, a district only its own', async () => {
      const w = await world();
      const city = await (await as(w.users.city)).get(`/api/internship-stats/post-share/rollup?year=${YEAR}&by=district`);
      assert.equal(city.status, 200);
      const rowA = city.body.rows.find((r: { key: string }) => r.key === w.a.id);
      assert.deepEqual(
        [rowA.enterprises, rowA.applicable, rowA.staffCount, rowA.placesOffered, rowA.placesStatus],
        [3, 2, 300, 3, 'amber'],
        '3 places for 300 staff is under the 6 that 2% asks',
      );
      assert.deepEqual(rowA.statusCounts, { green: 1, amber: 1, red: 0, na: 1 });
      assert.ok(city.body.rows.some((r: { key: string }) => r.key === w.b.id));
      const district = await (await as(w.users.districtA)).get(`/api/internship-stats/post-share/rollup?year=${YEAR}&by=cluster`);
      assert.deepEqual(
        district.body.rows.map((r: { key: string | null; enterprises: number }) => [r.key, r.enterprises]),
        [[null, 3]],
      );
      assert.equal(
        (await (await as(w.users.e1)).get(`/api/internship-stats/post-share/rollup?year=${YEAR}&by=district`)).body.rows.length,
        1,
      );
    });

    test('placement rates: eligible cohorts only, within the scope; schools see their own, enterprises and students may not', async () => {
      const w = await world();
      const district = await (await as(w.users.districtA)).get(`/api/internship-stats/placements?year=${YEAR}&by=school`);
      assert.equal(district.status, 200);
      assert.equal(district.body.newestEligibleCohort, 2028);
      assert.equal(district.body.rule.code, 'placement_min_study_year');
      assert.deepEqual(
        district.body.rows.map((r: { key: string; eligible: number; placed: number }) => [r.key, r.eligible, r.placed]),
        [[w.s1.id, 3, 2]],
      );
      assert.equal(district.body.totals.rate, 2 / 3);
      const byMajor = await (await as(w.users.s1)).get(`/api/internship-stats/placements?year=${YEAR}&by=major`);
      assert.deepEqual(
        byMajor.body.rows.map((r: { key: string | null; name: string; eligible: number }) => [r.key, r.name, r.eligible]),
        [[null, '未登记专业', 3]],
      );
      const byCluster = await (await as(w.users.districtB)).get(`/api/internship-stats/placements?year=${YEAR}&by=cluster`);
      assert.deepEqual([byCluster.body.totals.eligible, byCluster.body.totals.placed], [1, 1]);
      const otherSchool = await (await as(w.users.sb)).get(`/api/internship-stats/placements?year=${YEAR}&by=school`);
      assert.deepEqual(
        otherSchool.body.rows.map((r: { key: string }) => r.key),
        [w.sb.id],
      );
      // Asking for another district narrows within the scope, it does not widen it.
      const sneaky = await (await as(w.users.districtB)).get(`/api/internship-stats/placements?year=${YEAR}&districtId=${w.a.id}`);
      assert.deepEqual([sneaky.status, sneaky.body.totals.eligible], [200, 0]);
      for (const who of [w.users.e1, w.users.student]) {
        assert.equal((await (await as(who)).get(`/api/internship-stats/placements?year=${YEAR}`)).status, 403);
      }
    });

    test('by cluster: students through their major, enterprises through their cluster', async () => {
      const w = await world();
      const tag = crypto.randomBytes(4).toString('hex');
      const [cluster] = await db()
        .insert(industryClusters)
        .values({ code: `t-${tag}`, name: `测试集群${tag}`, article: '二 (一) 3', sortOrder: 999 })
        .returning();
      const [edition] = await db()
        .insert(catalogueEditions)
        .values({ kind: 'major', edition: `t-${tag}`, title: '测试目录', source: 'test' })
        .returning();
      const majorCode = String(100000 + crypto.randomInt(800000));
      const [major] = await db()
        .insert(majors)
        .values({
          editionId: edition!.id,
          level: 'higher',
          code: majorCode,
          name: '数控技术',
          categoryCode: '4601',
          categoryName: '机械设计制造类',
          divisionCode: '46',
          divisionName: '装备制造大类',
        })
        .returning();
      const [program] = await db().insert(programs).values({ schoolId: w.s1.id, majorId: major!.id, startYear: 2020 }).returning();
      await db().insert(clusterMajors).values({ clusterCode: cluster!.code, majorCode });
      await db().update(students).set({ programId: program!.id }).where(eq(students.id, w.placed1.id));
      await db().update(enterprises).set({ clusterCode: cluster!.code }).where(eq(enterprises.organisationId, w.e1.id));
      const rates = await (await as(w.users.districtA)).get(`/api/internship-stats/placements?year=${YEAR}&by=cluster`);
      assert.deepEqual(
        rates.body.rows.map((r: { key: string | null; eligible: number; placed: number }) => [r.key, r.eligible, r.placed]),
        [
          [cluster!.code, 1, 1],
          [null, 2, 1],
        ],
      );
      const byMajor = await (await as(w.users.districtA)).get(`/api/internship-stats/placements?year=${YEAR}&by=major`);
      assert.deepEqual(
        byMajor.body.rows.map((r: { key: string | null; name: string }) => [r.key, r.name]),
        [
          [majorCode, '数控技术'],
          [null, '未登记专业'],
        ],
      );
      const rollup = await (await as(w.users.districtA)).get(`/api/internship-stats/post-share/rollup?year=${YEAR}&by=cluster`);
      assert.deepEqual(
        rollup.body.rows.map((r: { key: string | null; name: string; placesOffered: number }) => [r.key, r.name, r.placesOffered]),
        [
          [cluster!.code, cluster!.name, 2],
          [null, '未归入产业集群', 1],
        ],
      );
    });

    test('violations name the rule: pay below the floor, a position and an enterprise over their caps, a minor on a night shift', async () => {
      const w = await world();
      const small = await enterprise(w.a.id, 10);
      const cheap = await post(w.e1, { title: '低薪岗位', monthlyPayYuan: 2000 });
      const crowded = await post(small, { title: '拥挤岗位', positionStaff: 5, places: 3 });
      const night = await post(w.e2, { title: '夜班岗位', nightShift: true });
      for (let i = 0; i < 2; i++) await place(await student(w.s1.id, 2027), crowded);
      await place(await student(w.s1.id, 2027, { birthDate: `${YEAR - 17}-06-01` }), night);
      const res = await (await as(w.users.districtA)).get(`/api/internship-stats/violations?year=${YEAR}&pageSize=200`);
      assert.equal(res.status, 200);
      const found = res.body.items
        .map(
          (v: { subject: string; rule: { code: string }; postTitle: string | null; enterpriseId: string }) =>
            `${v.subject}:${v.rule.code}:${v.postTitle ?? v.enterpriseId}`,
        )
        .sort();
      assert.deepEqual(
        found,
        [
          `enterprise:intern_enterprise_cap:${small.id}`,
          'placement:forbidden_tasks:夜班岗位',
          'post:forbidden_tasks:夜班岗位',
          'post:intern_pay_floor:低薪岗位',
          'position:intern_position_cap:拥挤岗位',
        ].sort(),
      );
      assert.ok(res.body.items.every((v: { message: string; rule: { name: string } }) => v.message.includes(v.rule.name)));
      assert.ok(res.body.byRule.some((r: { code: string; count: number }) => r.code === 'forbidden_tasks' && r.count === 2));
      const filtered = await (await as(w.users.districtA)).get(`/api/internship-stats/violations?year=${YEAR}&ruleCode=intern_pay_floor`);
      assert.deepEqual(
        filtered.body.items.map((v: { postId: string }) => v.postId),
        [cheap.id],
      );
      // Another district sees none of it; enterprises and schools may not read the list.
      const other = await (await as(w.users.districtB)).get(`/api/internship-stats/violations?year=${YEAR}&pageSize=200`);
      assert.ok(other.body.items.every((v: { districtId: string }) => v.districtId !== w.a.id));
      assert.equal(other.body.total, 0);
      const city = await (await as(w.users.city)).get(`/api/internship-stats/violations?year=${YEAR}&districtId=${w.a.id}&pageSize=200`);
      assert.equal(city.body.total, 5);
      for (const who of [w.users.e1, w.users.s1]) {
        assert.equal((await (await as(who)).get(`/api/internship-stats/violations?year=${YEAR}`)).status, 403);
      }
    });

    test('roster export: masked by default, clear only with the personal-information permission (logged); other parties 404', async () => {
      const w = await world();
      const school = await as(w.users.s1);
      const masked = await download(school, `/api/exports/internship-roster?year=${YEAR}&schoolId=${w.s1.id}`);
      assert.equal(masked.status, 200);
      assert.equal(masked.rows[0]![0], '学校');
      assert.equal(masked.rows.length, 3, 'header and the two placed students of the school');
      assert.ok(masked.rows.slice(1).every((r) => r[2] === '110105********002X' && r[7] === '138****5678'));
      const clear = await download(school, `/api/exports/internship-roster?year=${YEAR}&personalInfo=true`);
      assert.equal(clear.status, 200);
      assert.ok(clear.rows.slice(1).every((r) => r[2] === '11010519491231002X' && r[7] === '13812345678'));
      const logged = await db().select().from(piiAccessLog).where(eq(piiAccessLog.entityId, w.placed1.id));
      assert.equal(logged.length, 1);

      const ent = await as(w.users.e2);
      const interns = await download(ent, `/api/exports/internship-roster?year=${YEAR}`);
      assert.deepEqual(
        interns.rows.slice(1).map((r) => r[8]),
        [w.e2.name],
        'e2 has one intern, from the other district',
      );
      assert.equal((await download(ent, `/api/exports/internship-roster?year=${YEAR}&personalInfo=true`)).status, 403);
      assert.equal((await download(ent, `/api/exports/internship-roster?year=${YEAR}&enterpriseId=${w.e1.id}`)).status, 404);
      assert.equal((await download(await as(w.users.sb), `/api/exports/internship-roster?year=${YEAR}&schoolId=${w.s1.id}`)).status, 404);
      assert.equal(
        (await download(await as(w.users.districtB), `/api/exports/internship-roster?year=${YEAR}&districtId=${w.a.id}`)).status,
        404,
      );
      // District A: placements of its schools' students and at its enterprises (e2's intern from district B too).
      const district = await download(await as(w.users.districtA), `/api/exports/internship-roster?year=${YEAR}&districtId=${w.a.id}`);
      assert.equal(district.rows.length, 4);
      assert.equal(
        (await download(await as(w.users.districtA), `/api/exports/internship-roster?year=${YEAR}&personalInfo=true`)).status,
        403,
      );
      assert.equal((await download(await as(w.users.student), `/api/exports/internship-roster?year=${YEAR}`)).status, 403);
      const both = await download(await as(w.users.city), `/api/exports/internship-roster?schoolId=${w.s1.id}&enterpriseId=${w.e1.id}`);
      assert.equal(both.status, 400);
      assert.equal((both.body as { code: string }).code, 'VALIDATION_FAILED');
    });
  });
}
