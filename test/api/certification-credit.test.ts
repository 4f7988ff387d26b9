import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { certifiedCase } from '../support/certification.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * What certification brings (issue 14 item 4): 30% of a certified enterprise's declared investment in vocational
 * education credited against its 教育费附加 and 地方教育附加, the rest carried forward — computed from the enterprise's
 * own yearly declarations, shown to it, and to the bureau and the departments as a list with .xlsx.
 */
const base = {
  payrollYuan: 10_000_000,
  fundDrawnYuan: 200_000,
  fundSpentYuan: 150_000,
  frontlineSharePct: 65,
  peopleTrained: 320,
  stateOwned: false,
  sasacLevel: null,
};

for (const engine of testEngines()) {
  describe(`产教融合型企业 surcharge credit [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
      server.services.now = () => new Date('2026-03-02T02:00:00Z');
      await loadRegistryCatalogues(db());
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    test('the ledger from declared investment and surcharges, carried forward; the city list and its export; who may not', async () => {
      const district = await makeDistrict(db());
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const tax = await makeOrganisation(db(), 'department', { name: '郑州市税务局' });
      const ent = await makeEnterprise(db(), district.id, { name: '郑州抵免装备有限公司' });
      const other = await makeEnterprise(db(), otherDistrict.id, { name: '郑州外区抵免有限公司' });
      const plain = await makeEnterprise(db(), district.id, { name: '郑州未认定有限公司' });
      const u = {
        bureau: await makeUser(db(), 'city_admin', bureau.id),
        tax: await makeUser(db(), 'department', tax.id),
        district: await makeUser(db(), 'district', district.id),
        ent: await makeUser(db(), 'enterprise_admin', ent.id),
        other: await makeUser(db(), 'enterprise_admin', other.id),
        plain: await makeUser(db(), 'enterprise_admin', plain.id),
      };
      await certifiedCase(db(), ent.id, '2024-05-01', '2027-05-01');
      await certifiedCase(db(), other.id, '2025-02-01', '2028-02-01', '郑教〔2025〕3号');
      const declare = async (c: TestClient, id: string, year: number, extra: object) =>
        c.request('PUT', `/api/certification/enterprises/${id}/declarations/${year}`, { ...base, ...extra });
      const e = await as(u.ent);
      const bad = await declare(e, ent.id, 2024, { vocationalInvestmentYuan: -5, educationSurchargesYuan: 250_000 });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields.vocationalInvestmentYuan, JSON.stringify(bad.body));
      assert.equal((await declare(e, ent.id, 2024, { vocationalInvestmentYuan: 2_000_000, educationSurchargesYuan: 250_000 })).status, 200);
      const d2025 = await declare(e, ent.id, 2025, { educationSurchargesYuan: 300_000 });
      assert.equal(d2025.status, 200);
      assert.equal(d2025.body.vocationalInvestmentYuan, null, 'none declared');
      const o = await as(u.other);
      assert.equal((await declare(o, other.id, 2025, { vocationalInvestmentYuan: 100_000, educationSurchargesYuan: 10_000 })).status, 200);
      const p = await as(u.plain);
      assert.equal((await declare(p, plain.id, 2025, { vocationalInvestmentYuan: 900_000, educationSurchargesYuan: 90_000 })).status, 200);

      const ledger = await e.get(`/api/certification/enterprises/${ent.id}/surcharge-credit`);
      assert.equal(ledger.status, 200, JSON.stringify(ledger.body));
      assert.equal(ledger.body.ratePct, 30);
      assert.deepEqual(
        ledger.body.lines.map((l: Record<string, number>) => [l.year, l.creditYuan, l.carriedInYuan, l.usedYuan, l.carriedOutYuan]),
        [
          [2024, 600_000, 0, 250_000, 350_000],
          [2025, 0, 350_000, 300_000, 50_000],
        ],
      );
      assert.deepEqual((await p.get(`/api/certification/enterprises/${plain.id}/surcharge-credit`)).body.lines, [], 'not certified');
      assert.equal((await o.get(`/api/certification/enterprises/${ent.id}/surcharge-credit`)).status, 404, 'another enterprise');
      assert.equal((await (await as(u.district)).get(`/api/certification/enterprises/${ent.id}/surcharge-credit`)).status, 403);

      const list = await (await as(u.tax)).get('/api/certification/surcharge-credits');
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.year, 2025);
      const names = list.body.items.map((i: { enterpriseName: string }) => i.enterpriseName).sort();
      assert.ok(names.includes('郑州抵免装备有限公司') && names.includes('郑州外区抵免有限公司'));
      assert.ok(!names.includes('郑州未认定有限公司'), 'only certified enterprises');
      const row = list.body.items.find((i: { enterpriseName: string }) => i.enterpriseName === '郑州外区抵免有限公司');
      assert.deepEqual([row.creditYuan, row.usedYuan, row.carriedOutYuan], [30_000, 10_000, 20_000]);
      const mine = await (await as(u.bureau)).get(`/api/certification/surcharge-credits?year=2024&districtId=${district.id}`);
      assert.deepEqual(
        mine.body.items.map((i: { enterpriseName: string; creditYuan: number }) => [i.enterpriseName, i.creditYuan]),
        [['郑州抵免装备有限公司', 600_000]],
      );
      assert.equal((await o.get('/api/certification/surcharge-credits')).body.items.length, 1, 'an enterprise: itself only');
      assert.equal((await (await as(u.district)).get('/api/certification/surcharge-credits')).status, 403);
      assert.equal((await (await as(u.tax)).get('/api/certification/surcharge-credits?year=20x')).status, 400);

      const res = await fetch(`${server.url}/api/exports/surcharge-credits?year=2024`, { headers: { cookie: (await as(u.tax)).cookie } });
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0]!;
      const found = ws.getColumn(2).values.indexOf('郑州抵免装备有限公司');
      assert.ok(found > 1);
      assert.deepEqual(
        [6, 9, 10].map((n) => ws.getRow(found).getCell(n).value),
        [600_000, 250_000, 350_000],
      );
    });
  });
}
