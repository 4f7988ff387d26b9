import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testEngines } from '../support/engines.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildPlanWorld, PDF_BYTES, signedIn, upload, type PlanWorld } from './plan-fixtures.ts';
import { pdfPages } from '../support/pdf-text.ts';

/**
 * Supervision of the task list over real HTTP, with the clock at 10 May 2024 (2024Q2 in progress, 2023Q4
 * and 2024Q1 past due): reports by the task's own units only, evidence checks, ratings, the league table
 * and the exports.
 */
const NOW = new Date('2024-05-10T10:00:00+08:00');

for (const engine of testEngines()) {
  describe(`task supervision [${engine.name}]`, () => {
    let server: TestServer;
    let w: PlanWorld;
    before(async () => {
      server = await startTestServer(engine);
      server.services.now = () => NOW;
      w = await buildPlanWorld(server);
    });
    after(() => server.close());
    const as = (who: keyof PlanWorld['users']) => signedIn(server, w.users[who].username);
    const report = (period: string, extra: object = {}) => ({
      period,
      text: '已完成年度工作部署，召开推进会2次。',
      figures: [{ label: '推进会', kind: 'count', value: 2, unit: '次' }],
      ...extra,
    });

    test('the task list: 29 tasks with units, the caller’s part, periods and the current one', async () => {
      const hrss = await as('hrss');
      const res = await hrss.get('/api/tasks');
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 29);
      assert.equal(res.body.frequency, 'quarterly');
      assert.equal(res.body.currentPeriod.key, '2024Q2');
      assert.equal(res.body.items[8].myRole, 'co', 'task 9: 市教育局、市人社局');
      assert.equal(res.body.items[0].myRole, null);
      const mine = await hrss.get('/api/tasks?mine=true');
      assert.deepEqual(
        mine.body.items.map((t: { no: number }) => t.no),
        [9, 10, 15, 16, 24, 25, 27],
      );
      assert.equal((await (await as('schoolAdmin')).get('/api/tasks')).status, 403);
      assert.equal((await hrss.get('/api/tasks/30')).status, 404);
    });

    test('a unit reports on its own task; another unit’s task is 404; a school is 403', async () => {
      const hrss = await as('hrss');
      const res = await hrss.post('/api/tasks/9/reports', report('2024Q2'));
      assert.equal(res.status, 201);
      assert.equal(res.body.unitCode, 'hrss');
      assert.equal(res.body.late, false);
      const union = await as('union');
      const notMine = await union.post('/api/tasks/9/reports', report('2024Q2'));
      assert.equal(notMine.status, 404);
      assert.equal(notMine.body.code, 'NOT_FOUND');
      assert.equal((await (await as('schoolAdmin')).post('/api/tasks/9/reports', report('2024Q2'))).status, 403);
      assert.equal((await hrss.post('/api/tasks/9/reports', report('2024Q2'))).status, 409, 'one report per unit and period');
      const late = await hrss.post('/api/tasks/9/reports', report('2024Q1'));
      assert.equal(late.status, 201);
      assert.equal(late.body.late, true, '2024Q1 was due on 15 April');
      const future = await hrss.post('/api/tasks/9/reports', report('2024Q3'));
      assert.equal(future.status, 400);
      assert.ok(future.body.fields.period);
    });

    test('districts report on the tasks of 各区县（市）; development zones on those of 各开发区', async () => {
      const a = await as('districtA');
      const res = await a.post('/api/tasks/1/reports', report('2024Q2'));
      assert.equal(res.status, 201);
      assert.equal(res.body.districtId, w.districtA.id);
      const zone = await as('devZone');
      assert.equal((await zone.post('/api/tasks/1/reports', report('2024Q2'))).status, 404, 'task 1 names no development zones');
      assert.equal((await zone.post('/api/tasks/16/reports', report('2024Q2'))).status, 201);
    });

    test('figures that contradict their definition are refused naming the field, and nothing is written', async () => {
      const a = await as('districtA');
      const bad = await a.post(
        '/api/tasks/16/reports',
        report('2024Q2', {
          figures: [
            { label: '达标率', kind: 'share', value: 120 },
            { label: '基地', kind: 'count', value: -1 },
          ],
        }),
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.fields['figures.0.value'], '比例不能超过100%');
      assert.equal(bad.body.fields['figures.1.value'], '个数不能为负数');
      const list = await a.get('/api/reports?taskNo=16');
      assert.equal(list.body.total, 0);
    });

    test('evidence: type by content and a size limit; a refused file changes nothing', async () => {
      const hrss = await as('hrss');
      const [r] = (await hrss.get('/api/reports?taskNo=9&period=2024Q2')).body.items;
      const path = `/api/reports/${r.id}/evidence`;
      const ok = await upload(hrss, path, '会议纪要.pdf', PDF_BYTES);
      assert.equal(ok.status, 201);
      assert.equal(ok.body.type, 'pdf');
      const html = await upload(hrss, path, 'page.html', Buffer.from('<script>alert(1)</script>'));
      assert.equal(html.status, 415);
      assert.match(html.body.message, /只能是PDF、JPG、PNG、XLSX、DOCX/);
      const png = await upload(hrss, path, '照片.png', Buffer.from('GIF89a fake'));
      assert.equal(png.status, 415);
      const big = await upload(hrss, path, '扫描件.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]));
      assert.equal(big.status, 413);
      assert.match(big.body.message, /超过上限10 MB/);
      assert.equal((await upload(await as('union'), path, 'x.pdf', PDF_BYTES)).status, 404);
      const after = await hrss.get(`/api/reports/${r.id}`);
      assert.equal(after.body.evidence.length, 1);
      assert.equal(after.body.text, r.text);
    });

    test('who sees which reports: own unit, own district, the bureau all; others are 404', async () => {
      const hrss = await as('hrss');
      const own = await hrss.get('/api/reports?pageSize=100');
      assert.ok(own.body.items.length >= 2 && own.body.items.every((r: { organisationId: string }) => r.organisationId === w.hrss.id));
      const aReport = (await (await as('districtA')).get('/api/reports')).body.items[0];
      assert.equal(aReport.organisationId, w.districtA.id);
      assert.equal((await (await as('districtB')).get(`/api/reports/${aReport.id}`)).status, 404);
      assert.equal((await hrss.get(`/api/reports/${aReport.id}`)).status, 404);
      const all = await (await as('cityAdmin')).get('/api/reports?pageSize=100');
      assert.equal(all.body.total, 4);
      const detail = await hrss.get('/api/tasks/9');
      assert.equal(detail.body.reports.length, 2);
    });

    test('the bureau rates; a rated report can no longer be edited; departments may not rate', async () => {
      const hrss = await as('hrss');
      const [r] = (await hrss.get('/api/reports?taskNo=9&period=2024Q2')).body.items;
      const edited = await hrss.patch(`/api/reports/${r.id}`, { text: '补充：签订合作协议3份。', version: r.version });
      assert.equal(edited.status, 200);
      assert.equal((await hrss.patch(`/api/reports/${r.id}`, { text: '旧版本', version: r.version })).status, 409);
      assert.equal((await hrss.post(`/api/reports/${r.id}/rating`, { score: 90, version: edited.body.version })).status, 403);
      const admin = await as('cityAdmin');
      assert.equal((await admin.post(`/api/reports/${r.id}/rating`, { score: 101, version: edited.body.version })).status, 400);
      const rated = await admin.post(`/api/reports/${r.id}/rating`, { score: 88, comment: '进展扎实', version: edited.body.version });
      assert.equal(rated.status, 200);
      assert.equal(rated.body.score, 88);
      const locked = await hrss.patch(`/api/reports/${r.id}`, { text: '再改', version: rated.body.version });
      assert.equal(locked.status, 409);
      const a = await as('districtA');
      const [ra] = (await a.get('/api/reports')).body.items;
      assert.equal((await admin.post(`/api/reports/${ra.id}/rating`, { score: 75, version: ra.version })).status, 200);
    });

    test('overdue: past-due periods without a report are flagged; the league table ranks districts', async () => {
      const admin = await as('cityAdmin');
      const tasks = await admin.get('/api/tasks');
      const t1 = tasks.body.items[0];
      // Task 1 (edu, ndrc, districts): bureau + 3 county-level districts here owe 2023Q4 and 2024Q1, none reported.
      assert.equal(t1.overdue, 2 * 3);
      const cockpit = await admin.get('/api/cockpit');
      assert.ok(cockpit.body.supervision.overdue > 0);
      assert.ok(cockpit.body.alerts.some((x: { kind: string }) => x.kind === 'overdue'));
      const league = await (await as('districtB')).get('/api/reports/league');
      assert.equal(league.status, 200);
      assert.equal(league.body.items.length, 3);
      const a = league.body.items.find((r: { districtId: string }) => r.districtId === w.districtA.id);
      assert.equal(a.quality, 75);
      assert.equal(a.rank, 1);
      assert.deepEqual(league.body.weights, { timeliness: 0.3, quality: 0.5, indicators: 0.2 });
      assert.equal((await admin.get('/api/reports/league?period=2099Q1')).status, 400);
    });

    test('exports: an .xlsx workbook and a printable page for the bureau only', async () => {
      const admin = await as('cityAdmin');
      const res = await fetch(`${server.url}/api/reports/export`, { headers: { cookie: admin.cookie } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      assert.deepEqual(
        wb.worksheets.map((s) => s.name),
        ['进展报告', '逾期未报', '区县排名'],
      );
      assert.equal(wb.getWorksheet('进展报告')!.rowCount, 1 + 4);
      const pdf = await admin.bytes('/api/reports/supervision.pdf?period=2024Q1');
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      const printed = (await pdfPages(pdf.body)).join('');
      for (const text of ['任务落实督导报告', '期次：2024年第一季度', '区县督导考核排名', '任务清单落实情况', '逾期未报送清单'])
        assert.ok(printed.includes(text), `the report prints ${text}`);
      assert.equal((await (await as('hrss')).get('/api/reports/export')).status, 403);
      assert.equal((await (await as('districtA')).get('/api/reports/supervision.pdf')).status, 403);
    });
  });
}
