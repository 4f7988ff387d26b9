import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { programs, teacherPracticePeriods, teachers } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeStudent } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { auditRows, buildRegistryWorld, schoolCode, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * The schools register: created and archived by the bureau, edited by the bureau, its district or the
 * school itself (the 学校标识码, district and level only by the district or the bureau), each within its
 * scope; archived schools hidden by default and their records kept; every write audited.
 */
for (const engine of testEngines()) {
  describe(`schools [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const newSchool = (extra: Record<string, unknown> = {}) => ({
      code: schoolCode(),
      name: `郑州市新登记职业学校${Math.random().toString(36).slice(2, 6)}`,
      level: 'secondary',
      districtId: w.districtA.id,
      ownership: 'public',
      ...extra,
    });

    test('anonymous callers are refused', async () => {
      const c = new TestClient(server.url);
      assert.equal((await c.get('/api/schools')).status, 401);
      assert.equal((await c.post('/api/schools', newSchool())).status, 401);
    });

    test('lists are limited to the caller’s scope: city all, district its own, school itself; others 403', async () => {
      const ids = async (who: keyof RegistryWorld['users']) =>
        ((await (await as(who)).get('/api/schools?pageSize=200')).body.items as { id: string }[]).map((s) => s.id);
      const city = await ids('cityAdmin');
      for (const s of [w.schoolA, w.schoolA2, w.schoolB]) assert.ok(city.includes(s.id));
      assert.deepEqual((await ids('districtA')).sort(), [w.schoolA.id, w.schoolA2.id].sort());
      assert.deepEqual(await ids('schoolAdminA'), [w.schoolA.id]);
      assert.deepEqual(await ids('teacherA'), [w.schoolA.id]);
      assert.ok((await ids('department')).includes(w.schoolB.id));
      assert.equal((await (await as('enterpriseAdmin')).get('/api/schools')).status, 403);
      assert.equal((await (await as('studentA')).get('/api/schools')).status, 403);
    });

    test('filters, sort and paging', async () => {
      const c = await as('cityAdmin');
      const page1 = await c.get(`/api/schools?districtId=${w.districtA.id}&sort=code&pageSize=1`);
      assert.equal(page1.status, 200);
      assert.equal(page1.body.total, 2);
      assert.equal(page1.body.items.length, 1);
      const page2 = await c.get(`/api/schools?districtId=${w.districtA.id}&sort=code&pageSize=1&page=2`);
      assert.ok(page1.body.items[0].code < page2.body.items[0].code);
      const byCode = await c.get(`/api/schools?q=${w.schoolB.code}`);
      assert.deepEqual(
        byCode.body.items.map((s: { id: string }) => s.id),
        [w.schoolB.id],
      );
      assert.equal(
        (await c.get('/api/schools?level=university')).body.items.filter((s: { id: string }) => s.id === w.schoolA.id).length,
        0,
      );
      assert.equal((await c.get('/api/schools?sort=bogus')).status, 400);
    });

    test('detail: another district’s or another school’s record is 404', async () => {
      assert.equal((await (await as('districtA')).get(`/api/schools/${w.schoolB.id}`)).status, 404);
      assert.equal((await (await as('schoolAdminA')).get(`/api/schools/${w.schoolA2.id}`)).status, 404);
      assert.equal((await (await as('schoolAdminB')).get(`/api/schools/${w.schoolB.id}`)).status, 200);
    });

    test('detail shows the staffing and practice standings, thresholds from the policy file', async () => {
      const db = w.db;
      const c = await as('cityAdmin');
      const s = await c.post('/api/schools', newSchool({ staffingQuota: 10 }));
      assert.equal(s.status, 201);
      const id = s.body.id as string;
      const rows = await db
        .insert(teachers)
        .values([
          { schoolId: id, name: '甲', employment: 'fullTime', subject: 'specialty', dualQualified: true },
          { schoolId: id, name: '乙', employment: 'fullTime', subject: 'specialty', dualQualified: true },
          { schoolId: id, name: '丙', employment: 'fullTime', subject: 'specialty', dualQualified: false },
          { schoolId: id, name: '丁', employment: 'partTime', subject: 'specialty', dualQualified: false },
          { schoolId: id, name: '戊', employment: 'industryMentor', subject: 'general', dualQualified: false },
          { schoolId: id, name: '己', employment: 'fullTime', subject: 'general', dualQualified: false, status: 'archived' },
        ])
        .returning();
      await db
        .insert(teacherPracticePeriods)
        .values({ teacherId: rows[0]!.id, enterpriseName: '郑州某机械有限公司', startDate: '2020-01-01', endDate: null });
      await db.insert(programs).values([
        { schoolId: id, majorId: w.major('460101'), startYear: 2020, practiceShare: '0.550' },
        { schoolId: id, majorId: w.major('460301'), startYear: 2020, practiceShare: '0.450' },
        { schoolId: id, majorId: w.major('520201'), startYear: 2020 },
      ]);
      const d = await c.get(`/api/schools/${id}`);
      assert.equal(d.status, 200);
      const st = d.body.standings;
      assert.deepEqual(
        [
          st.partTimeTeachers.partTime,
          st.partTimeTeachers.staffingQuota,
          st.partTimeTeachers.maxPartTime,
          st.partTimeTeachers.met,
          st.partTimeTeachers.fill,
          st.partTimeTeachers.shortfall,
        ],
        [2, 10, 3, false, 'short', 1],
        'two of the three the quota asks for: short of 聘足配齐, not green',
      );
      assert.equal(st.partTimeTeachers.limit, 0.3);
      assert.match(st.partTimeTeachers.article, /二 \(三\) 10/);
      assert.deepEqual(
        [
          st.dualQualifiedTeachers.dualQualified,
          st.dualQualifiedTeachers.specialty,
          st.dualQualifiedTeachers.met,
          st.dualQualifiedTeachers.shortfall,
        ],
        [2, 4, false, 1],
      );
      assert.deepEqual([st.enterprisePractice.specialty, st.enterprisePractice.meeting], [4, 1]);
      assert.deepEqual([st.practiceTeaching.recorded, st.practiceTeaching.meeting, st.practiceTeaching.limit], [2, 1, 0.5]);
      assert.equal(d.body.teacherCount, 5);
      assert.equal(d.body.programCount, 3);
    });

    test('create: the bureau only; 201 with an audit row', async () => {
      for (const who of ['districtA', 'schoolAdminA', 'department', 'teacherA'] as const) {
        const res = await (await as(who)).post('/api/schools', newSchool());
        assert.equal(res.status, 403, who);
        assert.equal(res.body.code, 'FORBIDDEN');
      }
      const c = await as('cityAdmin');
      const body = newSchool({ level: 'higher', ownership: 'private', enterpriseRun: true, staffingQuota: 300 });
      const res = await c.post('/api/schools', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(
        [
          res.body.code,
          res.body.level,
          res.body.ownership,
          res.body.enterpriseRun,
          res.body.staffingQuota,
          res.body.version,
          res.body.status,
        ],
        [body.code, 'higher', 'private', true, 300, 1, 'active'],
      );
      assert.equal(res.body.districtId, w.districtA.id);
      const audits = await auditRows(w.db, 'school', res.body.id);
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.action, 'create');
      assert.deepEqual(audits[0]!.changes.code, { before: null, after: body.code });
      assert.equal(audits[0]!.actorUserId, w.users.cityAdmin.id);
    });

    test('create: a bad 学校标识码 or unknown district is 400 naming the field; a duplicate code 409; full-width digits normalised', async () => {
      const c = await as('cityAdmin');
      const short = await c.post('/api/schools', newSchool({ code: '414101234' }));
      assert.equal(short.status, 400);
      assert.equal(short.body.code, 'VALIDATION_FAILED');
      assert.match(short.body.fields.code, /应为10位数字，当前为9位/);
      const letters = await c.post('/api/schools', newSchool({ code: '41410A2345' }));
      assert.equal(letters.status, 400);
      assert.match(letters.body.fields.code, /全部为数字/);
      const noDistrict = await c.post('/api/schools', newSchool({ districtId: w.schoolA.id }));
      assert.equal(noDistrict.status, 400);
      assert.ok(noDistrict.body.fields.districtId);
      const badLevel = await c.post('/api/schools', newSchool({ level: 'kindergarten' }));
      assert.equal(badLevel.status, 400);
      assert.ok(badLevel.body.fields.level);
      const dup = await c.post('/api/schools', newSchool({ code: w.schoolB.code }));
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'CONFLICT');
      assert.ok(dup.body.fields.code);
      const code = schoolCode();
      const wide = await c.post(
        '/api/schools',
        newSchool({ code: code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) }),
      );
      assert.equal(wide.status, 201);
      assert.equal(wide.body.code, code);
    });

    test('edit: the school’s admin edits its own facts; corrections of code, district and level are the district’s', async () => {
      const admin = await as('schoolAdminA');
      const own = await admin.get(`/api/schools/${w.schoolA.id}`);
      const ok = await admin.patch(`/api/schools/${w.schoolA.id}`, {
        version: own.body.version,
        name: `${own.body.name}（新）`,
        staffingQuota: 80,
      });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.version, own.body.version + 1);
      const correction = await admin.patch(`/api/schools/${w.schoolA.id}`, {
        version: ok.body.version,
        code: schoolCode(),
        level: 'higher',
      });
      assert.equal(correction.status, 403);
      assert.ok(correction.body.fields.code);
      assert.ok(correction.body.fields.level);
      assert.equal((await admin.patch(`/api/schools/${w.schoolA2.id}`, { version: 1, name: '隔壁学校' })).status, 404);
      const district = await as('districtA');
      const newCode = schoolCode();
      const fixed = await district.patch(`/api/schools/${w.schoolA.id}`, { version: ok.body.version, code: newCode });
      assert.equal(fixed.status, 200);
      assert.equal(fixed.body.code, newCode);
      w.schoolA.code = newCode;
      // A district may not move a school out of its own district.
      const moved = await district.patch(`/api/schools/${w.schoolA.id}`, { version: fixed.body.version, districtId: w.districtB.id });
      assert.equal(moved.status, 400);
      assert.ok(moved.body.fields.districtId);
      assert.equal((await district.patch(`/api/schools/${w.schoolB.id}`, { version: 1, name: '外区学校' })).status, 404);
      assert.equal(
        (await (await as('teacherA')).patch(`/api/schools/${w.schoolA.id}`, { version: fixed.body.version, name: '教师改名' })).status,
        403,
      );
      const audits = await auditRows(w.db, 'school', w.schoolA.id);
      assert.deepEqual(
        audits.map((a) => a.action),
        ['update', 'update'],
      );
      assert.deepEqual(audits[1]!.changes.code!.after, newCode);
    });

    test('edit: a stale version is 409 and writes nothing; a taken code is 409', async () => {
      const c = await as('cityAdmin');
      const s = await c.get(`/api/schools/${w.schoolA2.id}`);
      assert.equal((await c.patch(`/api/schools/${w.schoolA2.id}`, { version: s.body.version, staffingQuota: 40 })).status, 200);
      const before = (await auditRows(w.db, 'school', w.schoolA2.id)).length;
      const stale = await c.patch(`/api/schools/${w.schoolA2.id}`, { version: s.body.version, staffingQuota: 50 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.code, 'VERSION_CONFLICT');
      assert.equal((await auditRows(w.db, 'school', w.schoolA2.id)).length, before);
      const fresh = await c.get(`/api/schools/${w.schoolA2.id}`);
      assert.equal(fresh.body.staffingQuota, 40);
      const taken = await c.patch(`/api/schools/${w.schoolA2.id}`, { version: fresh.body.version, code: w.schoolB.code });
      assert.equal(taken.status, 409);
      assert.ok(taken.body.fields.code);
    });

    test('archive: the bureau only; hidden by default, records kept and readable, edits refused until restored', async () => {
      const c = await as('cityAdmin');
      const created = await c.post('/api/schools', newSchool());
      const id = created.body.id as string;
      const student = await makeStudent(w.db, server.services.pii, id);
      const [prog] = await w.db
        .insert(programs)
        .values({ schoolId: id, majorId: w.major('510201'), startYear: 2021 })
        .returning();
      for (const who of ['districtA', 'schoolAdminA'] as const) {
        assert.equal((await (await as(who)).post(`/api/schools/${id}/archive`, { version: 1 })).status, 403, who);
      }
      const stale = await c.post(`/api/schools/${id}/archive`, { version: 9 });
      assert.equal(stale.status, 409);
      const archived = await c.post(`/api/schools/${id}/archive`, { version: 1 });
      assert.equal(archived.status, 200);
      assert.equal(archived.body.status, 'archived');
      const listed = (await c.get(`/api/schools?districtId=${w.districtA.id}&pageSize=200`)).body.items.map((s: { id: string }) => s.id);
      assert.ok(!listed.includes(id));
      const all = (await c.get(`/api/schools?districtId=${w.districtA.id}&includeArchived=true&pageSize=200`)).body.items.map(
        (s: { id: string }) => s.id,
      );
      assert.ok(all.includes(id));
      assert.equal((await c.get(`/api/schools/${id}`)).status, 200);
      assert.equal((await c.get(`/api/students/${student.id}`)).status, 200);
      assert.equal((await c.get(`/api/programs/${prog!.id}`)).status, 200);
      const edit = await c.patch(`/api/schools/${id}`, { version: archived.body.version, name: '归档后改名' });
      assert.equal(edit.status, 409);
      const newProgram = await c.post('/api/programs', { schoolId: id, majorId: w.major('510202'), startYear: 2024 });
      assert.equal(newProgram.status, 409);
      assert.equal((await c.post(`/api/schools/${id}/archive`, { version: archived.body.version })).status, 409);
      const restored = await c.post(`/api/schools/${id}/restore`, { version: archived.body.version });
      assert.equal(restored.status, 200);
      assert.equal(restored.body.status, 'active');
      const audits = await auditRows(w.db, 'school', id);
      assert.deepEqual(
        audits.map((a) => a.action),
        ['create', 'archive', 'restore'],
      );
      assert.deepEqual(audits[1]!.changes.status, { before: 'active', after: 'archived' });
    });
  });
}
