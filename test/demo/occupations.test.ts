import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
import { readText } from '../../server/catalogues/csv.ts';
import { DEMO_OCCUPATIONS_FILE, loadDemoOccupations, loadOccupations, parseOccupationCsv } from '../../server/catalogues/occupations.ts';
import { openDatabase, type Database } from '../../server/platform/db/engine.ts';
import { catalogueEditions, occupations } from '../../server/platform/db/schema/index.ts';

/*
 * Fixtures in the published layout (大类, 中类, 小类, 细类（职业）). Codes under 大类 9 and names marked 虚构 are
 * made up for the test: the 2022 大典 has no 大类 9, so none of them can be mistaken for a real occupation.
 */
const HEADER = '大类,中类,小类,细类（职业）\n';
const FAKE = [
  '9 虚构大类,,,',
  ',9-01 虚构中类甲,,',
  ',,9-01-01 虚构小类,',
  ',,,9-01-01-01 虚构职业一',
  ',,,9-01-01-02 虚构职业二',
  ',9-02 虚构中类乙,,',
  // The "fill-down" spelling: every level written out on the 职业's own row.
  '9 虚构大类,9-02 虚构中类乙,9-02-01 虚构小类乙,9-02-01-01 虚构职业三',
].join('\n');

test('the shipped demo subset holds exactly the eight 大类 of the 2022 大典 and nothing below them', () => {
  const p = parseOccupationCsv(readText(DEMO_OCCUPATIONS_FILE));
  assert.deepEqual(p.errors, {});
  assert.deepEqual(
    p.entries.map((e) => [e.code, e.level, e.parentCode]),
    ['1', '2', '3', '4', '5', '6', '7', '8'].map((c) => [c, 'major', null]),
  );
  assert.equal(p.entries.find((e) => e.code === '2')!.name, '专业技术人员');
  assert.equal(p.entries.find((e) => e.code === '8')!.name, '不便分类的其他从业人员');
});

test('the published layout: merged (empty) cells continue the row above, full rows work too, parents recorded', () => {
  const p = parseOccupationCsv(`职业分类大典（虚构示例）,,,\n${HEADER}${FAKE}\n`);
  assert.deepEqual(p.errors, {});
  assert.deepEqual(
    p.entries.map((e) => [e.code, e.level, e.parentCode]),
    [
      ['9', 'major', null],
      ['9-01', 'middle', '9'],
      ['9-01-01', 'minor', '9-01'],
      ['9-01-01-01', 'occupation', '9-01-01'],
      ['9-01-01-02', 'occupation', '9-01-01'],
      ['9-02', 'middle', '9'],
      ['9-02-01', 'minor', '9-02'],
      ['9-02-01-01', 'occupation', '9-02-01'],
    ],
  );
  assert.equal(p.entries.at(-1)!.name, '虚构职业三');
  // 细类 and 职业 are accepted as the last column's heading.
  assert.deepEqual(parseOccupationCsv(`大类,中类,小类,职业\n9 虚构大类,,,\n`).errors, {});
});

test('every bad cell is reported with its line and column', () => {
  const p = parseOccupationCsv(
    HEADER +
      [
        '9 虚构大类,,,',
        ',9-1 坏中类,,', // line 3: wrong shape
        ',9-01 虚构中类甲,,',
        ',,9-02-01 不在其中类下,', // line 5: not under 9-01
        ',,9-01-01 虚构小类,',
        ',,,9-01-01-01 虚构职业一',
        ',,,9-01-01-01 虚构职业一', // line 8: duplicate
        ',9-01 另一个名称,,', // line 9: same code, other name
        '9 虚构大类,9-01 虚构中类甲,9-01-01 虚构小类,9-01-01-02', // line 10: code without a name
      ].join('\n'),
  );
  assert.match(p.errors['第3行.中类']!, /应为代码加名称/);
  assert.match(p.errors['第5行.小类']!, /应以中类代码9-01开头/);
  assert.match(p.errors['第8行.细类（职业）']!, /与第7行重复/);
  assert.match(p.errors['第9行.中类']!, /与第4行“虚构中类甲”不一致/);
  assert.match(p.errors['第10行.细类（职业）']!, /应为代码加名称/);
  const orphan = parseOccupationCsv(HEADER + ',,,9-01-01-01 虚构职业\n');
  assert.match(orphan.errors['第2行.大类']!, /前面没有可沿用的大类/);
  assert.match(parseOccupationCsv('大类,中类\n9 虚构,\n').errors['表头']!, /表头缺少列：小类、细类（职业）/);
  assert.equal(parseOccupationCsv(HEADER).errors['文件'], '没有职业分类数据行');
});

let database: Database;
let dir: string;
before(async () => {
  database = await openDatabase({});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'occupations-'));
});
after(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('loading: a versioned edition (2022 by default), repeatable, a bad file refused with nothing written', async () => {
  const demo = await loadDemoOccupations(database.db);
  assert.deepEqual([demo.edition, demo.isDemoSubset, demo.counts.major, demo.inserted], ['2022-demo-subset', true, 8, 8]);

  const file = path.join(dir, 'occupations.csv');
  fs.writeFileSync(file, HEADER + FAKE + '\n');
  const first = await loadOccupations(database.db, { file });
  assert.deepEqual([first.edition, first.isDemoSubset, first.inserted], ['2022', false, 8]);
  assert.deepEqual(first.counts, { major: 1, middle: 2, minor: 2, occupation: 3 });
  const again = await loadOccupations(database.db, { file });
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 8]);

  const editions = await database.db.select().from(catalogueEditions).where(eq(catalogueEditions.kind, 'occupation'));
  assert.deepEqual(editions.map((e) => [e.edition, e.isDemoSubset]).sort(), [
    ['2022', false],
    ['2022-demo-subset', true],
  ]);

  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, HEADER + '9 虚构大类,,,\n,9-03 虚构中类丙,,\n,,9-04-01 错位小类,\n');
  await assert.rejects(loadOccupations(database.db, { file: bad, edition: 'bad' }), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'VALIDATION_FAILED');
    assert.ok(e.fields!['第4行.小类']);
    return true;
  });
  assert.equal((await database.db.select().from(catalogueEditions).where(eq(catalogueEditions.edition, 'bad'))).length, 0);
  assert.equal((await database.db.select().from(occupations).where(eq(occupations.code, '9-03'))).length, 0);
});

test('the published .xlsx: title row skipped, merged cells read, errors name the sheet row', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('职业分类');
  ws.addRow(['中华人民共和国职业分类大典（虚构示例）']);
  ws.addRow(['大类', '中类', '小类', '细类（职业）']);
  ws.addRow(['9 虚构大类', '9-01 虚构中类甲', '9-01-01 虚构小类', '9-01-01-01 虚构职业一']);
  ws.addRow(['', '', '', '9-01-01-02 虚构职业二']);
  ws.mergeCells('A3:A4');
  const file = path.join(dir, 'occupations.xlsx');
  await wb.xlsx.writeFile(file);
  const s = await loadOccupations(database.db, { file, edition: 'xlsx-test' });
  assert.deepEqual([s.inserted, s.counts.occupation], [5, 2]);

  ws.addRow(['', '', '', '9-01-01-3 坏代码']);
  await wb.xlsx.writeFile(file);
  await assert.rejects(loadOccupations(database.db, { file, edition: 'xlsx-test' }), (e: unknown) => {
    assert.ok(e instanceof AppError && e.fields!['第5行.细类（职业）']);
    return true;
  });
});
