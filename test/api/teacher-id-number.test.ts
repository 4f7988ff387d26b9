import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeIdNumber, maskIdNumber } from '../../core/codes/index.ts';
import { auditLog, piiAccessLog, teacherIdNumbers } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let serial = 0;
/** A valid, unique number of an adult (teachers are born in the 1980s here). */
const adultId = () =>
  makeIdNumber(
    '410105',
    `1985${String(1 + (++serial % 12)).padStart(2, '0')}15`,
    String(100 + serial + (process.pid % 300)).padStart(3, '0'),
  );

/** A teacher's ID number in the create/edit form: checked, encrypted, masked, clear only on request and logged. */
for (const engine of testEngines()) {
  describe(`teacher ID number [${engine.name}]`, () => {
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
    const base = () => ({ schoolId: w.school.id, name: '张老师', employment: 'fullTime', subject: 'specialty' });

    test('created with a number: stored encrypted, shown masked, audited redacted; a bad or duplicate number names the field', async () => {
      const c = await as('schoolAdmin');
      const number = adultId();
      const res = await c.post('/api/teachers', { ...base(), idNumber: number });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const detail = await c.get(`/api/teachers/${res.body.id}`);
      assert.equal(detail.body.idNumberMasked, maskIdNumber(number));
      assert.ok(!detail.body.idNumberMasked.includes(number.slice(6, 14)), 'the birth date is masked');
      assert.ok(!JSON.stringify(detail.body).includes(number));
      const [stored] = await server.services.database.db.select().from(teacherIdNumbers).where(eq(teacherIdNumbers.teacherId, res.body.id));
      assert.ok(!stored!.idNumberCipher.includes(number));
      const audits = await server.services.database.db
        .select({ changes: auditLog.changes })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'teacher'), eq(auditLog.entityId, res.body.id)));
      assert.ok(!JSON.stringify(audits).includes(number), 'the number never enters the audit log');

      const bad = await c.post('/api/teachers', { ...base(), idNumber: number.slice(0, 17) + (number[17] === '1' ? '2' : '1') });
      assert.equal(bad.status, 400);
      assert.match(bad.body.fields.idNumber, /校验码/);
      const dup = await c.post('/api/teachers', { ...base(), idNumber: number });
      assert.equal(dup.status, 409);
      assert.ok(dup.body.fields.idNumber);
      // Still optional.
      assert.equal((await c.post('/api/teachers', base())).status, 201);
    });

    test('edited: a new number replaces, null removes; the clear number is for the school admin and the bureau, logged', async () => {
      const c = await as('schoolAdmin');
      const created = await c.post('/api/teachers', base());
      const id = created.body.id;
      assert.equal((await c.get(`/api/teachers/${id}`)).body.idNumberMasked, null);
      const number = adultId();
      const edited = await c.patch(`/api/teachers/${id}`, { version: created.body.version, idNumber: number });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const clear = await c.get(`/api/teachers/${id}/personal-info`);
      assert.deepEqual(clear.body, { idNumber: number });
      const logged = await server.services.database.db
        .select()
        .from(piiAccessLog)
        .where(and(eq(piiAccessLog.entityType, 'teacher'), eq(piiAccessLog.entityId, id)));
      assert.equal(logged.length, 1);
      assert.deepEqual((await (await as('cityAdmin')).get(`/api/teachers/${id}/personal-info`)).body, { idNumber: number });

      // Readers of the record who may not read the number; another school's admin does not find the teacher.
      assert.equal((await (await as('teacher')).get(`/api/teachers/${id}/personal-info`)).status, 403);
      assert.equal((await (await as('district')).get(`/api/teachers/${id}/personal-info`)).status, 403);
      assert.equal((await (await as('otherSchoolAdmin')).get(`/api/teachers/${id}/personal-info`)).status, 404);
      assert.equal(
        (await (await as('otherSchoolAdmin')).patch(`/api/teachers/${id}`, { version: edited.body.version, idNumber: adultId() })).status,
        404,
      );

      const removed = await c.patch(`/api/teachers/${id}`, { version: edited.body.version, idNumber: null });
      assert.equal(removed.status, 200);
      assert.equal((await c.get(`/api/teachers/${id}`)).body.idNumberMasked, null);
      assert.deepEqual((await c.get(`/api/teachers/${id}/personal-info`)).body, { idNumber: null });
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  const bureau = await makeOrganisation(db, 'bureau');
  const district = await makeDistrict(db);
  const school = await makeSchool(db, district.id);
  const other = await makeSchool(db, district.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    district: await makeUser(db, 'district', district.id),
    schoolAdmin: await makeUser(db, 'school_admin', school.id),
    teacher: await makeUser(db, 'teacher', school.id),
    otherSchoolAdmin: await makeUser(db, 'school_admin', other.id),
  };
  return { school, users };
}
