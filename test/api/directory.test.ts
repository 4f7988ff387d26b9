import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { carrierPartners, carriers, majors, organisations, programs } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeSchool } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The public directory: anonymous, only published records, no personal or confidential data. */
for (const engine of testEngines()) {
  describe(`public directory [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    const anon = () => new TestClient(server.url);
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    test('schools: active ones only, with their programs (major code and name)', async () => {
      const res = await anon().get(`/api/directory/schools?districtId=${w.district.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((s: { id: string }) => s.id),
        [w.school.id],
      );
      assert.equal(res.body.items[0].programCount, 1);
      assert.equal(res.body.items[0].staffingQuota, undefined);
      const detail = await anon().get(`/api/directory/schools/${w.school.id}`);
      assert.equal(detail.status, 200);
      assert.deepEqual(
        detail.body.programs.map((p: { majorCode: string; majorName: string }) => [p.majorCode, p.majorName]),
        [['460101', '机械设计与制造']],
      );
      assert.equal((await anon().get(`/api/directory/schools/${w.closedSchool.id}`)).status, 404);
      const programs = await anon().get(`/api/directory/programs?majorCode=460101&districtId=${w.district.id}`);
      assert.deepEqual(
        programs.body.items.map((p: { schoolId: string }) => p.schoolId),
        [w.school.id],
      );
      const byName = await anon().get(`/api/directory/programs?q=${encodeURIComponent('机械设计')}&districtId=${w.district.id}`);
      assert.equal(byName.body.total, 1);
    });

    test('enterprises: certified and active only, without staff, payroll or accounts', async () => {
      const res = await anon().get(`/api/directory/enterprises?districtId=${w.district.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items.map((e: { id: string }) => e.id),
        [w.certified.id],
      );
      const item = res.body.items[0];
      assert.equal(item.integrationStatus, 'certified_city');
      assert.equal(item.industryName, '锅炉及辅助设备制造');
      for (const hidden of ['staffCount', 'payrollYuan', 'aboveDesignatedSize', 'version']) assert.equal(item[hidden], undefined, hidden);
      const byLevel = await anon().get(`/api/directory/enterprises?districtId=${w.district.id}&integrationStatus=certified_province`);
      assert.equal(byLevel.body.total, 0); // the province-certified one is archived
      assert.equal((await anon().get('/api/directory/enterprises?integrationStatus=applied')).status, 400);
      const byCluster = await anon().get(`/api/directory/enterprises?clusterCode=equipment&industryCode=34&districtId=${w.district.id}`);
      assert.equal(byCluster.body.total, 1);
    });

    test('carriers: operating and certified, not archived, with lead and partner names', async () => {
      const res = await anon().get(`/api/directory/carriers?districtId=${w.district.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((c: { name: string }) => c.name).sort(), ['名录测试实训基地', '名录测试鲁班工坊']);
      const base = res.body.items.find((c: { name: string }) => c.name === '名录测试实训基地');
      assert.equal(base.leadName, w.school.name);
      assert.deepEqual(base.partnerNames, [w.certified.name]);
      const kind = await anon().get(`/api/directory/carriers?districtId=${w.district.id}&kind=lubanWorkshop`);
      assert.equal(kind.body.total, 1);
      const paged = await anon().get(`/api/directory/carriers?districtId=${w.district.id}&pageSize=1`);
      assert.equal(paged.body.items.length, 1);
      assert.equal(paged.body.total, 2);
    });

    test("the filters' options: districts and clusters", async () => {
      const res = await anon().get('/api/directory/options');
      assert.equal(res.status, 200);
      assert.ok(res.body.districts.some((d: { id: string }) => d.id === w.district.id));
      assert.equal(res.body.clusters.length, 17);
    });

    test('industry look-up for the registration form: code prefix first, then names; an empty query is 400', async () => {
      const byCode = await anon().get('/api/directory/industries?q=341');
      assert.equal(byCode.status, 200);
      assert.ok(byCode.body.items.length > 0 && byCode.body.items.every((i: { code: string }) => i.code.startsWith('341')));
      assert.ok(byCode.body.items.some((i: { code: string; name: string }) => i.code === '3411' && i.name === '锅炉及辅助设备制造'));
      const byName = await anon().get(`/api/directory/industries?q=${encodeURIComponent('锅炉')}`);
      assert.ok(byName.body.items.some((i: { code: string }) => i.code === '3411'));
      assert.ok(byName.body.items.every((i: { name: string }) => i.name.includes('锅炉')));
      assert.deepEqual((await anon().get('/api/directory/industries?q=%25')).body.items, []);
      assert.equal((await anon().get('/api/directory/industries?q=')).status, 400);
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const district = await makeDistrict(db);
  const school = await makeSchool(db, district.id);
  const closedSchool = await makeSchool(db, district.id);
  await db.update(organisations).set({ status: 'archived' }).where(eq(organisations.id, closedSchool.id));
  const [major] = await db.select().from(majors).where(eq(majors.code, '460101'));
  await db.insert(programs).values([
    { schoolId: school.id, majorId: major!.id, startYear: 2020 },
    { schoolId: closedSchool.id, majorId: major!.id, startYear: 2020 },
  ]);
  const certified = await makeEnterprise(db, district.id, { integrationStatus: 'certified_city' });
  await makeEnterprise(db, district.id, { integrationStatus: 'certified_province', status: 'archived' });
  await makeEnterprise(db, district.id, { integrationStatus: 'applied' });
  const base = { level: 'city' as const, leadOrganisationId: school.id, districtId: district.id };
  const [training] = await db
    .insert(carriers)
    .values([
      {
        ...base,
        kind: 'trainingBase',
        name: '名录测试实训基地',
        status: 'certified',
        certifiedAt: '2024-01-01',
        certifyingBody: '郑州市教育局',
      },
      { ...base, kind: 'lubanWorkshop', name: '名录测试鲁班工坊', status: 'operating', country: '泰国' },
      { ...base, kind: 'practiceCenter', name: '名录测试规划中心', status: 'planned' },
      { ...base, kind: 'industryCollege', name: '名录测试已归档学院', status: 'operating', archivedAt: new Date() },
    ])
    .returning();
  await db.insert(carrierPartners).values({ carrierId: training!.id, organisationId: certified.id });
  return { district, school, closedSchool, certified };
}
