import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { seedIfEmpty } from '../../server/demo/seed.ts';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * 郑州市产业人才供需与就业状况年度报告 (issue 16 item 6) on the tiny demo city: the bureau drafts a year from the data
 * (its 留郑率 the graduates page's), edits the texts, publishes; the public reads only published reports, as an A4
 * PDF whose tables carry their data date and as an .xlsx of the same tables. Departments read, nobody else does.
 */
const PASSWORD = 'Report-Test-2026';
const NOW = new Date('2026-03-02T02:00:00Z');
const TODAY = '2026-03-02';

for (const engine of testEngines()) {
  describe(`annual employment report [${engine.name}]`, () => {
    let server: TestServer;
    const as = async (username: string) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(username, PASSWORD)).status, 200, username);
      return c;
    };
    /** A download's bytes (the JSON client reads text). */
    const bytes = async (c: TestClient | null, path: string) => {
      const res = await fetch(server.url + path, { headers: c?.cookie ? { cookie: c.cookie } : {} });
      return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
    };
    before(async () => {
      server = await startTestServer(engine, { LOG_LEVEL: 'warn' });
      server.services.now = () => NOW;
      const config = { ...server.services.config, seedDemo: true, demoScale: 'tiny' as const, demoPassword: PASSWORD };
      await seedIfEmpty({ ...server.services, config }, () => {});
    });
    after(() => server.close());

    test('the bureau drafts, edits and publishes a year; the public then reads its PDF and tables, never a draft', async () => {
      const admin = await as('admin');
      const list = await admin.get('/api/employment-reports');
      assert.equal(list.status, 200);
      // the demo published its latest year (2025届, whose 6-month point has passed): the next draft is the year before
      assert.deepEqual(
        list.body.items.map((r: { year: number; status: string }) => [r.year, r.status]),
        [[2025, 'published']],
      );
      const fresh: number = list.body.suggestedYear;
      assert.equal(fresh, 2024, 'the latest graduation year with 留郑率 data and no report');

      // two clerks drafting the same year at once: one draft, one conflict
      const [a, b] = await Promise.all([
        admin.post('/api/employment-reports', { year: fresh }),
        admin.post('/api/employment-reports', { year: fresh }),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [201, 409], JSON.stringify([a.body, b.body]));
      const draft = a.status === 201 ? a.body : b.body;
      assert.equal(draft.status, 'draft');
      assert.equal(draft.dataDate, TODAY);
      const tables = draft.content.sections.flatMap((s: { tables: { caption: string; dataDate: string }[] }) => s.tables);
      assert.ok(tables.length >= 8 && tables.every((t: { dataDate: string }) => t.dataDate === TODAY), 'every table carries its data date');

      // the report's 留郑率 is the graduates page's, not a figure of its own
      const figures = await admin.get(`/api/graduate-figures?graduationYear=${fresh}&by=district`);
      const rates = draft.content.sections.find((s: { heading: string }) => s.heading.includes('留郑率'));
      const expected = figures.body.retention.value === null ? '暂无数据' : `${figures.body.retention.value}%`;
      assert.ok(rates.paragraphs[0].includes(`留郑率${expected}`), `${rates.paragraphs[0]} vs ${expected}`);
      assert.equal(rates.tables[0].rows.length, figures.body.rows.length, 'one row per district, as the graduates page breaks it down');

      // a draft is not public
      assert.equal((await bytes(null, `/api/public/employment-reports/${fresh}/pdf`)).status, 404);
      assert.ok(
        !(await new TestClient(server.url).get('/api/public/employment-reports')).body.items.some(
          (r: { year: number }) => r.year === fresh,
        ),
      );

      // edits name the version read; the texts are the bureau's, audited
      const stale = await admin.request('PUT', `/api/employment-reports/${fresh}`, {
        version: draft.version + 1,
        foreword: 'x',
        conclusion: 'y',
      });
      assert.equal(stale.status, 409);
      const blank = await admin.request('PUT', `/api/employment-reports/${fresh}`, {
        version: draft.version,
        foreword: '  ',
        conclusion: 'y',
      });
      assert.equal(blank.status, 400);
      assert.ok(blank.body.fields.foreword, JSON.stringify(blank.body));
      const edited = await admin.request('PUT', `/api/employment-reports/${fresh}`, {
        version: draft.version,
        foreword: '本报告经市教育局审定发布。',
        conclusion: '建议各校对照预警调整专业设置。',
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      // the figures read again keep the bureau's texts
      const redrawn = await admin.post(`/api/employment-reports/${fresh}/redraft`, { version: edited.body.version });
      assert.equal(redrawn.status, 200, JSON.stringify(redrawn.body));
      assert.equal(redrawn.body.foreword, '本报告经市教育局审定发布。');
      const published = await admin.post(`/api/employment-reports/${fresh}/publish`, { version: redrawn.body.version });
      assert.equal(published.status, 200, JSON.stringify(published.body));
      assert.equal(published.body.status, 'published');
      const audits = await server.services.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'employmentReport'));
      assert.deepEqual(
        audits
          .filter((x) => x.entityId === String(fresh))
          .map((x) => x.action)
          .sort(),
        ['create', 'publish', 'update', 'update'],
      );

      // published is frozen
      const late = await admin.request('PUT', `/api/employment-reports/${fresh}`, {
        version: published.body.version,
        foreword: 'x',
        conclusion: 'y',
      });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'INVALID_STATE');
      assert.equal((await admin.post(`/api/employment-reports/${fresh}/redraft`, { version: published.body.version })).status, 409);

      // anyone reads it: listed, an A4 PDF with the edited text and dated tables, the same tables as .xlsx
      const open = await new TestClient(server.url).get('/api/public/employment-reports');
      assert.ok(open.body.items.some((r: { year: number }) => r.year === fresh));
      const pdf = await bytes(null, `/api/public/employment-reports/${fresh}/pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.type, 'application/pdf');
      const text = (await pdfPages(pdf.body)).join('\n');
      for (const s of [
        `郑州市产业人才供需与就业状况年度报告（${fresh}年度）`,
        '本报告经市教育局审定发布。',
        '表4 留郑率与中职升学率，按区县(市)',
        '图2',
        `数据日期：${TODAY}`,
        '第 1 页',
      ])
        assert.ok(text.includes(s), `the PDF prints ${s}`);
      assert.ok(!text.includes('草稿'), 'a published report is not marked as a draft');
      const xlsx = await bytes(null, `/api/public/employment-reports/${fresh}/xlsx`);
      assert.equal(xlsx.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
      const sheet = wb.worksheets.find((ws) => ws.name.startsWith('表4'));
      assert.ok(sheet, wb.worksheets.map((ws) => ws.name).join(','));
      const cells = sheet.getSheetValues().flat().map(String);
      assert.ok(cells.includes(`数据日期：${TODAY}`), 'the sheet carries its data date');
      assert.equal(wb.worksheets.length, 1 + tables.length, 'a cover sheet and one sheet per table');
    });

    test("majors are warned on their graduates' outcomes by the policy's shares, and the report lists the same warnings", async () => {
      const admin = await as('admin');
      const { body } = await admin.get('/api/forecast/warnings');
      const o = body.outcomes;
      assert.equal(o.graduationYear, 2025);
      assert.deepEqual(o.thresholds, { minRetentionShare: 0.3, minPlacementShare: 0.85, minGraduates: 5 });
      for (const w of o.items) {
        assert.ok(w.graduates >= 5, JSON.stringify(w));
        assert.ok(w.kind === 'placement_low' ? w.placement < 0.85 : w.retention < 0.3, JSON.stringify(w));
      }
      const report = (await admin.get('/api/employment-reports/2025')).body;
      const table = report.content.sections
        .flatMap((x: { tables: { caption: string; rows: unknown[][] }[] }) => x.tables)
        .find((t: { caption: string }) => t.caption.startsWith('表9'));
      assert.equal(table.rows.length, o.items.length, 'the report of the same year lists the same outcome warnings');
    });

    test('only the bureau drafts and publishes; departments read; schools, enterprises and the public do not', async () => {
      const dept = await as('dept_ndrc');
      const { body } = await (await as('admin')).get('/api/employment-reports');
      const year = body.items[0].year;
      assert.equal((await dept.get('/api/employment-reports')).status, 200);
      assert.equal((await dept.get(`/api/employment-reports/${year}`)).status, 200);
      assert.equal((await bytes(dept, `/api/employment-reports/${year}/pdf`)).status, 200);
      assert.equal((await dept.post('/api/employment-reports', { year: 2020 })).status, 403);
      assert.equal((await dept.post(`/api/employment-reports/${year}/publish`, { version: 1 })).status, 403);
      for (const who of ['school1', 'enterprise1', 'district_jinshui', 'student1']) {
        const c = await as(who);
        assert.equal((await c.get('/api/employment-reports')).status, 403, who);
        assert.equal((await bytes(c, `/api/employment-reports/${year}/xlsx`)).status, 403, who);
      }
      const anonymous = new TestClient(server.url);
      assert.equal((await anonymous.get('/api/employment-reports')).status, 401);
      assert.equal((await anonymous.get(`/api/employment-reports/${year}`)).status, 401);
      assert.equal((await bytes(null, '/api/public/employment-reports/2099/pdf')).status, 404);
    });

    test('bad input is refused with the field: a year out of range, an unknown year, a second draft of a year', async () => {
      const admin = await as('admin');
      const early = await admin.post('/api/employment-reports', { year: 1999 });
      assert.equal(early.status, 400);
      assert.ok(early.body.fields.year);
      assert.equal((await admin.get('/api/employment-reports/2099')).status, 404);
      assert.equal((await admin.post('/api/employment-reports/2099/publish', { version: 1 })).status, 404);
      const year = (await admin.get('/api/employment-reports')).body.items[0].year;
      const again = await admin.post('/api/employment-reports', { year });
      assert.equal(again.status, 409);
      assert.ok(again.body.fields.year);
    });
  });
}
