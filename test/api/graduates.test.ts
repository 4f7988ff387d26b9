import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { graduateDestinations, organisations, students } from '../../server/platform/db/schema/index.ts';
import { makeEnterprise } from '../support/registry.ts';
import { makeStudent, makeUser } from '../support/factory.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { csvText, importFile, waitForJob } from './imports-fixtures.ts';
import { auditRows, buildRegistryWorld, idNumber, put, signIn, type RegistryWorld } from './registry-fixtures.ts';
import { TestClient } from '../support/client.ts';
import { TEST_PASSWORD } from '../support/factory.ts';

/**
 * 毕业去向 (issue 16) over real HTTP: the school's form and import, the employer's confirmation, the student's own
 * view and correction, and 留郑率 / 中职升学率 computed from them (this page, the cockpit, the drill-down).
 */
for (const engine of testEngines()) {
  describe(`graduates [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const s: Record<string, { id: string; name: string; idNumber: string }> = {};
    let otherEnterprise: { id: string };
    let otherEnterpriseAdmin: { username: string };
    let studentUserB: { username: string; id: string };
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const login = async (username: string) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(username, TEST_PASSWORD)).status, 200);
      return c;
    };

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const db = w.db;
      const pii = server.services.pii;
      const make = async (key: string, schoolId: string, status: 'enrolled' | 'graduated' | 'withdrawn', userId?: string) => {
        const id = idNumber();
        const row = await makeStudent(db, pii, schoolId, { userId, idNumber: id });
        // The real index of the number, so that the spreadsheet import finds the student by it.
        await db
          .update(students)
          .set({ status, cohort: 2022, idNumberIndex: pii.index(id) })
          .where(eq(students.id, row.id));
        s[key] = { id: row.id, name: row.name, idNumber: id };
      };
      await make('a1', w.schoolA.id, 'graduated', w.users.studentA.id);
      await make('a2', w.schoolA.id, 'graduated');
      await make('a3', w.schoolA.id, 'graduated');
      await make('a4', w.schoolA.id, 'graduated');
      await make('enrolled', w.schoolA.id, 'enrolled');
      studentUserB = await makeUser(db, 'student', w.schoolB.id);
      await make('b1', w.schoolB.id, 'graduated', studentUserB.id);
      otherEnterprise = await makeEnterprise(db, w.districtB.id);
      otherEnterpriseAdmin = await makeUser(db, 'enterprise_admin', otherEnterprise.id);
    });
    after(() => server.close());

    const employed = (extra: Record<string, unknown> = {}) => ({
      graduationYear: 2025,
      categoryCode: '11',
      employerName: '郑州某装备有限公司',
      industryCode: 'C',
      districtId: w.districtA.id,
      ...extra,
    });

    test('the school lists its graduates (not enrolled students) and enters a destination; the write is audited', async () => {
      const c = await as('schoolAdminA');
      const list = await c.get('/api/graduates?surveyPoint=graduation');
      assert.equal(list.status, 200);
      const ids = list.body.items.map((r: { studentId: string }) => r.studentId);
      assert.ok(ids.includes(s.a1!.id) && !ids.includes(s.enrolled!.id) && !ids.includes(s.b1!.id));
      assert.equal(list.body.items[0].graduationYear, 2025, 'cohort 2022 + 3 years of a 中职');
      const res = await put(
        c,
        `/api/graduates/${s.a1!.id}/destinations/graduation`,
        employed({ employerOrganisationId: w.enterprise.id, employerName: null }),
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.categoryName, '签劳动合同形式就业');
      assert.equal(res.body.confirmation, 'pending', 'an employer on the platform is asked to confirm');
      assert.equal(res.body.inZhengzhou, true);
      assert.equal(res.body.employerName, w.enterprise.name, 'the register name of a platform enterprise');
      const audits = await auditRows(w.db, 'graduateDestination', res.body.id);
      assert.equal(audits[0]!.action, 'create');
      const inbox = await (await as('enterpriseAdmin')).get('/api/notifications');
      assert.ok(
        inbox.body.items.some(
          (n: { kind: string; link: string }) => n.kind === 'graduateConfirmation' && n.link === '/graduates/confirmations',
        ),
        'the employer is asked to confirm',
      );
      const again = await put(
        c,
        `/api/graduates/${s.a1!.id}/destinations/graduation`,
        employed({ employerOrganisationId: w.enterprise.id }),
      );
      assert.equal(again.status, 409, 'an edit names the version it read');
      const filtered = await c.get('/api/graduates?surveyPoint=graduation&state=missing');
      assert.ok(!filtered.body.items.some((r: { studentId: string }) => r.studentId === s.a1!.id));
    });

    test('bad input: a student who did not graduate, missing fields of the category, a district not in the catalogue, years that differ', async () => {
      const c = await as('schoolAdminA');
      const notGraduated = await put(c, `/api/graduates/${s.enrolled!.id}/destinations/graduation`, employed());
      assert.equal(notGraduated.status, 422);
      assert.equal(notGraduated.body.code, 'RULE_VIOLATION');
      assert.match(notGraduated.body.message, /尚未毕业/);
      const missing = await put(c, `/api/graduates/${s.a2!.id}/destinations/graduation`, { graduationYear: 2025, categoryCode: '11' });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.fields.employerName && missing.body.fields.industryCode && missing.body.fields.districtId);
      const study = await put(c, `/api/graduates/${s.a2!.id}/destinations/graduation`, {
        graduationYear: 2025,
        categoryCode: '80',
        districtId: w.schoolA.id,
      });
      assert.equal(study.status, 400);
      assert.ok(study.body.fields.studySchool && study.body.fields.studyLevel && study.body.fields.studyFullTime);
      assert.match(study.body.fields.districtId, /不在郑州市行政区划目录中/);
      const code = await put(c, `/api/graduates/${s.a2!.id}/destinations/graduation`, { graduationYear: 2025, categoryCode: '99' });
      assert.equal(code.status, 400);
      assert.ok(code.body.fields.categoryCode);
      const year = await put(c, `/api/graduates/${s.a1!.id}/destinations/sixMonths`, employed({ graduationYear: 2024 }));
      assert.equal(year.status, 400);
      assert.match(year.body.fields.graduationYear, /毕业年份须一致/);
      const n = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(graduateDestinations)
        .where(eq(graduateDestinations.studentId, s.a2!.id));
      assert.equal(n[0]!.n, 0, 'nothing half-written');
    });

    test('who may not: another school (404), a teacher, a student or an enterprise writing (403), a district outside', async () => {
      const other = await as('schoolAdminA2');
      assert.equal((await put(other, `/api/graduates/${s.a2!.id}/destinations/graduation`, employed())).status, 404);
      assert.equal((await other.get(`/api/graduates/${s.a1!.id}`)).status, 404);
      assert.equal((await put(await as('teacherA'), `/api/graduates/${s.a2!.id}/destinations/graduation`, employed())).status, 403);
      assert.equal((await put(await as('studentA'), `/api/graduates/${s.a2!.id}/destinations/graduation`, employed())).status, 403);
      assert.equal((await (await as('enterpriseAdmin')).get('/api/graduates')).status, 403);
      assert.equal((await (await as('teacherA')).get(`/api/graduates/${s.a1!.id}`)).status, 200, 'a teacher of the school reads');
      assert.equal((await (await as('districtB')).get(`/api/graduates/${s.a1!.id}`)).status, 404);
      const districtA = await (await as('districtA')).get(`/api/graduates/${s.a1!.id}`);
      assert.equal(districtA.status, 200);
      assert.equal(districtA.body.items.length, 1);
      const listB = await (await as('districtB')).get('/api/graduates');
      assert.deepEqual(
        listB.body.items.map((r: { studentId: string }) => r.studentId),
        [s.b1!.id],
        "a district lists its own schools' graduates only",
      );
      assert.equal((await (await as('schoolAdminA')).get('/api/my/graduate-destinations')).status, 403);
      assert.equal((await (await as('schoolAdminA')).get('/api/graduate-confirmations')).status, 403);
      assert.equal((await new TestClient(server.url).get('/api/graduates/catalogue')).status, 401);
      assert.equal((await (await as('schoolAdminA')).get('/api/imports/destinations/template')).status, 200);
      assert.equal((await (await as('districtA')).get('/api/imports/destinations/template')).status, 403, 'the school enters its own');
    });

    test('the employer on the platform confirms its own graduates only', async () => {
      const ent = await as('enterpriseAdmin');
      const list = await ent.get('/api/graduate-confirmations');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 1);
      const row = list.body.items[0];
      assert.equal(row.confirmation, 'pending');
      const stranger = await login(otherEnterpriseAdmin.username);
      assert.equal((await stranger.get('/api/graduate-confirmations')).body.total, 0);
      assert.equal((await stranger.post(`/api/graduate-confirmations/${row.id}`, { version: row.version, confirmed: true })).status, 404);
      assert.equal(
        (await (await as('schoolAdminA')).post(`/api/graduate-confirmations/${row.id}`, { version: row.version, confirmed: true })).status,
        403,
      );
      const ok = await ent.post(`/api/graduate-confirmations/${row.id}`, { version: row.version, confirmed: true, note: '已入职' });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.confirmation, 'confirmed');
      assert.equal((await ent.post(`/api/graduate-confirmations/${row.id}`, { version: row.version, confirmed: true })).status, 409);
      assert.equal((await auditRows(w.db, 'graduateDestination', row.id)).at(-1)!.action, 'confirm');
    });

    test('the student sees and corrects his or her own destination; the school sees the correction', async () => {
      const me = await as('studentA');
      const mine = await me.get('/api/my/graduate-destinations');
      assert.equal(mine.status, 200);
      assert.equal(mine.body.items.length, 1);
      const d = mine.body.items[0];
      const body = {
        version: d.version,
        graduationYear: 2025,
        categoryCode: '80',
        studySchool: '郑州职业技术学院',
        studyLevel: 'zhuanke',
        studyFullTime: true,
        districtId: w.districtA.id,
        note: '我已被高职录取，没有去企业',
      };
      const bad = await me.post(`/api/my/graduate-destinations/${d.id}/correction`, { ...body, studyLevel: null });
      assert.equal(bad.status, 400);
      const res = await me.post(`/api/my/graduate-destinations/${d.id}/correction`, body);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.correction.categoryName, '升学');
      assert.equal(res.body.categoryCode, '11', "the school's record stands until the school changes it");
      const theirs = await login(studentUserB.username);
      assert.equal(
        (await theirs.post(`/api/my/graduate-destinations/${d.id}/correction`, { ...body, version: res.body.version })).status,
        404,
      );
      assert.equal((await theirs.get('/api/my/graduate-destinations')).body.items.length, 0);
      assert.equal((await (await as('schoolAdminA')).post(`/api/my/graduate-destinations/${d.id}/correction`, body)).status, 403);
      const school = await as('schoolAdminA');
      const flagged = await school.get('/api/graduates?state=correction');
      assert.deepEqual(
        flagged.body.items.map((r: { studentId: string }) => r.studentId),
        [s.a1!.id],
      );
      // The school takes the correction over: the row changes and the correction is closed.
      const { note: _n, version: _v, ...fields } = body;
      const applied = await put(school, `/api/graduates/${s.a1!.id}/destinations/graduation`, { ...fields, version: res.body.version });
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      assert.equal(applied.body.correction, null);
      assert.equal(applied.body.confirmation, 'none', 'no employer left to confirm');
    });

    test('an import: a district not in the catalogue and a student who did not graduate are row errors, nothing written; a good file imports', async () => {
      const c = await as('schoolAdminA');
      const header = [
        '身份证号码',
        '姓名',
        '毕业年份',
        '调查时点',
        '毕业去向',
        '单位名称',
        '行业代码',
        '录取学校',
        '就读层次',
        '是否全日制',
        '所在区县',
        '单位统一社会信用代码',
        '备注',
      ];
      const districtName = (await w.db.select().from(organisations).where(eq(organisations.id, w.districtA.id)))[0]!.name;
      const bad = csvText([
        header,
        [s.a2!.idNumber, s.a2!.name, 2025, '毕业时', '11', '某公司', 'C', '', '', '', '火星区'],
        [s.enrolled!.idNumber, s.enrolled!.name, 2025, '毕业时', '70', '', '', '', '', '', ''],
        [s.b1!.idNumber, s.b1!.name, 2025, '毕业时', '70', '', '', '', '', '', ''],
      ]);
      const rejected = await importFile(c, 'destinations', '去向.csv', Buffer.from(bad));
      assert.equal(rejected.result.outcome, 'rejected', JSON.stringify(rejected.result));
      const reasons = rejected.result.issues.map((i: { row: number; column: string; reason: string }) => [i.row, i.column, i.reason]);
      assert.ok(
        reasons.some(([r, col, why]: [number, string, string]) => r === 2 && col === '所在区县' && /不在郑州市行政区划目录中/.test(why)),
        JSON.stringify(reasons),
      );
      assert.ok(
        reasons.some(([r, , why]: [number, string, string]) => r === 3 && /尚未毕业/.test(why)),
        JSON.stringify(reasons),
      );
      assert.ok(
        reasons.some(([r, , why]: [number, string, string]) => r === 4 && /不在您管理的学校/.test(why)),
        JSON.stringify(reasons),
      );
      const none = await w.db
        .select({ n: sql<number>`count(*)::int` })
        .from(graduateDestinations)
        .where(eq(graduateDestinations.studentId, s.a2!.id));
      assert.equal(none[0]!.n, 0);
      const good = csvText([
        header,
        [s.a2!.idNumber, s.a2!.name, 2025, '毕业时', '80', '', '', '郑州职业技术学院', '专科', '是', districtName],
        [s.a3!.idNumber, s.a3!.name, 2025, '毕业时', '签劳动合同形式就业', '上海某公司', '38', '', '', '', '郑州市外'],
        [s.a4!.idNumber, s.a4!.name, 2025, '毕业时', '70', '', '', '', '', '', ''],
        [s.a2!.idNumber, s.a2!.name, 2025, '毕业6个月', '80', '', '', '郑州职业技术学院', '专科', '是', districtName],
        [s.a3!.idNumber, s.a3!.name, 2025, '毕业6个月', '11', '上海某公司', '38', '', '', '', '郑州市外'],
        [s.a4!.idNumber, s.a4!.name, 2025, '毕业6个月', '76', '', '', '', '', '', districtName],
      ]);
      const job = await importFile(c, 'destinations', '去向.csv', Buffer.from(good));
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result));
      assert.equal(job.result.inserted, 6);
      assert.equal((await importFile(c, 'destinations', '去向.csv', Buffer.from(good))).result.unchanged, 6, 'a re-upload changes nothing');
      assert.equal((await (await as('teacherA')).post('/api/imports/destinations?fileName=x.csv', {})).status, 403);
    });

    test('留郑率 and 中职升学率 from the destinations, by school and major, with masked graduates; who may see them', async () => {
      // a1 at six months: further study in Zhengzhou.
      await put(await as('schoolAdminA'), `/api/graduates/${s.a1!.id}/destinations/sixMonths`, {
        graduationYear: 2025,
        categoryCode: '80',
        studySchool: '郑州职业技术学院',
        studyLevel: 'zhuanke',
        studyFullTime: true,
        districtId: w.districtA.id,
      });
      const city = await as('cityAdmin');
      const f = await city.get('/api/graduate-figures?by=school');
      assert.equal(f.status, 200, JSON.stringify(f.body));
      assert.equal(f.body.graduationYear, 2025);
      // Six months: a1 study (in), a2 study (in), a3 employed outside, a4 flexible (in) → 3 / 4.
      assert.deepEqual([f.body.retention.numerator, f.body.retention.denominator, f.body.retention.value], [3, 4, 75]);
      // At graduation: a1 (study, full-time 专科), a2 (study), a3 employed, a4 unplaced → 2 / 4 secondary graduates.
      assert.deepEqual([f.body.progression.numerator, f.body.progression.denominator, f.body.progression.value], [2, 4, 50]);
      assert.equal(f.body.retention.article, '一 (二)');
      assert.deepEqual(
        f.body.rows.map((r: { key: string }) => r.key),
        [w.schoolA.id],
      );
      const drill = await city.get('/api/graduate-figures/graduates?measure=retention&graduationYear=2025');
      assert.equal(drill.body.total, 4);
      assert.deepEqual(
        drill.body.items.map((r: { counted: boolean }) => r.counted),
        [true, true, true, false],
      );
      assert.ok(
        drill.body.items.every((r: { name: string }) => /^.\*+$/.test(r.name)),
        'names masked',
      );
      assert.equal(
        (await (await as('districtB')).get('/api/graduate-figures')).body.retention.denominator,
        0,
        'another district sees none',
      );
      assert.equal((await (await as('districtA')).get('/api/graduate-figures?by=district')).body.rows[0].key, w.districtA.id);
      for (const who of ['schoolAdminA', 'teacherA', 'studentA', 'enterpriseAdmin'] as const) {
        assert.equal((await (await as(who)).get('/api/graduate-figures')).status, 403, who);
        assert.equal((await (await as(who)).get('/api/graduate-figures/graduates?measure=retention&graduationYear=2025')).status, 403, who);
      }
      const drillB = await (await as('districtB')).get('/api/graduate-figures/graduates?measure=retention&graduationYear=2025');
      assert.equal(drillB.body.total, 0, "another district's graduates are not listed");
      const bySchool = await city.get(
        `/api/graduate-figures/graduates?measure=progression&graduationYear=2025&by=school&key=${w.schoolA.id}&part=counted`,
      );
      assert.equal(bySchool.body.total, 2, 'the counted graduates of one breakdown row');

      // The cockpit computes the same figures.
      const run = await city.post('/api/indicators/recompute', {});
      assert.equal(run.status, 202);
      assert.equal((await waitForJob(city, run.body.id)).status, 'succeeded');
      const cockpit = (await city.get('/api/cockpit')).body;
      const target = (code: string) => cockpit.targets.find((t: { code: string }) => t.code === code);
      assert.deepEqual([target('graduate_retention_rate').value, target('graduate_retention_rate').method], [75, 'computed']);
      assert.equal(target('secondary_progression_rate').value, 50);
      const cd = await city.get('/api/cockpit/drill/secondary_progression_rate');
      assert.equal(cd.status, 200, JSON.stringify(cd.body));
      assert.equal(cd.body.total, 4);
      assert.match(cd.body.title, /2025届/);
    });

    test('the list and the figures export as .xlsx with ID numbers masked, within the reader’s scope', async () => {
      const school = await as('schoolAdminA');
      const rowsOf = async (c: TestClient, path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: { cookie: c.cookie } });
        assert.equal(res.status, 200, path);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const out: unknown[][] = [];
        wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      const list = await rowsOf(school, '/api/exports/graduates?surveyPoint=graduation');
      assert.equal(list[0]![1], '身份证号（脱敏）');
      assert.equal(list.length - 1, 4, "school A's four graduates");
      assert.ok(list.slice(1).every((r) => /\*{8}/.test(String(r[1]))) && !JSON.stringify(list).includes(s.a1!.idNumber));
      const figures = await rowsOf(await as('cityAdmin'), '/api/exports/graduate-figures?by=school');
      assert.deepEqual(figures.at(-1)!.slice(0, 5), ['合计', 2025, 3, 4, 75]);
      assert.equal((await fetch(`${server.url}/api/exports/graduate-figures`, { headers: { cookie: school.cookie } })).status, 403);
    });

    test('the catalogue of categories and the definitions come from the policy file', async () => {
      const res = await (await as('studentA')).get('/api/graduates/catalogue');
      assert.equal(res.status, 200);
      assert.ok(res.body.categories.some((c: { code: string; group: string }) => c.code === '46' && c.group === 'enlisted'));
      assert.match(res.body.retentionDefinition, /毕业6个月/);
    });
  });
}
