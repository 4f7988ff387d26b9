import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  clusterMajors,
  enterprises,
  internshipAgreements,
  internships,
  majors,
  programs,
  students,
} from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * One "today" (issue 19): the business day is Zhengzhou's (UTC+8). At 23:30 UTC it is already 07:30 the next
 * morning there, at 00:30 UTC 08:30 the same morning; a UTC date would be a day behind at the first.
 * The platform's clock (`services.now`) is set, and each path reads the day from it.
 */
const postTerms = (startDate: string, endDate: string) => ({
  title: '数控车床操作实习',
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
  majorCodes: ['460103'],
});

for (const engine of testEngines()) {
  describe(`the business day at 23:30 and 00:30 UTC [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
      await loadRegistryCatalogues(server.services.database.db);
      await server.services.database.db
        .insert(clusterMajors)
        .values({ clusterCode: 'equipment', majorCode: '460103' })
        .onConflictDoNothing();
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const at = (iso: string) => {
      server.services.now = () => new Date(iso);
    };
    // Sessions expire by the platform's clock too: sign in again whenever the clock is moved.
    const as = async (user: { username: string }) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    };

    async function world() {
      const district = await makeDistrict(db());
      const school = await makeSchool(db(), district.id);
      const enterprise = await makeOrganisation(db(), 'enterprise', { districtId: district.id });
      await db()
        .insert(enterprises)
        .values({ organisationId: enterprise.id, size: 'medium', industryCode: 'C', staffCount: 200, clusterCode: 'equipment' });
      const [major] = await db().select({ id: majors.id }).from(majors).where(eq(majors.code, '460103'));
      const [program] = await db()
        .insert(programs)
        .values({ schoolId: school.id, majorId: major!.id, startYear: 2020, enrolment: 120 })
        .returning();
      const studentUser = await makeUser(db(), 'student', school.id);
      const student = await makeStudent(db(), server.services.pii, school.id, { userId: studentUser.id });
      await db().update(students).set({ programId: program!.id, birthDate: '2006-05-01', cohort: 2027 }).where(eq(students.id, student.id));
      return {
        users: {
          enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
          school: await makeUser(db(), 'school_admin', school.id),
          student: studentUser,
        },
      };
    }
    type World = Awaited<ReturnType<typeof world>>;

    async function publish(w: World, startDate: string, endDate: string) {
      const e = await as(w.users.enterprise);
      const draft = await e.post('/api/internship-posts', postTerms(startDate, endDate));
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const published = await e.post(`/api/internship-posts/${draft.body.id}/publish`, { version: draft.body.version });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      return draft.body.id as string;
    }

    for (const instant of ['2030-02-28T23:30:00Z', '2030-03-01T00:30:00Z']) {
      test(`internships: accepted at ${instant}, the agreement is dated 2030-03-01`, async () => {
        at(instant);
        const w = await world();
        const postId = await publish(w, '2030-03-01', '2030-08-31');
        const applied = await (await as(w.users.student)).post(`/api/internship-posts/${postId}/applications`, {});
        assert.equal(applied.status, 201, JSON.stringify(applied.body));
        assert.equal((await (await as(w.users.school)).post(`/api/internship-applications/${applied.body.id}/approve`, {})).status, 200);
        const accepted = await (await as(w.users.enterprise)).post(`/api/internship-applications/${applied.body.id}/accept`, {});
        assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
        const [agreement] = await db()
          .select({ text: internshipAgreements.text })
          .from(internshipAgreements)
          .innerJoin(internships, eq(internships.id, internshipAgreements.internshipId))
          .where(eq(internships.applicationId, applied.body.id));
        assert.match(agreement!.text, /SX-20300301-/);
      });
    }

    test('matching: a post ending 2030-02-28 is recommended that morning in Zhengzhou, and no longer at 23:30 or 00:30 UTC after', async () => {
      at('2030-01-02T02:00:00Z');
      const w = await world();
      const postId = await publish(w, '2030-01-10', '2030-02-28');
      const recommended = async (instant: string) => {
        at(instant);
        const res = await (await as(w.users.student)).get('/api/matching/recommendations/student');
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.items.some((i: { id: string }) => i.id === postId);
      };
      assert.deepEqual(
        [await recommended('2030-02-27T23:30:00Z'), await recommended('2030-02-28T23:30:00Z'), await recommended('2030-03-01T00:30:00Z')],
        [true, false, false],
      );
    });
  });
}
