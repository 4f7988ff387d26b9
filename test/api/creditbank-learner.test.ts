import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { idNumberCheckChar } from '../../core/codes/idNumber.ts';
import { auditLog, memberships } from '../../server/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildCreditBankWorld } from './creditbank-world.ts';

/**
 * Learning accounts for learners who are not students (issue 6, item 1): an enterprise opens the account of an
 * employee in training together with a sign-in of role `learner`; the learner signs in and sees only their own.
 */
const idNumber = () => {
  const first17 = `4101051990030${String(crypto.randomInt(1000, 9999))}`;
  return first17 + idNumberCheckChar(first17);
};
const NEW_PASSWORD = 'Learner#2025abc';

for (const engine of testEngines()) {
  describe(`credit bank learners [${engine.name}]`, () => {
    let server: TestServer;
    let world: Awaited<ReturnType<typeof buildCreditBankWorld>>;
    before(async () => {
      server = await startTestServer(engine);
      world = await buildCreditBankWorld(server);
    });
    after(() => server.close());
    const as = async (role: keyof typeof world.users) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(world.users[role].username, TEST_PASSWORD)).status, 200);
      return c;
    };

    test('an enterprise opens an employee’s account with a learner sign-in; the learner sees their own and nothing else', async () => {
      const ent = await as('enterpriseAdmin');
      const username = `lrn_${crypto.randomBytes(3).toString('hex')}`;
      const opened = await ent.post('/api/credit-bank/accounts', { holderName: '王建国', idNumber: idNumber(), username });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.equal(opened.body.kind, 'learner');
      assert.equal(opened.body.organisationId, world.enterprise.id);
      assert.equal(opened.body.signIn.username, username);
      assert.match(opened.body.idNumberMasked, /\*/);
      const db = server.services.database.db;
      const [m] = await db.select().from(memberships).where(eq(memberships.organisationId, world.enterprise.id)).then((r) => r.filter((x) => x.role === 'learner'));
      assert.ok(m, 'the sign-in holds the learner role in the enterprise');
      const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, m!.userId)));
      assert.equal(audits.length, 1);

      // The learner signs in with the one-time password, must change it, then finds the account.
      const learner = new TestClient(server.url);
      assert.equal((await learner.login(username, opened.body.signIn.initialPassword)).status, 200);
      assert.equal((await learner.get('/api/credit-bank/accounts/me')).body.code, 'PASSWORD_CHANGE_REQUIRED');
      assert.equal((await learner.post('/api/auth/password', { currentPassword: opened.body.signIn.initialPassword, newPassword: NEW_PASSWORD })).status, 200);
      const me = await learner.get('/api/credit-bank/accounts/me');
      assert.equal(me.status, 200, JSON.stringify(me.body));
      assert.equal(me.body.id, opened.body.id);

      // An outcome the employer issues is visible to the learner at once; a credential of it can be issued.
      const issued = await ent.post('/api/credit-bank/outcomes', {
        accountNo: me.body.accountNo, kind: 'trainingCourse', code: 'WELD-2', title: '焊接工艺岗前培训', hours: 40,
        achievedOn: '2025-03-01', evidenceNote: '培训考核合格', idempotencyKey: `k-${crypto.randomBytes(6).toString('hex')}`,
      });
      assert.equal(issued.status, 201);
      const mine = await learner.get('/api/credit-bank/outcomes');
      assert.deepEqual(mine.body.items.map((o: { id: string }) => o.id), [issued.body.id]);
      assert.equal((await learner.post('/api/credit-bank/credentials', { kind: 'outcome', outcomeId: issued.body.id })).status, 201);
      const home = await learner.get('/api/home');
      assert.equal(home.body.role, 'learner');

      // Who may not: another learner's account, a student's outcomes, issuing, the bureau's figures.
      const studentAccount = (await (await as('studentA')).get('/api/credit-bank/accounts/me')).body;
      assert.equal((await learner.get(`/api/credit-bank/accounts/${studentAccount.id}`)).status, 404);
      assert.equal((await learner.post('/api/credit-bank/outcomes', { ...issued.body, idempotencyKey: 'k-self-issue' })).status, 403);
      assert.equal((await learner.get('/api/credit-bank/stats/conversions')).status, 403);
      assert.equal((await (await as('schoolAdminB')).get(`/api/credit-bank/accounts/${me.body.id}`)).status, 404);
      // A learner who studies no program here is told so by name, and nothing is written.
      const transfer = await learner.post('/api/credit-bank/transfers', { programId: world.programA.id, outcomeIds: [issued.body.id] });
      assert.equal(transfer.status, 400);
      assert.ok(transfer.body.fields.programId);
    });

    test('a taken username or a second account for the same person is refused and writes nothing', async () => {
      const ent = await as('enterpriseAdmin');
      const id = idNumber();
      const username = `lrn_${crypto.randomBytes(3).toString('hex')}`;
      assert.equal((await ent.post('/api/credit-bank/accounts', { holderName: '李娜', idNumber: id, username })).status, 201);
      const sameUser = await ent.post('/api/credit-bank/accounts', { holderName: '赵强', idNumber: idNumber(), username });
      assert.equal(sameUser.status, 409);
      assert.ok(sameUser.body.fields.username);
      const samePerson = await ent.post('/api/credit-bank/accounts', { holderName: '李娜', idNumber: id, username: `${username}x` });
      assert.equal(samePerson.status, 409);
      const c = new TestClient(server.url);
      assert.equal((await c.login(`${username}x`, 'whatever-Password1')).status, 401, 'the refused sign-in was not created');
      const student = await as('studentA');
      assert.equal((await student.post('/api/credit-bank/accounts', { holderName: '钱多', idNumber: idNumber(), username: `${username}y` })).status, 403);
    });
  });
}
