import type { PassThrough } from 'node:stream';
import type { ImportIssue } from '../../core/imports/index.ts';
import { streamWorkbook } from '../platform/exports/xlsx-stream.ts';

/** The error report of a rejected import as .xlsx: row, column, reason — the order a clerk fixes them in. */
export function issueReport(issues: readonly ImportIssue[], total: number): PassThrough {
  return streamWorkbook(
    '错误报告',
    [
      { header: '行号', width: 8 },
      { header: '列', width: 20 },
      { header: '错误原因', width: 90 },
    ],
    async (add) => {
      for (const i of issues) add([i.row ?? '', i.column ?? '', i.reason]);
      if (total > issues.length) add(['', '', `另有${total - issues.length}处错误未列出，请先修改以上错误后重新导入`]);
    },
  );
}
