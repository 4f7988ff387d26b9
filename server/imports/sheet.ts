import { AppError } from '../../core/errors.ts';
import type { SheetRow } from '../../core/imports/index.ts';
import { countCsvLines, readCsvRows } from './csv-reader.ts';
import { detectCsvEncoding, type CsvEncoding } from './encoding.ts';
import { readXlsxRows } from './xlsx-reader.ts';
import { NotAnXlsxError, scanXlsx } from './zip-scan.ts';

export type ImportFormat = 'xlsx' | 'csv';

/** An uploaded file opened for reading: its rows as a stream, and what a pre-scan found. */
export interface OpenedSheet {
  format: ImportFormat;
  encoding: CsvEncoding | null;
  /** Merged ranges of the data sheet (xlsx only). */
  merges: string[];
  /** Non-empty rows including the header (xlsx: exact; csv: non-blank lines, an upper bound). */
  rowEstimate: number;
  rows(): AsyncGenerator<SheetRow>;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The format from the name and the first bytes; an old .xls or anything else is refused with what to do. */
export function formatOf(fileName: string, data: Buffer): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (data.subarray(0, 4).equals(OLE_MAGIC) || ext === 'xls') {
    throw new AppError('VALIDATION_FAILED', '不支持旧版Excel（.xls）文件，请在Excel中“另存为”.xlsx格式后再上传', {
      fields: { file: '不支持.xls格式' },
    });
  }
  if (ext === 'xlsx') {
    if (!data.subarray(0, 4).equals(XLSX_MAGIC)) throw notReadable('文件扩展名是.xlsx，但内容不是有效的Excel文件');
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') return 'csv';
  throw new AppError('VALIDATION_FAILED', '只支持.xlsx和.csv文件', { fields: { file: '文件类型不支持' } });
}

const notReadable = (message: string) =>
  new AppError('VALIDATION_FAILED', `${message}，请用导入模板重新填写后上传`, { fields: { file: message } });

export async function openSheet(fileName: string, data: Buffer): Promise<OpenedSheet> {
  const format = formatOf(fileName, data);
  if (format === 'csv') {
    const encoding = detectCsvEncoding(data);
    return { format, encoding, merges: [], rowEstimate: countCsvLines(data), rows: () => readCsvRows(data, encoding) };
  }
  try {
    const scan = await scanXlsx(data);
    return {
      format,
      encoding: null,
      merges: scan.merges,
      rowEstimate: scan.rowsWithValues,
      rows: () => readXlsxRows(data, scan.sheetName),
    };
  } catch (err) {
    if (err instanceof NotAnXlsxError || (err as { code?: string }).code?.startsWith('Z_'))
      throw notReadable('文件已损坏或不是有效的.xlsx文件');
    throw err;
  }
}
