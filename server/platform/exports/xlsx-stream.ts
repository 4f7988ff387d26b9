import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width?: number;
}

/**
 * An .xlsx written row by row with ExcelJS's streaming WorkbookWriter into a stream the HTTP reply sends as
 * it is produced: rows are committed and compressed as they come, so an export of 500,000 students never
 * holds the workbook in memory. `fill` adds the rows and awaits `drain()` between pages, so a slow client
 * slows the reading instead of the file piling up in memory; an error mid-way breaks the download instead
 * of delivering a silently truncated file.
 */
export function streamWorkbook(
  sheetName: string,
  columns: readonly SheetColumn[],
  fill: (add: (values: unknown[]) => void, drain: () => Promise<void>) => Promise<void>,
): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  void (async () => {
    try {
      // A client that went away destroys the stream: stop reading instead of waiting for a drain that never comes.
      const drain = async () => {
        if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
        if (out.destroyed) throw new Error('export aborted by the client');
      };
      await fill((values) => ws.addRow(values).commit(), drain);
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachment(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const extension = /\.[a-z]+$/.exec(fileName)?.[0] ?? '';
  return `${disposition}; filename="export${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
