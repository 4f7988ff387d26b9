import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeIdNumber } from '../../core/codes/index.ts';
import { auditLog, memberships } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * An enterprise admin keeps its staff accounts: creates them (a one-time password, answered once), lists
 * them, disables and re-enables them. Another enterprise's admin and a school admin cannot touch them.
 */
for (const engine of testEngines()) {
  describe(`enterprise staff accounts [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    async function as(who: keyof typeof w.users) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(w.users[who].username, TEST_PASSWORD)).status, 200);
      return c;
    }

    test('the admin creates a colleague and an employee-learner; the password is answered once and must be changed', async () => {
      const c = await as('adminA');
      const colleague = await c.post('/api/accounts', {
        username: 'ent_colleague_a',
        displayName: '王同事',
        organisationId: w.entA.id,
        role: 'enterprise_admin',
      });
      assert.equal(colleague.status, 201, JSON.stringify(colleague.body));
      assert.match(colleague.body.initialPassword, /^Cj-/);
      const noId = await c.post('/api/accounts', {
        username: 'ent_learner_a',
        displayName: '李员工',
        organisationId: w.entA.id,
        role: 'learner',
      });
      assert.equal(noId.status, 400, 'a learner account opens a learning account, found by the ID number');
      assert.ok(noId.body.fields.idNumber);
      const learner = await c.post('/api/accounts', {
        username: 'ent_learner_a',
        displayName: '李员工',
        organisationId: w.entA.id,
        role: 'learner',
        idNumber: makeIdNumber('410105', '19900506', '123'),
      });
      assert.equal(learner.status, 201, JSON.stringify(learner.body));
      assert.ok(learner.body.creditAccountNo);
      const first = new TestClient(server.url);
      const login = await first.login('ent_colleague_a', colleague.body.initialPassword);
      assert.equal(login.status, 200);
      assert.equal(login.body.user.mustChangePassword, true);

      const list = await c.get(`/api/accounts?organisationId=${w.entA.id}&pageSize=50`);
      assert.equal(list.status, 200);
      const names = list.body.items.map((a: { username: string }) => a.username);
      assert.ok(names.includes('ent_colleague_a') && names.includes('ent_learner_a') && names.includes(w.users.adminA.username));
      assert.ok(
        list.body.items.every(
          (a: { organisationId: string; initialPassword?: string }) => a.organisationId === w.entA.id && a.initialPassword === undefined,
        ),
      );

      // Not a school role, not in another organisation.
      assert.equal(
        (await c.post('/api/accounts', { username: 'ent_teacher_x', displayName: '某', organisationId: w.entA.id, role: 'teacher' }))
          .status,
        400,
      );
      assert.equal(
        (
          await c.post('/api/accounts', {
            username: 'ent_other_x',
            displayName: '某',
            organisationId: w.entB.id,
            role: 'learner',
            idNumber: makeIdNumber('410105', '19910607', '246'),
          })
        ).status,
        404,
      );
    });

    test('disable ends sign-in and open sessions at once; enable restores it; both audited', async () => {
      const c = await as('adminA');
      const staff = new TestClient(server.url);
      assert.equal((await staff.login(w.users.staffA.username, TEST_PASSWORD)).status, 200);
      const off = await c.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: true });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.deepEqual(off.body, { id: w.users.staffA.id, username: w.users.staffA.username, disabled: true });
      assert.equal((await staff.get('/api/home')).status, 401, 'the open session ends');
      assert.notEqual((await new TestClient(server.url).login(w.users.staffA.username, TEST_PASSWORD)).status, 200);
      const listed = await c.get(`/api/accounts?organisationId=${w.entA.id}&q=${w.users.staffA.username}`);
      assert.equal(listed.body.items[0].disabled, true);

      const on = await c.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: false });
      assert.equal(on.body.disabled, false);
      assert.equal((await new TestClient(server.url).login(w.users.staffA.username, TEST_PASSWORD)).status, 200);
      const audits = await server.services.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, w.users.staffA.id)));
      assert.deepEqual(
        audits
          .map((a) => a.action)
          .filter((a) => a !== 'sign_in')
          .sort(),
        ['disable', 'enable'],
      );
    });

    test('nobody disables themselves', async () => {
      const c = await as('adminA');
      const res = await c.patch(`/api/accounts/${w.users.adminA.id}`, { disabled: true });
      assert.equal(res.status, 400);
      assert.ok(res.body.fields.disabled);
    });

    test("another enterprise's admin and a school admin cannot see or touch the staff (404); a teacher may not at all (403)", async () => {
      const other = await as('adminB');
      assert.equal((await other.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: true })).status, 404);
      const otherList = await other.get(`/api/accounts?organisationId=${w.entA.id}`);
      assert.deepEqual(otherList.body.items, []);
      const school = await as('schoolAdmin');
      assert.equal((await school.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: true })).status, 404);
      assert.equal((await school.get(`/api/accounts?organisationId=${w.entA.id}`)).body.items.length, 0);
      const teacher = await as('teacher');
      assert.equal((await teacher.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: true })).status, 403);
      assert.equal((await new TestClient(server.url).patch(`/api/accounts/${w.users.staffA.id}`, { disabled: true })).status, 401);
      // The bureau may.
      const city = await as('cityAdmin');
      assert.equal((await city.patch(`/api/accounts/${w.users.staffA.id}`, { disabled: false })).status, 200);
    });

    test('an enterprise admin cannot disable an account that also belongs elsewhere, beyond its reach', async () => {
      const db = server.services.database.db;
      await db.insert(memberships).values({ userId: w.users.shared.id, organisationId: w.school.id, role: 'teacher' });
      const c = await as('adminA');
      assert.equal((await c.patch(`/api/accounts/${w.users.shared.id}`, { disabled: true })).status, 404);
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  const bureau = await makeOrganisation(db, 'bureau');
  const district = await makeDistrict(db);
  const school = await makeSchool(db, district.id);
  const entA = await makeOrganisation(db, 'enterprise', { districtId: district.id });
  const entB = await makeOrganisation(db, 'enterprise', { districtId: district.id });
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    adminA: await makeUser(db, 'enterprise_admin', entA.id),
    staffA: await makeUser(db, 'learner', entA.id),
    shared: await makeUser(db, 'learner', entA.id),
    adminB: await makeUser(db, 'enterprise_admin', entB.id),
    schoolAdmin: await makeUser(db, 'school_admin', school.id),
    teacher: await makeUser(db, 'teacher', school.id),
  };
  return { entA, entB, school, users };
}
