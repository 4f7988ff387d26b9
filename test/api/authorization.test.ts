import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, piiAccessLog } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeStudent, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Each role's allowed and denied actions on a sample resource (schools, students, audit log), including
 * another organisation's and another district's records, which answer 404 rather than 403.
 */
for (const engine of testEngines()) {
  describe(`authorisation by role and data scope [${engine.name}]`, () => {
    let server: TestServer;
    let world: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      world = await buildWorld(server);
    });
    after(() => server.close());

    async function as(role: keyof Awaited<ReturnType<typeof buildWorld>>['users']) {
      const c = new TestClient(server.url);
      const res = await c.login(world.users[role].username, TEST_PASSWORD);
      assert.equal(res.status, 200);
      return c;
    }

    test('city_admin reads and edits any school and browses the audit log', async () => {
      const c = await as('cityAdmin');
      assert.equal((await c.get(`/api/schools/${world.schoolB.id}`)).status, 200);
      const edit = await c.patch(`/api/schools/${world.schoolB.id}`, { version: 1, staffingQuota: 120 });
      assert.equal(edit.status, 200);
      assert.equal(edit.body.staffingQuota, 120);
      assert.equal((await c.get('/api/audit?entityType=school')).status, 200);
    });

    test('department reads city-wide but may not edit', async () => {
      const c = await as('department');
      assert.equal((await c.get(`/api/schools/${world.schoolA.id}`)).status, 200);
      const edit = await c.patch(`/api/schools/${world.schoolA.id}`, { version: 1, staffingQuota: 1 });
      assert.equal(edit.status, 403);
      assert.equal(edit.body.code, 'FORBIDDEN');
      assert.equal((await c.get('/api/audit')).status, 403);
    });

    test("district sees its own district's schools; another district's school is 404", async () => {
      const c = await as('districtA');
      assert.equal((await c.get(`/api/schools/${world.schoolA.id}`)).status, 200);
      const other = await c.get(`/api/schools/${world.schoolB.id}`);
      assert.equal(other.status, 404);
      assert.equal(other.body.code, 'NOT_FOUND');
      const list = await c.get('/api/schools?pageSize=200');
      assert.ok(list.body.items.every((s: { districtId: string }) => s.districtId === world.districtA.id));
      assert.equal((await c.patch(`/api/schools/${world.schoolB.id}`, { version: 1, staffingQuota: 5 })).status, 404);
    });

    test('school_admin edits its own school; a neighbour school in the same district is 404', async () => {
      const c = await as('schoolAdminA');
      const own = await c.get(`/api/schools/${world.schoolA.id}`);
      assert.equal(own.status, 200);
      assert.equal((await c.get(`/api/schools/${world.schoolA2.id}`)).status, 404);
      assert.equal((await c.patch(`/api/schools/${world.schoolA2.id}`, { version: 1, staffingQuota: 5 })).status, 404);
      const edit = await c.patch(`/api/schools/${world.schoolA.id}`, { version: own.body.version, ownership: 'private' });
      assert.equal(edit.status, 200);
      const list = await c.get('/api/students?pageSize=200');
      assert.deepEqual(list.body.items.map((s: { id: string }) => s.id).sort(), [world.studentA.id]);
      assert.equal((await c.get(`/api/students/${world.studentB.id}`)).status, 404);
    });

    test('teacher reads its school but may not edit it', async () => {
      const c = await as('teacherA');
      assert.equal((await c.get(`/api/schools/${world.schoolA.id}`)).status, 200);
      assert.equal((await c.patch(`/api/schools/${world.schoolA.id}`, { version: 1, name: '改名' })).status, 403);
      assert.equal((await c.get(`/api/students/${world.studentA.id}/personal-info`)).status, 403);
    });

    test('enterprise_admin has no access to schools', async () => {
      const c = await as('enterpriseAdmin');
      const res = await c.get('/api/schools');
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'FORBIDDEN');
    });

    test('student sees only itself; personal information in clear only for itself', async () => {
      const c = await as('studentA');
      assert.equal((await c.get('/api/schools')).status, 403);
      const list = await c.get('/api/students');
      assert.deepEqual(
        list.body.items.map((s: { id: string }) => s.id),
        [world.studentA.id],
      );
      assert.equal(list.body.items[0].idNumberMasked, '110105********002X');
      assert.equal(list.body.items[0].idNumber, undefined);
      const mine = await c.get(`/api/students/${world.studentA.id}/personal-info`);
      assert.equal(mine.status, 200);
      assert.equal(mine.body.idNumber, '11010519491231002X');
      assert.equal((await c.get(`/api/students/${world.studentB.id}/personal-info`)).status, 404);
    });

    test("a school admin's read of personal information is logged", async () => {
      const c = await as('schoolAdminA');
      assert.equal((await c.get(`/api/students/${world.studentA.id}/personal-info`)).status, 200);
      const logged = await server.services.database.db
        .select()
        .from(piiAccessLog)
        .where(and(eq(piiAccessLog.userId, world.users.schoolAdminA.id), eq(piiAccessLog.entityId, world.studentA.id)));
      assert.equal(logged.length, 1);
    });

    test('a stale version is refused with VERSION_CONFLICT and writes no audit row', async () => {
      const c = await as('cityAdmin');
      const school = await c.get(`/api/schools/${world.schoolA2.id}`);
      assert.equal((await c.patch(`/api/schools/${world.schoolA2.id}`, { version: school.body.version, staffingQuota: 10 })).status, 200);
      const stale = await c.patch(`/api/schools/${world.schoolA2.id}`, { version: school.body.version, staffingQuota: 20 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'school'), eq(auditLog.entityId, world.schoolA2.id)));
      assert.equal(audits.length, 1);
      assert.deepEqual(audits[0]!.changes.staffingQuota, { before: null, after: 10 });
      assert.equal(audits[0]!.actorUserId, world.users.cityAdmin.id);
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  const pii = server.services.pii;
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const schoolA = await makeSchool(db, districtA.id);
  const schoolA2 = await makeSchool(db, districtA.id);
  const schoolB = await makeSchool(db, districtB.id);
  const enterprise = await makeOrganisation(db, 'enterprise', { districtId: districtA.id });
  const studentUser = await makeUser(db, 'student', schoolA.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    teacherA: await makeUser(db, 'teacher', schoolA.id),
    enterpriseAdmin: await makeUser(db, 'enterprise_admin', enterprise.id),
    studentA: studentUser,
  };
  const studentA = await makeStudent(db, pii, schoolA.id, { userId: studentUser.id });
  const studentB = await makeStudent(db, pii, schoolB.id);
  return { districtA, districtB, schoolA, schoolA2, schoolB, enterprise, studentA, studentB, users };
}
