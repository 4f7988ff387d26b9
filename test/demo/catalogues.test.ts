import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
import { CLUSTERS, clusterClasses } from '../../server/catalogues/clusters.ts';
import { parseCsv, readText, referenceDataPath } from '../../server/catalogues/csv.ts';
import { DIVISIONS_FILE, parseDivisionsCsv } from '../../server/catalogues/divisions.ts';
import { INDUSTRY_FILE, parseIndustryCsv } from '../../server/catalogues/industry.ts';
import { DEMO_MAJORS_FILE, loadMajors, parseMajorCsv } from '../../server/catalogues/majors.ts';
import { openDatabase, type Database } from '../../server/platform/db/engine.ts';
import { catalogueEditions, majors } from '../../server/platform/db/schema/index.ts';

const HEADER = '层次,专业大类,专业类,专业代码,专业名称,年份\n';

test('CSV reader: BOM, CRLF, quotes with commas, escaped quotes and newlines, blank lines', () => {
  const rows = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\n');
  assert.deepEqual(
    rows.map((r) => r.fields),
    [
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', 'z'],
    ],
  );
  assert.deepEqual(
    rows.map((r) => r.line),
    [1, 2, 4],
  );
});

test('GB/T 4754-2017 file: levels counted, the extra class reported, damaged names restored', () => {
  const parsed = parseIndustryCsv(readText(referenceDataPath(INDUSTRY_FILE)));
  assert.deepEqual(parsed.counts, { section: 20, division: 97, group: 473, class: 1381 });
  assert.ok(
    parsed.anomalies.some((a) => a.startsWith('class共1381条，标准正式文本为1380条')),
    parsed.anomalies.join('\n'),
  );
  const byCode = new Map(parsed.nodes.map((n) => [n.code, n]));
  assert.equal(byCode.get('3531')!.name, '食品、酒、饮料及茶生产专用设备制造');
  assert.equal(byCode.get('37')!.name, '铁路、船舶、航空航天和其他运输设备制造业');
  assert.ok(parsed.corrections.length >= 8);
  for (const n of parsed.nodes) assert.ok(!/\s/.test(n.name), n.name);
  // Every cluster's classes exist in the file.
  for (const c of CLUSTERS) for (const code of clusterClasses(c)) assert.equal(byCode.get(code)?.level, 'class', `${c.name} ${code}`);
});

test('GB/T 4754 checks: duplicate code, wrong parent, bad code, truncated name', () => {
  const text = [
    'code,name,level,parent',
    'A,农、林、牧、渔业,section,',
    '01,农业,division,A',
    '011,谷物种植,group,01',
    '0111,稻谷种植,class,011',
    '0111,稻谷种植again,class,011',
    '0112,小麦种植,class,012',
    '01X3,坏代码,class,011',
    '0119,某某专用设备,class,011',
  ].join('\n');
  const p = parseIndustryCsv(text);
  assert.equal(p.nodes.length, 6); // the duplicate and the bad code are left out
  const all = p.anomalies.join('\n');
  assert.match(all, /代码与第5行重复/);
  assert.match(all, /上级代码“012”与代码前缀“011”不一致/);
  assert.match(all, /代码格式不符合class层级/);
  assert.match(all, /疑似被截断/);
});

test('divisions file: 16 districts and zones, the city row left out, 郑东新区 given the local code', () => {
  const p = parseDivisionsCsv(readText(referenceDataPath(DIVISIONS_FILE)));
  assert.equal(p.divisions.length, 16);
  assert.deepEqual(p.city, { code: '410100', name: '郑州市' });
  const zd = p.divisions.find((d) => d.name === '郑东新区')!;
  assert.equal(zd.code, 'ZZ-ZDXQ');
  assert.ok(zd.localCode);
  assert.equal(p.divisions.find((d) => d.code === '410105')!.slug, 'jinshui');
  assert.deepEqual(p.anomalies, []);
});

test('major catalogue: the demo subset parses cleanly and only holds 6-digit codes under their 专业类', () => {
  const p = parseMajorCsv(readText(DEMO_MAJORS_FILE));
  assert.deepEqual(p.errors, {});
  assert.deepEqual(p.warnings, []);
  assert.ok(p.entries.length >= 15 && p.entries.length <= 40);
  // 中职 majors too (大类 61–79), so secondary schools have programmes; 招生 by level of the catalogue.
  const secondary = p.entries.filter((e) => e.level === 'secondary');
  assert.ok(secondary.length >= 8);
  for (const e of secondary) assert.ok(Number(e.divisionCode) >= 61 && Number(e.divisionCode) <= 79, e.code);
  assert.equal(p.entries.find((e) => e.code === '700206')!.name, '汽车运用与维修');
  for (const e of p.entries) {
    assert.match(e.code, /^\d{6}$/);
    assert.ok(e.code.startsWith(e.categoryCode) && e.categoryCode.startsWith(e.divisionCode));
  }
  for (const code of ['510201', '510202', '510203']) assert.ok(p.entries.some((e) => e.code === code));
  assert.equal(p.entries.find((e) => e.code === '510203')!.name, '软件技术');
});

