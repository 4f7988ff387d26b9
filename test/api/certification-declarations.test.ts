import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { todayOf } from '../../core/calendar.ts';
import { auditLog, enterpriseDeclarations } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { loadRegistryCatalogues, makeEnterprise } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { finished } from './plan-fixtures.ts';

/** The yearly declaration of enterprises above designated size (issue 14 item 3), and the indicators computed from it. */
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
  describe(`enterprise yearly declarations [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
      await loadRegistryCatalogues(db());
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const year = Number(todayOf(new Date()).slice(0, 4)) - 1;
    const url = (enterpriseId: string, y = year) => `/api/certification/enterprises/${enterpriseId}/declarations/${y}`;

    async function as(user: { username: string }) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(user.username, TEST_PASSWORD)).status, 200);
      return c;
    }

    let world: Awaited<ReturnType<typeof build>> | null = null;
    async function build() {
      const district = await makeDistrict(db());
      const otherDistrict = await makeDistrict(db());
      const bureau = await makeOrganisation(db(), 'bureau');
      const sasac = await makeOrganisation(db(), 'department');
      const enterprise = await makeEnterprise(db(), district.id, { staffCount: 800, aboveDesignatedSize: true });
      const soe = await makeEnterprise(db(), district.id, { staffCount: 1200, aboveDesignatedSize: true });
      const other = await makeEnterprise(db(), otherDistrict.id, { staffCount: 500, aboveDesignatedSize: true });
      return {
        district,
        otherDistrict,
        enterprise,
        soe,
        other,
        users: {
          bureau: await makeUser(db(), 'city_admin', bureau.id),
          sasac: await makeUser(db(), 'department', sasac.id),
          district: await makeUser(db(), 'district', district.id),
          otherDistrict: await makeUser(db(), 'district', otherDistrict.id),
          enterprise: await makeUser(db(), 'enterprise_admin', enterprise.id),
          soe: await makeUser(db(), 'enterprise_admin', soe.id),
          other: await makeUser(db(), 'enterprise_admin', other.id),
        },
      };
    }
    const w = async () => (world ??= await build());

    test('an enterprise declares once a year: the register shows its internship places, it sees its standing; a correction names the version', async () => {
      const { enterprise, users } = await w();
      const e = await as(users.enterprise);
      const empty = await e.get(url(enterprise.id));
      assert.equal(empty.status, 200, JSON.stringify(empty.body));
      assert.equal(empty.body.declaration, null);
      assert.equal(empty.body.staffCount, 800);
      assert.equal(empty.body.internshipPlaces, 0, 'shown from the register, not asked');
      assert.deepEqual(empty.body.rules, { drawnMinPct: 1.5, drawnMaxPct: 2.5, frontlineMinPct: 60 }, 'from the policy file');

      const made = await e.request('PUT', url(enterprise.id), figures);
      assert.equal(made.status, 200, JSON.stringify(made.body));
      assert.equal(made.body.version, 1);
      assert.deepEqual(made.body.standing, {
        drawnSharePct: 2,
        drawn: 'within',
        frontlineMeets: true,
        rules: { drawnMinPct: 1.5, drawnMaxPct: 2.5, frontlineMinPct: 60 },
      });
      assert.equal((await e.request('PUT', url(enterprise.id), figures)).status, 409, 'a second first declaration of the year');
      const low = await e.request('PUT', url(enterprise.id), {
        ...figures,
        fundDrawnYuan: 140_000,
        fundSpentYuan: 100_000,
        frontlineSharePct: 55,
        version: 1,
      });
      assert.equal(low.status, 200, JSON.stringify(low.body));
      assert.equal(low.body.version, 2);
      assert.equal(low.body.standing.drawn, 'below');
      assert.equal(low.body.standing.drawnSharePct, 1.4);
      assert.equal(low.body.standing.frontlineMeets, false);
      assert.equal((await e.request('PUT', url(enterprise.id), { ...figures, version: 1 })).status, 409, 'stale version');

      const audits = await db()
        .select({ action: auditLog.action, changes: auditLog.changes })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'enterpriseDeclaration'), eq(auditLog.entityId, made.body.id)));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['correct', 'declare']);
      const correction = audits.find((a) => a.action === 'correct')!;
      assert.deepEqual(Object.keys(correction.changes).sort(), ['frontlineSharePct', 'fundDrawnYuan', 'fundSpentYuan']);
      assert.deepEqual(correction.changes.fundDrawnYuan, { before: 200_000, after: 140_000 });
      // Back to the first figures for the tests below.
      assert.equal((await e.request('PUT', url(enterprise.id), { ...figures, version: 2 })).status, 200);
    });

    test('bad figures: fund spent above drawn, a front-line share above 100%, a year not begun, a state-owned enterprise without its 国资委 → 400 naming the field; nothing written', async () => {
      const { other, users } = await w();
      const e = await as(users.other);
      const spent = await e.request('PUT', url(other.id), { ...figures, fundSpentYuan: 200_001 });
      assert.equal(spent.status, 400);
      assert.equal(spent.body.code, 'VALIDATION_FAILED');
      assert.match(spent.body.fields.fundSpentYuan, /不能超过当年提取/);
      const share = await e.request('PUT', url(other.id), { ...figures, frontlineSharePct: 100.5 });
      assert.equal(share.status, 400);
      assert.ok(share.body.fields.frontlineSharePct);
      const future = await e.request('PUT', url(other.id, year + 2), figures);
      assert.equal(future.status, 400);
      assert.ok(future.body.fields.year);
      const soe = await e.request('PUT', url(other.id), { ...figures, stateOwned: true });
      assert.equal(soe.status, 400);
      assert.ok(soe.body.fields.sasacLevel);
      const rows = await db().select().from(enterpriseDeclarations).where(eq(enterpriseDeclarations.enterpriseId, other.id));
      assert.equal(rows.length, 0);
    });

    test('who may: another enterprise 404, the districts their own, the bureau reads but never writes; departments see state-owned ones only', async () => {
      const { enterprise, soe, other, users, district } = await w();
      const made = await (
        await as(users.soe)
      ).request('PUT', url(soe.id), { ...figures, payrollYuan: 30_000_000, stateOwned: true, sasacLevel: 'city' });
      assert.equal(made.status, 200, JSON.stringify(made.body));
      const mine = (await (await as(users.enterprise)).get(url(enterprise.id))).body.declaration;

      const stranger = await as(users.other);
      assert.equal((await stranger.request('PUT', url(enterprise.id), figures)).status, 404, "another enterprise's form");
      assert.equal((await stranger.get(url(enterprise.id))).status, 404);
      assert.equal((await stranger.get(`/api/certification/declarations/${mine.id}`)).status, 404);
      assert.equal((await stranger.get('/api/certification/declarations')).body.total, 0);
      assert.equal((await stranger.get('/api/certification/state-owned-declarations')).status, 403);

      const d = await as(users.district);
      const list = await d.get(`/api/certification/declarations?year=${year}`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort(), [enterprise.id, soe.id].sort());
      assert.equal(list.body.items[0].districtId, district.id);
      assert.equal((await d.request('PUT', url(enterprise.id), figures)).status, 403, 'the district does not declare for an enterprise');
      const od = await as(users.otherDistrict);
      assert.equal((await od.get(`/api/certification/declarations/${mine.id}`)).status, 404);
      assert.equal((await od.get(url(enterprise.id))).status, 404);

      const b = await as(users.bureau);
      assert.equal((await b.get('/api/certification/declarations')).body.total, 2);
      assert.equal((await b.get('/api/certification/declarations?standing=frontlineBelow')).body.total, 0);
      assert.equal((await b.request('PUT', url(enterprise.id), figures)).status, 403);

      const s = await as(users.sasac);
      assert.equal((await s.get('/api/certification/declarations')).status, 403, 'not every declaration');
      const soes = await s.get('/api/certification/state-owned-declarations');
      assert.equal(soes.status, 200, JSON.stringify(soes.body));
      assert.deepEqual(
        soes.body.items.map((i: { enterpriseId: string }) => i.enterpriseId),
        [soe.id],
      );
      assert.equal(soes.body.summary.enterprises, 1);
      assert.equal(soes.body.summary.drawnSharePct, 0.67);
      assert.equal(soes.body.summary.peopleTrained, 320);
      void other;
    });

    test('exports: the declarations as .xlsx in the caller’s scope; the SOE list for departments', async () => {
      const { users } = await w();
      const b = await as(users.bureau);
      const res = await fetch(`${server.url}/api/exports/declarations?year=${year}`, { headers: { cookie: b.cookie } });
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.rowCount, 3, 'header and two declarations');
      assert.equal(ws.getRow(1).getCell(7).value, '提取比例（%）');
      const s = await as(users.sasac);
      const soe = await fetch(`${server.url}/api/exports/state-owned-declarations`, { headers: { cookie: s.cookie } });
      assert.equal(soe.status, 200);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(Buffer.from(await soe.arrayBuffer()) as never);
      assert.equal(wb2.worksheets[0]!.rowCount, 2);
      assert.equal((await fetch(`${server.url}/api/exports/declarations`, { headers: { cookie: s.cookie } })).status, 403);
    });

    test('the cockpit computes the training-fund targets from the declarations, with drill-down to each enterprise', async () => {
      const { enterprise, users, district } = await w();
      const b = await as(users.bureau);
      const res = await b.post('/api/indicators/recompute', {});
      assert.equal(res.status, 202);
      assert.equal((await finished(b, res.body.id)).status, 'succeeded');
      const cockpit = await b.get('/api/cockpit');
      const t = (code: string) => cockpit.body.targets.find((x: { code: string }) => x.code === code);
      // 200,000 + 200,000 drawn over 10,000,000 + 30,000,000 payroll; 150,000 × 65% twice over 300,000 spent.
      assert.equal(t('training_fund_share').value, 1);
      assert.equal(t('training_fund_share').method, 'computed');
      assert.equal(t('training_fund_frontline_share').value, 65);
      const drill = await b.get(`/api/cockpit/drill/training_fund_share?districtId=${district.id}`);
      assert.equal(drill.status, 200, JSON.stringify(drill.body));
      assert.equal(drill.body.total, 2);
      const row = drill.body.items.find((i: { id: string }) => i.id === enterprise.id);
      assert.equal(row.share, 2);
      assert.equal(row.meets, true);
      assert.equal(drill.body.items[0].meets, false, 'those outside the range first');
    });

    test('the enterprises above designated size that have not declared: the district its own, an enterprise itself, departments not', async () => {
      const { district, enterprise, users } = await w();
      const late = await makeEnterprise(db(), district.id, { name: '郑州未申报机械有限公司', staffCount: 600, aboveDesignatedSize: true });
      const small = await makeEnterprise(db(), district.id, { staffCount: 20, aboveDesignatedSize: false });
      const lateUser = await makeUser(db(), 'enterprise_admin', late.id);
      const ids = async (c: TestClient, q = '') => {
        const res = await c.get(`/api/certification/undeclared-enterprises${q}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId) as string[];
      };
      const mine = await ids(await as(users.district));
      assert.ok(mine.includes(late.id));
      assert.ok(!mine.includes(small.id), 'below designated size: not asked');
      assert.ok(!mine.includes(enterprise.id), 'declared');
      assert.ok(!(await ids(await as(users.otherDistrict))).includes(late.id), 'another district');
      assert.ok((await ids(await as(users.bureau), `?year=${year}&districtId=${district.id}`)).includes(late.id));
      assert.deepEqual(await ids(await as(lateUser)), [late.id]);
      assert.deepEqual(await ids(await as(users.enterprise)), []);
      assert.equal((await (await as(users.sasac)).get('/api/certification/undeclared-enterprises')).status, 403);
      assert.equal((await (await as(users.bureau)).get('/api/certification/undeclared-enterprises?year=abc')).status, 400);
    });
  });
}
