import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateIdNumber } from '../../core/codes/index.ts';
import { IssueList, RowFields, type Cell, type ColumnSpec } from '../../core/imports/index.ts';

const col = (key: string, required = false): ColumnSpec => ({ key, header: key, required, hint: '', example: '' });

/** One row holding `cells` in columns named a, b, c …; returns the reader and the issues it reported. */
function row(cells: Cell[], required: string[] = []) {
  const keys = cells.map((_, i) => String.fromCharCode(97 + i));
  const issues = new IssueList();
  const f = new RowFields(
    7,
    cells,
    keys.map((k) => col(k, required.includes(k))),
    new Map(keys.map((k, i) => [k, i])),
    (i) => issues.add(i),
  );
  return { f, issues };
}
const t = (value: string): Cell => ({ kind: 'text', value });
const n = (value: number): Cell => ({ kind: 'number', value });

test('a required empty cell is reported; an optional one is undefined without a problem', () => {
  const { f, issues } = row([{ kind: 'empty' }, t('  ')], ['a']);
  assert.equal(f.text('a'), undefined);
  assert.equal(f.text('b'), undefined);
  assert.equal(issues.count, 1);
  assert.deepEqual(issues.items[0], { row: 7, column: 'a', reason: '请填写“a”' });
});

test('a formula cell is refused naming the cell', () => {
  const { f, issues } = row([t('x'), { kind: 'formula' }]);
  assert.equal(f.text('b'), undefined);
  assert.match(issues.items[0]!.reason, /单元格B7是公式/);
  assert.equal(f.ok, false);
});

test('integers: numbers, numeric text with separators; words and fractions are wrong types', () => {
  const { f, issues } = row([n(12), t('1,200'), t('十二'), n(1.5), n(5)]);
  assert.equal(f.integer('a', { min: 0, max: 100 }), 12);
  assert.equal(f.integer('b', { min: 0, max: 10000 }), 1200);
  assert.equal(f.integer('c', { min: 0, max: 100 }), undefined);
  assert.equal(f.integer('d', { min: 0, max: 100 }), undefined);
  assert.equal(f.integer('e', { min: 10, max: 100 }), undefined);
  assert.deepEqual(
    issues.items.map((i) => i.column),
    ['c', 'd', 'e'],
  );
  assert.match(issues.items[0]!.reason, /应为整数/);
  assert.match(issues.items[2]!.reason, /应在10至100之间/);
});

test('dates: date cells, several written forms and Excel serials; impossible dates are refused', () => {
  const { f, issues } = row([
    { kind: 'date', value: '2008-05-01' },
    t('2008/5/1'),
    t('2008年5月1日'),
    t('20080501'),
    n(39569),
    t('2008-02-30'),
    t('明年'),
  ]);
  for (const k of ['a', 'b', 'c', 'd', 'e']) assert.equal(f.date(k), '2008-05-01', k);
  assert.equal(f.date('f'), undefined);
  assert.equal(f.date('g'), undefined);
  assert.equal(issues.count, 2);
  assert.match(issues.items[0]!.reason, /不是有效日期/);
});

test('choices compare without spaces or full-width differences and list the allowed values', () => {
  const { f, issues } = row([t(' 公办 '), t('国有')]);
  assert.equal(f.choice('a', { 公办: 'public', 民办: 'private' }), 'public');
  assert.equal(f.choice('b', { 公办: 'public', 民办: 'private' }), undefined);
  assert.match(issues.items[0]!.reason, /应为以下之一：公办、民办；当前为“国有”/);
});

test('shares from percent text, fractions and percent numbers', () => {
  const { f } = row([t('55%'), n(0.55), t('55'), t('120%')]);
  assert.equal(f.share('a'), 0.55);
  assert.equal(f.share('b'), 0.55);
  assert.equal(f.share('c'), 0.55);
  assert.equal(f.share('d'), undefined);
});

test('an ID number Excel turned into a number is explained, not reported as a bad check digit', () => {
  const { f, issues } = row([n(110105194912310020), t('1.10105E+17'), t('11010519491231002X'), t('110105194912310021')]);
  assert.equal(
    f.code('a', (v) => validateIdNumber(v)),
    undefined,
  );
  assert.equal(
    f.code('b', (v) => validateIdNumber(v)),
    undefined,
  );
  assert.equal(
    f.code('c', (v) => validateIdNumber(v)),
    '11010519491231002X',
  );
  assert.equal(
    f.code('d', (v) => validateIdNumber(v)),
    undefined,
  );
  assert.match(issues.items[0]!.reason, /被Excel存成了数字/);
  assert.match(issues.items[1]!.reason, /被Excel存成了数字/);
  assert.match(issues.items[2]!.reason, /校验码错误/);
});

test('a reference column must agree with the code it stands beside', () => {
  const { f, issues } = row([t('计算机应用技术'), t('软件技术'), { kind: 'empty' }]);
  f.agrees('a', '计算机应用技术', 'c');
  f.agrees('b', '计算机应用技术', 'c');
  f.agrees('c', '计算机应用技术', 'c');
  assert.equal(issues.count, 1);
  assert.match(issues.items[0]!.reason, /“b”为“软件技术”，但“c”对应的是“计算机应用技术”/);
});

test('the issue list keeps the first entries and counts them all', () => {
  const list = new IssueList(2);
  for (let i = 0; i < 5; i++) list.add({ row: i, column: null, reason: 'x' });
  assert.equal(list.items.length, 2);
  assert.equal(list.count, 5);
  assert.equal(list.truncated, true);
});