test('major catalogue: every bad cell is reported with its line and column', () => {
  const p = parseMajorCsv(
    HEADER +
      [
        '高职专科,51 电子与信息大类,5102 计算机类,510203,软件技术,2021',
        '大专,51 电子与信息大类,5102 计算机类,510299,某专业,2021',
        '高职专科,电子与信息大类,5102 计算机类,510298,某专业,2021',
        '高职专科,51 电子与信息大类,5202 护理类,520201,护理,2021',
        '高职专科,51 电子与信息大类,5102 计算机类,51020,短代码,2021',
        '高职专科,51 电子与信息大类,5102 计算机类,510203,软件技术,2021',
        '高职专科,51 电子与信息大类,5102 计算机类,510297,某专业,二〇二一',
        '中职,51 电子与信息大类,5102 计算机类,510296,层次代码段不符,2021',
      ].join('\n'),
  );
  assert.equal(p.errors['第3行.层次'], '“大专”不是中职、高职专科或高职本科（职业本科）');
  assert.match(p.errors['第4行.专业大类']!, /应为2位代码加名称/);
  assert.match(p.errors['第5行.专业类']!, /应以专业大类代码51开头/);
  assert.match(p.errors['第6行.专业代码']!, /应为6位数字/);
  assert.match(p.errors['第7行.专业代码']!, /与第2行重复/);
  assert.match(p.errors['第8行.年份']!, /四位年份/);
  assert.match(p.warnings.join('\n'), /第9行：中职专业的专业大类代码51不在2021年目录该层次的代码段61–79内/);
  const missing = parseMajorCsv('层次,专业代码\n高职专科,510203\n');
  assert.match(missing.errors['表头']!, /表头缺少列：专业大类、专业类、专业名称、年份/);
});

test('major catalogue: 职业本科 / 高职本科 and K-suffixed (国家控制) codes are accepted', () => {
  const p = parseMajorCsv(
    HEADER + '职业本科,31 电子与信息大类,3102 计算机类,310299,示例,2021\n高职专科,57 教育与体育大类,5701 教育类,570199K,示例,2021\n',
  );
  assert.deepEqual(p.errors, {});
  assert.equal(p.entries[0]!.level, 'vocUndergrad');
  assert.equal(p.entries[1]!.code, '570199K');
});

let database: Database;
let dir: string;
before(async () => {
  database = await openDatabase({});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'majors-'));
});
after(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('loading a catalogue file: versioned edition, repeatable, a bad file refused with nothing written', async () => {
  const file = path.join(dir, 'catalogue.csv');
  fs.writeFileSync(
    file,
    HEADER +
      '高职专科,51 电子与信息大类,5102 计算机类,510201,计算机应用技术,2021\n高职专科,51 电子与信息大类,5102 计算机类,510203,软件技术,2021\n',
  );
  const first = await loadMajors(database.db, { file });
  assert.equal(first.edition, '2021');
  assert.equal(first.inserted, 2);
  const again = await loadMajors(database.db, { file });
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2]);

  const [edition] = await database.db.select().from(catalogueEditions).where(eq(catalogueEditions.edition, '2021'));
  assert.equal(edition!.kind, 'major');
  assert.equal(edition!.isDemoSubset, false);
  assert.match(edition!.source, /catalogue\.csv/);

  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(
    bad,
    HEADER + '高职专科,51 电子与信息大类,5102 计算机类,510205,大数据技术,2022\n高职专科,51 电子与信息大类,5102 计算机类,5102,坏,2022\n',
  );
  await assert.rejects(loadMajors(database.db, { file: bad }), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'VALIDATION_FAILED');
    assert.ok(e.fields!['第3行.专业代码']);
    return true;
  });
  const rowsNow = await database.db.select({ code: majors.code }).from(majors);
  assert.deepEqual(rowsNow.map((r) => r.code).sort(), ['510201', '510203']);
});

test('the Ministry spreadsheet as .xlsx: title row skipped, numeric cells read as codes, errors name the sheet row', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('专业目录');
  ws.addRow(['职业教育专业目录（2021年）']);
  ws.addRow(['层次', '专业大类', '专业类', '专业代码', '专业名称', '年份']);
  ws.addRow(['高职专科', '51 电子与信息大类', '5102 计算机类', 510202, '计算机网络技术', 2021]);
  ws.addRow(['高职专科', '51 电子与信息大类', '5102 计算机类', '510203', '软件技术', 2021]);
  const file = path.join(dir, 'catalogue.xlsx');
  await wb.xlsx.writeFile(file);
  const s = await loadMajors(database.db, { file, edition: 'xlsx-test' });
  assert.deepEqual([s.inserted, s.counts.higher], [2, 2]);

  ws.addRow(['高职专科', '51 电子与信息大类', '5102 计算机类', 51020, '坏代码', 2021]);
  await wb.xlsx.writeFile(file);
  await assert.rejects(loadMajors(database.db, { file, edition: 'xlsx-test' }), (e: unknown) => {
    assert.ok(e instanceof AppError && e.fields!['第5行.专业代码']);
    return true;
  });
});
