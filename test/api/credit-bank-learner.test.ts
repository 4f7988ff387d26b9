import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { idNumberCheckChar } from '../../core/codes/idNumber.ts';
import { auditLog, creditAccounts, memberships, students, users } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildCreditBankWorld } from './credit-bank-world.ts';

/**
 * Learning accounts for learners who are not students (issue 6, item 1): an enterprise opens the account of an
 * employee in training together with a sign-in of role `learner`; the learner signs in and sees only their own.
 */
/** A different valid ID number at each call (one person, one account: two equal numbers would be one person). */
let serial = 0;
const idNumber = () => {
  serial += 1;
  const first17 = `4101051990030${1 + (serial % 9)}${String(Math.floor(serial / 9) % 1000).padStart(3, '0')}`;
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
      const [m] = await db
        .select()
        .from(memberships)
        .where(eq(memberships.organisationId, world.enterprise.id))
        .then((r) => r.filter((x) => x.role === 'learner'));
      assert.ok(m, 'the sign-in holds the learner role in the enterprise');
      const audits = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, m!.userId)));
      assert.equal(audits.length, 1);

      // The learner signs in with the one-time password, must change it, then finds the account.
      const learner = new TestClient(server.url);
      assert.equal((await learner.login(username, opened.body.signIn.initialPassword)).status, 200);
      assert.equal((await learner.get('/api/credit-bank/accounts/me')).body.code, 'PASSWORD_CHANGE_REQUIRED');
      assert.equal(
        (await learner.post('/api/auth/password', { currentPassword: opened.body.signIn.initialPassword, newPassword: NEW_PASSWORD }))
          .status,
        200,
      );
      const me = await learner.get('/api/credit-bank/accounts/me');
      assert.equal(me.status, 200, JSON.stringify(me.body));
      assert.equal(me.body.id, opened.body.id);

      // An outcome the employer issues is visible to the learner at once; a credential of it can be issued.
      const issued = await ent.post('/api/credit-bank/outcomes', {
        accountNo: me.body.accountNo,
        kind: 'trainingCourse',
        code: 'WELD-2',
        title: '焊接工艺岗前培训',
        hours: 40,
        achievedOn: '2025-03-01',
        evidenceNote: '培训考核合格',
        idempotencyKey: `k-${crypto.randomBytes(6).toString('hex')}`,
      });
      assert.equal(issued.status, 201);
      const mine = await learner.get('/api/credit-bank/outcomes');
      assert.deepEqual(
        mine.body.items.map((o: { id: string }) => o.id),
        [issued.body.id],
      );
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
      assert.equal(
        (await student.post('/api/credit-bank/accounts', { holderName: '钱多', idNumber: idNumber(), username: `${username}y` })).status,
        403,
      );
    });

    /** Signs in with a one-time password, replaces it and returns the learner's own learning account. */
    const firstSignIn = async (username: string, initialPassword: string) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(username, initialPassword)).status, 200);
      assert.equal((await c.post('/api/auth/password', { currentPassword: initialPassword, newPassword: NEW_PASSWORD })).status, 200);
      const me = await c.get('/api/credit-bank/accounts/me');
      assert.equal(me.status, 200, JSON.stringify(me.body));
      return me.body;
    };

    test('the bureau opens an employee’s account at a named enterprise; without a username one is generated and signs in', async () => {
      const city = await as('cityAdmin');
      const noOrg = await city.post('/api/credit-bank/accounts', { holderName: '周学', idNumber: idNumber() });
      assert.equal(noOrg.status, 400);
      assert.ok(noOrg.body.fields.organisationId, 'the bureau acts for no organisation: it must name one');
      const opened = await city.post('/api/credit-bank/accounts', {
        holderName: '周学',
        idNumber: idNumber(),
        organisationId: world.enterprise.id,
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.equal(opened.body.organisationId, world.enterprise.id);
      assert.match(opened.body.signIn.username, /^lT/);
      assert.equal((await firstSignIn(opened.body.signIn.username, opened.body.signIn.initialPassword)).id, opened.body.id);
      // The next generated name continues the sequence.
      const second = await (await as('enterpriseAdmin')).post('/api/credit-bank/accounts', { holderName: '吴敏', idNumber: idNumber() });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      const seq = (u: string) => Number(u.split('-').at(-1));
      assert.equal(seq(second.body.signIn.username), seq(opened.body.signIn.username) + 1);
      // The bureau names a district: a learner is held by an enterprise or a school only.
      const wrongKind = await city.post('/api/credit-bank/accounts', {
        holderName: '郑一',
        idNumber: idNumber(),
        organisationId: world.district.id,
      });
      assert.equal(wrongKind.status, 400);
      assert.ok(wrongKind.body.fields.organisationId);
    });

    test('an enterprise cannot open an account at another enterprise; a district or a student may not open any', async () => {
      const db = server.services.database.db;
      const other = await makeOrganisation(db, 'enterprise', { districtId: world.district.id });
      const before = (await db.select().from(creditAccounts).where(eq(creditAccounts.organisationId, other.id))).length;
      const named = await (
        await as('enterpriseAdmin')
      ).post('/api/credit-bank/accounts', { holderName: '冯二', idNumber: idNumber(), organisationId: other.id });
      assert.equal(named.status, 404);
      const viaAccounts = await (
        await as('schoolAdminB')
      ).post('/api/accounts', {
        username: `lrn_${crypto.randomBytes(3).toString('hex')}`,
        displayName: '冯二',
        organisationId: world.enterprise.id,
        role: 'learner',
        idNumber: idNumber(),
      });
      assert.equal(viaAccounts.status, 404, 'another organisation is not found');
      assert.equal((await db.select().from(creditAccounts).where(eq(creditAccounts.organisationId, other.id))).length, before);
      const districtUser = await makeUser(db, 'district', world.district.id);
      const d = new TestClient(server.url);
      assert.equal((await d.login(districtUser.username, TEST_PASSWORD)).status, 200);
      assert.equal(
        (await d.post('/api/credit-bank/accounts', { holderName: '冯二', idNumber: idNumber(), organisationId: world.enterprise.id }))
          .status,
        403,
      );
      assert.equal(
        (
          await d.post('/api/accounts', {
            username: 'lrn_district',
            displayName: '冯二',
            organisationId: world.enterprise.id,
            role: 'learner',
            idNumber: idNumber(),
          })
        ).status,
        403,
      );
      assert.equal(
        (
          await (
            await as('studentA')
          ).post('/api/accounts', {
            username: 'lrn_student',
            displayName: '冯二',
            organisationId: world.enterprise.id,
            role: 'learner',
            idNumber: idNumber(),
          })
        ).status,
        403,
      );
    });

    test('a learner made in account administration gets a learning account with the sign-in; without an ID number nothing is made', async () => {
      const db = server.services.database.db;
      const ent = await as('enterpriseAdmin');
      const username = `lrn_${crypto.randomBytes(3).toString('hex')}`;
      const missing = await ent.post('/api/accounts', {
        username,
        displayName: '陈晨',
        organisationId: world.enterprise.id,
        role: 'learner',
      });
      assert.equal(missing.status, 400);
      assert.ok(missing.body.fields.idNumber);
      const badId = await ent.post('/api/accounts', {
        username,
        displayName: '陈晨',
        organisationId: world.enterprise.id,
        role: 'learner',
        idNumber: '410105199003071234',
      });
      assert.equal(badId.status, 400);
      assert.ok(badId.body.fields.idNumber, 'a wrong check character is named');
      assert.equal((await db.select().from(users).where(eq(users.username, username))).length, 0, 'refused: no user left behind');
      const made = await ent.post('/api/accounts', {
        username,
        displayName: '陈晨',
        organisationId: world.enterprise.id,
        role: 'learner',
        idNumber: idNumber(),
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.equal(made.body.username, username);
      assert.match(made.body.creditAccountNo, /^CB/);
      const mine = await firstSignIn(username, made.body.initialPassword);
      assert.equal(mine.accountNo, made.body.creditAccountNo);
      assert.equal(mine.holderName, '陈晨');
      // The bureau does the same for an employee of any enterprise.
      const byBureau = await (
        await as('cityAdmin')
      ).post('/api/accounts', {
        username: `${username}b`,
        displayName: '陈曦',
        organisationId: world.enterprise.id,
        role: 'learner',
        idNumber: idNumber(),
      });
      assert.equal(byBureau.status, 201, JSON.stringify(byBureau.body));
      assert.equal((await firstSignIn(`${username}b`, byBureau.body.initialPassword)).accountNo, byBureau.body.creditAccountNo);
      // Another role with an ID number is a mistake, said by name.
      const teacherWithId = await (
        await as('schoolAdminA')
      ).post('/api/accounts', {
        username: `${username}t`,
        displayName: '陈老师',
        organisationId: world.schoolA.id,
        role: 'teacher',
        idNumber: idNumber(),
      });
      assert.equal(teacherWithId.status, 400);
      assert.ok(teacherWithId.body.fields.idNumber);
    });

    test('an employee enrolled in-service at a school (a student record with the same ID number) may ask it to recognise outcomes', async () => {
      const db = server.services.database.db;
      const pii = server.services.pii;
      const ent = await as('enterpriseAdmin');
      const id = idNumber();
      const opened = await ent.post('/api/credit-bank/accounts', { holderName: '孙立', idNumber: id });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const issued = await ent.post('/api/credit-bank/outcomes', {
        accountNo: opened.body.accountNo,
        kind: 'trainingCourse',
        title: '数控车床操作培训',
        hours: 32,
        achievedOn: '2025-04-01',
        evidenceNote: '考核合格',
        idempotencyKey: `k-${crypto.randomBytes(6).toString('hex')}`,
      });
      assert.equal(issued.status, 201);
      const learner = new TestClient(server.url);
      assert.equal((await learner.login(opened.body.signIn.username, opened.body.signIn.initialPassword)).status, 200);
      assert.equal(
        (await learner.post('/api/auth/password', { currentPassword: opened.body.signIn.initialPassword, newPassword: NEW_PASSWORD }))
          .status,
        200,
      );
      const ask = () => learner.post('/api/credit-bank/transfers', { programId: world.programA.id, outcomeIds: [issued.body.id] });
      assert.equal((await ask()).status, 400, 'not enrolled yet');
      await db.insert(students).values({
        schoolId: world.schoolA.id,
        programId: world.programA.id,
        name: '孙立',
        cohort: 2025,
        birthDate: '1990-03-01',
        sex: 'male',
        idNumberCipher: pii.encrypt(id),
        idNumberIndex: pii.index(id),
        idNumberMasked: '410105********0000',
        phoneCipher: pii.encrypt('13812345678'),
        phoneMasked: '138****5678',
      });
      const asked = await ask();
      assert.equal(asked.status, 201, JSON.stringify(asked.body));
      assert.equal(asked.body.schoolId, world.schoolA.id);
      assert.equal(asked.body.items[0].status, 'pendingReview');
      // Another school's program stays refused: the enrolment is at school A.
      assert.equal(
        (await learner.post('/api/credit-bank/transfers', { programId: world.programB.id, outcomeIds: [issued.body.id] })).status,
        400,
      );
    });
  });
}
