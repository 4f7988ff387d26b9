import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, SheetRow } from '../../core/imports/index.ts';
import { isoDateOf } from '../../core/calendar.ts';

type Entry = NodeJS.ReadableStream & { setEncoding(e: BufferEncoding): unknown };
type AnyReader = new (
  input: Readable,
  options: object,
) => {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Entry): unknown;
  _parseStyles(entry: Entry): unknown;
  _parseWorkbook(entry: Entry): unknown;
  _parseRels(entry: Entry): unknown;
};

/**
 * ExcelJS 4.4's streaming reader decodes each decompressed chunk to text on its own (lib/utils/parse-sax.js),
 * so a Chinese character whose UTF-8 bytes straddle two chunks turns into "��" — about one cell in a few
 * thousand of a large sheet (exceljs issues #2063, #2084, #2316; fixes unmerged). This subclass hands the
 * parser text instead of bytes, decoded across chunk boundaries: zip entries get a string encoding, and the
 * worksheet iterator (a stream, or a temporary file when the sheet precedes the shared strings) is decoded
 * with a streaming TextDecoder. It overrides underscore methods of WorkbookReader, so it is tied to 4.x; the
 * reader test with a large all-Chinese sheet catches a change.
 */
const Utf8SafeReader = class extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as AnyReader) {
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }
  override _parseSharedStrings(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
  override _parseStyles(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }
  override _parseWorkbook(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }
  override _parseRels(entry: Entry) {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }
};

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Streams the rows of one sheet of an .xlsx with ExcelJS's streaming WorkbookReader: rows are parsed and
 * handed over one at a time, never built into a workbook in memory. Only the named sheet (the first tab) is
 * read; the reader drains the others.
 */
export async function* readXlsxRows(data: Buffer, sheetName: string | null): AsyncGenerator<SheetRow> {
  const input = Readable.from(slices(data));
  const reader = new Utf8SafeReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
  });
  let done = false;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
      const name = (sheet as unknown as { name?: string }).name;
      if (done || (sheetName !== null && name !== undefined && name !== sheetName)) continue;
      done = true;
      for await (const row of sheet) yield { row: row.number, cells: toCells(row.values as unknown[]) };
    }
  } finally {
    input.destroy();
  }
}

function* slices(data: Buffer) {
  for (let i = 0; i < data.length; i += 1 << 16) yield data.subarray(i, i + (1 << 16));
}

/** ExcelJS row values are 1-based and sparse. */
function toCells(values: unknown[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
  return cells;
}

export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') return v === '' ? { kind: 'empty' } : { kind: 'text', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { kind: 'error', value: '#VALUE!' } : { kind: 'date', value: isoDateOf(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { kind: 'formula' };
    if ('error' in o) return { kind: 'error', value: String(o.error) };
    if (Array.isArray(o.richText)) return { kind: 'text', value: (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('text' in o) return toCell(o.text);
  }
  return { kind: 'text', value: String(v) };
}
