import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { rows } from '../../server/platform/db/engine.ts';
import { auditLog } from '../../server/platform/db/schema/index.ts';
import { verifyLedger } from '../../server/credit-bank/repository/ledger-verify.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildCreditBankWorld } from './credit-bank-world.ts';

/**
 * 学分银行 over real HTTP on every engine: accounts, outcomes, rules, transfers, the ledger and credentials, with
 * who may and may not (another school's learner is 404), and the bad inputs of issue 6.
 */
const key = () => `k-${crypto.randomBytes(6).toString('hex')}`;

for (const engine of testEngines()) {
  describe(`credit bank [${engine.name}]`, () => {
    let server: TestServer;
    let world: Awaited<ReturnType<typeof buildCreditBankWorld>>;
    const clients = new Map<string, TestClient>();
    before(async () => {
      server = await startTestServer(engine);
      world = await buildCreditBankWorld(server);
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
    const certificate = (accountNo: string, over: Record<string, unknown> = {}) => ({
      accountNo,
      kind: 'skillCertificate',
      code: 'ROBOT-3',
      title: '工业机器人操作与运维（中级）',
      field: '4603',
      level: 3,
      achievedOn: '2025-01-10',
      evidenceUrl: 'https://example.org/cert/1.pdf',
      idempotencyKey: key(),
      ...over,
    });

    let accountA: { id: string; accountNo: string };
    let outcomeId: string;

    test('a student finds their account opened on first use; an enterprise issues an outcome they see at once', async () => {
      const student = await as('studentA');
      const me = await student.get('/api/credit-bank/accounts/me');
      assert.equal(me.status, 200);
      assert.match(me.body.accountNo, /^CB\d{14}$/);
      accountA = me.body;
      const ent = await as('enterpriseAdmin');
      const issued = await ent.post('/api/credit-bank/outcomes', certificate(accountA.accountNo));
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      outcomeId = issued.body.id;
      const mine = await student.get('/api/credit-bank/outcomes');
      assert.deepEqual(
        mine.body.items.map((o: { id: string }) => o.id),
        [outcomeId],
      );
      const audits = await server.services.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'learningOutcome'), eq(auditLog.entityId, outcomeId)));
      assert.equal(audits.length, 1);
    });

    test('the same idempotency key twice gives the same outcome and one ledger deposit', async () => {
      const ent = await as('enterpriseAdmin');
      const body = certificate(accountA.accountNo, { code: 'ROBOT-X', title: '重试测试' });
      const [a, b] = [await ent.post('/api/credit-bank/outcomes', body), await ent.post('/api/credit-bank/outcomes', body)];
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(a.body.id, b.body.id);
      const student = await as('studentA');
      const ledger = await student.get(`/api/credit-bank/ledger?accountId=${accountA.id}`);
      assert.equal(ledger.body.items.filter((e: { outcomeId: string }) => e.outcomeId === a.body.id).length, 1);
      const reused = await ent.post('/api/credit-bank/outcomes', { ...body, title: '另一项成果' });
      assert.equal(reused.status, 409);
    });

    test("who may not: another school's learner is 404, a student may not issue, an enterprise sees what it issued only", async () => {
      const b = await as('schoolAdminB');
      assert.equal((await b.get(`/api/credit-bank/accounts/${accountA.id}`)).status, 404);
      assert.equal((await b.get(`/api/credit-bank/outcomes/${outcomeId}`)).status, 404);
      assert.equal((await b.get('/api/credit-bank/outcomes')).body.items.length, 0);
      const ent = await as('enterpriseAdmin');
      assert.equal((await ent.get(`/api/credit-bank/outcomes/${outcomeId}`)).status, 200);
      assert.equal((await ent.get(`/api/credit-bank/accounts/${accountA.id}`)).status, 404);
      const studentB = await as('studentB');
      assert.equal((await studentB.get(`/api/credit-bank/outcomes/${outcomeId}`)).status, 404);
      assert.equal((await studentB.post('/api/credit-bank/outcomes', certificate(accountA.accountNo))).status, 403);
      assert.equal((await studentB.get('/api/credit-bank/stats/conversions')).status, 403);
      const a = await as('schoolAdminA');
      assert.equal((await a.get(`/api/credit-bank/accounts/${accountA.id}`)).status, 200);
      const bad = await ent.post('/api/credit-bank/outcomes', { ...certificate(accountA.accountNo), level: undefined });
      assert.equal(bad.status, 400);
      assert.ok(bad.body.fields.level);
    });

    let ruleId: string;
    test('a rule proposed by the enterprise comes into force when the school agrees; the other school never sees it', async () => {
      const ent = await as('enterpriseAdmin');
      const proposed = await ent.post('/api/credit-bank/rules', {
        scope: 'outcome',
        issuerId: world.enterprise.id,
        outcomeKind: 'skillCertificate',
        outcomeCode: 'ROBOT-3',
        targetSchoolId: world.schoolA.id,
        targetProgramId: world.programA.id,
        targetCourseCode: 'JQR-201',
        targetCourseName: '工业机器人现场编程',
        creditMode: 'fixed',
        creditValue: 3,
        effectiveFrom: '2024-09-01',
      });
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
      assert.equal(proposed.body.status, 'proposed');
      ruleId = proposed.body.id;
      assert.equal((await (await as('schoolAdminB')).post(`/api/credit-bank/rules/${ruleId}/agree`)).status, 404);
      assert.equal((await ent.post(`/api/credit-bank/rules/${ruleId}/agree`)).status, 409);
      const agreed = await (await as('schoolAdminA')).post(`/api/credit-bank/rules/${ruleId}/agree`);
      assert.equal(agreed.status, 200);
      assert.equal(agreed.body.status, 'active');
    });

    let pendingTransfer: { id: string; items: { id: string; outcomeId: string; status: string }[] };
    let secondOutcome: string;
    test('a transfer applies the rule at once and posts the credits; an outcome with no rule goes to review', async () => {
      const ent = await as('enterpriseAdmin');
      const other = await ent.post('/api/credit-bank/outcomes', {
        accountNo: accountA.accountNo,
        kind: 'trainingCourse',
        code: 'PLC-1',
        title: 'PLC 编程培训',
        hours: 48,
        field: '4603',
        achievedOn: '2025-02-01',
        evidenceNote: '培训考核合格',
        idempotencyKey: key(),
      });
      assert.equal(other.status, 201);
      secondOutcome = other.body.id;
      const student = await as('studentA');
      const t = await student.post('/api/credit-bank/transfers', { programId: world.programA.id, outcomeIds: [outcomeId, secondOutcome] });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      assert.equal(t.body.status, 'inReview');
      const auto = t.body.items.find((i: { outcomeId: string }) => i.outcomeId === outcomeId);
      assert.equal(auto.status, 'autoRecognised');
      assert.equal(auto.credits, 3);
      assert.equal(auto.ruleVersion, 1);
      assert.ok(auto.ledgerSeq > 0);
      assert.equal(t.body.items.find((i: { outcomeId: string }) => i.outcomeId === secondOutcome).status, 'pendingReview');
      pendingTransfer = t.body;
      const me = await student.get('/api/credit-bank/accounts/me');
      assert.equal(me.body.recognisedCredits, 3);
      const again = await student.post('/api/credit-bank/transfers', { programId: world.programA.id, outcomeIds: [outcomeId] });
      assert.equal(again.status, 409, 'an outcome is recognised for a program once');
      assert.equal(again.body.code, 'ALREADY_APPLIED');
    });

    test('a transfer to a program the learner is not in is refused with the field named, writing nothing', async () => {
      const student = await as('studentA');
      const before = (await student.get('/api/credit-bank/transfers')).body.total;
      const res = await student.post('/api/credit-bank/transfers', { programId: world.programB.id, outcomeIds: [secondOutcome] });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'VALIDATION_FAILED');
      assert.ok(res.body.fields.programId);
      assert.equal((await student.get('/api/credit-bank/transfers')).body.total, before);
      const b = await as('schoolAdminB');
      assert.equal(
        (await b.post('/api/credit-bank/transfers', { accountId: accountA.id, programId: world.programB.id, outcomeIds: [secondOutcome] }))
          .status,
        404,
      );
    });

    test('posting under an archived rule is refused by name; a registrar then recognises by hand with a reason', async () => {
      const ent = await as('enterpriseAdmin');
      const schoolA = await as('schoolAdminA');
      const r = await schoolA.post('/api/credit-bank/rules', {
        scope: 'group',
        issuerId: world.enterprise.id,
        outcomeKind: 'trainingCourse',
        field: '4603',
        targetSchoolId: world.schoolA.id,
        targetCourseCode: 'PLC-101',
        targetCourseName: 'PLC 技术',
        creditMode: 'perHours',
        creditValue: 16,
        effectiveFrom: '2024-01-01',
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal((await ent.post(`/api/credit-bank/rules/${r.body.id}/agree`)).body.status, 'active');
      assert.equal((await schoolA.post(`/api/credit-bank/rules/${r.body.id}/archive`, { reason: '协议到期' })).body.status, 'archived');
      const item = pendingTransfer.items.find((i) => i.outcomeId === secondOutcome)!;
      const url = `/api/credit-bank/transfers/${pendingTransfer.id}/items/${item.id}/decision`;
      const refused = await schoolA.post(url, { decision: 'recognise', ruleId: r.body.id, reason: '按协议认定' });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.reason, 'RULE_ARCHIVED');
      assert.equal((await (await as('studentA')).post(url, { decision: 'reject', reason: '自己审' })).status, 403);
      assert.equal((await (await as('schoolAdminB')).post(url, { decision: 'reject', reason: '不是本校' })).status, 404);
      const noReason = await schoolA.post(url, { decision: 'recognise', reason: '认定' });
      assert.equal(noReason.status, 400);
      const ok = await schoolA.post(url, {
        decision: 'recognise',
        credits: 2.5,
        courseCode: 'PLC-101',
        courseName: 'PLC 技术',
        reason: '培训内容与课程标准一致，考核合格',
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'completed');
      assert.equal((await schoolA.post(url, { decision: 'reject', reason: '再次决定' })).status, 409);
      assert.equal((await (await as('studentA')).get('/api/credit-bank/accounts/me')).body.recognisedCredits, 5.5);
    });

    test('a compensating entry corrects without touching the original; a retry returns it; twice is refused', async () => {
      const schoolA = await as('schoolAdminA');
      const ledger = await schoolA.get(`/api/credit-bank/ledger?accountId=${accountA.id}`);
      const target = ledger.body.items.find((e: { kind: string; credits: number }) => e.kind === 'recognition' && e.credits === 2.5);
      const c1 = await schoolA.post(`/api/credit-bank/ledger/${target.seq}/compensate`, { reason: '学时核对有误' });
      assert.equal(c1.status, 201);
      assert.equal(c1.body.credits, -2.5);
      assert.equal(c1.body.compensatesSeq, target.seq);
      const c2 = await schoolA.post(`/api/credit-bank/ledger/${target.seq}/compensate`, { reason: '学时核对有误' });
      assert.equal(c2.body.seq, c1.body.seq);
      assert.equal(
        (await schoolA.post(`/api/credit-bank/ledger/${target.seq}/compensate`, { reason: '再冲一次', idempotencyKey: key() })).status,
        409,
      );
      assert.equal((await schoolA.post(`/api/credit-bank/ledger/${c1.body.seq}/compensate`, { reason: '冲正冲正' })).status, 409);
      assert.equal(
        (await (await as('schoolAdminB')).post(`/api/credit-bank/ledger/${target.seq}/compensate`, { reason: '别校' })).status,
        404,
      );
      const after = await schoolA.get(`/api/credit-bank/ledger?accountId=${accountA.id}`);
      assert.equal(after.body.items.find((e: { seq: number }) => e.seq === target.seq).credits, 2.5, 'the original stays');
      assert.equal((await (await as('studentA')).get('/api/credit-bank/accounts/me')).body.recognisedCredits, 3);
    });

    test('credentials: valid; one character changed is tampered; rotation keeps it valid; a revoked key or credential is revoked with the reason', async () => {
      const student = await as('studentA');
      const issued = await student.post('/api/credit-bank/credentials', { kind: 'outcome', outcomeId });
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      const doc = issued.body.document;
      assert.deepEqual(doc.type, ['VerifiableCredential', 'OpenBadgeCredential']);
      assert.equal(doc.proof.cryptosuite, 'eddsa-jcs-2022');
      const anon = new TestClient(server.url);
      const verify = (d: unknown) => anon.post('/api/public/credentials/verify', d);
      assert.equal((await verify(doc)).body.status, 'valid');
      const text = JSON.stringify(doc);
      const changed = text.replace('中级', '高级');
      assert.notEqual(changed, text);
      const tampered = await verify(JSON.parse(changed));
      assert.equal(tampered.body.status, 'tampered');
      assert.equal(tampered.body.code, 'signature_invalid');
      const transcript = await student.post('/api/credit-bank/credentials', { kind: 'transcript' });
      assert.equal(transcript.status, 201);
      assert.equal(transcript.body.document.credentialSubject.creditsEarned, 3);
      assert.equal((await verify(transcript.body.document)).body.status, 'valid');

      const admin = await as('cityAdmin');
      assert.equal((await student.post('/api/credit-bank/keys/rotate', {})).status, 403);
      const keys = (await admin.get('/api/credit-bank/keys')).body.items;
      const oldKey = keys.find((k: { status: string }) => k.status === 'active');
      assert.equal((await admin.post('/api/credit-bank/keys/rotate', {})).status, 201);
      assert.equal((await verify(doc)).body.status, 'valid', 'a retired key still verifies');
      const fresh = await student.post('/api/credit-bank/credentials', { kind: 'outcome', outcomeId });
      assert.notEqual(fresh.body.document.proof.verificationMethod, doc.proof.verificationMethod);
      assert.equal((await admin.post(`/api/credit-bank/keys/${oldKey.id}/revoke`, { reason: '私钥疑似泄露' })).status, 200);
      const byRevoked = await verify(doc);
      assert.equal(byRevoked.body.status, 'revoked');
      assert.equal(byRevoked.body.code, 'key_revoked');
      assert.match(byRevoked.body.reason, /私钥疑似泄露/);
      assert.equal((await verify(fresh.body.document)).body.status, 'valid');
      // Two rotations at once: both succeed one after the other, and one key stays active (was a 500).
      const twice = await Promise.all([admin.post('/api/credit-bank/keys/rotate', {}), admin.post('/api/credit-bank/keys/rotate', {})]);
      assert.deepEqual(
        twice.map((r) => r.status),
        [201, 201],
      );
      const active = (await admin.get('/api/credit-bank/keys')).body.items.filter((k: { status: string }) => k.status === 'active');
      assert.equal(active.length, 1);
      assert.equal((await admin.post(`/api/credit-bank/credentials/${fresh.body.id}/revoke`, { reason: '成果信息有误' })).status, 200);
      const revoked = await anon.get(`/api/public/credentials/${fresh.body.id}`);
      assert.equal(revoked.body.verification.status, 'revoked');
      assert.match(revoked.body.verification.reason, /成果信息有误/);
      assert.equal((await verify({ hello: 'world' })).body.status, 'tampered');
      assert.equal((await (await as('studentB')).get(`/api/credit-bank/credentials/${fresh.body.id}`)).status, 404);
    });

    test('parallel postings racing for the chain head leave one unbroken chain with no gaps', async () => {
      const ent = await as('enterpriseAdmin');
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          ent.post('/api/credit-bank/outcomes', certificate(accountA.accountNo, { code: `PAR-${i}`, title: `并发 ${i}` })),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        results.map(() => 201),
      );
      const { count, broken } = await verifyLedger(server.services.database.db, { pageSize: 7 });
      assert.equal(broken, null);
      const [row] = (
        (await server.services.database.db.execute(sql`select count(*)::int as n, max(seq)::int as m from credit_ledger`)) as unknown as {
          rows: { n: number; m: number }[];
        }
      ).rows;
      assert.equal(count, row!.n);
      assert.equal(row!.m, row!.n, 'seq has no gaps');
    });

    test('a school opens accounts for all its enrolled students at once; another school may not', async () => {
      const b = await as('schoolAdminB');
      assert.equal((await b.post('/api/credit-bank/accounts/open-for-students', { schoolId: world.schoolA.id })).status, 404);
      const opened = await b.post('/api/credit-bank/accounts/open-for-students', { schoolId: world.schoolB.id });
      assert.equal(opened.status, 200);
      assert.equal(opened.body.opened, 1);
      assert.equal((await b.post('/api/credit-bank/accounts/open-for-students', { schoolId: world.schoolB.id })).body.opened, 0);
      const list = await b.get('/api/credit-bank/accounts');
      assert.deepEqual(
        list.body.items.map((a: { studentId: string }) => a.studentId),
        [world.studentB.id],
      );
      assert.equal(
        (await (await as('studentA')).post('/api/credit-bank/accounts/open-for-students', { schoolId: world.schoolA.id })).status,
        403,
      );
    });

    test('the bureau sees conversions by school, cluster and kind', async () => {
      const res = await (await as('cityAdmin')).get('/api/credit-bank/stats/conversions');
      assert.equal(res.status, 200);
      const a = res.body.bySchool.find((s: { schoolId: string }) => s.schoolId === world.schoolA.id);
      assert.equal(a.recognitions, 2);
      assert.equal(a.credits, 3);
      assert.equal(a.autoShare, 0.5);
      assert.deepEqual(res.body.byKind.map((k: { kind: string }) => k.kind).sort(), ['skillCertificate', 'trainingCourse']);
      assert.ok(res.body.byCluster.length >= 1);
    });

    test('two identical transfer requests at once: one is created, the other is a 409 ALREADY_APPLIED (never a 500)', async () => {
      const ent = await as('enterpriseAdmin');
      const cert = await ent.post('/api/credit-bank/outcomes', certificate(accountA.accountNo, { title: '并发测试证书' }));
      assert.equal(cert.status, 201);
      const student = await as('studentA');
      const body = { programId: world.programA.id, outcomeIds: [cert.body.id] };
      const db = server.services.database.db;
      let answers: { status: number; body: { code?: string } }[];
      if (engine.name === 'postgres') {
        // Force the race: hold the ledger head so the first request stops after writing its items; the second
        // then passes the duplicate check and waits on the unique index until the first commits.
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        let lockerPid!: number;
        const locked = new Promise<void>((ready) => {
          void db.transaction(async (tx) => {
            const [me] = await rows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
            await tx.execute(sql`select 1 from credit_ledger_head where id = 1 for update`);
            lockerPid = me!.pid;
            ready();
            await held;
          });
        });
        await locked;
        const pending = [student.post('/api/credit-bank/transfers', body), student.post('/api/credit-bank/transfers', body)];
        const blocked = async (pid: number) =>
          rows<{ pid: number }>(db, sql`select pid from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`);
        let first: { pid: number }[] = [];
        while (!first.length) first = await blocked(lockerPid);
        while (!(await blocked(first[0]!.pid)).length) await new Promise((r) => setImmediate(r));
        release();
        answers = await Promise.all(pending);
      } else {
        answers = await Promise.all([student.post('/api/credit-bank/transfers', body), student.post('/api/credit-bank/transfers', body)]);
      }
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409], JSON.stringify(answers.map((a) => a.body)));
      assert.equal(answers.find((a) => a.status === 409)!.body.code, 'ALREADY_APPLIED');
      const items = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from credit_transfer_items where outcome_id = ${cert.body.id}`,
      );
      assert.equal(items[0]!.n, 1);
    });

    test('ledger verification names the first edited row', async () => {
      const db = server.services.database.db;
      assert.equal((await verifyLedger(db)).broken, null);
      await db.execute(sql`update credit_ledger set credits = credits + 1 where seq = 2`);
      const { broken, count } = await verifyLedger(db);
      assert.equal(broken?.seq, 2);
      assert.equal(broken?.problem, 'hash_mismatch');
      assert.equal(count, 1);
      await db.execute(sql`update credit_ledger set credits = credits - 1 where seq = 2`);
      assert.equal((await verifyLedger(db)).broken, null);
    });
  });
}
