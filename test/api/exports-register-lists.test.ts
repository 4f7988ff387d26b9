import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadClusters } from '../../server/catalogues/clusters.ts';
import { carrierPartners, carriers, enterpriseRegistrations, majorGroups } from '../../server/platform/db/schema/index.ts';
import { makeUser } from '../support/factory.ts';
import { testEngines } from '../support/engines.ts';
import { makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildWorld, download, signIn, type World } from './imports-fixtures.ts';

/**
 * Exports of the lists without an import template (major groups, carriers, registrations): the list's own
 * read permission, data scope, filters and sort, every page of it, with Chinese headers.
 */
for (const engine of testEngines()) {
  describe(`register list exports [${engine.name}]`, () => {
    let server: TestServer;
    let w: World;
    let pendingName: string;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
      const db = server.services.database.db;
      await loadClusters(db);
      // 205 groups in school A (more than one export page), one in school B.
      await db.insert(majorGroups).values(
        Array.from({ length: 205 }, (_, i) => ({
          schoolId: w.schoolA.id,
          name: `甲校专业群${String(i).padStart(3, '0')}`,
          clusterCode: 'equipment',
          keyMajor: i === 0,
        })),
      );
      await db.insert(majorGroups).values({ schoolId: w.schoolB.id, name: '乙校专业群', clusterCode: 'automotive' });
      const [ownCarrier] = await db
        .insert(carriers)
        .values({
          kind: 'trainingBase',
          name: '甲校实训基地',
          level: 'city',
          leadOrganisationId: w.schoolA.id,
          districtId: w.districtA.id,
          status: 'operating',
        })
        .returning();
      await db.insert(carrierPartners).values({ carrierId: ownCarrier!.id, organisationId: w.enterprise.id });
      await db.insert(carriers).values({
        kind: 'industryCollege',
        name: '乙校产业学院',
        level: 'province',
        leadOrganisationId: w.schoolB.id,
        districtId: w.districtB.id,
      });
      const pendingA = await makeEnterprise(db, w.districtA.id, { status: 'pending' });
      const pendingB = await makeEnterprise(db, w.districtB.id, { status: 'pending' });
      pendingName = pendingA.name;
      for (const org of [pendingA, pendingB]) {
        const u = await makeUser(db, 'enterprise_admin', org.id);
        await db.insert(enterpriseRegistrations).values({ organisationId: org.id, userId: u.id });
      }
    });
    after(() => server.close());

    test('major groups: the bureau gets every page; a school only its own; filters apply; an enterprise may not', async () => {
      const city = await download(await signIn(server, w, 'cityAdmin'), '/api/exports/major-groups?page=2&pageSize=5');
      assert.equal(city.status, 200);
      assert.deepEqual(city.rows[0], ['学校', '专业群名称', '对接产业集群', '产教融合型重点专业', '专业数', '状态']);
      assert.equal(city.rows.length, 1 + 206, 'paging of the list is ignored: the whole list');
      const school = await download(await signIn(server, w, 'schoolAdminB'), '/api/exports/major-groups');
      assert.deepEqual(
        school.rows.slice(1).map((r) => r[1]),
        ['乙校专业群'],
      );
      const key = await download(await signIn(server, w, 'schoolAdminA'), '/api/exports/major-groups?keyMajor=true');
      assert.deepEqual(
        key.rows.slice(1).map((r) => [r[1], r[3]]),
        [['甲校专业群000', '是']],
      );
      const sorted = await download(await signIn(server, w, 'schoolAdminA'), '/api/exports/major-groups?sort=-name');
      assert.equal(sorted.rows[1]![1], '甲校专业群204');
      assert.equal((await download(await signIn(server, w, 'enterpriseAdmin'), '/api/exports/major-groups')).status, 403);
      assert.equal((await fetch(`${server.url}/api/exports/major-groups`)).status, 401);
    });

    test('carriers: lead and partner see theirs, another school sees none of them, the district its own', async () => {
      const city = await download(await signIn(server, w, 'cityAdmin'), '/api/exports/carriers');
      assert.equal(city.rows[0]![0], '载体名称');
      assert.deepEqual(
        city.rows
          .slice(1)
          .map((r) => r[0])
          .sort(),
        ['乙校产业学院', '甲校实训基地'],
      );
      const own = await download(await signIn(server, w, 'schoolAdminA'), '/api/exports/carriers');
      assert.deepEqual(
        own.rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4]]),
        [['甲校实训基地', '产教融合实训基地', '市级', w.schoolA.name, w.enterprise.name]],
      );
      const partner = await download(await signIn(server, w, 'enterpriseAdmin'), '/api/exports/carriers');
      assert.deepEqual(
        partner.rows.slice(1).map((r) => r[0]),
        ['甲校实训基地'],
      );
      const district = await download(await signIn(server, w, 'districtA'), '/api/exports/carriers?level=province');
      assert.deepEqual(district.rows.slice(1), []);
    });

    test('registrations: the bureau and the district (its own only); schools and enterprises may not', async () => {
      const city = await download(await signIn(server, w, 'cityAdmin'), '/api/exports/registrations?status=pending');
      assert.equal(city.status, 200);
      assert.equal(city.rows[0]![1], '统一社会信用代码');
      assert.equal(city.rows.length, 3);
      const district = await download(await signIn(server, w, 'districtA'), '/api/exports/registrations');
      assert.deepEqual(
        district.rows.slice(1).map((r) => [r[0], r[9]]),
        [[pendingName, '待审核']],
      );
      assert.ok(!district.rows.flat().some((v) => typeof v === 'string' && v.includes('$argon2')), 'no password hash in the sheet');
      assert.equal((await download(await signIn(server, w, 'schoolAdminA'), '/api/exports/registrations')).status, 403);
      assert.equal((await download(await signIn(server, w, 'enterpriseAdmin'), '/api/exports/registrations')).status, 403);
    });
  });
}
