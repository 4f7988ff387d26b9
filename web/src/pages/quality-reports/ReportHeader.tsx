import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag } from 'antd';
import { STATUS_COLORS, type QualityReport } from './api.ts';

/** Who, which year, the state, the partner schools of an enterprise report, and the PDF and .xlsx once saved. */
export function ReportHeader({ report, publicView = false }: { report: QualityReport; publicView?: boolean }) {
  const base = publicView ? '/api/public/quality-reports' : '/api/quality-reports';
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="报告单位">{report.organisationName}</Descriptions.Item>
        <Descriptions.Item label="类型">{report.kindLabel}报告</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_COLORS[report.status]} data-testid="report-status">
            {report.statusLabel}
          </Tag>
        </Descriptions.Item>
        {report.kind === 'enterprise' && (
          <Descriptions.Item label="联合发布学校" span={3}>
            {report.partners.length
              ? report.partners.map((p) => (
                  <Tag key={p.schoolId} color={p.confirmed ? 'green' : 'default'}>
                    {p.name}
                    {p.confirmed ? '（已确认）' : '（待确认）'}
                  </Tag>
                ))
              : '平台上本年度尚无合作学校（实习或共建载体），暂不能提交'}
          </Descriptions.Item>
        )}
      </Descriptions>
      {report.id && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<PrinterOutlined />} href={`${base}/${report.id}/pdf`} target="_blank">
            A4 PDF
          </Button>
          {!publicView && (
            <Button icon={<FileExcelOutlined />} href={`${base}/${report.id}/xlsx`}>
              附表 .xlsx
            </Button>
          )}
        </Space>
      )}
    </>
  );
}
