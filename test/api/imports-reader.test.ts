import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { countCsvLines, readCsvRows } from '../../server/imports/csv-reader.ts';
import { detectCsvEncoding } from '../../server/imports/encoding.ts';
import { readXlsxRows } from '../../server/imports/xlsx-reader.ts';
import { scanXlsx } from '../../server/imports/zip-scan.ts';
import { csvText, gbk } from './imports-fixtures.ts';

/** The file readers on their own: large sheets of Chinese text, CSV edge cases, encodings, merged-cell scan. */
const HAN = '郑州市职业技术学院计算机应用技术欧阳娜娜买买提·艾力';
const text = (i: number) => `${HAN.slice(i % 7)}${i}${HAN.slice(0, (i % 11) + 3)}`;

async function sheet(rows: number, sharedStrings: boolean): Promise<Buffer> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cj-reader-')), 'big.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: sharedStrings, useStyles: true });
  const ws = wb.addWorksheet('数据');
  ws.mergeCells('A1:B1');
  for (let i = 0; i < rows; i++) ws.addRow([text(i), i, new Date(Date.UTC(2008, 4, 1))]).commit();
  await wb.commit();
  const data = fs.readFileSync(file);
  fs.rmSync(path.dirname(file), { recursive: true });
  return data;
}

for (const shared of [false, true]) {
  test(`a large sheet of Chinese text reads back intact (${shared ? 'shared strings' : 'inline strings'})`, async () => {
    const data = await sheet(30_000, shared);
    const scan = await scanXlsx(data);
    assert.deepEqual([scan.sheetName, scan.merges, scan.rowsWithValues], ['数据', ['A1:B1'], 30_000]);
    let n = 0;
    for await (const row of readXlsxRows(data, scan.sheetName)) {
      if (!row.cells.length) continue; // row 1: the merged, empty cells
      assert.deepEqual(row.cells[0], { kind: 'text', value: text(n) }, `row ${row.row}`);
      assert.deepEqual(row.cells[1], { kind: 'number', value: n });
      assert.deepEqual(row.cells[2], { kind: 'date', value: '2008-05-01' });
      n++;
    }
    assert.equal(n, 30_000);
  });
}

test('CSV: quoted fields with commas, quotes and line breaks, CRLF and LF, across read slices', async () => {
  const long = '长'.repeat(40_000);
  const rows = [
    ['a', 'b,c', 'say "hi"'],
    ['line\nbreak', long, ''],
    ['x', 'y', 'z'],
  ];
  const data = Buffer.from(csvText(rows).replace('\r\nx', '\nx'));
  const got: string[][] = [];
  for await (const r of readCsvRows(data, detectCsvEncoding(data))) got.push(r.cells.map((c) => (c.kind === 'text' ? c.value : '')));
  assert.deepEqual(got, rows);
  assert.equal(countCsvLines(data), 4, 'an upper bound: the quoted line break counts');
});

test('CSV encodings: UTF-8, UTF-8 with BOM, GBK (also split across slices), UTF-16 refused', async () => {
  const body = csvText([['姓名', '学校'], ...Array.from({ length: 8000 }, (_, i) => [text(i), '郑州'])]);
  const cases: [Buffer, string][] = [
    [Buffer.from(body), 'utf-8'],
    [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]), 'utf-8-bom'],
    [gbk(body), 'gbk'],
  ];
  for (const [data, encoding] of cases) {
    assert.equal(detectCsvEncoding(data), encoding);
    let n = 0;
    for await (const r of readCsvRows(data, encoding as never)) {
      assert.deepEqual(r.cells[0], { kind: 'text', value: n === 0 ? '姓名' : text(n - 1) }, `${encoding} row ${r.row}`);
      n++;
    }
    assert.equal(n, 8001);
  }
  assert.throws(() => detectCsvEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])), /UTF-16/);
});
