import PDFDocument from 'pdfkit';
import { boldFace, bodyFace } from './fonts.ts';

/** One block of a printable document, laid out top to bottom. */
export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  /** Label–value lines, as on a form (申报单位：…). */
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; table: PdfTable }
  | { kind: 'bars'; chart: PdfBarChart }
  | { kind: 'pageBreak' };

export interface PdfColumn {
  title: string;
  /** Relative width (default 1). */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface PdfTable {
  caption: string;
  /** The business date the figures were read (YYYY-MM-DD): printed under the table, as filed tables must say. */
  dataDate: string;
  columns: readonly PdfColumn[];
  rows: readonly (readonly string[])[];
  /** Shown in one row when there are no rows. */
  empty?: string;
}

/** A horizontal bar chart: one bar per label, scaled to the largest value (or the target, when larger). */
export interface PdfBarChart {
  caption: string;
  /** As for a table: the business date its figures were read, printed under it. */
  dataDate: string;
  unit: string;
  bars: readonly { label: string; value: number }[];
  /** A reference line across the bars (the plan's target), labelled 目标. */
  target?: number;
}

export interface PdfDocumentSpec {
  title: string;
  subtitle?: string;
  /** Who issues it (郑州市教育局, a school's name): in the document's metadata and under the title. */
  issuer: string;
  /** The business day it was generated (core/calendar.ts), printed under the title. */
  issuedOn: string;
  /** The instant of generation, for the file's metadata. */
  generatedAt: Date;
  blocks: readonly PdfBlock[];
}

const MM = 72 / 25.4;
const MARGIN = { top: 25 * MM, bottom: 22 * MM, left: 22 * MM, right: 22 * MM };
const BODY_SIZE = 10.5; // 五号
const CELL_SIZE = 9;
const CELL_PAD = 4;

/**
 * Renders an A4 document with the CJK face embedded (subset to the glyphs used), page numbers in the footer and
 * tables that repeat their header row on each page they run onto. Server-side, so what is filed is what was generated.
 */
export function renderA4Pdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: spec.title, Author: spec.issuer, Creator: 'Chanjiao 产教', CreationDate: spec.generatedAt },
  });
  // pdfkit takes a parsed fontkit font (PDFFontFactory.open: anything with `layout`); its types list only files.
  doc.registerFont('body', bodyFace() as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', boldFace() as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titleBlock(doc, spec);
  for (const block of spec.blocks) layout(doc, block);
  footers(doc, spec.title);
  doc.end();
  return done;
}

function titleBlock(doc: PDFKit.PDFDocument, spec: PdfDocumentSpec): void {
  doc.font('bold').fontSize(18).text(spec.title, { align: 'center' });
  if (spec.subtitle) doc.moveDown(0.3).font('body').fontSize(12).text(spec.subtitle, { align: 'center' });
  doc.moveDown(0.4).font('body').fontSize(9).fillColor('#555').text(`${spec.issuer}\u3000${spec.issuedOn}`, { align: 'center' });
  doc.fillColor('black').moveDown(1);
}

