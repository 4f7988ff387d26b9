import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/platform/db/engine.ts';
import {
  auditLog,
  catalogueEditions,
  enterprises,
  industries,
  industryClusters,
  majors,
  organisations,
  programs,
  schools,
} from '../../server/platform/db/schema/index.ts';
import { reindexAll, reindexEntity } from '../../server/search/search-index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The search box over real HTTP on every engine: Chinese partial names, the 数控 example of the issue (the
 * major, a program, an enterprise named for it and one whose trade is machine tools), typos, ranking, the
 * data scope of each role, the public directory, index maintenance and the reindex job.
 */
interface Hit {
  type: string;
  id: string;
  title: string;
  subtitle: string | null;
}

for (const engine of testEngines()) {
  describe(`search [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server.services.database.db);
      await reindexAll(server.services.database.db);
    });
    after(() => server.close());

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }
    const q = (text: string, extra = '') => `?q=${encodeURIComponent(text)}${extra}`;
    const titles = (body: { items: Hit[] }) => body.items.map((i) => i.title);

    test('anonymous callers use the public directory search; /api/search needs a sign-in', async () => {
      const res = await new TestClient(server.url).get(`/api/search${q('郑州铁路')}`);
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'UNAUTHENTICATED');
    });

    test('「郑州铁路」 finds 郑州铁路职业技术学院 first, then its programs', async () => {
      const c = await as(w.users.cityAdmin);
      const res = await c.get(`/api/search${q('郑州铁路')}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.items[0].type, 'school');
      assert.equal(res.body.items[0].id, w.rail.id);
      assert.equal(res.body.items[0].title, '郑州铁路职业技术学院');
      const program = res.body.items.find((i: Hit) => i.type === 'program');
      assert.deepEqual([program.title, program.subtitle], ['数控技术', '郑州铁路职业技术学院']);
      assert.ok(!titles(res.body).includes('郑州职业技术学院'), '郑州 … 职业技术学院 without 铁路 is not a match');
    });

    test('「数控」 finds the major, the programs, and enterprises doing CNC work', async () => {
      const c = await as(w.users.cityAdmin);
      const res = await c.get(`/api/search${q('数控')}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.fuzzy, false);
      const found = res.body.items.map((i: Hit) => `${i.type}:${i.title}`);
      for (const want of [
        'major:数控技术',
        'program:数控技术',
        'enterprise:郑州华兴数控设备有限公司',
        'enterprise:郑州精工重型机械有限公司',
      ]) {
        assert.ok(found.includes(want), `${want} in ${found.join(', ')}`);
      }
      // Named for CNC ranks above a machine-tool maker that only its trade links to CNC.
      assert.ok(found.indexOf('enterprise:郑州华兴数控设备有限公司') < found.indexOf('enterprise:郑州精工重型机械有限公司'));
      assert.ok(!found.includes('enterprise:郑州云帆软件有限公司'));
    });

    test('a misremembered name still finds the school, and says the answer is approximate', async () => {
      const c = await as(w.users.cityAdmin);
      const res = await c.get(`/api/search${q('郑州铁道职业技术学院')}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.fuzzy, true);
      assert.equal(res.body.items[0].title, '郑州铁路职业技术学院');
      const typo = await c.get(`/api/search${q('郑州云飞软件')}`);
      assert.equal(typo.body.items[0].title, '郑州云帆软件有限公司');
    });

    test('an exact name ranks first among names that contain the same words', async () => {
      const c = await as(w.users.cityAdmin);
      const res = await c.get(`/api/search${q('郑州职业技术学院')}`);
      assert.equal(res.body.items[0].title, '郑州职业技术学院');
    });

    test('codes find their record: a USCC prefix, a major code', async () => {
      const c = await as(w.users.cityAdmin);
      const uscc = await c.get(`/api/search${q(w.cnc.code.slice(0, 12))}`);
      assert.equal(uscc.body.items[0].id, w.cnc.id);
      const major = await c.get(`/api/search${q('T460103', '&types=major')}`);
      assert.deepEqual(titles(major.body), ['数控技术']);
    });

    test('types filter the items; typeCounts count every type; pages follow', async () => {
      const c = await as(w.users.cityAdmin);
      const all = await c.get(`/api/search${q('数控')}`);
      const only = await c.get(`/api/search${q('数控', '&types=enterprise')}`);
      assert.equal(only.status, 200);
      assert.ok(only.body.items.length >= 2 && only.body.items.every((i: Hit) => i.type === 'enterprise'));
      assert.equal(only.body.total, only.body.typeCounts.enterprise);
      assert.deepEqual(only.body.typeCounts, all.body.typeCounts);
      assert.equal(
        all.body.total,
        Object.values(all.body.typeCounts as Record<string, number>).reduce((a, b) => a + b, 0),
      );
      const p1 = await c.get(`/api/search${q('数控', '&pageSize=1&page=1')}`);
      const p2 = await c.get(`/api/search${q('数控', '&pageSize=1&page=2')}`);
      assert.equal(p1.body.items.length, 1);
      assert.equal(p2.body.items.length, 1);
      assert.equal(p1.body.items[0].id, all.body.items[0].id);
      assert.equal(p2.body.items[0].id, all.body.items[1].id);
      const beyond = await c.get(`/api/search${q('数控', '&page=40')}`);
      assert.deepEqual(beyond.body.items, []);
      assert.equal(beyond.body.total, all.body.total);
    });

    test('bad queries are refused with field errors', async () => {
      const c = await as(w.users.cityAdmin);
      const empty = await c.get('/api/search?q=%20%20');
      assert.equal(empty.status, 400);
      assert.equal(empty.body.code, 'VALIDATION_FAILED');
      assert.ok(empty.body.fields.q);
      const type = await c.get(`/api/search${q('数控', '&types=school,student')}`);
      assert.equal(type.status, 400);
      assert.ok(type.body.fields.types);
      assert.equal((await c.get(`/api/search${q('x'.repeat(101))}`)).status, 400);
      const punct = await c.get(`/api/search${q('！？……')}`);
      assert.equal(punct.status, 200);
      assert.deepEqual(punct.body.items, []);
    });

    test('archived programs are not found', async () => {
      const c = await as(w.users.cityAdmin);
      const res = await c.get(`/api/search${q('软件技术', '&types=program')}`);
      assert.deepEqual(
        res.body.items.map((i: Hit) => i.subtitle),
        ['郑州职业技术学院'],
      );
    });

    test('the public directory finds published records only', async () => {
      const anon = new TestClient(server.url);
      const res = await anon.get(`/api/public/search${q('数控')}`);
      assert.equal(res.status, 200);
      const found = res.body.items.map((i: Hit) => i.title);
      assert.ok(found.includes('郑州华兴数控设备有限公司'), 'a certified 产教融合型企业 is public');
      assert.ok(found.includes('数控技术'));
      assert.ok(!found.includes('郑州精工重型机械有限公司'), 'an uncertified enterprise is not');
      assert.deepEqual((await anon.get(`/api/public/search${q('待审')}`)).body.items, [], 'a pending school is not');
      assert.equal((await anon.get(`/api/public/search${q('郑州铁路')}`)).body.items[0].title, '郑州铁路职业技术学院');
      const admin = await as(w.users.cityAdmin);
      assert.deepEqual(titles((await admin.get(`/api/search${q('待审')}`)).body), ['郑州待审职业学院']);
    });

    test("a district finds its district's unpublished records, not another district's", async () => {
      const c = await as(w.users.districtB);
      assert.deepEqual(titles((await c.get(`/api/search${q('精工')}`)).body), ['郑州精工重型机械有限公司']);
      assert.deepEqual(titles((await c.get(`/api/search${q('待审')}`)).body), ['郑州待审职业学院']);
      const a = await as(w.users.districtA);
      assert.deepEqual((await a.get(`/api/search${q('精工')}`)).body.items, []);
      assert.deepEqual((await a.get(`/api/search${q('云帆')}`)).body.items, []);
      assert.equal((await a.get(`/api/search${q('郑州铁路')}`)).body.items[0].title, '郑州铁路职业技术学院');
    });

    test('an enterprise admin finds its own unpublished enterprise and the public register, not other enterprises', async () => {
      const c = await as(w.users.enterpriseAdmin);
      assert.deepEqual(titles((await c.get(`/api/search${q('精工')}`)).body), ['郑州精工重型机械有限公司']);
      assert.deepEqual((await c.get(`/api/search${q('云帆')}`)).body.items, []);
      assert.ok(titles((await c.get(`/api/search${q('数控')}`)).body).includes('郑州华兴数控设备有限公司'));
    });

    test('school admins, teachers, students and departments search within their grants', async () => {
      const admin = await as(w.users.schoolAdmin);
      assert.deepEqual((await admin.get(`/api/search${q('云帆')}`)).body.items, []);
      assert.equal((await admin.get(`/api/search${q('郑州铁路')}`)).body.items[0].title, '郑州铁路职业技术学院');
      const student = await as(w.users.student);
      assert.deepEqual((await student.get(`/api/search${q('精工')}`)).body.items, []);
      assert.deepEqual((await student.get(`/api/search${q('待审')}`)).body.items, []);
      assert.equal((await student.get(`/api/search${q('数控')}`)).status, 200);
      const dept = await as(w.users.department);
      assert.deepEqual(titles((await dept.get(`/api/search${q('云帆')}`)).body), ['郑州云帆软件有限公司']);
    });

    test('reindexEntity follows renames and archives, including the documents that show the record', async () => {
      const db = server.services.database.db;
      const c = await as(w.users.cityAdmin);
      await db.transaction(async (tx) => {
        await tx.update(organisations).set({ name: '郑州城轨职业技术学院' }).where(eq(organisations.id, w.rail.id));
        await reindexEntity(tx, 'school', w.rail.id);
      });
      assert.deepEqual(titles((await c.get(`/api/search${q('郑州铁路', '&types=school')}`)).body).includes('郑州铁路职业技术学院'), false);
      assert.equal((await c.get(`/api/search${q('城轨')}`)).body.items[0].title, '郑州城轨职业技术学院');
      const program = (await c.get(`/api/search${q('城轨', '&types=program')}`)).body.items[0];
      assert.equal(program.subtitle, '郑州城轨职业技术学院', "the school's programs carry the new name");

      await db.transaction(async (tx) => {
        await tx.update(organisations).set({ status: 'archived' }).where(eq(organisations.id, w.rail.id));
        await reindexEntity(tx, 'school', w.rail.id);
      });
      assert.deepEqual((await c.get(`/api/search${q('城轨')}`)).body.items, [], 'an archived school and its programs leave the index');
      await db.transaction(async (tx) => {
        await tx.update(organisations).set({ status: 'active', name: '郑州铁路职业技术学院' }).where(eq(organisations.id, w.rail.id));
        await reindexEntity(tx, 'school', w.rail.id);
      });
      assert.equal((await c.get(`/api/search${q('郑州铁路')}`)).body.items[0].id, w.rail.id);
    });

    test('edits through the register API reach the index in the same transaction (rename, archive, restore)', async () => {
      const c = await as(w.users.cityAdmin);
      const school = (await c.get(`/api/schools/${w.zz.id}`)).body;
      const renamed = await c.patch(`/api/schools/${w.zz.id}`, { version: school.version, name: '郑州云图职业技术学院' });
      assert.equal(renamed.status, 200);
      assert.equal((await c.get(`/api/search${q('云图')}`)).body.items[0].id, w.zz.id);
      const archived = await c.post(`/api/schools/${w.zz.id}/archive`, { version: renamed.body.version });
      assert.equal(archived.status, 200);
      assert.deepEqual((await c.get(`/api/search${q('云图')}`)).body.items, []);
      const restored = await c.post(`/api/schools/${w.zz.id}/restore`, { version: archived.body.version });
      assert.equal(restored.status, 200);
      const back = await c.patch(`/api/schools/${w.zz.id}`, { version: restored.body.version, name: '郑州职业技术学院' });
      assert.equal(back.status, 200);
      assert.equal((await c.get(`/api/search${q('郑州职业技术学院')}`)).body.items[0].id, w.zz.id);
    });

    test('reindexEntity takes a batch of ids, and a program refreshes its school (which lists its majors)', async () => {
      const db = server.services.database.db;
      const c = await as(w.users.cityAdmin);
      const [archivedProgram] = await db.select().from(programs).where(eq(programs.schoolId, w.transport.id));
      await db.transaction(async (tx) => {
        await tx.update(programs).set({ status: 'active' }).where(eq(programs.id, archivedProgram!.id));
        await reindexEntity(tx, 'program', [archivedProgram!.id, archivedProgram!.id]);
      });
      const found = (await c.get(`/api/search${q('软件技术', '&types=program,school')}`)).body.items.map(
        (i: Hit) => `${i.type}:${i.subtitle ?? i.title}`,
      );
      assert.ok(found.includes('program:河南交通职业技术学院'));
      assert.ok(
        found.some((f: string) => f.startsWith('school:')),
        'schools teaching 软件技术 are found through their majors',
      );
      await db.transaction(async (tx) => {
        await tx.update(programs).set({ status: 'archived' }).where(eq(programs.id, archivedProgram!.id));
        await reindexEntity(tx, 'program', [archivedProgram!.id]);
        await reindexEntity(tx, 'school', []);
      });
      const after = (await c.get(`/api/search${q('软件技术', '&types=program')}`)).body.items.map((i: Hit) => i.subtitle);
      assert.deepEqual(after, ['郑州职业技术学院']);
    });

    test('the reindex job rebuilds the index; only the bureau may start it, and the start is audited', async () => {
      const district = await as(w.users.districtA);
      assert.equal((await district.post('/api/search/reindex', {})).status, 403);
      const c = await as(w.users.cityAdmin);
      const bad = await c.post('/api/search/reindex', { types: ['student'] });
      assert.equal(bad.status, 400);
      const start = await c.post('/api/search/reindex', {});
      assert.equal(start.status, 202);
      assert.equal(start.body.kind, 'search.reindex');
      let job = start.body;
      for (let i = 0; i < 200 && job.status !== 'succeeded' && job.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await c.get(`/api/jobs/${job.id}`)).body;
      }
      assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
      assert.deepEqual(job.progress.done, job.progress.total);
      assert.equal(job.result.documents.school, 4);
      assert.equal(job.result.documents.enterprise, 3);
      assert.equal(job.result.documents.program, 2, 'the archived program is not indexed');
      const audited = await server.services.database.db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
      assert.equal(audited.length, 1);
      assert.equal((await c.get(`/api/search${q('数控')}`)).body.items.length >= 4, true);
    });

    test('the public search is rate-limited per client', async () => {
      const anon = new TestClient(server.url);
      let status = 200;
      for (let i = 0; i < 130 && status === 200; i++) status = (await anon.get(`/api/public/search${q('铁路')}`)).status;
      assert.equal(status, 429);
    });
  });
}

