import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { listen, startTestServer, type TestServer } from '../support/server.ts';

for (const engine of testEngines()) {
  describe(`sign-in and sessions [${engine.name}]`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.close());
    const db = () => server.services.database.db;

    test('sign-in sets an HttpOnly SameSite cookie and /me returns roles and organisations', async () => {
      const district = await makeDistrict(db());
      const school = await makeSchool(db(), district.id);
      const user = await makeUser(db(), 'school_admin', school.id);
      const c = new TestClient(server.url);
      const res = await c.login(user.username, TEST_PASSWORD);
      assert.equal(res.status, 200);
      const cookie = res.headers.getSetCookie().join(';');
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, user.username);
      assert.deepEqual(
        me.body.roles.map((r: { role: string }) => r.role),
        ['school_admin'],
      );
      assert.equal(me.body.roles[0].organisation.id, school.id);
    });

    test('wrong username and wrong password answer the same 401', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const wrongPassword = await new TestClient(server.url).login(user.username, 'nope-Nope-1');
      const wrongUser = await new TestClient(server.url).login(`${user.username}x`, TEST_PASSWORD);
      for (const r of [wrongPassword, wrongUser]) {
        assert.equal(r.status, 401);
        assert.equal(r.body.code, 'INVALID_CREDENTIALS');
      }
      assert.equal(wrongPassword.body.message, wrongUser.body.message);
    });

    test('repeated failures lock the username with 429 and the time to wait', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.login(user.username, 'Wrong-password-1')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 429]);
      const locked = await c.login(user.username, TEST_PASSWORD);
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'TOO_MANY_ATTEMPTS');
      assert.ok(locked.body.retryAfterSeconds > 0);
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
    });

    test('sign-out ends the session', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      await c.login(user.username, TEST_PASSWORD);
      const stolen = c.cookie;
      assert.equal((await c.post('/api/auth/logout')).status, 200);
      c.cookie = stolen;
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 401);
      assert.equal(me.body.code, 'SESSION_EXPIRED');
    });

    test('an expired session answers 401 SESSION_EXPIRED', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      await c.login(user.username, TEST_PASSWORD);
      await db()
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(sessions.userId, user.id));
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 401);
      assert.equal(me.body.code, 'SESSION_EXPIRED');
      const anonymous = await new TestClient(server.url).get('/api/auth/me');
      assert.equal(anonymous.body.code, 'UNAUTHENTICATED');
    });

    test('sessions survive a server restart', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      await c.login(user.username, TEST_PASSWORD);
      // A new app process over the same database: only the database holds sessions.
      await server.stopApp();
      server = await listen(server.services);
      const again = new TestClient(server.url);
      again.cookie = c.cookie;
      const me = await again.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.id, user.id);
    });

    test('the CSRF check refuses a forged write', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id);
      const c = new TestClient(server.url);
      await c.login(user.username, TEST_PASSWORD);
      const forged = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
      assert.equal(forged.status, 403);
      assert.equal(forged.body.code, 'CSRF_FAILED');
      const missing = await c.request(
        'POST',
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'Another-Pass-99' },
        { 'x-csrf-token': '' },
      );
      assert.equal(missing.body.code, 'CSRF_FAILED');
      assert.equal((await c.get('/api/auth/me')).status, 200, 'the session is still alive');
    });

    test('an account created by an administrator must change its password before anything else', async () => {
      const bureau = await makeOrganisation(db(), 'bureau');
      const user = await makeUser(db(), 'city_admin', bureau.id, { mustChangePassword: true });
      const c = new TestClient(server.url);
      const login = await c.login(user.username, TEST_PASSWORD);
      assert.equal(login.body.user.mustChangePassword, true);
      const blocked = await c.get('/api/home');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.code, 'PASSWORD_CHANGE_REQUIRED');
      const weak = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.code, 'WEAK_PASSWORD');
      assert.ok(weak.body.fields.newPassword);
      const changed = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-Secret-2025' });
      assert.equal(changed.status, 200);
      assert.equal((await c.get('/api/home')).status, 200);
      const relogin = await new TestClient(server.url).login(user.username, 'New-Secret-2025');
      assert.equal(relogin.status, 200);
      assert.equal(relogin.body.user.mustChangePassword, false);
    });
  });
}