function layout(doc: PDFKit.PDFDocument, block: PdfBlock): void {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading':
      keepRoom(doc, 60);
      doc
        .moveDown(0.5)
        .font('bold')
        .fontSize(block.level === 2 ? 12 : 14)
        .text(block.text, doc.page.margins.left, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc
        .font('body')
        .fontSize(BODY_SIZE)
        .text(block.text, doc.page.margins.left, doc.y, { width, align: 'justify', indent: BODY_SIZE * 2, lineGap: 3, paragraphGap: 4 });
      return;
    case 'fields':
      for (const [label, value] of block.rows) {
        doc.font('bold').fontSize(BODY_SIZE).text(`${label}：`, doc.page.margins.left, doc.y, { continued: true, lineGap: 3 });
        doc.font('body').text(value || '—', { lineGap: 3 });
      }
      doc.moveDown(0.5);
      return;
    case 'table':
      table(doc, block.table);
      return;
    case 'bars':
      bars(doc, block.chart);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
  }
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when less than `height` points remain, so a heading never ends a page alone. */
function keepRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function table(doc: PDFKit.PDFDocument, t: PdfTable): void {
  const left = doc.page.margins.left;
  const total = t.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = t.columns.map((c) => (contentWidth(doc) * (c.width ?? 1)) / total);
  const header = t.columns.map((c) => c.title);
  const rows = t.rows.length > 0 ? t.rows : [[t.empty ?? '无数据', ...t.columns.slice(1).map(() => '')]];

  keepRoom(doc, 80);
  doc
    .moveDown(0.3)
    .font('bold')
    .fontSize(11)
    .text(t.caption, left, doc.y, { width: contentWidth(doc), align: 'center' });
  doc.moveDown(0.3);
  row(doc, header, widths, t.columns, true);
  for (const cells of rows) {
    if (doc.y + rowHeight(doc, cells, widths, false) > bottomOf(doc)) {
      doc.addPage();
      row(doc, header, widths, t.columns, true);
    }
    row(doc, cells, widths, t.columns, false);
  }
  doc
    .font('body')
    .fontSize(8)
    .fillColor('#555')
    .text(`数据日期：${t.dataDate}`, left, doc.y + 3, { width: contentWidth(doc), align: 'right' });
  doc.fillColor('black').moveDown(0.8);
}

const BAR_ROW = 16;

function bars(doc: PDFKit.PDFDocument, chart: PdfBarChart): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const labelWidth = width * 0.3;
  const valueWidth = 50;
  const plot = width - labelWidth - valueWidth - 2 * CELL_PAD;
  const scale = Math.max(chart.target ?? 0, ...chart.bars.map((b) => b.value), 1e-9);
  keepRoom(doc, 40 + BAR_ROW * Math.max(1, chart.bars.length));
  doc.moveDown(0.3).font('bold').fontSize(11).text(chart.caption, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  const top = doc.y;
  const x0 = left + labelWidth + CELL_PAD;
  doc.font('body').fontSize(CELL_SIZE);
  if (chart.bars.length === 0) doc.text('无数据', left, top, { width, align: 'center' });
  chart.bars.forEach((b, i) => {
    const y = top + i * BAR_ROW;
    doc.fillColor('black').text(b.label, left, y + 3, { width: labelWidth, align: 'right', lineBreak: false, ellipsis: true });
    doc.rect(x0, y + 2, Math.max(0.5, (plot * b.value) / scale), BAR_ROW - 4).fill('#4a7bd0');
    doc
      .fillColor('black')
      .text(`${b.value}${chart.unit}`, x0 + (plot * b.value) / scale + 3, y + 3, { width: valueWidth, lineBreak: false });
  });
  const bottom = top + BAR_ROW * Math.max(1, chart.bars.length);
  if (chart.target !== undefined && chart.bars.length) {
    const x = x0 + (plot * chart.target) / scale;
    doc.moveTo(x, top).lineTo(x, bottom).dash(3, { space: 2 }).strokeColor('#e5484d').stroke().undash();
    doc
      .fillColor('#e5484d')
      .fontSize(8)
      .text(`目标 ${chart.target}${chart.unit}`, x - 40, bottom + 1, { width: 80, align: 'center', lineBreak: false });
  }
  doc.strokeColor('black');
  doc
    .font('body')
    .fontSize(8)
    .fillColor('#555')
    .text(`数据日期：${chart.dataDate}`, left, bottom + 12, { width, align: 'right' });
  doc.fillColor('black').moveDown(0.8);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: number[], bold: boolean): number {
  doc.font(bold ? 'bold' : 'body').fontSize(CELL_SIZE);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

function row(doc: PDFKit.PDFDocument, cells: readonly string[], widths: number[], columns: readonly PdfColumn[], bold: boolean): void {
  const height = rowHeight(doc, cells, widths, bold);
  const top = doc.y;
  let x = doc.page.margins.left;
  cells.forEach((cell, i) => {
    const w = widths[i]!;
    if (bold) doc.rect(x, top, w, height).fillAndStroke('#f0f0f0', '#888');
    else doc.rect(x, top, w, height).strokeColor('#888').stroke();
    doc
      .fillColor('black')
      .font(bold ? 'bold' : 'body')
      .fontSize(CELL_SIZE);
    doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: w - 2 * CELL_PAD, align: bold ? 'center' : (columns[i]?.align ?? 'left') });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** 第 n 页 共 m 页 on every page, written after layout when the page count is known. */
function footers(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555')
      .text(`${title}\u3000第 ${i + 1} 页 共 ${range.count} 页`, doc.page.margins.left, doc.page.height - bottom + 8 * MM, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
