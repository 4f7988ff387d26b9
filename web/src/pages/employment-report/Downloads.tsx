import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

/** A report's A4 PDF (opens in the browser's viewer to print) and its tables as .xlsx: plain links with the session cookie. */
export function Downloads({ year, prefix = '/api/employment-reports' }: { year: number; prefix?: string }) {
  return (
    <Space size={4} wrap>
      <Button size="small" href={`${prefix}/${year}/pdf`} target="_blank" icon={<FilePdfOutlined />} data-testid="report-pdf">
        PDF
      </Button>
      <Button size="small" href={`${prefix}/${year}/xlsx`} download icon={<FileExcelOutlined />} data-testid="report-xlsx">
        Excel
      </Button>
    </Space>
  );
}
