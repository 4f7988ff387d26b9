import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { waitForJob } from './imports-fixtures.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 劳动技术与职业体验课程 (issue 18, 二 (三) 7) over real HTTP: the developing school enters its courses with their
 * partner enterprises (a 职业体验 course without one is refused, naming the rule), staff read them in scope,
 * another school's course is 404, the public catalogue lists the open ones, and practical_courses counts the open
 * co-developed ones with a drill-down.
 */
for (const engine of testEngines()) {
  describe(`practical courses [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let courseId: string;
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const career = {
      kind: 'career',
      title: '小小机械工程师职业体验',
      stages: ['primary', 'junior'],
      hours: 8,
      summary: '在合作企业车间认识数控机床，动手完成一个小零件。',
      partnerIds: [] as string[],
    };

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    test('a 职业体验 course needs a partner enterprise: refused without one, naming the rule; bad input names its field', async () => {
      const school = await as('schoolAdminA');
      const bare = await school.post('/api/practical-courses', career);
      assert.equal(bare.status, 400, JSON.stringify(bare.body));
      assert.match(bare.body.fields.partnerIds, /职业体验课程须由学校与企业合作开发/);
      assert.match(bare.body.message, /二 \(三\) 7/);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ...career, partnerIds: [w.enterprise.id], kind: 'sport' }, 'kind'],
        [{ ...career, partnerIds: [w.enterprise.id], hours: 0 }, 'hours'],
        [{ ...career, partnerIds: [w.enterprise.id], stages: [] }, 'stages'],
        [{ ...career, partnerIds: [w.schoolB.id] }, 'partnerIds'],
      ];
      for (const [body, field] of cases) {
        const res = await school.post('/api/practical-courses', body);
        assert.equal(res.status, 400, field);
        assert.ok(res.body.fields[field], `${field}: ${JSON.stringify(res.body.fields)}`);
      }
      assert.equal((await school.get('/api/practical-courses')).body.total, 0, 'nothing written');
    });

    test('the school enters courses; a 劳动技术 course alone is catalogued but not counted; audited', async () => {
      const school = await as('schoolAdminA');
      const ok = await school.post('/api/practical-courses', { ...career, partnerIds: [w.enterprise.id] });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual([ok.body.kindLabel, ok.body.counted, ok.body.partners.length], ['职业体验课程', true, 1]);
      courseId = ok.body.id;
      assert.equal((await auditRows(w.db, 'practicalCourse', courseId)).length, 1);
      const alone = await school.post('/api/practical-courses', { ...career, kind: 'labour', title: '校园种植劳动课' });
      assert.equal(alone.status, 201);
      assert.equal(alone.body.counted, false);
      const list = (await school.get('/api/practical-courses')).body;
      assert.deepEqual([list.total, list.counted, list.canEnter], [2, 1, true]);
    });

    test("who may: the school's staff, its district, the bureau and departments read; others 404; only the school writes", async () => {
      for (const who of ['schoolAdminA', 'teacherA', 'districtA', 'cityAdmin', 'department'] as const)
        assert.equal((await (await as(who)).get(`/api/practical-courses/${courseId}`)).status, 200, who);
      for (const who of ['schoolAdminB', 'schoolAdminA2', 'districtB'] as const)
        assert.equal((await (await as(who)).get(`/api/practical-courses/${courseId}`)).status, 404, who);
      assert.equal((await put(await as('schoolAdminB'), `/api/practical-courses/${courseId}`, { ...career, version: 1 })).status, 404);
      for (const who of ['enterpriseAdmin', 'studentA'] as const)
        assert.equal((await (await as(who)).get('/api/practical-courses')).status, 403, who);
      for (const who of ['teacherA', 'districtA', 'cityAdmin'] as const)
        assert.equal((await (await as(who)).post('/api/practical-courses', { ...career, partnerIds: [w.enterprise.id] })).status, 403, who);
      assert.equal((await (await as('districtB')).get('/api/practical-courses')).body.total, 0);
    });

    test('the public catalogue lists open courses; closing one removes it there and from the count', async () => {
      const other = await makeEnterprise(w.db, w.districtA.id);
      const school = await as('schoolAdminA');
      const edited = await put(school, `/api/practical-courses/${courseId}`, {
        ...career,
        partnerIds: [w.enterprise.id, other.id],
        version: 1,
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.partners.length, 2);
      const pub = await (await fetch(`${server.url}/api/public/practical-courses?stage=junior`)).json();
      assert.deepEqual(
        pub.items.map((c: { title: string }) => c.title),
        [career.title, '校园种植劳动课'],
        'open courses of the stage, the latest changed first',
      );
      assert.ok(pub.items.some((c: { title: string; partners: unknown[] }) => c.title === career.title && c.partners.length === 2));
      assert.ok(!('version' in pub.items[0]));

      const admin = await as('cityAdmin');
      const run = await admin.post('/api/indicators/recompute', {});
      assert.equal((await waitForJob(admin, run.body.id)).status, 'succeeded');
      const t = (await admin.get('/api/cockpit')).body.targets.find((x: { code: string }) => x.code === 'practical_courses');
      assert.deepEqual([t.value, t.method], [1, 'computed']);
      const drill = await admin.get('/api/cockpit/drill/practical_courses');
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.deepEqual([drill.body.total, drill.body.items[0].name], [1, career.title]);

      const closed = await put(school, `/api/practical-courses/${courseId}`, {
        ...career,
        partnerIds: [w.enterprise.id],
        status: 'closed',
        version: 2,
      });
      assert.equal(closed.body.counted, false);
      const after = await (await fetch(`${server.url}/api/public/practical-courses`)).json();
      assert.ok(!after.items.some((c: { title: string }) => c.title === career.title));
    });
  });
}
