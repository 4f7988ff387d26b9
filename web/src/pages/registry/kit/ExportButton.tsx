import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { withQuery, type Query } from '../../../api/client.ts';

/**
 * Downloads the list as .xlsx with the filters on screen (the export endpoint takes the list's own query and
 * ignores paging). A plain link: the browser sends the session cookie and saves the file itself; personal
 * data comes masked unless the server lets the user see it.
 */
export function ExportButton({ path, query, label = '导出 Excel' }: { path: string; query: Query; label?: string }) {
  return (
    <Button href={withQuery(path, query)} download icon={<FileExcelOutlined />} data-testid="export">
      {label}
    </Button>
  );
}
