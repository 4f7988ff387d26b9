import ExcelJS from 'exceljs';
import type { PersonalDataExport } from '../../contracts/personal-data.ts';

/** The export as a workbook: a cover sheet, then one sheet per kind of record with the columns as stored. */
export async function personalDataWorkbook(data: PersonalDataExport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('说明');
  cover.addRows([
    ['个人信息副本（依据《个人信息保护法》第四十五条）'],
    ['对象类型', data.subject.kind],
    ['对象编号', data.subject.id],
    ['生成时间', data.generatedAt],
    ['说明', '本文件包含身份证号等敏感个人信息，仅交付本人，请妥善保管。'],
  ]);
  cover.getColumn(1).width = 16;
  cover.getColumn(2).width = 60;
  for (const section of data.sections) {
    // Sheet names: at most 31 characters, none of []:*?/\ — the titles are ours and fit.
    const sheet = wb.addWorksheet(section.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    const columns = [...new Set(section.rows.flatMap((r) => Object.keys(r)))];
    if (!columns.length) {
      sheet.addRow(['（无记录）']);
      continue;
    }
    sheet.addRow(columns).font = { bold: true };
    for (const r of section.rows) sheet.addRow(columns.map((c) => cell(r[c])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
