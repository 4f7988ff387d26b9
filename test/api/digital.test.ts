import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';
import { sql } from 'drizzle-orm';
import { digitalPolicy } from '../../policy/index.ts';
import { makeStudent } from '../support/factory.ts';
import { rows } from '../../server/platform/db/engine.ts';

/**
 * Digital vocational education (issue 18 item 1) over real HTTP: the bureau publishes the smart-campus standard,
 * schools assess themselves against it and the bureau reviews; schools apply to be 智慧职教示范校 and the bureau
 * decides; schools declare 精品在线课程 and the bureau recognises them; who may read what (another organisation's
 * record is 404); the export and the public catalogue; the three targets computed in the cockpit with drill-downs.
 */
const items = digitalPolicy.smartCampus.items;
const answers = (met: (code: string, required: boolean) => boolean) =>
  items.map((i) => ({
    code: i.code,
    met: met(i.code, i.required),
    note: met(i.code, i.required) ? '校园网覆盖率100%，见网络中心台账' : null,
  }));

for (const engine of testEngines()) {
  describe(`digital [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const ids: Record<string, string> = {};

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    test('the bureau publishes the standard once; before that a school cannot assess itself', async () => {
      const school = await as('schoolAdminA');
      const early = await put(school, '/api/digital/smart-campus/mine', { items: answers(() => true) });
      assert.deepEqual([early.status, early.body.code], [409, 'INVALID_STATE']);
      const before = await school.get('/api/digital/smart-campus/standard');
      assert.deepEqual([before.status, before.body.published, before.body.policyChanged], [200, null, true]);
      for (const who of ['department', 'districtA', 'schoolAdminA'] as const)
        assert.equal((await (await as(who)).post('/api/digital/smart-campus/standard')).status, 403, who);
      const city = await as('cityAdmin');
      const published = await city.post('/api/digital/smart-campus/standard');
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.deepEqual(
        published.body.published.items.map((i: { code: string }) => i.code),
        items.map((i) => i.code),
      );
      assert.equal(published.body.policyChanged, false);
      assert.equal((await auditRows(w.db, 'smartCampusStandard', published.body.published.id)).length, 1);
      const again = await city.post('/api/digital/smart-campus/standard');
      assert.deepEqual([again.status, again.body.code], [409, 'CONFLICT']);
      for (const who of ['teacherA', 'enterpriseAdmin', 'studentA'] as const)
        assert.equal((await (await as(who)).get('/api/digital/smart-campus/standard')).status, 403, who);
    });

    test('a self-assessment with an item outside the standard, a missing item or a met item without evidence is refused; nothing written', async () => {
      const school = await as('schoolAdminA');
      const outside = await put(school, '/api/digital/smart-campus/mine', {
        items: [...answers(() => true), { code: 'metaverseCampus', met: true, note: '元宇宙校园' }],
      });
      assert.equal(outside.status, 400);
      assert.equal(outside.body.code, 'VALIDATION_FAILED');
      assert.match(outside.body.message, /智慧校园建设标准/);
      assert.match(outside.body.fields[`items.${items.length}.code`], /metaverseCampus.*不是已发布的智慧校园建设标准中的条目/);
      const missing = await put(school, '/api/digital/smart-campus/mine', { items: answers(() => true).slice(1) });
      assert.match(missing.body.fields.items, new RegExp(items[0]!.name));
      const bare = await put(school, '/api/digital/smart-campus/mine', {
        items: answers(() => true).map((a, i) => (i === 0 ? { ...a, note: null } : a)),
      });
      assert.match(bare.body.fields['items.0.note'], /依据/);
      const mine = await school.get('/api/digital/smart-campus/mine');
      assert.deepEqual([mine.status, mine.body.assessment], [200, null]);
    });

    test('schools submit; the bureau accepts or returns with reasons; correction names its version', async () => {
      const a = await put(await as('schoolAdminA'), '/api/digital/smart-campus/mine', { items: answers(() => true) });
      assert.equal(a.status, 200, JSON.stringify(a.body));
      assert.deepEqual([a.body.meets, a.body.metItems, a.body.status, a.body.current], [true, items.length, 'submitted', true]);
      assert.equal((await auditRows(w.db, 'smartCampusAssessment', a.body.id)).length, 1);
      ids.assessmentA = a.body.id;
      const schoolB = await as('schoolAdminB');
      const b = await put(schoolB, '/api/digital/smart-campus/mine', { items: answers((_, required) => !required) });
      assert.deepEqual([b.status, b.body.meets], [200, false]);
      ids.assessmentB = b.body.id;
      assert.equal((await put(schoolB, '/api/digital/smart-campus/mine', { items: answers(() => true) })).status, 409, 'no version');

      for (const who of ['department', 'districtA', 'schoolAdminA'] as const)
        assert.equal(
          (await (await as(who)).post(`/api/digital/smart-campus/assessments/${a.body.id}/review`, { decision: 'accepted', version: 1 }))
            .status,
          403,
          who,
        );
      const city = await as('cityAdmin');
      const noReason = await city.post(`/api/digital/smart-campus/assessments/${b.body.id}/review`, { decision: 'returned', version: 1 });
      assert.deepEqual([noReason.status, Object.keys(noReason.body.fields)], [400, ['note']]);
      const returned = await city.post(`/api/digital/smart-campus/assessments/${b.body.id}/review`, {
        decision: 'returned',
        note: '网络安全条目未达到',
        version: 1,
      });
      assert.deepEqual([returned.status, returned.body.status], [200, 'returned']);
      const accepted = await city.post(`/api/digital/smart-campus/assessments/${a.body.id}/review`, { decision: 'accepted', version: 1 });
      assert.deepEqual([accepted.status, accepted.body.status], [200, 'accepted']);
      const twice = await city.post(`/api/digital/smart-campus/assessments/${a.body.id}/review`, { decision: 'accepted', version: 2 });
      assert.equal(twice.status, 409);
      const locked = await put(await as('schoolAdminA'), '/api/digital/smart-campus/mine', { items: answers(() => true), version: 2 });
      assert.deepEqual([locked.status, locked.body.code], [409, 'INVALID_STATE']);
      // The returned school corrects (still not meeting the standard) and submits again.
      const again = await put(schoolB, '/api/digital/smart-campus/mine', { items: answers((c) => c !== items[0]!.code), version: 2 });
      assert.deepEqual([again.status, again.body.status, again.body.reviewNote], [200, 'submitted', null]);
    });

    test('who reads which self-assessments: own school, its district, the bureau and departments; others 403 or 404', async () => {
      const city = await (await as('cityAdmin')).get('/api/digital/smart-campus/assessments');
      assert.deepEqual([city.status, city.body.total, city.body.schools, city.body.meeting], [200, 2, 3, 1]);
      assert.equal(city.body.items[0].status, 'submitted', 'to be reviewed first');
      const schoolA = await as('schoolAdminA');
      const own = await schoolA.get('/api/digital/smart-campus/assessments');
      assert.deepEqual([own.body.total, own.body.schools, own.body.meeting], [1, 1, 1]);
      assert.equal((await schoolA.get(`/api/digital/smart-campus/assessments/${ids.assessmentB}`)).status, 404, "another school's");
      assert.equal((await (await as('districtA')).get(`/api/digital/smart-campus/assessments/${ids.assessmentB}`)).status, 404);
      assert.equal((await (await as('districtB')).get(`/api/digital/smart-campus/assessments/${ids.assessmentB}`)).status, 200);
      assert.equal((await (await as('department')).get(`/api/digital/smart-campus/assessments/${ids.assessmentB}`)).status, 200);
      for (const who of ['teacherA', 'studentA', 'enterpriseAdmin'] as const)
        assert.equal((await (await as(who)).get('/api/digital/smart-campus/assessments')).status, 403, who);
      for (const who of ['cityAdmin', 'districtA', 'department'] as const)
        assert.equal((await put(await as(who), '/api/digital/smart-campus/mine', { items: answers(() => true) })).status, 403, who);
    });

    test('智慧职教示范校: only a school meeting the standard may apply; the bureau decides; another district’s is 404', async () => {
      const schoolB = await as('schoolAdminB');
      const refused = await put(schoolB, '/api/digital/demo-schools/mine', { statement: '本校智慧校园建设成效显著，申报示范校。' });
      assert.deepEqual([refused.status, refused.body.code], [422, 'RULE_VIOLATION']);
      assert.match(refused.body.message, /尚未经市教育局审核通过/);
      assert.match((await schoolB.get('/api/digital/smart-campus/mine')).body.applyProblem, /尚未经市教育局审核通过/);
      const schoolA = await as('schoolAdminA');
      assert.equal((await put(schoolA, '/api/digital/demo-schools/mine', { statement: '太短' })).status, 400);
      const applied = await put(schoolA, '/api/digital/demo-schools/mine', { statement: '本校智慧校园自评全部达标，申报智慧职教示范校。' });
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      assert.match(applied.body.smartCampus, /审核通过.*达标/);
      ids.demoA = applied.body.id;
      assert.equal((await put(schoolA, '/api/digital/demo-schools/mine', { statement: '再次申报智慧职教示范校。。' })).status, 409);
      assert.equal((await (await as('districtB')).get(`/api/digital/demo-schools/${applied.body.id}`)).status, 404);
      assert.equal((await (await as('districtA')).get(`/api/digital/demo-schools/${applied.body.id}`)).status, 200);
      assert.equal((await (await as('schoolAdminA2')).get(`/api/digital/demo-schools/${applied.body.id}`)).status, 404);
      for (const who of ['districtA', 'department', 'schoolAdminA'] as const)
        assert.equal(
          (await (await as(who)).post(`/api/digital/demo-schools/${applied.body.id}/decision`, { decision: 'approved', version: 1 }))
            .status,
          403,
          who,
        );
      const city = await as('cityAdmin');
      const noReason = await city.post(`/api/digital/demo-schools/${applied.body.id}/decision`, { decision: 'rejected', version: 1 });
      assert.equal(noReason.status, 400);
      const approved = await city.post(`/api/digital/demo-schools/${applied.body.id}/decision`, { decision: 'approved', version: 1 });
      assert.deepEqual([approved.status, approved.body.status], [200, 'approved']);
      assert.equal((await auditRows(w.db, 'smartDemoApplication', applied.body.id)).length, 2);
      const list = await city.get('/api/digital/demo-schools');
      assert.deepEqual([list.body.total, list.body.items[0].schoolId], [1, w.schoolA.id]);
      assert.equal((await (await as('teacherA')).get('/api/digital/demo-schools')).status, 403);
    });

    const course = (over: Record<string, unknown> = {}) => ({
      title: '数控加工技术',
      level: 'city',
      majorCodes: ['460101'],
      url: 'https://mooc.example.cn/course/cnc',
      credits: 2,
      enrolments: 1200,
      partnerEnterpriseId: w.enterprise.id,
      summary: '校企共建，面向装备制造专业群',
      ...over,
    });

    test('a course with a major outside the catalogue, a bad link or a partner that is not an enterprise is refused naming the field', async () => {
      const school = await as('schoolAdminA');
      const cases: Array<[Record<string, unknown>, string, number]> = [
        [{ majorCodes: ['999999'] }, 'majorCodes', 400],
        [{ majorCodes: [] }, 'majorCodes', 400],
        [{ url: 'ftp://x.cn/a' }, 'url', 400],
        [{ credits: 1.3 }, 'credits', 400],
        [{ level: 'school' }, 'level', 400],
        [{ partnerEnterpriseId: w.schoolB.id }, 'partnerEnterpriseId', 400],
      ];
      for (const [over, field, status] of cases) {
        const res = await school.post('/api/digital/courses', course(over));
        assert.equal(res.status, status, JSON.stringify(res.body));
        assert.ok(res.body.fields?.[field], `${field}: ${JSON.stringify(res.body)}`);
      }
      assert.equal((await school.get('/api/digital/courses')).body.total, 0);
    });

    test('a school declares, its partner enterprise and district read, the bureau recognises; a recognised course is no longer the school’s to change', async () => {
      const school = await as('schoolAdminA');
      const declared = await school.post('/api/digital/courses', course());
      assert.equal(declared.status, 200, JSON.stringify(declared.body));
      assert.deepEqual(
        [declared.body.status, declared.body.majors[0].code, declared.body.partnerEnterpriseName !== null],
        ['submitted', '460101', true],
      );
      ids.course = declared.body.id;
      assert.equal((await school.post('/api/digital/courses', course())).status, 409, 'the same title twice');
      const other = await (
        await as('schoolAdminB')
      ).post('/api/digital/courses', course({ title: '工业机器人编程', partnerEnterpriseId: null }));
      assert.equal(other.status, 200);
      ids.otherCourse = other.body.id;

      const ent = await as('enterpriseAdmin');
      assert.deepEqual(
        (await ent.get('/api/digital/courses')).body.items.map((c: { id: string }) => c.id),
        [ids.course],
      );
      assert.equal((await ent.get(`/api/digital/courses/${ids.otherCourse}`)).status, 404, 'a course it did not co-build');
      assert.equal((await school.get(`/api/digital/courses/${ids.otherCourse}`)).status, 404, "another school's course");
      assert.equal((await (await as('districtA')).get(`/api/digital/courses/${ids.otherCourse}`)).status, 404);
      assert.equal((await (await as('districtB')).get(`/api/digital/courses/${ids.otherCourse}`)).status, 200);
      assert.equal((await (await as('studentA')).get('/api/digital/courses')).status, 403);
      for (const who of ['enterpriseAdmin', 'teacherA', 'districtA', 'cityAdmin'] as const)
        assert.equal((await (await as(who)).post('/api/digital/courses', course({ title: `课程${who}` }))).status, 403, who);
      assert.equal((await put(await as('schoolAdminB'), `/api/digital/courses/${ids.course}`, course({ version: 1 }))).status, 404);

      const corrected = await put(school, `/api/digital/courses/${ids.course}`, course({ enrolments: 1500, version: 1 }));
      assert.deepEqual([corrected.status, corrected.body.enrolments, corrected.body.version], [200, 1500, 2]);
      for (const who of ['districtA', 'department', 'schoolAdminA'] as const)
        assert.equal(
          (await (await as(who)).post(`/api/digital/courses/${ids.course}/review`, { decision: 'recognised', version: 2 })).status,
          403,
          who,
        );
      const city = await as('cityAdmin');
      const recognised = await city.post(`/api/digital/courses/${ids.course}/review`, { decision: 'recognised', version: 2 });
      assert.deepEqual([recognised.status, recognised.body.status], [200, 'recognised']);
      const rejected = await city.post(`/api/digital/courses/${ids.otherCourse}/review`, {
        decision: 'rejected',
        note: '课程网址无法访问',
        version: 1,
      });
      assert.equal(rejected.body.status, 'rejected');
      const frozen = await put(school, `/api/digital/courses/${ids.course}`, course({ version: 3 }));
      assert.deepEqual([frozen.status, frozen.body.code], [409, 'INVALID_STATE']);
      const list = await city.get('/api/digital/courses');
      assert.deepEqual([list.body.total, list.body.recognised], [2, 1]);
      assert.equal((await auditRows(w.db, 'onlineCourse', ids.course)).length, 3);
    });

    test('a student’s completion of a recognised course deposits its credits in the credit bank once; others are refused', async () => {
      const student = await makeStudent(w.db, server.services.pii, w.schoolA.id);
      const otherStudent = await makeStudent(w.db, server.services.pii, w.schoolB.id, { idNumber: '110105194912310021' });
      const school = await as('schoolAdminA');
      const body = { studentId: student.id, hours: 32, grade: '优秀', completedOn: '2026-01-10' };
      const first = await school.post(`/api/digital/courses/${ids.course}/completions`, body);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.credits, 2);
      const again = await school.post(`/api/digital/courses/${ids.course}/completions`, body);
      assert.deepEqual([again.status, again.body.outcomeId], [200, first.body.outcomeId], 'the same outcome, not a second deposit');
      const deposits = await rows<{ credits: number }>(
        w.db,
        sql`select l.credits::float8 as credits from credit_ledger l where l.outcome_id = ${first.body.outcomeId}`,
      );
      assert.deepEqual(
        deposits.map((r) => r.credits),
        [2],
      );
      const [outcome] = await rows<{ kind: string; title: string }>(
        w.db,
        sql`select kind, title from learning_outcomes where id = ${first.body.outcomeId}`,
      );
      assert.deepEqual([outcome!.kind, outcome!.title], ['onlineCourse', '精品在线课程：数控加工技术']);
      const other = await school.post(`/api/digital/courses/${ids.course}/completions`, { ...body, studentId: otherStudent.id });
      assert.equal(other.status, 404, "another school's student");
      assert.equal((await (await as('schoolAdminB')).post(`/api/digital/courses/${ids.course}/completions`, body)).status, 404);
      const unrecognised = await (
        await as('schoolAdminB')
      ).post(`/api/digital/courses/${ids.otherCourse}/completions`, {
        ...body,
        studentId: otherStudent.id,
      });
      assert.deepEqual([unrecognised.status, unrecognised.body.code], [409, 'INVALID_STATE']);
      const future = await school.post(`/api/digital/courses/${ids.course}/completions`, { ...body, completedOn: '2999-01-01' });
      assert.deepEqual([future.status, Object.keys(future.body.fields)], [400, ['completedOn']]);
      for (const who of ['cityAdmin', 'enterpriseAdmin', 'teacherA', 'studentA'] as const)
        assert.equal((await (await as(who)).post(`/api/digital/courses/${ids.course}/completions`, body)).status, 403, who);
    });

    test('the public catalogue shows recognised courses only; the list exports as .xlsx within the reader’s scope', async () => {
      const pub = await fetch(`${server.url}/api/public/online-courses`);
      const body = await pub.json();
      assert.equal(pub.status, 200);
      assert.deepEqual(
        body.items.map((c: { title: string }) => c.title),
        ['数控加工技术'],
      );
      assert.equal('reviewNote' in body.items[0], false);
      const rowsOf = async (c: TestClient) => {
        const res = await fetch(`${server.url}/api/exports/online-courses`, { headers: { cookie: c.cookie } });
        assert.equal(res.status, 200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await res.arrayBuffer());
        const out: unknown[][] = [];
        wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
        return out;
      };
      const city = await rowsOf(await as('cityAdmin'));
      assert.equal(city.length, 3);
      assert.equal(city[0]![0], '课程名称');
      const distA = await rowsOf(await as('districtA'));
      assert.deepEqual([distA.length, distA[1]![0], distA[1]![9]], [2, '数控加工技术', '已认定']);
      const res = await fetch(`${server.url}/api/exports/online-courses`, { headers: { cookie: (await as('studentA')).cookie } });
      assert.equal(res.status, 403);
    });

    test('the cockpit computes the three targets from these records, with drill-downs in the viewer’s district', async () => {
      const city = await as('cityAdmin');
      const run = await city.post('/api/indicators/recompute', {});
      assert.equal(run.status, 202);
      assert.equal((await waitForJob(city, run.body.id)).status, 'succeeded');
      const cockpit = (await city.get('/api/cockpit')).body;
      const target = (code: string) => cockpit.targets.find((t: { code: string }) => t.code === code);
      assert.deepEqual([target('online_courses').value, target('online_courses').method], [1, 'computed']);
      assert.deepEqual([target('smart_demo_schools').value, target('smart_demo_schools').method], [1, 'computed']);
      // Three vocational schools; schoolA's assessment is accepted and meets, schoolB's is resubmitted, schoolA2 has none.
      assert.deepEqual([target('smart_campus_share').value, target('smart_campus_share').method], [33.3, 'computed']);
      const drill = await city.get('/api/cockpit/drill/smart_campus_share');
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.equal(drill.body.total, 3);
      assert.deepEqual(
        drill.body.items.map((i: { meets: boolean }) => i.meets),
        [true, false, false],
      );
      const courses = await city.get('/api/cockpit/drill/online_courses');
      assert.deepEqual(
        courses.body.items.map((i: { title: string }) => i.title),
        ['数控加工技术'],
      );
      assert.equal((await city.get('/api/cockpit/drill/smart_demo_schools')).body.total, 1);
      const drillB = await (await as('districtB')).get(`/api/cockpit/drill/smart_campus_share?districtId=${w.districtB.id}`);
      assert.equal(drillB.body.total, 1);
      const demoB = await (await as('districtB')).get(`/api/cockpit/drill/smart_demo_schools?districtId=${w.districtB.id}`);
      assert.equal(demoB.body.total, 0);
    });
  });
}
