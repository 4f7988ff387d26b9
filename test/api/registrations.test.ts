import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog, organisations } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { badCheckUscc, loadRegistryCatalogues, makeEnterprise, uscc } from '../support/registry.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Enterprise self-registration: the public form (no session, no CSRF token, rate-limited), review by the
 * registrant's district or the bureau, and the account that works only after approval.
 */
const PASSWORD = 'Qiye-Zhuce-2025!';
let serial = 0;

for (const engine of testEngines()) {
  describe(`enterprise self-registration [${engine.name}]`, () => {
    let server: TestServer;
    let w: Awaited<ReturnType<typeof buildWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      w = await buildWorld(server);
    });
    after(() => server.close());

    async function as(role: keyof typeof w.users) {
      const c = new TestClient(server.url);
      assert.equal((await c.login(w.users[role].username, TEST_PASSWORD)).status, 200);
      return c;
    }
    const form = (extra: Record<string, unknown> = {}) => ({
      uscc: uscc(),
      name: `郑州自主注册科技有限公司${++serial}`,
      districtId: w.districtA.id,
      size: 'small',
      industryCode: '6513',
      clusterCode: 'artificial_intelligence',
      staffCount: 80,
      payrollYuan: 6_000_000,
      aboveDesignatedSize: false,
      username: `reg_${engine.name}_${serial}_${Math.random().toString(36).slice(2, 6)}`,
      displayName: '王经理',
      password: PASSWORD,
      ...extra,
    });
    const register = (body: Record<string, unknown>) => new TestClient(server.url).post('/api/registrations', body);

    test("registration → pending; no sign-in until approval; approval → sign-in works and the profile is the registrant's", async () => {
      const body = form();
      const res = await register(body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.status, 'pending');
      const early = await new TestClient(server.url).login(body.username, PASSWORD);
      assert.equal(early.status, 401);

      const district = await as('districtA');
      const pending = await district.get('/api/registrations?status=pending');
      const mine = pending.body.items.find((r: { id: string }) => r.id === res.body.id);
      assert.ok(mine);
      assert.equal(mine.uscc, body.uscc);
      assert.equal(mine.contactName, '王经理');
      const enterprise = await district.get(`/api/enterprises/${mine.enterpriseId}`);
      assert.equal(enterprise.body.status, 'pending');

      const approved = await district.post(`/api/registrations/${res.body.id}/approve`);
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      assert.equal(approved.body.status, 'approved');
      assert.ok(approved.body.reviewerName);
      assert.equal((await district.post(`/api/registrations/${res.body.id}/approve`)).status, 409);
      assert.equal((await district.post(`/api/registrations/${res.body.id}/reject`, { reason: '晚了' })).status, 409);

      const me = new TestClient(server.url);
      const login = await me.login(body.username, PASSWORD);
      assert.equal(login.status, 200);
      assert.equal(login.body.user.mustChangePassword, false); // the registrant chose the password
      const own = await me.get(`/api/enterprises/${mine.enterpriseId}`);
      assert.equal(own.status, 200);
      assert.equal(own.body.status, 'active');
      assert.equal(own.body.industryCode, '6513');

      const audits = await server.services.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'enterpriseRegistration'), eq(auditLog.entityId, res.body.id)));
      assert.deepEqual(audits.map((a) => a.action).sort(), ['approve', 'register']);
    });

    test('rejection keeps the reason, the account stays unusable, and the enterprise may register again', async () => {
      const body = form();
      const res = await register(body);
      assert.equal(res.status, 201);
      const city = await as('cityAdmin');
      assert.equal((await city.post(`/api/registrations/${res.body.id}/reject`, { reason: '' })).status, 400);
      const rejected = await city.post(`/api/registrations/${res.body.id}/reject`, { reason: '营业执照信息与所填不符' });
      assert.equal(rejected.status, 200);
      assert.equal(rejected.body.status, 'rejected');
      assert.equal(rejected.body.reason, '营业执照信息与所填不符');
      assert.equal((await new TestClient(server.url).login(body.username, PASSWORD)).status, 401);
      const [org] = await server.services.database.db.select().from(organisations).where(eq(organisations.code, body.uscc));
      assert.equal(org!.status, 'archived');
      const restore = await city.post(`/api/enterprises/${org!.id}/restore`, { version: org!.version });
      assert.equal(restore.status, 409); // a rejected registrant is not let in by the back door

      const again = await register(form({ uscc: body.uscc, name: '郑州更正名称科技有限公司' }));
      assert.equal(again.status, 201, JSON.stringify(again.body));
      const detail = await city.get(`/api/registrations/${again.body.id}`);
      assert.equal(detail.body.enterpriseId, org!.id);
      assert.equal(detail.body.enterpriseName, '郑州更正名称科技有限公司');
      assert.equal(detail.body.status, 'pending');
    });

    test('bad input: USCC check character, weak password, unknown industry → 400 naming the field; taken code or username → 409', async () => {
      const bad = await register(form({ uscc: badCheckUscc() }));
      assert.equal(bad.status, 400);
      assert.match(bad.body.fields.uscc, /校验码/);
      const weak = await register(form({ password: 'short' }));
      assert.equal(weak.status, 400);
      assert.equal(weak.body.code, 'WEAK_PASSWORD');
      assert.ok(weak.body.fields.password);
      const industry = await register(form({ industryCode: '0000' }));
      assert.equal(industry.status, 400);
      assert.ok(industry.body.fields.industryCode);
      const taken = await register(form({ uscc: w.existing.code }));
      assert.equal(taken.status, 409);
      assert.ok(taken.body.fields.uscc);
      const first = form();
      assert.equal((await register(first)).status, 201);
      const sameUser = await register(form({ username: first.username }));
      assert.equal(sameUser.status, 409);
      assert.ok(sameUser.body.fields.username);
      const extra = await register({ ...form(), role: 'city_admin' });
      assert.equal(extra.status, 400);
    });

    test("another district's registration is 404; roles other than district and bureau may not review", async () => {
      const res = await register(form());
      assert.equal(res.status, 201);
      const other = await as('districtB');
      assert.equal((await other.get(`/api/registrations/${res.body.id}`)).status, 404);
      assert.equal((await other.post(`/api/registrations/${res.body.id}/approve`)).status, 404);
      const list = await other.get('/api/registrations?pageSize=200');
      assert.ok(list.body.items.every((r: { districtId: string }) => r.districtId === w.districtB.id));
      for (const role of ['department', 'entAdmin'] as const) {
        const c = await as(role);
        assert.equal((await c.get('/api/registrations')).status, 403, role);
        assert.equal((await c.post(`/api/registrations/${res.body.id}/approve`)).status, 403, role);
      }
      assert.equal((await new TestClient(server.url).get('/api/registrations')).status, 401);
    });

    test('the public form is rate-limited per client address', async () => {
      let limited: { status: number; body: { code: string } } | undefined;
      for (let i = 0; i < 30 && !limited; i++) {
        const res = await register(form({ uscc: badCheckUscc() }));
        if (res.status === 429) limited = res;
        else assert.equal(res.status, 400);
      }
      assert.ok(limited, 'no 429 after 30 registrations');
      assert.equal(limited.body.code, 'RATE_LIMITED');
    });
  });
}

async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  await loadRegistryCatalogues(db);
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const existing = await makeEnterprise(db, districtA.id);
  const users = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    districtB: await makeUser(db, 'district', districtB.id),
    entAdmin: await makeUser(db, 'enterprise_admin', existing.id),
  };
  return { districtA, districtB, existing, users };
}