async function buildWorld(db: Db) {
  const [majorEdition] = await db
    .insert(catalogueEditions)
    .values({ kind: 'major', edition: 'test', title: '测试专业目录', source: 'test', isDemoSubset: true })
    .returning();
  const [cncMajor, softMajor] = await db
    .insert(majors)
    .values([
      {
        editionId: majorEdition!.id,
        level: 'higher',
        code: 'T460103',
        name: '数控技术',
        categoryCode: 'T4601',
        categoryName: '机械设计制造类',
        divisionCode: 'T46',
        divisionName: '装备制造大类',
      },
      {
        editionId: majorEdition!.id,
        level: 'higher',
        code: 'T510203',
        name: '软件技术',
        categoryCode: 'T5102',
        categoryName: '计算机类',
        divisionCode: 'T51',
        divisionName: '电子与信息大类',
      },
    ])
    .returning();
  const [industryEdition] = await db
    .insert(catalogueEditions)
    .values({ kind: 'industry', edition: 'test', title: '测试行业分类', source: 'test' })
    .returning();
  await db.insert(industries).values([
    { editionId: industryEdition!.id, code: '342', name: '金属加工机械制造', level: 'group', parentCode: '34' },
    { editionId: industryEdition!.id, code: '3421', name: '金属切削机床制造', level: 'class', parentCode: '342' },
    { editionId: industryEdition!.id, code: '6513', name: '应用软件开发', level: 'class', parentCode: '651' },
  ]);
  await db
    .insert(industryClusters)
    .values({ code: 'equipment', name: '装备制造', article: '二 (一) 3', sortOrder: 1 })
    .onConflictDoNothing();

  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const school = async (name: string, districtId: string, status: 'active' | 'pending' = 'active') => {
    const org = await makeOrganisation(db, 'school', { districtId, name });
    if (status !== 'active') await db.update(organisations).set({ status }).where(eq(organisations.id, org.id));
    await db.insert(schools).values({ organisationId: org.id, level: 'higher', ownership: 'public' });
    return org;
  };
  const rail = await school('郑州铁路职业技术学院', districtA.id);
  const zz = await school('郑州职业技术学院', districtA.id);
  const transport = await school('河南交通职业技术学院', districtB.id);
  await school('郑州待审职业学院', districtB.id, 'pending');
  await db.insert(programs).values([
    { schoolId: rail.id, majorId: cncMajor!.id, startYear: 2010 },
    { schoolId: zz.id, majorId: softMajor!.id, startYear: 2012 },
    { schoolId: transport.id, majorId: softMajor!.id, startYear: 2012, status: 'archived' },
  ]);
  const enterprise = async (
    name: string,
    code: string,
    districtId: string,
    industryCode: string,
    integrationStatus: 'none' | 'certified_city',
  ) => {
    const org = await makeOrganisation(db, 'enterprise', { districtId, name });
    await db.update(organisations).set({ code }).where(eq(organisations.id, org.id));
    await db.insert(enterprises).values({
      organisationId: org.id,
      size: 'small',
      industryCode,
      clusterCode: industryCode === '3421' ? 'equipment' : null,
      staffCount: 80,
      integrationStatus,
    });
    return { ...org, code };
  };
  const cnc = await enterprise('郑州华兴数控设备有限公司', '91410100MA4A1B2C3D', districtA.id, '3421', 'certified_city');
  const lathe = await enterprise('郑州精工重型机械有限公司', '91410100MA5B2C3D4E', districtB.id, '3421', 'none');
  await enterprise('郑州云帆软件有限公司', '91410100MA6C3D4E5F', districtB.id, '6513', 'none');

  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    districtB: await makeUser(db, 'district', districtB.id),
    schoolAdmin: await makeUser(db, 'school_admin', rail.id),
    student: await makeUser(db, 'student', rail.id),
    enterpriseAdmin: await makeUser(db, 'enterprise_admin', lathe.id),
  };
  return { rail, zz, transport, cnc, lathe, users };
}
