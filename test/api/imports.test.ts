import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, importFiles, students } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  buildWorld,
  csvText,
  download,
  gbk,
  idNumber,
  importFile,
  signIn,
  STUDENT_HEADER,
  studentRow,
  upload,
  waitForJob,
  xlsx,
  type World,
} from './imports-fixtures.ts';

/**
 * Student import end to end over HTTP: upload → job → every row checked → all or nothing → report; GBK CSV,
 * formulas, merged cells, size and row limits, re-import idempotence, data scope.
 */
for (const engine of testEngines()) {
  describe(`student import [${engine.name}]`, () => {
    let server: TestServer;
    let world: World;
    before(async () => {
      server = await startTestServer(engine);
      world = await buildWorld(server);
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const countAt = async (schoolId: string) =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(students)
          .where(eq(students.schoolId, schoolId))
      )[0]!.n;

    test('a good file imports every row; personal information is stored protected and audited without its value', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const ids = [idNumber('male'), idNumber('female'), idNumber()];
      const file = await xlsx([
        STUDENT_HEADER,
        ...ids.map((id) => studentRow(world.schoolA, { 身份证号码: id, 学校名称: world.schoolA.name })),
      ]);
      const job = await importFile(c, 'students', '学生.xlsx', file);
      assert.equal(job.status, 'succeeded');
      assert.equal(job.kind, 'import.students');
      assert.equal(job.result.outcome, 'imported');
      assert.deepEqual([job.result.inserted, job.result.updated, job.result.unchanged, job.result.rowsRead], [3, 0, 0, 3]);
      assert.equal(job.progress.done, job.progress.total);
      const stored = await db()
        .select()
        .from(students)
        .where(
          inArray(
            students.idNumberIndex,
            ids.map((i) => server.services.pii.index(i)),
          ),
        );
      assert.equal(stored.length, 3);
      for (const s of stored) {
        assert.ok(!JSON.stringify(s).includes(ids[0]!) && s.idNumberCipher.startsWith('v2.'));
        assert.match(s.idNumberMasked, /^410105\*{8}\d{3}[\dX]$/);
        assert.equal(s.phoneMasked, '138****8000');
        assert.equal(s.status, 'enrolled');
      }
      const male = stored.find((s) => s.idNumberIndex === server.services.pii.index(ids[0]!))!;
      assert.equal(male.sex, 'male');
      const audits = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'student'), eq(auditLog.entityId, male.id)));
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.action, 'import.create');
      assert.equal(audits[0]!.actorUserId, world.users.schoolAdminA!.id);
      assert.deepEqual(audits[0]!.changes.idNumber, { before: null, after: '***' });
      assert.deepEqual(audits[0]!.changes.phone, { before: null, after: '***' });
      // The uploaded bytes (clear ID numbers) are dropped once the import has an outcome.
      const [f] = await db().select().from(importFiles).where(eq(importFiles.id, job.result.importId));
      assert.equal(f!.data, null);
      assert.equal(f!.outcome, 'imported');
      const summary = await c.get(`/api/imports/${job.result.importId}`);
      assert.equal(summary.status, 200);
      assert.equal(summary.body.outcome, 'imported');
    });

    test('re-importing the same file changes nothing; a changed row is updated and audited with its changed fields only', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const rows = [idNumber(), idNumber()].map((id) => studentRow(world.schoolA, { 身份证号码: id }));
      const file = await xlsx([STUDENT_HEADER, ...rows]);
      assert.equal((await importFile(c, 'students', 'a.xlsx', file)).result.inserted, 2);
      const auditCount = async () =>
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(eq(auditLog.entityType, 'student'))
        )[0]!.n;
      const before = await auditCount();
      const snapshot = await db().select().from(students).where(eq(students.schoolId, world.schoolA.id));
      const again = await importFile(c, 'students', 'a.xlsx', file);
      assert.deepEqual([again.result.inserted, again.result.updated, again.result.unchanged], [0, 0, 2]);
      assert.equal(await auditCount(), before);
      assert.deepEqual(
        await db().select().from(students).where(eq(students.schoolId, world.schoolA.id)),
        snapshot,
        'not even updated_at moves',
      );

      const changed = [...rows[0]!];
      changed[STUDENT_HEADER.indexOf('手机号码')] = '13900139000';
      changed[STUDENT_HEADER.indexOf('入学年份')] = 2023;
      const third = await importFile(c, 'students', 'b.xlsx', await xlsx([STUDENT_HEADER, changed, rows[1]!]));
      assert.deepEqual([third.result.inserted, third.result.updated, third.result.unchanged], [0, 1, 1], JSON.stringify(third));
      const [audit] = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'import.update'))
        .orderBy(sql`${auditLog.id} desc`)
        .limit(1);
      assert.deepEqual(Object.keys(audit!.changes).sort(), ['cohort', 'phone']);
      assert.deepEqual(audit!.changes.cohort, { before: 2024, after: 2023 });
      assert.deepEqual(audit!.changes.phone, { before: '***', after: '***' });
    });

    test('one bad row: nothing is imported, and the report names its row and column', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const before = await countAt(world.schoolA.id);
      const rows = [studentRow(world.schoolA), studentRow(world.schoolA, { 身份证号码: flipCheck(idNumber()) }), studentRow(world.schoolA)];
      const job = await importFile(c, 'students', '学生.xlsx', await xlsx([STUDENT_HEADER, ...rows]));
      assert.equal(job.status, 'succeeded');
      assert.equal(job.result.outcome, 'rejected');
      assert.equal(job.result.inserted, 0);
      assert.equal(job.result.issueCount, 1);
      assert.deepEqual(job.result.issues[0], {
        row: 3,
        column: '身份证号码',
        reason: '居民身份证号码第18位校验码错误，请核对号码是否抄错',
      });
      assert.equal(await countAt(world.schoolA.id), before);
      const report = await download(c, job.result.reportUrl);
      assert.equal(report.status, 200);
      assert.deepEqual(report.rows[0], ['行号', '列', '错误原因']);
      assert.deepEqual(report.rows[1], [3, '身份证号码', '居民身份证号码第18位校验码错误，请核对号码是否抄错']);
      // Someone else's report is not found.
      const other = await signIn(server, world, 'schoolAdminB');
      assert.equal((await download(other, job.result.reportUrl)).status, 404);
    });

    test('invalid phone, date, major and a duplicate within the file are all reported in Chinese', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const dup = idNumber();
      const rows = [
        studentRow(world.schoolA, { 手机号码: '1234' }),
        studentRow(world.schoolA, { 出生日期: '2008-02-30' }),
        studentRow(world.schoolA, { 专业代码: '999999' }),
        studentRow(world.schoolA, { 身份证号码: dup }),
        studentRow(world.schoolA, { 身份证号码: dup }),
        studentRow(world.schoolA, { 入学年份: '二〇二四' }),
      ];
      const job = await importFile(c, 'students', 's.xlsx', await xlsx([STUDENT_HEADER, ...rows]));
      assert.equal(job.result.outcome, 'rejected');
      assert.deepEqual(
        job.result.issues.map((i: { row: number; column: string }) => [i.row, i.column]),
        [
          [2, '手机号码'],
          [3, '出生日期'],
          [4, '专业代码'],
          [6, '身份证号码'],
          [7, '入学年份'],
        ],
      );
      assert.match(job.result.issues[3].reason, /与第5行的身份证号码重复/);
    });

    test('missing, extra and renamed columns are named and nothing is read', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const header = STUDENT_HEADER.filter((h) => h !== '入学年份').map((h) => (h === '身份证号码' ? '身份证号' : h));
      header.push('备注');
      const job = await importFile(c, 'students', 's.xlsx', await xlsx([header, ['x']]));
      assert.equal(job.result.outcome, 'rejected');
      const reasons = job.result.issues.map((i: { reason: string }) => i.reason).join('\n');
      assert.match(reasons, /缺少列“入学年份”/);
      assert.match(reasons, /多出列“备注”/);
      assert.match(reasons, /列“身份证号”（D列）应为“身份证号码”/);
      assert.ok(job.result.issues.every((i: { row: number }) => i.row === 1));
    });

    test('a GBK CSV and a UTF-8 CSV with BOM import, and the encoding used is reported', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const name = '欧阳娜娜';
      const gbkFile = gbk(
        csvText([STUDENT_HEADER, studentRow(world.schoolA, { 姓名: name, 学校名称: world.schoolA.name, 学籍状态: '在籍' })]),
      );
      const res = await upload(c, 'students', '学生名单.csv', gbkFile);
      assert.equal(res.status, 202);
      assert.deepEqual([res.body.format, res.body.encoding, res.body.encodingLabel], ['csv', 'gbk', 'GBK']);
      const job = await waitForJob(c, res.body.job.id);
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      assert.equal(job.result.encoding, 'gbk');
      const [s] = await db().select().from(students).where(eq(students.name, name));
      assert.ok(s, 'the name was decoded from GBK');

      const bom = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(csvText([STUDENT_HEADER, studentRow(world.schoolA, { 姓名: '司马相如' })])),
      ]);
      const r2 = await upload(c, 'students', 'utf8.csv', bom);
      assert.equal(r2.body.encoding, 'utf-8-bom');
      assert.equal((await waitForJob(c, r2.body.job.id)).result.outcome, 'imported');
    });

    test('formulas are refused naming the cell', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const file = await xlsx([STUDENT_HEADER, studentRow(world.schoolA)], (ws) => {
        ws.getCell('H2').value = { formula: '2020+4', result: 2024 } as never;
      });
      const job = await importFile(c, 'students', 'f.xlsx', file);
      assert.equal(job.result.outcome, 'rejected');
      assert.deepEqual([job.result.issues[0].row, job.result.issues[0].column], [2, '入学年份']);
      assert.match(job.result.issues[0].reason, /单元格H2是公式/);
    });

    test('merged cells are refused naming the range', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const file = await xlsx([STUDENT_HEADER, studentRow(world.schoolA), studentRow(world.schoolA)], (ws) => ws.mergeCells('A2:A3'));
      const job = await importFile(c, 'students', 'm.xlsx', file);
      assert.equal(job.result.outcome, 'rejected');
      assert.ok(
        job.result.issues.some((i: { row: number; reason: string }) => i.row === 2 && /单元格A2:A3是合并单元格/.test(i.reason)),
        JSON.stringify(job.result.issues),
      );
    });

    test('a file over the size limit is refused with 413 before it is read; an .xls or a damaged file with 400', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
      const res = await upload(c, 'students', 'big.csv', big);
      assert.equal(res.status, 413);
      assert.equal(res.body.code, 'PAYLOAD_TOO_LARGE');
      assert.match(res.body.message, /文件大小为50 MB，超过导入上限20 MB/);
      const xls = await upload(c, 'students', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
      assert.equal(xls.status, 400);
      assert.match(xls.body.message, /不支持旧版Excel/);
      const broken = await upload(c, 'students', 'x.xlsx', Buffer.from('PK\u0003\u0004not really a zip'));
      assert.equal(broken.status, 400);
      assert.match(broken.body.message, /不是有效的.xlsx文件/);
      assert.equal((await upload(c, 'students', 'x.pdf', Buffer.from('%PDF'))).status, 400);
    });

    test('a file the reader cannot finish (a damaged entry) is rejected with a file-level reason, not a failed job', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const file = await xlsx([STUDENT_HEADER, ...Array.from({ length: 50 }, () => studentRow(world.schoolA))]);
      // Damage the compressed shared strings (the upload check reads only the sheet itself).
      const at = file.indexOf('xl/sharedStrings.xml');
      const data = at + 'xl/sharedStrings.xml'.length + file.readUInt16LE(at - 2);
      file.fill(0xff, data + 10, data + 60);
      const job = await importFile(c, 'students', 'damaged.xlsx', file);
      assert.equal(job.status, 'succeeded');
      assert.equal(job.result.outcome, 'rejected');
      assert.ok(
        job.result.issues.some((i: { row: null; reason: string }) => i.row === null && /文件内容已损坏/.test(i.reason)),
        JSON.stringify(job.result.issues),
      );
    });

    test('a file over the row limit is refused at upload', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const line = `${world.schoolA.code},,张三,11010519491231002X,,,,2024,,\r\n`;
      const body = Buffer.from(STUDENT_HEADER.join(',') + '\r\n' + line.repeat(200_001));
      const res = await upload(c, 'students', 'many.csv', body);
      assert.equal(res.status, 400);
      assert.match(res.body.message, /超过单次导入上限200000行/);
    });

    test("a school admin's file naming another school is refused for that row, and nothing is written", async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const before = [await countAt(world.schoolA.id), await countAt(world.schoolB.id)];
      const job = await importFile(
        c,
        'students',
        's.xlsx',
        await xlsx([STUDENT_HEADER, studentRow(world.schoolA), studentRow(world.schoolB)]),
      );
      assert.equal(job.result.outcome, 'rejected');
      assert.deepEqual(
        job.result.issues.map((i: { row: number; column: string }) => [i.row, i.column]),
        [[3, '学校标识码']],
      );
      assert.match(job.result.issues[0].reason, /不存在或不在您的管理范围内/);
      assert.deepEqual([await countAt(world.schoolA.id), await countAt(world.schoolB.id)], before);
    });

    test("a student already registered at a school outside the caller's scope cannot be moved by import", async () => {
      const id = idNumber();
      const b = await signIn(server, world, 'schoolAdminB');
      assert.equal(
        (await importFile(b, 'students', 'b.xlsx', await xlsx([STUDENT_HEADER, studentRow(world.schoolB, { 身份证号码: id })]))).result
          .outcome,
        'imported',
      );
      const a = await signIn(server, world, 'schoolAdminA');
      const job = await importFile(a, 'students', 'a.xlsx', await xlsx([STUDENT_HEADER, studentRow(world.schoolA, { 身份证号码: id })]));
      assert.equal(job.result.outcome, 'rejected');
      assert.match(job.result.issues[0].reason, /已在您管理范围以外的学校登记/);
    });

    test('an import edit moves the record version; an archived record is not changed by import', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const id = idNumber();
      await importFile(
        c,
        'students',
        'a.xlsx',
        await xlsx([STUDENT_HEADER, studentRow(world.schoolA, { 身份证号码: id, 姓名: '改名前' })]),
      );
      const index = server.services.pii.index(id);
      const [before] = await db().select().from(students).where(eq(students.idNumberIndex, index));
      await importFile(
        c,
        'students',
        'b.xlsx',
        await xlsx([STUDENT_HEADER, studentRow(world.schoolA, { 身份证号码: id, 姓名: '改名后' })]),
      );
      const [after] = await db().select().from(students).where(eq(students.idNumberIndex, index));
      assert.equal(after!.version, before!.version + 1);
      await db().update(students).set({ archivedAt: new Date() }).where(eq(students.id, after!.id));
      const job = await importFile(
        c,
        'students',
        'c.xlsx',
        await xlsx([STUDENT_HEADER, studentRow(world.schoolA, { 身份证号码: id, 姓名: '再改' })]),
      );
      assert.equal(job.result.outcome, 'rejected');
      assert.match(job.result.issues[0].reason, /已归档/);
    });

    test('a district imports for its own schools; the same Idempotency-Key returns the first import', async () => {
      const c = await signIn(server, world, 'districtA');
      const file = await xlsx([STUDENT_HEADER, studentRow(world.schoolA2, { 专业代码: null })]);
      const first = await upload(c, 'students', 'd.xlsx', file, { 'idempotency-key': 'k-1' });
      const second = await upload(c, 'students', 'd.xlsx', file, { 'idempotency-key': 'k-1' });
      assert.equal(first.status, 202);
      assert.equal(second.body.existing, true);
      assert.equal(second.body.job.id, first.body.job.id);
      assert.equal(second.body.importId, first.body.importId);
      assert.equal((await waitForJob(c, first.body.job.id)).result.outcome, 'imported');
      const other = await importFile(c, 'students', 'd.xlsx', await xlsx([STUDENT_HEADER, studentRow(world.schoolB, { 专业代码: null })]));
      assert.equal(other.result.outcome, 'rejected');
    });

    test('who may import students: school admins and districts and the bureau; teachers, enterprises and departments may not', async () => {
      const file = await xlsx([STUDENT_HEADER, studentRow(world.schoolA)]);
      for (const who of ['teacherA', 'enterpriseAdmin', 'department'] as const) {
        const c = await signIn(server, world, who);
        assert.equal((await upload(c, 'students', 's.xlsx', file)).status, 403, who);
        assert.equal((await download(c, '/api/imports/students/template')).status, 403, who);
      }
      const anonymous = await fetch(`${server.url}/api/imports/students?fileName=s.xlsx`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file),
      });
      assert.equal(anonymous.status, 401);
      const admin = await signIn(server, world, 'schoolAdminA');
      assert.equal((await upload(admin, 'schools', 's.xlsx', file)).status, 403, 'a school does not import schools');
      const city = await signIn(server, world, 'cityAdmin');
      assert.equal(
        (await importFile(city, 'students', 's.xlsx', await xlsx([STUDENT_HEADER, studentRow(world.schoolB)]))).result.outcome,
        'imported',
      );
    });

    test('the template has the headers, an example row the importer skips, and instructions', async () => {
      const c = await signIn(server, world, 'schoolAdminA');
      const t = await download(c, '/api/imports/students/template');
      assert.equal(t.status, 200);
      assert.match(t.headers.get('content-disposition')!, /filename\*=UTF-8''%E5%AD%A6%E7%94%9F/);
      assert.deepEqual(t.rows[0], STUDENT_HEADER);
      assert.equal(t.rows[1]![3], '11010519491231002X');
      assert.deepEqual(t.sheets, ['学生', '填写说明']);
      const res = await fetch(`${server.url}/api/imports/students/template`, { headers: { cookie: c.cookie } });
      const job = await importFile(c, 'students', '模板.xlsx', Buffer.from(await res.arrayBuffer()));
      assert.equal(job.result.outcome, 'rejected');
      assert.equal(job.result.skippedExampleRows, 1);
      assert.match(job.result.issues[0].reason, /没有数据行/);
    });
  });
}

/** The same number with a wrong check character. */
function flipCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}
