import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { CARRIER_KINDS } from '../../core/registry/carrier-kinds.ts';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The plan's carriers: visible to the lead's and partners' organisations and their districts and the city;
 * kept by the lead's side; certification recorded by the bureau only.
 */
for (const engine of testEngines()) {
  describe(`carriers [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    let college: { id: string; version: number };
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

    test('a school admin registers an industry college it leads, with an enterprise partner', async () => {
      const c = await as('schoolAdminA');
      const res = await c.post('/api/carriers', {
        kind: 'industryCollege',
        name: '智能制造产业学院',
        level: 'city',
        leadOrganisationId: w.schoolA.id,
        partnerIds: [w.entB.id, w.entB.id],
        clusterCode: 'equipment',
        startDate: '2024-09-01',
        status: 'building',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.districtId, w.districtA.id); // the lead's district
      assert.deepEqual(
        res.body.partners.map((p: { id: string }) => p.id),
        [w.entB.id],
      );
      assert.equal(res.body.clusterName, '装备制造');
      college = res.body;
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'carrier'), eq(auditLog.entityId, res.body.id)));
      assert.equal(audits.length, 1);
      assert.deepEqual(audits[0]!.changes.partnerIds, { before: null, after: [w.entB.id] });
    });

    test('a school may not lead for another organisation, nor name partners that do not exist', async () => {
      const c = await as('schoolAdminA');
      const other = await c.post('/api/carriers', {
        kind: 'trainingBase',
        name: '代别人登记',
        level: 'city',
        leadOrganisationId: w.entB.id,
      });
      assert.equal(other.status, 400);
      assert.ok(other.body.fields.leadOrganisationId);
      const ghost = await c.post('/api/carriers', {
        kind: 'trainingBase',
        name: '虚构伙伴',
        level: 'city',
        leadOrganisationId: w.schoolA.id,
        partnerIds: [crypto.randomUUID()],
      });
      assert.equal(ghost.status, 400);
      assert.ok(ghost.body.fields.partnerIds);
    });

    test('partners and their district read it but do not edit it; unrelated organisations and districts get 404', async () => {
      for (const role of ['entAdminB', 'districtB'] as const) {
        const c = await as(role);
        assert.equal((await c.get(`/api/carriers/${college.id}`)).status, 200, role);
        const list = await c.get('/api/carriers?pageSize=200');
        assert.ok(
          list.body.items.some((x: { id: string }) => x.id === college.id),
          role,
        );
        const edit = await c.patch(`/api/carriers/${college.id}`, { version: college.version, name: '改名' });
        assert.equal(edit.status, 403, role);
      }
      for (const role of ['entAdminC', 'districtC'] as const) {
        const c = await as(role);
        assert.equal((await c.get(`/api/carriers/${college.id}`)).status, 404, role);
        assert.equal((await c.patch(`/api/carriers/${college.id}`, { version: college.version, name: '改名' })).status, 404, role);
        const list = await c.get('/api/carriers?pageSize=200');
        assert.ok(!list.body.items.some((x: { id: string }) => x.id === college.id), role);
      }
      const teacher = await as('teacherA');
      assert.equal((await teacher.get(`/api/carriers/${college.id}`)).status, 200);
      assert.equal((await teacher.patch(`/api/carriers/${college.id}`, { version: college.version, name: '改名' })).status, 403);
      assert.equal(
        (await teacher.post('/api/carriers', { kind: 'trainingBase', name: '教师登记', level: 'city', leadOrganisationId: w.schoolA.id }))
          .status,
        403,
      );
      const student = await as('studentA');
      assert.equal((await student.get('/api/carriers')).status, 403);
      assert.equal((await new TestClient(server.url).get('/api/carriers')).status, 401);
    });

    test('department reads city-wide but may not create', async () => {
      const c = await as('department');
      assert.equal((await c.get(`/api/carriers/${college.id}`)).status, 200);
      assert.equal(
        (await c.post('/api/carriers', { kind: 'trainingBase', name: '部门登记', level: 'city', leadOrganisationId: w.schoolA.id })).status,
        403,
      );
    });

    test('only the bureau records a certification; a certified status needs its date and body', async () => {
      const school = await as('schoolAdminA');
      const self = await school.patch(`/api/carriers/${college.id}`, {
        version: college.version,
        status: 'certified',
        certifiedAt: '2025-01-10',
        certifyingBody: '郑州市教育局',
      });
      assert.equal(self.status, 403);
      const city = await as('cityAdmin');
      const incomplete = await city.patch(`/api/carriers/${college.id}`, { version: college.version, status: 'certified' });
      assert.equal(incomplete.status, 400);
      assert.ok(incomplete.body.fields.certifiedAt && incomplete.body.fields.certifyingBody);
      const done = await city.patch(`/api/carriers/${college.id}`, {
        version: college.version,
        status: 'certified',
        certifiedAt: '2025-01-10',
        certifyingBody: '郑州市教育局',
      });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.status, 'certified');
      const renamed = await school.patch(`/api/carriers/${college.id}`, { version: done.body.version, name: '智能制造现代产业学院' });
      assert.equal(renamed.status, 200); // the lead still keeps the rest of the record
      college = renamed.body;
    });

    test('a stale version is 409 VERSION_CONFLICT', async () => {
      const c = await as('districtA');
      const ok = await c.patch(`/api/carriers/${college.id}`, { version: college.version, endDate: '2029-08-31' });
      assert.equal(ok.status, 200);
      const stale = await c.patch(`/api/carriers/${college.id}`, { version: college.version, endDate: '2030-08-31' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      college = ok.body;
    });

    test('kind rules: innovation centres are city or province level; legal personality only for education groups', async () => {
      const c = await as('cityAdmin');
      const national = await c.post('/api/carriers', {
        kind: 'innovationCenter',
        name: '国家级协同创新中心',
        level: 'national',
        leadOrganisationId: w.schoolA.id,
      });
      assert.equal(national.status, 400);
      assert.ok(national.body.fields.level);
      const group = await c.post('/api/carriers', {
        kind: 'educationGroup',
        name: '郑州装备制造职教集团',
        level: 'city',
        leadOrganisationId: w.schoolA.id,
        legalPerson: true,
      });
      assert.equal(group.status, 201);
      assert.equal(group.body.legalPerson, true);
      const wrong = await c.post('/api/carriers', {
        kind: 'trainingBase',
        name: '实训基地',
        level: 'city',
        leadOrganisationId: w.schoolA.id,
        legalPerson: true,
        endDate: '2020-01-01',
        startDate: '2021-01-01',
      });
      assert.equal(wrong.status, 400);
      assert.ok(wrong.body.fields.legalPerson && wrong.body.fields.endDate);
      assert.equal(
        (await c.post('/api/carriers', { kind: 'bogus', name: '未知', level: 'city', leadOrganisationId: w.schoolA.id })).status,
        400,
      );
    });

    test('every carrier kind of the plan can be registered, and the list filters by kind, status and organisation', async () => {
      const c = await as('cityAdmin');
      for (const kind of CARRIER_KINDS) {
        const res = await c.post('/api/carriers', {
          kind,
          name: `${kind}测试载体`,
          level: 'city',
          leadOrganisationId: w.entB.id,
          status: 'operating',
          ...(kind === 'lubanWorkshop' && { country: '泰国' }),
        });
        assert.equal(res.status, 201, `${kind}: ${JSON.stringify(res.body)}`);
      }
      const luban = await c.get('/api/carriers?kind=lubanWorkshop&pageSize=200');
      assert.ok(luban.body.items.length >= 1 && luban.body.items.every((x: { kind: string }) => x.kind === 'lubanWorkshop'));
      const ofB = await c.get(`/api/carriers?organisationId=${w.entB.id}&pageSize=200`);
      assert.ok(ofB.body.items.some((x: { id: string }) => x.id === college.id)); // as a partner
      assert.ok(ofB.body.items.length >= CARRIER_KINDS.length + 1);
      const certified = await c.get('/api/carriers?status=certified');
      assert.deepEqual(
        certified.body.items.map((x: { id: string }) => x.id),
        [college.id],
      );
      const paged = await c.get('/api/carriers?pageSize=2&page=2&sort=-name');
      assert.equal(paged.body.items.length, 2);
    });

    test('replacing the partner list takes the old partner out of sight', async () => {
      const c = await as('schoolAdminA');
      const res = await c.patch(`/api/carriers/${college.id}`, { version: college.version, partnerIds: [w.entC.id] });
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.partners.map((p: { id: string }) => p.id),
        [w.entC.id],
      );
      college = res.body;
      assert.equal((await (await as('entAdminB')).get(`/api/carriers/${college.id}`)).status, 404);
      assert.equal((await (await as('entAdminC')).get(`/api/carriers/${college.id}`)).status, 200);
    });

    test('a partner handed the lead is no longer listed as a partner', async () => {
      const c = await as('cityAdmin');
      const made = await c.post('/api/carriers', {
        kind: 'community',
        name: '移交牵头的共同体',
        level: 'province',
        leadOrganisationId: w.schoolA.id,
        partnerIds: [w.entB.id, w.entC.id],
      });
      assert.equal(made.status, 201);
      const moved = await c.patch(`/api/carriers/${made.body.id}`, { version: made.body.version, leadOrganisationId: w.entB.id });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.lead.id, w.entB.id);
      assert.deepEqual(
        moved.body.partners.map((p: { id: string }) => p.id),
        [w.entC.id],
      );
      const school = await as('schoolAdminA');
      assert.equal((await school.get(`/api/carriers/${made.body.id}`)).status, 404); // no longer lead nor partner
    });

    test('archive hides from lists but keeps the record; only districts and the bureau archive', async () => {
      const school = await as('schoolAdminA');
      assert.equal((await school.post(`/api/carriers/${college.id}/archive`, { version: college.version })).status, 403);
      const district = await as('districtA');
      const archived = await district.post(`/api/carriers/${college.id}/archive`, { version: college.version });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.archived, true);
      const list = await district.get('/api/carriers?pageSize=200');
      assert.ok(!list.body.items.some((x: { id: string }) => x.id === college.id));
      const all = await district.get('/api/carriers?pageSize=200&includeArchived=true');
      assert.ok(all.body.items.some((x: { id: string }) => x.id === college.id));
      assert.equal((await district.get(`/api/carriers/${college.id}`)).status, 200);
      assert.equal((await school.patch(`/api/carriers/${college.id}`, { version: archived.body.version, name: '归档后修改' })).status, 409);
      assert.equal(
        (await (await as('districtB')).post(`/api/carriers/${college.id}/archive`, { version: archived.body.version })).status,
        404,
      );
      const restored = await district.post(`/api/carriers/${college.id}/restore`, { version: archived.body.version });
      assert.equal(restored.status, 200);
      assert.equal(restored.body.archived, false);
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
  const districtC = await makeDistrict(db);
  const schoolA = await makeSchool(db, districtA.id);
  const entB = await makeEnterprise(db, districtB.id);
  const entC = await makeEnterprise(db, districtC.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    districtB: await makeUser(db, 'district', districtB.id),
    districtC: await makeUser(db, 'district', districtC.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    teacherA: await makeUser(db, 'teacher', schoolA.id),
    studentA: await makeUser(db, 'student', schoolA.id),
    entAdminB: await makeUser(db, 'enterprise_admin', entB.id),
    entAdminC: await makeUser(db, 'enterprise_admin', entC.id),
  };
  return { districtA, districtB, districtC, schoolA, entB, entC, users };
}
