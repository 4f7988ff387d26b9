import ExcelJS from 'exceljs';
import { tablesOf, type Cell, type ReportContent } from '../../core/employment-report/index.ts';
import { renderA4Pdf, type PdfBlock } from '../platform/pdf/a4-document.ts';

/** What prints of a stored report: its content and the bureau's texts, and who issues it. */
export interface PrintableReport {
  content: ReportContent;
  foreword: string;
  conclusion: string;
  issuer: string;
  /** The business day printed under the title: the day it was published, or drafted while a draft. */
  issuedOn: string;
  status: 'draft' | 'published';
}

const printed = (c: Cell) => (typeof c === 'number' ? String(c) : c);

/** The report as an A4 PDF: foreword, each section's text, charts and tables, conclusion; a draft says so under the title. */
export function reportPdf(r: PrintableReport, generatedAt: Date): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '前言' },
    { kind: 'paragraph', text: r.foreword },
  ];
  for (const section of r.content.sections) {
    blocks.push({ kind: 'heading', text: section.heading });
    for (const text of section.paragraphs) blocks.push({ kind: 'paragraph', text });
    for (const chart of section.charts) blocks.push({ kind: 'bars', chart });
    for (const t of section.tables) blocks.push({ kind: 'table', table: { ...t, rows: t.rows.map((row) => row.map(printed)) } });
  }
  blocks.push({ kind: 'heading', text: '七、结论与建议' }, { kind: 'paragraph', text: r.conclusion });
  return renderA4Pdf({
    title: r.content.title,
    subtitle: r.status === 'draft' ? '（草稿，未发布）' : undefined,
    issuer: r.issuer,
    issuedOn: r.issuedOn,
    generatedAt,
    blocks,
  });
}

/** The report's tables as an .xlsx: one sheet each, its caption above, the data date below; numbers stay numbers. */
export async function reportWorkbook(r: PrintableReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = r.issuer;
  const cover = wb.addWorksheet('说明');
  cover.addRows([
    [r.content.title],
    ['发布单位', r.issuer],
    ['状态', r.status === 'published' ? `已发布（${r.issuedOn}）` : '草稿，未发布'],
    ['数据日期', r.content.dataDate],
    ['需求序列截至', r.content.lastMonth ?? '—'],
  ]);
  cover.getRow(1).font = { bold: true, size: 14 };
  cover.getColumn(1).width = 16;
  cover.getColumn(2).width = 40;
  for (const t of tablesOf(r.content)) {
    // Sheet names: at most 31 characters, none of []:*?/\ — the caption's number (表1) leads and keeps them unique.
    const ws = wb.addWorksheet(t.caption.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    ws.addRow([t.caption]).font = { bold: true };
    ws.addRow(t.columns.map((c) => c.title)).font = { bold: true };
    if (t.rows.length === 0) ws.addRow([t.empty ?? '无数据']);
    for (const row of t.rows) ws.addRow(row);
    ws.addRow([]);
    ws.addRow([`数据日期：${t.dataDate}`]);
    t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.round(12 * (c.width ?? 1.2))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
