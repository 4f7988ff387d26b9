import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnLetter, matchHeaders, type Cell } from '../../core/imports/index.ts';

const t = (value: string): Cell => ({ kind: 'text', value });
const expected = [
  { key: 'school', header: '学校标识码' },
  { key: 'name', header: '姓名' },
  { key: 'id', header: '身份证号码' },
  { key: 'phone', header: '手机号码' },
  { key: 'schoolName', header: '学校名称', optionalColumn: true },
];

test('column letters as Excel shows them', () => {
  assert.deepEqual([0, 25, 26, 27, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

test('headers match in any order, tolerant of spaces and full-width characters; an optional reference column may be absent', () => {
  const m = matchHeaders(expected, 1, [t(' 姓名 '), t('学校标识码'), t('身份证　号码'), t('手机号码')]);
  assert.ok(m.ok);
  assert.equal(m.positions.get('name'), 0);
  assert.equal(m.positions.get('school'), 1);
  assert.equal(m.positions.get('id'), 2);
  assert.equal(m.positions.has('schoolName'), false);
  const wide = matchHeaders([{ key: 'pay', header: '职工工资总额（元）' }], 1, [t('职工工资总额(元)')]);
  assert.ok(wide.ok);
});

test('a missing column is named', () => {
  const m = matchHeaders(expected, 1, [t('学校标识码'), t('姓名'), t('身份证号码')]);
  assert.equal(m.ok, false);
  assert.ok(!m.ok && m.issues.length === 1);
  assert.ok(!m.ok && m.issues[0]!.reason.includes('缺少列“手机号码”'));
  assert.ok(!m.ok && m.issues[0]!.column === '手机号码' && m.issues[0]!.row === 1);
});

test('an extra column is named with its letter', () => {
  const m = matchHeaders(expected, 1, [t('学校标识码'), t('姓名'), t('身份证号码'), t('手机号码'), t('学校名称'), t('备注')]);
  assert.equal(m.ok, false);
  assert.ok(!m.ok && m.issues.length === 1 && m.issues[0]!.reason.includes('多出列“备注”（F列）'));
});

test('a renamed column is reported as renamed, not as one missing and one extra', () => {
  const similar = matchHeaders(expected, 1, [t('学校标识码'), t('姓名'), t('身份证号'), t('手机号码')]);
  assert.ok(!similar.ok && similar.issues.length === 1);
  assert.ok(!similar.ok && similar.issues[0]!.reason.includes('列“身份证号”（C列）应为“身份证号码”'));
  const samePlace = matchHeaders(expected, 1, [t('学校标识码'), t('姓名'), t('身份证号码'), t('联系电话')]);
  assert.ok(!samePlace.ok && samePlace.issues[0]!.reason.includes('应为“手机号码”'));
});

test('a duplicated column and a formula in the header are refused', () => {
  const dup = matchHeaders(expected, 1, [t('学校标识码'), t('姓名'), t('身份证号码'), t('手机号码'), t('姓名')]);
  assert.ok(!dup.ok && dup.issues.some((i) => i.reason.includes('列“姓名”出现了2次（B、E列）')));
  const formula = matchHeaders(expected, 1, [t('学校标识码'), { kind: 'formula' }, t('身份证号码'), t('手机号码')]);
  assert.ok(!formula.ok && formula.issues.some((i) => i.reason.includes('B1是公式')));
});
