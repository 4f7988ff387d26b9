import { Alert, Card, Tag, Typography } from 'antd';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import type { QualityReport } from './api.ts';

type Row = QualityReport['tables'][number]['rows'][number];

/**
 * A report's indicator tables as generated from the platform's data: each row's value (暂无数据 where there is none),
 * data date and source; frozen at submission or live while the report is a draft. Stacked rows on a phone.
 */
export function ReportTables({ report }: { report: QualityReport }) {
  const city = report.kind === 'city';
  const primary: Column<Row> = { key: 'label', title: '指标', render: (r) => r.label };
  const columns: Column<Row>[] = [
    {
      key: 'value',
      title: '数值',
      align: 'right',
      render: (r) => (r.value === null ? <Typography.Text type="secondary">{r.display}</Typography.Text> : <strong>{r.display}</strong>),
    },
    ...(city ? [{ key: 'basis', title: '有数据学校数', align: 'right' as const, render: (r: Row) => r.basis ?? 0 }] : []),
    { key: 'date', title: '数据日期', render: (r) => r.dataDate },
    { key: 'source', title: '数据来源', render: (r) => r.source ?? <Tag>平台暂未采集</Tag> },
  ];
  return (
    <div data-testid="report-tables">
      <Alert
        type={report.tablesFrozen ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        message={
          report.tablesFrozen
            ? `附表已于提交时冻结，数据日期 ${report.dataDate}：审核与公开的即为此版本。`
            : `附表由平台数据实时生成（数据日期 ${report.dataDate}），提交时冻结；不能手工填写。`
        }
      />
      {report.tables.map((t, i) => (
        <Card key={t.code} size="small" title={`附表${i + 1} ${t.title}`} style={{ marginBottom: 12 }}>
          <ResponsiveTable<Row>
            rows={t.rows}
            rowKey={(r) => r.fact}
            primary={primary}
            columns={columns}
            pageSize={50}
            empty="无指标"
            rowTestId="report-table-row"
          />
        </Card>
      ))}
      {report.missing.length > 0 && (
        <Alert type="warning" showIcon message={`暂无数据的指标（${report.missing.length} 项）`} description={report.missing.join('；')} />
      )}
    </div>
  );
}
