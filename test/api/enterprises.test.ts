import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { badCheckUscc, loadRegistryCatalogues, makeEnterprise, uscc } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The enterprise register: who may list, read, create, edit, correct, certify and archive, within which
 * scope; bad codes and unknown catalogue codes answer 400 naming the field; stale edits 409.
 */
for (const engine of testEngines()) {
  describe(`enterprises [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    async function as(role: keyof typeof w.users) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(w.users[role].username, TEST_PASSWORD)).status, 200);
      return c;
    }
    const newEnterprise = (districtId: string, extra: Record<string, unknown> = {}) => ({
      uscc: uscc(),
      name: `郑州新登记装备有限公司${Math.random().toString(36).slice(2, 6)}`,
      districtId,
      size: 'large',
      industryCode: '3411',
      clusterCode: 'equipment',
      staffCount: 1000,
      payrollYuan: 10_000_000,
      aboveDesignatedSize: true,
      ...extra,
    });

    test('anonymous callers are refused', async () => {
      const c = new TestClient(server.url);
      assert.equal((await c.get('/api/enterprises')).status, 401);
      assert.equal((await c.get(`/api/enterprises/${w.entA.id}`)).status, 401);
    });

    test('city_admin creates an enterprise and reads it with the plan expectations from the policy file', async () => {
      const c = await as('cityAdmin');
      const body = newEnterprise(w.districtB.id);
      const res = await c.post('/api/enterprises', { ...body, uscc: ` ${body.uscc.toLowerCase()} ` });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.uscc, body.uscc); // normalised: trimmed, upper case
      assert.equal(res.body.industryName, '锅炉及辅助设备制造');
      assert.equal(res.body.clusterName, '装备制造');
      const detail = await c.get(`/api/enterprises/${res.body.id}`);
      assert.equal(detail.status, 200);
      assert.deepEqual(detail.body.expectations.internshipPosts, {
        applies: true,
        minShare: 0.02,
        maxShare: 0.03,
        minPosts: 20,
        maxPosts: 30,
        article: detail.body.expectations.internshipPosts.article,
      });
      assert.match(detail.body.expectations.internshipPosts.article, /二 \(二\) 5/);
      assert.equal(detail.body.expectations.trainingFund.minYuan, 150_000);
      assert.equal(detail.body.expectations.trainingFund.maxYuan, 250_000);
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, res.body.id)));
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.action, 'create');
      assert.deepEqual(audits[0]!.changes.uscc, { before: null, after: body.uscc });
    });

    test('a bad USCC is 400 naming the field with the GB 32100-2015 reason; a duplicate is 409', async () => {
      const c = await as('cityAdmin');
      const bad = await c.post('/api/enterprises', newEnterprise(w.districtA.id, { uscc: badCheckUscc() }));
      assert.equal(bad.status, 400);
      assert.equal(bad.body.code, 'VALIDATION_FAILED');
      assert.match(bad.body.fields.uscc, /第18位校验码错误/);
      const short = await c.post('/api/enterprises', newEnterprise(w.districtA.id, { uscc: '91410100' }));
      assert.equal(short.status, 400);
      assert.match(short.body.fields.uscc, /应为18位/);
      const dup = await c.post('/api/enterprises', newEnterprise(w.districtA.id, { uscc: w.entA.code }));
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'CONFLICT');
      assert.ok(dup.body.fields.uscc);
    });

    test('an industry code outside GB/T 4754-2017, an unknown cluster or district is 400 naming each field', async () => {
      const c = await as('cityAdmin');
      const res = await c.post('/api/enterprises', newEnterprise(w.districtA.id, { industryCode: '9999', clusterCode: 'no_such_cluster' }));
      assert.equal(res.status, 400);
      assert.match(res.body.fields.industryCode, /不在国民经济行业分类（GB\/T 4754-2017）中/);
      assert.ok(res.body.fields.clusterCode);
      const district = await c.post('/api/enterprises', newEnterprise(w.schoolA.id));
      assert.equal(district.status, 400);
      assert.ok(district.body.fields.districtId);
      const malformed = await c.post('/api/enterprises', newEnterprise(w.districtA.id, { industryCode: '34x', staffCount: -1 }));
      assert.equal(malformed.status, 400);
      assert.ok(malformed.body.fields.industryCode && malformed.body.fields.staffCount);
    });

    test('list: filters, sorting and paging', async () => {
      const c = await as('cityAdmin');
      const byCode = await c.get(`/api/enterprises?q=${w.entA.code}`);
      assert.deepEqual(
        byCode.body.items.map((e: { id: string }) => e.id),
        [w.entA.id],
      );
      const inA = await c.get(`/api/enterprises?districtId=${w.districtA.id}&sort=-staff&pageSize=200`);
      assert.ok(inA.body.items.every((e: { districtId: string }) => e.districtId === w.districtA.id));
      const staff = inA.body.items.map((e: { staffCount: number }) => e.staffCount);
      assert.deepEqual(
        staff,
        [...staff].sort((a, b) => b - a),
      );
      const paged = await c.get(`/api/enterprises?districtId=${w.districtA.id}&pageSize=1&page=2`);
      assert.equal(paged.body.items.length, 1);
      assert.equal(paged.body.total, inA.body.total);
      const industry = await c.get(
        `/api/enterprises?industryCode=34&clusterCode=equipment&aboveDesignatedSize=true&districtId=${w.districtA.id}`,
      );
      assert.ok(industry.body.items.length >= 1);
      assert.ok(industry.body.items.every((e: { industryCode: string }) => e.industryCode.startsWith('34')));
      const small = await c.get(`/api/enterprises?aboveDesignatedSize=false&districtId=${w.districtA.id}`);
      assert.deepEqual(
        small.body.items.map((e: { id: string }) => e.id),
        [w.entSmall.id],
      );
      assert.equal((await c.get('/api/enterprises?sort=bogus')).status, 400);
    });

    test('department reads city-wide but may not create or edit', async () => {
      const c = await as('department');
      assert.equal((await c.get(`/api/enterprises/${w.entB.id}`)).status, 200);
      assert.equal((await c.post('/api/enterprises', newEnterprise(w.districtA.id))).status, 403);
      assert.equal((await c.patch(`/api/enterprises/${w.entB.id}`, { version: 1, staffCount: 1 })).status, 403);
      assert.equal((await c.post(`/api/enterprises/${w.entB.id}/archive`, { version: 1 })).status, 403);
    });

    test("district reviews and corrects its district's enterprises; another district's are 404", async () => {
      const c = await as('districtA');
      const list = await c.get('/api/enterprises?pageSize=200');
      assert.ok(list.body.items.length >= 2);
      assert.ok(list.body.items.every((e: { districtId: string }) => e.districtId === w.districtA.id));
      assert.equal((await c.get(`/api/enterprises/${w.entB.id}`)).status, 404);
      assert.equal((await c.patch(`/api/enterprises/${w.entB.id}`, { version: 1, staffCount: 1 })).status, 404);
      assert.equal((await c.post(`/api/enterprises/${w.entB.id}/archive`, { version: 1 })).status, 404);
      const own = await c.get(`/api/enterprises/${w.entA2.id}`);
      const code = uscc();
      const fix = await c.patch(`/api/enterprises/${w.entA2.id}`, { version: own.body.version, uscc: code, staffCount: 120 });
      assert.equal(fix.status, 200, JSON.stringify(fix.body));
      assert.equal(fix.body.uscc, code);
      const created = await c.post('/api/enterprises', newEnterprise(w.districtA.id));
      assert.equal(created.status, 201);
      const elsewhere = await c.post('/api/enterprises', newEnterprise(w.districtB.id));
      assert.equal(elsewhere.status, 400);
      assert.match(elsewhere.body.fields.districtId, /不在您的管理范围内/);
      const move = await c.patch(`/api/enterprises/${w.entA2.id}`, { version: fix.body.version, districtId: w.districtB.id });
      assert.equal(move.status, 400);
      const certify = await c.patch(`/api/enterprises/${w.entA2.id}`, { version: fix.body.version, integrationStatus: 'certified_city' });
      assert.equal(certify.status, 403);
    });

    test('enterprise_admin keeps its own profile only; the code, the district and certification are not its to change', async () => {
      const c = await as('entAdminA');
      const list = await c.get('/api/enterprises?pageSize=200');
      assert.deepEqual(
        list.body.items.map((e: { id: string }) => e.id),
        [w.entA.id],
      );
      assert.equal((await c.get(`/api/enterprises/${w.entA2.id}`)).status, 404);
      assert.equal((await c.patch(`/api/enterprises/${w.entA2.id}`, { version: 1, staffCount: 5 })).status, 404);
      const own = await c.get(`/api/enterprises/${w.entA.id}`);
      assert.equal(own.status, 200);
      assert.equal(own.body.expectations.internshipPosts.minPosts, 7);
      assert.equal(own.body.expectations.internshipPosts.maxPosts, 10);
      const edit = await c.patch(`/api/enterprises/${w.entA.id}`, { version: own.body.version, staffCount: 400, payrollYuan: 30_000_000 });
      assert.equal(edit.status, 200);
      assert.equal(edit.body.version, own.body.version + 1);
      const code = await c.patch(`/api/enterprises/${w.entA.id}`, { version: edit.body.version, uscc: uscc() });
      assert.equal(code.status, 403);
      assert.ok(code.body.fields.uscc);
      const cert = await c.patch(`/api/enterprises/${w.entA.id}`, { version: edit.body.version, integrationStatus: 'certified_nation' });
      assert.equal(cert.status, 403);
      const resent = await c.patch(`/api/enterprises/${w.entA.id}`, {
        version: edit.body.version,
        uscc: own.body.uscc,
        districtId: own.body.districtId,
        integrationStatus: own.body.integrationStatus,
        staffCount: 401,
      });
      assert.equal(resent.status, 200, JSON.stringify(resent.body)); // a form sending unchanged values back is fine
      assert.equal((await c.post('/api/enterprises', newEnterprise(w.districtA.id))).status, 403);
      assert.equal((await c.post(`/api/enterprises/${w.entA.id}/archive`, { version: resent.body.version })).status, 403);
    });

    test('a stale version is 409 VERSION_CONFLICT and writes no audit row', async () => {
      const a = await as('entAdminA');
      const b = await as('districtA');
      const read = await a.get(`/api/enterprises/${w.entA.id}`);
      assert.equal((await b.patch(`/api/enterprises/${w.entA.id}`, { version: read.body.version, size: 'large' })).status, 200);
      const stale = await a.patch(`/api/enterprises/${w.entA.id}`, { version: read.body.version, staffCount: 9 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, w.entA.id), eq(auditLog.actorUserId, w.users.entAdminA.id)),
        );
      assert.ok(audits.every((row) => !('staffCount' in row.changes) || row.changes.staffCount!.after !== 9));
    });

    test('the bureau certifies; the enterprise admin manages its staff accounts through the shared account code', async () => {
      const city = await as('cityAdmin');
      const read = await city.get(`/api/enterprises/${w.entB.id}`);
      const cert = await city.patch(`/api/enterprises/${w.entB.id}`, { version: read.body.version, integrationStatus: 'certified_city' });
      assert.equal(cert.status, 200);
      assert.equal(cert.body.integrationStatus, 'certified_city');

      const c = await as('entAdminA');
      const username = `ent_staff_${Math.random().toString(36).slice(2, 8)}`;
      const made = await c.post(`/api/enterprises/${w.entA.id}/accounts`, { username, displayName: '企业同事' });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.ok(made.body.initialPassword);
      const accounts = await c.get(`/api/enterprises/${w.entA.id}/accounts`);
      assert.equal(accounts.status, 200);
      assert.ok(
        accounts.body.items.some((a: { username: string; role: string }) => a.username === username && a.role === 'enterprise_admin'),
      );
      assert.equal(
        (await c.post(`/api/enterprises/${w.entA2.id}/accounts`, { username: `${username}x`, displayName: '外人' })).status,
        404,
      );
      assert.equal((await c.get(`/api/enterprises/${w.entA2.id}/accounts`)).status, 404);
      assert.equal(
        (await c.post(`/api/enterprises/${w.entA.id}/accounts`, { username: `${username}y`, displayName: 'x', role: 'city_admin' })).status,
        400,
      );
      const colleague = new TestClient(server.url);
      assert.equal((await colleague.login(username, made.body.initialPassword)).status, 200);
      assert.equal((await colleague.get(`/api/enterprises/${w.entA.id}`)).status, 403); // must change the initial password first
      const district = await as('districtA');
      assert.equal(
        (await district.post(`/api/enterprises/${w.entA.id}/accounts`, { username: `${username}z`, displayName: 'x' })).status,
        403,
      );
    });

    test('schools, teachers and students have no access to the enterprise register', async () => {
      for (const role of ['schoolAdminA', 'teacherA', 'studentA'] as const) {
        const c = await as(role);
        assert.equal((await c.get('/api/enterprises')).status, 403, role);
        assert.equal((await c.get(`/api/enterprises/${w.entA.id}`)).status, 403, role);
      }
    });

    test('archiving a referenced enterprise keeps it readable with includeArchived; it can be restored', async () => {
      const city = await as('cityAdmin');
      const ent = await makeEnterprise(server.services.database.db, w.districtA.id);
      const carrier = await city.post('/api/carriers', {
        kind: 'trainingBase',
        name: '引用企业的实训基地',
        level: 'city',
        leadOrganisationId: ent.id,
      });
      assert.equal(carrier.status, 201, JSON.stringify(carrier.body));
      const stale = await city.post(`/api/enterprises/${ent.id}/archive`, { version: 99 });
      assert.equal(stale.status, 409);
      const district = await as('districtA');
      const archived = await district.post(`/api/enterprises/${ent.id}/archive`, { version: 1 });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.status, 'archived');
      const hidden = await city.get(`/api/enterprises?q=${ent.code}`);
      assert.equal(hidden.body.total, 0);
      const shown = await city.get(`/api/enterprises?q=${ent.code}&includeArchived=true`);
      assert.deepEqual(
        shown.body.items.map((e: { id: string }) => e.id),
        [ent.id],
      );
      assert.equal((await city.get(`/api/enterprises/${ent.id}`)).body.status, 'archived');
      const lead = await city.get(`/api/carriers/${carrier.body.id}`);
      assert.equal(lead.body.lead.name, ent.name);
      const edit = await city.patch(`/api/enterprises/${ent.id}`, { version: archived.body.version, staffCount: 1 });
      assert.equal(edit.status, 409);
      assert.equal((await city.post(`/api/enterprises/${ent.id}/archive`, { version: archived.body.version })).status, 409);
      const restored = await city.post(`/api/enterprises/${ent.id}/restore`, { version: archived.body.version });
      assert.equal(restored.status, 200);
      assert.equal(restored.body.status, 'active');
      const audits = await server.services.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'enterprise'), eq(auditLog.entityId, ent.id)));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['archive', 'restore']);
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const schoolA = await makeSchool(db, districtA.id);
  const entA = await makeEnterprise(db, districtA.id);
  const entA2 = await makeEnterprise(db, districtA.id);
  const entSmall = await makeEnterprise(db, districtA.id, { aboveDesignatedSize: false, staffCount: 30 });
  const entB = await makeEnterprise(db, districtB.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    teacherA: await makeUser(db, 'teacher', schoolA.id),
    studentA: await makeUser(db, 'student', schoolA.id),
    entAdminA: await makeUser(db, 'enterprise_admin', entA.id),
  };
  return { districtA, districtB, schoolA, entA, entA2, entSmall, entB, users };
}
