import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../core/codes/idNumber.ts';
import { rows } from '../../server/platform/db/engine.ts';
import { teacherIdNumbers, teachers } from '../../server/platform/db/schema/index.ts';
import { verifyLedger } from '../../server/credit-bank/repository/ledger-verify.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { makeUser, TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildCreditBankWorld } from './credit-bank-world.ts';

/**
 * A person's data on request: the bureau exports what the platform holds about a student, teacher or learner
 * (JSON or .xlsx, each export logged) and erases it; the credit-bank ledger, which holds no personal data,
 * still verifies afterwards. Who may: the bureau only.
 */
const idNumber = () => {
  const first17 = `4101051990030${String(crypto.randomInt(1000, 9999))}`;
  return first17 + idNumberCheckChar(first17);
};

for (const engine of testEngines()) {
  describe(`personal data: export and erasure [${engine.name}]`, () => {
    let server: TestServer;
    let world: Awaited<ReturnType<typeof buildCreditBankWorld>>;
    const clients = new Map<string, TestClient>();
    let teacherId: string;
    let learnerAccountId: string;
    const learnerId = idNumber();
    before(async () => {
      server = await startTestServer(engine);
      world = await buildCreditBankWorld(server);
      const { db } = server.services.database;
      const teacherUser = await makeUser(db, 'teacher', world.schoolA.id);
      const [t] = await db
        .insert(teachers)
        .values({ schoolId: world.schoolA.id, userId: teacherUser.id, name: '孙老师', employment: 'fullTime', subject: 'specialty' })
        .returning();
      teacherId = t!.id;
      const pii = server.services.pii;
      await db.insert(teacherIdNumbers).values({
        teacherId,
        idNumberCipher: pii.encrypt('410105198001011234'),
        idNumberIndex: pii.index(`t-${teacherId}`),
        idNumberMasked: '410105**********34',
      });
    });
    after(() => server.close());

    async function as(role: keyof typeof world.users) {
      const cached = clients.get(role);
      if (cached) return cached;
      const c = new TestClient(server.url);
      assert.equal((await c.login(world.users[role].username, TEST_PASSWORD)).status, 200);
      clients.set(role, c);
      return c;
    }

    test('set-up: the student has credits and a credential, the learner an account opened by the enterprise', async () => {
      const student = await as('studentA');
      const account = (await student.get('/api/credit-bank/accounts/me')).body;
      const ent = await as('enterpriseAdmin');
      const issued = await ent.post('/api/credit-bank/outcomes', {
        accountNo: account.accountNo,
        kind: 'skillCertificate',
        code: 'ROBOT-3',
        title: '工业机器人操作与运维（中级）',
        field: '4603',
        level: 3,
        achievedOn: '2025-01-10',
        evidenceUrl: 'https://example.org/cert/1.pdf',
        idempotencyKey: `k-${crypto.randomBytes(6).toString('hex')}`,
      });
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      assert.equal((await student.post('/api/credit-bank/credentials', { kind: 'outcome', outcomeId: issued.body.id })).status, 201);
      const opened = await ent.post('/api/credit-bank/accounts', {
        holderName: '王建国',
        idNumber: learnerId,
        username: `lrn_${crypto.randomBytes(3).toString('hex')}`,
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      learnerAccountId = opened.body.id;
    });

    test('who may not: school, enterprise, student get 403; an unknown person is 404; bad parameters are 400', async () => {
      for (const role of ['schoolAdminA', 'enterpriseAdmin', 'studentA'] as const) {
        const c = await as(role);
        assert.equal((await c.get(`/api/personal-data/student/${world.studentA.id}`)).status, 403, role);
        assert.equal(
          (await c.post(`/api/personal-data/student/${world.studentA.id}/erasure`, { reason: '本人申请 2025-001' })).status,
          403,
          role,
        );
      }
      assert.equal((await new TestClient(server.url).get(`/api/personal-data/student/${world.studentA.id}`)).status, 401);
      const bureau = await as('cityAdmin');
      assert.equal((await bureau.get(`/api/personal-data/student/${crypto.randomUUID()}`)).status, 404);
      assert.equal((await bureau.get(`/api/personal-data/learner/${world.studentA.id}`)).status, 404, 'a student is not a learner account');
      const bad = await bureau.get(`/api/personal-data/pupil/${world.studentA.id}`);
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields.kind);
      const short = await bureau.post(`/api/personal-data/student/${world.studentA.id}/erasure`, { reason: '删' });
      assert.equal(short.status, 400);
      assert.ok(short.body.fields.reason);
    });

    test("the bureau exports a student's data with the clear ID number, as JSON and .xlsx, and each export is logged", async () => {
      const bureau = await as('cityAdmin');
      const res = await bureau.get(`/api/personal-data/student/${world.studentA.id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const section = (name: string) => res.body.sections.find((s: { name: string }) => s.name === name);
      assert.equal(section('student').rows[0].id_number, '11010519491231002X');
      assert.equal(section('student').rows[0].phone, '13812345678');
      assert.ok(!JSON.stringify(res.body).includes('v2.'), 'no cipher text leaves');
      assert.equal(section('account').rows[0].username, world.users.studentA.username);
      assert.equal(section('learningOutcomes').rows.length, 1);
      assert.equal(section('creditLedger').rows.length, 1);
      assert.equal(section('credentials').rows.length, 1);
      assert.ok(section('auditLog').rows.length >= 1);
      const xlsx = await fetch(`${server.url}/api/personal-data/student/${world.studentA.id}?format=xlsx`, {
        headers: { cookie: bureau.cookie },
      });
      assert.equal(xlsx.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      assert.ok(wb.getWorksheet('学生档案')!.getRow(2).values!.toString().includes('11010519491231002X'));
      const logged = await rows<{ n: number }>(
        server.services.database.db,
        sql`
        select count(*)::int as n from pii_access_log where entity_id = ${world.studentA.id} and 'personalDataExport' = any(fields)`,
      );
      assert.equal(logged[0]!.n, 2);
      const audited = await rows<{ n: number }>(
        server.services.database.db,
        sql`
        select count(*)::int as n from audit_log where action = 'personal_data.export' and entity_id = ${world.studentA.id}`,
      );
      assert.equal(audited[0]!.n, 2);
    });

    test("erasure removes the student's identifying data, signs them out, revokes credentials, and the ledger still verifies", async () => {
      const { db } = server.services.database;
      const before = await verifyLedger(db);
      assert.equal(before.broken, null);
      const student = await as('studentA');
      const bureau = await as('cityAdmin');
      const res = await bureau.post(`/api/personal-data/student/${world.studentA.id}/erasure`, { reason: '本人书面申请 2025-017 号' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.changed.students === 1 && res.body.changed.users === 1 && res.body.changed.credentials === 1);
      assert.equal((await student.get('/api/auth/me')).status, 401, 'the session is gone');
      assert.equal((await new TestClient(server.url).login(world.users.studentA.username, TEST_PASSWORD)).status, 401);
      const [s] = await rows<Record<string, string | null>>(db, sql`select * from students where id = ${world.studentA.id}`);
      assert.equal(s!.name, '已删除');
      assert.equal(s!.phone_cipher, null);
      assert.equal(server.services.pii.decrypt(s!.id_number_cipher!), '');
      assert.ok(String(s!.birth_date).includes('2007') && !String(s!.birth_date).includes('05'), 'only the birth year stays');
      const [a] = await rows<Record<string, string>>(db, sql`select * from credit_accounts where student_id = ${world.studentA.id}`);
      assert.equal(a!.holder_name, '已删除');
      const [c] = await rows<Record<string, string>>(db, sql`select * from credentials where account_id = ${a!.id}`);
      assert.equal(c!.status, 'revoked');
      assert.ok(!c!.document.includes(world.studentA.name), 'the stored credential no longer names the student');
      const audits = await rows<{ changes: string }>(
        db,
        sql`select changes::text as changes from audit_log where entity_id = ${world.studentA.id} or actor_user_id = ${world.users.studentA.id}`,
      );
      assert.ok(audits.every((r) => !r.changes.includes(world.studentA.name)));
      // The ledger: untouched, every entry still there and the chain valid (`npm run ledger:verify` does the same).
      const afterVerify = await verifyLedger(db);
      assert.deepEqual(afterVerify, before);
      const again = await bureau.post(`/api/personal-data/student/${world.studentA.id}/erasure`, { reason: '本人书面申请 2025-017 号' });
      assert.equal(again.status, 409);
      const erasures = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'personal_data.erase'`);
      assert.equal(erasures[0]!.n, 1, 'the refused second erasure wrote nothing');
      const exported = await bureau.get(`/api/personal-data/student/${world.studentA.id}`);
      assert.equal(exported.body.sections[0].rows[0].name, '已删除');
      assert.equal(exported.body.sections[0].rows[0].id_number, '');
    });

    test("a teacher's and a learner's data are exported and erased too", async () => {
      const bureau = await as('cityAdmin');
      const t = await bureau.get(`/api/personal-data/teacher/${teacherId}`);
      assert.equal(t.status, 200);
      assert.equal(t.body.sections[0].rows[0].id_number, '410105198001011234');
      assert.equal((await bureau.post(`/api/personal-data/teacher/${teacherId}/erasure`, { reason: '本人申请（离职）' })).status, 200);
      const erasedTeacher = await bureau.get(`/api/personal-data/teacher/${teacherId}`);
      assert.equal(erasedTeacher.body.sections[0].rows[0].name, '已删除');
      assert.equal(erasedTeacher.body.sections[0].rows[0].id_number, null);

      const l = await bureau.get(`/api/personal-data/learner/${learnerAccountId}`);
      assert.equal(l.status, 200);
      assert.equal(l.body.sections.find((s: { name: string }) => s.name === 'creditAccount').rows[0].holder_name, '王建国');
      assert.equal(
        (await bureau.post(`/api/personal-data/learner/${learnerAccountId}/erasure`, { reason: '本人申请 2025-020' })).status,
        200,
      );
      const [a] = await rows<Record<string, string>>(
        server.services.database.db,
        sql`select * from credit_accounts where id = ${learnerAccountId}`,
      );
      assert.equal(a!.holder_name, '已删除');
      assert.notEqual(a!.id_number_index, server.services.pii.index(learnerId), 'the ID number no longer finds the account');
      assert.equal((await verifyLedger(server.services.database.db)).broken, null);
    });
  });
}
