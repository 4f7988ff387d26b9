import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { seedClusterIndustries } from '../../server/catalogues/repository/clusters.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The cluster ↔ major and cluster ↔ industry mapping: public to read, the bureau's to edit. */
for (const engine of testEngines()) {
  describe(`industry clusters [${engine.name}]`, () => {
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

    test("anyone lists the plan's clusters with their articles", async () => {
      const res = await new TestClient(server.url).get('/api/clusters');
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 17);
      assert.equal(res.body.items[0].name, '智能终端');
      assert.ok(
        res.body.items.every(
          (c: { majors: unknown[]; industries: unknown[]; article: string }) =>
            Array.isArray(c.majors) && Array.isArray(c.industries) && c.article,
        ),
      );
      assert.equal((await new TestClient(server.url).get('/api/clusters/no_such')).status, 404);
    });

    test('the bureau maps majors (edition-independent code) and GB/T 4754 industries; each change is audited', async () => {
      const c = await as('cityAdmin');
      const major = await c.post('/api/clusters/equipment/majors', { majorCode: '460101' });
      assert.equal(major.status, 201, JSON.stringify(major.body));
      assert.deepEqual(major.body.majors, [{ code: '460101', name: '机械设计与制造', level: 'higher' }]);
      assert.equal((await c.post('/api/clusters/equipment/majors', { majorCode: '460101' })).status, 409);
      const industry = await c.post('/api/clusters/equipment/industries', { industryCode: '3411' });
      assert.equal(industry.status, 201);
      assert.deepEqual(industry.body.industries, [{ code: '3411', name: '锅炉及辅助设备制造', level: 'class' }]);
      const pub = await new TestClient(server.url).get('/api/clusters/equipment');
      assert.equal(pub.body.majors.length, 1);
      assert.equal(pub.body.industries.length, 1);
      const removed = await c.request('DELETE', '/api/clusters/equipment/majors/460101');
      assert.equal(removed.status, 200);
      assert.equal(removed.body.majors.length, 0);
      assert.equal((await c.request('DELETE', '/api/clusters/equipment/majors/460101')).status, 404);
      const audits = await server.services.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entityId, 'equipment:460101'));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['create', 'delete']);
    });

    test('codes outside the catalogues are 400 naming the field; an unknown cluster is 404', async () => {
      const c = await as('cityAdmin');
      const major = await c.post('/api/clusters/equipment/majors', { majorCode: '999999' });
      assert.equal(major.status, 400);
      assert.match(major.body.fields.majorCode, /专业目录/);
      const malformed = await c.post('/api/clusters/equipment/majors', { majorCode: 'abc' });
      assert.equal(malformed.status, 400);
      assert.ok(malformed.body.fields.majorCode);
      const industry = await c.post('/api/clusters/equipment/industries', { industryCode: '9999' });
      assert.equal(industry.status, 400);
      assert.match(industry.body.fields.industryCode, /GB\/T 4754-2017/);
      assert.equal((await c.post('/api/clusters/no_such/industries', { industryCode: '3411' })).status, 404);
    });

    test('no one but the bureau edits the mapping', async () => {
      for (const role of ['department', 'districtA', 'schoolAdminA', 'entAdmin'] as const) {
        const c = await as(role);
        assert.equal((await c.post('/api/clusters/equipment/majors', { majorCode: '460301' })).status, 403, role);
        assert.equal((await c.request('DELETE', '/api/clusters/equipment/industries/3411')).status, 403, role);
      }
      const anonymous = new TestClient(server.url);
      assert.equal((await anonymous.post('/api/clusters/equipment/majors', { majorCode: '460301' })).status, 401);
    });

    test('the catalogue crosswalk seeds clusters without industries, once', async () => {
      const db = server.services.database.db;
      const first = await seedClusterIndustries(db);
      assert.ok(first > 0);
      assert.equal(await seedClusterIndustries(db), 0);
      const res = await new TestClient(server.url).get('/api/clusters');
      const equipment = res.body.items.find((c: { code: string }) => c.code === 'equipment');
      assert.deepEqual(
        equipment.industries.map((i: { code: string }) => i.code),
        ['3411'],
      ); // edited by the bureau: left alone
      const terminal = res.body.items.find((c: { code: string }) => c.code === 'smart_terminal');
      assert.ok(terminal.industries.length >= 3 && terminal.industries.every((i: { name: string | null }) => i.name));
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const schoolA = await makeSchool(db, districtA.id);
  const ent = await makeEnterprise(db, districtA.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    entAdmin: await makeUser(db, 'enterprise_admin', ent.id),
  };
  return { users };
}
