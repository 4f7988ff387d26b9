import type { QualityReport } from '../../../contracts/quality-reports.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';

/** The report's tables as one sheet (table, indicator, value, unit, data date, source): what the PDF's 附表 print. */
export function reportTablesWorkbook(r: QualityReport) {
  const city = r.kind === 'city';
  return streamWorkbook(
    '指标表',
    [
      { header: '表', width: 14 },
      { header: '指标', width: 44 },
      { header: '数值', width: 14 },
      { header: '单位', width: 8 },
      { header: '显示', width: 16 },
      ...(city ? [{ header: '有数据学校数', width: 14 }] : []),
      { header: '数据日期', width: 12 },
      { header: '数据来源', width: 16 },
    ],
    async (add) => {
      for (const t of r.tables)
        for (const row of t.rows)
          add([
            t.title,
            row.label,
            row.value,
            row.unit,
            row.display,
            ...(city ? [row.basis ?? 0] : []),
            row.dataDate,
            row.source ?? '平台暂未采集',
          ]);
    },
  );
}
