import ExcelJS from 'exceljs';
import { IMPORT_SPECS, type ImportEntity } from '../../core/imports/index.ts';

/** Rows a template's drop-downs and text formats reach (the configured row limit is 200,000 by default). */
const TEMPLATE_ROWS = 200_001;

/**
 * The import template of an entity: the data sheet (headers exactly as the importer expects, required ones
 * in red, an example row the importer skips, code columns formatted as text so Excel keeps ID numbers and
 * leading zeros, drop-downs for enumerated columns, each header's note saying what to fill in) and an
 * instructions sheet. Small, so built in memory.
 */
export async function buildTemplate(entity: ImportEntity): Promise<Buffer> {
  const spec = IMPORT_SPECS[entity];
  const wb = new ExcelJS.Workbook();
  wb.creator = '产教 Chanjiao';
  const ws = wb.addWorksheet(spec.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, Math.min(40, Math.max([...c.header].length * 2.2, c.example.length * 1.3) + 2)),
    ...(c.text && { style: { numFmt: '@' } }),
  }));
  const header = ws.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = `${c.required ? '必填。' : c.reference ? '可不填，也可删除此列。' : '选填。'}${c.hint}`;
  });
  const example = ws.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, c.example])));
  example.font = { italic: true, color: { argb: 'FF808080' } };
  // Worksheet.dataValidations exists at run time; ExcelJS's typings omit it.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (!c.choices) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '请从下拉列表中选择',
      error: `“${c.header}”应为：${c.choices.join('、')}`,
    });
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 70 },
    { header: '示例', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of spec.columns) help.addRow([c.header, c.required ? '必填' : c.reference ? '可不填' : '选填', c.hint, c.example]);
  help.addRow([]);
  for (const line of [
    `1. 在“${spec.label}”工作表中填写，第一行是表头，请勿修改、增加或删除列（“可不填”的列可以整列删除）。`,
    '2. 第2行是示例，可以删除；保留也不会被导入。',
    '3. 请直接填写数值，不要使用公式和合并单元格。',
    '4. 导入前会检查每一行；只要有一行有误，就不会导入任何数据，并给出错误报告（行号、列名、原因）。',
    '5. 同一文件可以重复导入：已有的记录按编码更新，内容未变的记录不会改动。',
    '6. 也可以上传CSV文件（UTF-8或GBK编码），表头与本模板相同。',
  ])
    help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
