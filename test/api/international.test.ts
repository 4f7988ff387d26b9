import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { todayOf } from '../../core/calendar.ts';
import { internationalSummary } from '../../server/international/index.ts';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import type { TestClient } from '../support/client.ts';
import { waitForJob } from './imports-fixtures.ts';
import { PDF_BYTES, upload } from './plan-fixtures.ts';
import { auditRows, buildRegistryWorld, put, signIn, type RegistryWorld } from './registry-fixtures.ts';

/**
 * 国际交流与合作 (issue 18 item 4) over real HTTP: the owner enters records with evidence, the bureau verifies them
 * (never without evidence), only verified records count toward international_projects (with drill-down) and in the
 * annual-report summary; who may and who may not, another organisation's record 404, bad input 400 naming the rule.
 */
for (const engine of testEngines()) {
  describe(`international records [${engine.name}]`, () => {
    let server: TestServer;
    let w: RegistryWorld;
    const as = (who: keyof RegistryWorld['users']) => signIn(server, w, who);
    const today = todayOf(new Date());
    const year = Number(today.slice(0, 4));
    const day = `${year}-01-01`;
    const exchange = {
      kind: 'exchange',
      title: '赴德国双元制职业教育交流',
      country: '德国',
      partner: '柏林技术职业学院',
      startedOn: day,
      direction: 'outbound',
      participant: 'student',
      people: 12,
    };
    const workshop = { kind: 'lubanWorkshop', title: '郑州—曼谷鲁班工坊', country: '泰国', partner: '曼谷职业学院', startedOn: day };
    let exchangeId: string;
    let workshopId: string;

    before(async () => {
      server = await startTestServer(engine);
      w = await buildRegistryWorld(server);
    });
    after(() => server.close());

    const review = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/international/records/${id}/review`, body);

    test('a school enters its records; the write is audited; the bureau cannot verify one without evidence', async () => {
      const school = await as('schoolAdminA');
      const a = await school.post('/api/international/records', exchange);
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.deepEqual([a.body.status, a.body.detail, a.body.year], ['submitted', '出国（境）学生 12 人', year]);
      exchangeId = a.body.id;
      const b = await school.post('/api/international/records', workshop);
      assert.equal(b.status, 201);
      workshopId = b.body.id;
      assert.equal((await auditRows(w.db, 'internationalRecord', exchangeId)).length, 1);
      const refused = await review(await as('cityAdmin'), exchangeId, { decision: 'verify', version: 1 });
      assert.equal(refused.status, 409);
      assert.match(refused.body.message, /佐证材料/);
      assert.equal(refused.body.rule, 'evidenceRequired');
    });

    test('bad input is refused naming the field and the rule; nothing is written', async () => {
      const school = await as('schoolAdminA');
      const before = (await school.get('/api/international/records')).body.total;
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [{ ...exchange, direction: null }, 'direction', /方向/],
        [{ ...exchange, people: 0 }, 'people', /1至/],
        [{ ...workshop, people: 5 }, 'people', /鲁班工坊不填写人数/],
        [{ ...workshop, kind: 'recognition' }, 'qualification', /证书名称/],
        [{ ...workshop, kind: 'competition' }, 'role', /承办或参赛/],
        [{ ...workshop, startedOn: '2022-06-01' }, 'startedOn', /2023/],
        [{ ...workshop, startedOn: `${year + 1}-01-01` }, 'startedOn', /尚未开始/],
        [{ ...workshop, endedOn: `${year - 1}-12-31` }, 'endedOn', /早于/],
        [{ ...workshop, country: '  ' }, 'country', /国家/],
        [{ ...workshop, kind: 'visit' }, 'kind', /类型/],
      ];
      for (const [body, field, message] of cases) {
        const res = await school.post('/api/international/records', body);
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
        assert.match(res.body.fields[field], message, field);
      }
      assert.equal((await school.get('/api/international/records')).body.total, before);
    });

    test('who may: owner and its district and the bureau read; another school and an enterprise get 404; teachers and students may not write', async () => {
      for (const who of ['schoolAdminA', 'teacherA', 'districtA', 'cityAdmin', 'department'] as const)
        assert.equal((await (await as(who)).get(`/api/international/records/${exchangeId}`)).status, 200, who);
      for (const who of ['schoolAdminB', 'schoolAdminA2', 'districtB', 'enterpriseAdmin'] as const) {
        const c = await as(who);
        assert.equal((await c.get(`/api/international/records/${exchangeId}`)).status, 404, who);
        assert.equal((await c.get(`/api/international/records/${exchangeId}/evidence/${exchangeId}`)).status, 404, who);
      }
      const other = await as('schoolAdminB');
      assert.equal((await put(other, `/api/international/records/${exchangeId}`, { ...exchange, version: 1 })).status, 404);
      assert.equal((await upload(other, `/api/international/records/${exchangeId}/evidence`, 'x.pdf', PDF_BYTES)).status, 404);
      assert.equal((await (await as('studentA')).get('/api/international/records')).status, 403);
      assert.equal((await (await as('teacherA')).post('/api/international/records', workshop)).status, 403);
      assert.equal((await (await as('districtA')).post('/api/international/records', workshop)).status, 403);
      for (const who of ['schoolAdminA', 'districtA', 'department'] as const)
        assert.equal((await review(await as(who), exchangeId, { decision: 'verify', version: 1 })).status, 403, who);
      // The list keeps to the scope: school B sees none of school A's records.
      assert.equal((await other.get('/api/international/records')).body.total, 0);
      assert.equal((await (await as('districtA')).get('/api/international/records')).body.total, 2);
      const enterprise = await as('enterpriseAdmin');
      const own = await enterprise.post('/api/international/records', {
        ...workshop,
        kind: 'competition',
        role: 'hosted',
        title: '国际焊接技能邀请赛',
      });
      assert.equal(own.status, 201, 'an enterprise records its own facts');
      assert.equal((await enterprise.get('/api/international/records')).body.total, 1);
    });

    test('evidence, then verification: counted from then on; returned records go back on correction; a verified record is not edited', async () => {
      const school = await as('schoolAdminA');
      const admin = await as('cityAdmin');
      assert.equal((await upload(school, `/api/international/records/${exchangeId}/evidence`, '交流协议.pdf', PDF_BYTES)).status, 201);
      const detail = await school.get(`/api/international/records/${exchangeId}`);
      assert.deepEqual([detail.body.evidence.length, detail.body.canEdit, detail.body.canReview], [1, true, false]);
      assert.equal((await admin.get(`/api/international/records/${exchangeId}`)).body.canReview, true);
      const file = await school.get(`/api/international/records/${exchangeId}/evidence/${detail.body.evidence[0].id}`);
      assert.equal(file.status, 200);
      assert.equal((await review(admin, exchangeId, { decision: 'verify', version: 99 })).status, 409, 'a stale version');
      const ok = await review(admin, exchangeId, { decision: 'verify', version: 1 });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'verified');
      assert.deepEqual(
        (await auditRows(w.db, 'internationalRecord', exchangeId)).map((r) => r.action),
        ['create', 'evidence.add', 'verify'],
      );
      const edit = await put(school, `/api/international/records/${exchangeId}`, { ...exchange, version: 2 });
      assert.equal(edit.status, 409);
      assert.match(edit.body.message, /已核验/);
      assert.equal((await upload(school, `/api/international/records/${exchangeId}/evidence`, 'x.pdf', PDF_BYTES)).status, 409);
      assert.equal((await review(admin, exchangeId, { decision: 'verify', version: 2 })).status, 409, 'verified twice');

      const noReason = await review(admin, workshopId, { decision: 'return', version: 1 });
      assert.equal(noReason.status, 400);
      assert.ok(noReason.body.fields.reason);
      const returned = await review(admin, workshopId, { decision: 'return', reason: '请补充合作协议', version: 1 });
      assert.deepEqual([returned.body.status, returned.body.returnReason], ['returned', '请补充合作协议']);
      const fixed = await put(school, `/api/international/records/${workshopId}`, { ...workshop, partner: '曼谷技术学院', version: 2 });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.deepEqual([fixed.body.status, fixed.body.returnReason, fixed.body.partner], ['submitted', null, '曼谷技术学院']);
      const list = (await admin.get('/api/international/records')).body;
      assert.deepEqual(list.byStatus, { submitted: 2, verified: 1, returned: 0 });
      assert.equal(list.items[0].status, 'submitted', 'awaiting the bureau first');
      assert.deepEqual([list.canReview, list.canEnter], [true, false]);
    });

    test('international_projects counts verified records only, with the records in the drill-down; the summary for the annual report', async () => {
      const admin = await as('cityAdmin');
      const run = await admin.post('/api/indicators/recompute', {});
      assert.equal((await waitForJob(admin, run.body.id)).status, 'succeeded');
      const target = (await admin.get('/api/cockpit')).body.targets.find((t: { code: string }) => t.code === 'international_projects');
      assert.deepEqual([target.value, target.method], [1, 'computed']);
      const drill = await admin.get('/api/cockpit/drill/international_projects');
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.deepEqual(
        drill.body.items.map((i: { name: string; kind: string }) => [i.name, i.kind]),
        [['赴德国双元制职业教育交流', '师生交流']],
      );
      const drillB = await (await as('districtB')).get(`/api/cockpit/drill/international_projects?districtId=${w.districtB.id}`);
      assert.equal(drillB.body.total, 0);

      const summary = await internationalSummary(w.db, w.schoolA.id, year);
      assert.deepEqual(summary.exchanges, { inbound: { students: 0, teachers: 0 }, outbound: { students: 12, teachers: 0 }, records: 1 });
      assert.deepEqual(summary.lubanWorkshops, { count: 0, countries: [] }, 'the workshop awaits the bureau again');
    });

    test('the list exports as .xlsx with the same scope', async () => {
      const res = await fetch(`${server.url}/api/exports/international-records`, { headers: { cookie: (await as('districtA')).cookie } });
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const out: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      assert.equal(out[0]![0], '登记单位');
      assert.equal(out.length, 4, 'header, two school records and the enterprise (district A) record');
      const denied = await fetch(`${server.url}/api/exports/international-records`, { headers: { cookie: (await as('studentA')).cookie } });
      assert.equal(denied.status, 403);
    });
  });
}
