import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 专业群 aligned to the plan's industry clusters, with member programs of the same school; the
 * 产教融合型重点专业 flag is the bureau's to set (任务清单 3).
 */
for (const engine of testEngines()) {
  describe(`major groups [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const p: Record<string, string> = {};
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const city = await signIn(server, w, 'cityAdmin');
      for (const [key, school, code] of [
        ['mech', w.schoolA.id, '460101'],
        ['mechatronics', w.schoolA.id, '460301'],
        ['nursing', w.schoolA.id, '520201'],
        ['b', w.schoolB.id, '460101'],
      ] as const) {
        const res = await city.post('/api/programs', { schoolId: school, majorId: w.major(code), startYear: 2020 });
        assert.equal(res.status, 201);
        p[key] = res.body.id;
      }
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);

    test('a school groups its programs under a cluster; the detail shows which majors the cluster lists', async () => {
      const c = await as('schoolAdminA');
      const res = await c.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '智能制造专业群',
        clusterCode: 'equipment',
        programIds: [p.mech, p.mechatronics],
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual([res.body.clusterName, res.body.keyMajor, res.body.programCount, res.body.version], ['装备制造', false, 2, 1]);
      const d = await c.get(`/api/major-groups/${res.body.id}`);
      assert.deepEqual(
        d.body.programs.map((x: { majorCode: string; inCluster: boolean }) => [x.majorCode, x.inCluster]),
        [
          ['460101', true],
          ['460301', false],
        ],
      );
      const audits = await auditRows(w.db, 'majorGroup', res.body.id);
      assert.equal(audits[0]!.action, 'create');
      assert.deepEqual(audits[0]!.changes.programIds!.after, [p.mech, p.mechatronics].sort());
    });

    test('only the bureau designates a 产教融合型重点专业（群）', async () => {
      const admin = await as('schoolAdminA');
      const claimed = await admin.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '护理专业群',
        clusterCode: 'biomedicine',
        programIds: [p.nursing],
        keyMajor: true,
      });
      assert.equal(claimed.status, 403);
      assert.ok(claimed.body.fields.keyMajor);
      const g = await admin.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '护理专业群',
        clusterCode: 'biomedicine',
        programIds: [p.nursing],
      });
      assert.equal(g.status, 201);
      assert.equal((await admin.patch(`/api/major-groups/${g.body.id}`, { version: 1, keyMajor: true })).status, 403);
      assert.equal((await (await as('districtA')).patch(`/api/major-groups/${g.body.id}`, { version: 1, keyMajor: true })).status, 403);
      const city = await as('cityAdmin');
      const designated = await city.patch(`/api/major-groups/${g.body.id}`, { version: 1, keyMajor: true });
      assert.equal(designated.status, 200);
      assert.equal(designated.body.keyMajor, true);
      // The school still edits its group; sending the flag unchanged is not a designation.
      const renamed = await admin.patch(`/api/major-groups/${g.body.id}`, {
        version: designated.body.version,
        name: '护理与助产专业群',
        keyMajor: true,
      });
      assert.equal(renamed.status, 200);
      const keyOnly = (await city.get('/api/major-groups?keyMajor=true&pageSize=200')).body.items.map((x: { id: string }) => x.id);
      assert.deepEqual(keyOnly, [g.body.id]);
      assert.deepEqual((await auditRows(w.db, 'majorGroup', g.body.id)).at(-2)!.changes.keyMajor, { before: false, after: true });
    });

    test('members from another school, an unknown cluster, a duplicate name: 400 / 409 naming the field', async () => {
      const c = await as('schoolAdminA');
      const foreign = await c.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '跨校专业群',
        clusterCode: 'equipment',
        programIds: [p.mech, p.b],
      });
      assert.equal(foreign.status, 400);
      assert.ok(foreign.body.fields['programIds.1']);
      assert.equal(foreign.body.fields['programIds.0'], undefined);
      const cluster = await c.post('/api/major-groups', { schoolId: w.schoolA.id, name: '未知集群专业群', clusterCode: 'no_such_cluster' });
      assert.equal(cluster.status, 400);
      assert.ok(cluster.body.fields.clusterCode);
      const twice = await c.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '重复专业群',
        clusterCode: 'equipment',
        programIds: [p.mech, p.mech],
      });
      assert.equal(twice.status, 400);
      assert.ok(twice.body.fields['programIds.1']);
      const dup = await c.post('/api/major-groups', { schoolId: w.schoolA.id, name: '智能制造专业群', clusterCode: 'equipment' });
      assert.equal(dup.status, 409);
      assert.ok(dup.body.fields.name);
    });

    test('scope: another school’s group is 404; a district sees its district’s; teachers read, may not write', async () => {
      const b = await (
        await as('schoolAdminB')
      ).post('/api/major-groups', { schoolId: w.schoolB.id, name: 'B校装备专业群', clusterCode: 'equipment', programIds: [p.b] });
      assert.equal(b.status, 201);
      const a = await as('schoolAdminA');
      assert.equal((await a.get(`/api/major-groups/${b.body.id}`)).status, 404);
      assert.equal((await a.patch(`/api/major-groups/${b.body.id}`, { version: 1, name: '改名' })).status, 404);
      assert.equal(
        (await a.post('/api/major-groups', { schoolId: w.schoolB.id, name: '越权专业群', clusterCode: 'equipment' })).status,
        404,
      );
      const district = (await (await as('districtA')).get('/api/major-groups?pageSize=200')).body.items as { schoolId: string }[];
      assert.ok(district.length > 0 && district.every((g) => g.schoolId === w.schoolA.id || g.schoolId === w.schoolA2.id));
      const teacher = await as('teacherA');
      assert.equal((await teacher.get('/api/major-groups')).status, 200);
      assert.equal(
        (await teacher.post('/api/major-groups', { schoolId: w.schoolA.id, name: '教师建群', clusterCode: 'equipment' })).status,
        403,
      );
      assert.equal((await (await as('enterpriseAdmin')).get('/api/major-groups')).status, 403);
    });

    test('members replaced with the version read; stale 409; archive keeps members, hidden by default', async () => {
      const c = await as('schoolAdminA');
      const g = await c.post('/api/major-groups', {
        schoolId: w.schoolA.id,
        name: '机电专业群',
        clusterCode: 'equipment',
        programIds: [p.mechatronics],
      });
      const edited = await c.patch(`/api/major-groups/${g.body.id}`, {
        version: 1,
        programIds: [p.mech, p.mechatronics],
        clusterCode: 'automotive',
      });
      assert.equal(edited.status, 200);
      assert.deepEqual([edited.body.programCount, edited.body.clusterCode], [2, 'automotive']);
      assert.equal((await c.patch(`/api/major-groups/${g.body.id}`, { version: 1, name: '过期' })).status, 409);
      const archived = await c.post(`/api/major-groups/${g.body.id}/archive`, { version: edited.body.version });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.programCount, 2);
      assert.ok(!(await c.get('/api/major-groups?pageSize=200')).body.items.some((x: { id: string }) => x.id === g.body.id));
      assert.ok(
        (await c.get('/api/major-groups?pageSize=200&includeArchived=true')).body.items.some((x: { id: string }) => x.id === g.body.id),
      );
      assert.equal((await c.patch(`/api/major-groups/${g.body.id}`, { version: archived.body.version, name: '归档后' })).status, 409);
      assert.deepEqual(
        (await auditRows(w.db, 'majorGroup', g.body.id)).map((a) => a.action),
        ['create', 'update', 'archive'],
      );
    });
  });
}
