import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { organisations, schools } from '../../server/platform/db/schema/index.ts';
import { makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { todayOf } from '../../core/calendar.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 生均财政拨款 (issue 18 item 3) over real HTTP: the school's yearly declaration, the lists with standing and their
 * export for the district, the bureau and the departments, the 市财政局's 普高 figure, and the two funding targets
 * computed in the cockpit with their drill-down.
 */
for (const engine of testEngines()) {
  describe(`funding [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let financeUser: { username: string };
    let higherAdmin: { username: string };
    let higher: { id: string };
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const login = async (username: string) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(username, TEST_PASSWORD)).status, 200);
      return c;
    };
    // The test server's clock is the real one (its Beijing year): last year is always declarable, next year never.
    const thisYear = Number(todayOf(new Date()).slice(0, 4));
    const lastYear = thisYear - 1;

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const db = w.db;
      const finance = await makeOrganisation(db, 'department', { name: '市财政局' });
      await db.update(organisations).set({ code: 'finance' }).where(eq(organisations.id, finance.id));
      financeUser = await makeUser(db, 'department', finance.id);
      // A public 高职 in district A beside the world's public 中职 schools.
      higher = await makeSchool(db, w.districtA.id);
      await db.update(schools).set({ level: 'higher' }).where(eq(schools.organisationId, higher.id));
      higherAdmin = await makeUser(db, 'school_admin', higher.id);
    });
    after(() => server.close());

    const declare = (c: TestClient, year: number, body: Record<string, unknown>) => put(c, `/api/funding/my-declarations/${year}`, body);

    test('a school declares its year: the per-student figure is derived, standing judged, the write audited; a correction names its version', async () => {
      const c = await login(higherAdmin.username);
      const res = await declare(c, lastYear, { appropriationYuan: 55_000_000, students: 5000 });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.perStudentYuan, res.body.group, res.body.standing, res.body.thresholdYuan],
        [11000, 'higher', 'below', 12000],
      );
      assert.equal((await auditRows(w.db, 'fundingDeclaration', res.body.id)).length, 1);
      const stale = await declare(c, lastYear, { appropriationYuan: 65_000_000, students: 5000 });
      assert.equal(stale.status, 409, 'a second declaration of the year without the version read');
      const fixed = await declare(c, lastYear, { appropriationYuan: 65_000_000, students: 5000, version: res.body.version });
      assert.equal(fixed.status, 200);
      assert.deepEqual([fixed.body.perStudentYuan, fixed.body.standing, fixed.body.version], [13000, 'meets', 2]);
      const mine = await c.get('/api/funding/my-declarations');
      assert.deepEqual([mine.body.group, mine.body.items.length, mine.body.higherFloorYuan], ['higher', 1, 12000]);
    });

    test('bad figures are refused naming the field and the rule; nothing is written', async () => {
      const c = await as('schoolAdminA');
      const cases: Array<[number, Record<string, unknown>, string, RegExp]> = [
        [lastYear, { appropriationYuan: -5, students: 100 }, 'appropriationYuan', /正数/],
        [lastYear, { appropriationYuan: 1500, students: 1000 }, 'appropriationYuan', /万元/],
        [lastYear, { appropriationYuan: 900_000_000, students: 1000 }, 'appropriationYuan', /上限/],
        [lastYear, { appropriationYuan: 1_000_000, students: 0 }, 'students', /正整数/],
        [thisYear + 1, { appropriationYuan: 1_000_000, students: 100 }, 'year', /未来/],
      ];
      for (const [year, body, field, message] of cases) {
        const res = await declare(c, year, body);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.match(res.body.fields[field], message, field);
      }
      const wrongType = await declare(c, lastYear, { appropriationYuan: '一百万', students: 100 });
      assert.equal(wrongType.status, 400);
      assert.equal((await c.get('/api/funding/my-declarations')).body.items.length, 0);
    });

    test('only the 市财政局 enters the 普高 figure; 中职 schools are then judged against it (above, not equal)', async () => {
      const school = await as('schoolAdminA');
      const a = await declare(school, lastYear, { appropriationYuan: 20_000_000, students: 1000 });
      assert.deepEqual([a.body.group, a.body.standing, a.body.thresholdYuan], ['secondary', 'noBenchmark', null]);
      const b = await declare(await as('schoolAdminB'), lastYear, { appropriationYuan: 15_000_000, students: 1000 });
      assert.equal(b.status, 200);

      for (const who of ['department', 'cityAdmin', 'districtA', 'schoolAdminA'] as const) {
        const res = await put(await as(who), `/api/funding/high-school/${lastYear}`, { perStudentYuan: 18000 });
        assert.equal(res.status, 403, who);
      }
      const fin = await login(financeUser.username);
      assert.equal(
        (await put(fin, `/api/funding/high-school/${lastYear}`, { perStudentYuan: 18 })).body.fields.perStudentYuan.includes('万元'),
        true,
      );
      assert.equal((await put(fin, `/api/funding/high-school/${thisYear + 1}`, { perStudentYuan: 18000 })).status, 400);
      const entered = await put(fin, `/api/funding/high-school/${lastYear}`, { perStudentYuan: 18000 });
      assert.equal(entered.status, 200, JSON.stringify(entered.body));
      assert.deepEqual([entered.body.perStudentYuan, entered.body.enteredByName], [18000, '市财政局']);
      assert.equal((await auditRows(w.db, 'highSchoolFunding', String(lastYear))).length, 1);
      const corrected = await put(fin, `/api/funding/high-school/${lastYear}`, { perStudentYuan: 20000, version: 1 });
      assert.equal(corrected.body.perStudentYuan, 20000);
      assert.deepEqual(
        [(await fin.get('/api/funding/high-school')).body.canEnter, (await fin.get('/api/funding/high-school')).body.enteredBy],
        [true, '市财政局'],
      );
      const seen = await (await as('districtA')).get('/api/funding/high-school');
      assert.equal(seen.body.canEnter, false);
      assert.equal(
        (await (await as('department')).get('/api/funding/high-school')).body.canEnter,
        false,
        'another department reads, may not enter',
      );
      assert.deepEqual(
        seen.body.items.map((h: { year: number; perStudentYuan: number }) => [h.year, h.perStudentYuan]),
        [[lastYear, 20000]],
      );
      // 20,000 is not above 20,000; 15,000 is below.
      const aNow = await school.get(`/api/funding/declarations/${a.body.id}`);
      assert.deepEqual([aNow.body.standing, aNow.body.thresholdYuan], ['below', 20000]);
      await put(fin, `/api/funding/high-school/${lastYear}`, { perStudentYuan: 19000, version: 2 });
      assert.equal((await school.get(`/api/funding/declarations/${a.body.id}`)).body.standing, 'meets');
      assert.equal((await as('enterpriseAdmin').then((c) => c.get('/api/funding/high-school'))).status, 403);
    });

    test('who reads which declarations: the school its own, a district its district, the bureau and departments all; others 403/404', async () => {
      const city = await as('cityAdmin');
      const all = await city.get(`/api/funding/declarations?year=${lastYear}`);
      assert.equal(all.status, 200);
      assert.equal(all.body.total, 3);
      assert.equal(all.body.items[0].standing, 'below', 'below-threshold schools first');
      assert.deepEqual(all.body.summary.secondary, { schools: 3, declared: 2, meeting: 1 });
      assert.deepEqual(all.body.summary.higher, { schools: 1, declared: 1, meeting: 1 });
      assert.equal((await (await as('department')).get(`/api/funding/declarations?year=${lastYear}`)).body.total, 3);
      const distB = await (await as('districtB')).get(`/api/funding/declarations?year=${lastYear}`);
      assert.deepEqual(
        distB.body.items.map((d: { schoolId: string }) => d.schoolId),
        [w.schoolB.id],
      );
      const schoolA = await as('schoolAdminA');
      const own = await schoolA.get(`/api/funding/declarations?year=${lastYear}`);
      assert.deepEqual(
        own.body.items.map((d: { schoolId: string }) => d.schoolId),
        [w.schoolA.id],
      );
      const other = all.body.items.find((d: { schoolId: string }) => d.schoolId === w.schoolB.id);
      assert.equal((await schoolA.get(`/api/funding/declarations/${other.id}`)).status, 404, "another school's declaration");
      assert.equal((await (await as('districtA')).get(`/api/funding/declarations/${other.id}`)).status, 404, "another district's school");
      assert.equal((await (await as('districtB')).get(`/api/funding/declarations/${other.id}`)).status, 200);
      for (const who of ['teacherA', 'studentA', 'enterpriseAdmin'] as const)
        assert.equal((await (await as(who)).get('/api/funding/declarations')).status, 403, who);
      for (const who of ['cityAdmin', 'department', 'districtA', 'teacherA'] as const) {
        assert.equal(
          (await put(await as(who), `/api/funding/my-declarations/${lastYear}`, { appropriationYuan: 1e7, students: 500 })).status,
          403,
          who,
        );
        assert.equal((await (await as(who)).get('/api/funding/my-declarations')).status, 403, who);
      }
      const belowOnly = await city.get(`/api/funding/declarations?year=${lastYear}&standing=below`);
      assert.deepEqual(
        belowOnly.body.items.map((d: { schoolId: string }) => d.schoolId),
        [w.schoolB.id],
      );
    });

    test('the list exports as .xlsx within the reader’s scope', async () => {
      const rowsOf = async (c: TestClient, path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: { cookie: c.cookie } });
        assert.equal(res.status, 200, path);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const out: unknown[][] = [];
        wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      const city = await rowsOf(await as('cityAdmin'), `/api/exports/funding-declarations?year=${lastYear}`);
      assert.equal(city[0]![0], '学校');
      assert.equal(city.length, 4, 'header and three schools');
      const distB = await rowsOf(await as('districtB'), `/api/exports/funding-declarations?year=${lastYear}`);
      assert.equal(distB.length, 2);
      assert.equal(distB[1]![8], '未达标');
      const res = await fetch(`${server.url}/api/exports/funding-declarations`, { headers: { cookie: (await as('teacherA')).cookie } });
      assert.equal(res.status, 403);
    });

    test('the cockpit computes both targets from the declarations, with the schools in the drill-down', async () => {
      const city = await as('cityAdmin');
      const run = await city.post('/api/indicators/recompute', {});
      assert.equal(run.status, 202);
      assert.equal((await waitForJob(city, run.body.id)).status, 'succeeded');
      const cockpit = (await city.get('/api/cockpit')).body;
      const target = (code: string) => cockpit.targets.find((t: { code: string }) => t.code === code);
      assert.deepEqual([target('per_student_funding').value, target('per_student_funding').method], [100, 'computed']);
      // schoolA (20,000) is above the 普高 19,000, schoolB (15,000) is below, schoolA2 has not declared.
      assert.deepEqual([target('secondary_per_student_funding').value, target('secondary_per_student_funding').method], [33.3, 'computed']);
      const drill = await city.get('/api/cockpit/drill/secondary_per_student_funding');
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.equal(drill.body.total, 3);
      assert.deepEqual(
        drill.body.items.map((i: { meets: boolean }) => i.meets),
        [false, false, true],
      );
      const drillB = await (await as('districtB')).get(`/api/cockpit/drill/secondary_per_student_funding?districtId=${w.districtB.id}`);
      assert.equal(drillB.body.total, 1);
    });
  });
}
