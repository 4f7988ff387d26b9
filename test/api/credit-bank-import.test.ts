import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, creditLedger, learningOutcomes } from '../../server/platform/db/schema/index.ts';
import { verifyLedger } from '../../server/credit-bank/repository/ledger-verify.ts';
import { TestClient } from '../support/client.ts';
import { testEngines } from '../support/engines.ts';
import { TEST_PASSWORD } from '../support/factory.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { buildCreditBankWorld } from './credit-bank-world.ts';
import { csvText, download, gbk, importFile, upload, waitForJob, xlsx } from './imports-fixtures.ts';

/**
 * Bulk issue of learning outcomes from a spreadsheet (issue 6, item 6) over HTTP on every engine: template with
 * Chinese headers, every row checked against the register before anything is written (row, column, reason),
 * all or nothing, a re-upload issues nothing twice, and who may and may not.
 */
const HEADER = [
  '学习账号',
  '姓名',
  '成果类型',
  '成果编码',
  '成果名称',
  '专业或职业代码',
  '等级',
  '学分',
  '成绩',
  '学时',
  '奖项',
  '取得日期',
  '佐证链接',
  '佐证说明',
  '业务编号',
];
type Col = (typeof HEADER)[number];
const row = (over: Partial<Record<Col, unknown>>) => {
  const base: Record<Col, unknown> = {
    学习账号: '',
    姓名: '',
    成果类型: '企业培训课程',
    成果编码: 'PLC-01',
    成果名称: 'PLC编程与调试培训',
    专业或职业代码: '4603',
    等级: '',
    学分: '',
    成绩: '合格',
    学时: 48,
    奖项: '',
    取得日期: '2025-03-01',
    佐证链接: '',
    佐证说明: '培训考核合格',
    业务编号: `PX-${crypto.randomBytes(5).toString('hex')}`,
  };
  return HEADER.map((h) => ({ ...base, ...over })[h]);
};

