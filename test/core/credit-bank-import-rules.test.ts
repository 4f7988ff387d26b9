import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Access } from '../../core/authz/index.ts';
import { outcomeFactProblems } from '../../core/credit-bank/kinds.ts';
import { IssueList, outcomeSpec, SheetValidator, type Cell, type ImportRefs, type OutcomeRecord } from '../../core/imports/index.ts';

/** The 学习成果 import rules (pure): each row checked by column, the kind's own fact required, keys unique per file. */
const ENTERPRISE: Access = { kind: 'limited', districtIds: [], organisationIds: ['ent-1'], userId: null };
const refs = (access: Access): ImportRefs => ({
  access,
  today: new Date('2025-09-01T00:00:00Z'),
  district: () => undefined,
  destinationCategory: () => undefined,
  studyLevel: () => undefined,
  school: () => undefined,
  major: () => undefined,
  program: () => undefined,
  industry: () => undefined,
  cluster: () => undefined,
});
const text = (v: string): Cell => (v === '' ? { kind: 'empty' } : { kind: 'text', value: v });
const GOOD = {
  学习账号: 'cb12345678901234',
  姓名: '张三',
  成果类型: '企业培训课程',
  成果名称: 'PLC编程培训',
  学时: '48',
  取得日期: '2025/3/1',
  佐证说明: '考核合格',
  业务编号: 'PX-1',
};

function run(rows: Record<string, string>[], access = ENTERPRISE) {
  const headers = outcomeSpec.columns.map((c) => c.header);
  const issues = new IssueList();
  const v = new SheetValidator(outcomeSpec, refs(access), issues);
  v.accept({ row: 1, cells: headers.map(text) });
  const records = rows.map((r, i) => v.accept({ row: i + 2, cells: headers.map((h) => text(r[h] ?? '')) })) as (
    OutcomeRecord | undefined
  )[];
  return { records, issues: issues.items };
}

test('a good row becomes a record issued by the uploader’s organisation, the account number upper-cased and the date normalised', () => {
  const { records, issues } = run([GOOD]);
  assert.deepEqual(issues, []);
  assert.equal(records[0]!.issuerId, 'ent-1');
  assert.equal(records[0]!.accountNo, 'CB12345678901234');
  assert.equal(records[0]!.achievedOn, '2025-03-01');
  assert.equal(records[0]!.kind, 'trainingCourse');
  assert.equal(run([{ ...GOOD, 成果类型: '1+X证书', 学时: '', 等级: '3' }]).records[0]!.kind, 'skillCertificate');
});

test('each kind requires its own fact and every row its evidence, named by column', () => {
  const { issues } = run([
    { ...GOOD, 成果类型: '学校课程', 学时: '' },
    { ...GOOD, 成果类型: '职业技能等级证书', 业务编号: 'PX-2' },
    { ...GOOD, 成果类型: '技能竞赛获奖', 业务编号: 'PX-3' },
    { ...GOOD, 佐证说明: '', 业务编号: 'PX-4' },
  ]);
  assert.deepEqual(
    issues.map((i) => [i.row, i.column]),
    [
      [2, '学分'],
      [3, '等级'],
      [4, '奖项'],
      [5, '佐证链接'],
    ],
  );
});

test('bad values are refused with the column and the value; a key twice in a file is a duplicate', () => {
  const { issues } = run([
    { ...GOOD, 学习账号: '12345', 学分: '2.555', 取得日期: '2026-01-01', 佐证链接: 'ftp://x', 成果类型: '讲座' },
    GOOD,
    GOOD,
  ]);
  const columns = issues
    .filter((i) => i.row === 2)
    .map((i) => i.column)
    .sort();
  assert.deepEqual(columns, ['佐证链接', '取得日期', '学习账号', '学分', '成果类型'].sort());
  assert.ok(
    issues.some((i) => i.row === 4 && i.column === '业务编号'),
    'the second use of PX-1 is a duplicate',
  );
});

test('the bureau acts for no organisation, so it cannot issue in bulk', () => {
  const { records, issues } = run([GOOD], { kind: 'city' });
  assert.equal(records[0], undefined);
  assert.match(issues[0]!.reason, /学校或企业/);
});

test('the API form and the import share one rule for the facts of each kind', () => {
  assert.deepEqual(
    outcomeFactProblems({ kind: 'internship', evidenceUrl: 'https://x' }).map((p) => p.field),
    ['hours'],
  );
  assert.deepEqual(outcomeFactProblems({ kind: 'onlineCourse', hours: 10, evidenceNote: '证书' }), []);
});
