import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  aggregateTables,
  approvalBlock,
  buildTables,
  charCount,
  commentProblems,
  displayValue,
  factsDateOf,
  missingRows,
  parseQualityReportsPolicy,
  partProblems,
  submissionProblems,
  uncollectedFacts,
} from '../../core/quality-reports/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };

const policy = parseQualityReportsPolicy((plan as { qualityReports: unknown }).qualityReports);
const school = policy.parts.school;

test('the policy file gives a school report the seven parts and the six tables, every row a known fact', () => {
  assert.deepEqual(
    school.map((p) => p.title),
    ['人才培养', '服务贡献', '文化传承', '国际合作', '产教融合', '发展保障', '面临挑战'],
  );
  assert.deepEqual(
    policy.tables.school.map((t) => t.title),
    ['计分卡', '学生反馈表', '教学资源表', '国际影响表', '服务贡献表', '落实政策表'],
  );
  const broken = structuredClone((plan as { qualityReports: { tables: { school: { rows: { fact: string }[] }[] } } }).qualityReports);
  broken.tables.school[0]!.rows[0]!.fact = 'typed_by_hand';
  assert.throws(() => parseQualityReportsPolicy(broken), /typed_by_hand is not a fact of a school report/);
  assert.throws(() => parseQualityReportsPolicy({}), /qualityReports.article/);
});

test('a part over its limit is named with its limit and length; an unknown part is refused; characters are code points', () => {
  assert.equal(charCount('  𠀀字 '), 2);
  const fields = partProblems(school, { talent: '字'.repeat(8001), culture: '好', sports: 'x' });
  assert.match(fields['parts.talent']!, /「人才培养」超过字数上限 8000 字（现 8001 字）/);
  assert.equal(fields['parts.culture'], undefined);
  assert.ok(fields['parts.sports']);
  assert.deepEqual(partProblems(school, { talent: '字'.repeat(8000) }), {});
});

test('every part must be written before submission', () => {
  const fields = submissionProblems(school, { talent: '写了', service: '   ' });
  assert.equal(fields['parts.talent'], undefined);
  assert.match(fields['parts.service']!, /服务贡献.*尚未填写/);
  assert.equal(Object.keys(fields).length, 6);
});

test('a return needs at least one comment, on a part the report has', () => {
  assert.ok(commentProblems(school, {}).comments);
  assert.ok(commentProblems(school, { talent: '  ' }).comments);
  assert.ok(commentProblems(school, { sports: '改' })['comments.sports']);
  assert.deepEqual(commentProblems(school, { talent: '请补充数据' }), {});
});

test('tables: a fact without data reads 暂无数据 and is listed missing, never 0; a real 0 stays 0; rows carry the data date', () => {
  const tables = buildTables(
    'school',
    policy.tables.school,
    { students: 1234, funding_per_student: 0, employment_rate: 95.25 },
    '2025-12-31',
  );
  const row = (fact: string) => tables.flatMap((t) => t.rows).find((r) => r.fact === fact)!;
  assert.deepEqual([row('students').display, row('students').dataDate], ['1,234 人', '2025-12-31']);
  assert.equal(row('funding_per_student').display, '0 元');
  assert.equal(row('employment_rate').display, '95.3%');
  assert.deepEqual([row('retention_rate').value, row('retention_rate').display], [null, '暂无数据']);
  assert.equal(row('international_students').source, null);
  assert.ok(missingRows(tables).includes('国际影响表：全日制国（境）外留学生人数'));
  assert.ok(!missingRows(tables).includes('计分卡：在校生数'));
  assert.deepEqual(uncollectedFacts('school'), ['international_students', 'overseas_training', 'international_standards']);
  assert.equal(displayValue(12345.67, '元'), '12,345.7 元');
});

test('the city’s tables sum or average the schools’ rows over those with data, and say how many', () => {
  const a = buildTables('school', policy.tables.school, { students: 1000, employment_rate: 90 }, '2025-12-31');
  const b = buildTables('school', policy.tables.school, { students: 500, employment_rate: null }, '2025-12-31');
  const c = buildTables('school', policy.tables.school, { students: 700, employment_rate: 80 }, '2025-12-31');
  const city = aggregateTables(policy.tables.school, [a, b, c], '2026-01-15');
  const row = (fact: string) => city[0]!.rows.find((r) => r.fact === fact)!;
  assert.deepEqual([row('students').value, row('students').basis, row('students').label], [2200, 3, '在校生数（合计）']);
  assert.deepEqual([row('employment_rate').value, row('employment_rate').basis], [85, 2]);
  assert.deepEqual([row('retention_rate').display, row('retention_rate').basis], ['暂无数据', 0]);
  assert.equal(aggregateTables(policy.tables.school, [], '2026-01-15')[0]!.rows[0]!.display, '暂无数据');
});

test('the bureau approves a submitted report only; an enterprise report once every partner school has confirmed', () => {
  assert.match(approvalBlock('draft', 'school', [])!, /草稿/);
  assert.equal(approvalBlock('submitted', 'school', []), null);
  assert.match(approvalBlock('submitted', 'enterprise', [{ name: '一中专', confirmed: false }])!, /尚待确认：一中专/);
  assert.equal(approvalBlock('submitted', 'enterprise', [{ name: '一中专', confirmed: true }]), null);
  assert.equal(factsDateOf(2025, '2026-03-01'), '2025-12-31');
  assert.equal(factsDateOf(2026, '2026-03-01'), '2026-03-01');
});
