import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeUscc } from '../../core/codes/index.ts';
import { grantsFor } from '../../core/authz/index.ts';
import { IMPORT_SPECS } from '../../core/imports/index.ts';
import {
  auditLog,
  catalogueEditions,
  enterprises,
  industries,
  industryClusters,
  organisations,
  programs,
  programYears,
  schools,
  searchDocuments,
  teachers,
} from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildWorld, csvText, download, idNumber, importFile, schoolCode, signIn, upload, xlsx, type World } from './imports-fixtures.ts';

const headers = (entity: keyof typeof IMPORT_SPECS) => IMPORT_SPECS[entity].columns.map((c) => c.header);
const row = (entity: keyof typeof IMPORT_SPECS, values: Record<string, unknown>) => headers(entity).map((h) => values[h] ?? null);

/** Schools, enterprises, programs and teachers: each register's rules, upsert by natural key, and who may import it. */
for (const engine of testEngines()) {
  describe(`import of schools, enterprises, programs, teachers [${engine.name}]`, () => {
    let server: TestServer;
    let world: World;
    before(async () => {
      server = await startTestServer(engine);
      world = await buildWorld(server);
      const db = server.services.database.db;
      const [edition] = await db
        .insert(catalogueEditions)
        .values({ kind: 'industry', edition: `test-${Date.now()}`, title: 'GB/T 4754-2017', source: 'test' })
        .returning();
      await db
        .insert(industries)
        .values({ editionId: edition!.id, code: '3411', name: '锅炉及辅助设备制造', level: 'class', parentCode: '341' });
      await db
        .insert(industryClusters)
        .values({ code: 'equipment', name: '装备制造', article: '二 (一) 3', sortOrder: 1 })
        .onConflictDoNothing();
    });
    after(() => server.close());
    const db = () => server.services.database.db;

    test('schools: the bureau creates and updates schools by 学校标识码; unchanged ones are left alone', async () => {
      const c = await signIn(server, world, 'cityAdmin');
      const code = schoolCode();
      const values = {
        学校标识码: code,
        学校名称: '郑州测试智能制造职业学校',
        办学层次: '中职',
        所在区县: world.districtA.name,
        举办性质: '民办',
        是否企业举办: '是',
        核定编制数: 88,
      };
      const first = await importFile(c, 'schools', 'schools.csv', Buffer.from(csvText([headers('schools'), row('schools', values)])));
      assert.equal(first.result.outcome, 'imported', JSON.stringify(first.result.issues));
      assert.equal(first.result.inserted, 1);
      const [org] = await db()
        .select()
        .from(organisations)
        .where(and(eq(organisations.kind, 'school'), eq(organisations.code, code)));
      const [s] = await db().select().from(schools).where(eq(schools.organisationId, org!.id));
      assert.deepEqual(
        [org!.districtId, s!.ownership, s!.enterpriseRun, s!.staffingQuota, s!.level],
        [world.districtA.id, 'private', true, 88, 'secondary'],
      );
      const [doc] = await db()
        .select()
        .from(searchDocuments)
        .where(and(eq(searchDocuments.entityType, 'school'), eq(searchDocuments.entityId, org!.id)));
      assert.equal(doc?.title, '郑州测试智能制造职业学校', 'an imported school is in the search index');
      const again = await importFile(c, 'schools', 'schools.csv', Buffer.from(csvText([headers('schools'), row('schools', values)])));
      assert.deepEqual([again.result.inserted, again.result.updated, again.result.unchanged], [0, 0, 1]);
      const renamed = await importFile(
        c,
        'schools',
        's.csv',
        Buffer.from(
          csvText([headers('schools'), row('schools', { ...values, 学校名称: '郑州测试智能制造职业技术学校', 核定编制数: null })]),
        ),
      );
      assert.deepEqual([renamed.result.updated, renamed.result.unchanged], [1, 0]);
      const [after] = await db().select().from(organisations).where(eq(organisations.id, org!.id));
      assert.equal(after!.version, org!.version + 1, 'an import edit bumps the version like any edit');
      const [audit] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, org!.id), eq(auditLog.action, 'import.update')));
      assert.deepEqual(Object.keys(audit!.changes), ['name'], 'an empty 核定编制数 keeps the stored value');
    });

    test("schools: a district imports its own district's schools only; a school admin may not import schools", async () => {
      const d = await signIn(server, world, 'districtA');
      const mine = {
        学校标识码: schoolCode(),
        学校名称: '测试区属职业学校',
        办学层次: '中职',
        所在区县: world.districtA.name,
        举办性质: '公办',
      };
      assert.equal(
        (await importFile(d, 'schools', 's.csv', Buffer.from(csvText([headers('schools'), row('schools', mine)])))).result.outcome,
        'imported',
      );
      const theirs = { ...mine, 学校标识码: world.schoolB.code, 所在区县: world.districtB.name };
      const job = await importFile(d, 'schools', 's.csv', Buffer.from(csvText([headers('schools'), row('schools', theirs)])));
      assert.equal(job.result.outcome, 'rejected');
      assert.deepEqual(job.result.issues.map((i: { column: string }) => i.column).sort(), ['学校标识码', '所在区县']);
      const admin = await signIn(server, world, 'schoolAdminA');
      assert.equal((await download(admin, '/api/imports/schools/template')).status, 403);
    });

    test('enterprises: USCC validated and used as the key; industry and cluster from the catalogues', async () => {
      const c = await signIn(server, world, 'districtA');
      const uscc = makeUscc('91', '410100', `MA${String(Date.now() % 1e6).padStart(6, '0')}`);
      const good = {
        统一社会信用代码: uscc,
        企业名称: '郑州测试装备有限公司',
        所在区县: world.districtA.name,
        企业规模: '中型',
        行业代码: '3411',
        产业集群: '装备制造',
        职工人数: 320,
        '职工工资总额（元）': 25_000_000,
        是否规模以上企业: '是',
      };
      const bad = { ...good, 统一社会信用代码: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') };
      const rejected = await importFile(
        c,
        'enterprises',
        'e.xlsx',
        await xlsx([headers('enterprises'), row('enterprises', good), row('enterprises', bad)]),
      );
      assert.equal(rejected.result.outcome, 'rejected');
      assert.deepEqual(
        rejected.result.issues.map((i: { row: number; column: string }) => [i.row, i.column]),
        [[3, '统一社会信用代码']],
      );
      const job = await importFile(c, 'enterprises', 'e.xlsx', await xlsx([headers('enterprises'), row('enterprises', good)]));
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      const [org] = await db()
        .select()
        .from(organisations)
        .where(and(eq(organisations.kind, 'enterprise'), eq(organisations.code, uscc)));
      const [e] = await db().select().from(enterprises).where(eq(enterprises.organisationId, org!.id));
      assert.deepEqual(
        [e!.size, e!.industryCode, e!.clusterCode, e!.staffCount, e!.payrollYuan, e!.aboveDesignatedSize],
        ['medium', '3411', 'equipment', 320, 25_000_000, true],
      );
      const again = await importFile(c, 'enterprises', 'e.xlsx', await xlsx([headers('enterprises'), row('enterprises', good)]));
      assert.deepEqual([again.result.inserted, again.result.updated, again.result.unchanged], [0, 0, 1]);
      const unknown = await importFile(
        c,
        'enterprises',
        'e.xlsx',
        await xlsx([headers('enterprises'), row('enterprises', { ...good, 行业代码: '9999', 所在区县: world.districtB.name })]),
      );
      assert.deepEqual(unknown.result.issues.map((i: { column: string }) => i.column).sort(), ['所在区县', '行业代码']);
    });

    test('programs: by school and major code; a major outside the catalogue is refused', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const values = {
        学校标识码: world.schoolA.code,
        专业代码: '510203',
        专业名称: '软件技术',
        开设年份: 2021,
        招生人数: 90,
        实践性教学课时占比: '60%',
      };
      const job = await importFile(
        c,
        'programs',
        'p.xlsx',
        await xlsx([
          headers('programs'),
          row('programs', values),
          row('programs', { ...values, 专业代码: '510201', 专业名称: null, 开设年份: 2019 }),
        ]),
      );
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      assert.deepEqual(
        [job.result.inserted, job.result.updated],
        [1, 1],
        'the world already had 510201 at school A (start year 2019, enrolment changes)',
      );
      const list = await db().select().from(programs).where(eq(programs.schoolId, world.schoolA.id));
      assert.equal(list.length, 2);
      assert.ok(list.some((p) => Number(p.practiceShare) === 0.6 && p.enrolment === 90));
      const bad = await importFile(
        c,
        'programs',
        'p.xlsx',
        await xlsx([
          headers('programs'),
          row('programs', { ...values, 专业代码: '123456', 专业名称: null }),
          row('programs', { ...values, 专业名称: '数控技术' }),
        ]),
      );
      assert.deepEqual(
        bad.result.issues.map((i: { row: number; column: string }) => [i.row, i.column]),
        [
          [2, '专业代码'],
          [3, '专业名称'],
        ],
      );
    });

    test("programs: a year's intake and graduates go to the program's years; the current intake follows the latest year", async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const values = { 学校标识码: world.schoolA.code, 专业代码: '510203', 开设年份: 2021, 统计年份: 2024, 招生人数: 100, 毕业人数: 80 };
      const job = await importFile(c, 'programs', 'p.xlsx', await xlsx([headers('programs'), row('programs', values)]));
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      const [p] = await db()
        .select()
        .from(programs)
        .innerJoin(programYears, eq(programYears.programId, programs.id))
        .where(and(eq(programs.schoolId, world.schoolA.id), eq(programYears.year, 2024)));
      assert.deepEqual([p!.program_years.enrolment, p!.program_years.graduates, p!.programs.enrolment], [100, 80, 100]);
      const older = await importFile(
        c,
        'programs',
        'p.xlsx',
        await xlsx([headers('programs'), row('programs', { ...values, 统计年份: 2023, 招生人数: 70, 毕业人数: null })]),
      );
      assert.deepEqual([older.result.updated], [1]);
      const [after] = await db().select().from(programs).where(eq(programs.id, p!.programs.id));
      assert.equal(after!.enrolment, 100, 'an older year does not change the current intake');
      assert.equal(after!.version, p!.programs.version + 1);
      const again = await importFile(c, 'programs', 'p.xlsx', await xlsx([headers('programs'), row('programs', values)]));
      assert.deepEqual([again.result.updated, again.result.unchanged], [0, 1]);
      const yearless = await importFile(
        c,
        'programs',
        'p.xlsx',
        await xlsx([headers('programs'), row('programs', { ...values, 统计年份: null, 毕业人数: null })]),
      );
      assert.equal(yearless.result.outcome, 'rejected');
      assert.match(yearless.result.issues[0].reason, /已按年度登记招生人数/);
    });

    test('teachers: by ID number, stored protected; a school admin cannot import into another school', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const id = idNumber('male');
      const values = {
        学校标识码: world.schoolA.code,
        姓名: '李老师',
        身份证号码: id,
        聘用类型: '产业导师',
        任教类别: '专业课',
        是否双师型: '是',
      };
      const job = await importFile(c, 'teachers', 't.xlsx', await xlsx([headers('teachers'), row('teachers', values)]));
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      const [t] = await db().select().from(teachers).where(eq(teachers.name, '李老师'));
      assert.deepEqual([t!.schoolId, t!.employment, t!.subject, t!.dualQualified], [world.schoolA.id, 'industryMentor', 'specialty', true]);
      const again = await importFile(
        c,
        'teachers',
        't.xlsx',
        await xlsx([headers('teachers'), row('teachers', { ...values, 是否双师型: null })]),
      );
      assert.deepEqual([again.result.inserted, again.result.updated, again.result.unchanged], [0, 0, 1]);
      const other = await importFile(
        c,
        'teachers',
        't.xlsx',
        await xlsx([headers('teachers'), row('teachers', { ...values, 学校标识码: world.schoolB.code, 身份证号码: idNumber() })]),
      );
      assert.equal(other.result.outcome, 'rejected');
      const teacher = await signIn(server, world, 'teacherA');
      assert.equal((await upload(teacher, 'teachers', 't.xlsx', await xlsx([headers('teachers')]))).status, 403);
    });

    test('every template downloads with its headers and example row', async () => {
      const c = await signIn(server, world, 'cityAdmin');
      for (const entity of Object.keys(IMPORT_SPECS) as (keyof typeof IMPORT_SPECS)[]) {
        // 学习成果 are issued by a school or an enterprise, not the bureau (test/api/credit-bank-import.test.ts covers its template).
        if (!grantsFor({ resource: 'import', action: entity }).city_admin) continue;
        const t = await download(c, `/api/imports/${entity}/template`);
        assert.equal(t.status, 200, entity);
        assert.deepEqual(t.rows[0], headers(entity), entity);
        assert.deepEqual(
          t.rows[1]!.map(String),
          IMPORT_SPECS[entity].columns.map((col) => col.example),
          entity,
        );
      }
    });
  });
}
