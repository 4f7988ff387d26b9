import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { certificationCases } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The printed documents of 产教融合型企业 (issue 14 item 6): the application (申报书) pre-filled from the register
 * and the declaration, the annual report as submitted, both A4 PDFs read back as a viewer prints them; the
 * pipeline as .xlsx; each only to those who may read the case (another enterprise's: 404).
 */
const figures = {
  payrollYuan: 10_000_000,
  fundDrawnYuan: 200_000,
  fundSpentYuan: 150_000,
  frontlineSharePct: 65,
  peopleTrained: 320,
  stateOwned: false,
  sasacLevel: null,
};

for (const engine of testEngines()) {
  describe(`产教融合型企业 documents [${engine.name}]`, () => {
    let server: TestServer;
    let clock = new Date('2025-03-03T02:00:00Z');
    before(async () => {
      server = await startTestServer(engine);
      server.services.now = () => clock;
      await loadRegistryCatalogues(db());
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const at = (day: string) => (clock = new Date(`${day}T02:00:00Z`));
    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }
    const download = (c: TestClient, path: string) => fetch(`${server.url}${path}`, { headers: { cookie: c.cookie } });

    test('the application and the annual report print as A4 PDFs; the pipeline exports as .xlsx; another district or enterprise gets 404', async () => {
      at('2025-03-03');
      const district = await makeDistrict(db());
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const finance = await makeOrganisation(db(), 'department');
      const ent = await makeEnterprise(db(), district.id, { name: '郑州精工装备有限公司', staffCount: 900, aboveDesignatedSize: true });
      const other = await makeEnterprise(db(), otherDistrict.id, { staffCount: 300, aboveDesignatedSize: true });
      const u = {
        bureau: await makeUser(db(), 'city_admin', bureau.id),
        finance: await makeUser(db(), 'department', finance.id),
        district: await makeUser(db(), 'district', district.id),
        otherDistrict: await makeUser(db(), 'district', otherDistrict.id),
        ent: await makeUser(db(), 'enterprise_admin', ent.id),
        other: await makeUser(db(), 'enterprise_admin', other.id),
      };
      let e = await as(u.ent);
      assert.equal((await e.request('PUT', `/api/certification/enterprises/${ent.id}/declarations/2024`, figures)).status, 200);
      const made = await e.post('/api/certification/cases', {
        enterpriseId: ent.id,
        statement: '本企业与三所职业院校共建智能制造专业，订单培养学生120人。',
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id: string = made.body.id;

      const app = await download(e, `/api/certification/cases/${id}/application.pdf`);
      assert.equal(app.status, 200);
      assert.equal(app.headers.get('content-type'), 'application/pdf');
      assert.match(app.headers.get('content-disposition') ?? '', /filename\*=UTF-8''.*\.pdf/);
      const text = (await pdfPages(Buffer.from(await app.arrayBuffer()))).join('\n');
      for (const expected of [
        '产教融合型企业申报书',
        '郑州精工装备有限公司',
        `统一社会信用代码：${ent.code}`,
        '职工人数',
        '900 人',
        '（2024年度）',
        '提取职工教育培训经费：200,000 元',
        '用于一线职工比例：65%',
        '满足（平台数据核验）',
        '需佐证材料',
        '订单培养学生120人',
        '当前阶段：已申报（待区县初审）',
        '数据日期：2025-03-03',
      ])
        assert.ok(text.includes(expected), `the application prints ${expected}: ${text}`);

      // Who may print it: the district and the bureau and the departments; not another district or enterprise.
      for (const [who, status] of [
        [u.district, 200],
        [u.bureau, 200],
        [u.finance, 200],
        [u.otherDistrict, 404],
        [u.other, 404],
      ] as const)
        assert.equal((await download(await as(who), `/api/certification/cases/${id}/application.pdf`)).status, status, who.username);
      assert.equal((await fetch(`${server.url}/api/certification/cases/${id}/application.pdf`)).status, 401);

      // Past the stages tested in certification-cases.test.ts: certified in 2025, reporting on 2025 in January 2026.
      await db()
        .update(certificationCases)
        .set({ stage: 'certified', level: 'city', documentNo: '郑教〔2025〕8号', certifiedOn: '2025-04-01', validUntil: '2028-04-01' })
        .where(eq(certificationCases.id, id));
      at('2026-01-20');
      e = await as(u.ent);
      assert.equal((await e.request('PUT', `/api/certification/enterprises/${ent.id}/declarations/2025`, figures)).status, 200);
      const noReport = await download(e, `/api/certification/cases/${id}/annual-reports/2025/report.pdf`);
      assert.equal(noReport.status, 404, 'no report of the year yet');
      const report = await e.post(`/api/certification/cases/${id}/annual-reports`, {
        year: 2025,
        narrative: '本年度与合作院校共建实训基地一个，接收实习学生86人，开展订单培养两个班。',
      });
      assert.equal(report.status, 201, JSON.stringify(report.body));
      const pdf = await download(e, `/api/certification/cases/${id}/annual-reports/2025/report.pdf`);
      assert.equal(pdf.status, 200);
      const reportText = (await pdfPages(Buffer.from(await pdf.arrayBuffer()))).join('\n');
      for (const expected of [
        '产教融合型企业年度报告',
        '2025年度',
        '郑教〔2025〕8号',
        '报送日期：2026-01-20（应于2026-01-31前报送）',
        '使用职工教育培训经费',
        '150,000 元',
        '接收实习学生86人',
      ])
        assert.ok(reportText.includes(expected), `the annual report prints ${expected}: ${reportText}`);
      assert.equal((await download(await as(u.other), `/api/certification/cases/${id}/annual-reports/2025/report.pdf`)).status, 404);
      assert.equal((await download(e, `/api/certification/cases/${id}/annual-reports/1999/report.pdf`)).status, 400, 'a year out of range');

      // The pipeline: the bureau's and departments' whole city, a district and an enterprise their own.
      const sheet = async (c: TestClient, query = '') => {
        const res = await download(c, `/api/exports/certification-cases${query}`);
        assert.equal(res.status, 200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
        return wb.worksheets[0]!;
      };
      const ws = await sheet(await as(u.finance), '?stage=certified');
      const names = ws.getColumn(1).values.slice(2);
      assert.ok(names.includes('郑州精工装备有限公司'));
      const row = ws.getRow(1 + names.indexOf('郑州精工装备有限公司') + 1);
      assert.equal(row.getCell(3).value, '已认定');
      assert.equal(row.getCell(12).value, '郑教〔2025〕8号');
      assert.equal(row.getCell(15).value, '2025');
      assert.equal((await sheet(await as(u.otherDistrict))).rowCount, 1, 'another district: the header only');
      assert.equal((await sheet(await as(u.other))).rowCount, 1, 'another enterprise: the header only');
      assert.equal((await download(await as(u.bureau), '/api/exports/certification-cases?stage=nothing')).status, 400);
    });
  });
}
