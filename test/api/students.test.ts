import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeIdNumber } from '../../core/codes/index.ts';
import { piiAccessLog, students } from '../../server/platform/db/schema/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, idNumber, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * Students: enrolled by their school (or the bureau), corrected by their district; the ID number checked
 * (GB 11643) and cross-checked with birth date and sex; ID number and phone stored protected, shown masked,
 * never in the audit log; duplicates 409; scope, versions, archive.
 */
for (const engine of testEngines()) {
  describe(`students [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    let programA: string;
    let programB: string;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
      const city = await signIn(server, w, 'cityAdmin');
      programA = (await city.post('/api/programs', { schoolId: w.schoolA.id, majorId: w.major('520201'), startYear: 2020 })).body.id;
      programB = (await city.post('/api/programs', { schoolId: w.schoolB.id, majorId: w.major('520201'), startYear: 2020 })).body.id;
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const newStudent = (extra: Record<string, unknown> = {}) => ({
      schoolId: w.schoolA.id,
      programId: programA,
      name: '张同学',
      cohort: 2024,
      idNumber: idNumber('male'),
      phone: '13912345678',
      ...extra,
    });

    test('a school admin enrols a student: birth date and sex from the ID number, personal information protected and masked', async () => {
      const c = await as('schoolAdminA');
      const id = makeIdNumber('410105', '20080315', '123');
      const res = await c.post('/api/students', newStudent({ idNumber: id, phone: '+86 139-1234-5678' }));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.birthDate, res.body.sex, res.body.idNumberMasked, res.body.phoneMasked, res.body.programName, res.body.status],
        ['2008-03-15', 'male', '410105********' + id.slice(14), '139****5678', '护理', 'enrolled'],
      );
      assert.equal(res.body.idNumber, undefined);
      const [row] = await w.db.select().from(students).where(eq(students.id, res.body.id));
      assert.ok(!row!.idNumberCipher.includes(id) && row!.idNumberIndex !== id && !row!.phoneCipher!.includes('13912345678'));
      const clear = await c.get(`/api/students/${res.body.id}/personal-info`);
      assert.deepEqual(clear.body, { idNumber: id, phone: '13912345678' });
      const logged = await w.db
        .select()
        .from(piiAccessLog)
        .where(and(eq(piiAccessLog.entityId, res.body.id), eq(piiAccessLog.userId, w.users.schoolAdminA.id)));
      assert.equal(logged.length, 1);
      const audits = await auditRows(w.db, 'student', res.body.id);
      assert.equal(audits[0]!.action, 'create');
      assert.deepEqual(audits[0]!.changes.idNumber, { before: null, after: '***' });
      assert.deepEqual(audits[0]!.changes.phone, { before: null, after: '***' });
      const text = JSON.stringify(audits);
      assert.ok(!text.includes(id) && !text.includes('13912345678'), 'no personal information in the audit log');
    });

    test('bad input is 400 naming the field: ID number, birth date or sex disagreeing, phone, date, program', async () => {
      const c = await as('schoolAdminA');
      const id = makeIdNumber('410105', '20080315', '124'); // female
      const check = await c.post('/api/students', newStudent({ idNumber: id.slice(0, 17) + (id[17] === '1' ? '2' : '1') }));
      assert.equal(check.status, 400);
      assert.match(check.body.fields.idNumber, /校验码错误/);
      const old = await c.post('/api/students', newStudent({ idNumber: '410105080315123' }));
      assert.equal(old.status, 400);
      assert.match(old.body.fields.idNumber, /15位旧身份证/);
      const disagree = await c.post('/api/students', newStudent({ idNumber: id, birthDate: '2008-03-16', sex: 'male' }));
      assert.equal(disagree.status, 400);
      assert.match(disagree.body.fields.birthDate, /2008-03-15/);
      assert.ok(disagree.body.fields.sex);
      const badDate = await c.post('/api/students', newStudent({ idNumber: id, birthDate: '2008-02-30' }));
      assert.equal(badDate.status, 400);
      assert.ok(badDate.body.fields.birthDate);
      const phone = await c.post('/api/students', newStudent({ phone: '0371-6512345' }));
      assert.equal(phone.status, 400);
      assert.match(phone.body.fields.phone, /手机号码/);
      const foreignProgram = await c.post('/api/students', newStudent({ programId: programB }));
      assert.equal(foreignProgram.status, 400);
      assert.ok(foreignProgram.body.fields.programId);
      const several = await c.post('/api/students', newStudent({ phone: '123', programId: programB }));
      assert.deepEqual(Object.keys(several.body.fields).sort(), ['phone', 'programId']); // every problem at once
      assert.equal((await c.post('/api/students', newStudent({ idNumber: id, birthDate: '2008-03-15', sex: 'female' }))).status, 201);
    });

    test('a duplicate ID number is 409 naming the field, also from another school', async () => {
      const id = idNumber();
      assert.equal((await (await as('schoolAdminA')).post('/api/students', newStudent({ idNumber: id }))).status, 201);
      const again = await (await as('schoolAdminA')).post('/api/students', newStudent({ idNumber: id.toLowerCase() }));
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'CONFLICT');
      assert.ok(again.body.fields.idNumber);
      const elsewhere = await (
        await as('schoolAdminB')
      ).post('/api/students', newStudent({ schoolId: w.schoolB.id, programId: programB, idNumber: id }));
      assert.equal(elsewhere.status, 409);
    });

    test('who may enrol: the school’s admin and the bureau; another school is 404; district, teacher, student 403', async () => {
      const other = await (await as('schoolAdminA')).post('/api/students', newStudent({ schoolId: w.schoolB.id, programId: null }));
      assert.equal(other.status, 404);
      assert.ok(other.body.fields.schoolId);
      for (const who of ['districtA', 'teacherA', 'studentA', 'department', 'enterpriseAdmin'] as const) {
        assert.equal((await (await as(who)).post('/api/students', newStudent())).status, 403, who);
      }
      assert.equal(
        (await (await as('cityAdmin')).post('/api/students', newStudent({ schoolId: w.schoolB.id, programId: programB }))).status,
        201,
      );
    });

    test('lists show masked values only, within scope, with filters', async () => {
      const c = await as('schoolAdminA');
      const list = await c.get('/api/students?pageSize=200&sort=-cohort');
      assert.equal(list.status, 200);
      assert.ok(list.body.items.length > 0);
      for (const s of list.body.items) {
        assert.equal(s.schoolId, w.schoolA.id);
        assert.equal(s.idNumber, undefined);
        assert.equal(s.phone, undefined);
        assert.match(s.idNumberMasked, /^\d{6}\*{8}[\dX]{4}$/);
      }
      const district = (await (await as('districtA')).get('/api/students?pageSize=200')).body.items as { schoolId: string }[];
      assert.ok(district.every((s) => s.schoolId === w.schoolA.id || s.schoolId === w.schoolA2.id));
      assert.ok(((await c.get(`/api/students?programId=${programA}&cohort=2024&status=enrolled`)).body.items as unknown[]).length > 0);
      assert.equal(((await c.get('/api/students?cohort=2001')).body.items as unknown[]).length, 0);
      assert.equal((await c.get('/api/students?status=expelled')).status, 400);
    });

    test('name search is a prefix: Chinese by LIKE, Latin letters case-insensitive, wildcards literal', async () => {
      const c = await as('schoolAdminA');
      for (const name of ['欧阳前缀', '欧阳前缀二', '前缀欧阳', 'Ada Lovelace', '100%学生']) {
        assert.equal((await c.post('/api/students', newStudent({ name }))).status, 201);
      }
      const names = async (q: string) =>
        ((await c.get(`/api/students?pageSize=200&q=${encodeURIComponent(q)}`)).body.items as { name: string }[]).map((s) => s.name).sort();
      assert.deepEqual(await names('欧阳前'), ['欧阳前缀', '欧阳前缀二']);
      assert.deepEqual(await names('ada'), ['Ada Lovelace']);
      assert.deepEqual(await names('100%'), ['100%学生']);
      assert.deepEqual(await names('1_0'), []);
    });

    test('edits: a district corrects its district’s students; a new ID number re-derives birth date and sex; stale 409', async () => {
      const a = await as('schoolAdminA');
      const created = await a.post('/api/students', newStudent({ idNumber: makeIdNumber('410105', '20090101', '125') }));
      const id = created.body.id as string;
      const district = await as('districtA');
      const renamed = await district.patch(`/api/students/${id}`, { version: 1, name: '张同学（更正）' });
      assert.equal(renamed.status, 200);
      const otherDistrict = await as('districtB');
      assert.equal((await otherDistrict.patch(`/api/students/${id}`, { version: renamed.body.version, name: 'x' })).status, 404);
      assert.equal((await (await as('schoolAdminA2')).get(`/api/students/${id}`)).status, 404);
      assert.equal((await (await as('teacherA')).patch(`/api/students/${id}`, { version: renamed.body.version, name: 'x' })).status, 403);
      // Birth date alone must still agree with the stored number.
      const lone = await a.patch(`/api/students/${id}`, { version: renamed.body.version, birthDate: '2009-01-02' });
      assert.equal(lone.status, 400);
      assert.ok(lone.body.fields.birthDate);
      const newId = makeIdNumber('410105', '20090202', '126');
      const moved = await a.patch(`/api/students/${id}`, { version: renamed.body.version, idNumber: newId, phone: '13800138000' });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual([moved.body.birthDate, moved.body.sex, moved.body.phoneMasked], ['2009-02-02', 'female', '138****8000']);
      const badPhone = await a.patch(`/api/students/${id}`, { version: moved.body.version, phone: '1380013800' });
      assert.equal(badPhone.status, 400);
      assert.ok(badPhone.body.fields.phone);
      const stale = await a.patch(`/api/students/${id}`, { version: renamed.body.version, cohort: 2023 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      const cleared = await a.patch(`/api/students/${id}`, { version: moved.body.version, phone: null, programId: null });
      assert.equal(cleared.status, 200);
      assert.deepEqual([cleared.body.phoneMasked, cleared.body.programId], [null, null]);
      const audits = await auditRows(w.db, 'student', id);
      assert.deepEqual(
        audits.map((x) => x.action),
        ['create', 'update', 'update', 'update'],
      );
      assert.equal(audits[1]!.changes.idNumber, undefined); // unchanged: not recorded
      assert.deepEqual(audits[2]!.changes.idNumber, { before: '***', after: '***' });
      assert.deepEqual(audits[2]!.changes.birthDate, { before: '2009-01-01', after: '2009-02-02' });
      assert.deepEqual(audits[3]!.changes.phone, { before: '***', after: null });
      assert.ok(!JSON.stringify(audits).includes(newId));
      const taken = await a.post('/api/students', newStudent());
      const dup = await a.patch(`/api/students/${id}`, {
        version: cleared.body.version,
        idNumber: (await a.get(`/api/students/${taken.body.id}/personal-info`)).body.idNumber,
      });
      assert.equal(dup.status, 409);
      assert.ok(dup.body.fields.idNumber);
    });

    test('archive: the school or the bureau; hidden by default, still readable, edits refused until restored', async () => {
      const a = await as('schoolAdminA');
      const s = await a.post('/api/students', newStudent());
      assert.equal((await (await as('districtA')).post(`/api/students/${s.body.id}/archive`, { version: 1 })).status, 403);
      const archived = await a.post(`/api/students/${s.body.id}/archive`, { version: 1 });
      assert.equal(archived.status, 200);
      assert.deepEqual([archived.body.archived, archived.body.status], [true, 'enrolled']);
      assert.ok(!(await a.get('/api/students?pageSize=200')).body.items.some((x: { id: string }) => x.id === s.body.id));
      assert.ok(
        (await a.get('/api/students?pageSize=200&includeArchived=true')).body.items.some((x: { id: string }) => x.id === s.body.id),
      );
      assert.equal((await a.get(`/api/students/${s.body.id}`)).status, 200);
      assert.equal((await a.patch(`/api/students/${s.body.id}`, { version: archived.body.version, name: 'x' })).status, 409);
      // The ID number stays taken while archived: the record is kept, not deleted.
      const clear = await a.get(`/api/students/${s.body.id}/personal-info`);
      assert.equal((await a.post('/api/students', newStudent({ idNumber: clear.body.idNumber }))).status, 409);
      assert.equal((await a.post(`/api/students/${s.body.id}/restore`, { version: archived.body.version })).status, 200);
      assert.deepEqual(
        (await auditRows(w.db, 'student', s.body.id)).map((x) => x.action),
        ['create', 'archive', 'restore'],
      );
    });
  });
}
