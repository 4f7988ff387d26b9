import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { piiAccessLog } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildWorld, download, idNumber, importFile, signIn, STUDENT_HEADER, studentRow, xlsx, type World } from './imports-fixtures.ts';

/**
 * Exports: the list's own filters and scope, the import template's columns (an export imports back),
 * personal data masked unless asked for by someone allowed to see it, and then logged per student.
 */
for (const engine of testEngines()) {
  describe(`exports [${engine.name}]`, () => {
    let server: TestServer;
    let world: World;
    const idsA = [idNumber(), idNumber()];
    const idB = idNumber();
    before(async () => {
      server = await startTestServer(engine);
      world = await buildWorld(server);
      const city = await signIn(server, world, 'cityAdmin');
      const file = await xlsx([
        STUDENT_HEADER,
        studentRow(world.schoolA, { 身份证号码: idsA[0], 姓名: '甲一', 入学年份: 2023 }),
        studentRow(world.schoolA, { 身份证号码: idsA[1], 姓名: '甲二', 入学年份: 2024, 手机号码: null }),
        studentRow(world.schoolB, { 身份证号码: idB, 姓名: '乙一' }),
      ]);
      assert.equal((await importFile(city, 'students', 's.xlsx', file)).result.outcome, 'imported');
    });
    after(() => server.close());

    test('students export masked by default, in scope, with the list filters', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const all = await download(c, '/api/exports/students');
      assert.equal(all.status, 200);
      assert.match(all.headers.get('content-type')!, /spreadsheetml/);
      assert.deepEqual(all.rows[0], STUDENT_HEADER);
      assert.deepEqual(
        all.rows.slice(1).map((r) => r[2]),
        ['甲一', '甲二'],
      );
      const [first] = all.rows.slice(1);
      assert.equal(first![3], `${idsA[0]!.slice(0, 6)}********${idsA[0]!.slice(14)}`);
      assert.equal(first![8], '138****8000');
      assert.ok(!JSON.stringify(all.rows).includes(idsA[0]!));
      const filtered = await download(c, '/api/exports/students?cohort=2024&page=3&pageSize=1');
      assert.deepEqual(
        filtered.rows.slice(1).map((r) => r[2]),
        ['甲二'],
        'same filters as the list; paging ignored',
      );
      const city = await signIn(server, world, 'cityAdmin');
      const bySchool = await download(city, `/api/exports/students?schoolId=${world.schoolB.id}`);
      assert.deepEqual(
        bySchool.rows.slice(1).map((r) => r[2]),
        ['乙一'],
      );
    });

    test('clear personal data only with studentPersonalInfo.read and on request; each exported student is logged', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const clear = await download(c, '/api/exports/students?personalInfo=true');
      assert.equal(clear.status, 200);
      assert.deepEqual(
        clear.rows.slice(1).map((r) => r[3]),
        idsA,
      );
      assert.equal(clear.rows[1]![8], '13800138000');
      const logged = await server.services.database.db
        .select()
        .from(piiAccessLog)
        .where(eq(piiAccessLog.userId, world.users.schoolAdminA!.id));
      assert.equal(logged.length, 2);
      assert.deepEqual(logged[0]!.fields, ['idNumber', 'phone']);

      const district = await signIn(server, world, 'districtA');
      const refused = await download(district, '/api/exports/students?personalInfo=true');
      assert.equal(refused.status, 403);
      assert.equal((await download(district, '/api/exports/students')).status, 200, 'masked is fine for the district');
      const teacher = await signIn(server, world, 'teacherA');
      assert.equal((await download(teacher, '/api/exports/students?personalInfo=true')).status, 403);
    });

    test('an export with clear personal data imports back unchanged', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const res = await fetch(`${server.url}/api/exports/students?personalInfo=true`, { headers: { cookie: c.cookie } });
      const job = await importFile(c, 'students', 'export.xlsx', Buffer.from(await res.arrayBuffer()));
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      assert.deepEqual([job.result.inserted, job.result.updated, job.result.unchanged], [0, 0, 2]);
      const masked = await fetch(`${server.url}/api/exports/students`, { headers: { cookie: c.cookie } });
      const rejected = await importFile(c, 'students', 'masked.xlsx', Buffer.from(await masked.arrayBuffer()));
      assert.equal(rejected.result.outcome, 'rejected', 'masked numbers cannot be imported');
    });

    test('schools, programs, teachers and enterprises export in scope; who may not gets 403', async () => {
      const c = await signIn(server, world, 'districtA');
      const schoolsSheet = await download(c, '/api/exports/schools');
      assert.equal(schoolsSheet.status, 200);
      assert.deepEqual(
        schoolsSheet.rows
          .slice(1)
          .map((r) => r[0])
          .sort(),
        [world.schoolA.code, world.schoolA2.code].sort(),
      );
      const progs = await download(c, '/api/exports/programs');
      assert.deepEqual(
        progs.rows.slice(1).map((r) => [r[0], r[2]]),
        [[world.schoolA.code, '510201']],
      );
      assert.equal((await download(c, '/api/exports/teachers')).status, 200);
      assert.equal((await download(c, '/api/exports/enterprises')).status, 200);
      const enterprise = await signIn(server, world, 'enterpriseAdmin');
      assert.equal((await download(enterprise, '/api/exports/students')).status, 403);
      assert.equal((await download(enterprise, '/api/exports/schools')).status, 403);
      const own = await download(enterprise, '/api/exports/enterprises');
      assert.equal(own.status, 200);
      const anonymous = await fetch(`${server.url}/api/exports/schools`);
      assert.equal(anonymous.status, 401);
    });
  });
}