for (const engine of testEngines()) {
  describe(`credit bank outcome import [${engine.name}]`, () => {
    let server: TestServer;
    let world: Awaited<ReturnType<typeof buildCreditBankWorld>>;
    let accountA: { id: string; accountNo: string; holderName: string };
    let accountB: { id: string; accountNo: string; holderName: string };
    const as = async (role: keyof typeof world.users) => {
      const c = new TestClient(server.url);
      assert.equal((await c.login(world.users[role].username, TEST_PASSWORD)).status, 200);
      return c;
    };
    before(async () => {
      server = await startTestServer(engine);
      world = await buildCreditBankWorld(server);
      accountA = (await (await as('studentA')).get('/api/credit-bank/accounts/me')).body;
      accountB = (await (await as('studentB')).get('/api/credit-bank/accounts/me')).body;
    });
    after(() => server.close());
    const db = () => server.services.database.db;
    const issuedBy = async (issuerId: string) =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(learningOutcomes)
          .where(eq(learningOutcomes.issuerId, issuerId))
      )[0]!.n;

    test('the template has the Chinese headers the importer expects', async () => {
      const t = await download(await as('enterpriseAdmin'), '/api/imports/outcomes/template');
      assert.equal(t.status, 200);
      assert.deepEqual(t.rows[0], HEADER);
      assert.deepEqual(t.sheets, ['学习成果', '填写说明']);
      assert.equal((await download(await as('studentA'), '/api/imports/outcomes/template')).status, 403);
      assert.equal((await download(await as('cityAdmin'), '/api/imports/outcomes/template')).status, 403);
    });

    let keys: string[];
    test('a good sheet issues every row with its ledger deposit and audit row; uploading it again issues nothing twice', async () => {
      const ent = await as('enterpriseAdmin');
      const rows = [
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName }),
        row({
          学习账号: accountB.accountNo.toLowerCase(),
          姓名: accountB.holderName,
          成果类型: '1+X证书',
          成果名称: '工业机器人操作与运维（中级）',
          等级: 3,
          学时: '',
        }),
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName, 成果类型: '学校课程', 成果名称: '机械制图', 学分: 2.5, 学时: '' }),
      ];
      keys = rows.map((r) => String(r[14]));
      const file = await xlsx([HEADER, ...rows]);
      const job = await importFile(ent, 'outcomes', '成果.xlsx', file);
      assert.equal(job.status, 'succeeded', JSON.stringify(job));
      assert.equal(job.kind, 'import.outcomes');
      assert.equal(job.result.outcome, 'imported', JSON.stringify(job.result.issues));
      assert.deepEqual([job.result.inserted, job.result.unchanged], [3, 0]);
      const stored = await db()
        .select()
        .from(learningOutcomes)
        .where(and(eq(learningOutcomes.issuerId, world.enterprise.id), inArray(learningOutcomes.idempotencyKey, keys)));
      assert.equal(stored.length, 3);
      assert.equal(stored.find((o) => o.title === '机械制图')!.credits, '2.50');
      assert.equal(stored.find((o) => o.kind === 'skillCertificate')!.accountId, accountB.id);
      const deposits = await db()
        .select()
        .from(creditLedger)
        .where(
          inArray(
            creditLedger.outcomeId,
            stored.map((o) => o.id),
          ),
        );
      assert.equal(deposits.length, 3);
      assert.equal((await verifyLedger(db())).broken, null);
      const audits = await db()
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, 'learningOutcome'),
            inArray(
              auditLog.entityId,
              stored.map((o) => o.id),
            ),
          ),
        );
      assert.equal(audits.length, 3);
      assert.ok(audits.every((a) => a.action === 'import.create' && a.actorUserId === world.users.enterpriseAdmin.id));
      // The learner sees it at once.
      const mine = await (await as('studentB')).get('/api/credit-bank/outcomes');
      assert.ok(mine.body.items.some((o: { title: string }) => o.title === '工业机器人操作与运维（中级）'));
      // The same file again (a double click, a retry): nothing new, nothing changed.
      const again = await importFile(ent, 'outcomes', '成果.xlsx', file);
      assert.deepEqual([again.result.outcome, again.result.inserted, again.result.unchanged], ['imported', 0, 3]);
      assert.equal(
        (
          await db()
            .select()
            .from(creditLedger)
            .where(
              inArray(
                creditLedger.outcomeId,
                stored.map((o) => o.id),
              ),
            )
        ).length,
        3,
      );
    });

    test('every wrong row is named by row, column and reason in Chinese, and nothing is written', async () => {
      const ent = await as('enterpriseAdmin');
      const before = await issuedBy(world.enterprise.id);
      const file = csvText([
        HEADER,
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName }),
        row({ 学习账号: 'CB99999999999999', 姓名: '查无此人' }),
        row({ 学习账号: accountA.accountNo, 姓名: '王五' }),
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName, 成果类型: '技能竞赛获奖', 学时: '' }),
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName, 业务编号: keys[0], 成果名称: '另一门课' }),
        row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName, 学分: 2.555, 取得日期: '2025-02-30', 佐证说明: '' }),
      ]);
      const job = await importFile(ent, 'outcomes', '成果.csv', gbk(file));
      assert.equal(job.result.outcome, 'rejected');
      const issues = job.result.issues as { row: number; column: string; reason: string }[];
      const at = (r: number, column: string) => issues.find((i) => i.row === r && i.column === column);
      assert.match(at(3, '学习账号')!.reason, /不存在/);
      assert.match(at(4, '姓名')!.reason, /户名不是“王五”/);
      assert.match(at(5, '奖项')!.reason, /竞赛获奖需填写奖项/);
      assert.match(at(6, '业务编号')!.reason, /已用于另一项学习成果/);
      assert.ok(at(7, '学分'));
      assert.ok(at(7, '取得日期'));
      assert.match(at(7, '佐证链接')!.reason, /佐证/);
      assert.equal(issues.filter((i) => i.row === 2).length, 0, 'the good row has no issue');
      assert.equal(await issuedBy(world.enterprise.id), before, 'all or nothing: the good row was not written either');
      const report = await download(ent, job.result.reportUrl);
      assert.equal(report.status, 200);
    });

    test("who may not: a student or the bureau may not upload; another organisation's job is not found", async () => {
      const file = await xlsx([HEADER, row({ 学习账号: accountA.accountNo, 姓名: accountA.holderName })]);
      assert.equal((await upload(await as('studentA'), 'outcomes', 'a.xlsx', file)).status, 403);
      assert.equal((await upload(await as('cityAdmin'), 'outcomes', 'a.xlsx', file)).status, 403);
      const school = await as('schoolAdminA');
      const res = await upload(school, 'outcomes', 'a.xlsx', file);
      assert.equal(res.status, 202);
      const job = await waitForJob(school, res.body.job.id);
      assert.equal(job.result.inserted, 1, 'a school registrar issues in bulk too, under its own name');
      assert.equal((await (await as('enterpriseAdmin')).get(`/api/jobs/${res.body.job.id}`)).status, 404);
      assert.equal(await issuedBy(world.schoolA.id), 1);
    });
  });
}
